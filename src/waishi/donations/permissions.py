"""Who may do what with donations and donated projects.

The donee files (its liaison officer or signatory, ``is_case_filer``). The office that reviews
follows the donee's level (PREF): the county office of the donee's county for a county-level
donee, the bureau's Division of Overseas Chinese Affairs for a city-level one. Bureau staff
and the discipline inspector read everything (``visible_to``); a donee sees its own cases.
"""

from typing import Any

import rules
from django.core.exceptions import ObjectDoesNotExist

from waishi.accounts.permissions import (
    is_agency_signatory,
    is_agency_user,
    is_bureau_leader,
    is_county_officer,
    is_discipline_inspector,
    is_division_head,
    is_division_officer,
    is_liaison_officer,
)
from waishi.cases.permissions import (
    is_case_division_head,
    is_case_division_officer,
    is_case_filer,
    is_of_case_agency,
)

from .constants import DONATION_TYPE, PROJECT_TYPE

_UNKNOWN = object()


def _county_of(case: Any) -> Any:
    """The county id of the case's donee, None for the city, ``_UNKNOWN`` for a stand-in."""
    accessor = {DONATION_TYPE: "donation", PROJECT_TYPE: "project"}.get(
        getattr(case, "case_type", "")
    )
    if case is None or case.pk is None or accessor is None:
        return _UNKNOWN
    try:
        return getattr(case, accessor).county_id
    except ObjectDoesNotExist:
        return _UNKNOWN


@rules.predicate
def is_county_case(user: Any, case: Any) -> bool:
    """The donee is a county-level one (a stand-in case of the to-do is either)."""
    county = _county_of(case)
    return county is _UNKNOWN or county is not None


@rules.predicate
def is_city_case(user: Any, case: Any) -> bool:
    county = _county_of(case)
    return county is _UNKNOWN or county is None


# Reviews the donee's filings: the county office for its county's donees, the bureau's
# division for the city's.
is_case_reviewer = (is_county_officer & is_of_case_agency & is_county_case) | (
    is_case_division_officer & is_city_case
)
# Issues the certificates: the county office; in the bureau the division head.
is_case_issuer = (is_county_officer & is_of_case_agency & is_county_case) | (
    is_case_division_head & is_city_case
)
is_donee = is_case_filer

is_donee_user = is_liaison_officer | is_agency_signatory
is_oc_staff = is_division_officer | is_division_head

# Filing a donation or a project: the donee's liaison officer or signatory.
rules.add_perm("donations.file_donation", is_donee_user)
# The archive, the donors and the figures: bureau staff, the inspector, county offices, donees
# (each reads what ``visible_to`` lets them see).
rules.add_perm(
    "donations.read_archive",
    is_oc_staff | is_bureau_leader | is_discipline_inspector | is_agency_user,
)
rules.add_perm(
    "donations.read_statistics",
    is_oc_staff | is_bureau_leader | is_discipline_inspector | is_county_officer,
)
# The exchange-rate table: the bureau reads it; the division keeps it.
rules.add_perm("donations.read_rates", is_oc_staff | is_bureau_leader | is_discipline_inspector)
rules.add_perm("donations.manage_rates", is_oc_staff)
# On a project (object: the case): milestones by the donee or the reviewer; naming requests
# and their answers by the bureau's division (external steps are the division's); changes of
# use and use reports filed by the donee, decided by the reviewer; misuse flags raised by the
# reviewer or the division.
rules.add_perm("donations.record_milestone", is_donee | is_case_reviewer)
rules.add_perm("donations.request_naming", is_case_division_officer)
rules.add_perm("donations.request_change", is_donee)
rules.add_perm("donations.decide_change", is_case_reviewer)
rules.add_perm("donations.file_use_report", is_donee)
rules.add_perm("donations.raise_flag", is_case_reviewer | is_case_division_officer)

__all__ = [
    "is_case_issuer",
    "is_case_reviewer",
    "is_city_case",
    "is_county_case",
    "is_donee",
]
