"""Audit events to a spreadsheet, streamed row by row in openpyxl's write-only mode."""

import io
import json

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from waishi.core.spreadsheets import text_cell

from .models import AuditEvent

# Excel cannot open a sheet longer than 1,048,576 rows; one row is the header.
MAX_ROWS = 1_048_575


def events_to_xlsx(events: QuerySet[AuditEvent]) -> bytes:
    """The events as an .xlsx file, newest first, times in the bureau's time zone."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Audit log"))
    sheet.append(
        [
            _("Sequence"),
            _("Time"),
            _("Actor"),
            _("Actor roles"),
            _("IP address"),
            _("Action"),
            _("Object type"),
            _("Object id"),
            _("Object"),
            _("Outcome"),
            _("Reason"),
            _("Before"),
            _("After"),
            _("Hash"),
        ]
    )
    for event in events[:MAX_ROWS].iterator(chunk_size=2000):
        sheet.append(
            [text_cell(sheet, value) if isinstance(value, str) else value for value in _row(event)]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _row(event: AuditEvent) -> list[object]:
    return [
        event.seq,
        timezone.localtime(event.occurred_at).strftime("%Y-%m-%d %H:%M:%S"),
        event.actor_label,
        event.actor_roles,
        event.ip_address or "",
        event.action,
        event.object_type,
        event.object_id,
        event.object_repr,
        event.get_outcome_display(),
        event.reason,
        _json(event.before),
        _json(event.after),
        event.row_hash,
    ]


def _json(value: object) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
