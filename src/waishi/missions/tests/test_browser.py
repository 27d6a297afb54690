"""A liaison officer prepares an application and sees the rules checked as they type."""

import os
from collections.abc import Callable
from typing import Any

import pytest

from waishi.accounts.demo import _load_bureau
from waishi.accounts.tests.factories import TEST_PASSWORD

from .factories import TravellerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page: Any, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(TEST_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workspace/")


def test_a_seventh_member_shows_the_block_as_the_officer_types(
    page: Any, draft: Callable[..., Any], liaison: Any, screenshot_dir: str
) -> None:
    _load_bureau()
    mission = draft()
    extra = TravellerFactory(agency=liaison.agency, name="欧阳明", passport_name="OUYANG, MING")
    sign_in(page, liaison.username)

    page.goto(f"/workspace/missions/{mission.case.reference}/members/")
    live = page.get_by_test_id("live-check")
    assert "目前填写的内容未违反任何规则" in live.inner_text()
    page.locator("select[name='members-6-traveller']").select_option(str(extra.pk))
    # The draft is saved in the background and the rule check answers.
    page.wait_for_selector("[data-rule='delegation_size']")
    assert "团组共7人，超过6人的上限" in page.get_by_test_id("live-check").inner_text()
    assert page.locator("#mission-version").input_value() == str(mission.version + 1)
    page.screenshot(path=os.path.join(screenshot_dir, "mission-members-block.png"), full_page=True)

    # Taking the seventh member out again clears the block.
    page.locator("select[name='members-6-traveller']").select_option("")
    page.wait_for_selector("[data-testid='live-clean']")

    page.goto(f"/workspace/missions/{mission.case.reference}/itinerary/")
    page.locator("select[name='itinerary-3-kind']").select_option("tourist_site")
    page.wait_for_selector("[data-rule='tourist_sites']")
    page.screenshot(
        path=os.path.join(screenshot_dir, "mission-itinerary-warning.png"), full_page=True
    )

    page.goto(f"/workspace/missions/{mission.case.reference}/review/")
    assert "单位签发人" in page.get_by_role("main").inner_text()
    page.screenshot(path=os.path.join(screenshot_dir, "mission-review.png"), full_page=True)

    # The same check speaks English to an English reader.
    page.goto(f"/workspace/missions/{mission.case.reference}/itinerary/")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    page.goto(f"/workspace/missions/{mission.case.reference}/itinerary/")
    assert (
        "The itinerary includes visits to tourist sites"
        in page.get_by_test_id("live-check").inner_text()
    )
    page.screenshot(path=os.path.join(screenshot_dir, "mission-itinerary-en.png"), full_page=True)


def test_a_new_application_starts_from_the_menu(
    page: Any, liaison: Any, division: Any, screenshot_dir: str
) -> None:
    _load_bureau()
    sign_in(page, liaison.username)
    page.get_by_role("link", name="新建出访申请").click()
    page.get_by_label("标题").fill("赴新加坡开展教育合作交流")
    page.get_by_role("button", name="开始填写申请").click()
    page.wait_for_url("**/basics/")
    page.get_by_label("出访目的").fill("与新加坡教育部商谈职业教育合作")
    page.get_by_label("出发日期").fill("2027-03-01")
    page.get_by_label("回国日期").fill("2027-03-05")
    page.get_by_role("button", name="保存并继续").click()
    page.wait_for_url("**/members/")
    assert "请添加团组成员" in page.get_by_test_id("live-missing").inner_text()
    page.screenshot(path=os.path.join(screenshot_dir, "mission-new-members.png"), full_page=True)


def test_a_division_head_accepts_a_warning_on_the_case_page(
    page: Any,
    confirmed: Callable[..., Any],
    liaison: Any,
    officer: Any,
    head: Any,
    screenshot_dir: str,
) -> None:
    from waishi.cases.actions import do_transition

    _load_bureau()
    mission = confirmed(tourist=True)
    do_transition(case=mission.case, transition="submit", actor=liaison)
    do_transition(case=mission.case, transition="start_review", actor=officer)
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(head.username)
    page.get_by_label("密码").fill(TEST_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/office/")
    page.goto(mission.case.get_absolute_url())
    recorded = page.get_by_test_id("recorded-violations")
    assert "日程安排了参观旅游景点" in recorded.inner_text()
    recorded.get_by_label("同意该提醒的理由").fill("对方安排参观职业学校实训基地，属公务活动")
    with page.expect_navigation():
        recorded.get_by_role("button", name="同意该提醒").click()
    accepted = page.get_by_test_id("recorded-violations").locator(".text-success")
    accepted.wait_for()
    assert "对方安排参观职业学校实训基地" in accepted.inner_text()
    page.screenshot(path=os.path.join(screenshot_dir, "mission-case-override.png"), full_page=True)
