"""One error shape for the whole API: ``{"code", "message", "details"}``, message translated.

Handlers raise ``ApiError(status, code, message, details)`` for their own refusals; the
handlers below turn everything else (validation, 404, permission, throttling, crashes)
into the same shape. The language follows Accept-Language (Django's LocaleMiddleware).
"""

import logging
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

if TYPE_CHECKING:
    from ninja import NinjaAPI

logger = logging.getLogger("waishi.api")


class ErrorOut(Schema):
    code: str
    message: str
    details: Any = None


class ApiError(Exception):
    """A refusal with an HTTP status, a stable machine code and a translated message."""

    def __init__(self, status: int, code: str, message: str | Promise, details: Any = None) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        super().__init__(f"{status} {code}: {message}")


def not_found() -> ApiError:
    """The one answer for a missing object and for one the caller may not see."""
    return ApiError(404, "not_found", _("Not found."))


def keep_not_found(request: HttpRequest) -> None:
    """Stop LocaleMiddleware from turning this 404 into a redirect (see ``plain_urls``)."""
    from .plain_urls import URLCONF

    request.urlconf = URLCONF  # type: ignore[attr-defined]


def error_body(code: str, message: str | Promise, details: Any = None) -> dict[str, Any]:
    return {"code": code, "message": str(message), "details": details}


def _validation_details(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Pydantic's errors may carry the offending exception object in ``ctx``; only the
    # location, message and type are useful to a client and safe to serialise.
    return [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type", "")}
        for e in errors
    ]


CODES_BY_STATUS = {
    400: "bad_request",
    401: "unauthenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "validation_error",
    429: "rate_limited",
}


def _message_for_status(status: int) -> str:
    messages = {
        400: _("The request could not be understood."),
        401: _("Sign in or send a valid API token."),
        403: _("You do not have permission to do this."),
        404: _("Not found."),
        405: _("This method is not allowed here."),
        409: _("The object was changed by someone else; reload it and try again."),
        422: _("The request is not valid."),
        429: _("Too many requests; wait a moment and try again."),
    }
    return messages.get(status, _("The request failed."))


def install(api: "NinjaAPI") -> None:
    """Register the handlers on ``api`` (replacing django-ninja's defaults)."""

    def respond(
        request: HttpRequest, status: int, code: str, message: Any, details: Any = None
    ) -> HttpResponse:
        if status == 404:
            keep_not_found(request)
        return api.create_response(request, error_body(code, message, details), status=status)

    def on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return respond(request, exc.status, exc.code, exc.message, exc.details)

    def on_validation(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        return respond(
            request,
            422,
            "validation_error",
            _("The request is not valid."),
            _validation_details(exc.errors),
        )

    def on_django_validation(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        details: Any = (
            exc.message_dict if hasattr(exc, "error_dict") else [str(m) for m in exc.messages]
        )
        return respond(request, 422, "validation_error", _("The request is not valid."), details)

    def on_bad_body(request: HttpRequest, exc: Exception) -> HttpResponse:
        # A multipart body without its boundary, or otherwise unreadable.
        return respond(request, 400, "bad_request", _message_for_status(400))

    def on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, 404, "not_found", _("Not found."))

    def on_denied(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, 403, "permission_denied", _message_for_status(403))

    def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = respond(request, 401, "unauthenticated", _message_for_status(401))
        response["WWW-Authenticate"] = 'Bearer realm="waishi"'
        return response

    def on_throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        return respond(request, 429, "rate_limited", _message_for_status(429))

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        status = exc.status_code
        code = CODES_BY_STATUS.get(status, "error")
        return respond(request, status, code, _message_for_status(status))

    def on_crash(request: HttpRequest, exc: Exception) -> HttpResponse:
        request_id = getattr(request, "request_id", "")
        logger.error(
            "API error %s on %s %s", request_id, request.method, request.path, exc_info=exc
        )
        return respond(
            request,
            500,
            "server_error",
            _("Something went wrong on our side. Quote the request id when you report it."),
            {"request_id": request_id},
        )

    # django-ninja's annotation for handlers is stricter than its behaviour (it passes the
    # exception instance), so the handlers are registered through an untyped alias.
    add: Any = api.add_exception_handler
    add(Exception, on_crash)
    add(HttpError, on_http_error)
    add(MultiPartParserError, on_bad_body)
    add(AuthenticationError, on_unauthenticated)
    add(Throttled, on_throttled)
    add(Http404, on_not_found)
    add(ObjectDoesNotExist, on_not_found)
    add(PermissionDenied, on_denied)
    add(NinjaValidationError, on_validation)
    add(DjangoValidationError, on_django_validation)
    add(ApiError, on_api_error)
