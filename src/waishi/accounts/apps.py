from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "waishi.accounts"
    label = "accounts"
    # A shared app (not an area); Django's permission tables are asked as usual.
    waishi_area = False
    waishi_rules_only = False
    verbose_name = _("Organisation and accounts")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from waishi.core.navigation import NavItem, registry

        from . import checks  # noqa: F401 - registers the system checks
        from .divisions import forget_division_ids
        from .models import Division

        post_save.connect(forget_division_ids, sender=Division)
        post_delete.connect(forget_division_ids, sender=Division)

        registry.add_nav(
            NavItem(
                "workspace", _("Dashboard"), "accounts:workspace", "accounts.use_workspace", order=0
            )
        )
        registry.add_nav(
            NavItem("office", _("Dashboard"), "accounts:office", "accounts.use_backoffice", order=0)
        )
        registry.add_nav(
            NavItem(
                "admin",
                _("Sign-in security"),
                "accounts:security",
                "accounts.manage_security",
                order=10,
            )
        )
        registry.add_nav(
            NavItem("admin", _("Audit log"), "audit:search", "audit.view_auditevent", order=20)
        )
        registry.add_nav(
            NavItem("admin", _("Background tasks"), "core:tasks", "core.manage_tasks", order=25)
        )
        registry.add_nav(
            NavItem(
                "admin",
                _("System administration"),
                "admin:index",
                "accounts.manage_users",
                order=30,
            )
        )
