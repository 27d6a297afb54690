"""Figures for the Passport & Visa Division's dashboard panels and the agency's panel."""

import datetime
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from waishi.cases.models import Suspension

from .constants import CUSTODY_SOURCE, DEAD_STATUSES, DocumentStatus
from .models import HandOut, TravelDocument, VisaApplication
from .rules import expiry_limit


def out_and_due(*, limit: int = 10) -> dict[str, Any]:
    today = timezone.localdate()
    rows = HandOut.objects.filter(closed_on__isnull=True)
    return {
        "out": rows.count(),
        "overdue": rows.filter(due_date__lt=today).count(),
        "due_soon": list(
            rows.filter(due_date__gte=today)
            .select_related("document__holder", "agency")
            .order_by("due_date", "id")[:limit]
        ),
    }


def overdue_by_agency() -> list[Any]:
    today = timezone.localdate()
    return list(
        HandOut.objects.filter(closed_on__isnull=True, due_date__lt=today)
        .values("agency_id", "agency__name_zh_hans")
        .annotate(count=Count("id"))
        .order_by("-count", "agency__name_zh_hans")
    )


def locked_agencies() -> list[Suspension]:
    """Agencies under this app's suspension (the kernel's agency standing), newest first."""
    return list(
        Suspension.objects.filter(source=CUSTODY_SOURCE, lifted_at__isnull=True)
        .select_related("agency")
        .order_by("-imposed_at", "-id")
    )


def expiring(*, months_from: datetime.date | None = None, limit: int = 10) -> dict[str, Any]:
    """Usable documents whose expiry falls within the margin (6 months, as data)."""
    today = months_from or timezone.localdate()
    until, _rule = expiry_limit(today)
    rows = TravelDocument.objects.exclude(status__in=list(DEAD_STATUSES)).filter(
        expiry_date__gte=today, expiry_date__lt=until
    )
    return {
        "count": rows.count(),
        "until": until,
        "rows": list(rows.select_related("holder").order_by("expiry_date", "id")[:limit]),
    }


def visas_by_status() -> list[dict[str, Any]]:
    from .constants import VisaStatus

    counts = dict(
        VisaApplication.objects.values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    return [
        {"status": s.label, "code": s.value, "count": counts.get(s.value, 0)} for s in VisaStatus
    ]


def agency_summary(agency_id: int) -> dict[str, Any]:
    today = timezone.localdate()
    counts = TravelDocument.objects.filter(custodian_id=agency_id).aggregate(
        in_custody=Count("id", filter=Q(status=DocumentStatus.IN_CUSTODY)),
        out=Count("id", filter=Q(status__in=[DocumentStatus.OUT, DocumentStatus.AT_VISA])),
    )
    overdue = HandOut.objects.filter(
        agency_id=agency_id, closed_on__isnull=True, due_date__lt=today
    ).count()
    locked = Suspension.objects.filter(
        agency_id=agency_id, source=CUSTODY_SOURCE, lifted_at__isnull=True
    ).exists()
    return {**counts, "overdue": overdue, "locked": locked}
