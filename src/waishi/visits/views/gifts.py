"""The gifts register: gifts received (cases) and gifts given on visits; recording a gift."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from waishi.cases.querysets import access_case_detail
from waishi.core.views import require_perm
from waishi.registers.models import Person

from .. import actions
from ..constants import GIFT_CASE_TYPE
from ..forms import ReceivedGiftForm
from ..models import GiftGiven, ReceivedGift
from ..querysets import gifts_visible_to, visits_visible_to
from ..statistics import figures_xlsx, year_figures, years_with_data
from ..workflow import GIFT_WORKFLOW

PAGE_SIZE = 100
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_perm("visits.read_gifts")
def gift_list(request: HttpRequest) -> HttpResponse:
    received = list(gifts_visible_to(request.user)[:PAGE_SIZE])
    for gift in received:
        gift.status_label = GIFT_WORKFLOW.states.get(gift.case.status, gift.case.status)  # type: ignore[attr-defined]
    given = list(
        GiftGiven.objects.filter(visit__in=visits_visible_to(request.user))
        .select_related("visit__case", "recipient__person")
        .order_by("-visit__arrival_date", "-pk")[:PAGE_SIZE]
    )
    return render(
        request,
        "visits/gifts.html",
        {
            "title": _("Gifts register"),
            "received": received,
            "given": given,
            "can_file": request.user.has_perm("visits.file_gift"),
        },
    )


def _people(user: object) -> object:
    people = Person.objects.filter(agency__isnull=False, is_active=True).select_related("agency")
    agency_id = getattr(user, "agency_id", None)
    if agency_id is not None:
        people = people.filter(agency_id=agency_id)
    return people.order_by("agency", "name", "id")


@require_perm("visits.file_gift")
def gift_new(request: HttpRequest) -> HttpResponse:
    form = ReceivedGiftForm(request.POST or None, people=_people(request.user))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        recipient = data.pop("recipient")
        key = data.pop("idempotency_key", "")
        try:
            case = actions.do_file_gift(
                actor=request.user,
                agency=recipient.agency,
                recipient=recipient,
                data=data,
                idempotency_key=key,
                request=request,
            )
        except (ValidationError, PermissionDenied) as problem:
            for message in getattr(problem, "messages", [str(problem)]):
                form.add_error(None, message)
        else:
            messages.success(request, _("The gift is recorded."))
            return redirect(case)
    return render(
        request, "visits/gift_new.html", {"title": _("Record a gift received"), "form": form}
    )


@require_perm("visits.read_statistics")
def statistics(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    years = years_with_data(today.year)
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        year = today.year
    if year not in years:
        year = today.year
    figures = year_figures(year)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(figures_xlsx(figures), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="visits-{year}.xlsx"'
        return response
    return render(
        request,
        "visits/statistics.html",
        {"title": _("Visit statistics"), "figures": figures, "years": years, "year": year},
    )


def _zh_date(day: datetime.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


@require_perm("visits.read_gifts")
def declaration_pdf(request: HttpRequest, reference: str) -> HttpResponse:
    """The gift's declaration form (礼品申报单) as a PDF, drawn from the register's record."""
    from weasyprint import HTML

    from waishi.registers.countries import country_name

    gift: ReceivedGift = access_case_detail(
        request.user, reference, GIFT_CASE_TYPE, related=("recipient",)
    )
    case = gift.case
    with translation.override("zh-hans"):
        html = render_to_string(
            "visits/pdf/declaration.html",
            {
                "case": case,
                "gift": gift,
                "kind": gift.get_kind_display(),
                "country": country_name(gift.giver_country, "zh-hans")
                if gift.giver_country
                else "",
                "received": _zh_date(gift.received_on),
                "returned": _zh_date(gift.returned_on),
                "declared": _zh_date(gift.declared_on),
                "due": _zh_date(case.due_date) if gift.declared_on is None else "",
            },
        )
    response = HttpResponse(bytes(HTML(string=html).write_pdf()), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{reference}-declaration.pdf"'
    return response
