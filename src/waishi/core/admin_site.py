"""The admin site for the system administrator (organisation data, users, rule sets)."""

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class WaishiAdminSite(admin.AdminSite):
    site_header = _("Waishi administration")
    site_title = _("Waishi administration")
    index_title = _("System administration")

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(
            user.is_active and user.is_authenticated and user.has_perm("accounts.manage_users")
        )
