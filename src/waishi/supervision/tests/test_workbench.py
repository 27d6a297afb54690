"""The inspector's workbench: who sees it, what it lists, its export, what it costs."""

from typing import Any

import pytest
from django.urls import reverse

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import make_user
from waishi.audit.models import AuditEvent
from waishi.cases.standing import do_impose_suspension
from waishi.cases.testing import AgencyFactory

from .conftest import client_for

pytestmark = pytest.mark.django_db

# The passports' suspension source, named as data (areas are not imported here).
CUSTODY = "passports.overdue_custody"


def lock(agency: Any, reasons: str = "逾期未交证照") -> Any:
    return do_impose_suspension(
        agency=agency, source=CUSTODY, reasons=reasons, actor_label="t", case_types=("CG", "HZ")
    )[0]


def test_only_the_inspector_leaders_and_the_discipline_division_see_the_workbench(
    discipline_inspector: Any, officer: Any, head: Any, leader: Any, liaison: Any
) -> None:
    url = reverse("supervision:workbench")
    other = make_user(Role.DIVISION_OFFICER, full_name="护照科员")
    for user, status in [
        (discipline_inspector, 200),
        (officer, 200),
        (head, 200),
        (leader, 200),
        (other, 403),
        (liaison, 403),
    ]:
        assert client_for(user).get(url).status_code == status, user
    assert client_for(other).post(reverse("supervision:export"), {"reason": "x"}).status_code == 403


def test_a_lock_is_listed_and_leaves_the_standing_list_when_lifted(
    discipline_inspector: Any, agency: Any, leader: Any
) -> None:
    from waishi.cases.standing import do_lift_suspension

    suspension = lock(agency)
    client = client_for(discipline_inspector)
    page = client.get(reverse("supervision:workbench")).content.decode()
    assert f"passports.agency_lock:suspension:{suspension.pk}" in page
    do_lift_suspension(agency=agency, source=CUSTODY, reason="已交回", actor=leader)
    page = client.get(reverse("supervision:workbench")).content.decode()
    assert f"suspension:{suspension.pk}" not in page
    page = client.get(reverse("supervision:workbench") + "?state=cleared").content.decode()
    assert f"suspension:{suspension.pk}" in page


def test_the_agency_history_lists_only_that_agency(
    discipline_inspector: Any, agency: Any, other_agency: Any
) -> None:
    mine, theirs = lock(agency), lock(other_agency)
    url = reverse("supervision:workbench") + f"?agency={agency.pk}&state=all"
    page = client_for(discipline_inspector).get(url).content.decode()
    assert f"suspension:{mine.pk}" in page and f"suspension:{theirs.pk}" not in page
    assert 'data-testid="inspection-history"' in page


def test_the_export_needs_a_reason_and_is_audited(discipline_inspector: Any, agency: Any) -> None:
    lock(agency)
    client = client_for(discipline_inspector)
    refused = client.post(reverse("supervision:export"), {"reason": " "})
    assert refused.status_code == 302
    assert not AuditEvent.objects.filter(action="supervision.breaches.export").exists()
    response = client.post(
        reverse("supervision:export"), {"reason": "年度纪律检查", "state": "all"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    event = AuditEvent.objects.get(action="supervision.breaches.export")
    assert event.reason == "年度纪律检查"


def test_the_workbench_costs_the_same_whatever_the_number_of_breaches(
    discipline_inspector: Any, django_assert_num_queries: Any
) -> None:
    client = client_for(discipline_inspector)
    url = reverse("supervision:workbench")
    lock(AgencyFactory())
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _n in range(6):
        lock(AgencyFactory())
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('data-testid="breach-row"') == 7
