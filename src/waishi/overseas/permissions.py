"""Who may see and work on the overseas Chinese register and certificates.

The register holds sensitive personal information of people abroad: only the staff of the
Division of Overseas Chinese Affairs and the county officers the division has named (each
for their own county-level unit) see it. Everyone else — other divisions, the leaders, the
discipline inspector, agencies, applicants, the administrators — is told it does not exist.
"""

from typing import Any

import rules
from django.db.models import Q

from waishi.accounts.constants import Role
from waishi.accounts.permissions import is_county_officer, is_division_head, is_division_officer

from .constants import DIVISION

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
def is_of_overseas_division(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False) or user.division_id is None:
        return False
    return bool(user.division_id == division_id())


is_overseas_staff = (is_division_officer | is_division_head) & is_of_overseas_division
is_overseas_head = is_division_head & is_of_overseas_division


def named_county_id(user: Any) -> int | None:
    """The county-level unit a county officer was named for (read once per request)."""
    if not getattr(user, "is_authenticated", False) or not user.has_role(Role.COUNTY_OFFICER):
        return None
    if not hasattr(user, "_overseas_county"):
        from .models import CountyAccess

        user._overseas_county = (
            CountyAccess.objects.filter(user_id=user.pk, revoked_at__isnull=True)
            .values_list("county_id", flat=True)
            .first()
        )
    return user._overseas_county  # type: ignore[no-any-return]


@rules.predicate
def is_named_county_officer(user: Any) -> bool:
    return bool(is_county_officer(user) and named_county_id(user) is not None)


is_register_user = is_overseas_staff | is_named_county_officer


@rules.predicate
def may_work_on_county(user: Any, county: Any) -> bool:
    """The division everywhere; a named county officer in their own unit."""
    if is_overseas_staff(user):
        return True
    county_id = getattr(county, "pk", county)
    return county_id is not None and named_county_id(user) == county_id


def case_visibility(user: Any) -> bool | Q:
    """The certificates: the division's staff, and county offices (their own filings)."""
    if user.division_id is not None and user.has_role(Role.DIVISION_OFFICER, Role.DIVISION_HEAD):
        return Q(division_id=user.division_id)
    return bool(user.has_role(Role.COUNTY_OFFICER))


rules.add_perm("overseas.read_register", is_register_user)
rules.add_perm("overseas.edit_register", is_register_user)
rules.add_perm("overseas.record_standing", is_register_user & may_work_on_county)
rules.add_perm("overseas.reveal", is_register_user)
rules.add_perm("overseas.export_register", is_register_user)
rules.add_perm("overseas.manage_access", is_overseas_head)
rules.add_perm("overseas.verify_survey", is_overseas_staff)
rules.add_perm("overseas.manage_organisations", is_overseas_staff)
rules.add_perm("overseas.open_campaign", is_overseas_staff)
rules.add_perm("overseas.file_certificate", is_register_user)
