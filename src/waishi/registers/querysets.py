"""What each person may see of the shared registers."""

from typing import Any

from django.db.models import Q, QuerySet

from .models import Organisation, Person
from .permissions import is_people_staff


def organisations_visible_to(user: Any) -> QuerySet[Organisation]:
    """Bureau staff see every organisation; everyone else none."""
    if not user.has_perm("registers.read_organisations"):
        return Organisation.objects.none()
    return Organisation.objects.select_related("country")


def search_organisations(
    queryset: QuerySet[Organisation], *, q: str = "", kind: str = "", country: str = ""
) -> QuerySet[Organisation]:
    """Narrow a list by words in the names, code or city, by kind and by country."""
    if q:
        queryset = queryset.filter(
            Q(name_zh__icontains=q)
            | Q(name_original__icontains=q)
            | Q(credit_code__iexact=q.replace(" ", ""))
            | Q(city__icontains=q)
        )
    if kind:
        queryset = queryset.filter(kind=kind)
    if country:
        queryset = queryset.filter(country_id=country.upper())
    return queryset


def access_organisation(user: Any, pk: int) -> Organisation:
    """The organisation if the user may see it; ``Organisation.DoesNotExist`` otherwise."""
    return organisations_visible_to(user).get(pk=pk)


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
