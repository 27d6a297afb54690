"""Survey campaigns (侨情调查): the spreadsheet template, its row-by-row check, and statistics."""

import io
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from waishi.core.spreadsheets import safe_row
from waishi.registers.countries import country, country_name

from .constants import LEAVING_SPLIT_YEAR, Category

# Columns of the template: (key, header shown in the sheet).
COLUMNS = (
    ("name", "姓名 Name"),
    ("sex", "性别 Sex (男/女)"),
    ("birth_year", "出生年份 Year of birth"),
    ("category", "身份 Standing"),
    ("country", "居住国家或地区 Country (MY, AU…)"),
    ("left_china_year", "出国年份 Year of leaving China"),
    ("town", "镇（街道） Town"),
    ("note", "备注 Note"),
)
SEXES = {
    "男": "male",
    "女": "female",
    "male": "male",
    "female": "female",
    "m": "male",
    "f": "female",
}
MAX_ROWS = 5000


def category_by_text() -> dict[str, str]:
    """Standings as typed in the sheet: the code, the Chinese word, or the English label."""
    found: dict[str, str] = {}
    words = {
        Category.HUAQIAO: "华侨",
        Category.GUIQIAO: "归侨",
        Category.QIAOJUAN: "侨眷",
        Category.QIAOSHU: "侨属",
        Category.HUAREN: "外籍华人",
        Category.HKMO: "港澳同胞",
        Category.HKMO_RELATIVE: "港澳同胞眷属",
    }
    for value, label in Category.choices:
        found[value] = value
        found[str(label).lower()] = value
        found[words[Category(value)]] = value
    return found


def template_xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "survey"
    sheet.append([header for _key, header in COLUMNS])
    sheet.append(["陈某某", "男", 1958, "华侨", "MY", 1976, "会城街道", ""])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass
class Parsed:
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _int(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        raise ValueError from None
    if number != int(number):
        raise ValueError
    return int(number)


def parse_row(
    values: dict[str, Any], line: int | None, categories: dict[str, str]
) -> tuple[dict[str, Any], list[str]]:
    """One row of the sheet as record fields, and what is wrong with it (row ``line``)."""
    errors: list[str] = []
    this_year = timezone.localdate().year

    def wrong(text: str) -> None:
        if line is None:
            errors.append(text[:1].upper() + text[1:])
        else:
            errors.append(_("Row %(row)s: %(problem)s") % {"row": line, "problem": text})

    name = str(values.get("name") or "").strip()
    if not name:
        wrong(_("the name is missing."))
    elif len(name) > 60:
        wrong(_("the name is longer than 60 characters."))
    sex_text = str(values.get("sex") or "").strip().lower()
    sex = SEXES.get(sex_text, "")
    if sex_text and not sex:
        wrong(_("the sex is 男 or 女."))
    category = categories.get(str(values.get("category") or "").strip().lower(), "")
    if not category:
        wrong(
            _("the standing is not one of the list (华侨, 归侨, 侨眷, 侨属, 外籍华人, 港澳同胞…).")
        )
    code = str(values.get("country") or "").strip().upper()
    if not code or country(code) is None:
        wrong(_("the country is a two-letter code such as MY or AU."))
    try:
        birth_year = _int(values.get("birth_year"))
        if birth_year is not None and not 1900 <= birth_year <= this_year:
            wrong(_("the year of birth is out of range."))
    except ValueError:
        birth_year = None
        wrong(_("the year of birth is not a year."))
    try:
        left = _int(values.get("left_china_year"))
        if left is not None and not 1900 <= left <= this_year:
            wrong(_("the year of leaving China is out of range."))
        elif left is not None and birth_year is not None and left < birth_year:
            wrong(_("the person left China before they were born."))
    except ValueError:
        left = None
        wrong(_("the year of leaving China is not a year."))
    record = {
        "name": name,
        "sex": sex,
        "birth_year": birth_year,
        "category": category,
        "country": code,
        "left_china_year": left,
        "town": str(values.get("town") or "").strip()[:60],
        "note": str(values.get("note") or "").strip()[:300],
    }
    return record, errors


def parse_xlsx(content: bytes) -> Parsed:
    """Every row of an uploaded sheet, checked; any error means nothing may be written."""
    parsed = Parsed()
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:
        parsed.errors.append(_("The file is not a spreadsheet made from the template (XLSX)."))
        return parsed
    sheet = book.worksheets[0]
    categories = category_by_text()
    keys = [key for key, _header in COLUMNS]
    for line, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        if row is None or all(cell in (None, "") for cell in row):
            continue
        if len(parsed.rows) >= MAX_ROWS:
            parsed.errors.append(
                _("At most %(count)s rows can be imported at once.") % {"count": MAX_ROWS}
            )
            break
        values = dict(zip(keys, list(row) + [None] * (len(keys) - len(row)), strict=False))
        record, errors = parse_row(values, line, categories)
        parsed.rows.append(record)
        parsed.errors.extend(errors)
    if not parsed.rows and not parsed.errors:
        parsed.errors.append(_("The sheet has no rows below its header."))
    return parsed


@dataclass
class FigureRow:
    label: str
    count: int
    share: float = 0.0


@dataclass
class SurveyFigures:
    year: int
    total: int
    verified: int
    tables: list[tuple[str, str, list[FigureRow]]]


def _rows(counter: Counter[str], total: int) -> list[FigureRow]:
    top = max(counter.values(), default=0)
    return [
        FigureRow(label, count, round(100 * count / top, 1) if top else 0.0)
        for label, count in counter.most_common()
    ]


def survey_figures(records: Any, year: int) -> SurveyFigures:
    """The year's records by county, country, standing and leaving before/after 1979.

    ``records`` are the records the user may see; four aggregate queries, whatever the count.
    """
    rows = records.filter(campaign__year=year)
    language = get_language() or "zh-hans"
    column = {"en": "name_en", "zh-hant": "name_zh_hant"}.get(language, "name_zh_hans")
    by_county = Counter(
        {
            str(r[f"campaign__county__{column}"] or r["campaign__county__name_zh_hans"]): r["n"]
            for r in rows.values(
                f"campaign__county__{column}", "campaign__county__name_zh_hans"
            ).annotate(n=Count("id"))
        }
    )
    by_country = Counter(
        {country_name(r["country"]): r["n"] for r in rows.values("country").annotate(n=Count("id"))}
    )
    labels = dict(Category.choices)
    by_category = Counter(
        {
            str(labels.get(r["category"], r["category"])): r["n"]
            for r in rows.values("category").annotate(n=Count("id"))
        }
    )
    split = rows.aggregate(
        before=Count("id", filter=Q(left_china_year__lt=LEAVING_SPLIT_YEAR)),
        after=Count("id", filter=Q(left_china_year__gte=LEAVING_SPLIT_YEAR)),
        unknown=Count("id", filter=Q(left_china_year__isnull=True)),
        verified=Count("id", filter=Q(status="verified")),
        total=Count("id"),
    )
    leaving = Counter(
        {
            _("Left before 1979"): split["before"],
            _("Left in 1979 or later"): split["after"],
            _("Year of leaving unknown"): split["unknown"],
        }
    )
    total = split["total"]
    return SurveyFigures(
        year=year,
        total=total,
        verified=split["verified"],
        tables=[
            ("county", _("By county-level unit"), _rows(by_county, total)),
            ("country", _("By country or region of residence"), _rows(by_country, total)),
            ("category", _("By standing"), _rows(by_category, total)),
            ("leaving", _("By year of leaving China"), _rows(+leaving, total)),
        ],
    )


def figures_xlsx(figures: SurveyFigures) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for code, title, rows in figures.tables:
        sheet = book.create_sheet(code)
        sheet.append([title, _("People")])
        for row in rows:
            sheet.append(safe_row([row.label, row.count]))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
