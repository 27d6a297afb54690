"""The lives of a directive, a county's reply and a task from above."""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from waishi.accounts.permissions import is_bureau_leader
from waishi.cases.clocks import Start, Stop
from waishi.cases.permissions import (
    can_work_on_case,
    is_case_division_head,
    is_case_division_officer,
)
from waishi.cases.workflow import REASON, Input, Transition, Workflow

from .constants import REPLY_CLOCK, TASK_CLOCK
from .permissions import is_reply_county_officer

# A bare one-argument predicate cannot take the case, so the leader's is combined with one.
is_case_bureau_leader = is_bureau_leader & can_work_on_case

REPLY_TEXT = Input("text", _("Reply"), max_length=20000)
TASK_REPLY = Input("reply", _("Reply to be sent up"), max_length=20000)


def _issue(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import open_replies

    open_replies(case, actor)


def _issue_guard(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[Any]:
    directive = case.directive
    reasons = []
    if not directive.counties.exists():
        reasons.append(_("Choose the county offices that reply."))
    from django.utils import timezone

    if directive.reply_due <= timezone.localdate():
        reasons.append(_("The replies' due date must be after today."))
    return reasons


def _write_reply(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import record_reply

    record_reply(case, actor, inputs.get("text", ""))


def _reply_guard(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[Any]:
    if not inputs.get("text", "").strip():
        return [_("Write the reply.")]
    return []


def _keep_reply(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import record_task_reply

    record_task_reply(case, inputs.get("reply", ""))


def _reply_text_guard(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[Any]:
    if not inputs.get("reply", "").strip():
        return [_("Write the reply to be sent up.")]
    return []


def _send_up(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    from .actions import send_task_reply_up

    send_task_reply_up(case, actor)


DIRECTIVE_WORKFLOW = Workflow(
    states={
        "draft": _("Draft"),
        "issued": _("Issued"),
        "closed": _("Closed"),
        "withdrawn": _("Withdrawn"),
    },
    initial="draft",
    final={"closed", "withdrawn"},
    transitions=[
        Transition(
            "issue",
            ["draft"],
            "issued",
            _("Issue to the county offices"),
            may=is_case_division_head,
            guards=[_issue_guard],
            effects=[_issue],
            confirm=_("Each county office chosen will owe a reply by the due date."),
            style="success",
        ),
        Transition(
            "close",
            ["issued"],
            "closed",
            _("Close"),
            may=is_case_division_officer,
            aside=True,
            style="outline-secondary",
        ),
        Transition(
            "withdraw",
            ["draft"],
            "withdrawn",
            _("Withdraw"),
            may=is_case_division_officer,
            inputs=[REASON],
            aside=True,
            style="outline-danger",
        ),
    ],
)

REPLY_WORKFLOW = Workflow(
    states={
        "awaiting": _("Reply owed"),
        "replied": _("Replied"),
        "returned": _("Returned for revision"),
        "accepted": _("Accepted"),
    },
    initial="awaiting",
    final={"accepted"},
    transitions=[
        Transition(
            "reply",
            ["awaiting", "returned"],
            "replied",
            _("Send the reply"),
            may=is_reply_county_officer,
            inputs=[REPLY_TEXT],
            guards=[_reply_guard],
            effects=[_write_reply],
            clocks=[Stop(REPLY_CLOCK)],
        ),
        Transition(
            "accept",
            ["replied"],
            "accepted",
            _("Accept the reply"),
            may=is_case_division_officer,
            style="success",
        ),
        Transition(
            "return_for_revision",
            ["replied"],
            "returned",
            _("Return for revision"),
            may=is_case_division_officer,
            inputs=[REASON],
            style="warning",
            clocks=[Start(REPLY_CLOCK)],
        ),
    ],
)

TASK_WORKFLOW = Workflow(
    states={
        "in_progress": _("In progress"),
        "awaiting_approval": _("Reply waiting for the leader"),
        "approved": _("Reply approved"),
        "sent_up": _("Reply sent up"),
        "closed": _("Closed"),
    },
    initial="in_progress",
    final={"closed"},
    transitions=[
        Transition(
            "submit_reply",
            ["in_progress"],
            "awaiting_approval",
            _("Submit the reply to the leader"),
            may=is_case_division_officer,
            inputs=[TASK_REPLY],
            guards=[_reply_text_guard],
            effects=[_keep_reply],
        ),
        Transition(
            "approve_reply",
            ["awaiting_approval"],
            "approved",
            _("Approve the reply"),
            may=is_case_bureau_leader,
            confirm=_("The division will send the reply up as approved."),
            style="success",
        ),
        Transition(
            "return_reply",
            ["awaiting_approval"],
            "in_progress",
            _("Return the reply"),
            may=is_case_bureau_leader,
            inputs=[REASON],
            style="warning",
        ),
        Transition(
            "send_up",
            ["approved"],
            "sent_up",
            _("Send the reply up"),
            may=is_case_division_officer,
            effects=[_send_up],
            clocks=[Stop(TASK_CLOCK)],
        ),
        Transition(
            "close",
            ["sent_up"],
            "closed",
            _("Close"),
            may=is_case_division_officer,
            style="outline-secondary",
        ),
    ],
)
