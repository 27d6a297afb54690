"""Entering the State Council's holiday notice of a year (the holiday calendar's one write).

Who may: division heads and the system administrator (``cases.enter_holiday_notice``). The
notice's days replace whatever the year had (provisional or an earlier entry), and every
process reads the calendar afresh after commit (``core.workdays.clear_calendar_cache``).
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.core.models import CalendarDay, DayKind, Festival, HolidayNotice, NoticeStatus
from waishi.core.workdays import clear_calendar_cache

from .workflow import TransitionRefused


@dataclass(frozen=True)
class HolidayRange:
    """Consecutive days off for one festival, both ends included."""

    festival: str
    first: datetime.date
    last: datetime.date

    def days(self) -> list[datetime.date]:
        count = (self.last - self.first).days + 1
        return [self.first + datetime.timedelta(days=n) for n in range(max(count, 0))]


class StaleNotice(Exception):
    """The year's notice changed since the form was opened; nothing was written."""

    def __init__(self, notice: HolidayNotice | None, expected_version: int) -> None:
        super().__init__(f"stale holiday notice (expected version {expected_version})")
        self.notice = notice
        self.expected_version = expected_version


def notice_version(year: int) -> int:
    """The version a form for ``year`` must send back (0 while no notice was entered)."""
    found = HolidayNotice.objects.filter(year=year).values_list("version", flat=True).first()
    return found or 0


def check_notice(
    *,
    year: int,
    number: str,
    title: str,
    published_on: datetime.date | None,
    holidays: Sequence[HolidayRange],
    makeup_days: Sequence[datetime.date],
) -> list[str]:
    """What is wrong with a notice as entered (empty when it may be saved)."""
    errors: list[str] = []
    if not number.strip():
        errors.append(_("Enter the notice's number."))
    if not title.strip():
        errors.append(_("Enter the notice's title."))
    if published_on is None:
        errors.append(_("Enter the notice's publication date."))
    if not holidays:
        errors.append(_("Enter at least one holiday."))
    festivals = dict(Festival.choices)
    seen: dict[datetime.date, str] = {}
    for item in holidays:
        name = festivals.get(item.festival, item.festival)
        if item.last < item.first:
            errors.append(_("%(festival)s: the last day is before the first.") % {"festival": name})
            continue
        if item.first.year != year or item.last.year != year:
            errors.append(
                _("%(festival)s: the days must lie in %(year)s.") % {"festival": name, "year": year}
            )
            continue
        for day in item.days():
            if day in seen:
                errors.append(
                    _("%(day)s is in two holidays (%(one)s and %(other)s).")
                    % {"day": day.isoformat(), "one": seen[day], "other": name}
                )
            seen[day] = str(name)
    for day in sorted(set(makeup_days)):
        if day.year != year:
            errors.append(
                _("Make-up working day %(day)s is not in %(year)s.")
                % {"day": day.isoformat(), "year": year}
            )
        elif day in seen:
            errors.append(
                _("%(day)s cannot be both a holiday and a make-up working day.")
                % {"day": day.isoformat()}
            )
        elif day.weekday() < 5:
            errors.append(
                _("Make-up working day %(day)s is not a Saturday or Sunday.")
                % {"day": day.isoformat()}
            )
    return errors


def _nearest_festival(day: datetime.date, holidays: Sequence[HolidayRange]) -> str:
    """The festival a make-up day belongs to: the holiday closest to it."""

    def distance(item: HolidayRange) -> int:
        if day < item.first:
            return (item.first - day).days
        return max((day - item.last).days, 0)

    return min(holidays, key=distance).festival


def do_enter_holiday_notice(
    *,
    actor: Any,
    year: int,
    number: str,
    title: str,
    published_on: datetime.date | None,
    holidays: Sequence[HolidayRange],
    makeup_days: Sequence[datetime.date],
    expected_version: int,
    request: HttpRequest | None = None,
) -> HolidayNotice:
    """Enter (or correct) the State Council's notice of ``year`` with its days.

    Checks ``cases.enter_holiday_notice`` itself. Refusals (``TransitionRefused``) and a stale
    ``expected_version`` (``StaleNotice``) write nothing.
    """
    if not actor.has_perm("cases.enter_holiday_notice"):
        raise TransitionRefused([_("You may not enter the holiday notice.")], forbidden=True)
    errors = check_notice(
        year=year,
        number=number,
        title=title,
        published_on=published_on,
        holidays=holidays,
        makeup_days=makeup_days,
    )
    if errors:
        raise TransitionRefused(errors)
    try:
        with transaction.atomic():
            notice = _write_notice(
                actor=actor,
                year=year,
                number=number.strip(),
                title=title.strip(),
                published_on=published_on,
                holidays=holidays,
                makeup_days=sorted(set(makeup_days)),
                expected_version=expected_version,
                request=request,
            )
    except IntegrityError as error:
        # Two people entered the first notice of the year at the same moment.
        raise StaleNotice(
            HolidayNotice.objects.filter(year=year).first(), expected_version
        ) from error
    return notice


def _write_notice(
    *,
    actor: Any,
    year: int,
    number: str,
    title: str,
    published_on: datetime.date | None,
    holidays: Sequence[HolidayRange],
    makeup_days: Sequence[datetime.date],
    expected_version: int,
    request: HttpRequest | None,
) -> HolidayNotice:
    notice = HolidayNotice.objects.select_for_update().filter(year=year).first()
    current = notice.version if notice is not None else 0
    if current != expected_version:
        raise StaleNotice(notice, expected_version)
    before: dict[str, Any] = {}
    if notice is None:
        notice = HolidayNotice(year=year, version=0)
    else:
        before = _summary(notice, CalendarDay.objects.filter(date__year=year))
    notice.number = number
    notice.title = title
    notice.published_on = published_on
    notice.status = NoticeStatus.OFFICIAL
    notice.note = ""
    notice.entered_by = actor
    notice.entered_at = timezone.now()
    notice.version = current + 1
    notice.save()
    CalendarDay.objects.filter(date__year=year).delete()
    days = [
        CalendarDay(date=day, kind=DayKind.HOLIDAY, festival=item.festival, notice=notice)
        for item in holidays
        for day in item.days()
    ]
    days += [
        CalendarDay(
            date=day,
            kind=DayKind.WORKDAY,
            festival=_nearest_festival(day, holidays),
            notice=notice,
        )
        for day in makeup_days
    ]
    CalendarDay.objects.bulk_create(days)
    log_action(
        action="cases.holiday_notice.enter",
        actor=actor,
        obj=notice,
        before=before,
        after=_summary(notice, days),
        request=request,
    )
    # Readers in this transaction see the new days at once; other processes read them again
    # once they are committed (a reader between the two would have cached the old days).
    clear_calendar_cache()
    transaction.on_commit(clear_calendar_cache)
    return notice


def _summary(notice: HolidayNotice, days: Any) -> dict[str, Any]:
    holidays = sorted(d.date.isoformat() for d in days if d.kind == DayKind.HOLIDAY)
    workdays = sorted(d.date.isoformat() for d in days if d.kind == DayKind.WORKDAY)
    return {
        "year": notice.year,
        "number": notice.number,
        "title": notice.title,
        "published_on": notice.published_on.isoformat() if notice.published_on else "",
        "status": notice.status,
        "version": notice.version,
        "holidays": holidays,
        "makeup_days": workdays,
    }
