"""Template context every page of the shell needs: the bureau's name and the user's menu."""

from typing import Any

from django.core.cache import cache
from django.http import HttpRequest

from .navigation import registry

BUREAU_CACHE_KEY = "core:bureau"


def current_bureau() -> Any:
    """The bureau row, cached for five minutes (changed rarely, shown on every page)."""
    from waishi.accounts.models import Bureau

    bureau = cache.get(BUREAU_CACHE_KEY)
    if bureau is None:
        bureau = Bureau.objects.order_by("pk").first()
        if bureau is not None:
            cache.set(BUREAU_CACHE_KEY, bureau, 300)
    return bureau


def face_of(user: Any) -> str:
    """Which face of Waishi a user works in: office, workspace, applicant or admin (or none)."""
    if user is None or not user.is_authenticated:
        return ""
    if user.has_perm("accounts.use_backoffice"):
        return "office"
    if user.has_perm("accounts.use_workspace"):
        return "workspace"
    if user.has_perm("accounts.use_applicant_pages"):
        return "applicant"
    return "admin"


def shell(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    face = face_of(user)
    if face and request.path.startswith("/accounts/second-factor/"):
        # Before the second factor is passed, the menu would only lead back here.
        from waishi.accounts.second_factor import needs_second_factor

        if needs_second_factor(request):
            face = ""
    nav = registry.nav_for(user, face) if face else []
    return {"bureau": current_bureau(), "nav_items": nav, "face": face}
