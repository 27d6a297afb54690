"""A nomination's life: the checks on their clock, the vote, the notice, the motion guard,
the decision and the honorary citizen."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_transition
from waishi.cases.clocks import clocks_of
from waishi.cases.constants import StepBody, StepStatus
from waishi.cases.models import Case, ExternalStep, Rule, TimelineEntry
from waishi.cases.refusals import TransitionRefused
from waishi.honours.actions import do_close_call, do_publish_notice
from waishi.honours.models import HonoraryCitizen

from .conftest import TODAY, answer_steps, nominee

pytestmark = pytest.mark.django_db


def run(case: Any, name: str, actor: Any, **inputs: str) -> Any:
    return do_transition(case=case, transition=name, actor=actor, inputs=inputs)


def snapshot(case: Any) -> tuple[Any, ...]:
    row = Case.objects.get(pk=case.pk)
    return (
        row.status,
        row.version,
        TimelineEntry.objects.filter(case=case).count(),
        AuditEvent.objects.count(),
        ExternalStep.objects.filter(case=case).count(),
    )


def step_clock(case: Any, step: Any, today: datetime.date) -> Any:
    return next(v for v in clocks_of(case, today=today) if v.clock.code == f"step-{step.pk}")


def test_each_background_check_is_due_in_30_days(nominate: Any, officer: Any) -> None:
    case = run(nominate(), "start_checks", officer)
    steps = list(ExternalStep.objects.filter(case=case))
    assert {s.body_name for s in steps} == {
        "肇庆市公安局",
        "肇庆市市场监督管理局",
        "国家税务总局肇庆市税务局",
        "肇庆海关",
    }
    for step in steps:
        assert step.due_on == step.sent_on + datetime.timedelta(days=30)
        assert step.due_unit == "days" and step.due_in == 30
        assert not step_clock(case, step, step.due_on).overdue
        assert step_clock(case, step, step.due_on + datetime.timedelta(days=1)).overdue


def test_the_check_days_follow_the_rule_in_force(nominate: Any, officer: Any) -> None:
    old = Rule.objects.get(area="honours", code="check_days")
    old.effective_to = TODAY() - datetime.timedelta(days=1)
    old.save()
    Rule.objects.create(
        area="honours",
        code="check_days",
        jurisdiction="city",
        area_code="441200",
        value=20,
        unit="days",
        severity="block",
        effective_from=TODAY(),
        citation="肇庆市荣誉市民办法（试行）",
        active=True,
    )
    case = run(nominate(), "start_checks", officer)
    step = ExternalStep.objects.filter(case=case).first()
    assert step.due_on == step.sent_on + datetime.timedelta(days=20)


def test_the_review_waits_for_every_departments_answer(
    nominate: Any, officer: Any, head: Any
) -> None:
    case = run(nominate(), "start_checks", officer)
    first = ExternalStep.objects.filter(case=case).first()
    answer_steps(case, officer)
    first.refresh_from_db()
    ExternalStep.objects.filter(pk=first.pk).update(status=StepStatus.WAITING)
    before = snapshot(case)
    with pytest.raises(TransitionRefused) as refused:
        run(case, "pass_review", head, opinion="符合条件")
    assert "回复" in " ".join(refused.value.reasons)
    assert snapshot(case) == before
    ExternalStep.objects.filter(pk=first.pk).update(status=StepStatus.ANSWERED)
    assert run(case, "pass_review", head, opinion="符合条件").status == "reviewed"


def test_only_the_head_passes_the_initial_review(nominate: Any, officer: Any) -> None:
    case = run(nominate(), "start_checks", officer)
    answer_steps(case, officer)
    with pytest.raises(TransitionRefused) as refused:
        run(case, "pass_review", officer, opinion="符合条件")
    assert refused.value.forbidden


def reviewed(nominate: Any, officer: Any, head: Any, **changes: Any) -> Any:
    case = run(nominate(**changes), "start_checks", officer)
    answer_steps(case, officer)
    return run(case, "pass_review", head, opinion="符合条件")


def votes(members: int, yes: int, no: int = 0, abstain: int = 0) -> dict[str, str]:
    return {
        "members": str(members),
        "votes_for": str(yes),
        "votes_against": str(no),
        "abstentions": str(abstain),
    }


def test_the_committee_recommends_with_more_than_half_of_all_members(
    nominate: Any, officer: Any, head: Any
) -> None:
    case = reviewed(nominate, officer, head)
    before = snapshot(case)
    with pytest.raises(TransitionRefused):
        run(case, "record_vote", officer, **votes(14, 7, 5, 2))
    assert snapshot(case) == before
    case = run(case, "record_vote", officer, **votes(15, 8, 5, 2))
    assert case.status == "recommended"
    assert (case.nomination.votes_for, case.nomination.committee_members) == (8, 15)


def test_a_vote_without_majority_is_recorded_and_ends_the_nomination(
    nominate: Any, officer: Any, head: Any
) -> None:
    case = reviewed(nominate, officer, head)
    with pytest.raises(TransitionRefused):
        run(case, "record_vote_failed", officer, **votes(15, 8))
    case = run(case, "record_vote_failed", officer, **votes(14, 7, 7))
    assert case.status == "not_recommended" and not case.is_open


def test_votes_beyond_the_members_are_refused(nominate: Any, officer: Any, head: Any) -> None:
    case = reviewed(nominate, officer, head)
    with pytest.raises(TransitionRefused) as refused:
        run(case, "record_vote", officer, **votes(10, 9, 2))
    assert "不能超过" in " ".join(refused.value.reasons)


def recommended(nominate: Any, officer: Any, head: Any, **changes: Any) -> Any:
    case = reviewed(nominate, officer, head, **changes)
    return run(case, "record_vote", officer, **votes(15, 12, 2, 1))


def test_the_round_notice_puts_the_recommended_on_public_notice(
    nominate: Any, officer: Any, head: Any, round_: Any, portal: Any
) -> None:
    case = recommended(nominate, officer, head)
    with pytest.raises(ValidationError):
        do_publish_notice(actor=officer, round_=round_, notice_from=TODAY())
    round_ = do_close_call(actor=officer, round_=round_)
    round_ = do_publish_notice(actor=officer, round_=round_, notice_from=TODAY())
    assert round_.notice_to == TODAY() + datetime.timedelta(days=6)
    case.refresh_from_db()
    assert case.status == "notice"


def on_notice(nominate: Any, officer: Any, head: Any, round_: Any, **changes: Any) -> Any:
    case = recommended(nominate, officer, head, **changes)
    round_ = do_close_call(actor=officer, round_=round_)
    do_publish_notice(actor=officer, round_=round_, notice_from=TODAY())
    case.refresh_from_db()
    return case


def test_the_notice_closes_the_day_after_its_last_day(
    nominate: Any, officer: Any, head: Any, round_: Any, portal: Any
) -> None:
    case = on_notice(nominate, officer, head, round_)
    round_.refresh_from_db()
    round_.notice_to = TODAY()
    round_.save()
    before = snapshot(case)
    with pytest.raises(TransitionRefused):
        run(case, "close_notice", officer, objections="")
    assert snapshot(case) == before
    round_.notice_to = TODAY() - datetime.timedelta(days=1)
    round_.save()
    assert run(case, "close_notice", officer, objections="").status == "noticed"


def at_government(nominate: Any, officer: Any, head: Any, round_: Any, **changes: Any) -> Any:
    case = on_notice(nominate, officer, head, round_, **changes)
    round_.refresh_from_db()
    round_.notice_to = TODAY() - datetime.timedelta(days=1)
    round_.save()
    case = run(case, "close_notice", officer, objections="")
    return run(
        case, "record_meeting", officer, on=TODAY().isoformat(), number="市政府第12次常务会议"
    )


def test_the_motion_reaches_the_standing_committee_at_least_30_days_before_its_session(
    nominate: Any, officer: Any, head: Any, round_: Any, portal: Any
) -> None:
    case = at_government(nominate, officer, head, round_)
    today = TODAY()
    before = snapshot(case)
    with pytest.raises(TransitionRefused) as refused:
        run(
            case,
            "send_motion",
            head,
            motion_on=today.isoformat(),
            session_on=(today + datetime.timedelta(days=29)).isoformat(),
        )
    assert "30" in " ".join(refused.value.reasons)
    assert snapshot(case) == before
    session = today + datetime.timedelta(days=30)
    case = run(
        case, "send_motion", head, motion_on=today.isoformat(), session_on=session.isoformat()
    )
    assert case.status == "motion"
    step = ExternalStep.objects.get(case=case, body=StepBody.PEOPLES_CONGRESS)
    assert step.due_on == session and step.status == StepStatus.WAITING


def test_the_standing_committees_decision_makes_the_honorary_citizen(
    nominate: Any, officer: Any, head: Any, round_: Any, portal: Any
) -> None:
    case = at_government(nominate, officer, head, round_)
    today = TODAY()
    case = run(
        case,
        "send_motion",
        head,
        motion_on=today.isoformat(),
        session_on=(today + datetime.timedelta(days=40)).isoformat(),
    )
    case = run(case, "record_decision", officer, on=today.isoformat(), number="肇常〔2026〕9号")
    assert case.status == "conferred" and not case.is_open
    citizen = HonoraryCitizen.objects.get(nomination__case=case)
    assert citizen.status == "active" and citizen.decision_number == "肇常〔2026〕9号"
    assert citizen.publish_consent
    step = ExternalStep.objects.get(case=case, body=StepBody.PEOPLES_CONGRESS)
    assert step.status == StepStatus.ANSWERED and step.their_reference == "肇常〔2026〕9号"
    assert AuditEvent.objects.filter(action="honours.citizen.confer").exists()
    # The certificate: numbered by the kernel, signed per the rule, drawn after the commit.
    from waishi.cases.models import OfficialDocument
    from waishi.cases.testing import render_documents_now

    document = OfficialDocument.objects.get(case=case, kind="honours.cert")
    assert citizen.certificate_number == str(document.number)
    assert f"{today.year}" in citizen.certificate_number
    assert document.facts["signer"] == "肇庆市人民政府市长"
    assert document.facts["name"] == "陈海文" and document.language == "zh-hans"
    assert render_documents_now() == 1
    document.refresh_from_db()
    assert document.file.name.endswith(".pdf")
    # Revoking the title revokes the certificate.
    from waishi.honours.actions import do_change_status

    do_change_status(
        actor=officer,
        citizen=citizen,
        status="revoked",
        on=today,
        reason="受到刑事处罚",
        ground="criminal",
        decision="肇常〔2026〕30号",
    )
    document.refresh_from_db()
    assert document.revoked_at is not None


def test_a_rejection_by_the_standing_committee_makes_no_citizen(
    nominate: Any, officer: Any, head: Any, round_: Any, portal: Any
) -> None:
    case = at_government(nominate, officer, head, round_)
    today = TODAY()
    case = run(
        case,
        "send_motion",
        head,
        motion_on=today.isoformat(),
        session_on=(today + datetime.timedelta(days=40)).isoformat(),
    )
    case = run(case, "record_rejection", officer, on=today.isoformat(), number="肇常〔2026〕10号")
    assert case.status == "not_conferred"
    assert not HonoraryCitizen.objects.exists()


def test_a_second_nominee_does_not_block_the_first(
    nominate: Any, officer: Any, head: Any, round_: Any, portal: Any
) -> None:
    first = recommended(nominate, officer, head)
    second = nominate(person=nominee("王丽"))
    round_ = do_close_call(actor=officer, round_=round_)
    do_publish_notice(actor=officer, round_=round_, notice_from=TODAY())
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "notice" and second.status == "filed"


def test_the_notice_is_a_portal_page_in_three_languages_with_its_dates(
    client: Any, nominate: Any, officer: Any, head: Any, round_: Any, portal: Any
) -> None:
    from waishi.portal.models import NewsPage

    recommended(nominate, officer, head)
    round_ = do_close_call(actor=officer, round_=round_)
    day = TODAY()
    round_ = do_publish_notice(actor=officer, round_=round_, notice_from=day)
    source = NewsPage.objects.get(pk=round_.notice_page_id)
    assert source.live and source.category == "notice" and source.locale.language_code == "zh-hans"
    last = day + datetime.timedelta(days=6)
    zh = client.get(source.url).content.decode()
    assert "陈海文" in zh and f"{last.year}年{last.month}月{last.day}日" in zh
    assert "第五届肇庆市荣誉市民评选拟授予人选公示" in zh
    pages = {
        p.locale.language_code: p
        for p in NewsPage.objects.filter(translation_key=source.translation_key)
    }
    assert set(pages) == {"zh-hans", "zh-hant", "en"} and all(p.live for p in pages.values())
    hant = client.get(pages["zh-hant"].url).content.decode()
    assert "陳海文" in hant and "公示" in hant
    en = client.get(pages["en"].url).content.decode()
    assert "CHAN, Hoi Man" in en and last.strftime("%-d %B %Y") in en


def test_a_foreigners_nomination_goes_on_the_rounds_notice_too(
    nominate: Any, officer: Any, foreign_officer: Any, foreign_head: Any, round_: Any, portal: Any
) -> None:
    case = nominate(nominee_type="foreign", person=nominee("史密斯", nationalities="US"))
    case = run(case, "start_checks", foreign_officer)
    answer_steps(case, foreign_officer)
    case = run(case, "pass_review", foreign_head, opinion="符合条件")
    case = run(case, "record_vote", foreign_officer, **votes(15, 12))
    round_ = do_close_call(actor=officer, round_=round_)
    do_publish_notice(actor=officer, round_=round_, notice_from=TODAY())
    case.refresh_from_db()
    assert case.status == "notice"
