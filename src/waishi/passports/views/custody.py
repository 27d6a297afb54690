"""Custody screens: the mission's documents and checks, hand-out, return, receipt, lists."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.cases.models import Suspension
from waishi.core.views import require_perm

from .. import actions
from ..checks import check_mission_documents
from ..constants import CUSTODY_SOURCE, PASSPORT_KINDS
from ..forms import HandOutForm, ReturnForm, VisaNoteForm
from ..models import HandOut, TravelDocument, VisaNoteTemplate
from ..querysets import access_hand_out, documents_visible_to, hand_outs_visible_to
from ..visa_actions import visa_countries
from .common import errors_of, get_mission

PAGE_SIZE = 50


@require_perm("passports.read_custody")
def dashboard(request: HttpRequest) -> HttpResponse:
    from waishi.core.navigation import registry

    return render(
        request,
        "passports/dashboard.html",
        {
            "title": _("Passports and visas"),
            "panels": [
                p
                for p in registry.panels_for(request.user, "office")
                if p.template.startswith("passports/")
            ],
        },
    )


@require_perm("passports.read_custody")
def custody_list(request: HttpRequest) -> HttpResponse:
    rows = hand_outs_visible_to(request.user).filter(closed_on__isnull=True)
    only_overdue = request.GET.get("overdue") == "1"
    if only_overdue:
        rows = rows.filter(due_date__lt=timezone.localdate())
    page = Paginator(rows.order_by("due_date", "id"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "passports/custody_list.html",
        {
            "title": _("Documents out and due"),
            "page": page,
            "only_overdue": only_overdue,
            "today": timezone.localdate(),
            "return_form": ReturnForm(),
            "can_custody": request.user.has_perm("passports.manage_custody"),
        },
    )


@require_perm("passports.read_custody")
def locks_list(request: HttpRequest) -> HttpResponse:
    locks = Suspension.objects.filter(source=CUSTODY_SOURCE).select_related("agency")
    locks = locks.order_by("-imposed_at", "-id")[:200]
    return render(
        request, "passports/locks_list.html", {"title": _("Suspended agencies"), "locks": locks}
    )


@require_perm("passports.read_custody")
def mission_documents(request: HttpRequest, reference: str) -> HttpResponse:
    mission = get_mission(request, reference)
    members = list(mission.members.select_related("traveller"))
    documents: dict[int, list[TravelDocument]] = {m.traveller_id: [] for m in members}
    for document in documents_visible_to(request.user).filter(holder_id__in=list(documents)):
        documents[document.holder_id].append(document)
    open_outs = {
        o.document_id: o for o in HandOut.objects.filter(mission=mission).select_related("document")
    }
    user = request.user
    rows = [
        {
            "member": m,
            "documents": [(d, open_outs.get(d.pk)) for d in documents[m.traveller_id]],
        }
        for m in members
    ]
    templates = VisaNoteTemplate.objects.all()
    context: dict[str, Any] = {
        "title": _("Documents for %(reference)s") % {"reference": mission.case.reference},
        "mission": mission,
        "rows": rows,
        "findings": check_mission_documents(mission),
        "visa_countries": visa_countries(mission),
        "passport_kinds": [str(k) for k in PASSPORT_KINDS],
        "can_custody": user.has_perm("passports.manage_custody"),
        "can_visas": user.has_perm("passports.manage_visas"),
        "note_form": VisaNoteForm(templates=templates, initial={"template": templates.first()}),
        "return_form": ReturnForm(),
    }
    return render(request, "passports/mission_documents.html", context)


@require_perm("passports.manage_custody")
@require_POST
def hand_out(request: HttpRequest, reference: str) -> HttpResponse:
    mission = get_mission(request, reference)
    form = HandOutForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Name the person who signs for the document."))
        return redirect("passports:mission", reference=reference)
    try:
        document = documents_visible_to(request.user).get(pk=form.cleaned_data["document"])
    except TravelDocument.DoesNotExist:
        raise Http404 from None
    try:
        out = actions.do_hand_out(
            actor=request.user,
            document=document,
            mission=mission,
            handed_to=form.cleaned_data["handed_to"],
            request=request,
        )
    except ValidationError as error:
        for message in errors_of(error):
            messages.error(request, message)
        return redirect("passports:mission", reference=reference)
    messages.success(
        request,
        _("Handed out; due back on %(due)s. Print the receipt for signature.")
        % {"due": out.due_date.isoformat()},
    )
    return redirect("passports:mission", reference=reference)


@require_perm("passports.manage_custody")
@require_POST
def return_document(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        out = access_hand_out(request.user, pk)
    except HandOut.DoesNotExist:
        raise Http404 from None
    form = ReturnForm(request.POST)
    next_url = request.POST.get("next") or ""
    if form.is_valid():
        try:
            actions.do_return_document(
                actor=request.user,
                hand_out=out,
                returned_by=form.cleaned_data["returned_by"] or "",
                returned_on=form.cleaned_data["returned_on"],
                entries_used=form.cleaned_data["entries_used"] or 0,
                request=request,
            )
            messages.success(request, _("The document is back in custody."))
        except ValidationError as error:
            for message in errors_of(error):
                messages.error(request, message)
    else:
        messages.error(request, _("Please correct the return."))
    if next_url.startswith("/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect("passports:custody")


@require_perm("passports.read_custody")
def receipt(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        out = access_hand_out(request.user, pk)
    except HandOut.DoesNotExist:
        raise Http404 from None
    from waishi.accounts.models import Bureau

    return render(
        request,
        "passports/receipt.html",
        {
            "title": _("Receipt %(number)s") % {"number": out.receipt_number},
            "out": out,
            "bureau": Bureau.objects.first(),
        },
    )
