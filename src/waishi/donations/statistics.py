"""Donations in figures: amounts by year, county, purpose and donor country, with XLSX.

The figures are those of the donated-projects archive (every project carries its donated
amount in RMB, the old archive's included) among the projects the reader may see, so they
never say more than the archive list.
"""

import io
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from waishi.core.spreadsheets import safe_row
from waishi.registers.countries import country_name

from .constants import Purpose
from .querysets import projects_visible_to


@dataclass
class Row:
    label: str
    count: int = 0
    amount: Decimal = Decimal("0")
    share: int = 0  # percent of the largest amount, for the bars


@dataclass
class Figures:
    first_year: int
    last_year: int
    total: Row = field(default_factory=lambda: Row(""))
    by_year: list[Row] = field(default_factory=list)
    by_county: list[Row] = field(default_factory=list)
    by_purpose: list[Row] = field(default_factory=list)
    by_country: list[Row] = field(default_factory=list)

    def tables(self) -> list[tuple[str, str, str, list[Row]]]:
        """(key, title, heading of the first column, rows) of each table."""
        return [
            ("year", _("By year"), _("Year"), self.by_year),
            ("county", _("By county or district"), _("County or district"), self.by_county),
            ("purpose", _("By purpose"), _("Purpose"), self.by_purpose),
            ("country", _("By donor's country or region"), _("Country or region"), self.by_country),
        ]


def _rows(groups: dict[str, list[Any]], order: list[str] | None = None) -> list[Row]:
    keys = order if order is not None else sorted(groups, key=lambda k: -groups[k][1])
    rows = [Row(k, groups[k][0], groups[k][1]) for k in keys if k in groups]
    top = max((r.amount for r in rows), default=Decimal("0"))
    for row in rows:
        row.share = round(row.amount * 100 / top) if top else 0
    return rows


def figures(user: Any, first_year: int, last_year: int) -> Figures:
    """The archive's figures for the years given, among the projects ``user`` sees (one query)."""
    rows = (
        projects_visible_to(user)
        .filter(year__gte=first_year, year__lte=last_year)
        .values_list(
            "year",
            "county__name_zh_hans",
            "county__name_en",
            "purpose",
            "donor_country",
            "donated_rmb",
        )
    )
    from django.utils.translation import get_language

    english = (get_language() or "").startswith("en")
    years: dict[str, list[Any]] = defaultdict(lambda: [0, Decimal("0")])
    counties: dict[str, list[Any]] = defaultdict(lambda: [0, Decimal("0")])
    purposes: dict[str, list[Any]] = defaultdict(lambda: [0, Decimal("0")])
    countries: dict[str, list[Any]] = defaultdict(lambda: [0, Decimal("0")])
    labels = dict(Purpose.choices)
    out = Figures(first_year=first_year, last_year=last_year, total=Row(_("Total")))
    for year, county_zh, county_en, purpose, country, amount in rows:
        county = (county_en if english else county_zh) or _("City level")
        for groups, key in (
            (years, str(year)),
            (counties, county),
            (purposes, str(labels.get(purpose, purpose))),
            (countries, country_name(country)),
        ):
            groups[key][0] += 1
            groups[key][1] += amount
        out.total.count += 1
        out.total.amount += amount
    out.by_year = _rows(years, [str(y) for y in range(last_year, first_year - 1, -1)])
    out.by_county = _rows(counties)
    out.by_purpose = _rows(purposes)
    out.by_country = _rows(countries)
    return out


def figures_xlsx(result: Figures) -> bytes:
    """The figures as a workbook: one sheet per table."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for _key, title, column, rows in result.tables():
        sheet = book.create_sheet(title=title[:31])
        sheet.append(safe_row([column, _("Projects"), _("Amount (RMB)")]))
        for row in rows:
            sheet.append(safe_row([row.label, row.count, float(row.amount)]))
        sheet.append(safe_row([_("Total"), result.total.count, float(result.total.amount)]))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
