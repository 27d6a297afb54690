"""The lives of a donation (JZ) and of a donated project (JX), on one screen each.

Donation: the donee files it (agreement attached, receipt and ledger entry recorded) → the
reviewing office registers it, or, at or above the certificate threshold, reviews it and
issues the donor the donation certificate. Project: filed → construction approved → completed
(the confirmation clock starts) → confirmation applied for → confirmed by the government
(certificate, sign-plate number; the yearly use-report clock starts) → closed.
"""

import datetime
from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.cases.clocks import Start, Stop
from waishi.cases.workflow import REASON, Input, Transition, Workflow

from .constants import CONFIRMATION_CLOCK, USE_REPORT_CLOCK
from .permissions import is_case_issuer, is_case_reviewer, is_donee

ON = Input("on", gettext_lazy("Date (YYYY-MM-DD)"), multiline=False, max_length=10)
REFERENCE = Input(
    "reference", gettext_lazy("Document number of the approval"), multiline=False, max_length=100
)


def parse_day(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((value or "").strip())
    except ValueError:
        return None


def _day_reasons(value: str | None, not_before: datetime.date | None = None) -> list[str]:
    day = parse_day(value)
    if day is None:
        return [_("Give the date as YYYY-MM-DD.")]
    if day > timezone.localdate():
        return [_("The date cannot be in the future.")]
    if not_before is not None and day < not_before:
        return [_("The date cannot be before %(day)s.") % {"day": not_before.isoformat()}]
    return []


# --- Donations ------------------------------------------------------------------------------


def _donation(case: Any) -> Any:
    return getattr(case, "donation", None)


def below_threshold(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    if _donation(case).needs_certificate:
        return [
            _(
                "The donation is at or above the certificate threshold: review it for the "
                "certificate."
            )
        ]
    return []


def at_threshold(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    if not _donation(case).needs_certificate:
        return [_("The donation is below the certificate threshold: register it.")]
    return []


def agreement_attached(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    if _donation(case).agreement_id is None:
        return [_("Attach the donation agreement first.")]
    return []


def issue_certificate(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import issue_donation_certificate

    issue_donation_certificate(case, actor)


DONATION_WORKFLOW = Workflow(
    states={
        "filed": gettext_lazy("Filed"),
        "returned": gettext_lazy("Returned to the donee"),
        "registered": gettext_lazy("Registered"),
        "certificate_review": gettext_lazy("Certificate review"),
        "certified": gettext_lazy("Certificate issued"),
        "withdrawn": gettext_lazy("Withdrawn"),
    },
    initial="filed",
    final={"registered", "certified", "withdrawn"},
    transitions=[
        Transition(
            "register",
            ["filed"],
            "registered",
            gettext_lazy("Register"),
            may=is_case_reviewer,
            guards=[agreement_attached, below_threshold],
            style="success",
        ),
        Transition(
            "review_for_certificate",
            ["filed"],
            "certificate_review",
            gettext_lazy("Review for the certificate"),
            may=is_case_reviewer,
            guards=[agreement_attached, at_threshold],
        ),
        Transition(
            "return_to_donee",
            ["filed", "certificate_review"],
            "returned",
            gettext_lazy("Return to the donee"),
            may=is_case_reviewer,
            inputs=[REASON],
            style="warning",
        ),
        Transition(
            "resubmit",
            ["returned"],
            "filed",
            gettext_lazy("File again"),
            may=is_donee,
            guards=[agreement_attached],
            filing=True,
        ),
        Transition(
            "issue_certificate",
            ["certificate_review"],
            "certified",
            gettext_lazy("Issue the donation certificate"),
            may=is_case_issuer,
            guards=[agreement_attached, at_threshold],
            effects=[issue_certificate],
            style="success",
            confirm=gettext_lazy("Issue the numbered certificate to the donor?"),
        ),
        Transition(
            "withdraw",
            ["filed", "returned"],
            "withdrawn",
            gettext_lazy("Withdraw"),
            may=is_donee,
            inputs=[REASON],
            style="secondary",
            aside=True,
        ),
    ],
)


# --- Projects -------------------------------------------------------------------------------


def _project(case: Any) -> Any:
    return getattr(case, "project", None)


def _save(case: Any, **values: Any) -> None:
    project = _project(case)
    for name, value in values.items():
        setattr(project, name, value)
    project.save(update_fields=list(values))


def approval_is_valid(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    reasons = _day_reasons(inputs.get("on"))
    if not (inputs.get("reference") or "").strip():
        reasons.append(_("Give the approval's document number."))
    return reasons


def record_construction_approval(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    _save(
        case,
        construction_approved_on=parse_day(inputs["on"]),
        construction_approval=inputs["reference"].strip(),
    )


def completion_is_valid(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    return _day_reasons(inputs.get("on"), _project(case).construction_approved_on)


def record_completion(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from waishi.cases.clocks import start_clock

    completed_on = parse_day(inputs["on"])
    _save(case, completed_on=completed_on)
    # The donee applies for confirmation within the months of the rule from completion and
    # hand-over (PREF; Guangzhou 90 days).
    start_clock(case, CONFIRMATION_CLOCK, actor=actor, start_on=completed_on)


def record_application(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import flag_late_confirmation

    flag_late_confirmation(case, actor)


def confirmation_is_valid(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    project = _project(case)
    reasons = _day_reasons(inputs.get("on"), project.confirmation_applied_on)
    if not (inputs.get("reference") or "").strip():
        reasons.append(_("Give the government's approval document number."))
    return reasons


def confirm_project(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import confirm_project as run

    run(case, actor, parse_day(inputs["on"]), inputs["reference"].strip())


PROJECT_WORKFLOW = Workflow(
    states={
        "filed": gettext_lazy("Filed"),
        "approved": gettext_lazy("Construction approved"),
        "completed": gettext_lazy("Completed"),
        "confirmation_applied": gettext_lazy("Confirmation applied for"),
        "in_use": gettext_lazy("Confirmed, in use"),
        "refused": gettext_lazy("Construction refused"),
        "closed": gettext_lazy("Closed"),
    },
    initial="filed",
    final={"refused", "closed"},
    transitions=[
        Transition(
            "approve_construction",
            ["filed"],
            "approved",
            gettext_lazy("Record the construction approval"),
            may=is_case_reviewer,
            guards=[approval_is_valid],
            inputs=[ON, REFERENCE],
            effects=[record_construction_approval],
            style="success",
        ),
        Transition(
            "refuse_construction",
            ["filed"],
            "refused",
            gettext_lazy("Refuse the construction"),
            may=is_case_reviewer,
            inputs=[REASON],
            style="danger",
        ),
        Transition(
            "record_completion",
            ["approved"],
            "completed",
            gettext_lazy("Report the completion"),
            may=is_donee,
            guards=[completion_is_valid],
            inputs=[ON],
            effects=[record_completion],
        ),
        Transition(
            "apply_for_confirmation",
            ["completed"],
            "confirmation_applied",
            gettext_lazy("Apply for confirmation"),
            may=is_donee,
            effects=[record_application],
            clocks=[Stop(CONFIRMATION_CLOCK)],
            filing=True,
        ),
        Transition(
            "confirm",
            ["confirmation_applied"],
            "in_use",
            gettext_lazy("Record the government's confirmation"),
            may=is_case_issuer,
            guards=[confirmation_is_valid],
            inputs=[ON, REFERENCE],
            effects=[confirm_project],
            clocks=[Start(USE_REPORT_CLOCK)],
            style="success",
        ),
        Transition(
            "close",
            ["in_use"],
            "closed",
            gettext_lazy("Close the project's file"),
            may=is_case_reviewer,
            inputs=[REASON],
            style="secondary",
        ),
    ],
)
