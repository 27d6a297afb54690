"""Incident cases are seen only by the consular staff and the leaders; each opening is audited."""

from typing import Any

import pytest
from django.test import Client

from waishi.audit.models import AuditEvent
from waishi.cases.querysets import visible_to

pytestmark = pytest.mark.django_db

ALLOWED = {"officer", "head", "leader"}


def views_of(case: Any) -> int:
    return AuditEvent.objects.filter(
        action="incidents.incident.view", object_id=str(case.pk)
    ).count()


def test_only_the_consular_staff_and_leaders_see_an_incident(
    open_incident: Any, case_roles: dict[str, Any]
) -> None:
    case = open_incident()
    for role, user in case_roles.items():
        client = Client()
        client.force_login(user)
        before = views_of(case)
        response = client.get(case.get_absolute_url())
        seen = visible_to(user).filter(pk=case.pk).exists()
        if role in ALLOWED:
            assert response.status_code == 200, role
            assert seen, role
            assert views_of(case) == before + 1, f"{role}: the opening was not recorded"
        else:
            assert response.status_code in (404, 403, 302), role
            assert response.status_code != 200, role
            assert not seen, role
            assert views_of(case) == before, role


def test_other_divisions_and_the_inspector_get_404_and_no_list(
    open_incident: Any, case_roles: dict[str, Any]
) -> None:
    case = open_incident()
    for role in ("other_officer", "other_head", "inspector", "liaison"):
        client = Client()
        client.force_login(case_roles[role])
        assert client.get(case.get_absolute_url()).status_code == 404, role
        assert client.get("/office/incidents/").status_code == 404, role
        assert client.get("/office/incidents/statistics/").status_code == 404, role
        assert case.reference not in client.get("/office/inbox/").content.decode(), role


def test_the_filing_agency_is_never_notified_of_an_incident(
    open_incident: Any, officer: Any, liaison: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from waishi.cases.actions import do_transition
    from waishi.notifications.models import Notification

    case = open_incident()
    with django_capture_on_commit_callbacks(execute=True):
        do_transition(
            case=case,
            transition="record_notification",
            actor=officer,
            inputs={
                "on": case.incident.began_at.date().isoformat(),
                "channel": "照会",
                "by": "省公安厅",
            },
        )
    assert not Notification.objects.filter(recipient=liaison).exists()


def test_an_incident_in_another_division_is_hidden_from_this_one(
    open_incident: Any, officer: Any, leader: Any
) -> None:
    from waishi.cases.models import Case
    from waishi.cases.testing import DivisionFactory

    case = open_incident()
    Case.objects.filter(pk=case.pk).update(division=DivisionFactory())
    assert not visible_to(officer).filter(pk=case.pk).exists()
    assert visible_to(leader).filter(pk=case.pk).exists()
