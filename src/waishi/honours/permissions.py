"""Who may do what with the award.

Nominations are cases of the kernel: bureau staff read them, the nominating agency its own,
and the owning division works them (``workflow.py``). Rounds, the public notice and the
honorary citizens' register are kept by the Overseas Chinese Affairs Division, which
coordinates the award; the External Contact Division files and works its foreigners'
nominations too.
"""

from typing import Any

import rules

from waishi.accounts.permissions import (
    is_agency_signatory,
    is_applicant,
    is_bureau_leader,
    is_discipline_inspector,
    is_division_head,
    is_division_officer,
    is_liaison_officer,
)

from .constants import FOREIGN_DIVISION, OVERSEAS_DIVISION

# Division ids by code, read once per process (the menu asks on every page). Any change to a
# division forgets them (``forget_divisions``, connected in ``apps.py``).
_division_ids: dict[str, int | None] = {}


def division_id(code: str) -> int | None:
    if code not in _division_ids:
        from waishi.accounts.models import Division

        found = Division.objects.filter(code=code).values_list("pk", flat=True).first()
        _division_ids[code] = found
    return _division_ids[code]


def forget_divisions(**kwargs: Any) -> None:
    _division_ids.clear()


def _in_division(user: Any, code: str) -> bool:
    if not user.is_authenticated or user.division_id is None:
        return False
    return bool(user.division_id == division_id(code))


@rules.predicate
def is_of_overseas_division(user: Any) -> bool:
    return _in_division(user, OVERSEAS_DIVISION)


@rules.predicate
def is_of_foreign_division(user: Any) -> bool:
    return _in_division(user, FOREIGN_DIVISION)


is_division_staff = is_division_officer | is_division_head
is_award_staff = is_division_staff & is_of_overseas_division
is_nomination_staff = is_division_staff & (is_of_overseas_division | is_of_foreign_division)

# The dashboard, lists, rounds, citizens and figures: the two divisions, the leaders and the
# discipline inspector.
rules.add_perm(
    "honours.read_honours", is_nomination_staff | is_bureau_leader | is_discipline_inspector
)
# Opening a round, closing its call, publishing the public notice.
rules.add_perm("honours.manage_rounds", is_award_staff)
# Recording a nomination: an agency (its liaison officer or signatory) or the divisions for
# a paper nomination by a unit.
rules.add_perm(
    "honours.file_nomination", is_liaison_officer | is_agency_signatory | is_nomination_staff
)
# Self-nomination online by an applicant (docs/applicants.md).
rules.add_perm("honours.self_nominate", is_applicant)
# The honorary citizens' register: ceremony, annual contact, status and revocation.
rules.add_perm("honours.manage_citizens", is_award_staff)
