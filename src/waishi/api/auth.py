"""Who is calling: a per-agency API token, or the signed-in browser session (with CSRF).

Routers use ``AUTH`` (it is also the API's default), so every endpoint accepts both and the
caller is always a real user whose permissions are those they have in the UI::

    from waishi.api.auth import AUTH

    @router.get("/things", auth=AUTH)
"""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer, SessionAuth
from ninja.utils import check_csrf

from waishi.accounts.constants import Role

from .actions import record_token_use
from .errors import ApiError
from .models import ApiToken
from .tokens import matches, split_token


def resolve_token(token: str) -> ApiToken | None:
    """The active token ``token`` stands for, with its acting user, or ``None``.

    A token stops working when it is revoked, or when its user is deactivated, leaves the
    agency or is no longer a liaison officer. One query (plus the user's roles).
    """
    prefix = split_token(token)
    if prefix is None:
        return None
    api_token = (
        ApiToken.objects.select_related("acting_user")
        .filter(prefix=prefix, revoked_at__isnull=True)
        .first()
    )
    if api_token is None or not matches(token, api_token.secret_hash):
        return None
    user = api_token.acting_user
    if (
        not user.is_active
        or user.agency_id != api_token.agency_id
        or not user.has_role(Role.LIAISON_OFFICER)
    ):
        return None
    return api_token


class TokenAuth(HttpBearer):
    """``Authorization: Bearer wst_…``: the request acts as the token's liaison officer."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        api_token = resolve_token(token)
        if api_token is None:
            return None
        record_token_use(token=api_token)
        request.user = api_token.acting_user
        request.api_token = api_token  # type: ignore[attr-defined]
        return api_token.acting_user


class SessionAuthCsrf(SessionAuth):
    """The browser's session; unsafe methods need the CSRF token (``X-CSRFToken`` header)."""

    def _get_key(self, request: HttpRequest) -> str | None:
        key = request.COOKIES.get(self.param_name)
        if key and check_csrf(request) is not None:
            raise ApiError(
                403,
                "csrf_failed",
                _("The form has expired or was sent from another site; reload and try again."),
            )
        return key

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = request.user
        if key and user.is_authenticated and user.is_active:
            return user
        return None


AUTH = [TokenAuth(), SessionAuthCsrf()]
