"""The approval document (任务批件): numbered at approval, drawn by a task, downloaded safely."""

import hashlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import TestCase
from django.urls import reverse

from waishi.accounts.models import Bureau
from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_transition
from waishi.cases.constants import EntryKind
from waishi.missions import approval
from waishi.missions import mission_actions as ma
from waishi.missions.constants import Rank
from waishi.missions.models import ApprovalDocument, Mission

from .factories import TravellerFactory

pytestmark = pytest.mark.django_db


def run(mission: Mission, name: str, actor: Any, **inputs: str) -> None:
    """Run a transition and then what it leaves for after commit, as a real commit would.

    Tests run inside a transaction that never commits; the tasks backend of the test settings
    runs an enqueued task at once, so the approval document is drawn here.
    """
    with TestCase.captureOnCommitCallbacks(execute=True):
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
    # Each member's sex, date of birth and travel document; the budget and its source.
    for member in mission.members.select_related("traveller"):
        born = member.traveller.date_of_birth
        assert f"{born.year}年{born.month}月{born.day}日" in text
    facts = document.content
    assert {m["sex"] for m in facts["members"]} <= {"男", "女"}
    assert {m["document"] for m in facts["members"]} == {"公务护照"}
    assert "公务护照" in text and mission.funding_source in text
    assert facts["budget_total"] == f"{mission.total_rmb:.2f}" and facts["budget_total"] in text
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
    mission = confirmed(leader_rank=Rank.FU_TING)
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


def test_approval_records_the_document_and_leaves_the_drawing_to_a_task(
    confirmed: Callable[..., Any],
    liaison: Any,
    officer: Any,
    head: Any,
    leader: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mission = confirmed(members=2)
    for name, actor in [
        ("submit", liaison),
        ("start_review", officer),
        ("forward_to_leader", head),
    ]:
        run(mission, name, actor)
    drawn: list[int] = []
    real_render = approval.render_pdf

    def counting_render(context: dict[str, Any]) -> bytes:
        drawn.append(1)
        return real_render(context)

    monkeypatch.setattr(approval, "render_pdf", counting_render)
    with TestCase.captureOnCommitCallbacks(execute=False) as after_commit:
        do_transition(case=mission.case, transition="approve", actor=leader)
    # The approval has numbered and recorded the document; nothing was drawn in its transaction.
    document = ApprovalDocument.objects.get(mission=mission)
    assert drawn == [] and not document.is_rendered and document.sha256 == ""
    assert document.content["reference"] == mission.case.reference
    assert document.content["verification_code"] == mission.case.verification_code
    assert sorted(m["name"] for m in document.content["members"]) == sorted(
        mission.members.values_list("traveller__name", flat=True)
    )
    assert mission.case.timeline.filter(kind=EntryKind.DOCUMENT, is_public=True).exists()
    assert AuditEvent.objects.filter(action="missions.document.issue").count() == 1
    # After commit the task draws and stores the PDF, once.
    for callback in after_commit:
        callback()
    document.refresh_from_db()
    assert drawn == [1] and document.is_rendered and document.rendered_at is not None
    content = document.file.open("rb").read()
    assert content.startswith(b"%PDF-") and document.size == len(content)
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert AuditEvent.objects.filter(action="missions.document.render").count() == 1
    approval.do_render_approval_document(document_id=document.pk)
    assert drawn == [1]


def test_a_download_before_the_drawing_says_it_is_being_prepared_and_asks_once(
    client: Any,
    confirmed: Callable[..., Any],
    liaison: Any,
    officer: Any,
    head: Any,
    leader: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[int] = []
    # No worker has run yet: requests to draw are only counted.
    monkeypatch.setattr(approval, "enqueue_render", asked.append)
    mission = approve(confirmed(), liaison, officer, head, leader)
    document = ApprovalDocument.objects.get(mission=mission)
    assert asked == [document.pk] and not document.is_rendered
    url = reverse(
        "missions:approval_download", kwargs={"reference": mission.case.reference, "version": 1}
    )
    client.force_login(liaison)
    page = client.get(mission.case.get_absolute_url()).content.decode()
    assert 'data-testid="approval-preparing-1"' in page
    response = client.get(url)
    assert response.status_code == 202
    assert 'data-testid="approval-pending"' in response.content.decode()
    # The issue's own request is still fresh: the download does not ask again.
    assert asked == [document.pk]


def test_the_first_download_of_an_undrawn_document_has_it_drawn(
    client: Any,
    confirmed: Callable[..., Any],
    liaison: Any,
    officer: Any,
    head: Any,
    leader: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # Issued while no worker ran, and the request was lost (an imported record has none).
    monkeypatch.setattr(approval, "enqueue_render", lambda document_id: None)
    mission = approve(confirmed(), liaison, officer, head, leader)
    ApprovalDocument.objects.filter(mission=mission).update(render_requested_at=None)
    monkeypatch.undo()
    url = reverse(
        "missions:approval_download", kwargs={"reference": mission.case.reference, "version": 1}
    )
    client.force_login(officer)
    # The download asks for the drawing, which runs once the request's work has committed.
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert client.get(url).status_code == 202
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    document = ApprovalDocument.objects.get(mission=mission)
    assert mission.case.reference in pdf_text(document, tmp_path)


def test_the_document_prints_what_was_approved_even_when_drawn_after_a_change(
    confirmed: Callable[..., Any],
    liaison: Any,
    officer: Any,
    head: Any,
    leader: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(approval, "enqueue_render", lambda document_id: None)
    mission = approve(confirmed(members=2), liaison, officer, head, leader)
    approved_names = list(mission.members.values_list("traveller__name", flat=True))
    run(mission, "request_change", liaison, reason="更换团员")
    mission = Mission.objects.select_related("case").get(pk=mission.pk)
    ma.do_set_members(
        actor=liaison,
        mission=mission,
        expected_version=mission.version,
        members=[(TravellerFactory(agency=liaison.agency, name="欧阳明"), True, "团长")],
    )
    document = approval.do_render_approval_document(
        document_id=ApprovalDocument.objects.get(mission=mission).pk
    )
    assert document is not None
    text = pdf_text(document, tmp_path)
    assert all(name in text for name in approved_names) and "欧阳明" not in text


def test_web_processes_do_not_load_weasyprint() -> None:
    code = (
        "import sys, django; django.setup();"
        "from django.urls import resolve; import waishi.urls;"
        "from waishi.missions import approval, tasks, workflow;"
        "from waishi.missions.views import documents;"
        "resolve('/workspace/missions/new/');"
        "sys.exit(1 if 'weasyprint' in sys.modules else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("kind", "countries", "expected"),
    [
        ("municipal_agency", ["DE"], "公务护照"),
        ("county_government", ["DE", "FR"], "公务护照"),
        ("public_institution", ["DE"], "公务普通护照"),
        ("state_enterprise", ["US"], "公务普通护照"),
        ("municipal_agency", ["HK"], "因公往来港澳通行证"),
        ("public_institution", ["HK", "MO"], "因公往来港澳通行证"),
        ("municipal_agency", ["SG", "HK"], "公务护照、因公往来港澳通行证"),
    ],
)
def test_the_travel_document_follows_the_agency_and_the_places(
    kind: str, countries: list[str], expected: str
) -> None:
    assert approval.travel_document_type(kind, countries) == expected
