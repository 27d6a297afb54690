"""The bureau leader approves a mission on a phone (390 × 844), in the three languages.

The demo leader signs in, opens a mission awaiting approval, reads the summary at the top
(delegation, countries, days, budget, the recorded rule check with the accepted warning),
approves with the big button, and the page never scrolls sideways.
"""

import os
import random
from io import StringIO
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
LANGUAGES = ("zh-hans", "zh-hant", "en")
WORDS = {
    "zh-hans": {"user": "用户名", "password": "密码", "sign_in": "登录", "approve": "批准"},
    "zh-hant": {"user": "用戶名", "password": "密碼", "sign_in": "登錄", "approve": "批准"},
    "en": {"user": "User name", "password": "Password", "sign_in": "Sign in", "approve": "Approve"},
}


def awaiting_approval(title: str) -> Any:
    """A demo application of the education bureau, filed, reviewed, its warning accepted and
    forwarded to the bureau leader, through the live workflow."""
    import datetime

    from django.utils import timezone

    from waishi.accounts.models import User
    from waishi.cases.actions import do_transition
    from waishi.missions import demo
    from waishi.missions import mission_actions as ma
    from waishi.missions.checking import latest_verdict, verdict_violations

    users = {u.username: u for u in User.objects.all()}
    start = timezone.localdate() + datetime.timedelta(days=60)
    mission = demo._application(users["liaison"], title, start=start, days=5, tourist=True)
    mission = ma.do_confirm(
        actor=users["signatory"], mission=mission, expected_version=mission.version
    )
    do_transition(case=mission.case, transition="submit", actor=users["liaison"])
    do_transition(case=mission.case, transition="start_review", actor=users["officer"])
    for warning in verdict_violations(latest_verdict(mission)):  # type: ignore[arg-type]
        ma.do_override_warning(
            actor=users["head"],
            mission=mission,
            rule_code=warning.rule_code,
            message_key=warning.message_key,
            reason="半天参观为邀请方安排的文化交流活动，同意。",
        )
    do_transition(case=mission.case, transition="forward_to_leader", actor=users["head"])
    mission.case.refresh_from_db()
    return mission


@pytest.fixture
def missions() -> dict[str, Any]:

    from waishi.accounts import demo as accounts_demo
    from waishi.accounts.models import User
    from waishi.missions import demo

    # A transactional test before this one may have flushed the rules the migration seeds.
    from waishi.missions.tests.factories import seed_national_rules

    seed_national_rules()
    accounts_demo.load(stdout=StringIO(), rng=random.Random(1))
    users = {u.username: u for u in User.objects.all()}
    demo._load_people(users)
    demo._load_plan(users["liaison"])
    return {lang: awaiting_approval(f"赴德国商谈职业教育合作（{lang}）") for lang in LANGUAGES}


def no_sideways_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_leader_approves_a_mission_on_a_phone(
    browser: Any, live_server: Any, missions: dict[str, Any], screenshot_dir: str, language: str
) -> None:
    from waishi.accounts.demo import DEMO_PASSWORD
    from waishi.cases.models import Case

    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="zh-CN")
    context.add_cookies([{"name": "waishi_language", "value": language, "url": live_server.url}])
    context.set_default_timeout(15_000)
    page = context.new_page()
    words = WORDS[language]
    page.goto("/accounts/login/")
    page.get_by_label(words["user"]).fill("leader")
    page.get_by_label(words["password"]).fill(DEMO_PASSWORD)
    page.get_by_role("button", name=words["sign_in"]).click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    # A leader's account has a second factor: the code his phone shows.
    from waishi.accounts.models import User
    from waishi.accounts.testing import pass_second_factor_in_browser

    pass_second_factor_in_browser(page, User.objects.get(username="leader"))

    mission = missions[language]
    page.goto(mission.case.get_absolute_url())
    summary = page.get_by_test_id("mission-summary")
    summary.wait_for()
    # The recorded check shows the warning and who accepted it, with the reason.
    assert "半天参观为邀请方安排的文化交流活动" in page.get_by_test_id("summary-check").inner_text()
    assert no_sideways_scroll(page)
    page.screenshot(path=os.path.join(screenshot_dir, f"leader-phone-{language}.png"))
    page.screenshot(
        path=os.path.join(screenshot_dir, f"leader-phone-{language}-full.png"), full_page=True
    )
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=os.path.join(screenshot_dir, f"leader-laptop-{language}.png"))
    page.set_viewport_size(PHONE)
    # The summary comes before the buttons, and the approve button is big enough for a thumb.
    approve = page.locator("form[action$='/do/approve/'] button[type='submit']")
    box, summary_box = approve.bounding_box(), summary.bounding_box()
    assert summary_box["y"] < box["y"]
    assert box["height"] >= 44 and box["width"] >= 300
    with page.expect_navigation():
        approve.click()
    assert Case.objects.get(pk=mission.case_id).status == "approved"
    assert no_sideways_scroll(page)
    page.screenshot(path=os.path.join(screenshot_dir, f"leader-phone-{language}-approved.png"))
    context.close()
