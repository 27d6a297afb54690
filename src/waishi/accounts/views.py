"""Sign-in, sign-out, password change and the dashboards of each face."""

from typing import Any

from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.core.navigation import registry
from waishi.core.views import public, require_perm
from waishi.core.workdays import missing_notice_year

from . import actions
from .forms import ChangePasswordForm, SignInForm
from .models import User
from .second_factor import VERIFIED_KEY, Factor, device_remembered, settle_after_password


class SignInView(LoginView):
    form_class = SignInForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        login(self.request, user)
        # A password sign-in starts over: whatever this session passed before does not carry.
        self.request.session.pop(VERIFIED_KEY, None)
        actions.do_record_login(user=user, request=self.request, factor="password")
        target = self.get_success_url()
        if not settle_after_password(self.request, user):
            return redirect(target)
        if device_remembered(self.request, user):
            actions.do_record_second_factor(
                user=user, factor=Factor.REMEMBERED_DEVICE, request=self.request
            )
            return redirect(target)
        return redirect(reverse("accounts:second_factor") + "?" + urlencode({"next": target}))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["title"] = _("Sign in")
        return context


sign_in = public(SignInView.as_view())  # type: ignore[arg-type]


@public
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        actions.do_record_logout(user=request.user, request=request)  # type: ignore[arg-type]
    logout(request)
    messages.info(request, _("You have signed out."))
    return redirect("accounts:login")


@public
def password_change(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    user: User = request.user  # type: ignore[assignment]
    form = ChangePasswordForm(user, request.POST or None, request=request)
    valid = request.method == "POST" and form.is_valid()
    if form.wrong_current_password:
        user.refresh_from_db(fields=["locked_until"])
        if user.locked_until and user.locked_until > timezone.now():
            # Guessing the current password of a signed-in session ends that session.
            logout(request)
            messages.error(request, _("Too many wrong passwords: the account is locked."))
            return redirect("accounts:login")
    if valid:
        actions.do_change_password(
            user=user, new_password=form.cleaned_data["new_password1"], request=request
        )
        update_session_auth_hash(request, user)
        messages.success(request, _("Your password has been changed."))
        return redirect("accounts:home")
    return render(
        request,
        "accounts/password_change.html",
        {
            "form": form,
            "title": _("Change your password"),
            "forced": user.must_change_password,
        },
    )


@public
def home(request: HttpRequest) -> HttpResponse:
    """Send each user to the dashboard of the face their roles open."""
    user = request.user
    if not user.is_authenticated:
        return redirect("accounts:login")
    if user.has_perm("accounts.use_backoffice"):
        return redirect("accounts:office")
    if user.has_perm("accounts.use_workspace"):
        return redirect("accounts:workspace")
    if user.has_perm("accounts.use_applicant_pages"):
        return redirect("applicants:home")
    if user.has_perm("accounts.manage_users"):
        return redirect("admin:index")
    if user.has_perm("accounts.manage_security"):
        return redirect("accounts:security")
    if user.has_perm("audit.view_auditevent"):
        return redirect("audit:search")
    return render(request, "core/403.html", {"title": _("No role")}, status=403)


def _dashboard(request: HttpRequest, face: str, title: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    return render(
        request,
        "core/dashboard.html",
        {
            "title": title,
            "panels": registry.panels_for(user, face),
            "holiday_notice_missing": (
                missing_notice_year()
                if face == "office" and user.has_perm("cases.enter_holiday_notice")
                else None
            ),
            "roles": [grant.get_role_display() for grant in user.role_grants.all()],
        },
    )


@require_perm("accounts.use_workspace")
def workspace(request: HttpRequest) -> HttpResponse:
    return _dashboard(request, "workspace", _("Agency workspace"))


@require_perm("accounts.use_backoffice")
def office(request: HttpRequest) -> HttpResponse:
    return _dashboard(request, "office", _("Back office"))


@require_perm("accounts.manage_security")
def security(request: HttpRequest) -> HttpResponse:
    """The security administrator's screen: accounts locked now, with a button to unlock."""
    locked = (
        User.objects.filter(locked_until__gt=timezone.now())
        .select_related("agency", "division")
        .order_by("locked_until")
    )
    return render(
        request,
        "accounts/security.html",
        {
            "title": _("Sign-in security"),
            "locked": locked,
        },
    )


@require_perm("accounts.manage_security")
@require_POST
def unlock(request: HttpRequest, user_id: int) -> HttpResponse:
    target = get_object_or_404(User, pk=user_id)
    actions.do_unlock_user(actor=request.user, user=target, request=request)  # type: ignore[arg-type]
    messages.success(
        request, _("The account %(name)s is unlocked.") % {"name": target.display_name}
    )
    return redirect("accounts:security")
