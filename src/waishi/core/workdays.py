"""Working days in mainland China: weekends, public holidays and make-up working days.

Deadlines in the bureau's rules are counted in working days (工作日): Saturdays and Sundays
are off, the statutory public holidays are off, and the State Council's yearly notice moves
some weekend days to working days (调休) around the long holidays.

The calendar is data: ``core.HolidayNotice`` and ``core.CalendarDay`` hold each year's notice
and the days it sets (seeded for 2004–2026, later years entered by a division head or the
system administrator). A year whose notice has not been entered yet (the State Council
publishes it in November or December for the next year) is *provisional*: its holidays are the
statutory days computed from the Regulations on National Holidays (全国年节及纪念日放假办法, as
amended 2024), with weekends off and no make-up working days. Pass ``strict=True`` to get
``UnknownCalendarYear`` for a provisional year instead, e.g. where a legal deadline must be
exact; show ``is_provisional(day)`` beside any date computed in such a year.

Each year is read from the database once: the days are kept in the shared cache (Redis, or a
database table) under a version that entering a notice changes, and in a small in-process
memo keyed by that version. A process checks the version at most every
``WAISHI_CALENDAR_RECHECK_SECONDS`` (60), so a page that counts working days costs no query
once the year has been read.
"""

import datetime
import time
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.translation import gettext

from waishi.core.models import DayKind, Festival, NoticeStatus

# Holidays on fixed solar dates under the Regulations on National Holidays (全国年节及纪念日
# 放假办法, as amended 2024, art. 2): New Year's Day, Labour Day (two days), National Day
# (three).
FIXED_HOLIDAYS: tuple[tuple[int, int, str], ...] = (
    (1, 1, Festival.NEW_YEAR),
    (5, 1, Festival.LABOUR_DAY),
    (5, 2, Festival.LABOUR_DAY),
    (10, 1, Festival.NATIONAL_DAY),
    (10, 2, Festival.NATIONAL_DAY),
    (10, 3, Festival.NATIONAL_DAY),
)
VERSION_KEY = "waishi:holiday-calendar:version"
YEAR_TIMEOUT = 24 * 3600


class UnknownCalendarYear(ValueError):
    """The State Council's holiday notice for this year has not been entered yet."""

    def __init__(self, year: int) -> None:
        super().__init__(
            gettext(
                "The working-day calendar for %(year)s is provisional until the State "
                "Council's holiday notice is entered."
            )
            % {"year": year}
        )
        self.year = year


@dataclass(frozen=True)
class YearCalendar:
    """The days off and make-up working days of one year, and whether they are official."""

    year: int
    status: str
    holidays: dict[datetime.date, str]
    workdays: dict[datetime.date, str]
    entered: bool = False

    @property
    def provisional(self) -> bool:
        return self.status != NoticeStatus.OFFICIAL

    def is_workday(self, day: datetime.date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays


def statutory_holidays(year: int) -> dict[datetime.date, str]:
    """The statutory public holidays of ``year`` by the Regulations on National Holidays.

    Art. 2 as amended 2024: New Year's Day (1 January); Spring Festival (除夕 and 正月初一 to
    初三); Qingming (the day of the solar term); Labour Day (1–2 May); Dragon Boat Festival (the
    5th of the 5th lunar month); Mid-Autumn Festival (the 15th of the 8th); National Day (1–3
    October). The lunar dates and the solar term come from ``lunar_python``. Bridging days,
    compensation days and make-up working days are left to the State Council's notice.
    """
    from lunar_python import Lunar, Solar

    def solar(lunar_month: int, lunar_day: int) -> datetime.date:
        day = Lunar.fromYmd(year, lunar_month, lunar_day).getSolar()
        return datetime.date(day.getYear(), day.getMonth(), day.getDay())

    days: dict[datetime.date, str] = {
        datetime.date(year, month, day): festival for month, day, festival in FIXED_HOLIDAYS
    }
    new_year = solar(1, 1)
    for offset in range(-1, 3):  # 除夕 to 初三
        days[new_year + datetime.timedelta(days=offset)] = Festival.SPRING_FESTIVAL
    qingming = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()["清明"]
    days[datetime.date(year, 4, qingming.getDay())] = Festival.QINGMING
    days[solar(5, 5)] = Festival.DRAGON_BOAT
    days[solar(8, 15)] = Festival.MID_AUTUMN
    # 除夕 of an early Spring Festival never falls in the year before (the earliest 正月初一 is
    # 21 January), so every day lies inside ``year``.
    return {day: str(name) for day, name in sorted(days.items()) if day.year == year}


def _read_year(year: int) -> YearCalendar:
    """Read one year from the database, or compute it when no notice has been entered."""
    from waishi.core.models import CalendarDay, HolidayNotice

    notice = HolidayNotice.objects.filter(year=year).only("status").first()
    if notice is None:
        return YearCalendar(year, NoticeStatus.PROVISIONAL, statutory_holidays(year), {})
    holidays: dict[datetime.date, str] = {}
    workdays: dict[datetime.date, str] = {}
    for day, kind, festival in CalendarDay.objects.filter(date__year=year).values_list(
        "date", "kind", "festival"
    ):
        (holidays if kind == DayKind.HOLIDAY else workdays)[day] = festival
    return YearCalendar(year, notice.status, holidays, workdays, entered=True)


_memo: dict[tuple[str, int], YearCalendar] = {}
# The version the memo was last checked against, and when (time.monotonic()).
_checked: dict[str, Any] = {"version": "", "at": float("-inf")}


def _shared_cache() -> Any:
    """The cache every process sees alike ("shared": Redis or a database table)."""
    return caches["shared" if "shared" in settings.CACHES else "default"]


def _version() -> str:
    """The calendar's current version, checked in the shared cache at most every few seconds.

    Between checks the in-process memo is trusted, so counting working days costs no query
    even when the shared cache is a database table. A notice entered in another process is
    seen here within ``WAISHI_CALENDAR_RECHECK_SECONDS`` (default 60).
    """
    now = time.monotonic()
    recheck = getattr(settings, "WAISHI_CALENDAR_RECHECK_SECONDS", 60)
    if _checked["version"] and now - _checked["at"] < recheck:
        return str(_checked["version"])
    cache = _shared_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    _checked.update(version=str(version or ""), at=now)
    return str(version or "")


def forget_calendar() -> None:
    """Drop this process's memo (the next read checks the shared version again)."""
    _memo.clear()
    _checked.update(version="", at=float("-inf"))


def clear_calendar_cache() -> None:
    """Make every process read the calendar afresh (called when a notice is entered)."""
    _shared_cache().set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    forget_calendar()


class _Reader:
    """Reads years through the memo and the shared cache, at one version for one call."""

    def __init__(self) -> None:
        self.version = _version()
        self.years: dict[int, YearCalendar] = {}

    def year(self, year: int) -> YearCalendar:
        found = self.years.get(year)
        if found is not None:
            return found
        key = (self.version, year)
        found = _memo.get(key)
        if found is None:
            cache = _shared_cache()
            cache_key = f"waishi:holiday-calendar:{self.version}:{year}"
            found = cache.get(cache_key)
            if not isinstance(found, YearCalendar):
                found = _read_year(year)
                cache.set(cache_key, found, timeout=YEAR_TIMEOUT)
            if len(_memo) > 64 or any(v != self.version for v, _ in _memo):
                _memo.clear()
            _memo[key] = found
        self.years[year] = found
        return found

    def is_workday(self, day: datetime.date, strict: bool) -> bool:
        calendar = self.year(day.year)
        if strict and calendar.provisional:
            raise UnknownCalendarYear(day.year)
        return calendar.is_workday(day)


def year_calendar(year: int) -> YearCalendar:
    """The holidays and make-up days of ``year``, official or provisional."""
    return _Reader().year(year)


def is_known_year(year: int) -> bool:
    """Whether the State Council's notice for ``year`` has been entered (official days)."""
    return not year_calendar(year).provisional


def is_provisional(day: datetime.date | None) -> bool:
    """Whether ``day`` lies in a year whose days are provisional (no notice entered)."""
    return day is not None and year_calendar(day.year).provisional


def is_workday(day: datetime.date, *, strict: bool = False) -> bool:
    """Whether ``day`` is a working day (make-up Saturdays and Sundays included)."""
    return _Reader().is_workday(day, strict)


def add_workdays(start: datetime.date, days: int, *, strict: bool = False) -> datetime.date:
    """The date ``days`` working days after ``start`` (before it when ``days`` is negative).

    ``start`` itself is not counted, as in "within 5 working days of receipt": a request
    received on a Friday before a normal weekend is due the next Friday. ``days == 0``
    returns ``start`` if it is a working day, otherwise the next working day.
    """
    reader = _Reader()
    step = 1 if days >= 0 else -1
    remaining = abs(days)
    day = start
    if remaining == 0:
        while not reader.is_workday(day, strict):
            day += datetime.timedelta(days=1)
        return day
    while remaining:
        day += datetime.timedelta(days=step)
        if reader.is_workday(day, strict):
            remaining -= 1
    return day


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus ``months`` calendar months, on the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def workdays_between(start: datetime.date, end: datetime.date, *, strict: bool = False) -> int:
    """How many working days lie after ``start`` up to and including ``end``.

    It is the inverse of ``add_workdays``: ``workdays_between(d, add_workdays(d, n)) == n``.
    When ``end`` is before ``start`` the count is negative.
    """
    if end < start:
        return -workdays_between(end, start, strict=strict)
    reader = _Reader()
    count = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        if reader.is_workday(day, strict):
            count += 1
    return count


def missing_notice_year(today: datetime.date | None = None) -> int | None:
    """Next year, from 1 November on, while its notice has not been entered; else None.

    The State Council publishes the notice for the next year in November or December; from
    1 November the bureau is reminded to enter it.
    """
    today = today or timezone.localdate()
    if today.month < 11:
        return None
    year = today.year + 1
    return year if year_calendar(year).provisional else None
