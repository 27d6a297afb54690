"""The leaders' cockpit: a fixed number of queries, and each deputy's own divisions."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.models import Leader
from waishi.accounts.tests.factories import make_user
from waishi.cases.actions import do_transition
from waishi.cases.testing import DivisionFactory
from waishi.directives.actions import do_open_task, do_review_brief, do_submit_brief, do_write_brief
from waishi.directives.constants import BriefRegion, TaskSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_division(db: Any) -> Any:
    return DivisionFactory(name_zh_hans="侨务科")


@pytest.fixture
def deputy(division: Any) -> Any:
    user = make_user(Role.BUREAU_LEADER, full_name="李副局长")
    leader = Leader.objects.create(
        bureau=division.bureau, name_zh_hans="李副局长", title_zh_hans="副局长", user=user
    )
    leader.divisions.set([division])
    return user


@pytest.fixture
def director(division: Any) -> Any:
    user = make_user(Role.BUREAU_LEADER, full_name="林局长")
    Leader.objects.create(
        bureau=division.bureau, name_zh_hans="林局长", title_zh_hans="局长", user=user
    )
    return user


@pytest.fixture
def task_waiting(officer: Any) -> Callable[..., Any]:
    """A task whose reply waits for a leader's approval, in ``officer``'s division."""

    def make(actor: Any = None, title: str = "任务") -> Any:
        actor = actor or officer
        case = do_open_task(
            actor=actor,
            title=title,
            source=TaskSource.CITY_GOVERNMENT,
            document_number="肇府办函〔2026〕1号",
            asked="报送",
            due_on=timezone.localdate() + datetime.timedelta(days=2),
        )
        return do_transition(
            case=case, transition="submit_reply", actor=actor, inputs={"reply": "答复"}
        )

    return make


def cockpit(user: Any) -> str:
    client = Client()
    client.force_login(user)
    response = client.get("/office/cockpit/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_deputy_sees_only_their_divisions_and_the_director_the_bureau(
    task_waiting: Callable[..., Any],
    other_division: Any,
    deputy: Any,
    director: Any,
) -> None:
    mine = task_waiting(title="本分管处室的任务")
    stranger = make_user(Role.DIVISION_OFFICER, division=other_division)
    theirs = task_waiting(actor=stranger, title="其他处室的任务")
    page = cockpit(deputy)
    assert mine.reference in page and theirs.reference not in page
    page = cockpit(director)
    assert mine.reference in page and theirs.reference in page


def test_a_division_head_sees_their_division(
    task_waiting: Callable[..., Any], other_division: Any, head: Any
) -> None:
    mine = task_waiting()
    stranger = make_user(Role.DIVISION_OFFICER, division=other_division)
    theirs = task_waiting(actor=stranger)
    page = cockpit(head)
    # The head's division's task is at risk (due in two days), the other division's is not shown.
    assert mine.reference in page and theirs.reference not in page


def test_people_without_a_portfolio_have_no_cockpit(case_roles: dict[str, Any]) -> None:
    for role in ("officer", "liaison", "inspector", "county_officer"):
        client = Client()
        client.force_login(case_roles[role])
        assert client.get("/office/cockpit/").status_code in (403, 404), role


def test_approving_from_the_cockpit_returns_to_it(
    task_waiting: Callable[..., Any], deputy: Any
) -> None:
    case = task_waiting()
    client = Client()
    client.force_login(deputy)
    response = client.post(
        f"/cases/{case.reference}/do/approve_reply/",
        {"version": case.version, "next": "/office/cockpit/"},
    )
    assert response.status_code == 302 and response.url == "/office/cockpit/"
    case.refresh_from_db()
    assert case.status == "approved"
    # A next page elsewhere is not followed.
    other = client.post(
        f"/cases/{case.reference}/do/approve_reply/",
        {"version": case.version, "next": "https://example.com/"},
    )
    assert other.url == case.get_absolute_url()


def _brief(officer: Any, head: Any, leader_user: Any, n: int) -> None:
    brief = do_write_brief(
        actor=officer,
        title=f"香港动态{n}",
        region=BriefRegion.HONG_KONG,
        source="香港特区政府新闻公报",
        summary="摘要",
        relevance="与我市合作有关",
        leaders=[Leader.objects.get(user=leader_user)],
    )
    do_submit_brief(actor=officer, brief=brief)
    do_review_brief(actor=head, brief=brief, approve=True)


def test_the_cockpit_costs_the_same_whatever_the_number_of_cases(
    task_waiting: Callable[..., Any],
    deputy: Any,
    officer: Any,
    head: Any,
    django_assert_num_queries: Any,
) -> None:
    task_waiting()
    _brief(officer, head, deputy, 1)
    client = Client()
    client.force_login(deputy)
    client.get("/office/cockpit/")
    with django_assert_num_queries(BUDGET) as small:
        client.get("/office/cockpit/")
    for n in range(8):
        task_waiting(title=f"任务{n}")
        _brief(officer, head, deputy, n + 2)
    with django_assert_num_queries(len(small.captured_queries)):
        page = client.get("/office/cockpit/").content.decode()
    assert "任务7" in page and "香港动态9" in page


# The session and the user (2), the bell (1), the menu's badge check (1), the leader and
# their divisions (2), what waits (1), clocks at risk (1), steps overdue (1), figures (1), the
# briefs panel (1).
BUDGET = 11
