"""Complaints in figures: a year's complaints by category, rights, channel, rating and month.

A complaint counts in the month it was received. Only the complaints the reader may see are
counted, so the figures never say more than the list.
"""

import datetime
import io
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from waishi.core.spreadsheets import safe_row

from .constants import Category, Channel, RightsArea, RuleCode, Satisfaction
from .querysets import petitions_visible_to
from .rules import rule_number


@dataclass
class Row:
    label: str
    count: int = 0
    share: int = 0  # percent of the largest row, for the bars


@dataclass
class Figures:
    year: int
    total: int = 0
    by_category: list[Row] = field(default_factory=list)
    by_rights_area: list[Row] = field(default_factory=list)
    by_channel: list[Row] = field(default_factory=list)
    by_satisfaction: list[Row] = field(default_factory=list)
    by_month: list[Row] = field(default_factory=list)
    # Handling opinions given, and of them those given within the limit (60 days + extension).
    replied: int = 0
    in_time: int = 0

    def tables(self) -> list[tuple[str, str, str, list[Row]]]:
        """(key, title, heading of the first column, rows) of each table."""
        return [
            ("category", _("By category"), _("Category"), self.by_category),
            ("rights_area", _("By rights concerned"), _("Rights concerned"), self.by_rights_area),
            ("channel", _("By channel"), _("Received by"), self.by_channel),
            ("satisfaction", _("By the petitioner's rating"), _("Rating"), self.by_satisfaction),
            ("month", _("By month"), _("Month"), self.by_month),
        ]


def _scaled(rows: list[Row]) -> list[Row]:
    top = max((r.count for r in rows), default=0)
    for row in rows:
        row.share = round(row.count * 100 / top) if top else 0
    return rows


def _rows(choices: Any, counts: Counter[str]) -> list[Row]:
    return _scaled([Row(str(choice.label), counts[choice.value]) for choice in choices])


def year_figures(user: Any, year: int) -> Figures:
    """The figures of ``year`` among the complaints ``user`` sees (one query, and the rule)."""
    rows = list(
        petitions_visible_to(user)
        .filter(received_on__year=year)
        .values_list(
            "category",
            "rights_area",
            "channel",
            "satisfaction",
            "received_on",
            "accepted_on",
            "replied_on",
            "extension_days",
        )
    )
    figures = Figures(year=year, total=len(rows))
    counters: list[Counter[str]] = [Counter() for _i in range(4)]
    months = [0] * 12
    limit = rule_number(RuleCode.CONCLUDE_DAYS, datetime.date(year, 12, 31))
    for category, area, channel, rating, received, accepted, replied, extension in rows:
        for counter, value in zip(counters, (category, area, channel, rating), strict=True):
            counter[value] += 1
        months[received.month - 1] += 1
        if replied is not None:
            figures.replied += 1
            start = accepted or received
            if (replied - start).days <= limit + extension:
                figures.in_time += 1
    figures.by_category = _rows(Category, counters[0])
    figures.by_rights_area = _rows(RightsArea, counters[1])
    figures.by_channel = _rows(Channel, counters[2])
    rated = _rows(Satisfaction, counters[3])
    figures.by_satisfaction = [*rated, Row(_("Not rated"), counters[3][""])]
    _scaled(figures.by_satisfaction)
    figures.by_month = _scaled(
        [
            Row(_("%(month)s/%(year)s") % {"month": m + 1, "year": year}, months[m])
            for m in range(12)
        ]
    )
    return figures


def figures_xlsx(figures: Figures) -> bytes:
    """The year's figures as a workbook: one sheet per table and one of timeliness."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for _key, title, column, rows in figures.tables():
        sheet = book.create_sheet(title=title[:31])
        sheet.append(safe_row([column, pgettext("count", "Complaints")]))
        for row in rows:
            sheet.append(safe_row([row.label, row.count]))
        sheet.append(safe_row([_("Total"), figures.total]))
    sheet = book.create_sheet(title=_("Timeliness")[:31])
    sheet.append(safe_row([_("Handling opinions given"), figures.replied]))
    sheet.append(safe_row([_("Given within the time limit"), figures.in_time]))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
