"""Who may do what with missions, their rules, the people register and annual plans.

Permissions without an object gate the screens; the actions check again with the object
(the traveller's or plan's agency) before they write.
"""

from typing import Any

import rules

from waishi.accounts.constants import Role
from waishi.accounts.permissions import (
    has_role,
    is_agency_signatory,
    is_agency_user,
    is_bureau_leader,
    is_division_head,
    is_division_officer,
    is_liaison_officer,
)

# Bureau staff who deal with missions; the discipline inspector reads everything they read.
# Website editors have no business with travellers' personal data.
is_mission_staff = has_role(
    Role.DIVISION_OFFICER, Role.DIVISION_HEAD, Role.BUREAU_LEADER, Role.DISCIPLINE_INSPECTOR
)


@rules.predicate
def is_of_object_agency(user: Any, obj: Any) -> bool:
    """The object (traveller, plan) belongs to the user's agency; true when no object is given."""
    if obj is None:
        return True
    agency_id = getattr(obj, "agency_id", None) or getattr(obj, "pk", None)
    return bool(user.agency_id is not None and agency_id == user.agency_id)


# The rules themselves: mission staff read them, division heads add new versions.
rules.add_perm("missions.read_rules", is_mission_staff)
rules.add_perm("missions.manage_rules", is_division_head)
# Warnings may be overridden, with a reason, by the officers who decide on missions.
rules.add_perm("missions.override_warning", is_division_head | is_bureau_leader)
# The people register: an agency keeps its own; bureau staff read every agency's.
rules.add_perm(
    "missions.read_travellers", (is_agency_user & is_of_object_agency) | is_mission_staff
)
rules.add_perm(
    "missions.manage_traveller", (is_liaison_officer | is_agency_signatory) & is_of_object_agency
)
# Annual plans: the agency files its own; the bureau's mission division reads them all.
rules.add_perm("missions.read_plans", (is_agency_user & is_of_object_agency) | is_mission_staff)
rules.add_perm(
    "missions.manage_plan", (is_liaison_officer | is_agency_signatory) & is_of_object_agency
)
# The year's missions in figures, across agencies: bureau staff.
rules.add_perm("missions.read_statistics", is_mission_staff)
# Reading plan-versus-use figures across agencies.
rules.add_perm("missions.read_plan_statistics", is_division_officer | is_division_head)

# Mission applications (cases of type CG). Seeing a case is decided by cases.querysets.
from waishi.cases.permissions import is_case_filer, is_of_case_agency  # noqa: E402

# Starting a new application: the agency's liaison officer or signatory.
rules.add_perm("missions.file_mission", is_liaison_officer | is_agency_signatory)
# Changing an application's content while it is editable (checked with the case).
rules.add_perm("missions.edit_mission", is_case_filer)
# The agency signatory confirms the application before it is filed.
rules.add_perm("missions.confirm_mission", is_agency_signatory & is_of_case_agency)
# Recording missions of the bureau's earlier records (imported history): division heads.
rules.add_perm("missions.record_past_mission", is_division_head)
# Reading mission pages: agency people (their own, via visible_to) and mission staff.
rules.add_perm("missions.read_missions", is_agency_user | is_mission_staff)
