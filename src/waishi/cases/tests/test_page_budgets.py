"""Exact query budgets of the pages the benchmark (bench/run.py) measures.

Each number is what the page needs, query by query; a change that adds one fails here and
must say why. Signed-in pages start with two: the session, and the user with their roles.
The flat-with-data tests are beside these (test_views, test_api, test_query_budget).
"""

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from waishi.cases.actions import do_comment
from waishi.cases.registry import (
    person_searches,
    register_person_search,
    unregister_person_search,
)

pytestmark = pytest.mark.django_db

# The session; the user with their roles (accounts.backends.LockoutModelBackend.get_user).
SIGNED_IN = 2


def assert_queries(client: Any, url: str, expected: int, **headers: str) -> str:
    """Get ``url`` twice (the first warms caches) and check the second's query count."""
    assert client.get(url, headers=headers).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    queries = [q["sql"] for q in captured.captured_queries]
    assert len(queries) == expected, "\n".join(queries)
    return str(response.content.decode())


@pytest.fixture
def cases(filed_case: Any, liaison: Any, officer: Any) -> list[Any]:
    made = [filed_case(f"赴新加坡考察{n}") for n in range(3)]
    do_comment(case=made[0], actor=officer, text="请补充材料", is_public=True)
    return made


@pytest.fixture
def signed_in(client: Any, officer: Any, cases: list[Any]) -> Any:
    client.force_login(officer)
    return client


def test_inbox(signed_in):
    # The active agencies for the filter, one page of rows, the bell's unread count.
    assert_queries(signed_in, reverse("cases:inbox") + "?tab=recent", SIGNED_IN + 3)


def test_inbox_filtered_by_status_agency_and_due_dates(signed_in, agency):
    today = datetime.date.today()
    url = reverse("cases:inbox") + (
        f"?tab=recent&status=submitted&agency={agency.pk}"
        f"&due_from={today - datetime.timedelta(days=30)}"
        f"&due_to={today + datetime.timedelta(days=60)}"
    )
    # The chosen agency is checked against the agencies already read for the filter.
    body = assert_queries(signed_in, url, SIGNED_IN + 3)
    assert "赴新加坡考察1" in body


def test_show_more_rows(signed_in):
    url = reverse("cases:inbox") + "?tab=recent"
    # No shell: no bell.
    assert_queries(signed_in, url, SIGNED_IN + 2, **{"HX-Request": "true"})


def test_search_by_whole_reference(signed_in, cases):
    url = reverse("cases:inbox") + f"?tab=recent&q={cases[1].reference}"
    body = assert_queries(signed_in, url, SIGNED_IN + 3)
    assert cases[1].reference in body and cases[0].reference not in body


@pytest.fixture
def person_search(cases: list[Any]) -> Iterator[None]:
    from waishi.cases.models import Case

    def hook(text: str) -> Any:
        return Case.objects.filter(pk=cases[2].pk if text == "张三" else 0).values_list(
            "pk", flat=True
        )

    register_person_search(hook)
    yield
    unregister_person_search(hook)


def test_search_by_a_persons_name(signed_in, cases):
    from waishi.cases.names import set_case_names

    set_case_names(cases[2].pk, ["张三", "李四"])
    set_case_names(cases[0].pk, ["李四"])
    url = reverse("cases:inbox") + "?tab=recent&q=张三"
    # The agencies, whether anyone is so named, the newest cases naming them (from the name
    # index alone), those cases' rows, the bell.
    body = assert_queries(signed_in, url, SIGNED_IN + 5)
    assert cases[2].reference in body and cases[0].reference not in body


def test_search_by_a_name_an_area_hook_knows(signed_in, cases, person_search):
    url = reverse("cases:inbox") + "?tab=recent&q=张三"
    # Nobody so named in the kernel's table; then one query per person-search hook.
    body = assert_queries(signed_in, url, SIGNED_IN + 4 + len(person_searches()))
    assert cases[2].reference in body and cases[0].reference not in body


def test_case_page(signed_in, cases):
    # The case with its detail row (one query whatever the type), the bell, the filing
    # agency's open suspensions (shown to bureau staff), the timeline, the files, the
    # external steps, the clocks (with their steps and rules, however many). No
    # permission-table reads: the cases app's rights are rules alone.
    assert_queries(signed_in, cases[0].get_absolute_url(), SIGNED_IN + 7)


def test_case_page_with_external_steps(signed_in, cases, officer):
    from waishi.cases.steps import Due, do_record_answer, do_send_step

    for body in ("provincial_fao", "mfa", "police"):
        step = do_send_step(
            case=cases[0],
            actor=officer,
            body=body,
            request_text="请审核",
            sent_on=datetime.date.today(),
            due=Due(unit="days", count=10),
        )
    do_record_answer(
        case=cases[0],
        step_pk=step.pk,
        actor=officer,
        answered_on=datetime.date.today(),
        upload=__import__("io").BytesIO(b"%PDF-1.4\n%%EOF\n"),
        upload_name="reply.pdf",
    )
    # Steps, their senders and answer documents in one query, however many; their clocks
    # in another.
    body = assert_queries(signed_in, cases[0].get_absolute_url(), SIGNED_IN + 7)
    assert "reply.pdf" in body


def test_inbox_waiting_on_an_outside_body(signed_in, cases, officer):
    from waishi.cases.steps import Due, do_send_step

    for case in cases:
        do_send_step(
            case=case,
            actor=officer,
            body="mfa",
            request_text="请审核",
            sent_on=datetime.date.today(),
            due=Due(unit="workdays", count=5),
        )
    # The inbox's three, and the waiting steps of the page's cases for their badges.
    body = assert_queries(signed_in, reverse("cases:inbox") + "?tab=waiting", SIGNED_IN + 4)
    from django.utils import translation

    with translation.override("zh-hans"):
        badge = translation.gettext("Waiting on %(body)s since %(sent)s") % {
            "body": translation.gettext("Ministry of Foreign Affairs"),
            "sent": datetime.date.today().isoformat(),
        }
    assert body.count(badge) == 3


def test_api_case_list(signed_in):
    assert_queries(signed_in, "/api/v1/cases/", SIGNED_IN + 1)


def test_api_case_list_filtered(signed_in, agency):
    url = f"/api/v1/cases/?status=draft&agency={agency.pk}&due_from=2020-01-01&due_to=2099-12-31"
    assert_queries(signed_in, url, SIGNED_IN + 1)


def test_api_case_list_with_a_token_reads_no_session(client, liaison, cases):
    from waishi.api.tests.factories import bearer, make_token

    _token, secret = make_token(liaison)
    # The token with its user, the user's roles, the page; its use is recorded once a minute.
    assert_queries(client, "/api/v1/cases/", 3, **bearer(secret))
