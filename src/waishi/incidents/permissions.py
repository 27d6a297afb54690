"""Who may see and work on foreign-related incidents.

These cases are sensitive: only the staff of the division owning them (the consular work of
the External Contact Division) and the bureau's leaders see them; every other person —
other divisions, the discipline inspector, agencies, applicants, the administrators — is
told they do not exist. The kernel applies ``case_visibility`` to every list, page, export
and API call (``CaseType.visibility``).
"""

from typing import Any

import rules
from django.db.models import Q

from waishi.accounts.constants import Role
from waishi.accounts.divisions import in_division
from waishi.accounts.permissions import is_bureau_leader, is_division_head, is_division_officer

from .constants import CONSULAR_DIVISION


def case_visibility(user: Any) -> bool | Q:
    """Which incident cases ``user`` sees: leaders all, the owning division's staff its own."""
    if user.has_role(Role.BUREAU_LEADER):
        return True
    if user.division_id is not None and user.has_role(Role.DIVISION_OFFICER, Role.DIVISION_HEAD):
        return Q(division_id=user.division_id)
    return False


@rules.predicate
def is_of_consular_division(user: Any) -> bool:
    """The user works in the division that keeps foreign-related incidents."""
    return in_division(user, CONSULAR_DIVISION)


is_consular_staff = (is_division_officer | is_division_head) & is_of_consular_division

# Opening a case from a notice: the consular staff.
rules.add_perm("incidents.file_incident", is_consular_staff)
# The list, the figures and their spreadsheet: the consular staff and the leaders.
rules.add_perm("incidents.read_incidents", is_consular_staff | is_bureau_leader)
# Recording consular visits and the press line on a case (the case's division, checked again
# with the case in the action).
rules.add_perm("incidents.record_visit", is_consular_staff)
