"""The life of a rights-protection complaint (侨务信访), on one screen.

received ─ accept ─▶ accepted ─ extend (head) ─▶ extended
received ─ transfer ─▶ transferred ─ return_transfer (wrong transfer, ≤ 5 wd) ─▶ received
received ─ decline ─▶ not_accepted
accepted / extended / transferred ─ reply ─▶ replied ─ request_review ─▶ review_requested
review_requested ─ record_review ─▶ reviewed ─ request_rereview ─▶ rereview_requested
rereview_requested ─ record_rereview ─▶ closed;  replied / reviewed ─ close ─▶ closed

The clocks (信访工作条例, lengths from the rules engine, area ``petitions``): the written
notice within 15 days of receipt (accept, transfer or not ours: art. 22–23); a wrong transfer
objected to by the receiving organ within 5 working days (art. 23); the conclusion within 60
days of acceptance, extended by at most 30 with the head's approval and the petitioner told
why (art. 34); a review (复查) requested within 30 days of the reply and answered within 30
(art. 35); a re-review (复核) the same (art. 36). A hearing pauses the running clock (its days
are not counted). Every step is the owning division's; the extension is its head's.
"""

import datetime
from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from waishi.cases.clocks import Start, Stop
from waishi.cases.permissions import is_case_division_head, is_case_division_officer
from waishi.cases.workflow import REASON, Input, Transition, Workflow

from . import actions
from .constants import (
    CONCLUDE_CLOCK,
    NOTICE_CLOCK,
    OBJECTION_CLOCK,
    REREVIEW_CLOCK,
    REREVIEW_WINDOW_CLOCK,
    REVIEW_CLOCK,
    REVIEW_WINDOW_CLOCK,
    Category,
    RuleCode,
)
from .rules import day_of, parse_day, result_of, rule_number

DATE_HELP = gettext_lazy("Date (YYYY-MM-DD; empty: today)")
ON = Input("on", DATE_HELP, required=False, multiline=False, max_length=10)
REQUESTED_ON = Input(
    "on", gettext_lazy("Requested on (YYYY-MM-DD)"), multiline=False, max_length=10
)
TO = Input("to", gettext_lazy("Department transferred to"), multiline=False, max_length=200)
DAYS = Input("days", gettext_lazy("Days of extension"), multiline=False, max_length=3)
WHY = Input("reason", gettext_lazy("Reason (the petitioner is told)"))
OPINION = Input("opinion", gettext_lazy("Handling opinion"), max_length=4000)
BODY = Input("body", gettext_lazy("Reviewing organ"), multiline=False, max_length=200)
RESULT = Input(
    "result",
    gettext_lazy("Result: 维持 (upheld), 变更 (changed) or 撤销 (revoked)"),
    multiline=False,
    max_length=12,
)

REVIEW_TEXT = Input("opinion", gettext_lazy("Opinion"), max_length=4000)


def _petition(case: Any) -> Any:
    return case.petition


def _day_reasons(value: str | None, earliest: datetime.date | None, *, required: bool) -> list[str]:
    if not (value or "").strip():
        return [_("Give the date as YYYY-MM-DD.")] if required else []
    day = parse_day(value)
    if day is None:
        return [_("Give the date as YYYY-MM-DD.")]
    if day > timezone.localdate():
        return [_("The date cannot be in the future.")]
    if earliest is not None and day < earliest:
        return [
            _("The date cannot be before %(day)s.") % {"day": earliest.isoformat()},
        ]
    return []


def after_receipt(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    return _day_reasons(inputs.get("on"), _petition(case).received_on, required=False)


def after_acceptance(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    petition = _petition(case)
    earliest = petition.accepted_on or petition.transferred_on or petition.received_on
    reasons = _day_reasons(inputs.get("on"), earliest, required=False)
    if not (inputs.get("opinion") or "").strip():
        reasons.append(_("Write the handling opinion."))
    return reasons


def not_to_the_accused(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    """A report or accusation is never transferred to the department it accuses."""
    petition = _petition(case)
    target = (inputs.get("to") or "").strip()
    if not target:
        return [_("Name the department the complaint is transferred to.")]
    if petition.category == Category.ACCUSATION and target == petition.against_name.strip():
        return [
            _(
                "A report or accusation is not transferred to the department it accuses "
                "(信访工作条例)."
            )
        ]
    return []


def objection_in_time(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    """The receiving organ may object to a wrong transfer within 5 working days (art. 23)."""
    from waishi.core.workdays import add_workdays

    petition = _petition(case)
    reasons = _day_reasons(inputs.get("on"), petition.transferred_on, required=False)
    if reasons or petition.transferred_on is None:
        return reasons
    days = rule_number(RuleCode.OBJECTION_WORKDAYS, petition.transferred_on)
    last = add_workdays(petition.transferred_on, days)
    if day_of(inputs) > last:
        return [
            _(
                "A wrong transfer is objected to within %(days)s working days of the transfer "
                "(by %(last)s); the receiving organ must handle the complaint now."
            )
            % {"days": days, "last": last.isoformat()}
        ]
    return []


def extension_allowed(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    """At most 30 more days (rule data), with a reason the petitioner is told (art. 34)."""
    petition = _petition(case)
    most = rule_number(RuleCode.EXTENSION_DAYS, petition.accepted_on or timezone.localdate())
    try:
        days = int((inputs.get("days") or "").strip())
    except ValueError:
        return [_("Give the days of extension as a whole number.")]
    reasons = []
    if days < 1 or petition.extension_days + days > most:
        reasons.append(
            _("The conclusion may be extended by 1 to %(most)s days in all.") % {"most": most}
        )
    if not (inputs.get("reason") or "").strip():
        reasons.append(_("Give the reason: the petitioner is told why."))
    return reasons


def _request_in_time(
    inputs: Mapping[str, str], since: datetime.date | None, code: str, what: str
) -> list[str]:
    reasons = _day_reasons(inputs.get("on"), since, required=True)
    if reasons or since is None:
        return reasons
    days = rule_number(code, since)
    last = since + datetime.timedelta(days=days)
    if day_of(inputs) > last:
        return [
            _("%(what)s is requested within %(days)s days (by %(last)s).")
            % {"what": what, "days": days, "last": last.isoformat()}
        ]
    if not (inputs.get("body") or "").strip():
        return [_("Name the reviewing organ.")]
    return []


def review_in_time(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    return _request_in_time(
        inputs, _petition(case).replied_on, RuleCode.REVIEW_REQUEST_DAYS, _("A review")
    )


def rereview_in_time(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    return _request_in_time(
        inputs, _petition(case).reviewed_on, RuleCode.REREVIEW_REQUEST_DAYS, _("A re-review")
    )


def _opinion_reasons(inputs: Mapping[str, str], since: datetime.date | None) -> list[str]:
    reasons = _day_reasons(inputs.get("on"), since, required=False)
    if result_of(inputs) is None:
        reasons.append(_("Choose the result: 维持 (upheld), 变更 (changed) or 撤销 (revoked)."))
    if not (inputs.get("opinion") or "").strip():
        reasons.append(_("Write the opinion."))
    return reasons


def review_opinion_valid(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    return _opinion_reasons(inputs, _petition(case).review_requested_on)


def rereview_opinion_valid(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    return _opinion_reasons(inputs, _petition(case).rereview_requested_on)


may = is_case_division_officer
HANDLING = ["accepted", "extended", "transferred"]

WORKFLOW = Workflow(
    states={
        "received": gettext_lazy("Received"),
        "accepted": pgettext_lazy("petition", "Accepted"),
        "extended": gettext_lazy("Accepted, extended"),
        "transferred": gettext_lazy("Transferred"),
        "not_accepted": gettext_lazy("Not accepted"),
        "replied": gettext_lazy("Handling opinion given"),
        "review_requested": gettext_lazy("Review requested"),
        "reviewed": gettext_lazy("Reviewed"),
        "rereview_requested": gettext_lazy("Re-review requested"),
        "closed": pgettext_lazy("petition", "Closed"),
    },
    initial="received",
    final={"not_accepted", "closed"},
    transitions=[
        Transition(
            "accept",
            ["received"],
            "accepted",
            pgettext_lazy("petition", "Accept"),
            may=may,
            guards=[after_receipt],
            inputs=[ON],
            effects=[actions.accept],
            style="success",
        ),
        Transition(
            "transfer",
            ["received"],
            "transferred",
            gettext_lazy("Transfer to the competent department"),
            may=may,
            guards=[after_receipt, not_to_the_accused],
            inputs=[TO, ON],
            effects=[actions.transfer],
        ),
        Transition(
            "decline",
            ["received"],
            "not_accepted",
            gettext_lazy("Not ours: do not accept"),
            may=may,
            inputs=[REASON],
            effects=[actions.decline],
            style="secondary",
            clocks=[Stop(NOTICE_CLOCK)],
        ),
        Transition(
            "return_transfer",
            ["transferred"],
            "received",
            gettext_lazy("Record an objection to a wrong transfer"),
            may=may,
            guards=[objection_in_time],
            inputs=[ON, REASON],
            effects=[actions.return_transfer],
            style="warning",
            clocks=[Stop(OBJECTION_CLOCK), Start(NOTICE_CLOCK)],
        ),
        Transition(
            "extend",
            ["accepted"],
            "extended",
            gettext_lazy("Extend the conclusion"),
            may=is_case_division_head,
            guards=[extension_allowed],
            inputs=[DAYS, WHY],
            effects=[actions.extend],
            style="warning",
        ),
        Transition(
            "reply",
            HANDLING,
            "replied",
            gettext_lazy("Give the handling opinion"),
            may=may,
            guards=[after_acceptance],
            inputs=[OPINION, ON],
            effects=[actions.reply],
            style="success",
            clocks=[Stop(CONCLUDE_CLOCK), Stop(OBJECTION_CLOCK)],
        ),
        Transition(
            "request_review",
            ["replied"],
            "review_requested",
            gettext_lazy("Record a request for review"),
            may=may,
            guards=[review_in_time],
            inputs=[REQUESTED_ON, BODY],
            effects=[actions.request_review],
            clocks=[Stop(REVIEW_WINDOW_CLOCK)],
        ),
        Transition(
            "record_review",
            ["review_requested"],
            "reviewed",
            gettext_lazy("Record the review opinion"),
            may=may,
            guards=[review_opinion_valid],
            inputs=[RESULT, REVIEW_TEXT, ON],
            effects=[actions.record_review],
            style="success",
            clocks=[Stop(REVIEW_CLOCK)],
        ),
        Transition(
            "request_rereview",
            ["reviewed"],
            "rereview_requested",
            gettext_lazy("Record a request for re-review"),
            may=may,
            guards=[rereview_in_time],
            inputs=[REQUESTED_ON, BODY],
            effects=[actions.request_rereview],
            clocks=[Stop(REREVIEW_WINDOW_CLOCK)],
        ),
        Transition(
            "record_rereview",
            ["rereview_requested"],
            "closed",
            gettext_lazy("Record the re-review opinion (final)"),
            may=may,
            guards=[rereview_opinion_valid],
            inputs=[RESULT, REVIEW_TEXT, ON],
            effects=[actions.record_rereview],
            style="success",
            clocks=[Stop(REREVIEW_CLOCK)],
        ),
        Transition(
            "close",
            ["replied", "reviewed"],
            "closed",
            pgettext_lazy("petition", "Close"),
            may=may,
            style="secondary",
        ),
    ],
)
