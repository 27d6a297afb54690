"""The public website in a real browser: a visitor's journey in three languages, accessibility
of every page type, and an editor publishing a Simplified page that updates the Traditional one.
"""

import os
import re
from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = os.path.join(os.path.dirname(__file__), "axe", "axe.min.js")
LANGUAGES = ("zh-hans", "zh-hant", "en")
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

# What the visitor clicks and reads on the way, per language.
JOURNEY = {
    "zh-hans": {
        "menu": "主菜单",
        "responsibilities": "主要职责",
        "leadership": "领导信息",
        "services": "办事指南",
        "guide": "因公护照办理",
        "status": "办件查询",
        "reference": "办件编号",
        "code": "查询码",
        "look_up": "查询",
        "bureau": "肇庆市外事侨务局",
        "director": "林杰",
    },
    "zh-hant": {
        "menu": "主菜單",
        "responsibilities": "主要職責",
        "leadership": "領導信息",
        "services": "辦事指南",
        "guide": "因公護照辦理",
        "status": "辦件查詢",
        "reference": "辦件編號",
        "code": "查詢碼",
        "look_up": "查詢",
        "bureau": "肇慶市外事僑務局",
        "director": "林傑",
    },
    "en": {
        "menu": "Main menu",
        "responsibilities": "Main responsibilities",
        "leadership": "Leadership",
        "services": "Service guides",
        "guide": "Official passports",
        "status": "Status look-up",
        "reference": "Case reference",
        "code": "Verification code",
        "look_up": "Look up",
        "bureau": "Foreign Affairs and Overseas Chinese Affairs Bureau of Zhaoqing Municipality",
        "director": "Lin Jie",
    },
}

# One page of every type (path after the language prefix).
PAGE_TYPES = {
    "home": "",
    "profile": "about/",
    "responsibilities": "responsibilities/",
    "leadership": "leadership/",
    "divisions": "divisions/",
    "news-index": "news/",
    "news": "news/mission-plan-2027/",
    "services": "services/",
    "guide": "services/official-missions-abroad/",
    "contact": "contact/",
    "status": "status/",
    "search": "search/?q=%E6%8A%A4%E7%85%A7",
    "not-found": "no-such-page/",
}


@pytest.fixture
def demo_site() -> Iterator[Any]:
    """The demo organisation and website, with one filed case of a small test case type."""
    import random
    from io import StringIO

    from django.core.cache import cache

    from waishi.accounts import demo as accounts_demo
    from waishi.accounts.models import Agency, User
    from waishi.cases.actions import do_create_case, do_transition
    from waishi.cases.registry import register_case_type, unregister_case_type
    from waishi.cases.tests.demo_type import DEMO_CODE, DEMO_TYPE
    from waishi.portal import demo as portal_demo

    cache.clear()
    out = StringIO()
    accounts_demo.load(stdout=out, rng=random.Random(1))
    portal_demo.load(stdout=out, rng=random.Random(1))
    register_case_type(DEMO_TYPE)
    liaison = User.objects.get(username="liaison")
    case = do_create_case(
        actor=liaison,
        case_type=DEMO_CODE,
        agency=Agency.objects.get(code="education"),
        title="赴新加坡考察教育合作",
    )
    do_transition(case=case, transition="submit", actor=liaison)
    case.refresh_from_db()
    yield case
    unregister_case_type(DEMO_CODE)
    cache.clear()


def shoot(page: Any, screenshot_dir: str, name: str) -> None:
    """Screenshots at laptop and phone width (full page), back to laptop width afterwards."""
    page.screenshot(path=os.path.join(screenshot_dir, f"portal-{name}.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=os.path.join(screenshot_dir, f"portal-{name}-phone.png"), full_page=True)
    page.set_viewport_size(LAPTOP)


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical WCAG 2.1 A/AA findings on the current page."""
    # Evaluated by the browser's debugger, which the page's Content-Security-Policy does not
    # govern (a <script> tag added to the page would be refused, as it should be).
    with open(AXE, encoding="utf-8") as source:
        page.evaluate(source.read())
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def assert_page_sound(page: Any, language: str) -> None:
    assert page.locator("html").get_attribute("lang") == language
    assert page.get_by_role("main").is_visible()
    assert page.get_by_role("banner").is_visible()
    assert page.get_by_role("contentinfo").is_visible()
    assert not serious_violations(page), serious_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_visitor_goes_from_home_to_status_look_up(
    page: Any, demo_site: Any, screenshot_dir: str, language: str
) -> None:
    words = JOURNEY[language]
    page.goto(f"/{language}/")
    assert words["bureau"] in page.get_by_role("banner").inner_text()
    for label in ("简体中文", "繁體中文", "English"):
        assert page.get_by_role("link", name=label, exact=True).is_visible()
    assert_page_sound(page, language)
    shoot(page, screenshot_dir, f"{language}-1-home")

    menu = page.get_by_role("navigation", name=words["menu"])
    with page.expect_navigation():
        menu.get_by_role("link", name=words["responsibilities"]).click()
    assert page.get_by_role("heading", level=1).inner_text() == words["responsibilities"]
    assert page.locator("ol.portal-responsibilities > li").count() == 9
    assert_page_sound(page, language)
    shoot(page, screenshot_dir, f"{language}-2-responsibilities")

    with page.expect_navigation():
        menu.get_by_role("link", name=words["leadership"]).click()
    assert words["director"] in page.get_by_role("main").inner_text()
    assert page.locator(".portal-leader").count() == 5
    assert_page_sound(page, language)
    shoot(page, screenshot_dir, f"{language}-3-leadership")

    with page.expect_navigation():
        menu.get_by_role("link", name=words["services"]).click()
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("link", name=words["guide"]).click()
    assert page.get_by_role("heading", level=1).inner_text() == words["guide"]
    assert page.locator(".portal-guide-table th").count() >= 8
    assert_page_sound(page, language)
    shoot(page, screenshot_dir, f"{language}-4-guide")

    with page.expect_navigation():
        menu.get_by_role("link", name=words["status"]).click()
    page.get_by_label(words["reference"]).fill(demo_site.reference)
    page.get_by_label(words["code"]).fill(demo_site.verification_code)
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button", name=words["look_up"]).click()
    status = page.get_by_test_id("case-status")
    assert status.is_visible()
    assert "赴新加坡" not in page.get_by_role("main").inner_text()
    assert_page_sound(page, language)
    shoot(page, screenshot_dir, f"{language}-5-status")


def test_every_page_type_passes_axe_in_every_language(
    page: Any, demo_site: Any, screenshot_dir: str
) -> None:
    failures = {}
    for language in LANGUAGES:
        for name, path in PAGE_TYPES.items():
            page.goto(f"/{language}/{path}")
            assert page.locator("html").get_attribute("lang") == language
            found = serious_violations(page)
            if found:
                failures[f"{language}/{path}"] = found
            if language == "zh-hant" or name in ("news", "not-found", "contact"):
                page.screenshot(
                    path=os.path.join(screenshot_dir, f"portal-types-{language}-{name}.png"),
                    full_page=True,
                )
    assert not failures, failures


def test_untranslated_english_page_points_to_the_chinese_one(page: Any, demo_site: Any) -> None:
    page.goto("/en/news/overseas-chinese-forum/")
    assert "not yet available in your language" in page.get_by_role("main").inner_text()
    page.get_by_role("main").get_by_role("link", name="我局走访慰问归侨侨眷代表").click()
    page.wait_for_url("**/zh-hans/news/overseas-chinese-forum/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"


def test_editor_publishes_a_simplified_page_and_the_traditional_page_follows(
    page: Any, demo_site: Any, screenshot_dir: str
) -> None:
    from waishi.accounts.demo import DEMO_PASSWORD
    from waishi.portal.models import NewsPage

    notice = NewsPage.objects.get(slug="mission-plan-2027", locale__language_code="zh-hans")
    page.goto("/cms/")
    page.wait_for_url("**/accounts/login/**")
    page.get_by_label("用户名").fill("editor")
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/cms/")

    page.goto(f"/cms/pages/{notice.pk}/edit/")
    title = page.locator("#id_title")
    title.fill("关于报送2027年度因公临时出国（境）计划的通知")
    page.screenshot(path=os.path.join(screenshot_dir, "portal-cms-edit.png"))
    # "Publish" sits in the editor's action menu; press it as the menu item would.
    with page.expect_navigation():
        page.eval_on_selector('button[name="action-publish"]', "button => button.click()")
    page.wait_for_url(re.compile(r"/cms/pages/\d+/$"))
    notice.refresh_from_db()
    assert notice.title.startswith("关于报送")

    page.goto("/zh-hant/news/mission-plan-2027/")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "關於報送2027年度因公臨時出國（境）計劃的通知"
    )
    page.goto("/zh-hans/news/mission-plan-2027/")
    assert "关于报送2027年度" in page.get_by_role("heading", level=1).inner_text()


def test_anonymous_visitor_cannot_open_the_cms(page: Any, demo_site: Any) -> None:
    page.goto("/cms/pages/")
    assert "/accounts/login/" in page.url
    page.goto("/zh-hans/news/a-page-nobody-published/")
    assert "页面不存在" in page.get_by_role("main").inner_text()
