"""What each user may see of the missions area. Every list and page starts here."""

from typing import Any

from django.db.models import QuerySet

from .models import AnnualPlan, Traveller
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


def travellers_visible_to(user: Any) -> QuerySet[Traveller]:
    """Travellers of the user's agency, or of every agency for bureau staff."""
    people = Traveller.objects.select_related("agency")
    scope = _own_agency_only(user)
    if scope is None:
        return people.none()
    return people.filter(agency_id=user.agency_id) if scope else people


def plans_visible_to(user: Any) -> QuerySet[AnnualPlan]:
    """Annual plans of the user's agency, or of every agency for bureau staff."""
    plans = AnnualPlan.objects.select_related("agency")
    scope = _own_agency_only(user)
    if scope is None:
        return plans.none()
    return plans.filter(agency_id=user.agency_id) if scope else plans


def access_traveller(user: Any, pk: int) -> Traveller:
    """The traveller if ``user`` may see them; ``Traveller.DoesNotExist`` otherwise."""
    return travellers_visible_to(user).get(pk=pk)


def access_plan(user: Any, pk: int) -> AnnualPlan:
    """The plan if ``user`` may see it; ``AnnualPlan.DoesNotExist`` otherwise."""
    return plans_visible_to(user).get(pk=pk)
