"""Incidents in figures: a year's cases by nationality, kind and month, and its spreadsheet.

An incident counts in the month its measure began (or the death occurred). Only the cases
the reader may see are counted, so the figures never say more than the list.
"""

import io
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.core.spreadsheets import safe_row
from waishi.registers.countries import country_name

from .constants import IncidentKind
from .querysets import incidents_visible_to


@dataclass
class Row:
    label: str
    count: int = 0
    share: int = 0  # percent of the largest row, for the bars


@dataclass
class Figures:
    year: int
    total: int = 0
    by_nationality: list[Row] = field(default_factory=list)
    by_kind: list[Row] = field(default_factory=list)
    by_month: list[Row] = field(default_factory=list)
    # (month, kind) → count, for the table of months by kind.
    grid: list[list[int]] = field(default_factory=list)

    def tables(self) -> list[tuple[str, str, str, list[Row]]]:
        """(key, title, heading of the first column, rows) of each table."""
        return [
            ("nationality", _("By nationality"), _("Nationality"), self.by_nationality),
            ("kind", _("By kind"), _("Kind"), self.by_kind),
            ("month", _("By month"), _("Month"), self.by_month),
        ]


def _scaled(rows: list[Row]) -> list[Row]:
    top = max((r.count for r in rows), default=0)
    for row in rows:
        row.share = round(row.count * 100 / top) if top else 0
    return rows


def year_figures(user: Any, year: int) -> Figures:
    """The figures of ``year`` among the incidents ``user`` sees (one query)."""
    rows = list(
        incidents_visible_to(user)
        .filter(began_at__year=year)
        .values_list("kind", "nationality", "began_at")
    )
    kinds = list(IncidentKind)
    grid = [[0] * len(kinds) for _month in range(12)]
    nationalities: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    for kind, nationality, began_at in rows:
        month = timezone.localtime(began_at).month
        grid[month - 1][[k.value for k in kinds].index(kind)] += 1
        nationalities[nationality] += 1
        by_kind[kind] += 1
    figures = Figures(year=year, total=len(rows), grid=grid)
    figures.by_nationality = _scaled(
        [
            Row(country_name(code), n)
            for code, n in sorted(nationalities.items(), key=lambda i: (-i[1], i[0]))
        ]
    )
    figures.by_kind = _scaled([Row(str(k.label), by_kind[k.value]) for k in kinds])
    figures.by_month = _scaled(
        [
            Row(_("%(month)s/%(year)s") % {"month": m + 1, "year": year}, sum(grid[m]))
            for m in range(12)
        ]
    )
    return figures


def figures_xlsx(figures: Figures) -> bytes:
    """The year's figures as a workbook: one sheet per table, and months by kind."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for _key, title, column, rows in figures.tables():
        sheet = book.create_sheet(title=title[:31])
        sheet.append(safe_row([column, _("Cases")]))
        for row in rows:
            sheet.append(safe_row([row.label, row.count]))
        sheet.append(safe_row([_("Total"), figures.total]))
    sheet = book.create_sheet(title=_("Months by kind")[:31])
    sheet.append(safe_row([_("Month"), *[str(k.label) for k in IncidentKind]]))
    for month, counts in enumerate(figures.grid, start=1):
        sheet.append(safe_row([f"{figures.year}-{month:02d}", *counts]))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
