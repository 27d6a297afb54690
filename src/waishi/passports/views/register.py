"""The document register: list, new document, document page, endorsements, loss, cancel."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.cases.permissions import is_case_staff
from waishi.core import pii
from waishi.core.views import require_perm
from waishi.registers.querysets import people_visible_to

from .. import actions
from ..forms import CancelForm, DocumentForm, EndorsementForm, LossForm, RegisterFilterForm
from ..models import HandOut, LossReport, TravelBar, TravelDocument
from ..models.bars import in_force_on
from ..querysets import access_document, documents_visible_to
from .common import errors_of

PAGE_SIZE = 50


def get_document(request: HttpRequest, pk: int) -> TravelDocument:
    try:
        return access_document(request.user, pk)
    except TravelDocument.DoesNotExist:
        raise Http404 from None


@require_perm("passports.read_register")
def register_list(request: HttpRequest) -> HttpResponse:
    form = RegisterFilterForm(request.GET or None)
    documents = documents_visible_to(request.user).order_by("expiry_date", "id")
    if form.is_valid():
        if form.cleaned_data["status"]:
            documents = documents.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["kind"]:
            documents = documents.filter(kind=form.cleaned_data["kind"])
        if form.cleaned_data["number"]:
            number = form.cleaned_data["number"].strip().upper()
            documents = documents.filter(**pii.pii_lookup(TravelDocument, number=number))
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "passports/register_list.html",
        {"title": _("Register of official documents"), "form": form, "page": page},
    )


@require_perm("passports.manage_register")
def document_new(request: HttpRequest) -> HttpResponse:
    # Official documents are held for the city's agencies' people only.
    holders = people_visible_to(request.user).filter(is_active=True, agency__isnull=False)
    form = DocumentForm(request.POST or None, holders=holders)
    if request.method == "POST" and form.is_valid():
        try:
            document = actions.do_register_document(
                actor=request.user, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            for message in errors_of(error):
                form.add_error(None, message)
        else:
            messages.success(request, _("The document is in the register, in custody."))
            return redirect("passports:document", pk=document.pk)
    return render(
        request, "passports/document_form.html", {"title": _("Register a document"), "form": form}
    )


@require_perm("passports.read_register")
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document(request, pk)
    hand_outs = (
        HandOut.objects.filter(document=document)
        .select_related("mission__case", "handed_out_by", "received_by")
        .prefetch_related(Prefetch("reminders"))
        .order_by("-handed_out_at")
    )
    user = request.user
    context: dict[str, Any] = {
        "title": str(document),
        "document": document,
        "endorsements": document.endorsements.all(),
        "hand_outs": hand_outs,
        "loss": LossReport.objects.filter(document=document).first(),
        "flags": document.holder.passport_flags.filter(is_active=True),
        "bars": TravelBar.objects.filter(
            in_force_on(timezone.localdate()), holder_id=document.holder_id
        ),
        "can_bar": user.has_perm("passports.bar_holder"),
        "is_staff": is_case_staff(user),
        "can_manage": user.has_perm("passports.manage_register"),
        "can_custody": user.has_perm("passports.manage_custody"),
        "can_report_loss": user.has_perm("passports.report_loss") and document.is_usable,
        "endorsement_form": EndorsementForm(),
        "cancel_form": CancelForm(),
    }
    return render(request, "passports/document_detail.html", context)


@require_perm("passports.manage_register")
@require_POST
def endorsement_add(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document(request, pk)
    form = EndorsementForm(request.POST)
    if form.is_valid():
        try:
            actions.do_add_endorsement(
                actor=request.user, document=document, request=request, **form.cleaned_data
            )
            messages.success(request, _("The endorsement is recorded."))
        except ValidationError as error:
            for message in errors_of(error):
                messages.error(request, message)
    else:
        messages.error(request, _("Please correct the endorsement."))
    return redirect("passports:document", pk=document.pk)


@require_perm("passports.manage_register")
@require_POST
def document_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document(request, pk)
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            actions.do_cancel_document(
                actor=request.user,
                document=document,
                reason=form.cleaned_data["reason"],
                request=request,
            )
            messages.success(request, _("The document is cancelled."))
        except ValidationError as error:
            for message in errors_of(error):
                messages.error(request, message)
    else:
        messages.error(request, _("Give the reason for the cancellation."))
    return redirect("passports:document", pk=document.pk)


@require_perm("passports.report_loss")
def document_loss(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document(request, pk)
    form = LossForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["police_report"]
        try:
            actions.do_report_loss(
                actor=request.user,
                document=document,
                lost_on=form.cleaned_data["lost_on"],
                place=form.cleaned_data["place"],
                circumstances=form.cleaned_data["circumstances"],
                police_report=upload,
                police_report_name=upload.name,
                request=request,
            )
        except ValidationError as error:
            for message in errors_of(error):
                form.add_error(None, message)
        except PermissionDenied:
            raise
        else:
            messages.success(
                request, _("The loss is reported; the division will cancel the document.")
            )
            return redirect("passports:document", pk=document.pk)
    return render(
        request,
        "passports/loss_form.html",
        {"title": _("Report a lost document"), "form": form, "document": document},
    )


@require_perm("passports.read_register")
def loss_report_file(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document(request, pk)
    report = LossReport.objects.filter(document=document).first()
    if report is None:
        raise Http404
    from waishi.audit.actions import log_action

    log_action(
        action="passports.loss_report.download",
        actor=request.user,
        obj=document,
        after={"file": report.police_report_name},
        request=request,
    )
    return FileResponse(  # type: ignore[return-value]
        report.police_report.open("rb"),
        as_attachment=True,
        filename=report.police_report_name,
        content_type=report.police_report_type,
    )
