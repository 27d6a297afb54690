"""A liaison officer signs in and reads the dashboard in all three languages."""

import os

import pytest

from waishi.accounts.constants import Role
from waishi.accounts.demo import _load_bureau

from .factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXPECTED = {
    "zh-hans": ("单位工作台", "退出登录", "肇庆市外事侨务局"),
    "zh-hant": ("單位工作台", "退出登錄", "肇慶市外事僑務局"),
    "en": (
        "Agency workspace",
        "Sign out",
        "Foreign Affairs and Overseas Chinese Affairs Bureau of Zhaoqing Municipality",
    ),
}
SWITCH_LABEL = {"zh-hans": "简体", "zh-hant": "繁體", "en": "English"}


def test_liaison_officer_sees_the_dashboard_in_three_languages(page, make_user, screenshot_dir):
    _load_bureau()
    make_user(Role.LIAISON_OFFICER, username="liaison", full_name="陈晓明")

    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("liaison")
    page.get_by_label("密码").fill(TEST_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workspace/")

    for language in ("zh-hans", "zh-hant", "en"):
        if language != "zh-hans":
            page.get_by_role("button", name=SWITCH_LABEL[language]).click()
            page.wait_for_load_state()
        heading, sign_out, bureau = EXPECTED[language]
        assert page.locator("html").get_attribute("lang") == language
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert page.get_by_role("button", name=sign_out).is_visible()
        assert bureau in page.locator("header").inner_text()
        assert "陈晓明" in page.get_by_test_id("user-name").inner_text()
        page.screenshot(
            path=os.path.join(screenshot_dir, f"workspace-{language}.png"), full_page=True
        )

    # A phone-sized screen keeps the menu behind the toggler and the page readable.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.get_by_role("button", name="Open the menu").is_visible()
    page.screenshot(path=os.path.join(screenshot_dir, "workspace-en-phone.png"), full_page=True)
