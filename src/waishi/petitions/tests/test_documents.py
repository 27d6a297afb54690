"""The written notices and the handling opinion: official documents of the kernel."""

import subprocess
from typing import Any

import pytest
from django.urls import reverse

from waishi.cases.actions import do_transition
from waishi.cases.models import Case, OfficialDocument
from waishi.cases.testing import render_documents_now
from waishi.petitions.constants import NOTICE_ACCEPT, NOTICE_DECLINE, NOTICE_TRANSFER, OPINION

from .conftest import days_ago

pytestmark = pytest.mark.django_db


def run(case: Any, name: str, actor: Any, **inputs: str) -> Any:
    return do_transition(
        case=Case.objects.get(pk=case.pk), transition=name, actor=actor, inputs=inputs
    )


def kinds(case: Any) -> list[str]:
    return list(
        OfficialDocument.objects.filter(case=case).order_by("id").values_list("kind", flat=True)
    )


def test_each_written_notice_and_the_opinion_is_issued_by_its_step(
    record: Any, officer: Any
) -> None:
    accepted = record(received_on=days_ago(5))
    run(accepted, "accept", officer)
    run(accepted, "reply", officer, opinion="支持腾退请求")
    assert kinds(accepted) == [NOTICE_ACCEPT, OPINION]
    transferred = record()
    run(transferred, "transfer", officer, to="四会市自然资源局")
    assert kinds(transferred) == [NOTICE_TRANSFER]
    declined = record()
    run(declined, "decline", officer, reason="属于诉讼程序，请向人民法院起诉。")
    assert kinds(declined) == [NOTICE_DECLINE]
    # Each is on the public timeline: the petitioner follows what they were sent.
    assert (
        Case.objects.get(pk=declined.pk).timeline.filter(kind="document", is_public=True).exists()
    )


def test_the_opinion_pdf_prints_the_opinion_and_the_review_route(
    client: Any, record: Any, officer: Any
) -> None:
    case = record(received_on=days_ago(5))
    run(case, "accept", officer)
    run(case, "reply", officer, opinion="已协调有关部门依法腾退。")
    document = OfficialDocument.objects.get(case=case, kind=OPINION)
    assert render_documents_now() == 2
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        pdf = handle.read()
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "已协调有关部门依法腾退" in text.replace("\n", "")
    assert "30日内" in text.replace("\n", "") and document.display_code in text
    # The portal's verification names the kind and number, never the petitioner or the matter.
    page = client.get(reverse("portal_verify_code", kwargs={"code": document.code}))
    html = page.content.decode()
    assert page.status_code == 200 and 'data-state="valid"' in html
    assert "黄侨眷" not in html and "腾退" not in html
