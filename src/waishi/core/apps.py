from importlib import import_module

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default = True
    name = "waishi.core"
    label = "core"
    # A shared app (not an area); Django's permission tables are asked as usual.
    waishi_area = False
    waishi_rules_only = False
    verbose_name = _("Core")

    def ready(self) -> None:
        from pathlib import Path

        from django.apps import apps
        from django.conf import settings
        from django.utils.module_loading import module_has_submodule

        # Each Waishi app declares its rules predicates and permissions in permissions.py.
        for config in apps.get_app_configs():
            if config.name.startswith("waishi.") and module_has_submodule(
                config.module, "permissions"
            ):
                import_module(f"{config.name}.permissions")

        from django.contrib.auth.signals import user_logged_in

        from .middleware import stamp_signed_in_session

        user_logged_in.connect(stamp_signed_in_session, dispatch_uid="waishi.core.session_renewed")

        from django.db.models.signals import post_migrate

        post_migrate.connect(create_cache_tables, sender=self, dispatch_uid="waishi.core.cache")

        # The embedded database and local files live in var/; make it on first start.
        database = settings.DATABASES["default"]
        if database["ENGINE"].endswith("sqlite3") and str(database["NAME"]) != ":memory:":
            Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)


def create_cache_tables(*, using: str = "default", verbosity: int = 1, **kwargs: object) -> None:
    """After ``migrate``: the database table of the shared cache, when the cache lives there."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))


class WaishiAdminConfig(admin_apps.AdminConfig):
    default = False
    """Django's admin site, open only to the system administrator."""

    default_site = "waishi.core.admin_site.WaishiAdminSite"
