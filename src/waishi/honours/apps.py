from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HonoursConfig(AppConfig):
    name = "waishi.honours"
    label = "honours"
    # An area of the bureau's work; its rights come from rules predicates alone.
    waishi_area = True
    waishi_rules_only = True
    verbose_name = _("Honorary citizens")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from waishi.accounts.models import Division
        from waishi.cases.registry import CaseType, register_case_type
        from waishi.core.navigation import NavItem, registry

        from . import permissions, rule_codes
        from .api import nomination_detail
        from .certificates import register_certificate
        from .constants import CASE_TYPE, OVERSEAS_DIVISION
        from .models import Nomination
        from .workflow import WORKFLOW

        rule_codes.register()
        register_case_type(
            CaseType(
                code=CASE_TYPE,
                label=_("Honorary citizen nomination"),
                workflow=WORKFLOW,
                division_code=OVERSEAS_DIVISION,
                detail_model=Nomination,
                detail_template="honours/case_detail.html",
                detail_related=("round", "person"),
                area_label=_("Honorary citizens"),
                audit_prefix="honours.nomination",
                api_detail=nomination_detail,
                # Self-nominations come from applicants (docs/applicants.md).
                filed_by_applicants=True,
            )
        )
        register_certificate()
        post_save.connect(permissions.forget_divisions, sender=Division)
        post_delete.connect(permissions.forget_divisions, sender=Division)
        registry.add_nav(
            NavItem(
                "office", _("Honorary citizens"), "honours:dashboard", "honours.read_honours", 50
            )
        )
