from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverseasConfig(AppConfig):
    name = "waishi.overseas"
    label = "overseas"
    # An area of the bureau's work; its rights come from rules predicates alone.
    waishi_area = True
    waishi_rules_only = True
    verbose_name = _("Overseas Chinese affairs")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from waishi.accounts.models import Division
        from waishi.core.navigation import NavItem, registry

        from . import permissions, rule_codes

        rule_codes.register()
        post_save.connect(permissions.forget_division, sender=Division)
        post_delete.connect(permissions.forget_division, sender=Division)
        registry.add_nav(
            NavItem(
                "office", _("Overseas Chinese"), "overseas:register", "overseas.read_register", 46
            )
        )
        registry.add_nav(
            NavItem(
                "workspace",
                _("Overseas Chinese"),
                "overseas:register",
                "overseas.read_register",
                46,
            )
        )
