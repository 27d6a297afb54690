"""Attachments: the content decides the type, the size is limited, nothing bad is stored."""

import io
import zipfile
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from waishi.cases.actions import do_add_attachment
from waishi.cases.models import Attachment

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


def office_file(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{part}/document.xml", "<x/>")
    return buffer.getvalue()


def stored_files(root: Any) -> list[Any]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_pdf_is_stored_with_its_hash(new_case, liaison, private_storage):
    import hashlib

    attachment = do_add_attachment(
        case=new_case(), actor=liaison, upload=io.BytesIO(PDF), name="邀请函.pdf"
    )
    assert attachment.sha256 == hashlib.sha256(PDF).hexdigest()
    assert attachment.content_type == "application/pdf" and attachment.size == len(PDF)
    assert len(stored_files(private_storage)) == 1
    assert "邀请函" not in attachment.file.name  # stored under a random name


@pytest.mark.parametrize(
    "content,name",
    [
        (office_file("word"), "报告.docx"),
        (office_file("xl"), "预算.xlsx"),
        (PNG, "scan.png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "photo.JPG"),
    ],
)
def test_allowed_kinds_are_accepted(new_case, liaison, content, name):
    do_add_attachment(case=new_case(), actor=liaison, upload=io.BytesIO(content), name=name)
    assert Attachment.objects.count() == 1


@pytest.mark.parametrize(
    "content,name,code",
    [
        (EXE, "invitation.pdf", "content"),  # a renamed executable
        (EXE, "setup.exe", "type"),
        (PNG, "scan.pdf", "mismatch"),  # the content does not match the name
        (office_file("xl"), "report.docx", "mismatch"),
        (b"", "empty.pdf", "empty"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(
    new_case, liaison, private_storage, content, name, code
):
    case = new_case()
    with pytest.raises(ValidationError) as refused:
        do_add_attachment(case=case, actor=liaison, upload=io.BytesIO(content), name=name)
    assert refused.value.code == code
    assert Attachment.objects.count() == 0 and stored_files(private_storage) == []
    assert case.timeline.filter(kind="document").count() == 0


def test_oversize_file_is_refused(new_case, liaison, settings, private_storage):
    settings.WAISHI_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError) as refused:
        do_add_attachment(
            case=new_case(), actor=liaison, upload=io.BytesIO(PDF + b"0" * 2000), name="big.pdf"
        )
    assert refused.value.code == "size"
    assert stored_files(private_storage) == []


def test_upload_through_the_page_shows_a_translated_refusal(client, new_case, liaison):
    from django.core.files.uploadedfile import SimpleUploadedFile

    case = new_case()
    client.force_login(liaison)
    client.post(
        reverse("cases:attachment_upload", args=[case.reference]),
        {"file": SimpleUploadedFile("invitation.pdf", EXE)},
    )
    page = client.get(case.get_absolute_url()).content.decode()
    assert "不是" in page  # the Simplified Chinese refusal
    assert Attachment.objects.count() == 0


def test_download_is_checked_and_audited(client, new_case, liaison, other_liaison):
    from waishi.audit.models import AuditEvent

    case = new_case()
    attachment = do_add_attachment(case=case, actor=liaison, upload=io.BytesIO(PDF), name="a.pdf")
    url = reverse("cases:attachment_download", args=[case.reference, attachment.pk])
    client.force_login(liaison)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert AuditEvent.objects.filter(action="cases.attachment.download").count() == 1
    client.force_login(other_liaison)
    response = client.get(url)
    assert response.status_code in (302, 404)
    assert AuditEvent.objects.filter(action="cases.attachment.download").count() == 1


def test_internal_file_is_hidden_from_the_agency(client, new_case, liaison, officer):
    case = new_case()
    attachment = do_add_attachment(
        case=case, actor=officer, upload=io.BytesIO(PDF), name="内部.pdf", is_public=False
    )
    client.force_login(liaison)
    assert "内部.pdf" not in client.get(case.get_absolute_url()).content.decode()
    url = reverse("cases:attachment_download", args=[case.reference, attachment.pk])
    assert client.get(url).status_code in (302, 404)
