"""Who may use discipline supervision.

The workbench of breaches and the history of people and agencies: the discipline inspector,
the bureau's leaders and the discipline division's staff. Inspections are opened by the
inspector or the division; the division's officers and head work them (the kernel keeps the
inspector read-only on cases). Reports upward: leaders and the discipline division prepare
and send them; every case worker reads them.
"""

from typing import Any

import rules

from waishi.accounts.divisions import in_division
from waishi.accounts.permissions import (
    is_bureau_leader,
    is_discipline_inspector,
    is_division_head,
    is_division_officer,
)
from waishi.cases.permissions import is_case_division_head, is_case_division_officer

from .constants import DIVISION


@rules.predicate
def in_discipline_division(user: Any) -> bool:
    return in_division(user, DIVISION)


is_discipline_staff = (is_division_officer | is_division_head) & in_discipline_division
is_supervisor = is_discipline_inspector | is_bureau_leader | is_discipline_staff

rules.add_perm("supervision.read_breaches", is_supervisor)
rules.add_perm("supervision.export_breaches", is_supervisor)
rules.add_perm("supervision.open_inspection", is_discipline_inspector | is_discipline_staff)
rules.add_perm("supervision.take_measure", is_discipline_staff)
rules.add_perm("supervision.read_reports", is_supervisor)
rules.add_perm("supervision.manage_reports", is_bureau_leader | is_discipline_staff)

# Transition rights on an inspection (the case's owning division is the discipline division).
works_inspection = is_case_division_officer
closes_inspection = is_case_division_head


def inspection_visibility(user: Any) -> Any:
    """Inspections are seen by the inspector, the leaders and the discipline division only."""
    from django.db.models import Q

    if not getattr(user, "is_authenticated", False):
        return False
    if is_discipline_inspector(user) or is_bureau_leader(user):
        return True
    if user.division_id is not None and (is_division_officer(user) or is_division_head(user)):
        # Every inspection is owned by the discipline division: its staff see them all,
        # other divisions none.
        return Q(division_id=user.division_id)
    return False
