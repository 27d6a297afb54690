"""The life of a foreign-related incident, on one screen.

Detention: opened (T0, the police's, a hospital's or a hotel's notice) → the provincial
police notify the consulate, the bureau records it → before the court → released, deported
or sentenced → closed. Death: opened → family and consulate notified (≤ 4 days) → death
certified → the family's decision (cremation or repatriation only on written request) →
residence permit cancelled → closed. Civil matters, accidents and journalist matters are
recorded and closed. Every step is the owning division's (``is_case_division_officer``);
no step is public: the filing agency never follows these cases.
"""

import datetime
from collections.abc import Mapping
from typing import Any

import rules
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.cases.clocks import Stop
from waishi.cases.permissions import is_case_division_officer
from waishi.cases.workflow import Input, Transition, Workflow

from .constants import (
    DEATH_NOTICE_CLOCK,
    DETENTION_KINDS,
    NOTIFICATION_CLOCK,
    POLICE_REPORT_CLOCK,
    RECORD_ONLY_KINDS,
    WRITTEN_REQUEST_DECISIONS,
    CertificateKind,
    FamilyDecision,
    IncidentKind,
    Outcome,
)

DATE_HELP = gettext_lazy("Date (YYYY-MM-DD)")
ON = Input("on", DATE_HELP, multiline=False, max_length=10)
CHANNEL = Input(
    "channel", gettext_lazy("Channel (note, fax, telephone…)"), multiline=False, max_length=200
)
BY = Input("by", gettext_lazy("Notified by"), multiline=False, max_length=200)
NOTE = Input("note", gettext_lazy("Note"), required=False)
CERTIFICATE = Input("certificate", gettext_lazy("Certificate"), multiline=False, max_length=16)
NUMBER = Input("number", gettext_lazy("Certificate number"), multiline=False, max_length=100)
DECISION = Input("decision", gettext_lazy("Decision"), multiline=False, max_length=16)
REQUEST_ON = Input(
    "request_on",
    gettext_lazy("Written request dated"),
    required=False,
    multiline=False,
    max_length=10,
)


def parse_day(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((value or "").strip())
    except ValueError:
        return None


def _day_reasons(case: Any, value: str | None, label: str) -> list[str]:
    day = parse_day(value)
    if day is None:
        return [_("%(what)s: give the date as YYYY-MM-DD.") % {"what": label}]
    began = timezone.localtime(case.incident.began_at).date()
    if day < began:
        return [_("%(what)s cannot be before the incident began.") % {"what": label}]
    if day > timezone.localdate():
        return [_("%(what)s cannot be in the future.") % {"what": label}]
    return []


def day_is_valid(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    return _day_reasons(case, inputs.get("on"), _("The date"))


# Which branch a case takes follows its kind: the steps of another branch are not offered.
# A case read without its detail row (a probe of the benchmark's generator) is not narrowed.
def _kind(case: Any) -> str | None:
    incident = getattr(case, "incident", None) if case is not None else None
    return None if incident is None else str(incident.kind)


@rules.predicate
def is_detention_case(user: Any, case: Any) -> bool:
    kind = _kind(case)
    return case is not None and (kind is None or kind in DETENTION_KINDS)


@rules.predicate
def is_death_case(user: Any, case: Any) -> bool:
    kind = _kind(case)
    return case is not None and (kind is None or kind == IncidentKind.DEATH)


@rules.predicate
def is_record_only_case(user: Any, case: Any) -> bool:
    kind = _kind(case)
    return case is not None and (kind is None or kind in RECORD_ONLY_KINDS)


def certificate_is_valid(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    if inputs.get("certificate") not in CertificateKind.values:
        return [_("Choose the hospital's death certificate or the forensic report.")]
    return []


def decision_is_valid(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    decision = inputs.get("decision")
    if decision not in FamilyDecision.values:
        return [_("Choose the family's decision.")]
    if decision in WRITTEN_REQUEST_DECISIONS:
        if not (inputs.get("request_on") or "").strip():
            return [
                _(
                    "Cremation or repatriation only on the written request of the family, the "
                    "delegation head or the consulate: give the date of the request."
                )
            ]
        return _day_reasons(case, inputs.get("request_on"), _("The written request"))
    return []


def _save(case: Any, **values: Any) -> None:
    incident = case.incident
    for name, value in values.items():
        setattr(incident, name, value)
    incident.save(update_fields=list(values))


def record_notification(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import answer_police_step

    on = parse_day(inputs["on"])
    _save(
        case,
        notified_on=on,
        notification_channel=inputs["channel"].strip(),
        notified_by=inputs["by"].strip(),
    )
    answer_police_step(case, actor, on, inputs)


def record_outcome(outcome: str) -> Any:
    def effect(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
        _save(
            case,
            outcome=outcome,
            outcome_on=parse_day(inputs["on"]),
            outcome_note=(inputs.get("note") or "").strip(),
        )

    return effect


def record_court(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    _save(case, court_date=parse_day(inputs["on"]))


def court_day_is_valid(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    # A hearing may be set for a later day: only the form and the order are checked.
    day = parse_day(inputs.get("on"))
    if day is None:
        return [_("%(what)s: give the date as YYYY-MM-DD.") % {"what": _("The court date")}]
    if day < timezone.localtime(case.incident.began_at).date():
        return [_("%(what)s cannot be before the incident began.") % {"what": _("The court date")}]
    return []


def record_death_notice(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    _save(case, death_notice_on=parse_day(inputs["on"]), notified_by=inputs["by"].strip())


def record_certificate(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    _save(case, certificate_kind=inputs["certificate"], certificate_number=inputs["number"].strip())


def record_decision(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    _save(
        case,
        family_decision=inputs["decision"],
        written_request_on=parse_day(inputs.get("request_on")),
    )


def record_permit(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    _save(case, permit_cancelled_on=parse_day(inputs["on"]))


may = is_case_division_officer
OUTCOME_SOURCES = ["notified", "in_court"]

WORKFLOW = Workflow(
    states={
        "opened": gettext_lazy("Opened"),
        "notified": gettext_lazy("Consulate notified"),
        "in_court": gettext_lazy("Before the court"),
        "released": gettext_lazy("Released"),
        "deported": gettext_lazy("Deported"),
        "sentenced": gettext_lazy("Sentenced"),
        "family_notified": gettext_lazy("Family and consulate notified"),
        "certified": gettext_lazy("Death certified"),
        "decided": gettext_lazy("Family's decision recorded"),
        "permit_cancelled": gettext_lazy("Residence permit cancelled"),
        "closed": gettext_lazy("Closed"),
    },
    initial="opened",
    final={"closed"},
    transitions=[
        Transition(
            "record_notification",
            ["opened"],
            "notified",
            gettext_lazy("Record the consular notification"),
            may=may & is_detention_case,
            guards=[day_is_valid],
            inputs=[ON, CHANNEL, BY],
            public=False,
            effects=[record_notification],
            style="success",
            clocks=[Stop(NOTIFICATION_CLOCK), Stop(POLICE_REPORT_CLOCK)],
        ),
        Transition(
            "refer_to_court",
            ["notified"],
            "in_court",
            gettext_lazy("Record the court date"),
            may=may,
            guards=[court_day_is_valid],
            inputs=[ON],
            public=False,
            effects=[record_court],
        ),
        Transition(
            "release",
            OUTCOME_SOURCES,
            "released",
            gettext_lazy("Record the release"),
            may=may,
            guards=[day_is_valid],
            inputs=[ON, NOTE],
            public=False,
            effects=[record_outcome(Outcome.RELEASE)],
        ),
        Transition(
            "deport",
            OUTCOME_SOURCES,
            "deported",
            gettext_lazy("Record the deportation"),
            may=may,
            guards=[day_is_valid],
            inputs=[ON, NOTE],
            public=False,
            effects=[record_outcome(Outcome.DEPORTATION)],
        ),
        Transition(
            "sentence",
            ["in_court"],
            "sentenced",
            gettext_lazy("Record the sentence"),
            may=may,
            guards=[day_is_valid],
            inputs=[ON, NOTE],
            public=False,
            effects=[record_outcome(Outcome.SENTENCE)],
        ),
        Transition(
            "record_death_notice",
            ["opened"],
            "family_notified",
            gettext_lazy("Record the notice to family and consulate"),
            may=may & is_death_case,
            guards=[day_is_valid],
            inputs=[ON, BY],
            public=False,
            effects=[record_death_notice],
            style="success",
            clocks=[Stop(DEATH_NOTICE_CLOCK), Stop(POLICE_REPORT_CLOCK)],
        ),
        Transition(
            "record_certificate",
            ["family_notified"],
            "certified",
            gettext_lazy("Record the death certificate"),
            may=may,
            guards=[certificate_is_valid],
            inputs=[CERTIFICATE, NUMBER],
            public=False,
            effects=[record_certificate],
        ),
        Transition(
            "record_decision",
            ["certified"],
            "decided",
            gettext_lazy("Record the family's decision"),
            may=may,
            guards=[decision_is_valid],
            inputs=[DECISION, REQUEST_ON],
            public=False,
            effects=[record_decision],
        ),
        Transition(
            "cancel_permit",
            ["decided"],
            "permit_cancelled",
            gettext_lazy("Record the residence permit cancelled"),
            may=may,
            guards=[day_is_valid],
            inputs=[ON],
            public=False,
            effects=[record_permit],
        ),
        Transition(
            "close",
            ["released", "deported", "sentenced", "permit_cancelled"],
            "closed",
            gettext_lazy("Close"),
            may=may,
            public=False,
            style="secondary",
        ),
        Transition(
            "close_record",
            ["opened"],
            "closed",
            gettext_lazy("Close the record"),
            may=may & is_record_only_case,
            public=False,
            style="secondary",
        ),
    ],
)
