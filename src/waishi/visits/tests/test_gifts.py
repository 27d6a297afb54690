"""Gifts received: the month to declare (from the return to China), reminders, the
discipline inspector told when it runs out, what may be kept and what never."""

import datetime
from decimal import Decimal
from typing import Any

import pytest

from waishi.cases.actions import do_transition
from waishi.cases.clocks import sweep_clocks
from waishi.cases.models import Clock
from waishi.cases.notify import register_listener, unregister_listener
from waishi.cases.refusals import TransitionRefused
from waishi.core.workdays import add_months
from waishi.registers.tests.factories import PersonFactory
from waishi.visits import actions
from waishi.visits.constants import DECLARATION_CLOCK

pytestmark = pytest.mark.django_db

RECEIVED = datetime.date(2026, 6, 3)
RETURNED = datetime.date(2026, 6, 10)


@pytest.fixture
def record(liaison: Any, division: Any) -> Any:
    def make(
        value: str = "200", kind: str = "goods", returned: datetime.date | None = RETURNED
    ) -> Any:
        person = PersonFactory(agency=liaison.agency)
        return actions.do_file_gift(
            actor=liaison,
            agency=liaison.agency,
            recipient=person,
            data={
                "item": "银质纪念盘",
                "kind": kind,
                "value": Decimal(value),
                "giver": "汉堡市政府",
                "giver_country": "DE",
                "received_on": RECEIVED,
                "returned_on": returned,
                "mission_reference": "CG-2026-00003",
            },
        )

    return make


def on_day(monkeypatch: Any, day: datetime.date) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: day)


def test_a_200_rmb_gift_is_due_one_month_after_the_return(record: Any) -> None:
    case = record("200")
    clock = Clock.objects.get(case=case, code=DECLARATION_CLOCK)
    assert clock.due_date == add_months(RETURNED, 1) == datetime.date(2026, 7, 10)
    assert clock.owner == "agency"
    case.refresh_from_db()
    assert case.due_date == clock.due_date


def test_a_199_rmb_gift_runs_no_clock_and_is_kept(record: Any, liaison: Any) -> None:
    case = record("199.99")
    assert not Clock.objects.filter(case=case, code=DECLARATION_CLOCK).exists()
    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="declare", actor=liaison)
    assert do_transition(case=case, transition="keep", actor=liaison).status == "kept"


def test_a_200_rmb_gift_cannot_be_kept(record: Any, liaison: Any) -> None:
    case = record("200")
    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="keep", actor=liaison)


def test_cash_is_never_kept_whatever_its_value(record: Any, liaison: Any) -> None:
    case = record("50", kind="cash")
    assert Clock.objects.filter(case=case, code=DECLARATION_CLOCK).exists()
    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="keep", actor=liaison)


def test_declared_on_day_30_after_return_is_on_time(
    record: Any, liaison: Any, monkeypatch: Any
) -> None:
    case = record("200")
    on_day(monkeypatch, RETURNED + datetime.timedelta(days=30))
    case = do_transition(case=case, transition="declare", actor=liaison)
    gift = case.received_gift
    gift.refresh_from_db()
    assert case.status == "declared"
    assert gift.declared_on == datetime.date(2026, 7, 10)
    assert not gift.declared_late
    assert Clock.objects.get(case=case, code=DECLARATION_CLOCK).state == "met"


def test_declared_on_day_31_after_return_is_late(
    record: Any, liaison: Any, monkeypatch: Any
) -> None:
    case = record("200")
    on_day(monkeypatch, RETURNED + datetime.timedelta(days=31))
    case = do_transition(case=case, transition="declare", actor=liaison)
    gift = case.received_gift
    gift.refresh_from_db()
    assert gift.declared_late


def test_the_inspector_is_told_on_day_31_not_on_day_30(
    record: Any, inspector: Any, django_capture_on_commit_callbacks: Any
) -> None:
    record("200")
    heard: list[Any] = []
    listener = register_listener(heard.append)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            sweep_clocks(today=RETURNED + datetime.timedelta(days=30))
        assert not [e for e in heard if e.kind == "flag"]
        assert [e.kind for e in heard] == ["reminder"]
        with django_capture_on_commit_callbacks(execute=True):
            sweep_clocks(today=RETURNED + datetime.timedelta(days=31))
    finally:
        unregister_listener(listener)
    flags = [e for e in heard if e.kind == "flag"]
    assert len(flags) == 1
    assert inspector.pk in flags[0].recipients


def test_the_keeping_body_registers_and_disposes(record: Any, liaison: Any, officer: Any) -> None:
    case = record("800", returned=None)
    case = do_transition(case=case, transition="declare", actor=liaison)
    case = do_transition(
        case=case,
        transition="register_hand_in",
        actor=officer,
        inputs={"keeping_body": "市外事侨务局"},
    )
    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="to_treasury", actor=officer)
    case = do_transition(
        case=case, transition="dispose", actor=officer, inputs={"disposal": "交市博物馆陈列"}
    )
    gift = case.received_gift
    gift.refresh_from_db()
    assert (case.status, gift.keeping_body, gift.disposal) == (
        "disposed",
        "市外事侨务局",
        "交市博物馆陈列",
    )


def test_an_agency_records_gifts_of_its_own_people_only(
    liaison: Any, other_agency: Any, division: Any
) -> None:
    from django.core.exceptions import ValidationError

    stranger = PersonFactory(agency=other_agency)
    with pytest.raises(ValidationError):
        actions.do_file_gift(
            actor=liaison,
            agency=liaison.agency,
            recipient=stranger,
            data={
                "item": "表",
                "kind": "goods",
                "value": Decimal(500),
                "giver": "某使馆",
                "received_on": RECEIVED,
            },
        )


def test_the_declaration_form_is_a_pdf_for_the_agency_and_not_for_another(
    record: Any, liaison: Any, other_liaison: Any, client: Any
) -> None:
    from django.urls import reverse

    case = record("300")
    url = reverse("visits:declaration", args=[case.reference])
    client.force_login(liaison)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    client.force_login(other_liaison)
    assert client.get(url).status_code == 404
