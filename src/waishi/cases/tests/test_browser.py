"""A division officer returns a case for revision; the liaison officer reads the reason."""

import os
from typing import Any

import pytest
from django.test import Client

from waishi.cases.actions import do_transition, do_update_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page: Any, live_server: Any, user: Any, language: str = "zh-hans") -> None:
    """Give the browser a session for ``user`` (the sign-in form has its own tests)."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            },
            {"name": "waishi_language", "value": language, "url": live_server.url},
        ]
    )


def test_officer_returns_a_case_and_the_liaison_sees_the_reason(
    page, live_server, screenshot_dir, new_case, liaison, officer, head
):
    case = new_case("赴新加坡考察职业教育合作")
    do_transition(case=case, transition="submit", actor=liaison)
    case = do_transition(case=case, transition="accept", actor=officer)
    do_update_case(case=case, actor=head, changes={"assignee": officer}, expected_version=3)
    for n in range(3):
        new_case(f"赴日本参加友城交流活动 {n + 1}")

    sign_in(page, live_server, officer)
    page.goto("/office/inbox/")
    row = page.get_by_role("link", name=case.reference)
    row.wait_for()
    page.screenshot(path=os.path.join(screenshot_dir, "cases-inbox-zh-hans.png"), full_page=True)
    row.click()
    page.get_by_test_id("case-status").wait_for()
    assert "审核中" in page.get_by_test_id("case-status").inner_text()
    page.screenshot(path=os.path.join(screenshot_dir, "cases-page-zh-hans.png"), full_page=True)

    page.get_by_role("button", name="退回修改").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("理由").fill("请补充邀请函的中文译文。")
    dialog.get_by_role("button", name="退回修改").click()
    page.get_by_text("当前状态为").wait_for()
    assert "退回修改" in page.get_by_test_id("case-status").inner_text()

    sign_in(page, live_server, liaison)
    page.goto(f"/cases/{case.reference}/")
    assert "请补充邀请函的中文译文。" in page.get_by_test_id("timeline").inner_text()
    assert page.get_by_role("button", name="提交").is_visible()

    sign_in(page, live_server, officer, language="en")
    page.goto("/office/inbox/?tab=recent")
    page.get_by_role("link", name=case.reference).wait_for()
    page.screenshot(path=os.path.join(screenshot_dir, "cases-inbox-en.png"), full_page=True)
    page.goto(f"/cases/{case.reference}/")
    assert "Returned for revision" in page.get_by_test_id("case-status").inner_text()
    page.screenshot(path=os.path.join(screenshot_dir, "cases-page-en.png"), full_page=True)
