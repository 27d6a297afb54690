"""The life of an inspection (JC): opened, findings recorded, rectification followed, closed.

The discipline division's officers record the findings and ask for rectification (a clock
the agency owes, its length rule data); the head closes the inspection when the agency has
rectified, or closes it without measures when no breach is found. Measures (talk,
criticism, suspension, referral) are recorded beside the workflow (``actions``).
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from waishi.cases.clocks import Start
from waishi.cases.workflow import REASON, Input, Transition, Workflow

from .constants import RECTIFICATION_CLOCK
from .permissions import closes_inspection, works_inspection

FINDINGS = Input("findings", _("Findings"))
REQUIREMENTS = Input("requirements", _("What the agency must rectify"))
OUTCOME = Input("outcome", _("How it was rectified"))


def _store(field: str, key: str) -> Any:
    def effect(case: Any, actor: Any, inputs: Any) -> None:
        from .models import Inspection

        Inspection.objects.filter(case_id=case.pk).update(**{field: inputs[key].strip()})

    effect.__name__ = f"store_{field}"
    return effect


WORKFLOW = Workflow(
    states={
        "open": _("Open"),
        "findings": _("Findings recorded"),
        "rectification": _("Rectification under way"),
        "closed": _("Closed"),
        "dismissed": _("Closed without measures"),
    },
    initial="open",
    final={"closed", "dismissed"},
    transitions=[
        Transition(
            "record_findings",
            ["open"],
            "findings",
            _("Record the findings"),
            may=works_inspection,
            inputs=[FINDINGS],
            effects=[_store("findings", "findings")],
            public=False,
        ),
        Transition(
            "require_rectification",
            ["findings"],
            "rectification",
            _("Require rectification"),
            may=works_inspection,
            inputs=[REQUIREMENTS],
            effects=[_store("requirements", "requirements")],
            clocks=[Start(RECTIFICATION_CLOCK)],
            public=False,
        ),
        Transition(
            "confirm_rectified",
            ["rectification"],
            "closed",
            _("Confirm rectified and close"),
            may=closes_inspection,
            inputs=[OUTCOME],
            effects=[_store("outcome", "outcome")],
            style="success",
            public=False,
        ),
        Transition(
            "close",
            ["findings"],
            "closed",
            _("Close (measures taken, nothing to rectify)"),
            may=closes_inspection,
            inputs=[OUTCOME],
            effects=[_store("outcome", "outcome")],
            public=False,
        ),
        Transition(
            "dismiss",
            ["open", "findings"],
            "dismissed",
            _("Close without measures"),
            may=closes_inspection,
            inputs=[REASON],
            style="warning",
            public=False,
        ),
    ],
)
