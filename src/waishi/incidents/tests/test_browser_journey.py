"""A detention in the browser: the notice filed, the consulate's notification, the release."""

import datetime
import os
from typing import Any

import pytest
from django.utils import timezone

from waishi.accounts.demo import _load_bureau
from waishi.accounts.tests.factories import TEST_PASSWORD
from waishi.cases.models import Case
from waishi.incidents.constants import CASE_TYPE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("WAISHI_SHOTS_DIR", "")
SWITCH_LABEL = {"zh-hant": "繁體", "en": "English", "zh-hans": "简体"}


def sign_in(page: Any, user: Any) -> None:
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(TEST_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def press(page: Any, transition: str, **inputs: str) -> None:
    """Press a step's button on the case page, filling its dialog if it asks for inputs."""
    if inputs:
        page.locator(f"button[data-bs-target='#dialog-{transition}']").click()
        dialog = page.locator(f"#dialog-{transition}")
        for name, value in inputs.items():
            dialog.locator(f"[name='{name}']").fill(value)
        with page.expect_navigation():
            dialog.locator("button[type='submit']").click()
    else:
        with page.expect_navigation():
            page.locator(f"form[action$='/do/{transition}/'] button[type='submit']").click()


def shoot(page: Any, directories: list[str], name: str) -> None:
    for directory in directories:
        page.screenshot(path=os.path.join(directory, f"{name}.png"), full_page=True)


def test_a_detention_from_the_notice_to_the_release(
    page: Any, officer: Any, leader: Any, case_roles: dict[str, Any], screenshot_dir: str
) -> None:
    _load_bureau()
    from waishi.accounts.tests.factories import AgencyFactory

    from .factories import seed_treaties

    seed_treaties()
    directories = [screenshot_dir, *([SHOTS] if SHOTS else [])]
    for directory in directories:
        os.makedirs(directory, exist_ok=True)
    police = AgencyFactory(code="public-security", name_zh_hans="肇庆市公安局")
    began = timezone.localtime() - datetime.timedelta(hours=20)

    # The consular officer opens the case from the police's notice.
    sign_in(page, officer)
    page.goto("/office/incidents/")
    page.get_by_test_id("incident-new").click()
    form = page.get_by_test_id("incident-form")
    form.locator("[name='kind']").select_option("criminal")
    form.locator("[name='notice_source']").select_option("police")
    form.locator("[name='notifying_body']").fill("肇庆市公安局出入境管理支队")
    form.locator("[name='agency']").select_option(str(police.pk))
    form.locator("[name='began_at']").fill(began.strftime("%Y-%m-%dT%H:%M"))
    form.locator("[name='notice_received_at']").fill(
        (began + datetime.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")
    )
    form.locator("[name='measure']").fill("刑事拘留")
    form.locator("[name='name']").fill("米勒 雅各布")
    form.locator("[name='foreign_names']").fill("MILLER, Jacob")
    form.locator("[name='sex']").select_option("male")
    form.locator("[name='date_of_birth']").fill("1988-05-06")
    form.locator("[name='nationalities']").fill("US")
    shoot(page, directories, "incident-form-zh-hans")
    with page.expect_navigation():
        page.get_by_test_id("incident-submit").click()
    case = Case.objects.get(case_type=CASE_TYPE)
    assert page.url.endswith(case.get_absolute_url())
    page.get_by_test_id("incident-treaty").get_by_text("4").first.wait_for()
    shoot(page, directories, "incident-opened-zh-hans")

    # Someone of another division is told the case does not exist.
    sign_in(page, case_roles["other_officer"])
    response = page.goto(case.get_absolute_url())
    assert response is not None and response.status == 404

    # The provincial police notified the consulate; the officer records it, then the release.
    sign_in(page, officer)
    page.goto(case.get_absolute_url())
    today = timezone.localdate().isoformat()
    press(page, "record_notification", on=today, channel="照会", by="广东省公安厅")
    assert Case.objects.get(pk=case.pk).status == "notified"
    page.get_by_test_id("incident-treaty").get_by_text("广东省公安厅").wait_for()
    press(page, "release", on=today, note="取保候审")
    press(page, "close")
    assert Case.objects.get(pk=case.pk).status == "closed"
    page.get_by_test_id("incident-outcome").wait_for()

    # The leader reads the case, the list and the figures in three languages, desk and phone.
    sign_in(page, leader)
    for language in ("zh-hans", "zh-hant", "en"):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(case.get_absolute_url())
        if language != "zh-hans":
            page.get_by_role("button", name=SWITCH_LABEL[language]).first.click()
            page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == language
        shoot(page, directories, f"incident-case-{language}")
        page.goto("/office/incidents/")
        shoot(page, directories, f"incident-list-{language}")
        page.goto("/office/incidents/statistics/")
        shoot(page, directories, f"incident-statistics-{language}")
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(case.get_absolute_url())
        shoot(page, directories, f"incident-case-{language}-phone")
        page.goto("/office/incidents/")
        shoot(page, directories, f"incident-list-{language}-phone")
