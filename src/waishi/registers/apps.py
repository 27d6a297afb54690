from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistersConfig(AppConfig):
    name = "waishi.registers"
    label = "registers"
    # A shared app (not an area); its rights come from rules predicates alone.
    waishi_area = False
    waishi_rules_only = True
    verbose_name = _("Shared registers")
