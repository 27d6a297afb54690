"""Barring a holder from official travel in a real browser: after a lost passport the Passport &
Visa Division bars the holder on the holder's page, the mission that includes the holder shows
the block to its reviewers, the agency sees the bar, and the division lifts it.
"""

import datetime
import io
import os
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("zh-hans", "zh-hant", "en")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


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


def zh(text: str) -> str:
    from django.utils import translation

    with translation.override("zh-hans"):
        return translation.gettext(text)


def shot(page: Any, folder: str, name: str) -> None:
    page.screenshot(path=os.path.join(folder, f"passports-{name}.png"), full_page=True)


def test_the_division_bars_a_holder_after_a_loss_and_lifts_the_bar(
    page: Any, live_server: Any, screenshot_dir: str, make_user: Any
) -> None:
    from waishi.accounts.constants import Role
    from waishi.accounts.demo import _load_bureau
    from waishi.accounts.models import Division
    from waishi.accounts.tests.factories import AgencyFactory
    from waishi.passports import actions
    from waishi.passports.constants import PASSPORT_DIVISION
    from waishi.passports.models import TravelBar
    from waishi.passports.tests.factories import DocumentFactory, TravellerFactory, make_mission

    _load_bureau()
    today = datetime.date.today()
    agency = AgencyFactory(name_zh_hans="市文广旅体局", name_en="Culture and Tourism Bureau")
    liaison = make_user(Role.LIAISON_OFFICER, agency=agency, full_name="邓联络")
    officer = make_user(
        Role.DIVISION_OFFICER,
        division=Division.objects.get(code=PASSPORT_DIVISION),
        full_name="张护照",
    )
    leader = make_user(Role.BUREAU_LEADER, full_name="林局长")
    holder = TravellerFactory(agency=agency, name="罗志成", passport_name="LUO, ZHICHENG")
    lost = DocumentFactory(holder=holder)
    DocumentFactory(holder=holder, kind="public_affairs")
    actions.do_report_loss(
        actor=liaison,
        document=lost,
        lost_on=today - datetime.timedelta(days=3),
        place="法兰克福机场",
        circumstances="转机时随身包被盗",
        police_report=io.BytesIO(PDF),
        police_report_name="police.pdf",
    )
    actions.do_cancel_document(actor=officer, document=lost, reason="遗失")
    mission = make_mission(
        agency=agency,
        travellers=[holder],
        departure=today + datetime.timedelta(days=30),
        days=5,
        status="leader_approval",
    )
    until = today + datetime.timedelta(days=365)

    # The division opens the holder from the lost passport's page and bars them for a year.
    sign_in(page, live_server, officer)
    page.goto(reverse("passports:document", args=[lost.pk]))
    page.get_by_role("link", name="罗志成", exact=True).click()
    page.wait_for_url(f"**{reverse('passports:holder', args=[holder.pk])}")
    form = page.get_by_test_id("bar-form")
    form.locator("textarea[name='reason']").fill("遗失公务护照，一年内不得因公出国")
    form.locator("input[name='until']").fill(until.isoformat())
    form.locator("select[name='loss_report']").select_option(index=1)
    with page.expect_navigation():
        form.get_by_role("button", name=zh("Bar from official travel"), exact=True).click()
    assert until.isoformat() in page.get_by_test_id("bar-in-force").inner_text()
    for language in LANGUAGES:
        page.context.add_cookies(
            [{"name": "waishi_language", "value": language, "url": live_server.url}]
        )
        page.reload()
        shot(page, screenshot_dir, f"holder-barred-{language}")

    # The mission that includes the holder shows the block to the bureau leader.
    sign_in(page, live_server, leader)
    page.goto(reverse("cases:detail", args=[mission.case.reference]))
    checks = page.locator("#passport-checks-title").locator("xpath=..").inner_text()
    assert "罗志成" in checks and "一年内不得因公出国" in checks
    shot(page, screenshot_dir, "mission-barred-member")

    # The agency sees the bar on its passports page.
    sign_in(page, live_server, liaison)
    page.goto(reverse("passports:workspace"))
    assert "罗志成" in page.get_by_test_id("agency-bars").inner_text()

    # The division lifts the bar with a reason; the list of bars is empty again.
    sign_in(page, live_server, officer)
    page.goto(reverse("passports:bars"))
    page.get_by_role("link", name="罗志成", exact=True).click()
    page.locator("input[name='reason']").fill("经局领导批准提前解除")
    with page.expect_navigation():
        page.get_by_test_id("lift-bar").click()
    assert page.get_by_test_id("bar-in-force").count() == 0
    assert TravelBar.objects.get(holder=holder).lift_reason == "经局领导批准提前解除"
    page.goto(reverse("passports:bars"))
    assert "罗志成" not in page.get_by_test_id("bars").inner_text()
