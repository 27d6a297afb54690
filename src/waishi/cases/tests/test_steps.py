"""External steps: sending to an outside body, the answer, withdrawing, and who may."""

import datetime
import io
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import DivisionFactory
from waishi.audit.models import AuditEvent
from waishi.cases.constants import DueUnit, StepBody, StepStatus
from waishi.cases.models import Attachment, ExternalStep, TimelineEntry
from waishi.cases.steps import (
    Due,
    do_record_answer,
    do_send_step,
    do_withdraw_step,
    due_date,
)
from waishi.cases.workflow import TransitionRefused

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
TODAY = timezone.localdate()
WEEK_AGO = TODAY - datetime.timedelta(days=7)


def zh(msgid: str, **values: Any) -> str:
    """The Simplified Chinese the pages show (the default language) for ``msgid``."""
    with translation.override("zh-hans"):
        text = translation.gettext(msgid)
    return text % values if values else text


def written() -> tuple[int, int, int, int]:
    return (
        ExternalStep.objects.count(),
        TimelineEntry.objects.count(),
        AuditEvent.objects.count(),
        Attachment.objects.count(),
    )


@pytest.fixture
def case(new_case: Any) -> Any:
    return new_case()


def send(case: Any, actor: Any, **kwargs: Any) -> Any:
    kwargs.setdefault("body", StepBody.PROVINCIAL_FAO)
    kwargs.setdefault("request_text", "请审核邀请函")
    kwargs.setdefault("sent_on", WEEK_AGO)
    kwargs.setdefault("due", Due(unit=DueUnit.DAYS, count=10))
    return do_send_step(case=case, actor=actor, **kwargs)


# --- due dates ---------------------------------------------------------------------------


def test_working_days_skip_the_national_day_holiday():
    # Sent on Monday 29 September 2025: the 30th counts, 1–8 October are off, then 9, 10.
    assert due_date(datetime.date(2025, 9, 29), Due(DueUnit.WORKDAYS, 3)) == datetime.date(
        2025, 10, 10
    )


def test_calendar_days_and_a_date_entered():
    sent = datetime.date(2026, 3, 2)
    assert due_date(sent, Due(DueUnit.DAYS, 15)) == datetime.date(2026, 3, 17)
    assert due_date(sent, Due(DueUnit.DATE, on=datetime.date(2026, 4, 1))) == datetime.date(
        2026, 4, 1
    )
    assert due_date(sent, Due(DueUnit.DATE)) is None


@pytest.mark.parametrize(
    "due",
    [
        Due(DueUnit.DATE, on=datetime.date(2026, 3, 1)),
        Due(DueUnit.WORKDAYS, 0),
        Due(DueUnit.DAYS, None),
        Due(DueUnit.DAYS, 367),
        Due("weeks", 2),
    ],
)
def test_nonsense_due_dates_are_refused(due):
    with pytest.raises(TransitionRefused):
        due_date(datetime.date(2026, 3, 2), due)


# --- sending -----------------------------------------------------------------------------


def test_officer_sends_a_step_with_timeline_and_audit(case, officer):
    step = send(case, officer, body_name="广东省外办", their_reference="粤外办〔2026〕12号")
    assert step.status == StepStatus.WAITING and step.sent_by == officer
    assert step.due_on == WEEK_AGO + datetime.timedelta(days=10) and step.version == 1
    entry = TimelineEntry.objects.get(case=case, kind="step")
    assert entry.is_public and entry.changes["event"] == "sent" and entry.text == ""
    assert "请审核" not in str(entry.changes)  # what was asked stays internal
    assert AuditEvent.objects.filter(action="cases.step.send").count() == 1


def test_a_double_submission_records_one_step(case, officer):
    first = send(case, officer, idempotency_key="k1")
    again = send(case, officer, idempotency_key="k1")
    assert again.pk == first.pk and again.replayed
    assert ExternalStep.objects.count() == 1
    assert AuditEvent.objects.filter(action="cases.step.send").count() == 1


@pytest.mark.parametrize(
    "kwargs",
    [
        {"body": "embassy_of_mars"},
        {"body": StepBody.OTHER, "body_name": " "},
        {"request_text": "  "},
        {"sent_on": TODAY + datetime.timedelta(days=1)},
        {"due": Due(DueUnit.DATE, on=WEEK_AGO - datetime.timedelta(days=1))},
    ],
)
def test_bad_input_is_refused_and_writes_nothing(case, officer, kwargs):
    before = written()
    with pytest.raises(TransitionRefused) as refused:
        send(case, officer, **kwargs)
    assert not refused.value.forbidden and refused.value.reasons
    assert written() == before


@pytest.mark.parametrize("who", ["liaison", "inspector", "other_division", "leader"])
def test_only_the_owning_division_sends(case, who, liaison, inspector, make_user):
    actor = {
        "liaison": lambda: liaison,
        "inspector": lambda: inspector,
        "other_division": lambda: make_user(Role.DIVISION_OFFICER, division=DivisionFactory()),
        "leader": lambda: make_user(Role.BUREAU_LEADER),
    }[who]()
    before = written()
    with pytest.raises(TransitionRefused) as refused:
        send(case, actor)
    assert refused.value.forbidden
    assert written() == before


def test_the_division_head_may_send(case, head):
    assert send(case, head).sent_by == head


# --- answering ---------------------------------------------------------------------------


def test_the_answer_is_recorded_with_its_document(case, officer):
    step = send(case, officer)
    done = do_record_answer(
        case=case,
        step_pk=step.pk,
        actor=officer,
        answered_on=TODAY,
        answer_text="同意",
        their_reference="粤外办函〔2026〕3号",
        upload=io.BytesIO(PDF),
        upload_name="复函.pdf",
        expected_version=1,
    )
    assert done.status == StepStatus.ANSWERED and done.answered_on == TODAY
    assert done.version == 2 and done.their_reference == "粤外办函〔2026〕3号"
    attachment = done.answer_attachment
    assert attachment is not None and not attachment.is_public and len(attachment.sha256) == 64
    assert AuditEvent.objects.filter(action="cases.step.answer").count() == 1
    assert TimelineEntry.objects.filter(kind="step", changes__event="answered").count() == 1


def test_an_answer_on_the_day_sent_is_accepted(case, officer):
    step = send(case, officer)
    done = do_record_answer(
        case=case, step_pk=step.pk, actor=officer, answered_on=WEEK_AGO, answer_text="收到"
    )
    assert done.answered_on == WEEK_AGO


@pytest.mark.parametrize(
    "kwargs",
    [
        {"answered_on": WEEK_AGO - datetime.timedelta(days=1)},
        {"answered_on": TODAY + datetime.timedelta(days=1)},
        {"answer_text": ""},
        {"expected_version": 7},
        {"upload": io.BytesIO(EXE), "upload_name": "复函.pdf"},
    ],
)
def test_bad_answers_are_refused_and_write_nothing(case, officer, kwargs, private_storage):
    step = send(case, officer)
    before = written()
    kwargs = {"answered_on": TODAY, "answer_text": "同意", **kwargs}
    with pytest.raises(TransitionRefused):
        do_record_answer(case=case, step_pk=step.pk, actor=officer, **kwargs)
    assert written() == before
    assert ExternalStep.objects.get().status == StepStatus.WAITING
    assert not private_storage.exists() or not any(private_storage.rglob("*.*"))


def test_a_withdrawn_step_cannot_be_answered(case, officer):
    step = send(case, officer)
    do_withdraw_step(case=case, step_pk=step.pk, actor=officer, reason="出访取消")
    before = written()
    with pytest.raises(TransitionRefused) as refused:
        do_record_answer(
            case=case, step_pk=step.pk, actor=officer, answered_on=TODAY, answer_text="同意"
        )
    assert refused.value.reasons == [
        gettext("This step was withdrawn; its answer cannot be recorded.")
    ]
    assert written() == before


def test_answering_twice_with_one_key_records_once(case, officer):
    step = send(case, officer)
    for _ in range(2):
        do_record_answer(
            case=case,
            step_pk=step.pk,
            actor=officer,
            answered_on=TODAY,
            answer_text="同意",
            expected_version=1,
            idempotency_key="answer-1",
        )
    assert AuditEvent.objects.filter(action="cases.step.answer").count() == 1


def test_a_step_of_another_case_is_not_found(case, new_case, officer):
    step = send(new_case("另一案"), officer)
    with pytest.raises(TransitionRefused) as refused:
        do_withdraw_step(case=case, step_pk=step.pk, actor=officer, reason="x")
    assert refused.value.forbidden


# --- withdrawing -------------------------------------------------------------------------


def test_withdrawing_needs_a_reason_and_a_waiting_step(case, officer):
    step = send(case, officer)
    before = written()
    with pytest.raises(TransitionRefused):
        do_withdraw_step(case=case, step_pk=step.pk, actor=officer, reason=" ")
    assert written() == before
    done = do_withdraw_step(
        case=case, step_pk=step.pk, actor=officer, reason="出访取消", expected_version=1
    )
    assert done.status == StepStatus.WITHDRAWN and done.version == 2
    assert AuditEvent.objects.filter(action="cases.step.withdraw").count() == 1
    # The reason is an internal note; the agency's entry says only that it was withdrawn.
    assert TimelineEntry.objects.get(kind="note").is_public is False
    before = written()
    with pytest.raises(TransitionRefused):
        do_withdraw_step(case=case, step_pk=step.pk, actor=officer, reason="again")
    assert written() == before


# --- pages ---------------------------------------------------------------------------------


def test_staff_see_the_panel_with_what_was_asked(client, case, officer):
    send(case, officer, due=Due(DueUnit.DAYS, 3))  # due four days ago: overdue
    client.force_login(officer)
    body = client.get(case.get_absolute_url()).content.decode()
    assert "请审核邀请函" in body and zh("Overdue") in body and zh("Record the answer") in body


def test_the_agency_sees_body_and_dates_but_not_the_texts(client, case, officer, liaison):
    step = send(case, officer, their_reference="粤外办〔2026〕12号")
    do_record_answer(
        case=case,
        step_pk=step.pk,
        actor=officer,
        answered_on=TODAY,
        answer_text="内部意见",
        upload=io.BytesIO(PDF),
        upload_name="复函.pdf",
    )
    client.force_login(liaison)
    body = client.get(case.get_absolute_url()).content.decode()
    assert zh("Provincial foreign-affairs office") in body and TODAY.isoformat() in body
    for secret in ("请审核邀请函", "内部意见", "粤外办", "复函.pdf", zh("Record the answer")):
        assert secret not in body


def test_the_answer_document_is_downloaded_by_staff_only(client, case, officer, liaison):
    step = send(case, officer)
    done = do_record_answer(
        case=case,
        step_pk=step.pk,
        actor=officer,
        answered_on=TODAY,
        upload=io.BytesIO(PDF),
        upload_name="复函.pdf",
    )
    url = reverse("cases:attachment_download", args=[case.reference, done.answer_attachment_id])
    client.force_login(liaison)
    assert client.get(url).status_code == 404
    client.force_login(officer)
    assert client.get(url).status_code == 200


def test_another_agency_sees_nothing(client, case, officer, other_liaison):
    send(case, officer)
    client.force_login(other_liaison)
    assert client.get(case.get_absolute_url()).status_code == 404


def test_sending_through_the_page(client, case, officer):
    client.force_login(officer)
    url = reverse("cases:step_send", args=[case.reference])
    data = {
        "body": StepBody.MISSION,
        "body_name": "德国驻广州总领事馆",
        "request_text": "签证照会",
        "sent_on": WEEK_AGO.isoformat(),
        "due_unit": DueUnit.WORKDAYS,
        "due_in": "10",
        "idempotency_key": "page-1",
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # the double click
    step = ExternalStep.objects.get()
    assert step.body_name == "德国驻广州总领事馆" and step.due_in == 10
    withdraw = reverse("cases:step_withdraw", args=[case.reference, step.pk])
    client.post(withdraw, {"reason": "改期", "version": "1", "idempotency_key": "w1"})
    assert ExternalStep.objects.get().status == StepStatus.WITHDRAWN


def test_a_refused_answer_through_the_page_says_why(client, case, officer):
    step = send(case, officer)
    client.force_login(officer)
    url = reverse("cases:step_answer", args=[case.reference, step.pk])
    response = client.post(
        url,
        {
            "answered_on": (WEEK_AGO - datetime.timedelta(days=1)).isoformat(),
            "answer_text": "x",
            "version": "1",
        },
        follow=True,
    )
    refusal = zh("The answer cannot be dated before the day the step was sent.")
    assert refusal in response.content.decode()
    assert ExternalStep.objects.get().status == StepStatus.WAITING


def test_an_officer_of_another_division_gets_not_found(client, case, officer, make_user):
    stranger = make_user(Role.DIVISION_OFFICER, division=DivisionFactory())
    client.force_login(stranger)
    url = reverse("cases:step_send", args=[case.reference])
    response = client.post(
        url,
        {
            "body": StepBody.MFA,
            "request_text": "x",
            "sent_on": WEEK_AGO.isoformat(),
            "due_unit": DueUnit.DAYS,
            "due_in": "5",
        },
    )
    assert response.status_code == 404
    assert ExternalStep.objects.count() == 0


# --- the inbox -----------------------------------------------------------------------------


def test_the_waiting_tab_lists_cases_waiting_on_a_body(client, filed_case, officer):
    waiting = filed_case("等外办")
    answered = filed_case("已答复")
    filed_case("无外部步骤")
    send(waiting, officer, body_name="广东省外办")
    step = send(answered, officer)
    do_record_answer(
        case=answered, step_pk=step.pk, actor=officer, answered_on=TODAY, answer_text="同意"
    )
    client.force_login(officer)
    body = client.get(reverse("cases:inbox") + "?tab=waiting").content.decode()
    badge = zh("Waiting on %(body)s since %(sent)s", body="广东省外办", sent=WEEK_AGO.isoformat())
    assert waiting.reference in body and badge in body
    assert answered.reference not in body and "无外部步骤" not in body


def test_the_api_timeline_says_which_body_and_when(client, case, officer, liaison):
    send(case, officer, body_name="广东省外办", due=Due(DueUnit.DATE, on=TODAY))
    client.force_login(liaison)
    timeline = client.get(f"/api/v1/cases/{case.reference}").json()["timeline"]
    step = next(e for e in timeline if e["kind"] == "step")
    assert step["text"] == zh(
        "Sent to %(body)s on %(sent)s, due %(due)s.",
        body="广东省外办",
        sent=WEEK_AGO.isoformat(),
        due=TODAY.isoformat(),
    )
    assert "请审核" not in str(timeline)
