"""The Django admin's own list of cases: the yardstick the product's lists are measured against."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from waishi.cases.models import Case


class BenchCaseAdmin(admin.ModelAdmin):
    """The admin's list of cases, as a developer would first write it.

    Visible to whoever may enter the admin site (the system administrator): the product does
    not show cases there, this is only the yardstick.
    """

    list_display = ["reference", "title", "case_type", "status", "agency", "updated_at"]
    list_select_related = ["agency"]
    list_filter = ["case_type", "status", "is_open"]
    search_fields = ["reference"]
    ordering = ["-updated_at", "-id"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return True

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


if not admin.site.is_registered(Case):
    admin.site.register(Case, BenchCaseAdmin)
