"""Who may read and edit the shared registers.

Bureau staff read the organisations and the country register; the divisions' officers and
heads, who record the bodies their cases deal with, edit organisations. Agencies have no
access to those: they are the bureau's own working data.

The people register: an agency keeps its own people; bureau staff who deal with cases read
every agency's. Permissions without an object gate the screens; the actions check again with
the person.
"""

from typing import Any

import rules

from waishi.accounts.constants import Role
from waishi.accounts.permissions import (
    has_role,
    is_agency_signatory,
    is_agency_user,
    is_bureau_staff,
    is_liaison_officer,
)

# The roles that edit the registers (division staff).
REGISTER_EDITING_ROLES = (Role.DIVISION_OFFICER, Role.DIVISION_HEAD)
is_register_editor = has_role(*REGISTER_EDITING_ROLES)

rules.add_perm("registers.read_countries", is_bureau_staff)
rules.add_perm("registers.read_organisations", is_bureau_staff)
rules.add_perm("registers.edit_organisation", is_register_editor)
# Country names and groups are reference data; the division heads correct them.
rules.add_perm("registers.edit_country", has_role(Role.DIVISION_HEAD))

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
