"""Query budgets of the pages the benchmark measures: flat whatever the amount of data.

The inbox and API lists have their own budget tests (test_views, test_api); these add the case
page and the API's case detail as the timeline grows, and searching as the table grows.
"""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from waishi.cases.actions import do_comment
from waishi.cases.models import Case

pytestmark = pytest.mark.django_db


def queries_of(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def add_comments(case: Case, people: list[Any], count: int) -> None:
    for number in range(count):
        do_comment(
            case=case, actor=people[number % len(people)], text=f"意见{number}", is_public=True
        )


def test_case_page_queries_do_not_grow_with_the_timeline(client, new_case, officer, liaison):
    case = new_case()
    client.force_login(officer)
    url = case.get_absolute_url()
    client.get(url)  # warm caches (the bureau row, the session)
    short = queries_of(client, url)
    add_comments(case, [officer, liaison], 30)
    assert queries_of(client, url) == short


def test_api_case_detail_queries_do_not_grow_with_the_timeline(client, new_case, liaison):
    case = new_case()
    client.force_login(liaison)
    url = f"/api/v1/cases/{case.reference}"
    client.get(url)
    short = queries_of(client, url)
    add_comments(case, [liaison], 30)
    assert queries_of(client, url) == short


@pytest.mark.parametrize("search", ["whole reference", "reference start", "title"])
def test_inbox_search_queries_do_not_grow_with_the_table(client, officer, agency, search):
    def make(start: int, count: int) -> None:
        Case.objects.bulk_create(
            Case(
                reference=f"DM-2026-{start + n:05d}",
                case_type="DM",
                status="submitted",
                agency=agency,
                title=f"赴新加坡考察{n}",
            )
            for n in range(count)
        )

    text = {"whole reference": "DM-2026-00003", "reference start": "DM-2026", "title": "新加坡"}
    url = reverse("cases:inbox") + f"?tab=recent&q={text[search]}"
    client.force_login(officer)
    make(1, 5)
    client.get(url)
    few = queries_of(client, url)
    make(6, 495)
    assert queries_of(client, url) == few
    body = client.get(url).content.decode()
    assert "DM-2026-00003" in body if search == "whole reference" else "DM-2026-00500" in body
