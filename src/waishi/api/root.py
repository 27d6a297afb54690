"""The API root at /api/v1/: settings, error handlers, each app's router, and /me, /health.

Each Waishi app that has an ``api.py`` with a ``router`` gets it mounted under its label
(``waishi.cases.api.router`` → ``/api/v1/cases/``). The default authentication is
``waishi.api.auth.AUTH`` (token or session), so an endpoint is closed unless it says
``auth=None``.
"""

import importlib
import importlib.util
import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.apps import apps
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from waishi.core.views import require_perm

from .auth import AUTH, resolve_token
from .errors import ErrorOut, error_body, install
from .schemas import HealthOut, IndexOut, MeOut, NamedOut
from .throttling import CallerRateThrottle

API_VERSION = "1"
DOCS_PERMISSION = "api.view_docs"
SCHEMA_PERMISSION = "api.view_schema"


def _docs_gate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The interactive docs are for bureau staff; the schema for any API caller.

    django-ninja wraps both views with this; the schema is what client programs read, so
    it opens to a valid token as well as to a signed-in agency or bureau user.
    """
    staff_view = require_perm(DOCS_PERMISSION)(view)

    @wraps(view)
    def gate(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.path.endswith("openapi.json"):
            return staff_view(request, *args, **kwargs)
        header = request.headers.get("Authorization", "")
        scheme, _sep, token = header.partition(" ")
        by_token = scheme.lower() == "bearer" and resolve_token(token.strip()) is not None
        if by_token or request.user.has_perm(SCHEMA_PERMISSION):
            return view(request, *args, **kwargs)
        if request.user.is_authenticated:
            status, body = (
                403,
                error_body("permission_denied", _("You do not have permission to do this.")),
            )
        else:
            status, body = (
                401,
                error_body("unauthenticated", _("Sign in or send a valid API token.")),
            )
        return HttpResponse(
            json.dumps(body, ensure_ascii=False), status=status, content_type="application/json"
        )

    gate.required_permission = SCHEMA_PERMISSION  # type: ignore[attr-defined]
    return gate


def discover_routers(api: NinjaAPI) -> list[str]:
    """Mount ``router`` from every installed Waishi app's ``api.py``; returns the labels."""
    mounted = []
    for config in apps.get_app_configs():
        if not config.name.startswith("waishi.") or config.label == "api":
            continue
        module_name = f"{config.name}.api"
        if importlib.util.find_spec(module_name) is None:
            continue
        router = getattr(importlib.import_module(module_name), "router", None)
        if router is None:
            continue
        api.add_router(f"/{config.label}/", router, tags=[config.label])
        mounted.append(config.label)
    return mounted


def build_api() -> NinjaAPI:
    api = NinjaAPI(
        title="Waishi API",
        version=API_VERSION,
        description=(
            "JSON API of Waishi. Authenticate with an agency API token "
            "(`Authorization: Bearer wst_…`) or a signed-in session with the CSRF token."
        ),
        auth=AUTH,
        throttle=[CallerRateThrottle()],
        docs_decorator=_docs_gate,
        urls_namespace="api-v1",
    )
    install(api)

    @api.get("/", auth=None, response=IndexOut, tags=["api"])
    def index(request: HttpRequest) -> dict[str, str]:
        """Where the schema and the documentation are."""
        return {
            "title": api.title,
            "version": API_VERSION,
            "schema": reverse("api-v1:openapi-json"),
            "docs": reverse("api-v1:openapi-view"),
        }

    @api.get("/health", auth=None, response=HealthOut, tags=["api"])
    def health(request: HttpRequest) -> dict[str, str]:
        """Whether the service and its database answer; reads nothing, writes nothing."""
        connection.ensure_connection()
        return {"status": "ok", "version": API_VERSION}

    @api.get("/me", response={200: MeOut, 401: ErrorOut}, tags=["api"])
    def me(request: HttpRequest) -> dict[str, Any]:
        """Who the caller is: the user (a token's acting user), roles, agency and division."""
        user = request.auth  # type: ignore[attr-defined]
        token = getattr(request, "api_token", None)

        def named(obj: Any) -> NamedOut | None:
            if obj is None:
                return None
            return NamedOut(id=obj.pk, code=obj.code, name=str(obj))

        return {
            "id": user.pk,
            "username": user.get_username(),
            "display_name": user.display_name,
            "roles": sorted(user.role_set),
            "agency": named(user.agency),
            "division": named(user.division),
            "token_prefix": token.prefix if token is not None else None,
        }

    discover_routers(api)
    return api


api = build_api()
