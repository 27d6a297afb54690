"""A foreign visit from the plan to the outcome report, and a gift declared, in the browser
(zh-hans); the pages are photographed in the three languages, on a laptop and a phone."""

import datetime
import os
from typing import Any

import pytest
from django.test import Client

from waishi.cases.models import Case
from waishi.registers.tests.factories import PersonFactory
from waishi.visits.models import ReceivedGift, Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("zh-hans", "zh-hant", "en")
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


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


def status(reference: str) -> str:
    return Case.objects.get(reference=reference).status


def photograph(page: Any, live_server: Any, folder: str, name: str, url: str) -> None:
    for language in LANGUAGES:
        page.context.add_cookies(
            [{"name": "waishi_language", "value": language, "url": live_server.url}]
        )
        for size, (width, height) in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            page.goto(url)
            page.screenshot(
                path=os.path.join(folder, f"{name}-{language}-{size}.png"), full_page=True
            )
    page.set_viewport_size({"width": 1366, "height": 900})
    page.context.add_cookies(
        [{"name": "waishi_language", "value": "zh-hans", "url": live_server.url}]
    )


def test_a_visit_from_plan_to_outcome_report_with_a_gift_declared(
    page: Any, live_server: Any, liaison: Any, head: Any, division: Any, screenshot_dir: str
) -> None:
    folder = os.environ.get("WAISHI_SCREENSHOT_DIR", screenshot_dir)
    os.makedirs(folder, exist_ok=True)
    today = datetime.date.today()

    # The agency's liaison officer starts the plan: six days, so a warning will follow.
    sign_in(page, live_server, liaison)
    page.goto("/visits/new/")
    form = page.get_by_test_id("visit-form")
    form.locator("[name='title']").fill("汉堡市代表团来访")
    form.locator("[name='purpose']").fill("友好城市交流与职业教育合作")
    form.locator("[name='country']").select_option("DE")
    form.locator("[name='arrival_date']").fill(today.isoformat())
    form.locator("[name='departure_date']").fill((today + datetime.timedelta(days=5)).isoformat())
    form.locator("[name='lodging_stars']").fill("5")
    with page.expect_navigation():
        form.locator("button[type='submit']").click()
    visit = Visit.objects.get()
    reference = visit.case.reference

    guest = page.get_by_test_id("guest-form")
    guest.locator("[name='name']").fill("安可·克兰茨")
    guest.locator("[name='foreign_names']").fill("Anke Kranz")
    guest.locator("[name='sex']").select_option("female")
    guest.locator("[name='date_of_birth']").fill("1968-03-02")
    guest.locator("[name='nationality']").select_option("DE")
    guest.locator("[name='rank_class']").select_option("minister")
    guest.locator("[name='title']").fill("副市长")
    guest.locator("[name='is_head']").check()
    with page.expect_navigation():
        guest.locator("button[type='submit']").click()
    assert "安可·克兰茨" in page.get_by_test_id("guests").inner_text()

    item = page.get_by_test_id("item-form")
    item.locator("[name='starts_at']").fill(f"{today.isoformat()}T10:00")
    item.locator("[name='place']").fill("市政府会见厅")
    item.locator("[name='activity']").fill("市领导会见")
    item.locator("[name='kind']").select_option("meeting")
    item.locator("[name='chinese_participants']").fill("副市长、外事侨务局局长")
    item.locator("[name='city_leader']").fill("王副市长")
    item.locator("[name='leader_requested_on']").fill(
        (today - datetime.timedelta(days=7)).isoformat()
    )
    item.locator("[name='leader_approved_on']").fill(
        (today - datetime.timedelta(days=5)).isoformat()
    )
    with page.expect_navigation():
        item.locator("button[type='submit']").click()
    assert "市领导会见" in page.get_by_test_id("schedule").inner_text()

    gift = page.get_by_test_id("gift-form")
    gift.locator("[name='recipient']").select_option(index=0)
    gift.locator("[name='item']").fill("端砚")
    gift.locator("[name='value']").fill("380")
    gift.locator("[name='approved_by']").fill("李局长")
    gift.locator("[name='approved_on']").fill(today.isoformat())
    with page.expect_navigation():
        gift.locator("button[type='submit']").click()
    # The plan page shows the warning with its source before anything is filed.
    assert "外宾接待经费管理办法" in page.get_by_test_id("warning-hosted_days").inner_text()
    photograph(page, live_server, folder, "visit-plan", f"/visits/{reference}/plan/")

    page.goto(f"/cases/{reference}/")
    press(page, "submit")
    assert status(reference) == "review"

    # The division head accepts the warning with a reason, then approves.
    sign_in(page, live_server, head)
    page.goto(f"/cases/{reference}/")
    warning = page.get_by_test_id("warning-hosted_days")
    warning.locator("[name='reason']").fill("双方已商定对等接待安排")
    with page.expect_navigation():
        warning.locator("button[type='submit']").click()
    assert "对等接待" in page.get_by_test_id("accepted-hosted_days").inner_text()
    press(page, "approve")
    assert status(reference) == "approved"

    # The visit is held; the host writes the outcome report and submits it.
    sign_in(page, live_server, liaison)
    page.goto(f"/cases/{reference}/")
    press(page, "record_held")
    page.get_by_test_id("write-outcome").click()
    outcome = page.get_by_test_id("outcome-form")
    outcome.locator("[name='outcome_report']").fill("双方签署职业教育合作备忘录。")
    outcome.locator("[name='actual_cost']").fill("36000")
    with page.expect_navigation():
        outcome.locator("button[type='submit']").click()
    press(page, "submit_report")
    assert status(reference) == "reported"
    photograph(page, live_server, folder, "visit-case", f"/cases/{reference}/")

    # A gift the agency's deputy director received on the return visit is declared.
    PersonFactory(agency=liaison.agency, name="欧阳明")
    page.goto("/gifts/new/")
    form = page.get_by_test_id("gift-received-form")
    form.locator("[name='recipient']").select_option(label="欧阳明")
    form.locator("[name='item']").fill("银质纪念盘")
    form.locator("[name='kind']").select_option("goods")
    form.locator("[name='value']").fill("200")
    form.locator("[name='giver']").fill("汉堡市政府")
    form.locator("[name='giver_country']").select_option("DE")
    form.locator("[name='received_on']").fill((today - datetime.timedelta(days=6)).isoformat())
    form.locator("[name='returned_on']").fill((today - datetime.timedelta(days=2)).isoformat())
    with page.expect_navigation():
        form.locator("button[type='submit']").click()
    gift_case = Case.objects.get(case_type="LP")
    assert gift_case.due_date is not None
    press(page, "declare")
    assert status(gift_case.reference) == "declared"
    assert ReceivedGift.objects.get().declared_on == today
    photograph(page, live_server, folder, "gift-case", f"/cases/{gift_case.reference}/")
    photograph(page, live_server, folder, "gifts-register", "/gifts/")
    photograph(page, live_server, folder, "visits-list", "/visits/")

    # The division sees the visit in the year's figures, by country and by rank.
    sign_in(page, live_server, head)
    page.goto(f"/office/visits/statistics/?year={today.year}")
    assert "德国" in page.get_by_test_id("statistics-country").inner_text()
    photograph(
        page,
        live_server,
        folder,
        "visit-statistics",
        f"/office/visits/statistics/?year={today.year}",
    )
