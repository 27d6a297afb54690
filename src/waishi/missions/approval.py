"""Issuing the mission approval document (任务批件) when a mission is approved.

Issuing is cheap and happens in the approval's transaction: the number from the kernel's
gapless counter, the facts the document prints (``content``), a public timeline entry and the
audit event. Drawing the PDF is not: WeasyPrint costs about half a second of CPU and a few
hundred megabytes, so a background task queued in the approval's transaction does it once that
has committed (``tasks.render_approval_document``) and web processes never import WeasyPrint
unless a download finds a document still undrawn and no worker to do it.

The PDF is drawn once, from the recorded facts, and kept with its SHA-256: what the agency
downloads later is what was approved, however the application changes afterwards. A change
approved again issues the next version under the same number and the earlier one is kept,
marked superseded.
"""

import base64
import datetime
import hashlib
import io
import logging
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.cases.actions import do_add_timeline_entry
from waishi.cases.constants import EntryKind
from waishi.cases.references import next_reference
from waishi.core.tasks import enqueue_in_transaction
from waishi.registers.countries import country as country_info

from .constants import BudgetCategory
from .models import ApprovalDocument, Mission
from .models.document import document_path

logger = logging.getLogger(__name__)

# The counter row of approval documents in the kernel's per-type, per-year counters.
COUNTER_TYPE = "CG-PJ"
DOCUMENT_LANGUAGE = "zh-hans"
# A request to draw the PDF that has not been answered after this long is asked again (the
# worker may have been down); a younger one is left to the worker.
RENDER_RETRY_AFTER = datetime.timedelta(minutes=5)


def status_url(case: Any) -> str:
    """The portal's public status look-up of ``case``, prefilled with its verification code."""
    with translation.override(DOCUMENT_LANGUAGE):
        path = reverse("portal_status")
    query = urlencode({"reference": case.reference, "code": case.verification_code})
    return f"{settings.WAISHI_SITE_URL.rstrip('/')}{path}?{query}"


def qr_data_uri(text: str) -> str:
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


SEX_ZH = {"male": "男", "female": "女"}
# The official travel documents a mission's approval is the basis for (DOMAIN.md):
# 公务护照 for staff of government organs (and the people's organisations managed like them),
# 公务普通护照 for public institutions and state enterprises, and the official pass for a trip
# to Hong Kong or Macao only.
SERVICE_PASSPORT = "公务护照"
PUBLIC_AFFAIRS_PASSPORT = "公务普通护照"
HK_MACAO_PASS = "因公往来港澳通行证"
PUBLIC_AFFAIRS_KINDS = frozenset({"public_institution", "state_enterprise"})
HK_MACAO = frozenset({"HK", "MO"})


def travel_document_type(agency_kind: str, countries: list[str]) -> str:
    """The kind of official travel document the members travel on, in Chinese."""
    entered = {c.upper() for c in countries}
    kinds = []
    if entered - HK_MACAO or not entered:
        kinds.append(
            PUBLIC_AFFAIRS_PASSPORT if agency_kind in PUBLIC_AFFAIRS_KINDS else SERVICE_PASSPORT
        )
    if entered & HK_MACAO:
        kinds.append(HK_MACAO_PASS)
    return "、".join(kinds)


def zh_date(day: datetime.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def document_facts(
    mission: Mission, approver: Any, approved_at: datetime.datetime
) -> dict[str, Any]:
    """Everything the document prints, as it stands now, in Simplified Chinese (JSON-ready)."""
    from waishi.accounts.models import Bureau

    case = mission.case
    bureau = Bureau.objects.first()
    destinations = list(mission.destinations.all())
    entered = [d.country for d in destinations if not (d.is_transit and d.airside_only)]
    # Missions are filed by agencies: their cases always have one.
    assert case.agency is not None
    document = travel_document_type(case.agency.kind, entered)
    members = [
        {
            "name": m.traveller.name,
            "passport_name": m.traveller.passport_name,
            "post": m.traveller.post,
            "role": m.role,
            "leader": m.is_leader,
            "sex": SEX_ZH.get(m.traveller.sex, ""),
            "born": zh_date(m.traveller.date_of_birth),
            "document": document,
        }
        # Leader first, then in the delegation's order (the members' own ordering).
        for m in mission.delegation
    ]
    lines = list(mission.budget.all())
    with translation.override("zh-hans"):
        budget = [
            {
                "category": str(BudgetCategory(line.category).label),
                "country": line.country,
                "amount_rmb": f"{line.amount_rmb:.2f}",
            }
            for line in lines
        ]
    total = sum((line.amount_rmb for line in lines), Decimal(0))
    stops = []
    for stop in destinations:
        place = country_info(stop.country)
        arrive, leave = stop.arrive_on, stop.leave_on
        if len(destinations) == 1 and arrive is None and leave is None:
            # A single stop without its own dates spans the whole trip.
            arrive, leave = mission.departure_date, mission.return_date
        stops.append(
            {
                "country": place.name_zh_hans if place else stop.country,
                "city": stop.city,
                "arrive": zh_date(arrive),
                "leave": zh_date(leave),
                "days": (leave - arrive).days + 1 if arrive and leave else None,
                "transit": stop.is_transit,
            }
        )
    return {
        "bureau_name": bureau.name_zh_hans if bureau else "",
        "reference": case.reference,
        "title": case.title,
        "agency": case.agency.name_zh_hans,
        "purpose": mission.purpose,
        "inviter": mission.inviter_name,
        "members": members,
        "stops": stops,
        "departure": zh_date(mission.departure_date),
        "return": zh_date(mission.return_date),
        "days": mission.days_abroad,
        "approved_on": zh_date(timezone.localtime(approved_at).date()),
        "approver": approver.display_name,
        "province_document_number": mission.province_document_number,
        "budget": budget,
        "budget_total": f"{total:.2f}",
        "funding_source": mission.funding_source,
        "verification_code": case.verification_code,
        "status_url": status_url(case),
    }


def next_number(mission: Mission, *, today: datetime.date) -> tuple[int, int, int]:
    """(year, number, version) of the mission's next document: a new number, or a new version."""
    current = mission.approval_documents.order_by("-version").first()
    if current is not None:
        return current.year, current.sequence, current.version + 1
    reference = next_reference(COUNTER_TYPE, COUNTER_TYPE, today=today)
    _prefix, _kind, year_text, number_text = reference.split("-")
    return int(year_text), int(number_text), 1


def record_document(
    *,
    mission: Mission,
    actor: Any,
    approved_at: datetime.datetime,
    note: str = "",
    render_requested_at: datetime.datetime | None = None,
) -> ApprovalDocument:
    """Number the next version, record its facts and supersede the earlier one.

    Inside the caller's transaction; writes the timeline entry and the audit event. The PDF
    is drawn later (``do_render_approval_document``), asked for at ``render_requested_at``.
    """
    year, sequence, version = next_number(mission, today=timezone.localtime(approved_at).date())
    document = ApprovalDocument.objects.create(
        mission=mission,
        year=year,
        sequence=sequence,
        version=version,
        issued_by=actor,
        issued_at=approved_at,
        content=document_facts(mission, actor, approved_at),
        render_requested_at=render_requested_at,
    )
    mission.approval_documents.filter(superseded_at__isnull=True).exclude(pk=document.pk).update(
        superseded_at=approved_at
    )
    do_add_timeline_entry(
        case=mission.case,
        actor=actor,
        kind=EntryKind.DOCUMENT,
        text=_("Approval document %(number)s issued (version %(version)s).")
        % {"number": document.number, "version": version},
        is_public=True,
    )
    log_action(
        action="missions.document.issue",
        actor=actor,
        obj=document,
        after={
            "number": str(document.number),
            "version": version,
            **({"note": note} if note else {}),
        },
    )
    return document


def issue_approval_document(*, case: Any, actor: Any) -> ApprovalDocument:
    """Number and record the approval document; call inside the approval's transaction.

    The PDF is drawn by a background task queued in the approval's transaction. The caller (the
    workflow's approval effects) has checked the actor's right to approve.
    """
    from .checking import transition_mission

    mission = transition_mission(case)
    now = timezone.now()
    document = record_document(
        mission=mission, actor=actor, approved_at=now, render_requested_at=now
    )
    enqueue_render(document.pk)
    return document


def enqueue_render(document_id: int) -> None:
    """Queue the drawing of a document's PDF in the caller's transaction (run once it commits)."""
    from .tasks import render_approval_document

    enqueue_in_transaction(render_approval_document, document_id)


def request_render(document: ApprovalDocument) -> bool:
    """Ask for the PDF of a document that has none yet; False when a request is pending.

    Used by the download: the first download of a document issued without a request (an
    imported one) or whose request was lost asks once, not on every reload.
    """
    now = timezone.now()
    with transaction.atomic():
        claimed = (
            ApprovalDocument.objects.filter(pk=document.pk, file="")
            .filter(
                Q(render_requested_at__isnull=True)
                | Q(render_requested_at__lt=now - RENDER_RETRY_AFTER)
            )
            .update(render_requested_at=now)
        )
        if claimed:
            enqueue_render(document.pk)
    return bool(claimed)


def document_context(document: ApprovalDocument) -> dict[str, Any]:
    """The template's context: the recorded facts, the number and the QR code."""
    facts = dict(document.content or {})
    return {
        **facts,
        "number": document.number,
        "version": document.version,
        "qr": qr_data_uri(facts.get("status_url", "")),
    }


def render_pdf(context: dict[str, Any]) -> bytes:
    """Draw the PDF. WeasyPrint is imported here only, so web processes do not load it."""
    from weasyprint import HTML

    with translation.override(DOCUMENT_LANGUAGE):
        html = render_to_string("missions/pdf/approval_document.html", context)
    return bytes(HTML(string=html).write_pdf())


def do_render_approval_document(*, document_id: int) -> ApprovalDocument | None:
    """Draw and store a document's PDF unless it is there already; returns the document.

    Run by the background task (no person acts). The drawing happens outside any
    transaction, so it holds no database lock; if two drawings race, the first one stored
    is kept and the other is thrown away. The audit event records the stored file's SHA-256.
    """
    document = ApprovalDocument.objects.filter(pk=document_id).first()
    if document is None or document.is_rendered:
        return document
    with translation.override(DOCUMENT_LANGUAGE):
        pdf = render_pdf(document_context(document))
    digest = hashlib.sha256(pdf).hexdigest()
    name = f"{document.content.get('reference', document.mission_id)}-v{document.version}.pdf"
    stored = document.file.storage.save(document_path(document, name), ContentFile(pdf))
    with transaction.atomic():
        locked = ApprovalDocument.objects.select_for_update().get(pk=document_id)
        if locked.is_rendered:
            document.file.storage.delete(stored)
            return locked
        locked.file.name = stored
        locked.sha256 = digest
        locked.size = len(pdf)
        locked.rendered_at = timezone.now()
        locked.save(update_fields=["file", "sha256", "size", "rendered_at"])
        log_action(
            action="missions.document.render",
            obj=locked,
            actor_label="render_approval_document",
            after={"number": str(locked.number), "version": locked.version, "sha256": digest},
        )
    return locked
