"""The people register as lists and forms; the old rules address, sent to the kernel's."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from waishi.core.pii import mask_id_number
from waishi.core.views import require_perm
from waishi.registers.actions import StalePerson
from waishi.registers.models import Person

from .. import actions
from ..constants import RULE_AREA
from ..forms import TravellerForm
from ..querysets import access_traveller, travellers_visible_to

PAGE_SIZE = 200


@require_perm("missions.read_travellers")
def traveller_list(request: HttpRequest) -> HttpResponse:
    people = travellers_visible_to(request.user).order_by("agency", "name", "id")[:PAGE_SIZE]
    return render(
        request,
        "missions/travellers.html",
        {
            "title": _("Travellers"),
            "travellers": people,
            "can_manage": request.user.has_perm("missions.manage_traveller"),
        },
    )


def _save_traveller(request: HttpRequest, form: TravellerForm, traveller: Person | None) -> Person:
    data = dict(form.cleaned_data)
    version = data.pop("version")
    if traveller is None:
        return actions.do_register_traveller(
            actor=request.user,
            agency=request.user.agency,  # type: ignore[union-attr]
            request=request,
            **data,
        )
    if not data["passport_name"]:
        data.pop("passport_name")
    if not data["id_number"]:
        # The form never shows the stored number; left empty, it stays as it is.
        data.pop("id_number")
    return actions.do_update_traveller(
        actor=request.user,
        traveller=traveller,
        changes=data,
        request=request,
        expected_version=version if version is not None else traveller.version,
    )


@require_perm("missions.manage_traveller")
def traveller_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    traveller = None
    if pk is not None:
        try:
            traveller = access_traveller(request.user, pk)
        except Person.DoesNotExist:
            raise Http404 from None
        if not request.user.has_perm("missions.manage_traveller", traveller):
            raise Http404
    elif request.user.agency_id is None:  # type: ignore[union-attr]
        raise Http404
    form = TravellerForm(request.POST or None, initial=_initial(traveller))
    _explain_id_number(form, traveller)
    status = 200
    conflict = ""
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save_traveller(request, form, traveller)
        except StalePerson as stale:
            # Someone saved the person meanwhile: show their version; nothing was written.
            status = 409
            form = TravellerForm(initial=_initial(stale.person))
            _explain_id_number(form, stale.person)
            conflict = _(
                "Someone else changed this person while you were editing. The form now "
                "shows their version; make your change again and save."
            )
        except ValidationError as problem:
            if hasattr(problem, "error_dict"):
                for field, errors in problem.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, problem.messages)
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(
                request,
                _("%(name)s is saved as %(passport)s.")
                % {"name": saved.name, "passport": saved.passport_name},
            )
            return redirect("missions:travellers")
    return render(
        request,
        "missions/traveller_form.html",
        {
            "title": _("Edit traveller") if traveller else _("Register a traveller"),
            "form": form,
            "traveller": traveller,
            "conflict": conflict,
        },
        status=status,
    )


def _initial(traveller: Person | None) -> dict[str, object]:
    """The form's starting values: the person's, except the ID number, which is never shown."""
    if traveller is None:
        return {}
    initial = {f: getattr(traveller, f) for f in TravellerForm.base_fields if f != "id_number"}
    initial["version"] = traveller.version
    return initial


def _explain_id_number(form: TravellerForm, traveller: Person | None) -> None:
    if traveller is not None and traveller.id_number:
        form.fields["id_number"].help_text = _(
            "On file: %(masked)s. Leave empty to keep it; type a number to replace it."
        ) % {"masked": mask_id_number(traveller.id_number)}


@require_perm("cases.read_rules")
def rules_moved(request: HttpRequest) -> HttpResponse:
    """The missions' rules are kept on the kernel's rules screen, filtered to this area."""
    return redirect(f"{reverse('cases:rules')}?area={RULE_AREA}")
