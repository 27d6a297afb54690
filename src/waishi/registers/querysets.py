"""What each user may see of the shared registers. Every list and page starts here."""

from typing import Any

from django.db.models import QuerySet

from .models import Person
from .permissions import is_people_staff


def people_visible_to(user: Any) -> QuerySet[Person]:
    """People of the user's agency, or everyone for bureau staff who deal with cases."""
    people = Person.objects.select_related("agency")
    if user is None or not user.is_authenticated or not user.is_active:
        return people.none()
    if is_people_staff(user):
        return people
    if user.agency_id is not None and user.is_agency_user:
        return people.filter(agency_id=user.agency_id)
    return people.none()


def access_person(user: Any, pk: int) -> Person:
    """The person if ``user`` may see them; ``Person.DoesNotExist`` otherwise (same answer)."""
    return people_visible_to(user).get(pk=pk)
