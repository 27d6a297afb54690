"""Visas per member and country, the dispatch log, and the visa note as PDF."""

import datetime
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from waishi.accounts.models import Bureau
from waishi.audit.models import AuditEvent
from waishi.passports import visa_actions
from waishi.passports.constants import DocumentStatus, VisaStatus
from waishi.passports.models import DispatchEntry, VisaApplication, VisaNoteTemplate

from .factories import DocumentFactory, TravellerFactory, make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def mission(agency: Any) -> Any:
    people = [
        TravellerFactory(agency=agency, name="黄志明", passport_name="HUANG, ZHIMING"),
        TravellerFactory(agency=agency, name="曾丽", passport_name="ZENG, LI"),
    ]
    for person in people:
        DocumentFactory(holder=person)
    Bureau.objects.update(
        name_zh_hans="肇庆市外事侨务局",
        name_en="Zhaoqing Foreign Affairs and Overseas Chinese Affairs Bureau",
    )
    return make_mission(
        agency=agency,
        travellers=people,
        departure=datetime.date(2026, 12, 20),
        days=8,
        countries=["DE", "SG", "HK"],
    )


def test_applications_open_per_member_for_countries_needing_a_visa(
    officer: Any, mission: Any
) -> None:
    created = visa_actions.do_open_visa_applications(actor=officer, mission=mission)
    # Singapore exempts official passports; Hong Kong is entered on the pass.
    assert sorted((a.holder.name, a.country) for a in created) == [("曾丽", "DE"), ("黄志明", "DE")]
    assert all(a.document is not None for a in created)
    assert visa_actions.do_open_visa_applications(actor=officer, mission=mission) == []


def test_an_application_moves_step_by_step_and_logs_each_dispatch(
    officer: Any, mission: Any
) -> None:
    application = visa_actions.do_open_visa_applications(actor=officer, mission=mission)[0]
    today = datetime.date.today()
    with pytest.raises(ValidationError):
        visa_actions.do_move_visa(
            actor=officer, application=application, status=VisaStatus.GRANTED, on_date=today
        )
    for status in (VisaStatus.SENT, VisaStatus.AT_EMBASSY, VisaStatus.GRANTED):
        application = visa_actions.do_move_visa(
            actor=officer, application=application, status=status, on_date=today
        )
        if status == VisaStatus.SENT:
            application.document.refresh_from_db()
            assert application.document.status == DocumentStatus.AT_VISA
    application = visa_actions.do_move_visa(
        actor=officer, application=application, status=VisaStatus.PASSPORT_BACK, on_date=today
    )
    application.document.refresh_from_db()
    assert application.document.status == DocumentStatus.IN_CUSTODY
    assert application.sent_on == application.passport_back_on == today
    assert DispatchEntry.objects.filter(application=application).count() == 4
    assert AuditEvent.objects.filter(action="passports.visa.move").count() == 4


def test_an_agency_person_may_not_move_a_visa(liaison: Any, officer: Any, mission: Any) -> None:
    application = visa_actions.do_open_visa_applications(actor=officer, mission=mission)[0]
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        visa_actions.do_move_visa(
            actor=liaison,
            application=application,
            status=VisaStatus.SENT,
            on_date=datetime.date.today(),
        )
    assert VisaApplication.objects.get(pk=application.pk).status == VisaStatus.COLLECTING
    assert not DispatchEntry.objects.exists()


def test_a_template_with_a_broken_placeholder_is_refused(officer: Any) -> None:
    with pytest.raises(ValidationError):
        visa_actions.do_save_note_template(
            actor=officer, template=None, name="x", body_zh="{% if %}", body_en="ok"
        )


def test_the_visa_note_pdf_has_chinese_and_english_text_and_embedded_fonts(
    officer: Any, mission: Any, tmp_path: Path, screenshot_dir: str
) -> None:
    template = VisaNoteTemplate.objects.get(is_default=True)
    note, pdf = visa_actions.do_generate_visa_note(
        actor=officer,
        mission=mission,
        country="DE",
        template=template,
        purpose_en="talks on vocational education",
    )
    path = tmp_path / "note.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    compact = "".join(text.split())
    assert "照会" in compact and note.number in compact
    assert "德意志联邦共和国驻广州总领事馆" in compact
    assert "肇庆市外事侨务局向德意志联邦共和国驻广州总领事馆致意" in compact
    assert "黄志明" in compact and "曾丽" in compact
    assert "presents its compliments to the Consulate General of the Federal Republic" in " ".join(
        text.split()
    )
    assert "talks on vocational education" in " ".join(text.split())
    assert "HUANG, ZHIMING" in text
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    lines = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert lines and all(" yes " in f" {line} " for line in lines), fonts
    assert any("Noto-Serif-CJK" in line for line in lines), fonts
    # A page as an image for a person to look at.
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "2",
            str(path),
            str(Path(screenshot_dir) / "visa-note"),
        ],
        check=True,
    )
    event = AuditEvent.objects.get(action="passports.visa_note.generate")
    assert event.reason
