"""Query budgets of the mission's case page and API detail: flat whatever the delegation size."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def queries_of(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("page", ["case page", "api detail"])
def test_mission_pages_cost_the_same_for_two_and_six_members(
    client: Any, draft: Callable[..., Any], officer: Any, page: str
) -> None:
    small = draft(members=2, days=2)
    large = draft(members=6, days=5)

    def url(mission: Any) -> str:
        if page == "case page":
            return str(mission.case.get_absolute_url())
        return f"/api/v1/cases/{mission.case.reference}"

    client.force_login(officer)
    client.get(url(small))  # warm caches (the bureau row, the session, the rule book)
    assert queries_of(client, url(small)) == queries_of(client, url(large))


def test_the_mission_case_page_reads_each_part_once(
    client: Any, confirmed: Callable[..., Any], liaison: Any, officer: Any
) -> None:
    from waishi.cases.actions import do_transition

    mission = confirmed(members=4, days=3)
    do_transition(case=mission.case, transition="submit", actor=liaison)
    client.force_login(officer)
    url = mission.case.get_absolute_url()
    client.get(url)  # warm caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    tables = [q["sql"].split(" FROM ", 1)[1].split()[0] for q in captured.captured_queries]
    # The session, the user; the case; its mission with the signatory and the annual plan;
    # the members with their travellers, the stops, the itinerary and the budget (read once
    # for the summary, the details and the document check); the case's clocks; the bell;
    # the agency's open suspensions (agency standing, shown to staff); the members' earlier
    # trips; the recorded check and its accepted warnings; the approval documents; the
    # members' documents, flags and bars; the bureau's area and the custody rules in force;
    # the visas (the external steps come before the panels other areas contribute); timeline
    # and files.
    assert tables == [
        '"django_session"',
        '"accounts_user"',
        '"cases_case"',
        '"missions_mission"',
        '"missions_missionmember"',
        '"missions_destination"',
        '"missions_itineraryitem"',
        '"missions_budgetline"',
        '"cases_clock"',
        '"notifications_notification"',
        '"cases_suspension"',
        '"missions_missionmember"',
        '"missions_verdict"',
        '"missions_override"',
        '"missions_approvaldocument"',
        '"cases_externalstep"',
        '"passports_traveldocument"',
        '"passports_holderflag"',
        '"passports_travelbar"',
        '"accounts_bureau"',
        '"cases_rule"',
        '"passports_visaapplication"',
        '"cases_timelineentry"',
        '"cases_attachment"',
    ], "\n".join(q["sql"] for q in captured.captured_queries)
    assert "Berlin" in response.text


# The approval's steps as the benchmark's write load runs them (bench/writes.py), each with
# its exact query count over HTTP: the session, the user and the case are read, then in one
# transaction the case is locked and checked, the change, the timeline entry and the audit
# event written (with the filing's rule check and verdict, or the approval document, and
# the approval's one look for passports out for the trip, whose due dates follow it); in the
# same transaction the people to tell, their channels and languages are read and told (each
# of the two case-event listeners, the notifications' and the gifts register's, in a savepoint
# of its own: two queries each). Forwarding and
# approving also run the members' document check passports contributes (seven queries: the
# destinations, documents, endorsements, flags, bars, the bureau's area and the rules in force)
# and read the agency's open suspensions, which may cover approvals (one query); approving
# reads the budget lines the approval document prints (one query). After each step the
# bureau people whose turn the case now is are found (two queries: the staff of the case's
# division and the leaders, and their roles) and told: on filing, the division's officer and
# head (eight queries in all with their two notifications).
APPROVAL_STEPS = (
    ("submit", "liaison", 35),
    ("start_review", "officer", 24),
    ("forward_to_leader", "head", 36),
    ("approve", "leader", 48),
)


def test_each_step_of_an_approval_costs_a_fixed_number_of_queries(
    confirmed: Callable[..., Any],
    liaison: Any,
    officer: Any,
    head: Any,
    leader: Any,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from django.test import Client

    from waishi.cases.models import Case

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    people = {"liaison": liaison, "officer": officer, "head": head, "leader": leader}
    clients = {}
    for role, user in people.items():
        clients[role] = Client()
        clients[role].force_login(user)
    warm, mission = confirmed(members=4), confirmed(members=6)
    counts = []
    for name, role, _expected in APPROVAL_STEPS:
        for case in (warm.case, mission.case):
            with (
                CaptureQueriesContext(connection) as captured,
                django_capture_on_commit_callbacks(execute=True),
            ):
                response = clients[role].post(f"/cases/{case.reference}/do/{name}/", {})
            assert response.status_code == 302
        counts.append((name, role, len(captured.captured_queries)))
    assert Case.objects.get(pk=mission.case.pk).status == "approved"
    assert counts == list(APPROVAL_STEPS)
