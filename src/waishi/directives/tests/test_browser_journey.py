"""In the browser: a county replies to a directive; a deputy approves from the cockpit."""

import datetime
import os
from typing import Any

import pytest
from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.models import Leader
from waishi.accounts.tests.factories import TEST_PASSWORD, make_user
from waishi.cases.actions import do_transition
from waishi.cases.models import Case
from waishi.directives.actions import do_open_directive, do_open_task
from waishi.directives.constants import DirectiveKind, TaskSource
from waishi.directives.models import CountyReply

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("WAISHI_SHOTS_DIR", "")
SWITCH_LABEL = {"zh-hant": "繁體", "en": "English", "zh-hans": "简体"}
LANGUAGES = ("zh-hans", "zh-hant", "en")
DESK = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def sign_in(page: Any, user: Any) -> None:
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(TEST_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def switch(page: Any, language: str) -> None:
    if page.locator("html").get_attribute("lang") != language:
        page.get_by_role("button", name=SWITCH_LABEL[language]).first.click()
        page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language


def shoot(page: Any, directories: list[str], name: str) -> None:
    for directory in directories:
        page.screenshot(path=os.path.join(directory, f"{name}.png"), full_page=True)


def test_a_county_replies_and_a_deputy_approves_from_the_cockpit_on_a_phone(
    page: Any, officer: Any, head: Any, counties: list[Any], screenshot_dir: str
) -> None:
    directories = [screenshot_dir, *([SHOTS] if SHOTS else [])]
    for directory in directories:
        os.makedirs(directory, exist_ok=True)
    county_officer = make_user(Role.COUNTY_OFFICER, agency=counties[0], full_name="端州外办")
    directive = do_open_directive(
        actor=officer,
        title="关于报送上半年外事工作总结的通知",
        kind=DirectiveKind.HALF_YEAR_REPORT,
        body="请于截止日期前报送上半年外事工作总结。",
        reply_due=timezone.localdate() + datetime.timedelta(days=10),
        counties=counties,
        document_number="肇外侨〔2026〕31号",
    )
    directive = do_transition(case=directive, transition="issue", actor=head)
    reply = CountyReply.objects.select_related("case").get(
        directive__case=directive, county=counties[0]
    )

    # The county officer finds the directive in the workspace and replies, on a phone.
    sign_in(page, county_officer)
    page.set_viewport_size(PHONE)
    page.goto("/workspace/directives/")
    shoot(page, directories, "directives-county-list-zh-hans-phone")
    page.get_by_test_id(f"reply-{reply.case.reference}").click()
    form = page.get_by_test_id("reply-form")
    form.locator("[name='text']").fill("端州区上半年共审核因公出国团组5批，外事纪律执行良好。")
    shoot(page, directories, "directives-reply-zh-hans-phone")
    with page.expect_navigation():
        page.get_by_test_id("reply-submit").click()
    reply.refresh_from_db()
    assert reply.case.status == "replied" and reply.text.startswith("端州区")
    for language in LANGUAGES:
        page.set_viewport_size(DESK)
        page.goto("/workspace/directives/")
        switch(page, language)
        shoot(page, directories, f"directives-county-list-{language}")
        page.goto(reply.case.get_absolute_url())
        shoot(page, directories, f"directives-reply-case-{language}")

    # The division sees who has and has not replied.
    sign_in(page, officer)
    for language in LANGUAGES:
        page.set_viewport_size(DESK)
        page.goto(directive.get_absolute_url())
        switch(page, language)
        assert page.get_by_test_id("reply-row").count() == len(counties)
        shoot(page, directories, f"directives-directive-{language}")
        page.set_viewport_size(PHONE)
        shoot(page, directories, f"directives-directive-{language}-phone")

    # A task's reply waits for the deputy in charge of the division; he approves it from the
    # cockpit on his phone: one tap, then the confirmation.
    deputy_user = make_user(Role.BUREAU_LEADER, full_name="李新建")
    deputy = Leader.objects.create(
        bureau=officer.division.bureau,
        name_zh_hans="李新建",
        name_en="Li Xinjian",
        title_zh_hans="副局长",
        title_en="Deputy Director General",
        user=deputy_user,
    )
    deputy.divisions.set([officer.division])
    task = do_open_task(
        actor=officer,
        title="粤港澳合作重点工作任务进展情况",
        source=TaskSource.PROVINCIAL_FAO,
        document_number="粤外办函〔2026〕112号",
        asked="报送进展情况。",
        due_on=timezone.localdate() + datetime.timedelta(days=2),
        key_task=True,
    )
    task = do_transition(
        case=task, transition="submit_reply", actor=officer, inputs={"reply": "已落实各项措施。"}
    )
    sign_in(page, deputy_user)
    for language in LANGUAGES:
        page.set_viewport_size(DESK)
        page.goto("/office/cockpit/")
        switch(page, language)
        shoot(page, directories, f"directives-cockpit-{language}")
        page.set_viewport_size(PHONE)
        shoot(page, directories, f"directives-cockpit-{language}-phone")
    switch(page, "zh-hans")
    page.set_viewport_size(PHONE)
    page.goto("/office/cockpit/")
    button = page.get_by_test_id("cockpit-approve_reply")
    assert button.bounding_box()["height"] >= 44
    button.click()
    dialog = page.locator(f"#confirm-{task.pk}-approve_reply")
    dialog.wait_for(state="visible")
    shoot(page, directories, "directives-cockpit-confirm-zh-hans-phone")
    with page.expect_navigation():
        dialog.get_by_test_id("cockpit-confirm").click()
    assert page.url.endswith("/office/cockpit/")
    assert Case.objects.get(pk=task.pk).status == "approved"
    shoot(page, directories, "directives-cockpit-approved-zh-hans-phone")
