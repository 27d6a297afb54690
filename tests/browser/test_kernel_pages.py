"""The kernel's back-office pages in a real browser, in three languages, on a laptop and a phone.

The holiday calendar and a year's notice form, the rules of every area and a new version's
form, the organisations and countries registers, the agencies' suspensions, the inbox of
cases waiting on an outside body, and a case page with an external step and a suspended
agency: each page has its language, its landmarks and no serious axe-core finding, and is
photographed for people to look at.
"""

import datetime
import os
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from test_portal import LAPTOP, PHONE, serious_violations  # the same folder, on sys.path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("zh-hans", "zh-hant", "en")


def sign_in(page: Any, live_server: Any, user: Any) -> None:
    """Give the browser a session for ``user`` (the sign-in form has its own tests)."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def wider_than_the_phone(page: Any) -> list[str]:
    """The innermost elements that reach past the phone's right edge, to say what overflows."""
    return list(
        page.evaluate(
            """(limit) => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > limit
                      && ![...e.children].some(c => c.getBoundingClientRect().right > limit))
              .slice(0, 5)
              .map(e => e.tagName + '.' + e.className + ': '
                     + (e.textContent || '').trim().slice(0, 40))""",
            PHONE["width"] + 1,
        )
    )


def look_at(page: Any, live_server: Any, folder: str, name: str, url: str) -> None:
    for language in LANGUAGES:
        page.context.add_cookies(
            [{"name": "waishi_language", "value": language, "url": live_server.url}]
        )
        page.set_viewport_size(LAPTOP)
        response = page.goto(url)
        assert response is not None and response.status == 200, (url, language)
        assert page.locator("html").get_attribute("lang") == language
        assert page.get_by_role("main").is_visible()
        assert page.get_by_role("heading", level=1).first.is_visible()
        assert not serious_violations(page), (url, language, serious_violations(page))
        page.screenshot(path=os.path.join(folder, f"kernel-{name}-{language}.png"), full_page=True)
        page.set_viewport_size(PHONE)
        # Nothing wider than the phone: the page scrolls down, never sideways.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"] + 1, (url, language, width, wider_than_the_phone(page))
        page.screenshot(
            path=os.path.join(folder, f"kernel-{name}-{language}-phone.png"), full_page=True
        )


def test_the_kernel_pages_read_well_in_three_languages(
    page: Any, live_server: Any, screenshot_dir: str, make_user: Any
) -> None:
    from waishi.accounts.constants import Role
    from waishi.accounts.demo import _load_bureau
    from waishi.accounts.models import Division
    from waishi.accounts.tests.factories import AgencyFactory
    from waishi.cases.standing import do_impose_suspension
    from waishi.cases.steps import Due, do_send_step
    from waishi.missions.constants import MISSION_DIVISION
    from waishi.passports.tests.factories import TravellerFactory, make_mission
    from waishi.registers.actions import do_create_organisation
    from waishi.registers.models import Country

    _load_bureau()
    today = datetime.date.today()
    division = Division.objects.get(code=MISSION_DIVISION)
    head = make_user(Role.DIVISION_HEAD, division=division, full_name="周处长")
    agency = AgencyFactory(name_zh_hans="市教育局", name_en="Education Bureau")
    traveller = TravellerFactory(agency=agency, name="陈思远", passport_name="CHEN, SIYUAN")
    mission = make_mission(
        agency=agency,
        travellers=[traveller],
        departure=today + datetime.timedelta(days=40),
        days=6,
        countries=["DE"],
        status="division_review",
    )
    # Built directly, the case has no owner yet: the mission division works it.
    type(mission.case).objects.filter(pk=mission.case.pk).update(division=division)
    mission.case.division = division
    do_send_step(
        case=mission.case,
        actor=head,
        body="provincial_fao",
        request_text="请省外办审核出访任务批件",
        sent_on=today,
        due=Due(unit="workdays", count=5),
    )
    do_impose_suspension(
        agency=agency.pk,
        source="passports.overdue_custody",
        reasons="因公护照逾期未交回：陈思远（示例）",
        case_types=("CG", "HZ"),
        rule_citation="《因公出入境证件管理规定》",
        rule_code="reminders_before_lock",
        actor_label="sweep_custody",
    )
    do_create_organisation(
        actor=head,
        kind="foreign_city",
        name_zh="德国柏林市",
        name_original="Berlin",
        country=Country.objects.get(code="DE"),
    )

    sign_in(page, live_server, head)
    pages = {
        "calendar": reverse("cases:calendar"),
        "calendar-notice": reverse("cases:calendar_notice", kwargs={"year": today.year + 1}),
        "rules": reverse("cases:rules"),
        "rule-new": reverse("cases:rule_new") + "?area=missions",
        "organisations": reverse("registers:organisations"),
        "organisation-new": reverse("registers:organisation_new"),
        "countries": reverse("registers:countries") + "?group=schengen",
        "suspensions": reverse("cases:suspensions"),
        "waiting": reverse("cases:inbox") + "?tab=waiting",
        "case-with-step": reverse("cases:detail", args=[mission.case.reference]),
    }
    for name, url in pages.items():
        look_at(page, live_server, screenshot_dir, name, url)
