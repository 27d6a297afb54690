"""The shared registers every area uses: people, organisations, countries and regions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistersConfig(AppConfig):
    name = "waishi.registers"
    label = "registers"
    # A shared app (not an area); its rights come from rules predicates alone.
    waishi_area = False
    waishi_rules_only = True
    verbose_name = _("Shared registers")

    def ready(self) -> None:
        from waishi.core.navigation import NavItem, registry

        registry.add_nav(
            NavItem(
                "office",
                _("Organisations"),
                "registers:organisations",
                "registers.read_organisations",
                order=80,
            )
        )
        registry.add_nav(
            NavItem(
                "office",
                _("Countries and regions"),
                "registers:countries",
                "registers.read_countries",
                order=81,
            )
        )
        self._register_personal_data()

    def _register_personal_data(self) -> None:
        from waishi.core import pii

        from .models import Person
        from .querysets import people_visible_to

        # Permitted officers may reveal a person's identity numbers and contact details, with
        # a reason, among the people they may see.
        pii.register_revealable(
            Person,
            fields=["id_number", "passport_number", "phone", "email", "address"],
            visible_to=people_visible_to,
        )
