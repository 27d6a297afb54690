"""One mission from draft to closed, in the browser, as the people who handle it."""

import datetime
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from waishi.accounts.demo import _load_bureau
from waishi.accounts.tests.factories import TEST_PASSWORD
from waishi.cases.models import Case
from waishi.missions.models import ApprovalDocument, Mission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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


def status_of(mission: Mission) -> str:
    return Case.objects.get(pk=mission.case_id).status


def test_a_mission_from_draft_to_closed(
    page: Any,
    draft: Callable[..., Any],
    liaison: Any,
    signatory: Any,
    officer: Any,
    head: Any,
    leader: Any,
    screenshot_dir: str,
) -> None:
    _load_bureau()
    mission = draft(members=3)
    reference = mission.case.reference
    case_url = mission.case.get_absolute_url()
    review_url = f"/workspace/missions/{reference}/review/"

    # The agency signatory confirms the application the liaison officer prepared.
    sign_in(page, signatory)
    page.goto(review_url)
    with page.expect_navigation():
        page.get_by_test_id("confirm").click()
    page.goto(review_url)
    page.get_by_test_id("confirmed").wait_for()

    # The liaison officer files it.
    sign_in(page, liaison)
    page.goto(review_url)
    with page.expect_navigation():
        page.get_by_test_id("file").click()
    page.wait_for_url(f"**{case_url}")
    assert status_of(mission) == "submitted"

    # The division officer starts the review and returns it with a reason.
    sign_in(page, officer)
    page.goto(case_url)
    press(page, "start_review")
    assert status_of(mission) == "division_review"
    page.get_by_role("heading", name="出行证件").wait_for()
    press(page, "return_for_revision", reason="请补充邀请方的联系人和电话")
    assert status_of(mission) == "returned"

    # The liaison officer reads the reason; the signatory confirms again; it is resubmitted.
    sign_in(page, liaison)
    page.goto(case_url)
    page.get_by_text("请补充邀请方的联系人和电话").first.wait_for()
    page.screenshot(path=os.path.join(screenshot_dir, "journey-returned.png"), full_page=True)
    sign_in(page, signatory)
    page.goto(review_url)
    with page.expect_navigation():
        page.get_by_test_id("confirm").click()
    sign_in(page, liaison)
    page.goto(review_url)
    with page.expect_navigation():
        page.get_by_test_id("file").click()
    page.wait_for_url(f"**{case_url}")
    assert status_of(mission) == "resubmitted"

    # Review, forwarding and the bureau leader's approval.
    sign_in(page, officer)
    page.goto(case_url)
    press(page, "start_review")
    sign_in(page, head)
    page.goto(case_url)
    press(page, "forward_to_leader")
    sign_in(page, leader)
    page.goto(case_url)
    press(page, "approve")
    assert status_of(mission) == "approved"

    # The agency downloads the approval document from the case page.
    sign_in(page, liaison)
    page.goto(case_url)
    link = page.get_by_test_id("approval-download-1")
    with page.expect_download() as download:
        link.click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    document = ApprovalDocument.objects.get(mission=mission)
    assert document.size == len(pdf)
    page.screenshot(path=os.path.join(screenshot_dir, "journey-approved.png"), full_page=True)

    # The trip: departure, return, report, closing.
    press(page, "depart")
    assert status_of(mission) == "departed"
    today = datetime.date.today()
    Mission.objects.filter(pk=mission.pk).update(
        departure_date=today - datetime.timedelta(days=4), return_date=today
    )
    page.goto(case_url)
    press(page, "register_return", returned_on=today.isoformat())
    assert status_of(mission) == "back_home"
    page.goto(f"/missions/{reference}/report/")
    page.locator("textarea[name='report']").fill("代表团完成了与柏林教育部门的会谈任务。")
    page.locator("textarea[name='report_disclosure']").fill("已在单位内网公示五个工作日")
    with page.expect_navigation():
        page.locator("main form button[type='submit']").click()
    press(page, "submit_report")
    assert status_of(mission) == "report_submitted"
    sign_in(page, officer)
    page.goto(case_url)
    press(page, "close")
    assert status_of(mission) == "closed"
    page.screenshot(path=os.path.join(screenshot_dir, "journey-closed.png"), full_page=True)

    # The closed mission counts in the bureau's statistics of its year.
    year = (today - datetime.timedelta(days=4)).year
    page.goto(f"/office/missions/statistics/?year={year}")
    assert "市教育局" in page.get_by_test_id("statistics-agency").inner_text()
    page.screenshot(path=os.path.join(screenshot_dir, "mission-statistics.png"), full_page=True)
