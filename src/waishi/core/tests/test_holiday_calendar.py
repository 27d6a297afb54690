"""The holiday calendar as data: seeded years, provisional years from the law, the cache."""

import datetime

import chinese_calendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lunar_python import Lunar

from waishi.core import workdays
from waishi.core.models import CalendarDay, DayKind, Festival, HolidayNotice, NoticeStatus
from waishi.core.workdays import (
    UnknownCalendarYear,
    add_workdays,
    clear_calendar_cache,
    forget_calendar,
    is_known_year,
    is_provisional,
    is_workday,
    missing_notice_year,
    statutory_holidays,
    workdays_between,
    year_calendar,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def spring_festival(year: int) -> list[datetime.date]:
    """除夕 to 正月初三 of ``year``, computed independently of the code under test."""
    first = Lunar.fromYmd(year, 1, 1).getSolar()
    new_year = D(first.getYear(), first.getMonth(), first.getDay())
    return [new_year + datetime.timedelta(days=n) for n in range(-1, 3)]


def test_seeded_years_match_the_published_calendar_day_by_day():
    day = D(2004, 1, 1)
    while day <= D(2026, 12, 31):
        assert is_workday(day) == chinese_calendar.is_workday(day), day
        day += datetime.timedelta(days=1)


def test_seeded_years_are_official_and_cite_their_source():
    notice = HolidayNotice.objects.get(year=2026)
    assert notice.status == NoticeStatus.OFFICIAL
    assert notice.number == ""
    assert notice.note == "seeded from the published calendar"
    assert is_known_year(2026) and not is_provisional(D(2026, 5, 1))
    assert CalendarDay.objects.get(date=D(2026, 10, 10)).kind == DayKind.WORKDAY


def test_2027_spring_festival_is_known_before_the_notice():
    eve, first, second, third = spring_festival(2027)
    assert (eve, third) == (D(2027, 2, 5), D(2027, 2, 8))
    holidays = statutory_holidays(2027)
    assert all(holidays[d] == Festival.SPRING_FESTIVAL for d in (eve, first, second, third))
    # Thursday 4 February: 除夕 (Fri), 初一 and 初二 (the weekend) and 初三 (Mon) are off.
    assert add_workdays(D(2027, 2, 4), 1) == D(2027, 2, 9)
    assert add_workdays(D(2027, 2, 4), 5) == D(2027, 2, 15)
    assert workdays_between(D(2027, 2, 4), D(2027, 2, 15)) == 5
    assert is_provisional(D(2027, 2, 9))


def test_2027_statutory_days_follow_the_2024_regulations():
    holidays = statutory_holidays(2027)
    assert len(holidays) == 13
    assert holidays[D(2027, 1, 1)] == Festival.NEW_YEAR
    assert holidays[D(2027, 4, 5)] == Festival.QINGMING
    assert holidays[D(2027, 5, 1)] == holidays[D(2027, 5, 2)] == Festival.LABOUR_DAY
    assert holidays[D(2027, 6, 9)] == Festival.DRAGON_BOAT
    assert holidays[D(2027, 9, 15)] == Festival.MID_AUTUMN
    assert [d for d, f in holidays.items() if f == Festival.NATIONAL_DAY] == [
        D(2027, 10, 1),
        D(2027, 10, 2),
        D(2027, 10, 3),
    ]
    # No make-up working days in a provisional year: Saturdays stay off.
    assert year_calendar(2027).workdays == {}
    assert not is_workday(D(2027, 2, 20))


def test_strict_refuses_a_provisional_year_but_not_an_official_one():
    with pytest.raises(UnknownCalendarYear, match="2027"):
        add_workdays(D(2027, 2, 4), 1, strict=True)
    assert add_workdays(D(2026, 9, 30), 1, strict=True) == D(2026, 10, 8)


def calendar_queries(captured: CaptureQueriesContext) -> list[str]:
    """The queries that read the calendar's own tables (not the shared cache's)."""
    return [
        q["sql"]
        for q in captured.captured_queries
        if "core_calendarday" in q["sql"] or "core_holidaynotice" in q["sql"]
    ]


def test_a_year_is_read_once_then_served_from_memory(django_assert_num_queries):
    with CaptureQueriesContext(connection) as first:
        add_workdays(D(2026, 9, 30), 1)
    assert len(calendar_queries(first)) == 2  # the notice, then its days
    with django_assert_num_queries(0):
        add_workdays(D(2026, 9, 30), 5)
        assert is_workday(D(2026, 10, 10))


def test_another_process_reads_the_shared_cache_not_the_tables():
    year_calendar(2026)
    forget_calendar()  # a fresh process: empty memory, same shared cache
    with CaptureQueriesContext(connection) as captured:
        assert is_workday(D(2026, 10, 10))
    assert calendar_queries(captured) == []


def test_a_notice_entered_elsewhere_is_seen_after_the_recheck_interval(settings):
    assert not is_workday(D(2027, 1, 31))
    notice = HolidayNotice.objects.create(year=2027, status=NoticeStatus.OFFICIAL)
    CalendarDay.objects.create(
        date=D(2027, 1, 31), kind=DayKind.WORKDAY, festival=Festival.SPRING_FESTIVAL, notice=notice
    )
    # Another process changes the shared version; this one trusts its memo until the recheck.
    workdays._shared_cache().set(workdays.VERSION_KEY, "elsewhere", timeout=None)
    assert not is_workday(D(2027, 1, 31))
    settings.WAISHI_CALENDAR_RECHECK_SECONDS = 0
    assert is_workday(D(2027, 1, 31))


def test_clearing_the_calendar_makes_every_reader_read_again():
    year_calendar(2026)
    clear_calendar_cache()
    with CaptureQueriesContext(connection) as captured:
        year_calendar(2026)
    assert len(calendar_queries(captured)) == 2


@pytest.mark.parametrize(
    ("today", "expected"),
    [(D(2026, 10, 31), None), (D(2026, 11, 1), 2027), (D(2026, 12, 31), 2027)],
)
def test_missing_notice_warning_starts_on_1_november(today, expected):
    assert missing_notice_year(today) == expected


def test_no_warning_once_next_years_notice_is_in():
    assert missing_notice_year(D(2025, 11, 1)) is None  # 2026 is seeded
