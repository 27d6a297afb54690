import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from waishi.core.workdays import (
    UnknownCalendarYear,
    add_workdays,
    is_known_year,
    is_workday,
    workdays_between,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def test_national_day_week_is_skipped():
    # 30 September 2026 is a Wednesday; 1–7 October are the National Day holiday.
    assert add_workdays(D(2026, 9, 30), 1) == D(2026, 10, 8)


def test_make_up_saturday_counts_as_a_working_day():
    # Saturday 10 October 2026 is a make-up working day after the National Day week.
    assert is_workday(D(2026, 10, 10))
    assert add_workdays(D(2026, 10, 9), 1) == D(2026, 10, 10)


def test_plain_weekend_is_skipped():
    assert add_workdays(D(2026, 11, 27), 1) == D(2026, 11, 30)  # Friday -> Monday


def test_five_working_days_from_a_friday():
    assert add_workdays(D(2026, 11, 20), 5) == D(2026, 11, 27)


def test_zero_days_on_a_holiday_moves_to_the_next_working_day():
    assert add_workdays(D(2026, 10, 3), 0) == D(2026, 10, 8)


def test_negative_days_count_backwards():
    assert add_workdays(D(2026, 10, 8), -1) == D(2026, 9, 30)


def test_workdays_between_counts_after_start_up_to_end():
    assert workdays_between(D(2026, 9, 30), D(2026, 10, 8)) == 1
    assert workdays_between(D(2026, 10, 8), D(2026, 9, 30)) == -1
    assert workdays_between(D(2026, 11, 23), D(2026, 11, 23)) == 0


def test_unknown_year_falls_back_to_weekdays_and_fixed_holidays():
    assert not is_known_year(2099)
    assert not is_workday(D(2099, 10, 1))  # National Day is on a fixed date
    assert is_workday(D(2099, 10, 5))  # a Monday
    assert not is_workday(D(2099, 10, 10))  # a Saturday


def test_unknown_year_raises_in_strict_mode():
    with pytest.raises(UnknownCalendarYear, match="2099"):
        add_workdays(D(2099, 3, 2), 3, strict=True)


@given(
    start=st.dates(min_value=D(2020, 1, 1), max_value=D(2026, 11, 30)),
    days=st.integers(min_value=0, max_value=20),
)
def test_add_and_count_are_inverse(start, days):
    end = add_workdays(start, days)
    if days:
        assert workdays_between(start, end) == days
        assert is_workday(end)
