"""The agency's API token screens in the workspace, and the API's JSON 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from waishi.accounts.models import User
from waishi.core.views import public, require_perm

from . import actions
from .errors import error_body, keep_not_found
from .forms import TokenForm
from .querysets import visible_to

PERMISSION = "api.manage_tokens"


@require_perm(PERMISSION)
def token_list(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    tokens = visible_to(user).select_related("acting_user", "created_by")
    return render(
        request,
        "api/tokens.html",
        {
            "title": _("API tokens"),
            "tokens": tokens,
            "form": TokenForm(agency_id=user.agency_id, initial={"acting_user": user}),
        },
    )


@never_cache
@require_POST
@require_perm(PERMISSION)
def token_create(request: HttpRequest) -> HttpResponse:
    """Create a token and show its secret once; the page is never cached."""
    user: User = request.user  # type: ignore[assignment]
    form = TokenForm(request.POST, agency_id=user.agency_id)
    if form.is_valid():
        try:
            token, secret = actions.do_create_api_token(
                actor=request.user,
                name=form.cleaned_data["name"],
                acting_user=form.cleaned_data["acting_user"],
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(
                request,
                "api/token_created.html",
                {"title": _("API token created"), "token": token, "secret": secret},
            )
    tokens = visible_to(request.user).select_related("acting_user", "created_by")
    return render(
        request,
        "api/tokens.html",
        {"title": _("API tokens"), "tokens": tokens, "form": form},
        status=422,
    )


@require_POST
@require_perm(PERMISSION)
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(visible_to(request.user), pk=pk)
    if actions.do_revoke_api_token(actor=request.user, token=token, request=request):
        messages.success(request, _("The token %(name)s is revoked.") % {"name": token.name})
    return redirect("api:tokens")


@public
def api_not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Unknown addresses under /api/v1/ answer in the API's JSON shape, not an HTML page."""
    keep_not_found(request)
    return JsonResponse(
        error_body("not_found", _("Not found.")),
        status=404,
        json_dumps_params={"ensure_ascii": False},
    )
