"""Who may see and work on cases. Area workflows build their transition rights from these.

Object predicates take ``(user, case)``. Whether a user *sees* a case at all is decided by
``querysets.visible_to``; these predicates decide what they may *do* with one they see.
"""

from typing import Any

import rules

from waishi.accounts.constants import AGENCY_ROLES, Role
from waishi.accounts.permissions import (
    has_role,
    is_agency_signatory,
    is_agency_user,
    is_applicant,
    is_bureau_staff,
    is_discipline_inspector,
    is_division_head,
    is_division_officer,
    is_liaison_officer,
    is_system_admin,
)

# Bureau staff who work cases. The discipline inspector reads every case but changes none;
# website editors and the three administrators have no business with cases.
CASE_WORKER_ROLES = (Role.DIVISION_OFFICER, Role.DIVISION_HEAD, Role.BUREAU_LEADER)
is_case_worker = has_role(*CASE_WORKER_ROLES)
is_case_staff = has_role(*CASE_WORKER_ROLES, Role.DISCIPLINE_INSPECTOR)


@rules.predicate
def is_of_case_agency(user: Any, case: Any) -> bool:
    """The user belongs to the agency that filed the case (or its county, for county staff)."""
    if case is None or not user.is_authenticated or user.agency_id is None:
        return False
    if not user.has_role(*AGENCY_ROLES):
        return False
    if case.agency_id == user.agency_id:
        return True
    if user.has_role(Role.COUNTY_OFFICER):
        from .querysets import county_agency_ids

        return county_agency_ids(user).filter(pk=case.agency_id).exists()
    return False


@rules.predicate
def is_in_case_division(user: Any, case: Any) -> bool:
    """The user works in the division that owns the case."""
    return bool(
        case is not None and user.division_id is not None and case.division_id == user.division_id
    )


@rules.predicate
def is_case_assignee(user: Any, case: Any) -> bool:
    return bool(case is not None and case.assignee_id is not None and case.assignee_id == user.pk)


@rules.predicate
def can_work_on_case(user: Any, case: Any) -> bool:
    """Staff who work cases, or people of the filing agency; never the read-only inspector."""
    if case is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if is_case_worker(user):
        return True
    return bool(is_of_case_agency(user, case))


is_case_liaison = is_liaison_officer & is_of_case_agency
# Who files and edits a case for its agency: the agency's liaison officer or signatory.
is_case_filer = (is_liaison_officer | is_agency_signatory) & is_of_case_agency
is_case_division_officer = (is_division_officer | is_division_head) & is_in_case_division
is_case_division_head = is_division_head & is_in_case_division
# External steps (sending to another body, recording its answer, withdrawing) are kept by
# the owning division's officers and its head.
can_manage_external_steps = is_case_division_officer

# Reading cases: agency people see their own (visible_to narrows), staff see all.
rules.add_perm("cases.view_case", is_agency_user | is_case_staff)
# The back-office inbox and its export.
rules.add_perm("cases.use_inbox", is_case_staff)
rules.add_perm("cases.export_cases", is_case_staff | is_agency_user)
# The agency's list of its own cases.
rules.add_perm("cases.view_agency_cases", is_agency_user)
# Writing on a case: comments, attachments; the inspector only reads. Applicants write on
# the cases they may see through their own pages (``waishi.applicants.querysets``).
rules.add_perm("cases.comment_case", is_case_worker | is_agency_user | is_applicant)
rules.add_perm("cases.attach_file", is_case_worker | is_agency_user | is_applicant)
# The holiday calendar: bureau staff and the system administrator read it; division heads
# and the system administrator enter the State Council's notice of a year.
rules.add_perm("cases.view_holiday_calendar", is_case_staff | is_system_admin)
rules.add_perm("cases.enter_holiday_notice", is_division_head | is_system_admin)
# Internal (staff-only) comments.
rules.add_perm("cases.comment_internally", is_case_worker)
# Changing the header of a case (title, priority, due date, division, assignee).
rules.add_perm("cases.change_case", is_case_worker)
# Keeping a case's external steps (object permission: the owning division).
rules.add_perm("cases.manage_external_steps", can_manage_external_steps)
# Agency standing: staff read the suspensions; who may lift which one is ``standing.can_lift``.
rules.add_perm("cases.view_suspensions", is_case_staff)
rules.add_perm("cases.lift_suspension", is_case_worker)
# Running transitions: every transition also checks its own predicate.
rules.add_perm("cases.transition_case", is_case_worker | is_agency_user)

__all__ = [
    "can_manage_external_steps",
    "can_work_on_case",
    "is_case_assignee",
    "is_case_division_head",
    "is_case_division_officer",
    "is_case_filer",
    "is_case_liaison",
    "is_case_staff",
    "is_case_worker",
    "is_discipline_inspector",
    "is_division_head",
    "is_in_case_division",
    "is_of_case_agency",
]


@rules.predicate
def heads_rule_area(user: Any, area: Any) -> bool:
    """The user works in the division that keeps the rules of ``area`` (an area's label)."""
    from .rule_registry import rule_area

    declared = rule_area(str(area)) if area else None
    division = getattr(user, "division", None) if user.is_authenticated else None
    return bool(declared and division is not None and division.code == declared.division_code)


# The rules engine: everyone in the bureau reads the rules; the head of the division an area
# names edits that area's rules (``cases.edit_rules`` opens the form, ``cases.manage_rules``
# decides per area).
rules.add_perm("cases.read_rules", is_bureau_staff)
rules.add_perm("cases.edit_rules", is_division_head)
rules.add_perm("cases.manage_rules", is_division_head & heads_rule_area)


def can_manage_rules(user: Any, area: str) -> bool:
    """Whether ``user`` may add versions of ``area``'s rules (``cases.manage_rules``)."""
    return bool(user.has_perm("cases.manage_rules", area))


# Revoking an issued official document: the head of the division that owns the case.
rules.add_perm("cases.revoke_document", is_case_division_head)
