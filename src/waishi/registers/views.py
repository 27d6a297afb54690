"""Back-office pages of the shared registers: organisations and the country register."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from waishi.core.views import require_perm

from . import actions
from .countries import countries, countries_in
from .forms import CountryFilterForm, OrganisationForm, OrganisationSearchForm
from .models import Country, CountryGroup, Organisation
from .querysets import access_organisation, organisations_visible_to, search_organisations

PAGE_SIZE = 200


@require_perm("registers.read_organisations")
def organisation_list(request: HttpRequest) -> HttpResponse:
    search = OrganisationSearchForm(request.GET or None)
    found = organisations_visible_to(request.user)
    if search.is_valid():
        found = search_organisations(found, **search.cleaned_data)
    return render(
        request,
        "registers/organisations.html",
        {
            "title": _("Organisations"),
            "search": search,
            "organisations": list(found.order_by("name_zh", "id")[:PAGE_SIZE]),
            "page_size": PAGE_SIZE,
            "can_edit": request.user.has_perm("registers.edit_organisation"),
        },
    )


def _initial(organisation: Organisation) -> dict[str, Any]:
    initial = {name: getattr(organisation, name) for name in actions.ORGANISATION_FIELDS}
    initial["country"] = organisation.country_id
    initial["version"] = organisation.version
    return initial


def _add_errors(form: OrganisationForm, problem: ValidationError) -> None:
    if hasattr(problem, "error_dict"):
        for field, errors in problem.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, problem.messages)


@require_perm("registers.edit_organisation")
def organisation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Register an organisation, or change one opened at the version the form carries."""
    organisation = None
    if pk is not None:
        try:
            organisation = access_organisation(request.user, pk)
        except Organisation.DoesNotExist:
            raise Http404 from None
    initial = _initial(organisation) if organisation else {}
    form = OrganisationForm(request.POST or None, initial=initial)
    status = 200
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        data["country_id"] = data.pop("country")
        try:
            saved = _save(request, organisation, version, data)
        except ValidationError as problem:
            _add_errors(form, problem)
        except actions.StaleOrganisation as stale:
            status = 409
            form = OrganisationForm(initial=_initial(stale.organisation))
            conflict = True
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(request, _("%(name)s is saved.") % {"name": saved.name_zh})
            return redirect("registers:organisations")
    return render(
        request,
        "registers/organisation_form.html",
        {
            "title": _("Edit organisation") if organisation else _("Register an organisation"),
            "form": form,
            "organisation": organisation,
            "conflict": conflict,
        },
        status=status,
    )


def _save(
    request: HttpRequest, organisation: Organisation | None, version: int | None, data: Any
) -> Organisation:
    data["country"] = Country.objects.filter(pk=data.pop("country_id")).first()
    if data["country"] is None:
        raise ValidationError({"country": _("Choose the country or region from the list.")})
    if organisation is None:
        return actions.do_create_organisation(actor=request.user, request=request, **data)
    return actions.do_update_organisation(
        actor=request.user,
        organisation=organisation,
        expected_version=version if version is not None else organisation.version,
        changes=data,
        request=request,
    )


@require_perm("registers.read_countries")
def country_list(request: HttpRequest) -> HttpResponse:
    """The country register, optionally one group of it (read only)."""
    groups = list(CountryGroup.objects.all())
    form = CountryFilterForm(request.GET or None, groups=groups)
    group = form.cleaned_data["group"] if form.is_valid() else ""
    everything = countries()
    codes = countries_in(group) if group else tuple(everything)
    names = {g.code: g.name for g in groups}
    rows = [
        (everything[code], [names[g] for g in sorted(everything[code].groups) if g in names])
        for code in codes
    ]
    return render(
        request,
        "registers/countries.html",
        {"title": _("Countries and regions"), "form": form, "rows": rows},
    )
