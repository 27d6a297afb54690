"""A holder's page (documents, flags, bars) and barring from official travel."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.cases.permissions import is_case_staff
from waishi.core.views import require_perm
from waishi.registers.models import Person
from waishi.registers.querysets import access_person

from .. import bar_actions
from ..forms import BarForm, LiftBarForm
from ..models import LossReport, TravelBar
from ..models.bars import in_force_on
from ..querysets import documents_visible_to
from .common import errors_of


def get_holder(request: HttpRequest, pk: int) -> Person:
    try:
        return access_person(request.user, pk)
    except Person.DoesNotExist:
        raise Http404 from None


def _losses(holder: Person) -> QuerySet[LossReport]:
    return LossReport.objects.filter(document__holder=holder).select_related("document")


def holder_page(request: HttpRequest, pk: int, bar_form: BarForm | None = None) -> HttpResponse:
    holder = get_holder(request, pk)
    today = timezone.localdate()
    bars = list(
        TravelBar.objects.filter(holder=holder).select_related(
            "barred_by", "lifted_by", "loss_report__document"
        )
    )
    can_bar = request.user.has_perm("passports.bar_holder")
    in_force = [b for b in bars if b.in_force_on(today)]
    return render(
        request,
        "passports/holder.html",
        {
            "title": holder.name,
            "holder": holder,
            "documents": documents_visible_to(request.user)
            .filter(holder=holder)
            .order_by("-expiry_date", "id"),
            "flags": holder.passport_flags.filter(is_active=True),
            "bars": bars,
            "in_force": in_force,
            "today": today,
            "is_staff": is_case_staff(request.user),
            "can_bar": can_bar,
            "bar_form": (bar_form or BarForm(losses=_losses(holder)))
            if can_bar and not in_force
            else None,
            "lift_form": LiftBarForm() if can_bar else None,
        },
    )


@require_perm("passports.read_register")
def holder_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return holder_page(request, pk)


@require_perm("passports.bar_holder")
@require_POST
def holder_bar(request: HttpRequest, pk: int) -> HttpResponse:
    holder = get_holder(request, pk)
    form = BarForm(request.POST, losses=_losses(holder))
    if form.is_valid():
        try:
            bar_actions.do_bar_holder(
                actor=request.user,
                holder=holder,
                reason=form.cleaned_data["reason"],
                until=form.cleaned_data["until"],
                loss_report=form.cleaned_data["loss_report"],
                request=request,
            )
        except ValidationError as error:
            for message in errors_of(error):
                form.add_error(None, message)
        else:
            messages.success(request, _("The holder is barred from official travel."))
            return redirect("passports:holder", pk=holder.pk)
    return holder_page(request, pk, bar_form=form)


@require_perm("passports.bar_holder")
@require_POST
def bar_lift(request: HttpRequest, pk: int) -> HttpResponse:
    bar = TravelBar.objects.filter(pk=pk).first()
    if bar is None:
        raise Http404
    form = LiftBarForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for lifting the bar."))
    else:
        try:
            bar_actions.do_lift_bar(
                actor=request.user, bar=bar, reason=form.cleaned_data["reason"], request=request
            )
            messages.success(request, _("The bar is lifted."))
        except ValidationError as error:
            for message in errors_of(error):
                messages.error(request, message)
    return redirect("passports:holder", pk=bar.holder_id)


@require_perm("passports.read_custody")
def bars_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    show_all = request.GET.get("all") == "1"
    bars = TravelBar.objects.select_related("holder__agency", "barred_by").order_by(
        "-barred_at", "-id"
    )
    if not show_all:
        bars = bars.filter(in_force_on(today))
    return render(
        request,
        "passports/bars_list.html",
        {
            "title": _("Barred from official travel"),
            "bars": [(bar, bar.in_force_on(today)) for bar in bars[:200]],
            "show_all": show_all,
            "today": today,
        },
    )
