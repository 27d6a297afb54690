"""Barring a holder from official travel: who may, what reviewers and agencies see, lifting."""

import datetime
import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from waishi.accounts.constants import Role
from waishi.audit.models import AuditEvent
from waishi.notifications.models import Notification
from waishi.passports import actions, bar_actions
from waishi.passports.checks import check_mission_documents
from waishi.passports.models import HandOut, TravelBar

from .conftest import PDF
from .factories import DocumentFactory, TravellerFactory, make_mission

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def person(agency: Any) -> Any:
    person = TravellerFactory(agency=agency, name="梁失照")
    DocumentFactory(holder=person)
    return person


@pytest.fixture
def mission(agency: Any, person: Any) -> Any:
    return make_mission(
        agency=agency,
        travellers=[person],
        departure=TODAY + datetime.timedelta(days=20),
        days=5,
        status="leader_approval",
    )


def bar(officer: Any, person: Any, **kwargs: Any) -> TravelBar:
    return bar_actions.do_bar_holder(
        actor=officer, holder=person, reason=kwargs.pop("reason", "遗失公务护照"), **kwargs
    )


def blocks(mission: Any) -> list[str]:
    return [f.message for f in check_mission_documents(mission) if f.is_block]


def test_a_barred_member_is_a_block_on_the_mission_until_the_bar_ends(
    officer: Any, person: Any, mission: Any, agency: Any
) -> None:
    assert blocks(mission) == []
    bar(officer, person, until=mission.departure_date)
    [message] = blocks(mission)
    assert "梁失照" in message and "遗失公务护照" in message
    # A bar ending the day before departure does not stop the trip.
    TravelBar.objects.update(until=mission.departure_date - datetime.timedelta(days=1))
    assert blocks(mission) == []
    assert AuditEvent.objects.filter(action="passports.travel_bar.impose").count() == 1


def test_lifting_the_bar_clears_the_block_and_is_audited(
    officer: Any, person: Any, mission: Any
) -> None:
    imposed = bar(officer, person)
    assert blocks(mission)
    bar_actions.do_lift_bar(actor=officer, bar=imposed, reason="已补办并经批准")
    assert blocks(mission) == []
    event = AuditEvent.objects.get(action="passports.travel_bar.lift")
    assert event.reason == "已补办并经批准"
    with pytest.raises(ValidationError):
        bar_actions.do_lift_bar(actor=officer, bar=imposed, reason="again")


def test_the_agency_is_told_when_its_person_is_barred_and_when_the_bar_is_lifted(
    officer: Any, person: Any, liaison: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        imposed = bar(officer, person)
    with django_capture_on_commit_callbacks(execute=True):
        bar_actions.do_lift_bar(actor=officer, bar=imposed, reason="解除")
    notes = Notification.objects.filter(recipient=liaison, kind="passports.travel_bar")
    assert notes.count() == 2


@pytest.mark.parametrize(
    ("kwargs", "why"),
    [
        ({"reason": "  "}, "no reason"),
        ({"until": TODAY - datetime.timedelta(days=1)}, "ends in the past"),
    ],
)
def test_a_bar_without_a_reason_or_ending_in_the_past_changes_nothing(
    officer: Any, person: Any, kwargs: dict[str, Any], why: str
) -> None:
    with pytest.raises(ValidationError):
        bar(officer, person, **kwargs)
    assert not TravelBar.objects.exists(), why
    assert not AuditEvent.objects.filter(action="passports.travel_bar.impose").exists()


def test_a_holder_is_not_barred_twice(officer: Any, person: Any) -> None:
    bar(officer, person)
    with pytest.raises(ValidationError):
        bar(officer, person, reason="再次")
    assert TravelBar.objects.count() == 1


def test_the_loss_report_must_be_about_the_holder(officer: Any, person: Any, agency: Any) -> None:
    other = DocumentFactory(holder=TravellerFactory(agency=agency))
    report = actions.do_report_loss(
        actor=officer,
        document=other,
        lost_on=TODAY,
        place="机场",
        circumstances="遗失",
        police_report=io.BytesIO(PDF),
        police_report_name="report.pdf",
    )
    with pytest.raises(ValidationError):
        bar(officer, person, loss_report=report)
    assert not TravelBar.objects.exists()


@pytest.mark.parametrize("who", ["liaison", "other_officer"])
def test_only_the_passport_division_bars_and_lifts(
    request: Any, officer: Any, person: Any, who: str
) -> None:
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        bar(actor, person)
    assert not TravelBar.objects.exists()
    imposed = bar(officer, person)
    with pytest.raises(PermissionDenied):
        bar_actions.do_lift_bar(actor=actor, bar=imposed, reason="x")
    imposed.refresh_from_db()
    assert imposed.lifted_at is None
    assert not AuditEvent.objects.filter(action="passports.travel_bar.lift").exists()


def test_a_barred_holder_s_document_stays_in_custody(
    officer: Any, person: Any, agency: Any
) -> None:
    trip = make_mission(
        agency=agency, travellers=[person], departure=TODAY + datetime.timedelta(days=3), days=4
    )
    bar(officer, person)
    with pytest.raises(ValidationError):
        actions.do_hand_out(
            actor=officer, document=person.travel_documents.get(), mission=trip, handed_to="梁"
        )
    assert not HandOut.objects.exists()


# Screens ---------------------------------------------------------------------------------


def test_the_division_bars_and_lifts_on_the_holder_page(
    client: Any, officer: Any, person: Any
) -> None:
    client.force_login(officer)
    page = client.get(reverse("passports:holder", args=[person.pk]))
    assert 'data-testid="bar-form"' in page.content.decode()
    until = (TODAY + datetime.timedelta(days=180)).isoformat()
    response = client.post(
        reverse("passports:holder_bar", args=[person.pk]),
        {"reason": "遗失公务护照，限制一年", "until": until},
    )
    assert response.status_code == 302
    imposed = TravelBar.objects.get(holder=person)
    page = client.get(reverse("passports:holder", args=[person.pk])).content.decode()
    assert 'data-testid="bar-in-force"' in page and until in page
    assert "梁失照" in client.get(reverse("passports:bars")).content.decode()
    client.post(reverse("passports:bar_lift", args=[imposed.pk]), {"reason": "经批准解除"})
    imposed.refresh_from_db()
    assert imposed.lifted_at is not None and imposed.lift_reason == "经批准解除"


def test_a_bar_without_a_reason_is_refused_on_the_page(
    client: Any, officer: Any, person: Any
) -> None:
    client.force_login(officer)
    response = client.post(reverse("passports:holder_bar", args=[person.pk]), {"reason": ""})
    assert response.status_code == 200 and not TravelBar.objects.exists()


def test_the_agency_sees_the_bar_but_may_not_bar(
    client: Any, officer: Any, liaison: Any, person: Any
) -> None:
    client.force_login(liaison)
    response = client.post(
        reverse("passports:holder_bar", args=[person.pk]), {"reason": "自行限制"}
    )
    assert response.status_code == 403 and not TravelBar.objects.exists()
    imposed = bar(officer, person)
    assert (
        client.post(reverse("passports:bar_lift", args=[imposed.pk]), {"reason": "x"}).status_code
        == 403
    )
    page = client.get(reverse("passports:holder", args=[person.pk])).content.decode()
    assert 'data-testid="bar-in-force"' in page and 'data-testid="bar-form"' not in page
    assert 'data-testid="lift-bar"' not in page
    workspace = client.get(reverse("passports:workspace")).content.decode()
    assert 'data-testid="agency-bars"' in workspace and "梁失照" in workspace


def test_another_agency_does_not_see_the_holder(
    client: Any, other_liaison: Any, person: Any
) -> None:
    client.force_login(other_liaison)
    assert client.get(reverse("passports:holder", args=[person.pk])).status_code == 404


def test_the_mission_review_shows_the_bar(
    client: Any, make_user: Any, officer: Any, person: Any, mission: Any
) -> None:
    bar(officer, person)
    client.force_login(make_user(Role.BUREAU_LEADER))
    page = client.get(mission.case.get_absolute_url()).content.decode()
    assert "遗失公务护照" in page and "梁失照" in page
