"""Request-wide helpers: a request id for logs and the audit trail."""

import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers

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
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request.request_id  # type: ignore[attr-defined]
        return response


def client_ip(request: HttpRequest) -> str | None:
    """The client's address as the nearest trusted proxy reports it, else the socket's."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        return forwarded.split(",")[0].strip() or None
    return request.META.get("REMOTE_ADDR") or None


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
