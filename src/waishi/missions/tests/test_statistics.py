"""The year's mission figures for the bureau: what counts, the export, the query budget."""

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from waishi.cases.models import Case
from waishi.missions.models import Destination, Mission
from waishi.missions.statistics import kind_of, year_figures

pytestmark = pytest.mark.django_db

URL = reverse("missions:statistics")


def approved(draft: Callable[..., Any], **kwargs: Any) -> Mission:
    mission = draft(**kwargs)
    Case.objects.filter(pk=mission.case_id).update(status="approved")
    return Mission.objects.select_related("case").get(pk=mission.pk)


def test_only_approved_missions_count_with_people_and_person_days(
    draft: Callable[..., Any],
) -> None:
    mission = approved(draft, members=3, days=5)
    draft(members=2, days=4)  # still a draft: not counted
    figures = year_figures(mission.departure_date.year)
    total = figures.total
    assert (total.missions, total.people, total.days) == (1, 3, 15)
    assert [(r.label, r.people) for r in figures.by_agency] == [(str(mission.case.agency), 3)]
    assert figures.by_month[mission.departure_date.month - 1].missions == 1
    assert [r.missions for r in figures.by_kind] == [1, 0, 0]


def test_hong_kong_and_macao_are_their_own_kinds() -> None:
    assert kind_of(["HK"]) == "HK" and kind_of(["MO"]) == "MO"
    assert kind_of(["HK", "MO"]) == "HK"
    assert kind_of(["HK", "SG"]) == "abroad"


def test_staff_see_the_figures_and_the_export_and_agencies_do_not(
    client: Any, draft: Callable[..., Any], officer: Any, liaison: Any
) -> None:
    mission = approved(draft, members=2)
    year = mission.departure_date.year
    client.force_login(officer)
    page = client.get(URL, {"year": year}).content.decode()
    assert 'data-testid="statistics-country"' in page and "<svg" in page
    response = client.get(URL, {"year": year, "format": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    first = book.worksheets[0]
    assert [c.value for c in next(first.iter_rows(min_row=2, max_row=2))][1:] == [1, 2, 10]
    client.force_login(liaison)
    assert client.get(URL).status_code == 403


def test_the_page_costs_the_same_for_few_and_many_missions(
    client: Any, draft: Callable[..., Any], officer: Any
) -> None:
    first = approved(draft, members=1)
    year = first.departure_date.year
    client.force_login(officer)
    client.get(URL, {"year": year})  # warm the session and caches

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"year": year}).status_code == 200
        return len(captured.captured_queries)

    few = queries()
    for _ in range(6):
        extra = approved(draft, members=2)
        Destination.objects.create(mission=extra, country="FR", sort_order=5)
    assert queries() == few
