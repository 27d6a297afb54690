"""Writing foreign-related incidents: opening a case from a notice, visits, the press line.

Every action checks its right, runs in one transaction with its audit event and leaves the
notifications to the kernel (after commit). Status changes go through the workflow engine.
"""

import datetime
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.cases.actions import do_create_case
from waishi.cases.clocks import start_clock, stop_clock
from waishi.cases.constants import DueUnit, StepBody, StepStatus
from waishi.cases.models import Case, ExternalStep
from waishi.cases.names import set_case_names
from waishi.cases.refusals import TransitionRefused
from waishi.cases.steps import Due, do_record_answer, do_send_step
from waishi.registers.constants import PersonKind
from waishi.registers.countries import country_name
from waishi.registers.models import Person
from waishi.registers.models.people import split_codes

from .constants import (
    CASE_TYPE,
    DEATH_NOTICE_CLOCK,
    DETENTION_KINDS,
    NOTIFICATION_CLOCK,
    POLICE_REPORT_CLOCK,
    PROVINCIAL_POLICE,
    VISIT_CLOCK,
    IncidentKind,
    TreatyUnit,
)
from .models import ConsularTreaty, ConsularVisit, Incident, IncidentPerson
from .treaties import treaty_for


@dataclass(frozen=True)
class PersonIn:
    """A foreign person as the filing form gives them."""

    name: str
    sex: str
    date_of_birth: datetime.date
    nationalities: str
    foreign_names: str = ""
    passport_number: str = ""


def foreign_nationality(codes: Sequence[str]) -> str:
    """The nationality the consular clock follows: the first one claimed that is not CN."""
    return next((code for code in codes if code != "CN"), "")


def is_dual_national(codes: Sequence[str]) -> bool:
    """A Chinese national who also claims another nationality (not recognised in China)."""
    return "CN" in codes and any(code != "CN" for code in codes)


def _check_people(people: Sequence[PersonIn]) -> None:
    if not people:
        raise ValidationError(_("Name at least one foreign person."))
    for person in people:
        codes = split_codes(person.nationalities)
        if not foreign_nationality(codes):
            raise ValidationError(
                _("%(name)s has no foreign nationality: this is not a foreign-related case.")
                % {"name": person.name}
            )


def notification_days(treaty: ConsularTreaty) -> int:
    """The treaty clock's length in calendar days (a limit in hours rounded up)."""
    length, unit = treaty.clock_length()
    return math.ceil(length / 24) if unit == TreatyUnit.HOURS else length


def _register(person: PersonIn) -> Person:
    row = Person(
        agency=None,
        kinds=PersonKind.DETAINEE,
        name=person.name.strip(),
        foreign_names=person.foreign_names.strip(),
        sex=person.sex,
        date_of_birth=person.date_of_birth,
        nationalities=",".join(split_codes(person.nationalities)),
        passport_number=person.passport_number.strip().upper(),
    )
    row.full_clean()
    row.save()
    return row


def do_file_incident(
    *,
    actor: Any,
    agency: Any,
    kind: str,
    notice_source: str,
    notifying_body: str,
    notice_received_at: datetime.datetime,
    began_at: datetime.datetime,
    people: Sequence[PersonIn],
    measure: str = "",
    organ: str = "",
    place: str = "",
    summary: str = "",
    police_report_at: datetime.datetime | None = None,
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """Open an incident case from a notice, with its persons and clocks.

    Checks ``incidents.file_incident`` (the consular staff). The persons go to the shared
    people register; a Chinese national claiming another nationality is flagged. A detention
    runs the 48-hour police report and the treaty clock of the binding ``ConsularTreaty``,
    and records the provincial police's notification as an external step due with it; a
    death runs the 4-day notice to family and consulate. Raises ``ValidationError``
    (nothing written) for bad input.
    """
    if not actor.has_perm("incidents.file_incident"):
        raise PermissionDenied
    now = timezone.now()
    if began_at > now or notice_received_at > now:
        raise ValidationError(
            _("The time the incident began and the notice cannot be in the future.")
        )
    if police_report_at is not None and (police_report_at > now or police_report_at < began_at):
        raise ValidationError(_("The police report falls between the incident and now."))
    _check_people(people)
    codes = [split_codes(p.nationalities) for p in people]
    main = foreign_nationality(codes[0])
    began_on = timezone.localtime(began_at).date()
    treaty = None
    if kind in DETENTION_KINDS:
        treaty = treaty_for([c for person in codes for c in person], began_on)
    names = [p.name for p in people]
    title = f"{IncidentKind(kind).label} · {country_name(main)} · {'、'.join(names)}"

    def build(case: Case) -> None:
        incident = Incident.objects.create(
            case=case,
            kind=kind,
            notice_source=notice_source,
            notifying_body=notifying_body.strip(),
            notice_received_at=notice_received_at,
            measure=measure.strip(),
            organ=organ.strip(),
            began_at=began_at,
            place=place.strip(),
            summary=summary.strip(),
            nationality=main,
            dual_national=any(is_dual_national(c) for c in codes),
            treaty=treaty,
            police_report_at=police_report_at,
        )
        for order, (person, person_codes) in enumerate(zip(people, codes, strict=True)):
            IncidentPerson.objects.create(
                incident=incident,
                person=_register(person),
                nationality=foreign_nationality(person_codes),
                dual_national=is_dual_national(person_codes),
                sort_order=order,
            )
        set_case_names(case.pk, names)

    with transaction.atomic():
        case = do_create_case(
            actor=actor,
            case_type=CASE_TYPE,
            agency=agency,
            title=title[:200],
            build_detail=build,
            idempotency_key=idempotency_key,
            request=request,
        )
        if getattr(case, "replayed", False):
            return case
        _start_clocks(case, actor, kind, began_at, treaty, police_report_at)
    return case


def _start_clocks(
    case: Case,
    actor: Any,
    kind: str,
    began_at: datetime.datetime,
    treaty: ConsularTreaty | None,
    police_report_at: datetime.datetime | None,
) -> None:
    if kind not in DETENTION_KINDS and kind != IncidentKind.DEATH:
        return
    # The city police report to the province within 48 hours of the measure (CPR art. 367).
    start_clock(case, POLICE_REPORT_CLOCK, actor=actor, at=began_at, record=False)
    if police_report_at is not None:
        stop_clock(case, POLICE_REPORT_CLOCK, actor=actor, at=police_report_at, record=False)
    if kind == IncidentKind.DEATH:
        start_clock(case, DEATH_NOTICE_CLOCK, actor=actor, at=began_at, record=False)
        return
    if treaty is None:
        return
    clock = start_clock(
        case,
        NOTIFICATION_CLOCK,
        actor=actor,
        at=began_at,
        length=notification_days(treaty),
        record=False,
    )
    today = timezone.localdate()
    incident = case.incident  # type: ignore[attr-defined]
    person = incident.persons.select_related("person").first()
    do_send_step(
        case=case,
        actor=actor,
        body=StepBody.POLICE,
        body_name=str(PROVINCIAL_POLICE),
        request_text=_("Notify the consulate of %(country)s of the measure against %(name)s.")
        % {
            "country": country_name(incident.nationality),
            "name": person.person.name if person else "",
        },
        sent_on=today,
        due=Due(DueUnit.DATE, on=max(clock.due_date, today)),
    )


def answer_police_step(
    case: Case, actor: Any, on: datetime.date | None, inputs: Mapping[str, str]
) -> None:
    """Record the provincial police's notification as the answer to the step waiting on them."""
    step = (
        ExternalStep.objects.filter(
            case_id=case.pk, body=StepBody.POLICE, status=StepStatus.WAITING
        )
        .order_by("sent_on", "id")
        .first()
    )
    if step is None or on is None:
        return
    do_record_answer(
        case=case,
        step_pk=step.pk,
        actor=actor,
        answered_on=max(on, step.sent_on),
        answer_text=_("Consulate notified on %(on)s by %(by)s (%(channel)s).")
        % {"on": on.isoformat(), "by": inputs.get("by", ""), "channel": inputs.get("channel", "")},
    )


def _locked_incident(case: Case, actor: Any) -> Incident:
    from waishi.cases.permissions import is_case_division_officer

    if not is_case_division_officer(actor, case):
        raise TransitionRefused(
            [_("Only the division keeping the case may record this.")], forbidden=True
        )
    Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
    return Incident.objects.select_related("treaty").get(case_id=case.pk)


def do_request_visit(
    *,
    case: Case,
    actor: Any,
    consulate: str,
    requested_on: datetime.date,
    request: HttpRequest | None = None,
) -> ConsularVisit:
    """Record that the consulate asked to visit; a treaty's visit limit starts its clock.

    Checks that the actor works in the case's division. Refuses a request in the future, one
    before the incident and a consulate left unnamed; nothing is written then.
    """
    if not consulate.strip():
        raise ValidationError(_("Name the consulate."))
    if requested_on > timezone.localdate():
        raise ValidationError(_("The request cannot be dated in the future."))
    with transaction.atomic():
        incident = _locked_incident(case, actor)
        if requested_on < timezone.localtime(incident.began_at).date():
            raise ValidationError(_("The request cannot be before the incident began."))
        visit = ConsularVisit.objects.create(
            incident=incident, consulate=consulate.strip(), requested_on=requested_on
        )
        within = incident.treaty.visit_within if incident.treaty else None
        if within:
            start_clock(case, VISIT_CLOCK, actor=actor, start_on=requested_on, length=within)
        log_action(
            action="incidents.visit.request",
            actor=actor,
            obj=case,
            after={"visit": visit.pk, "requested_on": requested_on.isoformat()},
            request=request,
        )
    return visit


def do_record_visit_held(
    *,
    case: Case,
    actor: Any,
    visit_pk: int,
    held_on: datetime.date,
    note: str = "",
    request: HttpRequest | None = None,
) -> ConsularVisit:
    """Record that a requested visit was held (stops the visit clock). Division staff only."""
    if held_on > timezone.localdate():
        raise ValidationError(_("The visit cannot be dated in the future."))
    with transaction.atomic():
        incident = _locked_incident(case, actor)
        visit = (
            ConsularVisit.objects.select_for_update().filter(incident=incident, pk=visit_pk).first()
        )
        if visit is None or visit.held_on is not None:
            raise ValidationError(_("This visit is not waiting to be held."))
        if held_on < visit.requested_on:
            raise ValidationError(_("The visit cannot be held before it was requested."))
        visit.held_on, visit.note = held_on, note.strip()
        visit.save(update_fields=["held_on", "note", "updated_at"])
        if not incident.visits.filter(held_on__isnull=True).exists():
            stop_clock(case, VISIT_CLOCK, actor=actor)
        log_action(
            action="incidents.visit.hold",
            actor=actor,
            obj=case,
            after={"visit": visit.pk, "held_on": held_on.isoformat()},
            request=request,
        )
    return visit


def do_set_media_line(
    *, case: Case, actor: Any, text: str, request: HttpRequest | None = None
) -> None:
    """Keep the press line agreed for the case. Division staff only."""
    with transaction.atomic():
        incident = _locked_incident(case, actor)
        before = incident.media_line
        incident.media_line = text.strip()
        incident.save(update_fields=["media_line"])
        log_action(
            action="incidents.incident.media_line",
            actor=actor,
            obj=case,
            before={"media_line": before},
            after={"media_line": incident.media_line},
            request=request,
        )
