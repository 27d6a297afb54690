"""Who may see and work on rights-protection complaints.

A complaint names the petitioner, what they ask and the department they complain against; it
is handled by the Division of Overseas Chinese Affairs. The owning division's staff and the
bureau's leaders see complaints; nobody else does. A complaint against a department is never
shown to that department's people (信访工作条例: reports and accusations are not to be passed
to those they accuse): a complaint against a division of the bureau is hidden from that
division's staff, even when the division owns it (the leaders then give it to another), and
one against an agency from that agency's people. The kernel applies ``case_visibility`` to
every list, page, export and API call (``CaseType.visibility``).
"""

from typing import Any

import rules
from django.db.models import Q

from waishi.accounts.constants import Role
from waishi.accounts.permissions import is_bureau_leader, is_division_head, is_division_officer

from .constants import DIVISION


def case_visibility(user: Any) -> bool | Q:
    """Which complaints ``user`` sees: leaders all, the owning division's staff its own."""
    if user.has_role(Role.BUREAU_LEADER):
        return True
    if user.division_id is not None and user.has_role(Role.DIVISION_OFFICER, Role.DIVISION_HEAD):
        return Q(division_id=user.division_id) & ~Q(petition__against_division_id=user.division_id)
    if user.agency_id is not None:
        # Agencies never file complaints; should one hold a case of this type, a complaint
        # against the agency still stays hidden from its people.
        return ~Q(petition__against_agency_id=user.agency_id)
    return False


# The division's id, read once per process (the menu asks on every page); any change to a
# division forgets it (``forget_division``, connected in ``apps.py``).
_division: dict[str, int | None] = {}


def division_id() -> int | None:
    if "id" not in _division:
        from waishi.accounts.models import Division

        found = Division.objects.filter(code=DIVISION).values_list("pk", flat=True)
        _division["id"] = found.first()
    return _division["id"]


def forget_division(**kwargs: Any) -> None:
    _division.clear()


@rules.predicate
def is_of_division(user: Any) -> bool:
    """The user works in the Division of Overseas Chinese Affairs."""
    if not user.is_authenticated or user.division_id is None:
        return False
    return bool(user.division_id == division_id())


is_division_staff = (is_division_officer | is_division_head) & is_of_division

# Recording a complaint received by letter, visit or telephone: the division's staff.
rules.add_perm("petitions.record_petition", is_division_staff)
# The list, the figures and their spreadsheet: the division's staff and the leaders.
rules.add_perm("petitions.read_petitions", is_division_staff | is_bureau_leader)
# Hearings and the petitioner's rating on a case (the case's division, checked again with the
# case in the action).
rules.add_perm("petitions.record_on_case", is_division_staff)
