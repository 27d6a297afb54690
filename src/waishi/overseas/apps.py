from typing import Any

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
        from waishi.cases.constants import ClockOwner, ClockUnit
        from waishi.cases.documents import DocumentKind, register_document_kind
        from waishi.cases.registry import CaseType, ClockSpec, register_case_type
        from waishi.core.navigation import NavItem, Panel, registry

        from . import permissions, rule_codes
        from .api import identity_detail, settlement_detail
        from .constants import (
            DIVISION,
            IDENTITY_CASE_TYPE,
            MATERIAL_CLOCK,
            PROCESSING_CLOCK,
            RULE_AREA,
            SETTLEMENT_CASE_TYPE,
        )
        from .models import IdentityApplication, SettlementApplication
        from .workflow import IDENTITY_WORKFLOW, SETTLEMENT_WORKFLOW

        rule_codes.register()
        register_document_kind(
            DocumentKind(
                code="overseas.identity",
                label=_("Identity certificate of a returned overseas Chinese or relative"),
                number_format=_("Zhao Qiao Identity [%(year)s] No. %(number)s"),
                template="overseas/documents/identity.html",
                public_facts=(("name", _("Name of the holder")), "purpose"),
            )
        )
        register_document_kind(
            DocumentKind(
                code="overseas.settlement",
                label=_("Return-to-settle certificate of an overseas Chinese"),
                number_format=_("Zhao Qiao Settlement [%(year)s] No. %(number)s"),
                template="overseas/documents/settlement.html",
                public_facts=(("name", _("Name of the holder")),),
            )
        )

        def material(label: Any) -> ClockSpec:
            # The request for more material pauses the decision; the applicant's own clock.
            return ClockSpec(
                code=MATERIAL_CLOCK,
                label=label,
                owner=ClockOwner.APPLICANT,
                unit=ClockUnit.DAYS,
                length=30,
                rule_area=RULE_AREA,
                rule_code="material_days",
                rule_key="days",
                remind_before=3,
            )

        register_case_type(
            CaseType(
                code=IDENTITY_CASE_TYPE,
                label=_("Identity certificate of a returned overseas Chinese or relative"),
                workflow=IDENTITY_WORKFLOW,
                division_code=DIVISION,
                detail_model=IdentityApplication,
                detail_template="overseas/identity_detail.html",
                detail_related=("person", "principal", "hukou_county"),
                area_label=_("Overseas Chinese"),
                audit_prefix="overseas.identity",
                api_detail=identity_detail,
                filed_by_applicants=True,
                visibility=permissions.case_visibility,
                reveal_audit_action="overseas.identity.view",
                clocks=(
                    ClockSpec(
                        code=PROCESSING_CLOCK,
                        label=_("Decision on the identity certificate"),
                        owner=ClockOwner.BUREAU,
                        unit=ClockUnit.WORKING_DAYS,
                        length=7,
                        rule_area=RULE_AREA,
                        rule_code="certificate_processing",
                        rule_key="workdays",
                        remind_before=2,
                    ),
                    material(_("Send the material asked for")),
                ),
            )
        )
        register_case_type(
            CaseType(
                code=SETTLEMENT_CASE_TYPE,
                label=_("Return-to-settle certificate of an overseas Chinese"),
                workflow=SETTLEMENT_WORKFLOW,
                division_code=DIVISION,
                detail_model=SettlementApplication,
                detail_template="overseas/settlement_detail.html",
                detail_related=("person", "county"),
                area_label=_("Overseas Chinese"),
                audit_prefix="overseas.settlement",
                api_detail=settlement_detail,
                filed_by_applicants=True,
                visibility=permissions.case_visibility,
                reveal_audit_action="overseas.settlement.view",
                clocks=(
                    ClockSpec(
                        code=PROCESSING_CLOCK,
                        label=_("Decision on the return-to-settle certificate"),
                        owner=ClockOwner.BUREAU,
                        unit=ClockUnit.WORKING_DAYS,
                        length=20,
                        rule_area=RULE_AREA,
                        rule_code="settlement_processing",
                        rule_key="workdays",
                        remind_before=3,
                    ),
                    material(_("Send the material asked for")),
                ),
            )
        )
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
        for face in ("office", "workspace"):
            registry.add_panel(
                Panel(
                    face,
                    _("Overseas Chinese affairs"),
                    "overseas/panel.html",
                    "overseas.read_register",
                    order=40,
                )
            )
