"""Who may see and change the people register.

An agency keeps its own people; bureau staff who deal with cases read every agency's.
Permissions without an object gate the screens; the actions check again with the person.
"""

from typing import Any

import rules

from waishi.accounts.constants import Role
from waishi.accounts.permissions import (
    has_role,
    is_agency_signatory,
    is_agency_user,
    is_liaison_officer,
)

# Bureau staff who deal with people's cases; the discipline inspector reads what they read.
# Website editors have no business with personal data.
is_people_staff = has_role(
    Role.DIVISION_OFFICER, Role.DIVISION_HEAD, Role.BUREAU_LEADER, Role.DISCIPLINE_INSPECTOR
)


@rules.predicate
def is_of_person_agency(user: Any, person: Any) -> bool:
    """The person (or agency) is the user's agency's; true when no object is given."""
    if person is None:
        return True
    agency_id = getattr(person, "agency_id", None) if hasattr(person, "agency_id") else person.pk
    return bool(user.agency_id is not None and agency_id == user.agency_id)


rules.add_perm("registers.read_people", (is_agency_user & is_of_person_agency) | is_people_staff)
rules.add_perm(
    "registers.manage_person", (is_liaison_officer | is_agency_signatory) & is_of_person_agency
)
