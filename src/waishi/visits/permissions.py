"""Who may do what with foreign visits and the gifts register.

Permissions without an object gate the screens; the actions check again with the case.
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
from waishi.cases.permissions import is_case_division_officer, is_case_filer

# Bureau staff who deal with visits and gifts; the discipline inspector reads what they read.
is_visit_staff = has_role(
    Role.DIVISION_OFFICER, Role.DIVISION_HEAD, Role.BUREAU_LEADER, Role.DISCIPLINE_INSPECTOR
)


# Division staff record visits the bureau hosts; the case goes to the External Contact
# Division, whose officers alone then move it (the kernel's case predicates).
is_visits_officer = is_division_officer | is_division_head


@rules.predicate
def is_bureau_hosted(user: Any, case: Any) -> bool:
    """The bureau itself hosts the visit (its officers then act as the host)."""
    visit = getattr(case, "visit", None)
    return bool(visit is not None and visit.bureau_hosts)


# The host of a visit: the filing agency's people, or — when the bureau itself hosts — the
# division's officers alone (the agency on record follows the visit but does not move it).
is_visit_host = (is_case_filer & ~is_bureau_hosted) | (is_case_division_officer & is_bureau_hosted)

# Filing a visit: an agency's liaison officer or signatory, or the division's staff.
rules.add_perm("visits.file_visit", is_liaison_officer | is_agency_signatory | is_visits_officer)
# Changing the plan while it is editable (checked with the case).
rules.add_perm("visits.edit_visit", is_visit_host)
# Accepting a rule warning, with a reason: the division head and the bureau leaders.
rules.add_perm("visits.override_warning", is_division_head | is_bureau_leader)
rules.add_perm("visits.read_visits", is_agency_user | is_visit_staff)
# Figures across agencies: bureau staff.
rules.add_perm("visits.read_statistics", is_visit_staff)
# Gifts received: declared by the recipient's agency, or recorded by the division.
rules.add_perm("visits.file_gift", is_liaison_officer | is_agency_signatory | is_visits_officer)
rules.add_perm("visits.read_gifts", is_agency_user | is_visit_staff)
