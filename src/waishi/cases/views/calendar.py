"""The holiday calendar screen: each year's notice and days, and the form to enter a notice."""

import datetime
from itertools import groupby
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.core.models import CalendarDay, DayKind, Festival, HolidayNotice
from waishi.core.views import require_perm
from waishi.core.widgets import DayInput
from waishi.core.workdays import statutory_holidays, year_calendar

from ..calendar import HolidayRange, StaleNotice, do_enter_holiday_notice, notice_version
from ..workflow import TransitionRefused

# The festivals a notice sets each year (the one-off 2015 anniversary is not offered).
FORM_FESTIVALS = [f for f in Festival if f != Festival.VICTORY_ANNIVERSARY]
# Years the form accepts: the seeded calendar starts in 2004.
FIRST_YEAR, LAST_YEAR = 2004, 2100


def _ranges(
    days: list[tuple[datetime.date, str]],
) -> list[tuple[str, datetime.date, datetime.date]]:
    """Group days off into (festival, first, last) runs of consecutive days."""
    runs: list[tuple[str, datetime.date, datetime.date]] = []
    for day, festival in sorted(days):
        if runs and runs[-1][0] == festival and runs[-1][2] + datetime.timedelta(days=1) == day:
            runs[-1] = (festival, runs[-1][1], day)
        else:
            runs.append((festival, day, day))
    return runs


def _festival_label(code: str) -> str:
    return str(dict(Festival.choices).get(code, code))


@require_perm("cases.view_holiday_calendar")
def calendar_years(request: HttpRequest) -> HttpResponse:
    """Every year with its status, notice and days; this and next year even without notice."""
    notices = {n.year: n for n in HolidayNotice.objects.select_related("entered_by")}
    days = CalendarDay.objects.order_by("date").values_list("date", "kind", "festival")
    by_year: dict[int, list[tuple[datetime.date, str, str]]] = {
        year: list(group) for year, group in groupby(days, key=lambda d: d[0].year)
    }
    today = timezone.localdate()
    years = sorted(set(notices) | {today.year, today.year + 1}, reverse=True)
    rows = []
    for year in years:
        notice = notices.get(year)
        if notice is None:
            holidays = list(statutory_holidays(year).items())
            makeup: list[datetime.date] = []
        else:
            entries = by_year.get(year, [])
            holidays = [(d, f) for d, k, f in entries if k == DayKind.HOLIDAY]
            makeup = [d for d, k, _f in entries if k == DayKind.WORKDAY]
        rows.append(
            {
                "year": year,
                "notice": notice,
                "provisional": notice is None or notice.status != "official",
                "ranges": [
                    (_festival_label(f), first, last) for f, first, last in _ranges(holidays)
                ],
                "makeup": makeup,
            }
        )
    return render(
        request,
        "cases/calendar.html",
        {
            "title": _("Holiday calendar"),
            "rows": rows,
            "may_enter": request.user.has_perm("cases.enter_holiday_notice"),
        },
    )


class NoticeForm(forms.Form):
    """The notice's header, one first/last pair per festival, and the make-up days."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    number = forms.CharField(
        label=gettext_lazy("Notice number"),
        max_length=64,
        required=False,
        help_text=gettext_lazy("As printed on the notice (国办发明电〔year〕No.)."),
    )
    title = forms.CharField(label=gettext_lazy("Notice title"), max_length=200, required=False)
    published_on = forms.DateField(
        label=gettext_lazy("Publication date"),
        required=False,
        widget=DayInput(),
    )
    makeup_days = forms.CharField(
        label=gettext_lazy("Make-up working days"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Dates as YYYY-MM-DD, separated by spaces, commas or new lines."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for festival in FORM_FESTIVALS:
            for end, label in (("first", _("first day")), ("last", _("last day"))):
                self.fields[f"{festival.value}_{end}"] = forms.DateField(
                    label=f"{festival.label}: {label}",
                    required=False,
                    widget=DayInput(),
                )

    def festival_rows(self) -> list[tuple[str, Any, Any]]:
        return [
            (str(f.label), self[f"{f.value}_first"], self[f"{f.value}_last"])
            for f in FORM_FESTIVALS
        ]

    def clean_makeup_days(self) -> list[datetime.date]:
        text = self.cleaned_data.get("makeup_days") or ""
        days = []
        for token in text.replace(",", " ").replace("，", " ").split():
            try:
                days.append(datetime.date.fromisoformat(token))
            except ValueError:
                raise forms.ValidationError(
                    _("“%(text)s” is not a date (YYYY-MM-DD).") % {"text": token}
                ) from None
        return days

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for festival in FORM_FESTIVALS:
            first = data.get(f"{festival.value}_first")
            last = data.get(f"{festival.value}_last")
            if (first is None) != (last is None):
                raise forms.ValidationError(
                    _("%(festival)s: enter both the first and the last day, or neither.")
                    % {"festival": festival.label}
                )
        return data

    def holiday_ranges(self) -> list[HolidayRange]:
        data = self.cleaned_data
        return [
            HolidayRange(f.value, data[f"{f.value}_first"], data[f"{f.value}_last"])
            for f in FORM_FESTIVALS
            if data.get(f"{f.value}_first") and data.get(f"{f.value}_last")
        ]


def _initial(year: int) -> dict[str, Any]:
    """The form as the year stands: its notice, or the statutory days of a provisional year."""
    calendar = year_calendar(year)
    notice = HolidayNotice.objects.filter(year=year).first()
    initial: dict[str, Any] = {"version": notice.version if notice else 0}
    if notice is not None:
        initial.update(number=notice.number, title=notice.title, published_on=notice.published_on)
    for festival, first, last in reversed(_ranges(list(calendar.holidays.items()))):
        initial[f"{festival}_first"], initial[f"{festival}_last"] = first, last
    initial["makeup_days"] = "\n".join(d.isoformat() for d in sorted(calendar.workdays))
    return initial


@require_perm("cases.enter_holiday_notice")
def calendar_notice(request: HttpRequest, year: int) -> HttpResponse:
    """Enter or correct the State Council's notice of ``year``."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    context: dict[str, Any] = {
        "title": _("Holiday notice for %(year)s") % {"year": year},
        "year": year,
        "provisional": year_calendar(year).provisional,
    }
    if request.method != "POST":
        context["form"] = NoticeForm(initial=_initial(year))
        return render(request, "cases/calendar_notice.html", context)
    form = NoticeForm(request.POST)
    context["form"] = form
    if not form.is_valid():
        return render(request, "cases/calendar_notice.html", context, status=400)
    data = form.cleaned_data
    try:
        do_enter_holiday_notice(
            actor=request.user,
            year=year,
            number=data["number"],
            title=data["title"],
            published_on=data["published_on"],
            holidays=form.holiday_ranges(),
            makeup_days=data["makeup_days"],
            expected_version=data["version"],
            request=request,
        )
    except TransitionRefused as refused:
        context["errors"] = refused.reasons
        return render(request, "cases/calendar_notice.html", context, status=400)
    except StaleNotice:
        # Keep what was typed, on the current version, so it can be checked and sent again.
        fresh = NoticeForm(initial={**request.POST.dict(), "version": notice_version(year)})
        context.update(form=fresh, stale=True)
        return render(request, "cases/calendar_notice.html", context, status=409)
    messages.success(request, _("The holiday notice for %(year)s was entered.") % {"year": year})
    return redirect("cases:calendar")
