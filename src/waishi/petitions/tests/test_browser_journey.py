"""A complaint in the browser: recorded, transferred and sent back, accepted, extended,
answered, rated and taken to review; the department complained against never sees it."""

import os
from typing import Any

import pytest
from django.utils import timezone

from waishi.accounts.demo import _load_bureau
from waishi.accounts.tests.factories import TEST_PASSWORD
from waishi.cases.models import Case, ExternalStep
from waishi.petitions.constants import CASE_TYPE

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
    page.locator(f"button[data-bs-target='#dialog-{transition}']").click()
    dialog = page.locator(f"#dialog-{transition}")
    for name, value in inputs.items():
        dialog.locator(f"[name='{name}']").fill(value)
    with page.expect_navigation():
        dialog.locator("button[type='submit']").click()


def shoot(page: Any, directories: list[str], name: str) -> None:
    for directory in directories:
        page.screenshot(path=os.path.join(directory, f"{name}.png"), full_page=True)


def test_a_complaint_through_transfer_extension_reply_and_review(
    page: Any, officer: Any, head: Any, leader: Any, agency: Any, liaison: Any, screenshot_dir: str
) -> None:
    _load_bureau()
    from waishi.cases.models import Rule
    from waishi.petitions.rule_data import seed

    seed(Rule)
    directories = [screenshot_dir, *([SHOTS] if SHOTS else [])]
    for directory in directories:
        os.makedirs(directory, exist_ok=True)
    today = timezone.localdate().isoformat()

    # A letter arrives; the officer records it against the Education Bureau.
    sign_in(page, officer)
    page.goto("/office/petitions/")
    page.get_by_test_id("petition-new").click()
    form = page.get_by_test_id("petition-form")
    form.locator("[name='channel']").select_option("letter")
    form.locator("[name='received_on']").fill(today)
    form.locator("[name='category']").select_option("claim")
    form.locator("[name='rights_area']").select_option("education")
    form.locator("[name='request']").fill("华侨子女入学未享受照顾政策，请求依法处理。")
    form.locator("[name='against_agency']").select_option(str(agency.pk))
    form.locator("[name='name']").fill("黄美玲")
    form.locator("[name='sex']").select_option("female")
    form.locator("[name='date_of_birth']").fill("1978-03-04")
    form.locator("[name='phone']").fill("13800001234")
    shoot(page, directories, "petition-form-zh-hans")
    with page.expect_navigation():
        page.get_by_test_id("petition-submit").click()
    case = Case.objects.get(case_type=CASE_TYPE)
    assert page.url.endswith(case.get_absolute_url())

    # Transferred to the district, which objects within 5 working days: a wrong transfer.
    press(page, "transfer", to="端州区教育局", on=today)
    assert ExternalStep.objects.filter(case=case, body_name="端州区教育局").exists()
    shoot(page, directories, "petition-transferred-zh-hans")
    press(page, "return_transfer", on=today, reason="属市级事权，非本区职责")
    assert Case.objects.get(pk=case.pk).status == "received"

    # Accepted; the head extends the time to conclude by 30 days, saying why.
    press(page, "accept", on=today)
    sign_in(page, head)
    page.goto(case.get_absolute_url())
    press(page, "extend", days="30", reason="需会同教育部门核查学籍资料")
    page.get_by_test_id("petition-extension").wait_for()
    assert Case.objects.get(pk=case.pk).status == "extended"

    # The handling opinion, the petitioner's rating, and a request for review.
    sign_in(page, officer)
    page.goto(case.get_absolute_url())
    press(page, "reply", opinion="经核实，已协调市教育局按侨眷子女政策安排入学。", on=today)
    form = page.get_by_test_id("satisfaction-form")
    form.locator("[name='satisfaction']").select_option("basically")
    with page.expect_navigation():
        form.locator("button[type='submit']").click()
    page.get_by_test_id("petition-satisfaction").get_by_text("基本满意").wait_for()
    press(page, "request_review", on=today, body="肇庆市人民政府")
    assert Case.objects.get(pk=case.pk).status == "review_requested"
    shoot(page, directories, "petition-review-zh-hans")

    # The Education Bureau's liaison officer is told the complaint does not exist.
    sign_in(page, liaison)
    response = page.goto(case.get_absolute_url())
    assert response is not None and response.status == 404

    # The leader reads the case, the list and the figures in three languages, desk and phone.
    sign_in(page, leader)
    for language in ("zh-hans", "zh-hant", "en"):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(case.get_absolute_url())
        if language != "zh-hans":
            page.get_by_role("button", name=SWITCH_LABEL[language]).first.click()
            page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == language
        shoot(page, directories, f"petition-case-{language}")
        page.goto("/office/petitions/")
        shoot(page, directories, f"petition-list-{language}")
        page.goto("/office/petitions/statistics/")
        shoot(page, directories, f"petition-statistics-{language}")
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(case.get_absolute_url())
        shoot(page, directories, f"petition-case-{language}-phone")
        page.goto("/office/petitions/")
        shoot(page, directories, f"petition-list-{language}-phone")
