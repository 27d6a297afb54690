"""XLSX of the register (masked) and the survey's template, import and statistics."""

import io
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook

from waishi.core import pii
from waishi.core.spreadsheets import safe_row
from waishi.registers.countries import country_name

from .models import Standing


def _book(sheets: Iterable[tuple[str, list[str], Iterable[Iterable[Any]]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title[:31])
        sheet.append(header)
        for row in rows:
            sheet.append(safe_row(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def register_xlsx(standings: Iterable[Standing]) -> bytes:
    """The register as a spreadsheet, personal data masked as on screen."""
    header = [
        _("Register number"),
        _("Full name"),
        _("Resident ID number"),
        _("Standing"),
        _("County-level unit"),
        _("Country or region of residence"),
        _("Left China on"),
        _("Standing from"),
        _("Ended on"),
    ]
    rows = (
        [
            s.person_id,
            pii.mask(s.person.name),
            pii.mask(s.person.id_number, pii.Kind.ID),
            s.get_category_display(),
            str(s.county),
            country_name(s.country) if s.country else "",
            s.left_china_on.isoformat() if s.left_china_on else "",
            s.valid_from.isoformat(),
            s.ended_on.isoformat() if s.ended_on else "",
        ]
        for s in standings
    )
    return _book([(_("Register"), header, rows)])
