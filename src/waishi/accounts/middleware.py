"""Hold a signed-in user at the second factor, then at a forced password change, before
anything else."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

ALLOWED_PREFIXES = ("/static/", "/i18n/")
SECOND_FACTOR_PREFIX = "/accounts/second-factor/"


class SecondFactorRequiredMiddleware:
    """Send a signed-in user who has not passed his second factor to pass (or enrol) one.

    Bureau accounts must have a second factor; an agency account that enrolled one must use
    it. Until the session has passed it, every page leads to the second-factor page and every
    API call made with the session is refused (401); token-authenticated API calls carry no
    session user and are not concerned (a token is its own factor).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            path = request.path
            exempt = path.startswith((SECOND_FACTOR_PREFIX, *ALLOWED_PREFIXES)) or path == reverse(
                "accounts:logout"
            )
            if not exempt:
                from .second_factor import needs_second_factor

                if needs_second_factor(request):
                    if path.startswith("/api/"):
                        return JsonResponse(
                            {"detail": _("Pass your second factor to use the API this way.")},
                            status=401,
                        )
                    target = reverse("accounts:second_factor")
                    if request.method == "GET" and not request.headers.get("HX-Request"):
                        target += "?" + urlencode({"next": request.get_full_path()})
                    return redirect(target)
        return self.get_response(request)


class PasswordChangeRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.must_change_password:
            allowed = (reverse("accounts:password_change"), reverse("accounts:logout"))
            if request.path not in allowed and not request.path.startswith(
                (SECOND_FACTOR_PREFIX, *ALLOWED_PREFIXES)
            ):
                return redirect("accounts:password_change")
        return self.get_response(request)
