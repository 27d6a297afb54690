"""What each user may see of the missions area. Every list and page starts here."""

from typing import Any

from django.db.models import QuerySet

from waishi.registers.constants import PersonKind
from waishi.registers.models import Person, of_kind
from waishi.registers.querysets import people_visible_to

from .models import AnnualPlan
from .permissions import is_mission_staff


def _own_agency_only(user: Any) -> bool | None:
    """True: only the user's agency; False: everything; None: nothing."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if is_mission_staff(user):
        return False
    if user.agency_id is not None and user.is_agency_user:
        return True
    return None


def travellers_visible_to(user: Any) -> QuerySet[Person]:
    """The register's travellers of the user's agency, or of every agency for bureau staff."""
    return people_visible_to(user).filter(of_kind(PersonKind.TRAVELLER))


def plans_visible_to(user: Any) -> QuerySet[AnnualPlan]:
    """Annual plans of the user's agency, or of every agency for bureau staff."""
    plans = AnnualPlan.objects.select_related("agency")
    scope = _own_agency_only(user)
    if scope is None:
        return plans.none()
    return plans.filter(agency_id=user.agency_id) if scope else plans


def access_traveller(user: Any, pk: int) -> Person:
    """The traveller if ``user`` may see them; ``Person.DoesNotExist`` otherwise."""
    return travellers_visible_to(user).get(pk=pk)


def access_plan(user: Any, pk: int) -> AnnualPlan:
    """The plan if ``user`` may see it; ``AnnualPlan.DoesNotExist`` otherwise."""
    return plans_visible_to(user).get(pk=pk)
