"""The life of an issuance request (a case of type HZ), on one screen.

The agency's liaison officer or signatory opens the request for members of an approved
mission, uploads photos and application forms on the case page and files it. The Passport &
Visa Division checks the materials (returning them for completion if needed); once they are
complete the processing target runs (5 working days, as data). Issuing records each new
document in the register, in custody, and cancels the old ones surrendered with the request.
"""

from django.utils.translation import gettext_lazy as _

from waishi.cases.clocks import Start, Stop
from waishi.cases.constants import Business
from waishi.cases.workflow import REASON, Transition, Workflow

from . import guards
from .constants import ISSUANCE_CLOCK
from .permissions import is_request_filer, is_request_officer

WORKFLOW = Workflow(
    states={
        "draft": _("Draft"),
        "submitted": _("Submitted"),
        "returned": _("Returned for completion"),
        "processing": _("Materials complete, processing"),
        "issued": _("Issued"),
        "rejected": _("Rejected"),
        "withdrawn": _("Withdrawn"),
    },
    initial="draft",
    final={"issued", "rejected", "withdrawn"},
    transitions=[
        Transition(
            "submit",
            ["draft", "returned"],
            "submitted",
            _("File with the bureau"),
            may=is_request_filer,
            guards=[
                guards.mission_is_approved,
                guards.materials_attached,
            ],
            # Refused while the agency is suspended (the kernel's agency standing).
            filing=True,
        ),
        Transition(
            "return_for_completion",
            ["submitted"],
            "returned",
            _("Return for completion"),
            may=is_request_officer,
            inputs=[REASON],
            style="warning",
            audit_action="passports.request.return",
        ),
        Transition(
            "accept",
            ["submitted"],
            "processing",
            _("Materials complete"),
            may=is_request_officer,
            effects=[guards.record_complete],
            clocks=[Start(ISSUANCE_CLOCK)],
            business=Business.ISSUANCE,
        ),
        Transition(
            "issue",
            ["processing"],
            "issued",
            _("Record the issue"),
            may=is_request_officer,
            guards=[guards.every_item_issued],
            effects=[guards.record_issue],
            clocks=[Stop(ISSUANCE_CLOCK)],
            style="success",
            business=Business.ISSUANCE,
        ),
        Transition(
            "reject",
            ["submitted", "processing"],
            "rejected",
            _("Reject"),
            may=is_request_officer,
            inputs=[REASON],
            style="danger",
        ),
        Transition(
            "withdraw",
            ["draft", "submitted", "returned"],
            "withdrawn",
            _("Withdraw"),
            may=is_request_filer,
            inputs=[REASON],
            style="outline-secondary",
            aside=True,
        ),
    ],
)
