"""Visa screens: applications by status, one application, opening them, notes, templates."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.core.views import require_perm

from .. import visa_actions
from ..constants import VISA_NEXT, VisaStatus
from ..forms import NoteTemplateForm, VisaMoveForm, VisaNoteForm
from ..models import VisaApplication, VisaNoteTemplate
from ..querysets import access_visa, visas_visible_to
from .common import errors_of, get_mission

PAGE_SIZE = 50


def get_visa(request: HttpRequest, pk: int) -> VisaApplication:
    try:
        return access_visa(request.user, pk)
    except VisaApplication.DoesNotExist:
        raise Http404 from None


@require_perm("passports.read_visas")
def visa_list(request: HttpRequest) -> HttpResponse:
    rows = visas_visible_to(request.user).order_by("-updated_at", "id")
    status = request.GET.get("status", "")
    if status in VisaStatus.values:
        rows = rows.filter(status=status)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "passports/visa_list.html",
        {
            "title": _("Visa applications"),
            "page": page,
            "status": status,
            "statuses": VisaStatus.choices,
        },
    )


@require_perm("passports.read_visas")
def visa_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_visa(request, pk)
    requirement = visa_actions.requirements_for([application.country])[application.country]
    checklist = [
        (index, item, index in application.checklist_done)
        for index, item in enumerate(requirement.checklist if requirement else [])
    ]
    form = VisaMoveForm(initial={"on_date": timezone.localdate()})
    form.fields["status"].choices = [  # type: ignore[attr-defined]
        (s, VisaStatus(s).label) for s in VISA_NEXT[application.status]
    ]
    return render(
        request,
        "passports/visa_detail.html",
        {
            "title": str(application),
            "application": application,
            "requirement": requirement,
            "checklist": checklist,
            "dispatches": application.dispatches.select_related("actor"),
            "form": form if VISA_NEXT[application.status] else None,
            "can_manage": request.user.has_perm("passports.manage_visas"),
        },
    )


@require_perm("passports.manage_visas")
@require_POST
def visa_move(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_visa(request, pk)
    form = VisaMoveForm(request.POST)
    if form.is_valid():
        try:
            visa_actions.do_move_visa(
                actor=request.user, application=application, request=request, **form.cleaned_data
            )
            messages.success(request, _("The visa application is updated."))
        except ValidationError as error:
            for message in errors_of(error):
                messages.error(request, message)
    else:
        messages.error(request, _("Please correct the step."))
    return redirect("passports:visa", pk=application.pk)


@require_perm("passports.manage_visas")
@require_POST
def visa_checklist(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_visa(request, pk)
    done = [int(v) for v in request.POST.getlist("done") if v.isdigit()]
    visa_actions.do_set_checklist(
        actor=request.user, application=application, done=done, request=request
    )
    messages.success(request, _("The materials received are recorded."))
    return redirect("passports:visa", pk=application.pk)


@require_perm("passports.manage_visas")
@require_POST
def visas_open(request: HttpRequest, reference: str) -> HttpResponse:
    mission = get_mission(request, reference)
    created = visa_actions.do_open_visa_applications(
        actor=request.user, mission=mission, request=request
    )
    messages.success(request, _("%(count)d visa applications opened.") % {"count": len(created)})
    return redirect("passports:mission", reference=reference)


@require_perm("passports.manage_visas")
@require_POST
def visa_note(request: HttpRequest, reference: str, country: str) -> HttpResponse:
    mission = get_mission(request, reference)
    if country.upper() not in visa_actions.visa_countries(mission):
        raise Http404
    form = VisaNoteForm(request.POST, templates=VisaNoteTemplate.objects.all())
    if not form.is_valid():
        messages.error(request, _("Give the purpose in English and choose a template."))
        return redirect("passports:mission", reference=reference)
    note, pdf = visa_actions.do_generate_visa_note(
        actor=request.user,
        mission=mission,
        country=country.upper(),
        template=form.cleaned_data["template"],
        purpose_en=form.cleaned_data["purpose_en"],
        request=request,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{note.number}.pdf"'
    return response


@require_perm("passports.edit_note_template")
def note_templates(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "passports/note_templates.html",
        {"title": _("Visa note templates"), "templates": VisaNoteTemplate.objects.all()},
    )


@require_perm("passports.edit_note_template")
def note_template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    template = VisaNoteTemplate.objects.filter(pk=pk).first() if pk else None
    if pk and template is None:
        raise Http404
    initial = (
        {"name": template.name, "body_zh": template.body_zh, "body_en": template.body_en}
        if template
        else {}
    )
    form = NoteTemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = visa_actions.do_save_note_template(
                actor=request.user, template=template, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            for message in errors_of(error):
                form.add_error(None, message)
        else:
            messages.success(request, _("The template is saved."))
            return redirect("passports:note_template", pk=saved.pk)
    return render(
        request,
        "passports/note_template_form.html",
        {"title": _("Visa note template"), "form": form, "template_obj": template},
    )
