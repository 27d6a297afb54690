"""The audit administrator searches the log, opens an event and exports the search."""

import os

import pytest

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import TEST_PASSWORD
from waishi.audit.actions import log_action
from waishi.audit.models import AuditEvent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_auditor_filters_opens_and_exports(page, make_user, screenshot_dir):
    make_user(Role.AUDIT_ADMIN, username="auditor", full_name="审计员")
    for n in range(3):
        log_action(
            action="accounts.user.update",
            object_type="accounts.user",
            object_id=str(n),
            before={"full_name": "张三", "active": True},
            after={"full_name": f"张三{n}", "active": True},
            reason="更正姓名",
        )
    log_action(action="core.permission.deny", outcome="denied", object_type="url")

    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("auditor")
    page.get_by_label("密码").fill(TEST_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()
    page.goto("/audit/")
    assert page.get_by_role("heading", level=1).inner_text() == "审计日志"
    page.get_by_label("操作", exact=True).fill("accounts.user.update")
    page.get_by_role("button", name="查询").click()
    page.wait_for_load_state()
    rows = page.get_by_test_id("audit-events").locator("tbody tr")
    assert rows.count() == 3
    page.screenshot(path=os.path.join(screenshot_dir, "audit-search.png"), full_page=True)

    rows.first.get_by_role("link").click()
    page.wait_for_load_state()
    diff = page.get_by_test_id("audit-diff")
    assert "张三2" in diff.inner_text()
    assert page.get_by_text("与内容一致").is_visible()
    page.screenshot(path=os.path.join(screenshot_dir, "audit-detail.png"), full_page=True)

    page.go_back()
    with page.expect_download() as download:
        page.get_by_role("button", name="将这些事件导出为 Excel").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    assert AuditEvent.objects.filter(action="audit.auditevent.export").count() == 1
