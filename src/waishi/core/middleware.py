"""Request-wide helpers: a request id for logs and the audit trail, the idle-session timeout."""

import ipaddress
import uuid
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import is_valid_path
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.views.defaults import page_not_found

from .logging import current_request_id

REQUEST_ID_HEADER = "X-Request-ID"


class RequestIdMiddleware:
    """Give each request an id, reusing a sane one from the proxy, and echo it in the reply."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request.request_id = (  # type: ignore[attr-defined]
            incoming
            if 8 <= len(incoming) <= 64
            and incoming.isascii()
            and incoming.replace("-", "").isalnum()
            else uuid.uuid4().hex
        )
        token = current_request_id.set(request.request_id)  # type: ignore[attr-defined]
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response[REQUEST_ID_HEADER] = request.request_id  # type: ignore[attr-defined]
        return response


# When the signed-in session was last renewed, and when its user signed in (Unix seconds),
# kept in the session itself.
RENEWED_KEY = "_waishi_renewed"
SIGNED_IN_KEY = "_waishi_signed_in"


class IdleSessionMiddleware:
    """Sign a user out after ``SESSION_COOKIE_AGE`` idle seconds; renew at most once a minute.

    Saving the session on every request (``SESSION_SAVE_EVERY_REQUEST``) costs a database
    write per page. Instead, a signed-in session is saved again only when its last renewal is
    ``WAISHI_SESSION_RENEW_SECONDS`` (60) or more ago, which pushes its stored expiry
    ``SESSION_COOKIE_AGE`` (30 minutes, the bureau's idle timeout) further. Between renewals
    the expiry stays where the last renewal put it, so an idle session ends after at least
    ``SESSION_COOKIE_AGE`` minus one renewal interval of idleness and never after more than
    ``SESSION_COOKIE_AGE``.

    Only sessions that hold a signed-in user are touched: a request without a session cookie
    (an API call with a token, the bare portal) neither reads nor writes a session here.
    Goes right after Django's ``SessionMiddleware`` and before authentication, so a session
    found idle is emptied before anyone reads the user from it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        now = int(timezone.now().timestamp())
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            renewed = request.session.get(RENEWED_KEY)
            # The session store expires sessions itself; this also holds for a store that
            # does not (signed cookies) and for a clock that moved on since loading.
            if renewed is not None and now - int(renewed) >= settings.SESSION_COOKIE_AGE:
                request.session.flush()
            # However busy, a signed-in session ends WAISHI_SESSION_MAX_SECONDS after sign-in.
            signed_in = request.session.get(SIGNED_IN_KEY)
            lifetime = getattr(settings, "WAISHI_SESSION_MAX_SECONDS", 12 * 3600)
            if signed_in is not None and lifetime and now - int(signed_in) >= lifetime:
                request.session.flush()
        response = self.get_response(request)
        self._renew(request, now)
        return response

    @staticmethod
    def _renew(request: HttpRequest, now: int) -> None:
        session = getattr(request, "session", None)
        if session is None or not session.accessed or session.get(SESSION_KEY) is None:
            return
        renewed = session.get(RENEWED_KEY)
        every = getattr(settings, "WAISHI_SESSION_RENEW_SECONDS", 60)
        # A session saved anyway (sign-in, messages) takes the stamp for free.
        if session.modified or renewed is None or now - int(renewed) >= every:
            session[RENEWED_KEY] = now


def stamp_signed_in_session(*, request: HttpRequest | None, **kwargs: object) -> None:
    """Mark a new sign-in's session as renewed now (connected to ``user_logged_in``).

    Sign-in saves the session anyway, so the first page after it needs no write of its own.
    This is session bookkeeping like Django's own ``last_login`` receiver, not business.
    """
    session = getattr(request, "session", None)
    if session is not None:
        now = int(timezone.now().timestamp())
        session[RENEWED_KEY] = now
        session[SIGNED_IN_KEY] = now


def _trusted(address: str, networks: list[str]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net, strict=False) for net in networks)


def client_in(request: HttpRequest, networks: list[str]) -> bool:
    """Whether the client's address (see ``client_ip``) lies in one of ``networks``."""
    return _trusted(client_ip(request) or "", networks)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: the socket's, or what the trusted proxies in front report.

    ``X-Forwarded-For`` is read only when the request comes from a proxy listed in
    ``WAISHI_TRUSTED_PROXIES``, and then from the right: each trusted proxy appends the
    address it saw, so the first address from the right that is not a trusted proxy is the
    client. Anything a client writes into the header itself stays to the left and is ignored.
    """
    remote = request.META.get("REMOTE_ADDR") or ""
    proxies = getattr(settings, "WAISHI_TRUSTED_PROXIES", [])
    if not proxies or not _trusted(remote, proxies):
        return remote or None
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([h for h in hops if h]):
        if not _trusted(hop, proxies):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                # A trusted proxy passed on something that is no address: unknown.
                return None
    return remote or None


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's locale middleware, without turning back-office 404s into portal redirects.

    Django redirects a 404 at ``/x`` to ``/<language>/x`` when that path resolves. The
    portal's page tree resolves any prefixed path, so a missing case at ``/office/...`` would
    be sent to the public site. A path that resolves without a prefix belongs to the back
    office or the workspace, and its 404 stays a 404.
    """

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if response.status_code == 404 and not translation.get_language_from_path(
            request.path_info
        ):
            urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
            if is_valid_path(request.path_info, urlconf):
                patch_vary_headers(response, ("Accept-Language",))
                response.headers.setdefault("Content-Language", translation.get_language())
                return response
        return super().process_response(request, response)


# Where the management surfaces live: reachable only from WAISHI_ADMIN_NETWORKS when it is set.
ADMIN_PREFIXES = ("/admin/", "/cms/", "/api/v1/docs", "/api/v1/openapi.json")

# Features no page of Waishi uses; WebAuthn stays allowed for the site itself.
PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "camera=()",
        "display-capture=()",
        "geolocation=()",
        "gyroscope=()",
        "magnetometer=()",
        "microphone=()",
        "payment=()",
        "usb=()",
        "publickey-credentials-get=(self)",
        "publickey-credentials-create=(self)",
    ]
)


class SecurityHeadersMiddleware:
    """Answers outside the admin networks with a 404, and adds the headers every answer needs.

    - ``/admin/``, ``/cms/`` and the API's interactive docs answer only to clients in
      ``WAISHI_ADMIN_NETWORKS`` (when set); others get the ordinary 404 page, as if nothing
      were there. nginx can hold the same line (docs/deployment.md).
    - ``Permissions-Policy`` on every answer.
    - ``Cache-Control: private, no-store`` on every answer to a signed-in user or to an API
      client with a token: such pages may show personal data, and no browser or proxy may
      keep a copy. Public pages keep their own caching.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        networks = getattr(settings, "WAISHI_ADMIN_NETWORKS", [])
        response: HttpResponse
        if (
            networks
            and request.path.startswith(ADMIN_PREFIXES)
            and not client_in(request, networks)
        ):
            response = page_not_found(request, Http404())
        else:
            response = self.get_response(request)
        if request.path.startswith(("/admin/", "/cms/")):
            # Read by Django's CSP middleware, which wraps this one.
            response._csp_config = settings.WAISHI_CSP_ADMIN  # type: ignore[attr-defined]
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        session = getattr(request, "session", None)
        signed_in = session is not None and SESSION_KEY in session
        if signed_in or "HTTP_AUTHORIZATION" in request.META:
            response.headers["Cache-Control"] = "private, no-store"
        return response
