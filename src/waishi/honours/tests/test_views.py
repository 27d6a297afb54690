"""The award's pages: filing from the form, the dashboard, rounds, the register, figures, the
API, and what lists and the case page cost in queries."""

import io
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from waishi.cases.models import Case
from waishi.honours.constants import CASE_TYPE

from .conftest import TODAY, nominee
from .factories import make_citizen

pytestmark = pytest.mark.django_db


def form_data(round_: Any, **changes: Any) -> dict[str, Any]:
    data = {
        "round": round_.pk,
        "nominee_type": "overseas_chinese",
        "name": "陈海文",
        "foreign_names": "CHAN, Hoi Man",
        "sex": "male",
        "date_of_birth": "1958-04-02",
        "nationalities": "MY",
        "criteria": ["philanthropy", "economy"],
        "contribution": "捐建学校三所。",
        "consent_on": TODAY().isoformat(),
        "consent_note": "签署同意书",
        "publish_consent": "on",
        "idempotency_key": "form-1",
    }
    data.update(changes)
    return data


def test_an_agency_nominates_from_the_workspace(client: Any, liaison: Any, round_: Any) -> None:
    client.force_login(liaison)
    assert client.get("/workspace/honours/nominate/").status_code == 200
    response = client.post("/workspace/honours/nominate/", form_data(round_))
    case = Case.objects.get(case_type=CASE_TYPE)
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    client.post("/workspace/honours/nominate/", form_data(round_))
    assert Case.objects.filter(case_type=CASE_TYPE).count() == 1


def test_the_form_refuses_a_nomination_without_consent(
    client: Any, liaison: Any, round_: Any
) -> None:
    client.force_login(liaison)
    client.cookies["waishi_language"] = "zh-hans"
    response = client.post(
        "/workspace/honours/nominate/", form_data(round_, consent_on="", consent_note="")
    )
    assert response.status_code == 200
    assert "推荐须经被推荐人同意" in response.content.decode()
    assert not Case.objects.filter(case_type=CASE_TYPE).exists()


def make_many(nominate: Any, count: int) -> None:
    for n in range(count):
        nominate(person=nominee(f"候选{n}"))


def cost(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", ["/office/honours/", "/office/honours/rounds/5/", "/office/honours/citizens/"]
)
def test_the_lists_cost_the_same_whatever_the_rows(
    client: Any, officer: Any, nominate: Any, url: str
) -> None:
    client.force_login(officer)
    make_citizen(nominate(person=nominee("首位")))
    client.get(url)
    few = cost(client, url)
    make_many(nominate, 6)
    for case in Case.objects.filter(case_type=CASE_TYPE)[:3]:
        if not hasattr(case.nomination, "citizen"):
            make_citizen(case)
    assert cost(client, url) == few


def test_the_case_page_has_a_fixed_budget(
    client: Any, officer: Any, nominate: Any, django_assert_max_num_queries: Any
) -> None:
    case = nominate()
    client.force_login(officer)
    client.get(case.get_absolute_url())
    with django_assert_max_num_queries(24):
        response = client.get(case.get_absolute_url())
    assert response.status_code == 200
    assert "陈海文" in response.content.decode()


def test_the_figures_and_their_spreadsheet(client: Any, officer: Any, nominate: Any) -> None:
    nominate()
    client.force_login(officer)
    assert client.get("/office/honours/statistics/").status_code == 200
    response = client.get("/office/honours/statistics/?format=xlsx")
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) == 5


def test_the_api_lists_nominations_for_the_divisions(
    client: Any, officer: Any, liaison: Any, nominate: Any
) -> None:
    case = nominate()
    client.force_login(officer)
    body = client.get("/api/v1/honours/").json()
    assert [i["reference"] for i in body["items"]] == [case.reference]
    client.force_login(liaison)
    assert client.get("/api/v1/honours/").status_code == 403


def test_the_round_is_opened_and_its_call_closed_from_the_pages(
    client: Any, officer: Any, round_: Any
) -> None:
    client.force_login(officer)
    response = client.post("/office/honours/rounds/5/close/", {"version": round_.version})
    assert response.status_code == 302
    round_.refresh_from_db()
    assert round_.status == "closed"
    # A stale form changes nothing.
    client.post("/office/honours/rounds/5/close/", {"version": 1})
    round_.refresh_from_db()
    assert round_.version == 2
