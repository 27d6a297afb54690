"""The interpreter bookings, the test suite's own case type: filing, its page, its workflow."""

import datetime
from typing import Any

import pytest
from django.utils import timezone

from waishi.audit.models import AuditEvent
from waishi.cases.models import Case
from waishi.cases.refusals import Refused
from waishi.cases.testing import allowed, force_status, walk_transitions

from .actions import do_file_booking
from .forms import BookingForm
from .models import CASE_TYPE, Booking

pytestmark = pytest.mark.django_db


def _form(**changes: Any) -> BookingForm:
    day = timezone.localdate() + datetime.timedelta(days=7)
    data = {"title": "外宾来访翻译", "language": "Deutsch", "day": day.isoformat(), "hours": "3"}
    return BookingForm(data={**data, **changes})


def test_a_liaison_files_a_booking_owned_by_the_division(liaison: Any, division: Any) -> None:
    form = _form()
    assert form.is_valid(), form.errors
    case = do_file_booking(actor=liaison, data=form.cleaned_data)
    assert (case.case_type, case.status, case.division) == (CASE_TYPE, "draft", division)
    assert case.booking.hours == 3
    assert AuditEvent.objects.filter(action="cases.case.create").count() == 1


def test_too_many_hours_are_refused_by_the_form() -> None:
    assert "hours" in _form(hours="9").errors


def test_an_officer_may_not_file_and_nothing_is_written(officer: Any) -> None:
    form = _form()
    assert form.is_valid()
    with pytest.raises(Refused):
        do_file_booking(actor=officer, data=form.cleaned_data)
    assert not Case.objects.exists() and not Booking.objects.exists()


def test_the_case_page_shows_the_booking_panel(client: Any, liaison: Any, division: Any) -> None:
    form = _form()
    assert form.is_valid()
    case = do_file_booking(actor=liaison, data=form.cleaned_data)
    client.force_login(liaison)
    page = client.get(case.get_absolute_url()).content.decode()
    assert 'data-testid="booking-detail"' in page and "Deutsch" in page


@pytest.mark.parametrize("past", [False, True])
def test_every_transition_as_every_role(
    liaison: Any, division: Any, case_roles: dict[str, Any], past: bool
) -> None:
    days = -1 if past else 7
    form = _form(day=(timezone.localdate() + datetime.timedelta(days=days)).isoformat())
    assert form.is_valid()

    def make_case(state: str) -> Case:
        return force_status(do_file_booking(actor=liaison, data=form.cleaned_data), state)

    outcomes = walk_transitions(CASE_TYPE, make_case, case_roles)
    expected = {
        ("submit", "draft", "liaison"),
        ("submit", "draft", "signatory"),
        ("accept", "submitted", "officer"),
        ("accept", "submitted", "head"),
        ("return_to_agency", "submitted", "officer"),
        ("return_to_agency", "submitted", "head"),
        ("return_to_agency", "in_review", "officer"),
        ("return_to_agency", "in_review", "head"),
        ("decline", "in_review", "head"),
    }
    # A day that has passed cannot be booked: the guard refuses, and nothing is written.
    assert allowed(outcomes) == expected | (set() if past else {("book", "in_review", "head")})
    assert AuditEvent.objects.filter(action="toyapp.booking.submit").count() == 0  # rolled back
