"""A small case type used only by the kernel's own tests: filed, reviewed, approved."""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from waishi.cases.clocks import Pause, Resume, Start, Stop
from waishi.cases.constants import Business, ClockOwner, ClockUnit
from waishi.cases.permissions import (
    is_case_division_head,
    is_case_division_officer,
    is_case_liaison,
)
from waishi.cases.registry import CaseType, ClockSpec
from waishi.cases.workflow import REASON, Transition, Workflow

DEMO_CODE = "DM"
DEMO_DIVISION = "demo-division"


def title_is_not_blocked(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    """A guard tests can trip: a title containing BLOCKED cannot be approved."""
    return ["The title says BLOCKED."] if "BLOCKED" in case.title else []


WORKFLOW = Workflow(
    states={
        "draft": _("Draft"),
        "submitted": _("Submitted"),
        "in_review": _("In review"),
        "returned": _("Returned for revision"),
        "approved": _("Approved"),
        "rejected": _("Rejected"),
        "withdrawn": _("Withdrawn"),
    },
    initial="draft",
    final={"approved", "rejected", "withdrawn"},
    transitions=[
        Transition(
            "submit",
            ["draft", "returned"],
            "submitted",
            _("Submit"),
            may=is_case_liaison,
            filing=True,
            clocks=[Stop("revision"), Resume("review")],
        ),
        Transition(
            "withdraw",
            ["draft", "returned"],
            "withdrawn",
            _("Withdraw"),
            may=is_case_liaison,
            style="outline-secondary",
            confirm=_("Withdraw this case?"),
            aside=True,
        ),
        Transition(
            "accept",
            ["submitted"],
            "in_review",
            _("Accept"),
            may=is_case_division_officer,
            clocks=[Start("review")],
        ),
        Transition(
            "return_for_revision",
            ["in_review"],
            "returned",
            _("Return for revision"),
            may=is_case_division_officer,
            inputs=[REASON],
            style="warning",
            clocks=[Pause("review"), Start("revision")],
        ),
        Transition(
            "approve",
            ["in_review"],
            "approved",
            _("Approve"),
            may=is_case_division_head,
            guards=[title_is_not_blocked],
            style="success",
            business=Business.APPROVAL,
        ),
        Transition(
            "reject",
            ["in_review"],
            "rejected",
            _("Reject"),
            may=is_case_division_head,
            inputs=[REASON],
            style="danger",
        ),
    ],
)

DEMO_TYPE = CaseType(
    code=DEMO_CODE,
    label=_("Demo request"),
    workflow=WORKFLOW,
    division_code=DEMO_DIVISION,
    processing_days=5,
    clocks=(
        # The division reviews within 3 working days, paused while the agency revises.
        ClockSpec("review", _("Review"), ClockOwner.BUREAU, ClockUnit.WORKING_DAYS, length=3),
        # The agency revises within 10 calendar days; reminded every 2 working days after.
        ClockSpec(
            "revision",
            _("Revision"),
            ClockOwner.AGENCY,
            ClockUnit.DAYS,
            length=10,
            remind_before=1,
            repeat_overdue=2,
        ),
    ),
)
