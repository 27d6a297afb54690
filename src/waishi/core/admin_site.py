"""The admin site for the system administrator (organisation data, users, rule sets)."""

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class WaishiAdminSite(admin.AdminSite):
    site_header = _("Waishi administration")
    site_title = _("Waishi administration")
    index_title = _("System administration")

    def index(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        """The start page; from 1 November it warns when next year's holiday notice is missing."""
        from waishi.core.workdays import missing_notice_year

        year = missing_notice_year()
        if year is not None and request.user.has_perm("cases.enter_holiday_notice"):
            messages.warning(
                request,
                _(
                    "The State Council's holiday notice for %(year)s has not been entered: "
                    "working days in %(year)s are provisional."
                )
                % {"year": year},
            )
        return super().index(request, extra_context)

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(
            user.is_active and user.is_authenticated and user.has_perm("accounts.manage_users")
        )

    def register(self, model_or_iterable: Any, admin_class: Any = None, **options: Any) -> None:
        """Register models, except those holding second-factor secrets.

        django-otp registers its devices (keys, recovery codes) with the admin; nobody may
        read them, and the security administrator resets factors from his own screen.
        """
        from django.db.models.base import ModelBase

        models: list[Any] = (
            [model_or_iterable]
            if isinstance(model_or_iterable, ModelBase)
            else list(model_or_iterable)
        )
        shown = [m for m in models if m._meta.app_label not in SECRET_APPS]
        if shown:
            super().register(shown, admin_class, **options)


# Apps whose models hold secrets and never appear in the admin.
SECRET_APPS = frozenset({"otp_totp", "otp_static", "otp_email", "otp_hotp"})
