"""The register: number formats per kind, protection of numbers, loss and cancellation."""

import datetime
import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from waishi.audit.models import AuditEvent
from waishi.core import pii
from waishi.core.validators import DocumentKind
from waishi.passports import actions
from waishi.passports.constants import DocumentStatus, EndorsementKind, EndorsementValidity
from waishi.passports.models import HandOut, HolderFlag, LossReport, TravelDocument

from .conftest import PDF
from .factories import DocumentFactory, TravellerFactory, make_mission

pytestmark = pytest.mark.django_db


def register(officer: Any, holder: Any, kind: str, number: str) -> TravelDocument:
    return actions.do_register_document(
        actor=officer,
        kind=kind,
        number=number,
        holder=holder,
        issue_date=datetime.date(2024, 1, 10),
        expiry_date=datetime.date(2034, 1, 9),
        issuing_authority="广东省人民政府外事办公室",
    )


@pytest.mark.parametrize(
    ("kind", "number"),
    [
        (DocumentKind.SERVICE_PASSPORT, "SE1234567"),
        (DocumentKind.SERVICE_PASSPORT, "S12345678"),
        (DocumentKind.PUBLIC_AFFAIRS_PASSPORT, "PE1234567"),
        (DocumentKind.PUBLIC_AFFAIRS_PASSPORT, "P1234567"),
        (DocumentKind.DIPLOMATIC_PASSPORT, "DE1234567"),
        (DocumentKind.HK_MACAO_OFFICIAL_PASS, "GA1234567"),
    ],
)
def test_a_number_of_the_right_format_is_registered(
    officer: Any, agency: Any, kind: str, number: str
) -> None:
    document = register(officer, TravellerFactory(agency=agency), kind, number)
    assert document.status == DocumentStatus.IN_CUSTODY
    assert TravelDocument.objects.pii_exact(number=number).get() == document


@pytest.mark.parametrize(
    ("kind", "number"),
    [
        # A Passport for Public Affairs number entered as a Service Passport, and vice versa.
        (DocumentKind.SERVICE_PASSPORT, "PE1234567"),
        (DocumentKind.PUBLIC_AFFAIRS_PASSPORT, "SE1234567"),
        # An ordinary passport is never used for official travel.
        (DocumentKind.SERVICE_PASSPORT, "E12345678"),
        (DocumentKind.HK_MACAO_OFFICIAL_PASS, "12345678"),
    ],
)
def test_a_number_of_the_wrong_format_is_refused(
    officer: Any, agency: Any, kind: str, number: str
) -> None:
    with pytest.raises(ValidationError):
        register(officer, TravellerFactory(agency=agency), kind, number)
    assert not TravelDocument.objects.exists()
    assert not AuditEvent.objects.filter(action="passports.document.register").exists()


def test_the_english_names_of_the_kinds() -> None:
    from django.utils import translation

    with translation.override("en"):
        _assert_english_names()
    with translation.override("zh-hans"):
        assert str(DocumentKind.SERVICE_PASSPORT.label) == "公务护照"
        assert str(DocumentKind.PUBLIC_AFFAIRS_PASSPORT.label) == "公务普通护照"


def _assert_english_names() -> None:
    assert str(DocumentKind.SERVICE_PASSPORT.label) == "Service Passport"
    assert str(DocumentKind.PUBLIC_AFFAIRS_PASSPORT.label) == "Passport for Public Affairs"
    assert str(DocumentKind.DIPLOMATIC_PASSPORT.label) == "Diplomatic Passport"
    assert (
        str(DocumentKind.HK_MACAO_OFFICIAL_PASS.label)
        == "Official Pass to and from Hong Kong and Macao"
    )


def test_a_number_is_registered_once(officer: Any, agency: Any) -> None:
    register(officer, TravellerFactory(agency=agency), DocumentKind.SERVICE_PASSPORT, "SE7654321")
    with pytest.raises(ValidationError):
        register(
            officer, TravellerFactory(agency=agency), DocumentKind.SERVICE_PASSPORT, "se 7654321"
        )
    assert TravelDocument.objects.count() == 1


def test_the_number_is_encrypted_at_rest_and_masked_in_the_audit(officer: Any, agency: Any) -> None:
    document = register(
        officer, TravellerFactory(agency=agency), DocumentKind.SERVICE_PASSPORT, "SE2468024"
    )
    raw = TravelDocument.objects.filter(pk=document.pk).values_list("number", flat=True)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT number FROM passports_traveldocument WHERE id = %s", [document.pk])
        stored = cursor.fetchone()[0]
    assert "SE2468024" not in stored and list(raw) == ["SE2468024"]
    event = AuditEvent.objects.get(action="passports.document.register")
    assert "SE2468024" not in str(event.after) and "SE*****24" in str(event.after)
    assert pii.can_reveal(officer, document, "number")


def test_an_agency_person_may_not_register(liaison: Any, agency: Any) -> None:
    with pytest.raises(PermissionDenied):
        register(
            liaison, TravellerFactory(agency=agency), DocumentKind.SERVICE_PASSPORT, "SE1111111"
        )
    assert not TravelDocument.objects.exists()


def test_an_officer_of_another_division_may_not_register(other_officer: Any, agency: Any) -> None:
    with pytest.raises(PermissionDenied):
        register(
            other_officer,
            TravellerFactory(agency=agency),
            DocumentKind.SERVICE_PASSPORT,
            "SE1111111",
        )


def test_endorsements_only_on_passes(officer: Any, agency: Any) -> None:
    passport = DocumentFactory(holder=TravellerFactory(agency=agency))
    with pytest.raises(ValidationError):
        actions.do_add_endorsement(
            actor=officer,
            document=passport,
            kind=EndorsementKind.VISIT,
            validity=EndorsementValidity.THREE_MONTHS_SINGLE,
            valid_from=datetime.date(2026, 1, 1),
        )
    card = DocumentFactory(
        holder=TravellerFactory(agency=agency), kind=DocumentKind.HK_MACAO_OFFICIAL_PASS
    )
    endorsement = actions.do_add_endorsement(
        actor=officer,
        document=card,
        kind=EndorsementKind.VISIT,
        validity=EndorsementValidity.SIX_MONTHS_MULTIPLE,
        valid_from=datetime.date(2026, 1, 15),
    )
    assert endorsement.valid_until == datetime.date(2026, 7, 14)
    assert endorsement.entries_allowed is None


def report_loss(actor: Any, document: TravelDocument) -> LossReport:
    return actions.do_report_loss(
        actor=actor,
        document=document,
        lost_on=datetime.date.today(),
        place="法兰克福机场",
        circumstances="行李被盗",
        police_report=io.BytesIO(PDF),
        police_report_name="police.pdf",
    )


def test_a_loss_marks_the_document_flags_the_holder_and_the_division_cancels_it(
    liaison: Any, officer: Any, agency: Any
) -> None:
    document = DocumentFactory(holder=TravellerFactory(agency=agency))
    report = report_loss(liaison, document)
    document.refresh_from_db()
    assert document.status == DocumentStatus.LOST
    assert report.police_report_sha256 and report.police_report_name == "police.pdf"
    assert HolderFlag.objects.filter(holder=document.holder, loss_report=report).exists()
    actions.do_cancel_document(actor=officer, document=document, reason="遗失作废")
    document.refresh_from_db()
    assert document.status == DocumentStatus.CANCELLED
    actions_logged = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"passports.document.report_loss", "passports.document.cancel"} <= actions_logged


def test_a_loss_without_a_police_report_of_an_accepted_type_changes_nothing(
    liaison: Any, agency: Any
) -> None:
    document = DocumentFactory(holder=TravellerFactory(agency=agency))
    with pytest.raises(ValidationError):
        actions.do_report_loss(
            actor=liaison,
            document=document,
            lost_on=datetime.date.today(),
            place="x",
            circumstances="y",
            police_report=io.BytesIO(b"MZ\x90\x00"),
            police_report_name="police.exe",
        )
    document.refresh_from_db()
    assert document.status == DocumentStatus.IN_CUSTODY
    assert not LossReport.objects.exists() and not HolderFlag.objects.exists()


def test_a_loss_abroad_closes_the_hand_out_and_lifts_the_suspension(
    liaison: Any, officer: Any, agency: Any
) -> None:
    from waishi.core.workdays import add_workdays
    from waishi.passports.checks import agency_lock_reasons
    from waishi.passports.custody import sweep_custody

    person = TravellerFactory(agency=agency)
    document = DocumentFactory(holder=person)
    mission = make_mission(
        agency=agency,
        travellers=[person],
        departure=datetime.date.today() - datetime.timedelta(days=40),
        days=5,
    )
    out = actions.do_hand_out(actor=officer, document=document, mission=mission, handed_to="x")
    for offset in (0, 3, 6, 9):
        sweep_custody(today=add_workdays(out.due_date, offset))
    assert agency_lock_reasons(agency)
    report_loss(liaison, document)
    out = HandOut.objects.get(pk=out.pk)
    assert out.outcome == "lost" and out.closed_on is not None
    assert agency_lock_reasons(agency) == []


def test_a_cancelled_document_cannot_be_cancelled_again(officer: Any, agency: Any) -> None:
    document = DocumentFactory(holder=TravellerFactory(agency=agency))
    actions.do_cancel_document(actor=officer, document=document, reason="损坏")
    with pytest.raises(ValidationError):
        actions.do_cancel_document(actor=officer, document=document, reason="损坏")
    assert AuditEvent.objects.filter(action="passports.document.cancel").count() == 1
