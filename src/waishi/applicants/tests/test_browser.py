"""A person signs up with a phone code, follows a case and sends what the bureau asks for."""

import os
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

import waishi
from waishi.accounts.constants import Role
from waishi.applicants.models import Applicant
from waishi.cases.actions import do_transition
from waishi.cases.models import Attachment

from .factories import ID_NUMBER, authorise, file_case, make_applicant, make_company

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = "/work/shots/applicants"
LANGUAGES = ("zh-hans", "zh-hant", "en")
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def sign_in(page: Any, live_server: Any, user: Any, language: str = "zh-hans") -> None:
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


AXE = Path(waishi.__file__).parents[2] / "tests" / "browser" / "axe" / "axe.min.js"


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical WCAG 2.1 A/AA findings on the current page."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def shoot(page: Any, screenshot_dir: str, name: str) -> None:
    """Check the page (axe-core, no sideways scrolling on a phone) and save it in each size."""
    assert not serious_violations(page), (name, serious_violations(page))
    for size, viewport in SIZES.items():
        page.set_viewport_size(viewport)
        if size == "phone":
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"] + 1, (name, width)
        for folder in (screenshot_dir, SHOTS if os.path.isdir(os.path.dirname(SHOTS)) else ""):
            if folder:
                os.makedirs(folder, exist_ok=True)
                page.screenshot(path=os.path.join(folder, f"{name}-{size}.png"), full_page=True)
    page.set_viewport_size(SIZES["desktop"])


def test_a_person_signs_up_with_a_phone_code_and_sends_requested_material(
    page, live_server, screenshot_dir, sms_outbox, public_division, make_user, tmp_path
):
    page.context.add_cookies(
        [{"name": "waishi_language", "value": "zh-hans", "url": live_server.url}]
    )
    page.goto("/accounts/login/")
    page.get_by_test_id("sign-up-link").click()
    page.get_by_label("手机号码").fill("13712345678")
    shoot(page, screenshot_dir, "applicants-sign-up-zh-hans")
    page.get_by_test_id("send-code").click()
    page.get_by_label("短信验证码").wait_for()
    code = re.search(r"(?<!\d)(\d{6})(?!\d)", sms_outbox[-1].text)
    assert code
    # A wrong code first: refused with the reason, nothing made.
    wrong = f"{(int(code.group(1)) + 1) % 10**6:06d}"
    page.get_by_label("短信验证码").fill(wrong)
    page.get_by_label("真实姓名").fill("陈丽华")
    page.get_by_label("居民身份证号码").fill(ID_NUMBER)
    page.get_by_label("密码", exact=True).fill("Lotus-Pond-2026")
    page.get_by_label("再次输入密码").fill("Lotus-Pond-2026")
    page.get_by_label("我已阅读隐私政策。").check()
    page.get_by_label(re.compile("我单独同意")).check()
    page.get_by_test_id("sign-up").click()
    assert "验证码错误或已过期" in page.get_by_test_id("form-errors").inner_text()
    shoot(page, screenshot_dir, "applicants-sign-up-details-zh-hans")
    assert not Applicant.objects.exists()
    page.get_by_label("短信验证码").fill(code.group(1))
    page.get_by_label("密码", exact=True).fill("Lotus-Pond-2026")
    page.get_by_label("再次输入密码").fill("Lotus-Pond-2026")
    page.get_by_test_id("sign-up").click()
    page.get_by_test_id("no-applications").wait_for()
    person = Applicant.objects.get().user

    # The bureau receives a case the person filed and asks for a document.
    case = file_case(person, title="归侨身份确认申请")
    officer = make_user(Role.DIVISION_OFFICER, division=public_division)
    do_transition(
        case=case,
        transition="ask_for_material",
        actor=officer,
        inputs={"reason": "请补充户口簿复印件。"},
    )
    page.goto("/applicants/")
    page.get_by_role("link", name=case.reference).click()
    page.get_by_test_id("your-turn").wait_for()
    assert "请补充户口簿复印件。" in page.get_by_test_id("timeline").inner_text()
    scan = tmp_path / "hukou.pdf"
    scan.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.get_by_label("提交补正材料").set_input_files(str(scan))
    page.get_by_role("button", name="上传").click()
    page.get_by_test_id("files").get_by_role("link", name="hukou.pdf").wait_for()
    assert Attachment.objects.filter(case=case, uploaded_by=person).count() == 1
    page.get_by_label("给外事侨务局的留言").fill("户口簿复印件已上传，请查收。")
    page.get_by_test_id("send-message").click()
    page.get_by_text("您的留言已发送至外事侨务局。").wait_for()

    for language in LANGUAGES:
        sign_in(page, live_server, person, language)
        page.goto("/applicants/")
        page.get_by_role("link", name=case.reference).wait_for()
        shoot(page, screenshot_dir, f"applicants-home-{language}")
        page.goto(f"/applicants/cases/{case.reference}/")
        page.get_by_test_id("your-turn").wait_for()
        shoot(page, screenshot_dir, f"applicants-case-{language}")
        page.goto("/applicants/account/")
        shoot(page, screenshot_dir, f"applicants-account-{language}")


def test_company_colleagues_see_the_company_case_and_a_third_person_does_not(
    page, live_server, screenshot_dir, public_division
):
    manager = make_applicant("13800138000", "陈丽华")
    colleague = make_applicant("13900139000", "黄志强")
    stranger = make_applicant("13500135000", "林小明")
    company = make_company(manager)
    authorise(company, colleague)
    case = file_case(manager, company, title="邀请外国专家来华")
    for language in LANGUAGES:
        sign_in(page, live_server, colleague, language)
        page.goto(f"/applicants/companies/{company.pk}/")
        page.get_by_role("link", name=case.reference).wait_for()
        shoot(page, screenshot_dir, f"applicants-company-{language}")
    sign_in(page, live_server, stranger)
    response = page.goto(f"/applicants/cases/{case.reference}/")
    assert response is not None and response.status == 404
