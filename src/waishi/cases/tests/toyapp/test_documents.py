"""Official documents as an area issues them: numbers, versions, the PDF, revocation, and what
the portal's verification tells a stranger holding the paper."""

import datetime
import subprocess
from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from waishi.audit.models import AuditEvent
from waishi.cases.constants import DocumentState, EntryKind
from waishi.cases.documents import (
    find_by_code,
    issue_document,
    public_answer,
    revoke_document,
    verification_url,
)
from waishi.cases.models import OfficialDocument, TimelineEntry
from waishi.cases.testing import render_documents_now

from .actions import do_file_booking
from .forms import BookingForm

pytestmark = pytest.mark.django_db
KIND = "toyapp.confirmation"


@pytest.fixture
def booking(liaison: Any, division: Any) -> Any:
    day = timezone.localdate() + datetime.timedelta(days=7)
    form = BookingForm(
        data={"title": "外宾来访翻译", "language": "Deutsch", "day": day.isoformat(), "hours": "3"}
    )
    assert form.is_valid(), form.errors
    return do_file_booking(actor=liaison, data=form.cleaned_data)


def _issue(case: Any, actor: Any, **kwargs: Any) -> OfficialDocument:
    facts = {
        "name": "肇庆市教育局",
        "language": "Deutsch",
        "day": "2026-12-14",
        "contact": "张三 13800000000",
    }
    with transaction.atomic():
        return issue_document(case=case, kind=KIND, actor=actor, facts=facts, **kwargs)


def test_numbers_are_gapless_per_kind_and_year_and_a_reissue_is_a_new_version(
    booking: Any, head: Any, liaison: Any, division: Any
) -> None:
    first = _issue(booking, head)
    other = do_file_booking(
        actor=liaison,
        data={"title": "第二次", "language": "English", "day": booking.booking.day, "hours": 2},
    )
    second = _issue(other, head)
    again = _issue(booking, head)
    year = timezone.localdate().year
    assert (first.year, first.sequence, first.version) == (year, 1, 1)
    assert (second.sequence, second.version) == (2, 1)
    assert (again.sequence, again.version) == (1, 2)
    first.refresh_from_db()
    assert first.state == DocumentState.SUPERSEDED and again.state == DocumentState.VALID
    with translation.override("zh-hans"):
        assert again.number == f"翻译〔{year}〕1号"
    with translation.override("en"):
        assert again.number == f"Interpreting [{year}] No. 1"
    assert first.code != again.code and len(again.code) == 12


def test_issuing_records_a_public_timeline_entry_and_an_audit_event(
    booking: Any, head: Any
) -> None:
    document = _issue(booking, head, note="首次签发")
    entry = TimelineEntry.objects.filter(case=booking, kind=EntryKind.DOCUMENT).get()
    assert entry.is_public and str(document.sequence) in entry.text
    event = AuditEvent.objects.get(action="cases.document.issue")
    assert event.after["version"] == 1 and event.after["note"] == "首次签发"


def test_an_unknown_kind_is_refused(booking: Any, head: Any) -> None:
    with pytest.raises(ValueError), transaction.atomic():
        issue_document(case=booking, kind="toyapp.unknown", actor=head, facts={})
    assert not OfficialDocument.objects.exists()


def test_a_rolled_back_issue_leaves_no_number_taken(booking: Any, head: Any) -> None:
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        issue_document(case=booking, kind=KIND, actor=head, facts={"name": "x"})
        1 / 0  # noqa: B018 - the change fails after issuing
    assert _issue(booking, head).sequence == 1


def test_the_pdf_prints_the_number_facts_and_verification_address(booking: Any, head: Any) -> None:
    document = _issue(booking, head)
    assert render_documents_now() == 1  # the worker's work, done here
    document.refresh_from_db()
    assert document.is_rendered and len(document.sha256) == 64
    with document.file.open("rb") as handle:
        pdf = handle.read()
    assert pdf.startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "Deutsch" in text and document.display_code in text
    assert f"/verify/{document.code}/" in text.replace("\n", "")
    assert AuditEvent.objects.filter(action="cases.document.render").count() == 1


def test_verification_shows_only_the_public_facts(client: Any, booking: Any, head: Any) -> None:
    document = _issue(
        booking, head, valid_until=timezone.localdate() + datetime.timedelta(days=365)
    )
    page = client.get(reverse("portal_verify_code", kwargs={"code": document.code}))
    html = page.content.decode()
    assert page.status_code == 200 and 'data-state="valid"' in html
    assert "肇庆市教育局" in html and "Deutsch" in html
    assert "13800000000" not in html and "张三" not in html  # the contact is not public
    assert page["Cache-Control"].startswith("max-age=0")


def test_a_code_typed_from_paper_in_lower_case_with_dashes_is_found(
    client: Any, booking: Any, head: Any
) -> None:
    document = _issue(booking, head)
    typed = document.display_code.lower()
    page = client.post(reverse("portal_verify"), {"code": typed})
    assert 'data-state="valid"' in page.content.decode()


def test_unknown_and_malformed_codes_answer_without_revealing_anything(client: Any) -> None:
    unknown = client.post(reverse("portal_verify"), {"code": "ABCD-EFGH-JKLM"})
    assert 'data-testid="verify-unknown"' in unknown.content.decode()
    malformed = client.post(reverse("portal_verify"), {"code": "1; drop table"})
    assert malformed.status_code == 200 and "invalid-feedback" in malformed.content.decode()
    assert find_by_code("not a code") is None


def test_verification_tries_are_limited_per_address(client: Any) -> None:
    statuses = [
        client.get(reverse("portal_verify_code", kwargs={"code": "ABCDEFGHJKLM"})).status_code
        for _ in range(11)
    ]
    assert statuses[:10] == [200] * 10 and statuses[10] == 429


def test_expiry_is_a_state_of_the_day(booking: Any, head: Any) -> None:
    until = datetime.date(2027, 3, 31)
    document = _issue(booking, head, valid_until=until)
    assert document.state_on(until) == DocumentState.VALID
    assert document.state_on(until + datetime.timedelta(days=1)) == DocumentState.EXPIRED
    answer = public_answer(document, today=until + datetime.timedelta(days=1))
    assert answer["state"] == DocumentState.EXPIRED


def test_revoking_needs_a_reason_and_is_audited_once(booking: Any, head: Any) -> None:
    document = _issue(booking, head)
    with pytest.raises(ValueError):
        revoke_document(document=document, actor=head, reason="  ")
    revoked = revoke_document(document=document, actor=head, reason="预约取消")
    again = revoke_document(document=revoked, actor=head, reason="重复")
    assert again.revocation_reason == "预约取消" and revoked.state == DocumentState.REVOKED
    assert AuditEvent.objects.filter(action="cases.document.revoke").count() == 1
    assert public_answer(again)["state"] == DocumentState.REVOKED


def test_the_case_page_lists_documents_and_only_the_division_head_revokes(
    client: Any, booking: Any, head: Any, officer: Any, liaison: Any
) -> None:
    document = _issue(booking, head)
    client.force_login(officer)
    page = client.get(booking.get_absolute_url()).content.decode()
    assert 'data-testid="official-document"' in page and "document_revoke" not in page
    url = reverse("cases:document_revoke", args=[booking.reference, document.pk])
    assert client.post(url, {"reason": "x"}).status_code == 404
    client.force_login(head)
    assert client.post(url, {"reason": ""}).status_code == 302
    document.refresh_from_db()
    assert document.revoked_at is None  # no reason: nothing changed
    client.post(url, {"reason": "预约取消"})
    document.refresh_from_db()
    assert document.state == DocumentState.REVOKED


def test_the_filing_agency_downloads_the_pdf_and_another_agency_cannot(
    client: Any, booking: Any, head: Any, liaison: Any, other_liaison: Any
) -> None:
    document = _issue(booking, head)
    render_documents_now()
    url = reverse("cases:document_download", args=[booking.reference, document.pk])
    client.force_login(liaison)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="cases.document.download").count() == 1
    client.force_login(other_liaison)
    assert client.get(url).status_code == 404


def test_an_undrawn_document_says_it_is_being_prepared_and_asks_the_worker_once(
    client: Any,
    booking: Any,
    head: Any,
    liaison: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    document = _issue(booking, head)
    url = reverse("cases:document_download", args=[booking.reference, document.pk])
    client.force_login(liaison)
    with django_capture_on_commit_callbacks() as asked:
        first = client.get(url)
        second = client.get(url)  # the request is pending: not asked again
    assert first.status_code == second.status_code == 202 and len(asked) == 0
    # A request the worker lost is asked again after a while, and the worker draws it.
    OfficialDocument.objects.filter(pk=document.pk).update(
        render_requested_at=timezone.now() - datetime.timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True) as asked:
        assert client.get(url).status_code == 202
    assert len(asked) == 1
    assert client.get(url).status_code == 200


def test_the_qr_address_is_the_portal_page_in_the_documents_language(
    booking: Any, head: Any, settings: Any
) -> None:
    settings.WAISHI_SITE_URL = "https://wsb.zhaoqing.gov.cn"
    document = _issue(booking, head, language="en")
    assert verification_url(document) == f"https://wsb.zhaoqing.gov.cn/en/verify/{document.code}/"
