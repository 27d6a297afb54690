"""Working days in mainland China: weekends, public holidays and make-up working days.

Deadlines in the bureau's rules are counted in working days (工作日): Saturdays and Sundays
are off, the statutory public holidays are off, and the State Council's yearly notice moves
some weekend days to working days (调休) around the long holidays. The calendar comes from the
``chinese_calendar`` package, which carries each year's notice once it is published.

Years the package does not know yet (the State Council publishes each notice in November or
December for the next year) fall back to a plain calendar: Monday to Friday are working days,
except the holidays fixed to solar dates (1 January, 1–2 May, 1–3 October). Lunar holidays
(Spring Festival, Qingming, Dragon Boat, Mid-Autumn) and make-up days are not known in such a
year, so a deadline there may fall a few days early. Pass ``strict=True`` to get
``UnknownCalendarYear`` instead of the fallback, e.g. where a legal deadline must be exact.
"""

import datetime

import chinese_calendar

# Holidays on fixed solar dates under the Regulations on National Holidays (全国年节及纪念日
# 放假办法, as amended 2024): New Year's Day, Labour Day (two days) and National Day (three).
FIXED_HOLIDAYS: frozenset[tuple[int, int]] = frozenset(
    {(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)}
)


class UnknownCalendarYear(ValueError):
    """The holiday calendar of this year has not been published to ``chinese_calendar``."""

    def __init__(self, year: int) -> None:
        super().__init__(
            f"The working-day calendar for {year} is not known yet; update the "
            "chinese_calendar package once the State Council publishes the holiday notice."
        )
        self.year = year


def is_known_year(year: int) -> bool:
    """Whether ``chinese_calendar`` carries the holiday notice for ``year``."""
    try:
        chinese_calendar.is_workday(datetime.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def is_workday(day: datetime.date, *, strict: bool = False) -> bool:
    """Whether ``day`` is a working day (make-up Saturdays and Sundays included)."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError as error:
        if strict:
            raise UnknownCalendarYear(day.year) from error
    return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS


def add_workdays(start: datetime.date, days: int, *, strict: bool = False) -> datetime.date:
    """The date ``days`` working days after ``start`` (before it when ``days`` is negative).

    ``start`` itself is not counted, as in "within 5 working days of receipt": a request
    received on a Friday before a normal weekend is due the next Friday. ``days == 0``
    returns ``start`` if it is a working day, otherwise the next working day.
    """
    step = 1 if days >= 0 else -1
    remaining = abs(days)
    day = start
    if remaining == 0:
        while not is_workday(day, strict=strict):
            day += datetime.timedelta(days=1)
        return day
    while remaining:
        day += datetime.timedelta(days=step)
        if is_workday(day, strict=strict):
            remaining -= 1
    return day


def workdays_between(start: datetime.date, end: datetime.date, *, strict: bool = False) -> int:
    """How many working days lie after ``start`` up to and including ``end``.

    It is the inverse of ``add_workdays``: ``workdays_between(d, add_workdays(d, n)) == n``.
    When ``end`` is before ``start`` the count is negative.
    """
    if end < start:
        return -workdays_between(end, start, strict=strict)
    count = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_workday(day, strict=strict):
            count += 1
    return count
