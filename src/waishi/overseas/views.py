"""The register's pages: people and their standings, organisations, county officers.

Everyone without the right is told the page does not exist (404): the register is not to be
known of outside the division and its named county officers. Personal data is masked; a
reveal or an export asks for a reason and is audited.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from waishi.accounts.constants import Role
from waishi.accounts.models import User
from waishi.cases.refusals import TransitionRefused
from waishi.core.views import require_perm_or_404, year_param
from waishi.registers.models import Person

from . import actions
from .constants import Category, OrganisationCategory
from .forms import (
    CampaignForm,
    ChecksForm,
    DeathForm,
    EndStandingForm,
    ExportForm,
    IdentityForm,
    ImportForm,
    NewStandingForm,
    OrganisationForm,
    PersonStandingForm,
    RevealForm,
    SettlementForm,
    county_units,
)
from .models import CountyAccess, Standing
from .permissions import is_overseas_staff, named_county_id
from .querysets import (
    campaigns_visible_to,
    organisations_visible_to,
    records_visible_to,
    standings_visible_to,
)
from .spreadsheets import register_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LIST_ROWS = 200

View = Callable[..., HttpResponse]


def user_counties(user: Any) -> Any:
    """The county-level units the user works on: all for the division, one for a county."""
    units = county_units()
    if is_overseas_staff(user):
        return units
    return units.filter(pk=named_county_id(user))


def _filtered(request: HttpRequest) -> tuple[Any, dict[str, Any]]:
    rows = standings_visible_to(request.user)
    params: dict[str, Any] = {
        "category": request.GET.get("category", ""),
        "country": request.GET.get("country", "").strip().upper()[:2],
        "county": request.GET.get("county", ""),
        "history": request.GET.get("history") == "1",
    }
    if not params["history"]:
        rows = rows.filter(ended_on__isnull=True)
    if params["category"] in Category.values:
        rows = rows.filter(category=params["category"])
    if params["country"]:
        rows = rows.filter(country=params["country"])
    if params["county"].isdigit():
        rows = rows.filter(county_id=int(params["county"]))
    return rows, params


@require_perm_or_404("overseas.read_register")
def register(request: HttpRequest) -> HttpResponse:
    rows, params = _filtered(request)
    standings = list(
        rows.select_related("person", "county", "principal").order_by("-valid_from", "-id")[
            :LIST_ROWS
        ]
    )
    return render(
        request,
        "overseas/register.html",
        {
            "standings": standings,
            "params": params,
            "categories": Category.choices,
            "counties": user_counties(request.user),
            "limit": LIST_ROWS,
            "can_add": request.user.has_perm("overseas.edit_register"),
            "export_form": ExportForm(),
            "query": request.GET.urlencode(),
        },
    )


@never_cache
@require_perm_or_404("overseas.export_register")
@require_POST
def export(request: HttpRequest) -> HttpResponse:
    form = ExportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for the export."))
        return redirect(reverse("overseas:register") + "?" + request.GET.urlencode())
    rows, _params = _filtered(request)
    standings = list(rows.select_related("person", "county").order_by("county_id", "id"))
    actions.do_record_export(
        actor=request.user,
        what="standings",
        count=len(standings),
        reason=form.cleaned_data["reason"],
        request=request,
    )
    response = HttpResponse(register_xlsx(standings), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="overseas-register.xlsx"'
    return response


def _person_or_404(user: Any, pk: int) -> tuple[Person, list[Standing]]:
    history = list(
        standings_visible_to(user)
        .filter(person_id=pk)
        .select_related("person", "county", "principal", "recorded_by")
        .order_by("-valid_from", "-id")
    )
    if not history:
        raise Http404
    return history[0].person, history


@require_perm_or_404("overseas.read_register")
def person(request: HttpRequest, pk: int) -> HttpResponse:
    found, history = _person_or_404(request.user, pk)
    current = next((s for s in history if s.ended_on is None), None)
    relatives = list(
        standings_visible_to(request.user)
        .filter(principal_id=pk, ended_on__isnull=True)
        .select_related("person")
        .order_by("relation", "id")
    )
    revealed = request.session.pop("overseas_revealed", None)
    return render(
        request,
        "overseas/person.html",
        {
            "person": found,
            "history": history,
            "current": current,
            "relatives": relatives,
            "revealed": revealed if revealed and revealed.get("person") == pk else None,
            "end_form": EndStandingForm(initial={"version": current.version} if current else None),
            "death_form": DeathForm(),
            "standing_form": NewStandingForm(
                counties=user_counties(request.user),
                initial={"county": current.county_id if current else None},
            ),
            "reveal_fields": [
                ("name", _("Full name")),
                ("id_number", _("Resident ID number")),
                ("passport_number", _("Passport number")),
                ("phone", _("Phone number")),
                ("address", _("Address")),
            ],
        },
    )


def _standing_facts(data: dict[str, Any], principal: Person | None) -> dict[str, Any]:
    return {
        "category": data["category"],
        "county": data["county"],
        "valid_from": data["valid_from"],
        "country": data["country"],
        "town": data["town"],
        "left_china_on": data["left_china_on"],
        "returned_on": data["returned_on"],
        "residence_basis": data["residence_basis"],
        "residence_from": data["residence_from"],
        "months_present": data["months_present"],
        "residence_evidence": data["residence_evidence"],
        "principal": principal,
        "relation": data["relation"],
        "relation_evidence": data["relation_evidence"],
        "support_proof": data["support_proof"],
        "returned_entrepreneur": data["returned_entrepreneur"],
        "returned_student": data["returned_student"],
    }


def _principal(user: Any, pk: int | None) -> Person | None:
    if not pk:
        return None
    found = standings_visible_to(user).filter(person_id=pk).select_related("person").first()
    if found is None:
        raise ValidationError(_("No person with this register number."))
    return found.person


@require_perm_or_404("overseas.edit_register")
def new_person(request: HttpRequest) -> HttpResponse:
    form = PersonStandingForm(request.POST or None, counties=user_counties(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            from django.db import transaction

            with transaction.atomic():
                principal = _principal(request.user, data["principal"])
                created = actions.do_register_person(
                    actor=request.user,
                    county=data["county"],
                    name=data["name"],
                    sex=data["sex"],
                    date_of_birth=data["date_of_birth"],
                    nationalities=data["nationalities"],
                    id_number=data["id_number"],
                    passport_number=data["passport_number"],
                    phone=data["phone"],
                    address=data["address"],
                    request=request,
                )
                actions.do_record_standing(
                    actor=request.user,
                    person=created,
                    request=request,
                    **_standing_facts(data, principal),
                )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(request, _("Added to the register."))
            return redirect("overseas:person", pk=created.pk)
    return render(request, "overseas/person_new.html", {"form": form})


def _standing_or_404(user: Any, pk: int) -> Standing:
    found = standings_visible_to(user).select_related("person").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def _run(request: HttpRequest, person_pk: int, run: Callable[[], Any]) -> HttpResponse:
    try:
        run()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    except actions.StaleStanding:
        messages.error(
            request, _("Someone changed this entry since you opened it; check it again.")
        )
    except PermissionDenied:
        raise Http404 from None
    else:
        messages.success(request, _("Saved."))
    return redirect("overseas:person", pk=person_pk)


@require_perm_or_404("overseas.edit_register")
@require_POST
def add_standing(request: HttpRequest, pk: int) -> HttpResponse:
    found, _history = _person_or_404(request.user, pk)
    form = NewStandingForm(request.POST, counties=user_counties(request.user))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("overseas:person", pk=pk)
    data = form.cleaned_data

    def run() -> Any:
        return actions.do_record_standing(
            actor=request.user,
            person=found,
            request=request,
            **_standing_facts(data, _principal(request.user, data["principal"])),
        )

    return _run(request, pk, run)


@require_perm_or_404("overseas.edit_register")
@require_POST
def end_standing(request: HttpRequest, pk: int) -> HttpResponse:
    standing = _standing_or_404(request.user, pk)
    form = EndStandingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason and the day the standing ended."))
        return redirect("overseas:person", pk=standing.person_id)
    data = form.cleaned_data
    return _run(
        request,
        standing.person_id,
        lambda: actions.do_end_standing(
            actor=request.user,
            standing=standing,
            reason=data["reason"],
            ended_on=data["ended_on"],
            note=data["note"],
            expected_version=data["version"],
            request=request,
        ),
    )


@require_perm_or_404("overseas.edit_register")
@require_POST
def record_death(request: HttpRequest, pk: int) -> HttpResponse:
    standing = _standing_or_404(request.user, pk)
    form = DeathForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the day of death."))
        return redirect("overseas:person", pk=standing.person_id)
    return _run(
        request,
        standing.person_id,
        lambda: actions.do_record_death(
            actor=request.user,
            standing=standing,
            died_on=form.cleaned_data["died_on"],
            request=request,
        ),
    )


@never_cache
@require_perm_or_404("overseas.reveal")
@require_POST
def reveal(request: HttpRequest, pk: int) -> HttpResponse:
    standing = _standing_or_404(request.user, pk)
    form = RevealForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason you need to see this information."))
        return redirect("overseas:person", pk=standing.person_id)
    field = form.cleaned_data["field"]

    def run() -> None:
        value = actions.do_reveal(
            actor=request.user,
            standing=standing,
            field=field,
            reason=form.cleaned_data["reason"],
            request=request,
        )
        request.session["overseas_revealed"] = {
            "person": standing.person_id,
            "field": field,
            "value": value,
        }

    return _run(request, standing.person_id, run)


@require_perm_or_404("overseas.read_register")
def organisations(request: HttpRequest) -> HttpResponse:
    rows = organisations_visible_to(request.user)
    category = request.GET.get("category", "")
    if category in OrganisationCategory.values:
        rows = rows.filter(category=category)
    form = OrganisationForm(request.POST or None, counties=user_counties(request.user))
    if request.method == "POST":
        if not request.user.has_perm("overseas.edit_register"):
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.do_record_organisation(actor=request.user, request=request, **data)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            except PermissionDenied:
                form.add_error(None, _("You may not do this."))
            else:
                messages.success(request, _("Added to the register."))
                return redirect("overseas:organisations")
    return render(
        request,
        "overseas/organisations.html",
        {
            "profiles": list(rows.order_by("category", "organisation__name_zh")[:LIST_ROWS]),
            "category": category,
            "categories": OrganisationCategory.choices,
            "form": form,
        },
    )


@require_perm_or_404("overseas.manage_access")
def access(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            if "revoke" in request.POST:
                row = CountyAccess.objects.filter(
                    pk=request.POST.get("revoke", "0") or 0, revoked_at__isnull=True
                ).first()
                if row is None:
                    raise Http404
                actions.do_revoke_county_officer(actor=request.user, access=row, request=request)
            else:
                user = User.objects.filter(
                    pk=request.POST.get("user", "0") or 0, role_grants__role=Role.COUNTY_OFFICER
                ).first()
                if user is None:
                    raise ValidationError(_("Choose a county officer."))
                actions.do_name_county_officer(actor=request.user, user=user, request=request)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Saved."))
        return redirect("overseas:access")
    named = list(
        CountyAccess.objects.filter(revoked_at__isnull=True)
        .select_related("user", "county", "granted_by")
        .order_by("county__sort_order", "id")
    )
    named_ids = {row.user_id for row in named}
    candidates = [
        u
        for u in User.objects.filter(role_grants__role=Role.COUNTY_OFFICER, is_active=True)
        .select_related("agency")
        .order_by("agency__sort_order", "username")
        .distinct()
        if u.pk not in named_ids
    ]
    return render(request, "overseas/access.html", {"named": named, "candidates": candidates})


# Certificates -------------------------------------------------------------------------------


@require_perm_or_404("overseas.file_certificate")
def certificates(request: HttpRequest) -> HttpResponse:
    from waishi.cases.querysets import visible_to

    from .constants import IDENTITY_CASE_TYPE, SETTLEMENT_CASE_TYPE

    cases = list(
        visible_to(request.user)
        .filter(case_type__in=[IDENTITY_CASE_TYPE, SETTLEMENT_CASE_TYPE])
        .order_by("-is_open", "due_date", "-id")[:LIST_ROWS]
    )
    return render(request, "overseas/certificates.html", {"cases": cases})


def _register_person(user: Any, pk: int | None, label: str) -> Person:
    found = _principal(user, pk)
    if found is None:
        raise ValidationError(label)
    return found


def _file(request: HttpRequest, form: Any, run: Callable[[dict[str, Any]], Any]) -> Any:
    try:
        return run(form.cleaned_data)
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
    except TransitionRefused as refused:
        for reason in refused.reasons:
            form.add_error(None, str(reason))
    except PermissionDenied:
        form.add_error(None, _("You may not file for this county-level unit."))
    return None


@require_perm_or_404("overseas.file_certificate")
def identity_new(request: HttpRequest) -> HttpResponse:
    form = IdentityForm(request.POST or None, counties=user_counties(request.user))
    if request.method == "POST" and form.is_valid():

        def run(data: dict[str, Any]) -> Any:
            return actions.do_file_identity(
                actor=request.user,
                person=_register_person(
                    request.user, data["person"], _("No person with this register number.")
                ),
                category=data["category"],
                principal=_principal(request.user, data["principal"]),
                relation=data["relation"],
                relation_evidence=data["relation_evidence"],
                support_proof=data["support_proof"],
                hukou_county=data["hukou_county"],
                hukou_evidence=data["hukou_evidence"],
                purpose=data["purpose"],
                purpose_other=data["purpose_other"],
                receiving_unit=data["receiving_unit"],
                idempotency_key=data["idempotency_key"],
                request=request,
            )

        case = _file(request, form, run)
        if case is not None:
            messages.success(request, _("%(reference)s filed.") % {"reference": case.reference})
            return redirect(case)
    return render(
        request,
        "overseas/certificate_new.html",
        {
            "form": form,
            "title": _("New identity certificate"),
            "intro": _(
                "For a returned overseas Chinese or a relative of an overseas Chinese. The "
                "office of the household registration place decides within the time limit; "
                "the certificate names its purpose and receiving unit and is valid one year."
            ),
        },
    )


@require_perm_or_404("overseas.file_certificate")
def settlement_new(request: HttpRequest) -> HttpResponse:
    form = SettlementForm(request.POST or None, counties=user_counties(request.user))
    if request.method == "POST" and form.is_valid():

        def run(data: dict[str, Any]) -> Any:
            return actions.do_file_settlement(
                actor=request.user,
                person=_register_person(
                    request.user, data["person"], _("No person with this register number.")
                ),
                country=data["country"],
                county=data["county"],
                applied_on=data["applied_on"],
                stays=data["stays"],
                housing_evidence=data["housing_evidence"],
                livelihood_evidence=data["livelihood_evidence"],
                idempotency_key=data["idempotency_key"],
                request=request,
            )

        case = _file(request, form, run)
        if case is not None:
            messages.success(request, _("%(reference)s filed.") % {"reference": case.reference})
            return redirect(case)
    return render(
        request,
        "overseas/certificate_new.html",
        {
            "form": form,
            "title": _("New return-to-settle certificate"),
            "intro": _(
                "For an overseas Chinese coming back to settle (Guangdong regulations, art. 8): "
                "in the two years before applying, three consecutive months in China or 90 days "
                "within six consecutive months, with stable housing and livelihood."
            ),
        },
    )


@require_perm_or_404("overseas.file_certificate")
@require_POST
def settlement_checks(request: HttpRequest, reference: str) -> HttpResponse:
    from waishi.cases.querysets import access_case_detail

    from .constants import SETTLEMENT_CASE_TYPE

    detail = access_case_detail(request.user, reference, SETTLEMENT_CASE_TYPE)
    form = ChecksForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_record_checks(
                actor=request.user,
                case=detail.case,
                housing_checked=data["housing_checked"],
                housing_evidence=data["housing_evidence"],
                livelihood_checked=data["livelihood_checked"],
                livelihood_evidence=data["livelihood_evidence"],
                request=request,
            )
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
    return redirect(detail.case)


# Survey campaigns ---------------------------------------------------------------------------


@require_perm_or_404("overseas.read_register")
def campaigns(request: HttpRequest) -> HttpResponse:
    from django.db.models import Count
    from django.db.models import Q as Where

    year = year_param(request, ahead=1)
    form = CampaignForm(request.POST or None, counties=user_counties(request.user))
    if request.method == "POST":
        if not request.user.has_perm("overseas.open_campaign"):
            raise Http404
        if form.is_valid():
            try:
                campaign = actions.do_open_campaign(
                    actor=request.user,
                    year=form.cleaned_data["year"],
                    county=form.cleaned_data["county"],
                    request=request,
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Survey opened."))
                return redirect("overseas:campaign", pk=campaign.pk)
    rows = list(
        campaigns_visible_to(request.user)
        .filter(year=year)
        .annotate(
            entered=Count("records"),
            verified=Count("records", filter=Where(records__status="verified")),
        )
        .order_by("county__sort_order", "id")
    )
    return render(
        request,
        "overseas/campaigns.html",
        {
            "campaigns": rows,
            "year": year,
            "years": range(timezone.localdate().year + 1, 2019, -1),
            "form": form if request.user.has_perm("overseas.open_campaign") else None,
        },
    )


def _campaign_or_404(user: Any, pk: int) -> Any:
    found = campaigns_visible_to(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@require_perm_or_404("overseas.read_register")
def campaign(request: HttpRequest, pk: int) -> HttpResponse:
    found = _campaign_or_404(request.user, pk)
    errors: list[str] = []
    if request.method == "POST":
        try:
            if "verify" in request.POST:
                count = actions.do_verify_campaign(
                    actor=request.user, campaign=found, request=request
                )
                messages.success(request, _("%(count)s records verified.") % {"count": count})
            elif "upload" in request.FILES:
                upload: Any = request.FILES["upload"]
                if upload.size and upload.size > 5 * 1024 * 1024:
                    raise ValidationError(_("The file is larger than 5 MB."))
                count = actions.do_import_records(
                    actor=request.user, campaign=found, content=upload.read(), request=request
                )
                messages.success(request, _("%(count)s records imported.") % {"count": count})
            else:
                actions.do_add_record(
                    actor=request.user,
                    campaign=found,
                    values={k: request.POST.get(k, "") for k in RECORD_FIELDS},
                    request=request,
                )
                messages.success(request, _("Saved."))
        except ValidationError as error:
            errors = list(error.messages)
        except PermissionDenied:
            raise Http404 from None
        if not errors:
            return redirect("overseas:campaign", pk=pk)
    records = list(
        records_visible_to(request.user).filter(campaign=found).order_by("-id")[:LIST_ROWS]
    )
    return render(
        request,
        "overseas/campaign.html",
        {
            "campaign": found,
            "records": records,
            "errors": errors,
            "categories": Category.choices,
            "import_form": ImportForm(),
            "limit": LIST_ROWS,
        },
        status=422 if errors else 200,
    )


RECORD_FIELDS = (
    "name",
    "sex",
    "birth_year",
    "category",
    "country",
    "left_china_year",
    "town",
    "note",
)


@require_perm_or_404("overseas.read_register")
def survey_template(request: HttpRequest) -> HttpResponse:
    from .surveys import template_xlsx

    response = HttpResponse(template_xlsx(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="overseas-survey-template.xlsx"'
    return response


@require_perm_or_404("overseas.read_register")
def statistics(request: HttpRequest) -> HttpResponse:
    from .surveys import figures_xlsx, survey_figures

    year = year_param(request, ahead=1)
    figures = survey_figures(records_visible_to(request.user), year)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(figures_xlsx(figures), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="overseas-survey-{year}.xlsx"'
        return response
    return render(
        request,
        "overseas/statistics.html",
        {
            "figures": figures,
            "year": year,
            "years": range(timezone.localdate().year + 1, 2019, -1),
        },
    )
