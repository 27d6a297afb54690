from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistersConfig(AppConfig):
    name = "waishi.registers"
    label = "registers"
    verbose_name = _("Shared registers")

    def ready(self) -> None:
        from waishi.core import pii

        from . import permissions  # noqa: F401 - registers the rules
        from .models import Person
        from .querysets import people_visible_to

        # Permitted officers may reveal a person's identity numbers and contact details, with
        # a reason, among the people they may see.
        pii.register_revealable(
            Person,
            fields=["id_number", "passport_number", "phone", "email", "address"],
            visible_to=people_visible_to,
        )
