"""``Idempotency-Key`` for POST endpoints: a retry with the same key gets the first answer.

Decorate a handler below its route::

    @router.post("/cases", response={201: CaseOut})
    @idempotent
    def file_case(request, payload: CaseIn): ...

The first successful call with a key stores a fingerprint of the request (method, path,
body) and the response; a repeat with the same key and the same request returns the stored
response without running the handler again; the same key with a different request is
refused with 422. A call that fails stores nothing, so the client may retry it. Keys live
in the case kernel's ``IdempotencyKey`` table (one per user and key), shared with the UI's
double-submission guard: stored keys are namespaced (``api:`` + a digest of the client's key),
so a handler may also pass the raw key on to ``cases.actions`` without a clash. The handler
returns a Schema instance or a
dict (optionally as ``(status, body)``).
"""

import hashlib
import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Status
from pydantic import BaseModel

from waishi.cases.models import IdempotencyKey

from .errors import ApiError

HEADER = "Idempotency-Key"
SCOPE = "api"
MAX_KEY_LENGTH = 64


def fingerprint(request: HttpRequest) -> str:
    """SHA-256 over the method, path and body: what makes two requests "the same"."""
    digest = hashlib.sha256()
    for part in (request.method or "", request.get_full_path()):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(request.body)
    return digest.hexdigest()


def _jsonable(body: Any) -> Any:
    if isinstance(body, BaseModel):
        return body.model_dump(mode="json", by_alias=True)
    return json.loads(json.dumps(body, cls=DjangoJSONEncoder))


def _split(result: Any) -> tuple[int, Any]:
    if isinstance(result, Status):
        return result.status_code, result.value
    return 200, result


def _replay(record: IdempotencyKey, request_fingerprint: str) -> Status[Any]:
    stored = record.result or {}
    if stored.get("fingerprint") != request_fingerprint or "status" not in stored:
        raise ApiError(
            422,
            "idempotency_key_reused",
            _("This Idempotency-Key was already used for a different request."),
        )
    return Status(int(stored["status"]), stored.get("body"))


def _key(request: HttpRequest) -> str:
    key = request.headers.get(HEADER, "").strip()
    if key and (len(key) > MAX_KEY_LENGTH or not key.isascii() or not key.isprintable()):
        raise ApiError(
            422,
            "idempotency_key_invalid",
            _("An Idempotency-Key is at most 64 printable ASCII characters."),
        )
    return key


def stored_key(key: str) -> str:
    """The key as stored: namespaced and fixed-length, whatever the client sent."""
    return "api:" + hashlib.sha256(key.encode()).hexdigest()[:56]


def run_idempotent(request: HttpRequest, handler: Callable[[], Any]) -> Any:
    """Run ``handler`` once per ``Idempotency-Key`` of the calling user (see module doc)."""
    key = _key(request)
    user: Any = getattr(request, "auth", None) or request.user
    if not key or not getattr(user, "is_authenticated", False):
        return handler()
    print_ = fingerprint(request)
    key = stored_key(key)
    existing = IdempotencyKey.objects.filter(user=user, key=key).first()
    if existing is not None:
        return _replay(existing, print_)
    try:
        with transaction.atomic():
            # Inserting first makes a concurrent twin wait on the unique index, then find
            # this request's answer instead of running the handler a second time.
            record = IdempotencyKey.objects.create(
                user=user, key=key, scope=SCOPE, result={"fingerprint": print_}
            )
            result = handler()
            status, body = _split(result)
            record.result = {"fingerprint": print_, "status": status, "body": _jsonable(body)}
            record.save(update_fields=["result"])
    except IntegrityError:
        return _replay(IdempotencyKey.objects.get(user=user, key=key), print_)
    return result


def idempotent(view: Callable[..., Any]) -> Callable[..., Any]:
    """Decorator form of ``run_idempotent`` for django-ninja handlers."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        return run_idempotent(request, lambda: view(request, *args, **kwargs))

    return wrapper
