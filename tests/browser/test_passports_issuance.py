"""An issuance request in a real browser: the agency asks for Service Passports for the
members of an approved mission, uploads photos and forms and files; the Passport & Visa
Division checks the materials and records the passports issued, which enter the register in
custody, while the old passport surrendered with the request is cancelled. The request form
and the register are photographed in the three languages.
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


def set_language(page: Any, live_server: Any, language: str) -> None:
    page.context.add_cookies(
        [{"name": "waishi_language", "value": language, "url": live_server.url}]
    )


def photo() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (33, 48), (230, 230, 240)).save(buffer, format="PNG")
    return buffer.getvalue()


def zh(text: str) -> str:
    """What the page says for ``text`` in Simplified Chinese (the catalogues merged)."""
    from django.utils import translation

    with translation.override("zh-hans"):
        return translation.gettext(text)


def shot(page: Any, folder: str, name: str) -> None:
    page.screenshot(path=os.path.join(folder, f"passports-{name}.png"), full_page=True)


@pytest.fixture
def people(make_user: Any) -> dict[str, Any]:
    from waishi.accounts.constants import Role
    from waishi.accounts.demo import _load_bureau
    from waishi.accounts.models import Division
    from waishi.accounts.tests.factories import AgencyFactory
    from waishi.passports.constants import PASSPORT_DIVISION

    _load_bureau()
    agency = AgencyFactory(
        name_zh_hans="市商务局", name_zh_hant="市商務局", name_en="Commerce Bureau"
    )
    return {
        "agency": agency,
        "liaison": make_user(
            Role.LIAISON_OFFICER, agency=agency, full_name="何联络", email="he@example.cn"
        ),
        "officer": make_user(
            Role.DIVISION_OFFICER,
            division=Division.objects.get(code=PASSPORT_DIVISION),
            full_name="张护照",
        ),
    }


def test_a_liaison_asks_for_passports_and_the_division_issues_them(
    page: Any, live_server: Any, screenshot_dir: str, people: dict[str, Any]
) -> None:
    from waishi.cases.models import Case
    from waishi.passports.constants import DocumentStatus
    from waishi.passports.models import TravelDocument
    from waishi.passports.tests.factories import DocumentFactory, TravellerFactory, make_mission

    today = datetime.date.today()
    agency, liaison, officer = people["agency"], people["liaison"], people["officer"]
    zhou = TravellerFactory(agency=agency, name="周明远", passport_name="ZHOU, MINGYUAN")
    wu = TravellerFactory(agency=agency, name="吴芳", passport_name="WU, FANG")
    # Zhou's Service Passport runs out three months from now: it is surrendered with the request.
    old = DocumentFactory(holder=zhou, expiry_date=today + datetime.timedelta(days=90))
    mission = make_mission(
        agency=agency, travellers=[zhou, wu], departure=today + datetime.timedelta(days=40), days=5
    )

    # The liaison officer opens the request from the agency's passports page.
    sign_in(page, live_server, liaison)
    page.goto(reverse("passports:workspace"))
    page.get_by_role("link", name=zh("Request official documents"), exact=True).click()
    page.wait_for_url(f"**{reverse('passports:request_new')}")
    for language in LANGUAGES:
        set_language(page, live_server, language)
        page.reload()
        shot(page, screenshot_dir, f"request-form-{language}")
    set_language(page, live_server, "zh-hans")
    page.reload()
    form = page.locator("main form[method='post']")
    form.locator("select[name='mission']").select_option(str(mission.pk))
    form.locator(f"input[name='members'][value='{zhou.pk}']").check()
    form.locator(f"input[name='members'][value='{wu.pk}']").check()
    form.locator("select[name='kind']").select_option("service")
    with page.expect_navigation():
        form.get_by_role("button", name=zh("Open the request"), exact=True).click()
    reference = page.get_by_test_id("case-reference").inner_text().strip()
    assert reference.startswith("HZ-")
    detail = page.get_by_test_id("issuance-detail").inner_text()
    assert "周明远" in detail and "吴芳" in detail and old.masked_number in detail

    # Filing without the materials is refused with the reason; then a photo and the signed
    # form of each member are uploaded and the request is filed.
    with page.expect_navigation():
        page.get_by_role("button", name=zh("File with the bureau"), exact=True).click()
    assert "照片" in page.get_by_role("main").inner_text()
    uploads = [
        ("zhou-photo.png", "image/png", photo()),
        ("zhou-form.pdf", "application/pdf", PDF),
        ("wu-photo.png", "image/png", photo()),
        ("wu-form.pdf", "application/pdf", PDF),
    ]
    for name, mime, body in uploads:
        page.locator("#id_file").set_input_files({"name": name, "mimeType": mime, "buffer": body})
        with page.expect_navigation():
            page.get_by_role("button", name=zh("Upload"), exact=True).click()
    assert page.get_by_role("link", name="wu-form.pdf").is_visible()
    with page.expect_navigation():
        page.get_by_role("button", name=zh("File with the bureau"), exact=True).click()
    assert Case.objects.get(reference=reference).status == "submitted"
    shot(page, screenshot_dir, "request-filed")

    # The division finds the materials complete and records the two passports issued.
    sign_in(page, live_server, officer)
    page.goto(reverse("cases:detail", args=[reference]))
    with page.expect_navigation():
        page.get_by_role("button", name=zh("Materials complete"), exact=True).click()
    case = Case.objects.get(reference=reference)
    assert case.status == "processing" and case.due_date is not None
    page.get_by_role("link", name=zh("Record the documents issued"), exact=True).click()
    page.wait_for_url(f"**{reverse('passports:request_issue', args=[reference])}")
    numbers = {"周明远": "SE8100057", "吴芳": "SE8100068"}
    for fieldset in page.locator("main form fieldset").all():
        holder = "周明远" if "周明远" in fieldset.locator("legend").inner_text() else "吴芳"
        fieldset.locator("input[name$='-number']").fill(numbers[holder])
        fieldset.locator("input[name$='-issue_date']").fill(today.isoformat())
        fieldset.locator("input[name$='-expiry_date']").fill(
            (today + datetime.timedelta(days=3650)).isoformat()
        )
        fieldset.locator("input[name$='-issuing_authority']").fill("广东省人民政府外事办公室")
    shot(page, screenshot_dir, "issue-form")
    with page.expect_navigation():
        page.get_by_role("button", name=zh("Record the issue"), exact=True).click()
    assert zh("Issued") in page.get_by_test_id("case-status").inner_text()

    # The new passports are in the register, in custody; the old one is cancelled.
    new = {d.holder.name: d for d in TravelDocument.objects.filter(issued_by_request__isnull=False)}
    assert {name: d.status for name, d in new.items()} == {
        "周明远": DocumentStatus.IN_CUSTODY,
        "吴芳": DocumentStatus.IN_CUSTODY,
    }
    old.refresh_from_db()
    assert old.status == DocumentStatus.CANCELLED and reference in old.cancelled_reason
    page.goto(reverse("passports:register"))
    table = page.get_by_test_id("register-table")
    for document in new.values():
        row = table.locator("tr", has_text=document.masked_number)
        assert zh("In custody") in row.inner_text()
    assert zh("Cancelled") in table.locator("tr", has_text=old.masked_number).inner_text()
    for language in LANGUAGES:
        set_language(page, live_server, language)
        page.reload()
        shot(page, screenshot_dir, f"register-{language}")
    assert "In custody" in page.get_by_test_id("register-table").inner_text()
