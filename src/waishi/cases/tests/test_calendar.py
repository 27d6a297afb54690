"""Entering a year's holiday notice: the action, its refusals, the screen and the warning."""

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from waishi.accounts.constants import Role
from waishi.audit.models import AuditEvent
from waishi.cases.calendar import (
    HolidayRange,
    StaleNotice,
    do_enter_holiday_notice,
    notice_version,
)
from waishi.cases.workflow import TransitionRefused
from waishi.core.models import CalendarDay, DayKind, Festival, HolidayNotice
from waishi.core.workdays import add_workdays, is_provisional, is_workday

pytestmark = pytest.mark.django_db

D = datetime.date
ACTION = "cases.holiday_notice.enter"

# A notice for 2027 as a division head would enter it (the test's own numbers).
HOLIDAYS_2027 = [
    HolidayRange(Festival.NEW_YEAR, D(2027, 1, 1), D(2027, 1, 3)),
    HolidayRange(Festival.SPRING_FESTIVAL, D(2027, 2, 5), D(2027, 2, 11)),
    HolidayRange(Festival.NATIONAL_DAY, D(2027, 10, 1), D(2027, 10, 7)),
]
MAKEUP_2027 = [D(2027, 1, 31), D(2027, 2, 20), D(2027, 9, 26), D(2027, 10, 9)]


def enter(actor: Any, **overrides: Any) -> HolidayNotice:
    values: dict[str, Any] = {
        "actor": actor,
        "year": 2027,
        "number": "测试〔2027〕1号",
        "title": "关于2027年部分节假日安排的通知",
        "published_on": D(2026, 11, 20),
        "holidays": HOLIDAYS_2027,
        "makeup_days": MAKEUP_2027,
        "expected_version": 0,
        **overrides,
    }
    return do_enter_holiday_notice(**values)


def nothing_written() -> bool:
    return (
        not HolidayNotice.objects.filter(year=2027).exists()
        and not CalendarDay.objects.filter(date__year=2027).exists()
        and not AuditEvent.objects.filter(action=ACTION).exists()
    )


def test_entering_the_2027_notice_changes_dates_from_then_on(head):
    # Provisional: 除夕 to 初三 off, then Tuesday 9 February is a working day.
    assert add_workdays(D(2027, 2, 4), 1) == D(2027, 2, 9)
    assert not is_workday(D(2027, 1, 31))
    notice = enter(head)
    assert notice.version == 1 and notice.entered_by == head
    assert add_workdays(D(2027, 2, 4), 1) == D(2027, 2, 12)
    assert is_workday(D(2027, 1, 31))  # a make-up Sunday
    assert is_workday(D(2027, 2, 20))  # a make-up Saturday
    assert not is_provisional(D(2027, 6, 1))
    # Days not in the notice are ordinary: Qingming is not entered here.
    assert is_workday(D(2027, 4, 5))
    sunday = CalendarDay.objects.get(date=D(2027, 1, 31))
    assert (sunday.kind, sunday.festival) == (DayKind.WORKDAY, Festival.SPRING_FESTIVAL)
    events = AuditEvent.objects.filter(action=ACTION)
    assert events.count() == 1
    assert events.get().after["makeup_days"] == [d.isoformat() for d in MAKEUP_2027]


def test_the_system_administrator_may_enter_and_correct_the_notice(make_user):
    admin = make_user(Role.SYSTEM_ADMIN)
    enter(admin)
    corrected = enter(admin, makeup_days=[], expected_version=1)
    assert corrected.version == 2
    assert not CalendarDay.objects.filter(date__year=2027, kind=DayKind.WORKDAY).exists()
    assert not is_workday(D(2027, 1, 31))
    assert AuditEvent.objects.filter(action=ACTION).count() == 2


def test_an_officer_may_not_enter_the_notice(officer):
    with pytest.raises(TransitionRefused) as refused:
        enter(officer)
    assert refused.value.forbidden
    assert nothing_written()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"makeup_days": [D(2027, 2, 1)]}, "is not a Saturday or Sunday"),
        ({"makeup_days": [D(2027, 2, 6)]}, "both a holiday and a make-up working day"),
        ({"makeup_days": [D(2026, 12, 26)]}, "is not in 2027"),
        (
            {"holidays": [HolidayRange(Festival.NEW_YEAR, D(2026, 12, 31), D(2027, 1, 2))]},
            "must lie in 2027",
        ),
        (
            {"holidays": [HolidayRange(Festival.NEW_YEAR, D(2027, 1, 3), D(2027, 1, 1))]},
            "last day is before the first",
        ),
        (
            {
                "holidays": [
                    HolidayRange(Festival.MID_AUTUMN, D(2027, 9, 15), D(2027, 10, 1)),
                    HolidayRange(Festival.NATIONAL_DAY, D(2027, 10, 1), D(2027, 10, 3)),
                ],
                "makeup_days": [],
            },
            "is in two holidays",
        ),
        ({"holidays": []}, "at least one holiday"),
        ({"number": " "}, "notice's number"),
        ({"published_on": None}, "publication date"),
    ],
)
def test_bad_notices_are_refused_and_write_nothing(head, overrides, message):
    with translation.override("en"), pytest.raises(TransitionRefused, match=message):
        enter(head, **overrides)
    assert nothing_written()
    assert add_workdays(D(2027, 2, 4), 1) == D(2027, 2, 9)


def test_a_stale_form_is_refused_and_writes_nothing(head):
    enter(head)
    with pytest.raises(StaleNotice):
        enter(head, makeup_days=[], expected_version=0)
    assert notice_version(2027) == 1
    assert CalendarDay.objects.filter(date__year=2027, kind=DayKind.WORKDAY).count() == 4
    assert AuditEvent.objects.filter(action=ACTION).count() == 1


# The screen and the form ----------------------------------------------------------------


def form_data(**overrides: str) -> dict[str, str]:
    data = {
        "version": "0",
        "number": "测试〔2027〕1号",
        "title": "关于2027年部分节假日安排的通知",
        "published_on": "2026-11-20",
        "spring_festival_first": "2027-02-05",
        "spring_festival_last": "2027-02-11",
        "national_day_first": "2027-10-01",
        "national_day_last": "2027-10-07",
        "makeup_days": "2027-01-31, 2027-02-20\n2027-09-26 2027-10-09",
    }
    data.update(overrides)
    return data


def test_the_calendar_lists_official_and_provisional_years(
    client, officer, django_assert_num_queries
):
    client.force_login(officer)
    url = reverse("cases:calendar")
    client.get(url)
    # The session, the user with roles, the notices, every day, the bell's unread count.
    with django_assert_num_queries(5):
        response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-year="2026"' in body and 'data-year="2027"' in body
    assert "cases/calendar/2027" not in body.replace("office/", "cases/")  # officers only read


def test_the_form_shows_a_provisional_year_with_its_statutory_days(client, head):
    client.force_login(head)
    response = client.get(reverse("cases:calendar_notice", args=[2027]))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="2027-02-05"' in body and 'value="2027-02-08"' in body  # 除夕, 初三
    assert 'value="2027-09-15"' in body  # 中秋


def test_posting_the_form_enters_the_notice(client, head):
    client.force_login(head)
    response = client.post(reverse("cases:calendar_notice", args=[2027]), form_data())
    assert response.status_code == 302
    assert notice_version(2027) == 1
    assert is_workday(D(2027, 10, 9))
    assert AuditEvent.objects.filter(action=ACTION).count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"makeup_days": "2027-02-01"}, "is not a Saturday or Sunday"),
        ({"makeup_days": "2027-13-01"}, "is not a date"),
        ({"spring_festival_last": ""}, "enter both the first and the last day"),
        ({"number": ""}, "Enter the notice&#x27;s number"),
    ],
)
def test_a_bad_form_is_refused_and_writes_nothing(client, head, overrides, message):
    client.force_login(head)
    client.cookies["waishi_language"] = "en"
    response = client.post(reverse("cases:calendar_notice", args=[2027]), form_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert nothing_written()


def test_a_stale_form_gets_a_conflict_page(client, head):
    enter(head)
    client.force_login(head)
    response = client.post(reverse("cases:calendar_notice", args=[2027]), form_data(makeup_days=""))
    assert response.status_code == 409
    assert 'data-testid="stale"' in response.content.decode()
    assert CalendarDay.objects.filter(date__year=2027, kind=DayKind.WORKDAY).count() == 4


# The dashboard warning ------------------------------------------------------------------


@pytest.fixture
def today(monkeypatch: Any) -> Any:
    def set_today(day: datetime.date) -> None:
        monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: day)

    return set_today


@pytest.mark.parametrize(("day", "warned"), [(D(2026, 10, 31), False), (D(2026, 11, 1), True)])
def test_division_heads_are_warned_from_1_november(client, head, today, day, warned):
    today(day)
    client.force_login(head)
    body = client.get(reverse("accounts:office")).content.decode()
    assert ('data-testid="holiday-notice-missing"' in body) is warned


def test_no_warning_once_the_notice_is_entered_or_for_officers(client, head, officer, today):
    today(D(2026, 11, 1))
    client.force_login(officer)
    assert "holiday-notice-missing" not in client.get(reverse("accounts:office")).content.decode()
    enter(head)
    client.force_login(head)
    assert "holiday-notice-missing" not in client.get(reverse("accounts:office")).content.decode()


def test_the_system_administrator_is_warned_on_the_admin_start_page(client, make_user, today):
    today(D(2026, 11, 1))
    client.force_login(make_user(Role.SYSTEM_ADMIN))
    client.cookies["waishi_language"] = "en"
    body = client.get(reverse("admin:index")).content.decode()
    assert "2027" in body and "holiday notice" in body


def test_a_due_date_in_a_provisional_year_is_marked(client, new_case, officer):
    case = new_case()
    client.force_login(officer)
    for due, marked in ((D(2027, 2, 9), True), (D(2026, 12, 9), False)):
        case.due_date = due
        case.save(update_fields=["due_date"])
        body = client.get(case.get_absolute_url()).content.decode()
        assert ('data-testid="provisional-date"' in body) is marked


def test_refusals_are_translated(head):
    with (
        translation.override("zh-hans"),
        pytest.raises(TransitionRefused, match="不是星期六或星期日"),
    ):
        enter(head, makeup_days=[D(2027, 2, 1)])
    assert nothing_written()
