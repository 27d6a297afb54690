"""The life of a foreign visit and of a received gift, each on one screen.

A visit: the host (an agency through the workspace, or the bureau) drafts the reception plan
and files it; the External Contact Division reviews it; its head (or a bureau leader)
approves it once every rule warning is accepted and, where accredited diplomats are invited,
the province's and the Ministry's approval is recorded as an external step. The visit is then
held and the host writes the outcome report. A change after approval sends the plan back.

A received gift (国务院令第133号): the recipient's agency records it; at or above the rule's
value it is declared (礼品申报单) and handed in within a month of receipt or of the return to
China (a clock on the agency), then registered and disposed of by the keeping body. Below the
value the recipient keeps it; cash and securities are refused or handed to the treasury.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from waishi.accounts.permissions import is_bureau_leader
from waishi.cases.clocks import Stop
from waishi.cases.constants import Business
from waishi.cases.permissions import (
    can_work_on_case,
    is_case_division_head,
    is_case_division_officer,
    is_case_filer,
)
from waishi.cases.workflow import REASON, Input, Transition, Workflow

from . import guards
from .constants import DECLARATION_CLOCK
from .permissions import is_visit_host

EDITABLE_STATES = frozenset({"plan", "returned"})
HELD_STATES = frozenset({"held", "reported", "closed"})
is_case_bureau_leader = is_bureau_leader & can_work_on_case

VISIT_WORKFLOW = Workflow(
    states={
        "plan": _("Reception plan"),
        "review": _("Plan under review"),
        "returned": _("Returned for revision"),
        "approved": _("Plan approved"),
        "held": _("Visit held"),
        "reported": _("Outcome report submitted"),
        "closed": _("Closed"),
        "cancelled": _("Cancelled"),
    },
    initial="plan",
    final={"closed", "cancelled"},
    transitions=[
        Transition(
            "submit",
            ["plan", "returned"],
            "review",
            _("File the plan with the bureau"),
            may=is_visit_host,
            guards=[guards.plan_is_complete],
            effects=[guards.record_plan_version],
            filing=True,
        ),
        Transition(
            "return_for_revision",
            ["review"],
            "returned",
            _("Return for revision"),
            may=is_case_division_officer,
            inputs=[REASON],
            style="warning",
            audit_action="visits.visit.return",
        ),
        Transition(
            "approve",
            ["review"],
            "approved",
            _("Approve the plan"),
            may=is_case_division_head | is_case_bureau_leader,
            guards=[guards.plan_is_complete, guards.warnings_accepted, guards.diplomats_approved],
            style="success",
            business=Business.APPROVAL,
        ),
        Transition(
            "request_change",
            ["approved"],
            "returned",
            _("Change the plan"),
            may=is_visit_host,
            inputs=[REASON],
            style="outline-primary",
            aside=True,
        ),
        Transition(
            "record_held",
            ["approved"],
            "held",
            _("Record that the visit took place"),
            may=is_visit_host | is_case_division_officer,
            guards=[guards.visit_has_begun],
        ),
        Transition(
            "submit_report",
            ["held"],
            "reported",
            _("Submit the outcome report"),
            may=is_visit_host,
            guards=[guards.report_is_written],
        ),
        Transition(
            "close",
            ["reported"],
            "closed",
            pgettext_lazy("visit", "Close"),
            may=is_case_division_officer,
        ),
        Transition(
            "cancel",
            ["plan", "review", "returned", "approved"],
            "cancelled",
            _("Cancel the visit"),
            may=is_visit_host,
            inputs=[REASON],
            style="outline-secondary",
            confirm=_("Cancel this visit? It cannot be reopened."),
            aside=True,
        ),
    ],
)

KEEPING_BODY = Input("keeping_body", _("Keeping body"), multiline=False)
DISPOSAL = Input("disposal", _("How the gift was disposed of"))

GIFT_WORKFLOW = Workflow(
    states={
        "recorded": _("Recorded"),
        "declared": _("Declared"),
        "handed_in": _("Handed in"),
        "disposed": _("Disposed of"),
        "kept": _("Kept by the recipient"),
        "refused": _("Refused"),
        "to_treasury": _("Handed to the treasury"),
    },
    initial="recorded",
    final={"disposed", "kept", "refused", "to_treasury"},
    transitions=[
        Transition(
            "declare",
            ["recorded"],
            "declared",
            _("Declare the gift (礼品申报单)"),
            may=is_case_filer,
            guards=[guards.gift_must_be_declared],
            effects=[guards.record_declaration],
            clocks=[Stop(DECLARATION_CLOCK)],
            style="success",
        ),
        Transition(
            "keep",
            ["recorded"],
            "kept",
            _("Keep the gift (below the value to declare)"),
            may=is_case_filer,
            guards=[guards.gift_may_be_kept],
        ),
        Transition(
            "refuse",
            ["recorded"],
            "refused",
            _("Record that the gift was refused"),
            may=is_case_filer | is_case_division_officer,
            inputs=[REASON],
            clocks=[Stop(DECLARATION_CLOCK)],
            style="outline-secondary",
        ),
        Transition(
            "register_hand_in",
            ["declared"],
            "handed_in",
            _("Register the hand-in"),
            may=is_case_division_officer,
            inputs=[KEEPING_BODY],
            guards=[guards.gift_is_goods],
            effects=[guards.record_hand_in],
        ),
        Transition(
            "to_treasury",
            ["declared"],
            "to_treasury",
            _("Hand to the treasury"),
            may=is_case_division_officer,
            guards=[guards.gift_is_money],
        ),
        Transition(
            "dispose",
            ["handed_in"],
            "disposed",
            _("Record the disposal"),
            may=is_case_division_officer,
            inputs=[DISPOSAL],
            effects=[guards.record_disposal],
        ),
    ],
)
