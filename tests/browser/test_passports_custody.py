"""The custody journey in a real browser: hand-out, return, reminders, suspension, release."""

import datetime
import os
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from waishi.accounts.constants import Role
from waishi.accounts.demo import _load_bureau
from waishi.accounts.models import Division
from waishi.accounts.tests.factories import TEST_PASSWORD, AgencyFactory
from waishi.cases.models import Suspension
from waishi.core.workdays import add_workdays
from waishi.passports.constants import PASSPORT_DIVISION
from waishi.passports.custody import sweep_custody
from waishi.passports.models import HandOut
from waishi.passports.tests.factories import DocumentFactory, TravellerFactory, make_mission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def agency(db: Any) -> Any:
    _load_bureau()
    return AgencyFactory(name_zh_hans="市教育局", name_en="Education Bureau")


@pytest.fixture
def liaison(make_user: Any, agency: Any) -> Any:
    return make_user(
        Role.LIAISON_OFFICER, agency=agency, full_name="李联络", email="liaison@example.cn"
    )


@pytest.fixture
def officer(make_user: Any, agency: Any) -> Any:
    division = Division.objects.get(code=PASSPORT_DIVISION)
    return make_user(Role.DIVISION_OFFICER, division=division, full_name="张护照")


def sign_in(page: Any, username: str, landing: str) -> None:
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(TEST_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"**{landing}")


def shot(page: Any, folder: str, name: str) -> None:
    page.screenshot(path=os.path.join(folder, f"passports-{name}.png"), full_page=True)


def test_an_overdue_passport_suspends_the_agency_until_it_is_back(
    page: Any, officer: Any, liaison: Any, agency: Any, screenshot_dir: str
) -> None:
    today = datetime.date.today()
    people = [
        TravellerFactory(agency=agency, name="陈一鸣", passport_name="CHEN, YIMING"),
        TravellerFactory(agency=agency, name="林二娜", passport_name="LIN, ERNA"),
    ]
    first, second = (DocumentFactory(holder=p) for p in people)
    mission = make_mission(
        agency=agency, travellers=people, departure=today + datetime.timedelta(days=7), days=5
    )
    reference = mission.case.reference

    # The division hands out both passports for the approved mission.
    sign_in(page, officer.username, "/office/")
    page.goto(reverse("passports:mission", args=[reference]))
    assert "陈一鸣" in page.get_by_test_id("mission-documents").inner_text()
    page.get_by_test_id(f"hand-out-{first.pk}").click()
    page.wait_for_selector(f"[data-testid='return-{first.pk}']")
    page.get_by_test_id(f"hand-out-{second.pk}").click()
    page.wait_for_selector(f"[data-testid='return-{second.pk}']")
    shot(page, screenshot_dir, "mission-handed-out")
    late = HandOut.objects.get(document=second)
    page.goto(reverse("passports:receipt", args=[late.pk]))
    assert late.receipt_number in page.content() and "林二娜" in page.content()
    shot(page, screenshot_dir, "receipt")

    # One comes back on time.
    page.goto(reverse("passports:mission", args=[reference]))
    with page.expect_navigation():
        page.get_by_test_id(f"return-{first.pk}").click()
    assert HandOut.objects.get(document=first).closed_on == today

    # The trip has taken place and the other passport is not back: three reminders go
    # unheeded, and the agency is suspended.
    # Reminders come three working days apart.
    due = add_workdays(today, -12)
    HandOut.objects.filter(pk=late.pk).update(due_date=due)
    for offset in (0, 3, 6, 9):
        sweep_custody(today=add_workdays(due, offset))
    assert Suspension.objects.filter(agency=agency, lifted_at__isnull=True).exists()
    to_liaison = [m for m in mail.outbox if liaison.email in m.to]
    assert sum("林二娜" in m.subject for m in to_liaison) == 3
    assert len(to_liaison) == 4

    page.goto(reverse("passports:dashboard"))
    assert agency.name_zh_hans in page.get_by_test_id("locked-agencies").inner_text()
    shot(page, screenshot_dir, "dashboard-locked")

    # The liaison officer sees the reminders and, asking for documents, is told why not.
    sign_in(page, liaison.username, "/workspace/")
    assert page.get_by_test_id("agency-locked-panel").is_visible()
    page.goto(reverse("notifications:list"))
    assert page.get_by_role("main").inner_text().count("林二娜") >= 3
    shot(page, screenshot_dir, "liaison-notifications")
    page.goto(reverse("passports:request_new"))
    reasons = page.get_by_test_id("lock-reasons").inner_text()
    assert "林二娜" in reasons and late.mission.case.reference in reasons
    shot(page, screenshot_dir, "request-refused")
    page.goto(reverse("missions:new"))
    page.locator("main input[name='title']").fill("赴日本考察智慧城市建设")
    with page.expect_navigation():
        page.locator("main form button[type='submit']").click()
    refused = page.get_by_role("main").inner_text()
    assert "林二娜" in refused and "暂停" in refused
    shot(page, screenshot_dir, "new-mission-refused")

    # The passport comes back; the suspension is lifted at once.
    sign_in(page, officer.username, "/office/")
    page.goto(reverse("passports:custody") + "?overdue=1")
    with page.expect_navigation():
        page.get_by_test_id(f"return-{late.pk}").click()
    assert not Suspension.objects.filter(agency=agency, lifted_at__isnull=True).exists()

    sign_in(page, liaison.username, "/workspace/")
    page.goto(reverse("passports:request_new"))
    assert page.get_by_test_id("lock-reasons").count() == 0
    assert page.locator("form select[name='mission']").count() == 1
    shot(page, screenshot_dir, "request-open-again")
