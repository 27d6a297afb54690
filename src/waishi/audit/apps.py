from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "waishi.audit"
    label = "audit"
    # A shared app (not an area); its rights come from rules predicates alone.
    waishi_area = False
    waishi_rules_only = True
    verbose_name = _("Audit")
