"""View helpers used by every app: the permission gate and the shared error pages."""

import sys
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.views import redirect_to_login
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.audit.models import Outcome

ViewFunc = Callable[..., HttpResponse]

if TYPE_CHECKING:
    from waishi.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    """The request a ``require_perm`` view receives: ``user`` is a signed-in Waishi user."""

    user: "User"  # type: ignore[assignment]


def deny(request: HttpRequest, permission: str) -> HttpResponse:
    """Answer 403 with a translated page and record the denial in the audit log."""
    log_action(
        action="core.permission.deny",
        actor=request.user,
        outcome=Outcome.DENIED,
        object_type="url",
        object_id=request.path[:64],
        reason=permission,
        request=request,
    )
    return render(request, "core/403.html", {"permission": permission}, status=403)


def require_perm(permission: str) -> Callable[[ViewFunc], ViewFunc]:
    """Let a view run only for a signed-in user holding ``permission``.

    Anonymous visitors are sent to sign in; signed-in users without the permission get 403
    (and an audit record). Every non-public view in Waishi is wrapped in this.
    """

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                return deny(request, permission)
            return view(request, *args, **kwargs)

        wrapped.required_permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorator


def require_perm_or_404(permission: str) -> Callable[[ViewFunc], ViewFunc]:
    """Like ``require_perm``, for pages whose very existence is kept from those without
    ``permission``: they get "not found", as for a page that does not exist."""

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise Http404
            return view(request, *args, **kwargs)

        wrapped.required_permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorator


def year_param(request: HttpRequest, *, first: int = 2000, ahead: int = 0) -> int:
    """The ``year`` of the query string, from ``first`` to this year (+ ``ahead``); else this
    year."""
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        return today.year
    return year if first <= year <= today.year + ahead else today.year


def public(view: ViewFunc) -> ViewFunc:
    """Mark a view as open to anyone (the URL matrix test reads this mark)."""
    view.is_public = True  # type: ignore[attr-defined]
    return view


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable(request)
    return render(request, "core/500.html", {"title": _("Something went wrong")}, status=500)


def database_unavailable(request: HttpRequest) -> HttpResponse:
    """A 503 page that needs no database: the database is out of reach or answers too slowly.

    Rendered without the request, so no context processor (menus, the bell, the user) runs;
    the language is read from the request again, since the failure may have come before the
    locale middleware chose it (reading the session, for one).
    """
    with translation.override(translation.get_language_from_request(request)):
        content = render_to_string("core/503.html")
    response = HttpResponse(content, status=503)
    response["Retry-After"] = "30"
    return response


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/403.html", status=403)
