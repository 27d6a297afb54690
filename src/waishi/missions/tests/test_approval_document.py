"""The approval document (任务批件): numbered, rendered and kept at approval, downloaded safely."""

import hashlib
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from waishi.accounts.models import Bureau
from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_transition
from waishi.cases.constants import EntryKind
from waishi.missions import mission_actions as ma
from waishi.missions.constants import Rank
from waishi.missions.models import ApprovalDocument, Mission

from .factories import TravellerFactory

pytestmark = pytest.mark.django_db


def run(mission: Mission, name: str, actor: Any, **inputs: str) -> None:
    do_transition(case=mission.case, transition=name, actor=actor, inputs=inputs)


def approve(mission: Mission, liaison: Any, officer: Any, head: Any, leader: Any) -> Mission:
    for name, actor in [
        ("submit", liaison),
        ("start_review", officer),
        ("forward_to_leader", head),
        ("approve", leader),
    ]:
        run(mission, name, actor)
    return Mission.objects.select_related("case").get(pk=mission.pk)


def pdf_text(document: ApprovalDocument, tmp_path: Path) -> str:
    path = tmp_path / "document.pdf"
    with document.file.open("rb") as source:
        path.write_bytes(source.read())
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(autouse=True)
def bureau(db: Any) -> Bureau:
    bureau = Bureau.objects.first()
    if bureau is None:
        from waishi.accounts.tests.factories import BureauFactory

        bureau = BureauFactory()
    Bureau.objects.filter(pk=bureau.pk).update(name_zh_hans="海州市人民政府外事办公室")
    return bureau


def test_approval_issues_a_numbered_pdf_with_members_and_route(
    confirmed: Callable[..., Any],
    liaison: Any,
    officer: Any,
    head: Any,
    leader: Any,
    tmp_path: Path,
) -> None:
    mission = approve(confirmed(members=2), liaison, officer, head, leader)
    document = ApprovalDocument.objects.get(mission=mission)
    assert (document.version, document.sequence, document.superseded_at) == (1, 1, None)
    content = document.file.open("rb").read()
    assert content.startswith(b"%PDF-")
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    text = pdf_text(document, tmp_path)
    assert mission.case.reference in text
    assert "海州市人民政府外事办公室" in text
    for member in mission.members.select_related("traveller"):
        assert member.traveller.name in text
    assert "德国" in text and "Berlin" in text
    assert mission.case.verification_code in text
    assert mission.case.timeline.filter(kind=EntryKind.DOCUMENT, is_public=True).exists()
    assert AuditEvent.objects.filter(action="missions.document.issue").count() == 1


def test_numbers_are_consecutive_in_the_year(
    confirmed: Callable[..., Any], liaison: Any, officer: Any, head: Any, leader: Any
) -> None:
    first = approve(confirmed(), liaison, officer, head, leader)
    second = approve(confirmed(), liaison, officer, head, leader)
    numbers = [ApprovalDocument.objects.get(mission=m).sequence for m in (first, second)]
    assert numbers == [1, 2]


def test_the_province_path_issues_the_document_too(
    confirmed: Callable[..., Any], liaison: Any, officer: Any, head: Any, tmp_path: Path
) -> None:
    mission = confirmed(leader_rank=Rank.CITY_LEADER)
    run(mission, "submit", liaison)
    run(mission, "start_review", officer)
    run(mission, "refer_to_province", head)
    run(mission, "record_province_approval", officer, document_number="粤外办〔2026〕88号")
    document = ApprovalDocument.objects.get(mission=mission)
    assert "粤外办〔2026〕88号" in pdf_text(document, tmp_path)


def test_a_change_approved_again_issues_version_two_and_keeps_the_first(
    confirmed: Callable[..., Any],
    liaison: Any,
    signatory: Any,
    officer: Any,
    head: Any,
    leader: Any,
    tmp_path: Path,
) -> None:
    mission = approve(confirmed(), liaison, officer, head, leader)
    run(mission, "request_change", liaison, reason="更换一名团员")
    mission = Mission.objects.select_related("case").get(pk=mission.pk)
    newcomer = TravellerFactory(agency=liaison.agency, name="欧阳明")
    mission = ma.do_set_members(
        actor=liaison,
        mission=mission,
        expected_version=mission.version,
        members=[(newcomer, True, "团长")],
    )
    mission = ma.do_confirm(actor=signatory, mission=mission, expected_version=mission.version)
    for name, actor in [
        ("resubmit", liaison),
        ("start_review", officer),
        ("forward_to_leader", head),
        ("approve", leader),
    ]:
        run(mission, name, actor)
    first, second = ApprovalDocument.objects.filter(mission=mission).order_by("version")
    assert first.superseded_at is not None and second.superseded_at is None
    assert (first.sequence, second.sequence, second.version) == (1, 1, 2)
    assert first.file.open("rb").read()[:5] == b"%PDF-"
    assert "欧阳明" in pdf_text(second, tmp_path)


def test_the_agency_and_staff_download_and_another_agency_gets_404(
    client: Any,
    confirmed: Callable[..., Any],
    liaison: Any,
    officer: Any,
    head: Any,
    leader: Any,
    other_liaison: Any,
) -> None:
    mission = approve(confirmed(), liaison, officer, head, leader)
    url = reverse(
        "missions:approval_download", kwargs={"reference": mission.case.reference, "version": 1}
    )
    for user in (liaison, officer):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    client.force_login(other_liaison)
    assert client.get(url).status_code == 404
    client.force_login(liaison)
    page = client.get(mission.case.get_absolute_url())
    assert url in page.content.decode()


def test_reviewers_see_the_travel_documents_and_visas_and_the_agency_does_not(
    client: Any, confirmed: Callable[..., Any], liaison: Any, officer: Any
) -> None:
    mission = confirmed()
    run(mission, "submit", liaison)
    url = mission.case.get_absolute_url()
    client.force_login(officer)
    page = client.get(url).content.decode()
    assert 'id="passport-checks-title"' in page and 'id="visa-matrix-title"' in page
    client.force_login(liaison)
    page = client.get(url).content.decode()
    assert 'id="passport-checks-title"' not in page and 'id="visa-matrix-title"' not in page
