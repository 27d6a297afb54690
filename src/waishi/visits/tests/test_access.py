"""An agency sees its own visits and gifts only; the bureau sees all; pages keep their budget."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import make_user
from waishi.visits.querysets import visits_visible_to

pytestmark = pytest.mark.django_db


def test_an_agency_sees_only_its_own_visits(
    make_visit: Callable[..., Any], other_liaison: Any, liaison: Any, officer: Any, client: Any
) -> None:
    visit = make_visit()
    other = make_visit(actor=other_liaison, agency=other_liaison.agency)
    assert list(visits_visible_to(liaison)) == [visit] or set(visits_visible_to(liaison)) == {visit}
    assert set(visits_visible_to(officer)) == {visit, other}
    client.force_login(other_liaison)
    assert client.get(reverse("cases:detail", args=[visit.case.reference])).status_code == 404
    assert client.get(reverse("visits:edit", args=[visit.case.reference])).status_code == 404
    page = client.get(reverse("visits:list")).content.decode()
    assert other.case.reference in page
    assert visit.case.reference not in page


def test_another_agency_cannot_change_the_plan(
    make_visit: Callable[..., Any], other_liaison: Any
) -> None:
    from django.core.exceptions import PermissionDenied

    from waishi.visits import actions

    visit = make_visit()
    with pytest.raises(PermissionDenied):
        actions.do_remove_guest(actor=other_liaison, visit=visit, guest_pk=visit.guests.first().pk)
    assert visit.guests.count() == 1


def test_the_visit_list_costs_the_same_for_1_and_6_visits(
    make_visit: Callable[..., Any], officer: Any, client: Any, django_assert_max_num_queries: Any
) -> None:
    client.force_login(officer)
    make_visit()
    client.get(reverse("visits:list"))
    with django_assert_max_num_queries(6) as one:
        assert client.get(reverse("visits:list")).status_code == 200
    for _ in range(5):
        make_visit()
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(reverse("visits:list")).status_code == 200


def test_the_case_page_of_a_visit_keeps_its_query_budget(
    make_visit: Callable[..., Any], head: Any, client: Any, django_assert_max_num_queries: Any
) -> None:
    visit = make_visit(banquets=3)
    client.force_login(head)
    url = reverse("cases:detail", args=[visit.case.reference])
    client.get(url)
    with django_assert_max_num_queries(24) as few:
        page = client.get(url)
    assert page.status_code == 200
    assert "banquets_per_visit" in page.content.decode()
    for n in range(4):
        from waishi.visits import actions

        actions.do_add_guest(
            actor=visit.case.created_by,
            visit=visit,
            name=f"随员{n}",
            foreign_names="",
            sex="male",
            date_of_birth=datetime.date(1980, 1, 1),
            nationality="DE",
            rank_class="director",
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_gifts_register_and_statistics_keep_their_budget(
    make_visit: Callable[..., Any], officer: Any, client: Any, django_assert_max_num_queries: Any
) -> None:
    make_visit()
    client.force_login(officer)
    for name in ("visits:gifts", "visits:statistics"):
        client.get(reverse(name))
        with django_assert_max_num_queries(9):
            assert client.get(reverse(name)).status_code == 200


def test_the_website_editor_has_no_business_with_visits(client: Any, division: Any) -> None:
    client.force_login(make_user(Role.WEBSITE_EDITOR))
    assert client.get(reverse("visits:list")).status_code == 403


def test_the_dashboards_show_coming_visits_to_the_agency_and_the_division(
    make_visit: Callable[..., Any], liaison: Any, officer: Any, other_liaison: Any, client: Any
) -> None:
    import datetime

    from django.utils import timezone

    visit = make_visit(arrival=timezone.localdate() + datetime.timedelta(days=10))
    for user, home, sees in (
        (liaison, "accounts:workspace", True),
        (officer, "accounts:office", True),
        (other_liaison, "accounts:workspace", False),
    ):
        client.force_login(user)
        page = client.get(reverse(home)).content.decode()
        assert 'data-testid="visits-panel"' in page
        assert (visit.case.title in page) is sees
