"""Who sees donations: the donee its own, the county office its county's, the bureau all."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from waishi.cases.querysets import visible_to
from waishi.donations.querysets import donations_visible_to

pytestmark = pytest.mark.django_db


def test_a_donee_sees_only_its_own_donations(
    file_donation: Any, liaison: Any, other_liaison: Any, village: Any, village_liaison: Any
) -> None:
    own = file_donation()
    theirs = file_donation(actor=village_liaison, on_behalf=village)
    assert list(donations_visible_to(liaison).values_list("case_id", flat=True)) == [own.pk]
    assert list(donations_visible_to(village_liaison).values_list("case_id", flat=True)) == [
        theirs.pk
    ]
    assert not donations_visible_to(other_liaison).exists()
    client = Client()
    client.force_login(other_liaison)
    assert client.get(own.get_absolute_url()).status_code == 404
    listing = client.get(reverse("donations:list")).content.decode()
    assert own.reference not in listing
    client.force_login(liaison)
    assert client.get(own.get_absolute_url()).status_code == 200
    listing = client.get(reverse("donations:list")).content.decode()
    assert own.reference in listing and theirs.reference not in listing


def test_the_county_office_sees_its_county_and_the_bureau_all(
    file_donation: Any,
    village: Any,
    village_liaison: Any,
    county_officer: Any,
    officer: Any,
    inspector: Any,
) -> None:
    city = file_donation()
    county = file_donation(actor=village_liaison, on_behalf=village)
    assert set(visible_to(county_officer).values_list("pk", flat=True)) == {county.pk}
    for user in (officer, inspector):
        assert {city.pk, county.pk} <= set(visible_to(user).values_list("pk", flat=True))
