"""The life of a mission application, on one screen.

The agency's liaison officer prepares the draft and the agency signatory confirms it; filing
records the rule check. The bureau's Division of Overseas Mission Administration reviews it
and the bureau leader approves. A mission led by a city leader is referred to the provincial
foreign-affairs office, whose decision and document number are recorded; it cannot be
approved otherwise. After approval come departure, return registration and the trip report
(due 30 days after return). A change after approval (dates, days, members, destinations)
sends the application back through review.
"""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from waishi.accounts.permissions import is_agency_signatory, is_bureau_leader
from waishi.cases.constants import Business
from waishi.cases.permissions import (
    can_work_on_case,
    is_case_division_head,
    is_case_division_officer,
    is_case_liaison,
    is_of_case_agency,
)
from waishi.cases.workflow import REASON, Input, Transition, Workflow

from . import guards
from .constants import CASE_TYPE

EDITABLE_STATES = frozenset({"draft", "returned", "change_requested"})
# States in which a mission counts as a trip of its members (for the frequency rule).
TRIP_STATES = frozenset({"approved", "departed", "back_home", "report_submitted", "closed"})
BEFORE_DECISION = [
    "draft",
    "submitted",
    "returned",
    "resubmitted",
    "division_review",
    "leader_approval",
    "referred_to_province",
    "change_requested",
]


def issue_document(case: Any, actor: Any, inputs: Mapping[str, str]) -> None:
    """Issue the approval document (任务批件) in the approval's transaction."""
    from .approval import issue_approval_document

    issue_approval_document(case=case, actor=actor)


DOCUMENT_NUMBER = Input("document_number", _("Provincial document number"), multiline=False)
RETURN_DATE = Input("returned_on", _("Actual return date (YYYY-MM-DD)"), multiline=False)
# Needed only when the return is later than the approved return date (an extended stay).
LATE_REASON = Input(
    "late_reason", _("Reason for returning after the approved date"), required=False
)

may_file = is_case_liaison | (is_of_case_agency & is_agency_signatory)
# A bare one-argument predicate cannot take the case, so the leader's is combined with one.
is_case_bureau_leader = is_bureau_leader & can_work_on_case

WORKFLOW = Workflow(
    states={
        "draft": _("Draft"),
        "submitted": pgettext_lazy("mission", "Submitted"),
        "returned": _("Returned for revision"),
        "resubmitted": _("Resubmitted"),
        "division_review": _("Division review"),
        "leader_approval": _("Awaiting bureau leader approval"),
        "referred_to_province": _("Referred to the provincial office"),
        "approved": _("Approved"),
        "change_requested": _("Change requested"),
        "departed": _("Departed"),
        "back_home": _("Returned from the trip"),
        "report_submitted": _("Trip report submitted"),
        "closed": _("Closed"),
        "rejected": _("Rejected"),
        "withdrawn": _("Withdrawn"),
    },
    initial="draft",
    final={"closed", "rejected", "withdrawn"},
    transitions=[
        Transition(
            "submit",
            ["draft"],
            "submitted",
            _("File with the bureau"),
            may=may_file,
            guards=[
                guards.application_is_complete,
                guards.signatory_confirmed,
                guards.no_blocks,
            ],
            effects=[guards.record_filing],
            filing=True,
        ),
        Transition(
            "resubmit",
            ["returned", "change_requested"],
            "resubmitted",
            _("Resubmit"),
            may=may_file,
            guards=[
                guards.application_is_complete,
                guards.signatory_confirmed,
                guards.no_blocks,
            ],
            effects=[guards.record_filing],
            filing=True,
        ),
        Transition(
            "start_review",
            ["submitted", "resubmitted"],
            "division_review",
            _("Start review"),
            may=is_case_division_officer,
        ),
        Transition(
            "return_for_revision",
            ["submitted", "resubmitted", "division_review", "leader_approval"],
            "returned",
            _("Return for revision"),
            may=is_case_division_officer | is_bureau_leader,
            inputs=[REASON],
            style="warning",
            effects=[guards.clear_confirmation],
            audit_action="missions.mission.return",
        ),
        Transition(
            "forward_to_leader",
            ["division_review"],
            "leader_approval",
            _("Forward for the bureau leader's approval"),
            may=is_case_division_head,
            guards=[guards.not_led_by_city_leader, guards.warnings_overridden],
            audit_action="missions.mission.forward",
            business=Business.APPROVAL,
        ),
        Transition(
            "refer_to_province",
            ["division_review"],
            "referred_to_province",
            _("Refer to the provincial office"),
            may=is_case_division_head,
            guards=[guards.led_by_city_leader, guards.warnings_overridden],
            audit_action="missions.mission.refer",
            business=Business.APPROVAL,
        ),
        Transition(
            "approve",
            ["leader_approval"],
            "approved",
            _("Approve"),
            may=is_case_bureau_leader,
            guards=[guards.not_led_by_city_leader, guards.warnings_overridden],
            effects=[guards.record_approval, issue_document, guards.announce_trip],
            style="success",
            business=Business.APPROVAL,
        ),
        Transition(
            "record_province_approval",
            ["referred_to_province"],
            "approved",
            _("Record the province's approval"),
            may=is_case_division_officer,
            inputs=[DOCUMENT_NUMBER],
            effects=[guards.record_province_approval, issue_document, guards.announce_trip],
            style="success",
            audit_action="missions.mission.province_approve",
            business=Business.APPROVAL,
        ),
        Transition(
            "record_province_refusal",
            ["referred_to_province"],
            "rejected",
            _("Record the province's refusal"),
            may=is_case_division_officer,
            inputs=[DOCUMENT_NUMBER, REASON],
            effects=[guards.record_province_refusal],
            style="danger",
            audit_action="missions.mission.province_refuse",
        ),
        Transition(
            "reject",
            ["division_review", "leader_approval"],
            "rejected",
            _("Reject"),
            may=is_case_division_head | is_bureau_leader,
            inputs=[REASON],
            style="danger",
        ),
        Transition(
            "withdraw",
            BEFORE_DECISION,
            "withdrawn",
            _("Withdraw"),
            may=may_file,
            inputs=[REASON],
            style="outline-secondary",
            confirm=_("Withdraw this application? It cannot be filed again."),
            aside=True,
        ),
        Transition(
            "request_change",
            ["approved"],
            "change_requested",
            _("Request a change"),
            may=may_file,
            inputs=[REASON],
            style="outline-primary",
            effects=[guards.clear_confirmation],
        ),
        Transition(
            "depart",
            ["approved"],
            "departed",
            _("Record departure"),
            may=may_file | is_case_division_officer,
        ),
        Transition(
            "register_return",
            ["departed"],
            "back_home",
            _("Register the return"),
            may=may_file | is_case_division_officer,
            inputs=[RETURN_DATE, LATE_REASON],
            guards=[guards.return_date_is_valid],
            effects=[guards.record_return],
        ),
        Transition(
            "submit_report",
            ["back_home"],
            "report_submitted",
            _("Submit the trip report"),
            may=may_file,
            guards=[guards.report_is_written],
            effects=[guards.record_report],
        ),
        Transition(
            "close",
            ["report_submitted"],
            "closed",
            pgettext_lazy("mission", "Close"),
            may=is_case_division_officer,
        ),
    ],
)

__all__ = ["CASE_TYPE", "EDITABLE_STATES", "TRIP_STATES", "WORKFLOW"]
