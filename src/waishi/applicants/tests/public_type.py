"""A tiny case type filed by applicants, used only by these tests: filed, material asked, done."""

from django.utils.translation import gettext_lazy as _

from waishi.cases.clocks import Start, Stop
from waishi.cases.constants import ClockOwner, ClockUnit
from waishi.cases.permissions import is_case_division_officer
from waishi.cases.registry import CaseType, ClockSpec
from waishi.cases.workflow import REASON, Transition, Workflow

PUBLIC_CODE = "PS"
PUBLIC_DIVISION = "public-service-division"

WORKFLOW = Workflow(
    states={
        "submitted": _("Submitted"),
        "material_requested": _("Material requested"),
        "done": _("Done"),
    },
    initial="submitted",
    final={"done"},
    transitions=[
        Transition(
            "ask_for_material",
            ["submitted"],
            "material_requested",
            _("Ask for material"),
            may=is_case_division_officer,
            inputs=[REASON],
            clocks=[Start("material")],
        ),
        Transition(
            "material_received",
            ["material_requested"],
            "submitted",
            _("Material received"),
            may=is_case_division_officer,
            clocks=[Stop("material")],
        ),
        Transition(
            "finish",
            ["submitted"],
            "done",
            _("Finish"),
            may=is_case_division_officer,
        ),
    ],
)

PUBLIC_TYPE = CaseType(
    code=PUBLIC_CODE,
    label=_("Public service (test)"),
    workflow=WORKFLOW,
    division_code=PUBLIC_DIVISION,
    processing_days=7,
    filed_by_applicants=True,
    clocks=(
        ClockSpec(
            code="material",
            label=_("Send the requested material"),
            owner=ClockOwner.APPLICANT,
            unit=ClockUnit.DAYS,
            length=15,
        ),
    ),
)
