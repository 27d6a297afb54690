"""Pages of donations: the donee's filings, the archive, the figures, flags and rates, and the
forms of the project panel on the case page."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.accounts.constants import AgencyKind
from waishi.accounts.models import Agency
from waishi.cases.querysets import access_case_detail
from waishi.cases.refusals import TransitionRefused

from . import actions
from .constants import PROJECT_TYPE, Purpose
from .forms import (
    ChangeDecisionForm,
    ChangeOfUseForm,
    DonationForm,
    FlagForm,
    MilestoneForm,
    NameProjectForm,
    NamingDecisionForm,
    NamingRequestForm,
    ProjectForm,
    RateForm,
    UseReportForm,
)
from .models import ExchangeRate, MisuseFlag
from .querysets import donations_visible_to, projects_visible_to
from .statistics import figures, figures_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LIST_ROWS = 200
FIRST_YEAR = 2000

View = Callable[..., HttpResponse]


def needs(permission: str) -> Callable[[View], View]:
    """Run the view for holders of ``permission``; 403 for everyone else signed in."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _int(request: HttpRequest, name: str) -> int | None:
    try:
        return int(request.GET.get(name, ""))
    except ValueError:
        return None


def _counties() -> list[Agency]:
    return list(Agency.objects.filter(kind=AgencyKind.COUNTY_GOVERNMENT).order_by("sort_order"))


def _years() -> range:
    return range(timezone.localdate().year, FIRST_YEAR - 1, -1)


@needs("donations.read_archive")
def archive(request: HttpRequest) -> HttpResponse:
    """The archive of donated projects: search by donor, donee, county, purpose, year."""
    rows = projects_visible_to(request.user)
    donor = request.GET.get("donor", "").strip()[:60]
    donee = request.GET.get("donee", "").strip()[:60]
    county = _int(request, "county")
    year = _int(request, "year")
    purpose = request.GET.get("purpose", "")
    if donor:
        rows = rows.filter(
            Q(donor__person__name__icontains=donor)
            | Q(donor__organisation__name_zh__icontains=donor)
            | Q(donor__organisation__name_original__icontains=donor)
        )
    if donee:
        rows = rows.filter(
            Q(case__agency__name_zh_hans__icontains=donee)
            | Q(case__agency__name_en__icontains=donee)
        )
    if county is not None:
        rows = rows.filter(county_id=county)
    if year is not None:
        rows = rows.filter(year=year)
    if purpose in Purpose.values:
        rows = rows.filter(purpose=purpose)
    projects = list(rows.order_by("-year", "-id")[:LIST_ROWS])
    user: Any = request.user
    return render(
        request,
        "donations/archive.html",
        {
            "projects": projects,
            "filters": {
                "donor": donor,
                "donee": donee,
                "county": county,
                "year": year,
                "purpose": purpose,
            },
            "counties": _counties(),
            "years": _years(),
            "purposes": Purpose.choices,
            "limit": LIST_ROWS,
            "can_file": user.has_perm("donations.file_donation"),
            "staff_names": user.has_perm("donations.read_statistics")
            and not user.has_role("county_officer"),
            "can_read_statistics": user.has_perm("donations.read_statistics"),
        },
    )


@needs("donations.read_archive")
def donation_list(request: HttpRequest) -> HttpResponse:
    """The donations filed with the bureau (a donee: its own; a county office: its county's)."""
    rows = donations_visible_to(request.user)
    year = _int(request, "year")
    county = _int(request, "county")
    if year is not None:
        rows = rows.filter(accepted_on__year=year)
    if county is not None:
        rows = rows.filter(county_id=county)
    late = request.GET.get("late") == "1"
    if late:
        rows = rows.filter(late_filing=True)
    donations = list(rows.order_by("-accepted_on", "-id")[:LIST_ROWS])
    return render(
        request,
        "donations/list.html",
        {
            "donations": donations,
            "filters": {"year": year, "county": county, "late": late},
            "counties": _counties(),
            "years": _years(),
            "limit": LIST_ROWS,
            "can_file": request.user.has_perm("donations.file_donation"),
        },
    )


def _errors(form: Any, error: Exception) -> None:
    if isinstance(error, ValidationError):
        for message in error.messages:
            form.add_error(None, message)
    elif isinstance(error, TransitionRefused):
        for reason in error.reasons:
            form.add_error(None, str(reason))


@needs("donations.file_donation")
def new_donation(request: HttpRequest) -> HttpResponse:
    """The donee files a donation it accepted."""
    agency = request.user.agency  # type: ignore[union-attr]
    form = DonationForm(request.POST or None, request.FILES or None)
    form.setup_donors(agency)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            donor = data["donor"] or actions.do_register_donor(
                actor=request.user,
                agency=agency,
                donor=actions.DonorIn(
                    donor_type=data["donor_type"],
                    name=data["donor_name"],
                    name_original=data["donor_name_original"],
                    country=data["donor_country"],
                    sex=data["donor_sex"],
                    date_of_birth=data["donor_date_of_birth"],
                    publicity_consent=data["publicity_consent"],
                    consent_on=data["consent_on"],
                    confidential=data["confidential"],
                    confidentiality_note=data["confidentiality_note"],
                ),
                request=request,
            )
            upload = data["agreement"]
            case = actions.do_file_donation(
                actor=request.user,
                agency=agency,
                donors=[donor],
                donee_kind=data["donee_kind"],
                gift_form=data["gift_form"],
                goods_description=data["goods_description"],
                currency=data["currency"],
                amount=data["amount"],
                accepted_on=data["accepted_on"],
                purpose=data["purpose"],
                use=data["use"],
                receipt_number=data["receipt_number"],
                ledger_entry=data["ledger_entry"],
                agreement=upload,
                agreement_name=upload.name,
                idempotency_key=data["idempotency_key"],
                request=request,
            )
        except (ValidationError, TransitionRefused) as error:
            _errors(form, error)
        else:
            messages.success(request, _("%(reference)s filed.") % {"reference": case.reference})
            return redirect(case)
    return render(request, "donations/new.html", {"form": form, "title": _("File a donation")})


@needs("donations.file_donation")
def new_project(request: HttpRequest) -> HttpResponse:
    """The donee files a donated construction project for approval."""
    agency = request.user.agency  # type: ignore[union-attr]
    form = ProjectForm(request.POST or None)
    form.setup(agency, donations_visible_to(request.user).filter(case__agency=agency))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = actions.do_file_project(
                actor=request.user,
                agency=agency,
                donor=data["donor"],
                title=data["title"],
                purpose=data["purpose"],
                location=data["location"],
                use=data["use"],
                donations=list(data["donations"]),
                idempotency_key=data["idempotency_key"],
                request=request,
            )
        except (ValidationError, TransitionRefused) as error:
            _errors(form, error)
        else:
            messages.success(request, _("%(reference)s filed.") % {"reference": case.reference})
            return redirect(case)
    return render(
        request, "donations/new_project.html", {"form": form, "title": _("File a project")}
    )


@needs("donations.read_statistics")
def statistics(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    first = _int(request, "from") or today.year - 19
    last = _int(request, "to") or today.year
    first, last = max(FIRST_YEAR, min(first, last)), min(today.year, max(first, last))
    result = figures(request.user, first, last)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(figures_xlsx(result), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="donations-{first}-{last}.xlsx"'
        return response
    return render(
        request,
        "donations/statistics.html",
        {"figures": result, "first": first, "last": last, "years": _years()},
    )


@needs("donations.read_statistics")
def flags(request: HttpRequest) -> HttpResponse:
    """Misuse flags and late filings for the discipline inspector and the division."""
    from waishi.cases.querysets import visible_to

    rows = (
        MisuseFlag.objects.filter(case__in=visible_to(request.user).values("pk"))
        .select_related("case", "case__agency", "raised_by")
        .order_by("-raised_on", "-id")[:LIST_ROWS]
    )
    return render(request, "donations/flags.html", {"flags": list(rows), "limit": LIST_ROWS})


@needs("donations.read_rates")
def rates(request: HttpRequest) -> HttpResponse:
    """The exchange-rate table the donations are valued from; the division adds rates."""
    form = RateForm(request.POST or None)
    can_add = request.user.has_perm("donations.manage_rates")
    if request.method == "POST":
        if not can_add:
            raise PermissionDenied
        if form.is_valid():
            try:
                actions.do_add_rate(actor=request.user, request=request, **form.cleaned_data)
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("donations:rates")
    currency = request.GET.get("currency", "").strip().upper()[:3]
    rows = ExchangeRate.objects.order_by("-on", "currency")
    if currency:
        rows = rows.filter(currency=currency)
    return render(
        request,
        "donations/rates.html",
        {"rates": list(rows[:LIST_ROWS]), "form": form, "can_add": can_add, "currency": currency},
    )


def _panel_post(
    request: HttpRequest,
    reference: str,
    form_class: Any,
    run: Callable[[Any, Any], Any],
) -> HttpResponse:
    project = access_case_detail(request.user, reference, PROJECT_TYPE)
    form = form_class(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(project.case)
    try:
        run(project.case, form.cleaned_data)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    except TransitionRefused as refused:
        if refused.forbidden:
            raise Http404 from None
        for reason in refused.reasons:
            messages.error(request, str(reason))
    else:
        messages.success(request, _("Saved."))
    return redirect(project.case)


def _post_view(form_class: Any, run: Callable[[HttpRequest, Any, Any], Any]) -> View:
    @needs("donations.read_archive")
    @require_POST
    def view(request: HttpRequest, reference: str) -> HttpResponse:
        return _panel_post(
            request, reference, form_class, lambda case, data: run(request, case, data)
        )

    return view


milestone = _post_view(
    MilestoneForm,
    lambda request, case, data: actions.do_add_milestone(
        case=case, actor=request.user, request=request, **data
    ),
)
naming_request = _post_view(
    NamingRequestForm,
    lambda request, case, data: actions.do_request_naming(
        case=case, actor=request.user, proposed_name=data["proposed_name"], request=request
    ),
)
naming_decision = _post_view(
    NamingDecisionForm,
    lambda request, case, data: actions.do_record_naming_decision(
        case=case,
        actor=request.user,
        naming_pk=data["naming"],
        approved=data["approved"],
        decided_on=data["decided_on"],
        their_reference=data["their_reference"],
        request=request,
    ),
)
name_project = _post_view(
    NameProjectForm,
    lambda request, case, data: actions.do_name_project(
        case=case, actor=request.user, naming_pk=data["naming"], request=request
    ),
)
change_request = _post_view(
    ChangeOfUseForm,
    lambda request, case, data: actions.do_request_change_of_use(
        case=case,
        actor=request.user,
        new_use=data["new_use"],
        reason=data["reason"],
        consent_on=data["consent_on"],
        consent=data["consent"],
        consent_name=data["consent"].name if data["consent"] else "",
        request=request,
    ),
)
change_decision = _post_view(
    ChangeDecisionForm,
    lambda request, case, data: actions.do_decide_change_of_use(
        case=case,
        actor=request.user,
        change_pk=data["change"],
        approved=data["approved"],
        request=request,
    ),
)
use_report = _post_view(
    UseReportForm,
    lambda request, case, data: actions.do_file_use_report(
        case=case, actor=request.user, request=request, **data
    ),
)
flag = _post_view(
    FlagForm,
    lambda request, case, data: actions.do_raise_flag(
        case=case, actor=request.user, text=data["text"], request=request
    ),
)
