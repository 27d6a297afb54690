"""Directives to the county offices: the replies each county owes, the reminders, who sees what."""

import datetime
from collections.abc import Callable
from io import BytesIO
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_transition
from waishi.cases.clocks import sweep_clocks
from waishi.cases.constants import ClockOwner, ClockState
from waishi.cases.models import Case, Clock
from waishi.cases.querysets import visible_to
from waishi.cases.refusals import TransitionRefused
from waishi.directives.actions import do_open_directive, do_remind_late, do_reply, late_replies
from waishi.directives.constants import REPLY_CLOCK, REPLY_TYPE, DirectiveKind
from waishi.directives.models import CountyReply, Directive
from waishi.notifications.models import Notification

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 7)


def replies_of(case: Any) -> list[CountyReply]:
    return list(
        CountyReply.objects.filter(directive__case=case)
        .select_related("case", "county")
        .order_by("county__sort_order")
    )


def test_issuing_opens_one_reply_per_county_with_a_clock_owed_by_the_county(
    issued_directive: Callable[..., Any], counties: list[Any]
) -> None:
    due = timezone.localdate() + datetime.timedelta(days=14)
    case = issued_directive(due=due)
    assert case.status == "issued"
    replies = replies_of(case)
    assert [r.county for r in replies] == counties
    for reply in replies:
        assert reply.case.case_type == REPLY_TYPE
        assert reply.case.agency_id == reply.county_id
        assert reply.case.status == "awaiting"
        clock = Clock.objects.get(case=reply.case, code=REPLY_CLOCK)
        assert (clock.due_date, clock.owner, clock.state) == (due, ClockOwner.AGENCY, "running")
        assert reply.case.due_date == due
    assert Directive.objects.get(case=case).issued_on == timezone.localdate()


def test_ten_counties_reply_or_are_reminded_when_late(
    issued_directive: Callable[..., Any],
    county_officers: list[Any],
    officer: Any,
    set_today: Callable[[datetime.date], None],
) -> None:
    due = timezone.localdate() + datetime.timedelta(days=14)
    case = issued_directive(due=due)
    replies = replies_of(case)
    # Seven counties reply on time, three do not.
    for reply, county_officer in list(zip(replies, county_officers, strict=True))[:7]:
        do_reply(actor=county_officer, case=reply.case, text=f"{reply.county} 上半年总结")
    directive = Directive.objects.get(case=case)
    # On the due day nobody is late yet: there is nothing to remind.
    set_today(due)
    assert late_replies(directive) == []
    with pytest.raises(TransitionRefused):
        do_remind_late(actor=officer, case=case)
    # The day after, the three that did not reply are late, and only they are reminded.
    set_today(due + datetime.timedelta(days=1))
    late = do_remind_late(actor=officer, case=case)
    late_counties = [r.county_id for r in late]
    assert late_counties == [r.county_id for r in replies[7:]]
    reminded = set(
        Notification.objects.filter(kind="directives.reminder").values_list(
            "recipient__agency_id", flat=True
        )
    )
    assert reminded == set(late_counties)
    assert (
        list(
            CountyReply.objects.filter(directive=directive)
            .order_by("county__sort_order")
            .values_list("reminders", flat=True)
        )
        == [0] * 7 + [1] * 3
    )
    assert AuditEvent.objects.filter(action="directives.directive.remind").count() == 1
    # The seven replies are in; their clocks are met and the cases wait for the bureau.
    for reply in replies_of(case)[:7]:
        assert reply.case.status == "replied"
        assert reply.text.endswith("上半年总结")
        assert Clock.objects.get(case=reply.case, code=REPLY_CLOCK).state == ClockState.MET
    # A late county still replies, and is then no longer late.
    do_reply(actor=county_officers[8], case=replies[8].case, text="迟交的总结")
    assert [r.county_id for r in late_replies(directive)] == [
        replies[7].county_id,
        replies[9].county_id,
    ]


def test_the_kernel_sweep_reminds_the_county_officers_of_a_late_reply(
    issued_directive: Callable[..., Any], county_officers: list[Any]
) -> None:
    due = timezone.localdate() + datetime.timedelta(days=14)
    issued_directive(due=due)
    result = sweep_clocks(today=due + datetime.timedelta(days=1))
    assert result.escalated == 10
    told = set(
        Notification.objects.filter(recipient__in=county_officers).values_list(
            "recipient_id", flat=True
        )
    )
    assert told == {u.pk for u in county_officers}


def test_a_county_officer_sees_and_answers_only_their_own_reply(
    issued_directive: Callable[..., Any], county_officers: list[Any]
) -> None:
    case = issued_directive()
    replies = replies_of(case)
    mine, other = county_officers[0], replies[1]
    seen = set(visible_to(mine).values_list("pk", flat=True))
    assert seen == {replies[0].case_id}
    assert case.pk not in seen
    client = Client()
    client.force_login(mine)
    page = client.get("/workspace/directives/").content.decode()
    assert replies[0].case.reference in page
    assert other.case.reference not in page
    assert client.get(other.case.get_absolute_url()).status_code == 404
    assert client.get(f"/workspace/directives/{other.case.reference}/reply/").status_code == 404
    assert client.get(case.get_absolute_url()).status_code == 404
    with pytest.raises(TransitionRefused):
        do_reply(actor=mine, case=other.case, text="不是我的")
    other.refresh_from_db()
    assert other.text == "" and other.case.status == "awaiting"


def test_a_county_replies_with_a_file_from_the_workspace(
    issued_directive: Callable[..., Any], county_officers: list[Any]
) -> None:
    case = issued_directive()
    reply = replies_of(case)[0]
    client = Client()
    client.force_login(county_officers[0])
    url = f"/workspace/directives/{reply.case.reference}/reply/"
    form = client.get(url)
    assert form.status_code == 200
    upload = BytesIO(b"%PDF-1.4\n% summary\n")
    upload.name = "summary.pdf"
    response = client.post(
        url,
        {
            "text": "端州区上半年外事工作总结",
            "file": upload,
            "version": reply.case.version,
            "idempotency_key": "k1",
        },
    )
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.case.status == "replied"
    assert reply.case.attachments.count() == 1
    # The same form sent again files nothing more.
    again = client.post(url, {"text": "再次", "version": 1, "idempotency_key": "k1"})
    assert again.status_code == 302
    assert reply.case.attachments.count() == 1


def test_an_empty_reply_is_refused_and_writes_nothing(
    issued_directive: Callable[..., Any], county_officers: list[Any]
) -> None:
    case = issued_directive()
    reply = replies_of(case)[0]
    before = AuditEvent.objects.count()
    with pytest.raises(TransitionRefused):
        do_reply(actor=county_officers[0], case=reply.case, text="   ")
    reply.refresh_from_db()
    assert reply.case.status == "awaiting" and reply.replied_at is None
    assert AuditEvent.objects.count() == before


def test_a_returned_reply_is_owed_again(
    issued_directive: Callable[..., Any], county_officers: list[Any], officer: Any
) -> None:
    case = issued_directive()
    reply = replies_of(case)[0]
    do_reply(actor=county_officers[0], case=reply.case, text="初稿")
    returned = do_transition(
        case=reply.case,
        transition="return_for_revision",
        actor=officer,
        inputs={"reason": "请补充数据"},
    )
    assert returned.status == "returned"
    assert Clock.objects.get(case=reply.case, code=REPLY_CLOCK).state == ClockState.RUNNING
    do_reply(actor=county_officers[0], case=returned, text="修改稿")
    accepted = do_transition(case=returned, transition="accept", actor=officer)
    assert accepted.status == "accepted" and not accepted.is_open


def test_directives_go_to_county_offices_only_and_bad_input_writes_nothing(
    officer: Any, agency: Any, counties: list[Any]
) -> None:
    before = Case.objects.count()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    cases = [
        {"counties": [agency]},
        {"counties": []},
        {"reply_due": timezone.localdate()},
        {"body": "  "},
    ]
    for change in cases:
        arguments: dict[str, Any] = {
            "actor": officer,
            "title": "通知",
            "kind": DirectiveKind.NOTICE,
            "body": "内容",
            "reply_due": tomorrow,
            "counties": counties[:2],
            **change,
        }
        with pytest.raises(ValidationError):
            do_open_directive(**arguments)
    assert Case.objects.count() == before


def test_only_the_division_head_issues_and_no_one_else_reminds(
    open_directive: Callable[..., Any],
    issued_directive: Callable[..., Any],
    officer: Any,
    case_roles: dict[str, Any],
) -> None:
    draft = open_directive()
    with pytest.raises(TransitionRefused):
        do_transition(case=draft, transition="issue", actor=officer)
    assert Case.objects.filter(case_type=REPLY_TYPE).count() == 0
    case = issued_directive()
    for role in ("other_officer", "other_head", "leader", "inspector", "liaison"):
        with pytest.raises(TransitionRefused) as refused:
            do_remind_late(actor=case_roles[role], case=case)
        assert refused.value.forbidden, role
