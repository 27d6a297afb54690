"""A liaison officer reads, marks and tunes their notifications in a real browser."""

import os

import pytest

from waishi.accounts.constants import Role
from waishi.accounts.demo import _load_bureau
from waishi.accounts.tests.factories import TEST_PASSWORD
from waishi.notifications.actions import notify
from waishi.notifications.models import Notification, NotificationPreference

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(TEST_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workspace/")


def test_officer_reads_marks_and_chooses_channels(page, make_user, screenshot_dir):
    _load_bureau()
    officer = make_user(Role.LIAISON_OFFICER, username="liaison", full_name="陈晓明")
    for reference in ("CG-2026-00017", "CG-2026-00018", "CG-2026-00019"):
        notify(
            recipients=[officer],
            kind="cases.transition",
            title=f"{reference}：审核通过，当前状态为“待局领导审批”",
            body="赴德国友好城市访问",
            link="/workspace/",
        )
    sign_in(page, "liaison")

    assert page.get_by_test_id("notification-count").inner_text() == "3"
    assert page.get_by_test_id("notification-bell").get_attribute("aria-label") == "通知：3 条未读"
    page.screenshot(path=os.path.join(screenshot_dir, "notifications-bell.png"))
    # The bell's fragment swaps in place, as the 60-second poll does (called at once here).
    notify(recipients=[officer], kind="cases.comment", title="CG-2026-00019：有新的意见")
    page.evaluate(
        "htmx.ajax('GET', '/notifications/bell/',"
        " {target: '#notification-bell', swap: 'outerHTML'})"
    )
    page.get_by_test_id("notification-count").filter(has_text="4").wait_for()

    page.get_by_test_id("notification-bell").click()
    page.wait_for_url("**/notifications/")

    assert page.get_by_role("heading", level=1).inner_text() == "通知"
    items = page.get_by_test_id("notification")
    assert items.count() == 4
    page.screenshot(path=os.path.join(screenshot_dir, "notifications-list.png"), full_page=True)

    items.first.get_by_role("button", name="标为已读").click()
    page.wait_for_url("**/notifications/")
    assert Notification.objects.filter(read_at__isnull=True).count() == 3
    assert page.get_by_test_id("notification-count").inner_text() == "3"

    page.get_by_test_id("mark-all-read").click()
    page.wait_for_url("**/notifications/")
    assert "所有通知均已标为已读。" in page.locator(".messages").inner_text()
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    assert page.get_by_test_id("notification-count").count() == 0

    page.get_by_role("link", name="通知设置").first.click()
    page.wait_for_url("**/notifications/preferences/")
    page.get_by_label("案件进入下一环节 — 电子邮件").check()
    page.get_by_label("邮件和短信使用的语言").select_option("en")
    page.screenshot(
        path=os.path.join(screenshot_dir, "notifications-preferences.png"), full_page=True
    )
    page.get_by_role("button", name="保存").click()
    page.wait_for_url("**/notifications/preferences/")
    assert "您的通知设置已保存。" in page.locator(".messages").inner_text()
    assert NotificationPreference.objects.get(
        user=officer, kind="cases.transition", channel="email"
    ).enabled
