"""The applicants' pages: sign-up, my applications, companies, my account; and the bureau's
screen for confirming companies' letters of authorisation."""

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.accounts.actions import do_record_login
from waishi.accounts.second_factor import settle_after_password
from waishi.cases import actions as case_actions
from waishi.cases.clocks import clocks_of
from waishi.cases.constants import ClockOwner
from waishi.cases.documents import documents_of, issues_documents
from waishi.cases.models import Attachment, OfficialDocument
from waishi.cases.querysets import public_timeline
from waishi.cases.refusals import TransitionRefused
from waishi.cases.views.documents import serve_document
from waishi.core.views import AuthenticatedRequest, public, require_perm

from . import actions, codes
from .constants import PRIVACY_NOTICE_VERSION, SENSITIVE_CONSENT_VERSION, Channel
from .forms import (
    CompanyForm,
    InviteForm,
    LetterForm,
    MessageForm,
    SendCodeForm,
    SignUpForm,
    UploadForm,
)
from .models import Applicant, Authorisation
from .querysets import access_application, access_company, applications_visible_to

SIGN_UP_SESSION_KEY = "applicants.sign_up"
APPLICANT = "accounts.use_applicant_pages"


# Sign-up --------------------------------------------------------------------------------------


@public
def sign_up(request: HttpRequest) -> HttpResponse:
    """Step one: a mobile number (a code by text message) or an e-mail address (a link)."""
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = SendCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        channel, target = form.cleaned_data["channel"], form.cleaned_data["target"]
        try:
            actions.do_send_sign_up_code(channel=channel, target=target, request=request)
        except codes.TooManyCodes:
            form.add_error(
                None,
                _(
                    "Too many codes were asked for this number or address, or from your "
                    "network. Please try again in an hour."
                ),
            )
        else:
            hint = actions.masked_target(channel, target)
            if channel == Channel.SMS:
                request.session[SIGN_UP_SESSION_KEY] = {"channel": channel, "to": target}
                messages.success(
                    request,
                    _("A code is on its way to %(to)s by text message.") % {"to": hint},
                )
                return redirect("applicants:sign_up_details")
            return render(
                request,
                "applicants/sign_up_sent.html",
                {"title": _("Check your e-mail"), "hint": hint},
            )
    status = 400 if request.method == "POST" else 200
    return render(
        request, "applicants/sign_up.html", {"title": _("Sign up"), "form": form}, status=status
    )


def _sign_up_target(request: HttpRequest) -> tuple[str, str, str] | None:
    """(channel, number or address, secret) of the sign-up under way, from link or session."""
    source = request.POST if request.method == "POST" else request.GET
    if source.get("token"):
        return Channel.EMAIL, source.get("to", ""), source.get("token", "")
    pending = request.session.get(SIGN_UP_SESSION_KEY)
    if pending and pending.get("channel") == Channel.SMS:
        return Channel.SMS, pending["to"], ""
    return None


@public
def sign_up_details(request: HttpRequest) -> HttpResponse:
    """Step two: the code, the real name and identity number, the password, the consents."""
    if request.user.is_authenticated:
        return redirect("accounts:home")
    pending = _sign_up_target(request)
    if pending is None:
        return redirect("applicants:sign_up")
    channel, target, token = pending
    if channel == Channel.EMAIL and codes.find_link(token) is None:
        messages.error(request, _("This link is wrong, used or expired. Ask for a new one."))
        return redirect("applicants:sign_up")
    form = SignUpForm(request.POST or None, channel=channel)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = actions.do_sign_up(
                channel=channel,
                target=target,
                secret=data["code"] if channel == Channel.SMS else token,
                password=data["password1"],
                real_name=data["real_name"],
                kind=data["kind"],
                id_number=data.get("id_number", ""),
                document_number=data.get("document_number", ""),
                nationality=data.get("nationality"),
                sensitive_consent=data["sensitive_consent"],
                request=request,
            )
        except actions.Refused as refused:
            for reason in refused.reasons:
                form.add_error(None, reason)
        else:
            request.session.pop(SIGN_UP_SESSION_KEY, None)
            login(request, user, backend="waishi.accounts.backends.LockoutModelBackend")
            # Applicants need no second factor; the sign-in settles that as a password would.
            settle_after_password(request, user)
            do_record_login(user=user, request=request, factor="sign-up")
            messages.success(request, _("Welcome! Your account is ready."))
            return redirect("applicants:home")
    return render(
        request,
        "applicants/sign_up_details.html",
        {
            "title": _("Your details"),
            "form": form,
            "channel": channel,
            "hint": actions.masked_target(channel, target),
            "to": target if channel == Channel.EMAIL else "",
            "token": token,
        },
        status=400 if request.method == "POST" else 200,
    )


@public
def privacy(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "applicants/privacy.html",
        {
            "title": _("Privacy notice"),
            "notice_version": PRIVACY_NOTICE_VERSION,
            "consent_version": SENSITIVE_CONSENT_VERSION,
        },
    )


# My applications ------------------------------------------------------------------------------


@require_perm(APPLICANT)
def home(request: HttpRequest) -> HttpResponse:
    """The applications the person filed or their companies filed, newest first."""
    cases = list(
        applications_visible_to(request.user)
        .select_related("filing__company")
        .order_by("-updated_at", "-id")[:200]
    )
    return render(
        request,
        "applicants/home.html",
        {
            "title": _("My applications"),
            "cases": cases,
            "invitations": actions.invitations_for(request.user),  # type: ignore[arg-type]
        },
    )


def _case_context(request: HttpRequest, reference: str) -> dict[str, Any]:
    case = access_application(request.user, reference)
    clocks = [c for c in clocks_of(case, staff=False) if c.clock.is_live]
    timeline = list(public_timeline(case).select_related("actor", "actor__applicant"))
    for entry in timeline:
        # Applicants see each other's names; the bureau's staff appear as "the bureau".
        entry.by_applicant = bool(  # type: ignore[attr-defined]
            entry.actor is not None and hasattr(entry.actor, "applicant")
        )
    return {
        "title": f"{case.reference} {case.title}",
        "case": case,
        "timeline": timeline,
        "clocks_all": clocks,
        "files": list(
            Attachment.objects.filter(case=case, is_public=True).order_by("uploaded_at", "id")
        ),
        "clocks_mine": [c for c in clocks if c.clock.owner == ClockOwner.APPLICANT],
        "clocks_bureau": [c for c in clocks if c.clock.owner != ClockOwner.APPLICANT],
        "message_form": MessageForm(),
        "upload_form": UploadForm(),
        "documents": list(documents_of(case)) if issues_documents(case.case_type_obj) else [],
    }


@require_perm(APPLICANT)
def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    return render(request, "applicants/case_detail.html", _case_context(request, reference))


@require_perm(APPLICANT)
@require_POST
def case_message(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_application(request.user, reference)
    form = MessageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please write a message."))
    else:
        try:
            case_actions.do_comment(
                case=case,
                actor=request.user,
                text=form.cleaned_data["text"],
                is_public=True,
                request=request,
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except TransitionRefused as refused:
            for reason in refused.reasons:
                messages.error(request, reason)
        else:
            messages.success(request, _("Your message was sent to the bureau."))
    return redirect("applicants:case", reference=case.reference)


@require_perm(APPLICANT)
@require_POST
def case_upload(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_application(request.user, reference)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Please choose a file."))
        return redirect("applicants:case", reference=case.reference)
    upload = form.cleaned_data["file"]
    try:
        case_actions.do_add_attachment(
            case=case, actor=request.user, upload=upload, name=upload.name, request=request
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    except TransitionRefused as refused:
        for reason in refused.reasons:
            messages.error(request, reason)
    else:
        messages.success(request, _("The file was sent to the bureau."))
    return redirect("applicants:case", reference=case.reference)


@require_perm(APPLICANT)
def case_file(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    case = access_application(request.user, reference)
    attachment = Attachment.objects.filter(case=case, is_public=True, pk=pk).first()
    if attachment is None:
        raise Http404
    case_actions.do_record_download(attachment=attachment, actor=request.user, request=request)
    return FileResponse(  # type: ignore[return-value]
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


@require_perm(APPLICANT)
def case_document(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    """An official document issued on the applicant's case (a certificate, a notice)."""
    case = access_application(request.user, reference)
    document = OfficialDocument.objects.select_related("case").filter(case=case, pk=pk).first()
    if document is None:
        raise Http404
    return serve_document(request, document)


# Companies ---------------------------------------------------------------------------------------


@require_perm(APPLICANT)
def companies(request: AuthenticatedRequest) -> HttpResponse:
    rows = list(
        Authorisation.objects.filter(user=request.user)
        .select_related("company")
        .order_by("company__name", "id")
    )
    return render(
        request,
        "applicants/companies.html",
        {
            "title": _("Companies"),
            "authorisations": rows,
            "invitations": actions.invitations_for(request.user),  # type: ignore[arg-type]
            "letter_form": LetterForm(),
        },
    )


@require_perm(APPLICANT)
def company_new(request: HttpRequest) -> HttpResponse:
    form = CompanyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        letter = form.cleaned_data["letter"]
        try:
            company = actions.do_register_company(
                actor=request.user,  # type: ignore[arg-type]
                credit_code=form.cleaned_data["credit_code"],
                name=form.cleaned_data["name"],
                letter=letter,
                letter_name=letter.name,
                request=request,
            )
        except actions.Refused as refused:
            for reason in refused.reasons:
                form.add_error(None, reason)
        else:
            messages.success(request, _("The company is registered; you act for it."))
            return redirect("applicants:company", company_id=company.pk)
    return render(
        request,
        "applicants/company_new.html",
        {"title": _("Register a company"), "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_perm(APPLICANT)
def company(request: HttpRequest, company_id: int) -> HttpResponse:
    found, mine = access_company(request.user, company_id)
    return render(
        request,
        "applicants/company.html",
        {
            "title": found.name,
            "company": found,
            "mine": mine,
            "people": list(found.authorisations.select_related("user").order_by("created_at")),
            "invitations": list(found.invitations.filter(accepted_at__isnull=True)),
            "cases": list(
                applications_visible_to(request.user)
                .filter(filing__company=found)
                .order_by("-updated_at", "-id")[:200]
            ),
            "invite_form": InviteForm(),
        },
    )


@require_perm(APPLICANT)
@require_POST
def company_invite(request: HttpRequest, company_id: int) -> HttpResponse:
    found, _mine = access_company(request.user, company_id)
    form = InviteForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    else:
        try:
            actions.do_invite(
                actor=request.user,  # type: ignore[arg-type]
                company=found,
                channel=form.cleaned_data["channel"],
                target=form.cleaned_data["target"],
                request=request,
            )
        except actions.Refused as refused:
            for reason in refused.reasons:
                messages.error(request, reason)
        else:
            messages.success(
                request,
                _(
                    "The invitation is recorded. The person sees it after signing in with "
                    "that number or address (or signing up with it)."
                ),
            )
    return redirect("applicants:company", company_id=found.pk)


@require_perm(APPLICANT)
@require_POST
def invitation_accept(request: HttpRequest, invitation_id: int) -> HttpResponse:
    form = LetterForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Attach the company's letter of authorisation."))
        return redirect("applicants:companies")
    letter = form.cleaned_data["letter"]
    try:
        authorisation = actions.do_accept_invitation(
            actor=request.user,  # type: ignore[arg-type]
            invitation_id=invitation_id,
            letter=letter,
            letter_name=letter.name,
            request=request,
        )
    except actions.Refused as refused:
        for reason in refused.reasons:
            messages.error(request, reason)
        return redirect("applicants:companies")
    messages.success(request, _("You now act for %(name)s.") % {"name": authorisation.company})
    return redirect("applicants:company", company_id=authorisation.company_id)


# My account (PIPL) ---------------------------------------------------------------------------


@require_perm(APPLICANT)
def account(request: AuthenticatedRequest) -> HttpResponse:
    applicant = (
        Applicant.objects.filter(user=request.user)
        .select_related("nationality")
        .prefetch_related("consents")
        .first()
    )
    return render(
        request, "applicants/account.html", {"title": _("My account"), "applicant": applicant}
    )


@require_perm(APPLICANT)
@require_POST
def account_data(request: HttpRequest) -> HttpResponse:
    """Download everything kept about the person, as JSON (PIPL art. 45)."""
    data = actions.do_export_my_data(actor=request.user, request=request)  # type: ignore[arg-type]
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="waishi-my-data.json"'
    return response


@require_perm(APPLICANT)
@require_POST
def account_delete(request: HttpRequest) -> HttpResponse:
    """Ask the bureau to delete the account (PIPL art. 47)."""
    actions.do_request_deletion(actor=request.user, request=request)  # type: ignore[arg-type]
    messages.success(
        request,
        _(
            "Your request is recorded. The bureau closes your account and deletes what the "
            "law does not require it to keep, and tells you when it is done."
        ),
    )
    return redirect("applicants:account")


# The bureau's side --------------------------------------------------------------------------------


@require_perm("applicants.confirm_authorisation")
def authorisations(request: HttpRequest) -> HttpResponse:
    rows = list(
        Authorisation.objects.filter(confirmed_at__isnull=True)
        .select_related("company", "user", "user__applicant")
        .order_by("created_at", "id")[:200]
    )
    return render(
        request,
        "applicants/authorisations.html",
        {"title": _("Company authorisations to confirm"), "rows": rows},
    )


@require_perm("applicants.confirm_authorisation")
def authorisation_letter(request: HttpRequest, pk: int) -> HttpResponse:
    row = Authorisation.objects.filter(pk=pk).exclude(letter="").first()
    if row is None:
        raise Http404
    return FileResponse(  # type: ignore[return-value]
        row.letter.open("rb"), as_attachment=True, filename=row.letter_name
    )


@require_perm("applicants.confirm_authorisation")
@require_POST
def authorisation_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    row = Authorisation.objects.filter(pk=pk).select_related("company").first()
    if row is None:
        raise Http404
    actions.do_confirm_authorisation(
        actor=request.user,  # type: ignore[arg-type]
        authorisation=row,
        request=request,
    )
    messages.success(request, _("The authorisation is confirmed."))
    return redirect(reverse("applicants:authorisations"))
