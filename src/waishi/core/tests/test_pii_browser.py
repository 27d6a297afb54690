"""A division officer reveals a masked ID number: refused without a reason, shown with one."""

import os

import pytest

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import TEST_PASSWORD
from waishi.audit.models import AuditEvent

from .pii_models import Specimen

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("waishi.core.tests.pii_urls"),
]

ID = "11010519491231002X"


@pytest.fixture
def specimen():
    obj = Specimen.objects.create(name="张三", id_number=ID, phone="13812345678")
    yield obj
    # The test model's table is not emptied by the transactional test's flush.
    Specimen.objects.all().delete()


def test_officer_reveals_an_id_number_with_a_reason(page, make_user, specimen, screenshot_dir):
    make_user(Role.DIVISION_OFFICER, username="officer", full_name="李四")
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("officer")
    page.get_by_label("密码").fill(TEST_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()

    page.goto(f"/pii-specimen/{specimen.pk}/")
    assert page.get_by_text("110105********002X").is_visible()
    assert ID not in page.content()

    id_field = page.locator(".pii-field").first
    id_field.locator("summary").click()
    reason = id_field.get_by_placeholder("查看理由")
    reason.fill("   ")
    # The browser's own check is bypassed to show the server's answer to a blank reason.
    reason.evaluate("input => input.removeAttribute('required')")
    id_field.get_by_role("button", name="显示").click()
    error = page.get_by_role("alert")
    error.wait_for()
    assert "请填写查看此信息的理由" in error.inner_text()
    assert ID not in page.content()
    page.screenshot(path=os.path.join(screenshot_dir, "pii-reveal-refused.png"), full_page=True)

    id_field = page.locator(".pii-field").first
    id_field.get_by_placeholder("查看理由").fill("核对因公出国人员身份")
    id_field.get_by_role("button", name="显示").click()
    page.get_by_test_id("pii-value").wait_for()
    assert page.get_by_test_id("pii-value").inner_text() == ID
    assert page.get_by_text("138****5678").is_visible()
    page.screenshot(path=os.path.join(screenshot_dir, "pii-revealed.png"), full_page=True)

    event = AuditEvent.objects.get(action="core.pii.reveal")
    assert event.reason == "核对因公出国人员身份"
    assert event.after == {"field": "id_number"}
