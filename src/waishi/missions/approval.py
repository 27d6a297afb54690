"""Issuing the mission approval document (任务批件) when a mission is approved.

The document is rendered once, at approval, and the PDF that was issued is kept: what the
agency downloads later is byte for byte what was approved (its SHA-256 is recorded). The
number comes from the kernel's gapless counter; a change approved again issues the next
version under the same number and the earlier one is kept, marked superseded.
"""

import base64
import datetime
import hashlib
import io
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.cases.actions import do_add_timeline_entry
from waishi.cases.constants import EntryKind
from waishi.cases.references import next_reference

from .countries import country as country_info
from .models import ApprovalDocument, Mission

# The counter row of approval documents in the kernel's per-type, per-year counters.
COUNTER_TYPE = "CG-PJ"
DOCUMENT_LANGUAGE = "zh-hans"


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


def zh_date(day: datetime.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def document_context(
    document: ApprovalDocument, mission: Mission, approver: Any, approved_at: datetime.datetime
) -> dict[str, Any]:
    from waishi.accounts.models import Bureau

    case = mission.case
    bureau = Bureau.objects.first()
    members = list(mission.members.select_related("traveller").order_by("sort_order", "id"))
    stops = []
    destinations = list(mission.destinations.order_by("sort_order", "id"))
    for stop in destinations:
        place = country_info(stop.country)
        if len(destinations) == 1 and stop.arrive_on is None and stop.leave_on is None:
            # A single stop without its own dates spans the whole trip.
            stop.arrive_on, stop.leave_on = mission.departure_date, mission.return_date
        days = (
            (stop.leave_on - stop.arrive_on).days + 1
            if stop.arrive_on is not None and stop.leave_on is not None
            else None
        )
        stops.append(
            {
                "country": place.name_zh_hans if place else stop.country,
                "city": stop.city,
                "arrive": zh_date(stop.arrive_on),
                "leave": zh_date(stop.leave_on),
                "days": days,
                "transit": stop.is_transit,
            }
        )
    url = status_url(case)
    return {
        "bureau_name": bureau.name_zh_hans if bureau else "",
        "document": document,
        "number": document.number,
        "case": case,
        "mission": mission,
        "agency": case.agency.name_zh_hans,
        "members": members,
        "stops": stops,
        "departure": zh_date(mission.departure_date),
        "return": zh_date(mission.return_date),
        "days": mission.days_abroad,
        "approved_on": zh_date(timezone.localtime(approved_at).date()),
        "approver": approver.display_name,
        "province_document_number": mission.province_document_number,
        "verification_code": case.verification_code,
        "status_url": url,
        "qr": qr_data_uri(url),
    }


def render_pdf(context: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    with translation.override(DOCUMENT_LANGUAGE):
        html = render_to_string("missions/pdf/approval_document.html", context)
    return bytes(HTML(string=html).write_pdf())


def issue_approval_document(*, case: Any, actor: Any) -> ApprovalDocument:
    """Number, render and store the approval document; call inside the approval's transaction.

    The caller (the workflow's approval effects) has checked the actor's right to approve.
    """
    mission = (
        Mission.objects.select_for_update().select_related("case__agency").get(case_id=case.pk)
    )
    now = timezone.now()
    earlier = list(mission.approval_documents.order_by("-version"))
    current = earlier[0] if earlier else None
    if current is not None:
        year, sequence, version = current.year, current.sequence, current.version + 1
    else:
        reference = next_reference(COUNTER_TYPE, COUNTER_TYPE, today=timezone.localdate())
        _prefix, _kind, year_text, number_text = reference.split("-")
        year, sequence, version = int(year_text), int(number_text), 1
    document = ApprovalDocument(
        mission=mission, year=year, sequence=sequence, version=version, issued_by=actor
    )
    pdf = render_pdf(document_context(document, mission, actor, now))
    document.sha256 = hashlib.sha256(pdf).hexdigest()
    document.size = len(pdf)
    document.file.save(f"{case.reference}-v{version}.pdf", ContentFile(pdf), save=False)
    try:
        document.save()
    except Exception:
        document.file.delete(save=False)
        raise
    mission.approval_documents.filter(superseded_at__isnull=True).exclude(pk=document.pk).update(
        superseded_at=now
    )
    do_add_timeline_entry(
        case=case,
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
        after={"number": str(document.number), "version": version, "sha256": document.sha256},
    )
    return document
