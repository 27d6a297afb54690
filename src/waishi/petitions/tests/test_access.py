"""Who sees a complaint: the division's staff and the leaders, never the department accused."""

from typing import Any

import pytest
from django.test import Client

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import make_user
from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_update_case
from waishi.cases.models import Case
from waishi.cases.querysets import visible_to
from waishi.cases.testing import DivisionFactory

pytestmark = pytest.mark.django_db

ALLOWED = {"officer", "head", "leader"}


def views_of(case: Any) -> int:
    return AuditEvent.objects.filter(
        action="petitions.petition.view", object_id=str(case.pk)
    ).count()


def opens(user: Any, case: Any) -> int:
    client = Client()
    client.force_login(user)
    return int(client.get(case.get_absolute_url()).status_code)


def test_only_the_division_and_the_leaders_see_a_complaint(
    record: Any, case_roles: dict[str, Any]
) -> None:
    case = record()
    for role, user in case_roles.items():
        before = views_of(case)
        status = opens(user, case)
        seen = visible_to(user).filter(pk=case.pk).exists()
        if role in ALLOWED:
            assert status == 200 and seen, role
            assert views_of(case) == before + 1, f"{role}: the opening was not recorded"
        else:
            assert status != 200 and not seen, role
            assert views_of(case) == before, role


def test_a_complaint_against_the_division_is_hidden_from_its_own_staff(
    record: Any, division: Any, officer: Any, head: Any, leader: Any
) -> None:
    case = record(against_name="市外事侨务局侨务科", against_division=division)
    other = record()
    for user in (officer, head):
        assert not visible_to(user).filter(pk=case.pk).exists()
        assert visible_to(user).filter(pk=other.pk).exists()
        assert opens(user, case) == 404
    assert opens(leader, case) == 200
    # The leaders give it to another division, whose staff then handle it.
    office = DivisionFactory(name_zh_hans="办公室")
    clerk = make_user(Role.DIVISION_OFFICER, division=office, full_name="办公室科员")
    do_update_case(
        case=Case.objects.get(pk=case.pk),
        actor=leader,
        changes={"division": office},
        expected_version=Case.objects.get(pk=case.pk).version,
    )
    assert visible_to(clerk).filter(pk=case.pk).exists()
    assert not visible_to(officer).filter(pk=case.pk).exists()


def test_a_complaint_against_an_agency_is_never_shown_to_its_people(
    record: Any, agency: Any, liaison: Any, signatory: Any, other_liaison: Any
) -> None:
    against = record(against_name=str(agency), against_agency=agency)
    neutral = record()
    # Even a complaint held under the agency's name (as a filer would see it) stays hidden
    # when it is against the agency; another one of the agency's is shown.
    Case.objects.filter(pk__in=[against.pk, neutral.pk]).update(agency=agency)
    for user in (liaison, signatory):
        assert not visible_to(user).filter(pk=against.pk).exists()
        assert visible_to(user).filter(pk=neutral.pk).exists()
        assert opens(user, against) == 404
        client = Client()
        client.force_login(user)
        assert against.reference not in client.get("/workspace/cases/").content.decode()
        assert client.get(f"/api/v1/cases/{against.reference}").status_code == 404
    assert not visible_to(other_liaison).filter(pk=neutral.pk).exists()


def test_the_pages_are_not_found_outside_the_division(
    record: Any, case_roles: dict[str, Any]
) -> None:
    case = record()
    for role in ("other_officer", "other_head", "inspector", "liaison"):
        client = Client()
        client.force_login(case_roles[role])
        assert client.get("/office/petitions/").status_code == 404, role
        assert client.get("/office/petitions/statistics/").status_code == 404, role
        assert client.get("/office/petitions/new/").status_code == 404, role
        assert case.reference not in client.get("/office/inbox/").content.decode(), role
