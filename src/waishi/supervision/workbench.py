"""The inspector's list: the breaches of every area, filtered, and its XLSX export."""

import datetime
import io
from dataclasses import dataclass
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _
from openpyxl import Workbook

from waishi.cases.breaches import Breach, BreachQuery, breach_sources, find_breaches
from waishi.core.spreadsheets import safe_row

# Rows shown on one page of the workbench (newest first); narrow the filters for others.
PAGE_ROWS = 200
STATES = ("open", "cleared", "all")


@dataclass(frozen=True)
class Filters:
    area: str = ""
    kind: str = ""
    agency_id: int | None = None
    person_id: int | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None
    state: str = "open"

    def query(self, limit: int = PAGE_ROWS) -> BreachQuery:
        cleared = {"open": False, "cleared": True, "all": None}[self.state]
        return BreachQuery(
            agency_id=self.agency_id,
            person_id=self.person_id,
            since=self.since,
            until=self.until,
            cleared=cleared,
            limit=limit,
        )

    def breaches(self, limit: int = PAGE_ROWS) -> list[Breach]:
        return find_breaches(
            self.query(limit),
            sources=[self.kind] if self.kind else None,
            areas=[self.area] if self.area else None,
        )


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _day(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def parse_filters(data: QueryDict) -> Filters:
    """The filters of a request; anything that does not parse is ignored."""
    codes = {s.code for s in breach_sources()}
    areas = {s.area for s in breach_sources()}
    state = data.get("state", "open")
    return Filters(
        area=data.get("area", "") if data.get("area", "") in areas else "",
        kind=data.get("kind", "") if data.get("kind", "") in codes else "",
        agency_id=_int(data.get("agency")),
        person_id=_int(data.get("person")),
        since=_day(data.get("since")),
        until=_day(data.get("until")),
        state=state if state in STATES else "open",
    )


def labels() -> dict[str, str]:
    return {s.code: str(s.label) for s in breach_sources()}


def breaches_xlsx(rows: list[Breach]) -> bytes:
    names = labels()
    book = Workbook()
    sheet = book.active
    sheet.title = _("Breaches")[:31]
    sheet.append(
        [
            _("Dated"),
            _("Kind"),
            _("Agency"),
            _("Person"),
            _("What"),
            _("Case"),
            _("Rule"),
            _("Cleared on"),
        ]
    )
    for b in rows:
        sheet.append(
            safe_row(
                [
                    b.when,
                    names.get(b.source, b.source),
                    b.agency_name,
                    b.person_name,
                    b.what,
                    b.case_reference,
                    b.citation,
                    b.cleared_on or "",
                ]
            )
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def area_choices() -> list[tuple[str, str]]:
    from django.apps import apps

    seen: dict[str, str] = {}
    for s in breach_sources():
        if s.area not in seen:
            try:
                seen[s.area] = str(apps.get_app_config(s.area).verbose_name)
            except LookupError:
                seen[s.area] = s.area
    return sorted(seen.items(), key=lambda kv: kv[1])


def export_filename(filters: Filters) -> str:
    return f"breaches-{filters.state}.xlsx"


def open_inspections() -> dict[str, str]:
    """The breaches under an open inspection, by uid, with the inspection's reference."""
    from .models import Inspection

    rows: Any = (
        Inspection.objects.filter(case__is_open=True)
        .exclude(breach_key="")
        .values_list("breach_source", "breach_key", "case__reference")
    )
    return {f"{s}:{k}": ref for s, k, ref in rows}
