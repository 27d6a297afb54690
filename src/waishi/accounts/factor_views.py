"""The second factor: pass it after the password, enrol one, manage one's own, reset (security
administrator)."""

import json
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from waishi.core.views import public, require_perm

from . import actions, passkeys
from .models import Passkey, User
from .second_factor import (
    has_factor,
    is_required,
    needs_second_factor,
    pending_totp,
    qr_svg,
    recovery_codes_left,
    remember_days,
    remember_device,
    secret_for_display,
    totp_device,
)

NEW_CODES_KEY = "_waishi_new_recovery_codes"
# The largest browser answer a passkey step reads (a WebAuthn answer is a few kilobytes).
MAX_PASSKEY_BODY = 64 * 1024


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "text",
                "class": "form-control",
                "autofocus": True,
            }
        ),
    )
    remember = forms.BooleanField(label="", required=False)


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("accounts:home")


def _with_next(name: str, request: HttpRequest) -> str:
    from django.utils.http import urlencode

    return reverse(name) + "?" + urlencode({"next": _next(request)})


def _may_enrol(request: HttpRequest, user: User) -> bool:
    """A session may add a factor once it passed one, or while the user has none at all."""
    return not has_factor(user) or not needs_second_factor(request)


@public
def second_factor(request: HttpRequest) -> HttpResponse:
    """After the password: ask for a code or a passkey (or send the user to enrol one)."""
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    user: User = request.user  # type: ignore[assignment]
    if not needs_second_factor(request):
        return redirect(_next(request))
    if not has_factor(user):
        return redirect(_with_next("accounts:enrol_totp", request))
    form = CodeForm(request.POST or None)
    form.fields["remember"].label = _("Remember this browser for %(days)d days") % {
        "days": remember_days()
    }
    if request.method == "POST" and form.is_valid():
        factor = actions.do_verify_code(user=user, code=form.cleaned_data["code"], request=request)
        if factor is not None:
            response = redirect(_next(request))
            if form.cleaned_data["remember"]:
                remember_device(response, user)
            return response
        form.add_error(
            "code",
            _(
                "The code is not correct, or it came too soon after a wrong one: wait a "
                "moment and try the newest code."
            ),
        )
    return render(
        request,
        "accounts/second_factor.html",
        {
            "title": _("Second factor"),
            "form": form,
            "next": _next(request),
            "has_totp": totp_device(user) is not None,
            "has_passkey": user.passkeys.exists(),  # type: ignore[attr-defined]
            "remember_days": remember_days(),
        },
    )


@public
def enrol_totp(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: scan the QR code (or type the key), confirm with a code."""
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    user: User = request.user  # type: ignore[assignment]
    if not _may_enrol(request, user):
        return redirect(_with_next("accounts:second_factor", request))
    device = pending_totp(request, user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = actions.do_enrol_totp(
            user=user, key=device.key, code=form.cleaned_data["code"], request=request
        )
        if codes is not None:
            request.session[NEW_CODES_KEY] = codes
            return redirect(_with_next("accounts:recovery_codes", request))
        form.add_error(
            "code", _("The code is not correct. Check the time on your phone and try again.")
        )
    return render(
        request,
        "accounts/enrol_totp.html",
        {
            "title": _("Set up your second factor"),
            "form": form,
            "next": _next(request),
            "required": is_required(user),
            "qr": qr_svg(device.config_url),
            "secret": secret_for_display(device),
        },
    )


@public
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """Show new recovery codes once (they are not shown again)."""
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    codes = request.session.pop(NEW_CODES_KEY, None)
    if not codes:
        return redirect(_next(request))
    return render(
        request,
        "accounts/recovery_codes.html",
        {"title": _("Your recovery codes"), "codes": codes, "next": _next(request)},
    )


def _json_body(request: HttpRequest) -> dict[str, Any] | None:
    if len(request.body) > MAX_PASSKEY_BODY:
        return None
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _refused(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"ok": False, "message": message}, status=status)


@public
@require_POST
def passkey_register_options(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return _refused(_("Sign in first."), 401)
    user: User = request.user  # type: ignore[assignment]
    if not _may_enrol(request, user):
        return _refused(_("Pass your second factor first."), 403)
    return HttpResponse(
        passkeys.registration_options(request, user), content_type="application/json"
    )


@public
@require_POST
def passkey_register(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return _refused(_("Sign in first."), 401)
    user: User = request.user  # type: ignore[assignment]
    if not _may_enrol(request, user):
        return _refused(_("Pass your second factor first."), 403)
    data = _json_body(request)
    name = str((data or {}).get("name") or "").strip()[:60] or _("Passkey")
    try:
        if data is None or not isinstance(data.get("credential"), dict):
            raise passkeys.PasskeyError("no credential")
        credential = passkeys.verify_registration(request, json.dumps(data["credential"]))
    except passkeys.PasskeyError:
        return _refused(_("The passkey could not be registered. Try again."))
    actions.do_add_passkey(user=user, name=name, credential=credential, request=request)
    return JsonResponse({"ok": True, "next": _next(request)})


@public
@require_POST
def passkey_sign_in_options(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return _refused(_("Sign in first."), 401)
    user: User = request.user  # type: ignore[assignment]
    if not user.passkeys.exists():  # type: ignore[attr-defined]
        return _refused(_("This account has no passkey."))
    return HttpResponse(
        passkeys.authentication_options(request, user), content_type="application/json"
    )


@public
@require_POST
def passkey_sign_in(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return _refused(_("Sign in first."), 401)
    user: User = request.user  # type: ignore[assignment]
    data = _json_body(request)
    try:
        if data is None or not isinstance(data.get("credential"), dict):
            raise passkeys.PasskeyError("no credential")
        passkey, count = passkeys.verify_authentication(
            request, user, json.dumps(data["credential"])
        )
    except passkeys.PasskeyError as error:
        from waishi.audit.actions import log_action
        from waishi.audit.models import Outcome

        log_action(
            action="accounts.user.second_factor",
            outcome=Outcome.FAILURE,
            actor=user,
            obj=user,
            reason=f"passkey refused: {str(error)[:100]}",
            request=request,
        )
        return _refused(_("The passkey was not accepted. Try again or use a code."))
    actions.do_use_passkey(passkey=passkey, sign_count=count, request=request)
    response = JsonResponse({"ok": True, "next": _next(request)})
    if data.get("remember"):
        remember_device(response, user)
    return response


@require_perm("accounts.manage_own_factors")
def factors(request: HttpRequest) -> HttpResponse:
    """The user's own second factors: the app, recovery codes, passkeys."""
    user: User = request.user  # type: ignore[assignment]
    if request.method == "POST":
        if "new_codes" in request.POST and totp_device(user) is not None:
            request.session[NEW_CODES_KEY] = actions.do_new_recovery_codes(
                user=user, request=request
            )
            return redirect(reverse("accounts:recovery_codes") + "?next=" + request.path)
        remove = request.POST.get("remove_passkey")
        if remove and remove.isdigit():
            passkey = get_object_or_404(Passkey, pk=int(remove), user=user)
            try:
                actions.do_remove_passkey(user=user, passkey=passkey, request=request)
                messages.success(request, _("The passkey is removed."))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        return redirect("accounts:factors")
    return render(
        request,
        "accounts/factors.html",
        {
            "title": _("Second factor"),
            "required": is_required(user),
            "has_totp": totp_device(user) is not None,
            "codes_left": recovery_codes_left(user),
            "passkeys": list(user.passkeys.all()),  # type: ignore[attr-defined]
        },
    )


@require_perm("accounts.manage_security")
@require_POST
def reset_factors(request: HttpRequest) -> HttpResponse:
    """The security administrator removes a user's second factors (he enrols again)."""
    username = request.POST.get("username", "").strip()
    target = User.objects.filter(username__iexact=username).first() if username else None
    if target is None:
        messages.error(request, _("No account has that user name."))
    elif target.pk == request.user.pk:
        messages.error(request, _("Another security administrator must reset your own factors."))
    else:
        actions.do_reset_factors(actor=request.user, user=target, request=request)  # type: ignore[arg-type]
        messages.success(
            request,
            _(
                "The second factors of %(name)s are removed; the account enrols again at its "
                "next sign-in."
            )
            % {"name": target.display_name},
        )
    return redirect("accounts:security")
