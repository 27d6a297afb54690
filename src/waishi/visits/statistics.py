"""Figures of the year's visits and gifts: visits by country and by the head's rank class,
hosted days, gifts given and received. Read in three queries whatever the number of visits."""

import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count
from django.utils.translation import gettext as _

from waishi.core.spreadsheets import safe_row
from waishi.registers.countries import country_name

from .constants import GIFT_CASE_TYPE, VISIT_CASE_TYPE, RankClass
from .models import GiftGiven, Guest, ReceivedGift, Visit

COUNTED = ("approved", "held", "reported", "closed")


@dataclass
class Row:
    label: str
    visits: int = 0
    guests: int = 0
    days: int = 0
    share: int = 0


@dataclass
class Figures:
    year: int
    total: Row
    by_country: list[Row] = field(default_factory=list)
    by_rank: list[Row] = field(default_factory=list)
    gifts_given: int = 0
    gifts_given_value: Decimal = Decimal("0")
    gifts_received: int = 0
    gifts_received_value: Decimal = Decimal("0")
    gifts_declared: int = 0
    gifts_late: int = 0

    def tables(self) -> list[tuple[str, str, list[Row]]]:
        return [
            ("country", _("By country or region"), self.by_country),
            ("rank", _("By rank class of the head of delegation"), self.by_rank),
        ]


def _scaled(rows: list[Row]) -> list[Row]:
    top = max((r.visits for r in rows), default=0)
    for row in rows:
        row.share = round(row.visits * 100 / top) if top else 0
    return rows


def year_figures(year: int) -> Figures:
    visits = list(
        Visit.objects.filter(
            case__case_type=VISIT_CASE_TYPE, case__status__in=COUNTED, arrival_date__year=year
        )
        .annotate(people=Count("guests"))
        .values_list("pk", "country", "arrival_date", "departure_date", "people")
    )
    heads = dict(
        Guest.objects.filter(visit_id__in=[v[0] for v in visits], is_head=True).values_list(
            "visit_id", "rank_class"
        )
    )
    total = Row(_("All visits"))
    by_country: dict[str, Row] = {}
    by_rank = {code: Row(str(label)) for code, label in RankClass.choices}
    for pk, country, arrival, departure, people in visits:
        days = (departure - arrival).days + 1
        for row in (
            total,
            by_country.setdefault(country, Row(country_name(country))),
            by_rank[heads.get(pk, RankClass.OTHER)],
        ):
            row.visits += 1
            row.guests += people
            row.days += days
    given = GiftGiven.objects.filter(
        visit__arrival_date__year=year, visit__case__status__in=COUNTED
    )
    received = ReceivedGift.objects.filter(
        case__case_type=GIFT_CASE_TYPE, received_on__year=year
    ).values_list("value", "declared_on", "declared_late")
    figures = Figures(
        year=year,
        total=total,
        by_country=_scaled(sorted(by_country.values(), key=lambda r: (-r.visits, r.label))),
        by_rank=_scaled(list(by_rank.values())),
    )
    for value in given.values_list("value", flat=True):
        figures.gifts_given += 1
        figures.gifts_given_value += value
    for value, declared_on, late in received:
        figures.gifts_received += 1
        figures.gifts_received_value += value
        figures.gifts_declared += 1 if declared_on else 0
        figures.gifts_late += 1 if late else 0
    return figures


def figures_xlsx(figures: Figures) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for _code, title, rows in figures.tables():
        sheet = book.create_sheet(title=title[:31])
        sheet.append([title, _("Visits"), _("Guests"), _("Days hosted")])
        for row in rows:
            sheet.append(safe_row([row.label, row.visits, row.guests, row.days]))
        sheet.append(
            safe_row(
                [
                    figures.total.label,
                    figures.total.visits,
                    figures.total.guests,
                    figures.total.days,
                ]
            )
        )
    sheet = book.create_sheet(title=_("Gifts")[:31])
    sheet.append(
        [
            _("Gifts given"),
            _("Value (RMB)"),
            _("Gifts received"),
            _("Value (RMB)"),
            _("Declared"),
            _("Declared late"),
        ]
    )
    sheet.append(
        [
            figures.gifts_given,
            float(figures.gifts_given_value),
            figures.gifts_received,
            float(figures.gifts_received_value),
            figures.gifts_declared,
            figures.gifts_late,
        ]
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def years_with_data(today_year: int) -> list[int]:
    first = Visit.objects.order_by("arrival_date").values_list("arrival_date", flat=True).first()
    start = min(first.year if first else today_year, today_year)
    return list(range(today_year + 1, start - 1, -1))
