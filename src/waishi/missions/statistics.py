"""Figures of the year's missions: how many, how many people, how many days, broken down.

A mission counts in the year of its departure once it is approved (approved, departed,
returned, report submitted or closed). ``people`` are person-trips (人次) and ``days`` are
person-days abroad (days abroad × members). A mission visiting several countries counts
once in each of them. The kind is *Hong Kong* or *Macao* when every stop is there (Hong
Kong if both), otherwise *abroad*.

Everything is read in three queries whatever the number of missions and summed in Python.
"""

import datetime
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from waishi.accounts.models import Agency
from waishi.core.spreadsheets import safe_row
from waishi.registers.countries import country_name

from .constants import CASE_TYPE
from .models import Destination, Mission
from .workflow import TRIP_STATES

# Trips abroad, and trips only to Hong Kong or Macao (named by the country register, so
# they read 中国香港 / "Hong Kong, China").
KINDS = ("abroad", "HK", "MO")


@dataclass
class Row:
    label: str
    missions: int = 0
    people: int = 0
    days: int = 0
    share: int = 0  # percent of the largest row's people, for the bars

    def add(self, people: int, days: int) -> None:
        self.missions += 1
        self.people += people
        self.days += days * people


@dataclass
class Figures:
    year: int
    total: Row
    by_agency: list[Row] = field(default_factory=list)
    by_country: list[Row] = field(default_factory=list)
    by_month: list[Row] = field(default_factory=list)
    by_kind: list[Row] = field(default_factory=list)

    def tables(self) -> list[tuple[str, str, list[Row]]]:
        return [
            ("agency", _("By agency"), self.by_agency),
            ("country", _("By country or region"), self.by_country),
            ("month", _("By month of departure"), self.by_month),
            ("kind", _("By kind"), self.by_kind),
        ]


def kind_of(countries: Iterable[str]) -> str:
    places = set(countries)
    if not places or places - {"HK", "MO"}:
        return "abroad"
    return "HK" if "HK" in places else "MO"


def _ranked(rows: dict[str, Row]) -> list[Row]:
    ordered = sorted(rows.values(), key=lambda r: (-r.people, -r.missions, r.label))
    _scale(ordered)
    return ordered


def _scale(rows: list[Row]) -> None:
    top = max((r.people for r in rows), default=0)
    for row in rows:
        row.share = round(row.people * 100 / top) if top else 0


def year_figures(year: int) -> Figures:
    missions = list(
        Mission.objects.filter(
            case__case_type=CASE_TYPE,
            case__status__in=TRIP_STATES,
            departure_date__year=year,
        )
        .annotate(people=Count("members"))
        .values_list("pk", "case__agency_id", "departure_date", "return_date", "people")
    )
    ids = [m[0] for m in missions]
    stops: dict[int, list[str]] = defaultdict(list)
    for mission_id, code in (
        Destination.objects.filter(mission_id__in=ids)
        .order_by("mission_id", "sort_order", "id")
        .values_list("mission_id", "country")
    ):
        if code not in stops[mission_id]:
            stops[mission_id].append(code)
    agencies = {a.pk: str(a) for a in Agency.objects.filter(pk__in={m[1] for m in missions})}
    total = Row(_("All missions"))
    by_agency: dict[str, Row] = {}
    by_country: dict[str, Row] = {}
    by_month = [Row(_("%(month)s/%(year)s") % {"month": m, "year": year}) for m in range(1, 13)]
    by_kind = {
        code: Row(str(_("Abroad")) if code == "abroad" else country_name(code)) for code in KINDS
    }
    for pk, agency_id, departure, return_date, people in missions:
        assert departure is not None  # filtered on its year
        days = (return_date - departure).days + 1 if return_date else 1
        total.add(people, days)
        name = agencies.get(agency_id, "—")
        by_agency.setdefault(name, Row(name)).add(people, days)
        for code in stops[pk]:
            by_country.setdefault(code, Row(country_name(code))).add(people, days)
        by_month[departure.month - 1].add(people, days)
        by_kind[kind_of(stops[pk])].add(people, days)
    _scale(by_month)
    kinds = list(by_kind.values())
    _scale(kinds)
    return Figures(
        year=year,
        total=total,
        by_agency=_ranked(by_agency),
        by_country=_ranked(by_country),
        by_month=by_month,
        by_kind=kinds,
    )


def available_years(today: datetime.date) -> list[int]:
    first = (
        Mission.objects.filter(departure_date__isnull=False)
        .order_by("departure_date")
        .values_list("departure_date", flat=True)
        .first()
    )
    start = min(first.year if first else today.year, today.year)
    return list(range(today.year + 1, start - 1, -1))


def figures_xlsx(figures: Figures) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for _code, title, rows in figures.tables():
        sheet = book.create_sheet(title=title[:31])
        sheet.append(
            [title, pgettext("count", "Missions"), _("Person-trips"), _("Person-days abroad")]
        )
        for row in rows:
            sheet.append(safe_row([row.label, row.missions, row.people, row.days]))
        sheet.append(
            [figures.total.label, figures.total.missions, figures.total.people, figures.total.days]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
