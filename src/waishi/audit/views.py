"""The audit administrator's screens: search, one event, and export of a search."""

import json
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from waishi.core.views import require_perm

from .actions import compute_hash, do_export_audit_events
from .exports import events_to_xlsx
from .forms import AuditFilterForm
from .models import AuditEvent

PAGE_SIZE = 50


@dataclass(frozen=True)
class DiffLine:
    key: str
    before: Any
    after: Any

    @property
    def changed(self) -> bool:
        return bool(self.before != self.after)

    @property
    def before_text(self) -> str | None:
        return _as_text(self.before)

    @property
    def after_text(self) -> str | None:
        return _as_text(self.after)


def _as_text(value: Any) -> str | None:
    """A JSON value as the screen shows it: strings as they are, the rest as JSON."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _page(form: AuditFilterForm, request: HttpRequest) -> dict[str, Any]:
    """One page of events by keyset on ``seq`` (newest first); no COUNT over the table.

    ``before=<seq>`` pages towards older events, ``after=<seq>`` back towards newer ones.
    """
    events = form.filter(AuditEvent.objects.all())
    before = _int(request.GET.get("before"))
    after = _int(request.GET.get("after"))
    if after is not None:
        rows = list(events.filter(seq__gt=after).order_by("seq")[: PAGE_SIZE + 1])
        has_newer = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE][::-1]
        has_older = bool(rows) and events.filter(seq__lt=rows[-1].seq).exists()
    else:
        if before is not None:
            events = events.filter(seq__lt=before)
        rows = list(events.order_by("-seq")[: PAGE_SIZE + 1])
        has_older = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE]
        has_newer = before is not None and bool(rows)
    return {
        "events": rows,
        "older_than": rows[-1].seq if rows and has_older else None,
        "newer_than": rows[0].seq if rows and has_newer else None,
    }


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@require_GET
@require_perm("audit.view_auditevent")
def search(request: HttpRequest) -> HttpResponse:
    """List events matching the filters, newest first, fifty to a page."""
    form = AuditFilterForm(request.GET or None)
    context: dict[str, Any] = {"title": _("Audit log"), "form": form, "events": []}
    if form.is_bound and not form.is_valid():
        return render(request, "audit/search.html", context, status=400)
    if not form.is_bound:
        form = AuditFilterForm({})
        form.is_valid()
        context["form"] = form
    context.update(_page(form, request))
    query = request.GET.copy()
    query.pop("before", None)
    query.pop("after", None)
    context["filter_query"] = query.urlencode()
    return render(request, "audit/search.html", context)


@require_GET
@require_perm("audit.view_auditevent")
def detail(request: HttpRequest, seq: int) -> HttpResponse:
    """One event with its before/after values side by side and its own hash checked."""
    event = get_object_or_404(AuditEvent, seq=seq)
    before, after = event.before or {}, event.after or {}
    if isinstance(before, dict) and isinstance(after, dict):
        keys = sorted(set(before) | set(after))
        diff = [DiffLine(k, before.get(k), after.get(k)) for k in keys]
    else:
        diff = [DiffLine("", event.before, event.after)]
    return render(
        request,
        "audit/detail.html",
        {
            "title": _("Audit event #%(seq)s") % {"seq": event.seq},
            "event": event,
            "diff": diff,
            "hash_ok": compute_hash(event.prev_hash, event) == event.row_hash,
        },
    )


@require_POST
@require_perm("audit.view_auditevent")
def export(request: HttpRequest) -> HttpResponse:
    """Download the events matching the posted filters as XLSX; the export is recorded."""
    form = AuditFilterForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "audit/search.html",
            {"title": _("Audit log"), "form": form, "events": []},
            status=400,
        )
    do_export_audit_events(actor=request.user, filters=form.describe(), request=request)
    content = events_to_xlsx(form.filter(AuditEvent.objects.order_by("-seq")))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.xlsx"'
    return response
