"""Annual plans: filing entries, planned against used, and who sees which plan."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from waishi.accounts.tests.factories import TEST_PASSWORD
from waishi.cases.actions import do_transition
from waishi.missions import actions
from waishi.missions import mission_actions as ma
from waishi.missions.models import AnnualPlan, PlannedMission
from waishi.missions.plans import plan_usage

from .factories import AnnualPlanFactory, PlannedMissionFactory

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


def approve(mission: Any, liaison: Any, officer: Any, head: Any, leader: Any) -> None:
    for name, actor in [
        ("submit", liaison),
        ("start_review", officer),
        ("forward_to_leader", head),
        ("approve", leader),
    ]:
        do_transition(case=mission.case, transition=name, actor=actor)


def test_planned_against_used_counts_approved_missions_only(
    draft: Callable[..., Any],
    signatory: Any,
    liaison: Any,
    officer: Any,
    head: Any,
    leader: Any,
) -> None:
    mission = draft()
    plan = AnnualPlanFactory(agency=liaison.agency, year=mission.departure_date.year)
    entry = PlannedMissionFactory(plan=plan, size=5)
    PlannedMissionFactory(plan=plan, size=3)
    mission = ma.do_save_basics(
        actor=liaison,
        mission=mission,
        expected_version=mission.version,
        purpose=mission.purpose,
        academic_exchange=False,
        departure_date=mission.departure_date,
        return_date=mission.return_date,
        planned_mission=entry,
    )
    usage = plan_usage(plan)
    assert (usage.planned_missions, usage.planned_persons, usage.used_missions) == (2, 8, 0)
    mission = ma.do_confirm(actor=signatory, mission=mission, expected_version=mission.version)
    approve(mission, liaison, officer, head, leader)
    usage = plan_usage(plan)
    assert (usage.used_missions, usage.used_persons, usage.outside_plan) == (1, 6, 0)
    # A planned mission an application uses cannot be removed.
    with pytest.raises(ValidationError):
        actions.do_remove_planned_mission(actor=liaison, entry=entry)
    assert PlannedMission.objects.filter(pk=entry.pk).exists()


def test_an_agency_opens_its_plan_and_adds_entries_on_screen(liaison: Any) -> None:
    client = client_for(liaison)
    response = client.post(reverse("missions:plans"), {"year": 2027, "note": ""})
    plan = AnnualPlan.objects.get()
    assert response.status_code == 302 and plan.agency == liaison.agency
    response = client.post(
        reverse("missions:plan", args=[plan.pk]),
        {"countries": ["DE", "FR"], "purpose": "经贸交流", "size": 5, "month": 9},
    )
    assert response.status_code == 302
    assert PlannedMission.objects.get().countries == ["DE", "FR"]
    page = client.get(reverse("missions:plan", args=[plan.pk]))
    assert "德国" in page.text


def test_another_agency_cannot_see_or_change_our_plan(liaison: Any, other_liaison: Any) -> None:
    plan = AnnualPlanFactory(agency=liaison.agency)
    client = client_for(other_liaison)
    response = client.post(
        reverse("missions:plan", args=[plan.pk]),
        {"countries": ["DE"], "purpose": "x", "size": 5, "month": 9},
    )
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response.url.startswith("/zh-hans/")
    assert not PlannedMission.objects.exists()


def test_the_plan_list_costs_the_same_queries_for_2_and_20_plans(officer: Any) -> None:
    client = client_for(officer)
    for year in (2020, 2021):
        PlannedMissionFactory(plan=AnnualPlanFactory(year=year))
    client.get(reverse("missions:plans"))  # warms the shell's cached bureau
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("missions:plans")).status_code == 200
    for year in range(2000, 2018):
        PlannedMissionFactory(plan=AnnualPlanFactory(year=year))
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("missions:plans"))
    assert len(few.captured_queries) == len(many.captured_queries)
