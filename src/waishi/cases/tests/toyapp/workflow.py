"""An interpreter booking's life: draft → submitted → in review → booked or declined."""

from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.cases.permissions import is_case_division_head, is_case_division_officer, is_case_filer
from waishi.cases.workflow import REASON, Transition, Workflow


def day_is_ahead(case: Any, actor: Any, inputs: Mapping[str, str]) -> list[str]:
    """An interpreter cannot be booked for a day that has passed."""
    if case.booking.day < timezone.localdate():
        return [_("The day of the booking has passed.")]
    return []


WORKFLOW = Workflow(
    states={
        "draft": gettext_lazy("Draft"),
        "submitted": gettext_lazy("Submitted"),
        "in_review": gettext_lazy("In review"),
        "booked": gettext_lazy("Booked"),
        "declined": gettext_lazy("Declined"),
    },
    initial="draft",
    final={"booked", "declined"},
    transitions=[
        Transition("submit", ["draft"], "submitted", gettext_lazy("Submit"), may=is_case_filer),
        Transition(
            "accept",
            ["submitted"],
            "in_review",
            gettext_lazy("Accept"),
            may=is_case_division_officer,
        ),
        Transition(
            "return_to_agency",
            ["submitted", "in_review"],
            "draft",
            gettext_lazy("Return to the agency"),
            may=is_case_division_officer,
            inputs=[REASON],
            style="warning",
        ),
        Transition(
            "book",
            ["in_review"],
            "booked",
            gettext_lazy("Book"),
            may=is_case_division_head,
            guards=[day_is_ahead],
            style="success",
        ),
        Transition(
            "decline",
            ["in_review"],
            "declined",
            gettext_lazy("Decline"),
            may=is_case_division_head,
            inputs=[REASON],
            style="danger",
        ),
    ],
)
