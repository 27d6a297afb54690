from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "waishi.petitions"
    label = "petitions"
    # An area of the bureau's work; its rights come from rules predicates alone.
    waishi_area = True
    waishi_rules_only = True
    verbose_name = _("Rights-protection complaints")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from waishi.accounts.models import Division
        from waishi.cases.constants import ClockOwner, ClockUnit
        from waishi.cases.registry import CaseType, ClockSpec, register_case_type
        from waishi.core.navigation import NavItem, registry

        from . import documents, permissions, rule_codes
        from .api import petition_detail
        from .constants import (
            CASE_TYPE,
            CONCLUDE_CLOCK,
            DIVISION,
            NOTICE_CLOCK,
            OBJECTION_CLOCK,
            REREVIEW_CLOCK,
            REREVIEW_WINDOW_CLOCK,
            REVIEW_CLOCK,
            REVIEW_WINDOW_CLOCK,
            RULE_AREA,
            RuleCode,
        )
        from .models import Petition
        from .workflow import WORKFLOW

        def clock(
            code: str,
            label: Any,
            owner: str,
            rule: str,
            unit: str = ClockUnit.DAYS,
            remind_before: int = 2,
            repeat_overdue: int = 0,
        ) -> ClockSpec:
            return ClockSpec(
                code=code,
                label=label,
                owner=owner,
                unit=unit,
                length=rule_codes.DEFAULTS[rule],  # type: ignore[index]
                rule_area=RULE_AREA,
                rule_code=rule,
                remind_before=remind_before,
                repeat_overdue=repeat_overdue,
            )

        rule_codes.register()
        documents.register()
        register_case_type(
            CaseType(
                code=CASE_TYPE,
                label=_("Rights-protection complaint"),
                workflow=WORKFLOW,
                division_code=DIVISION,
                detail_model=Petition,
                detail_template="petitions/case_detail.html",
                detail_related=("petitioner", "against_agency", "against_division"),
                detail_prefetch=("hearings",),
                area_label=_("Complaints"),
                audit_prefix="petitions.petition",
                api_detail=petition_detail,
                filed_by_applicants=True,
                # The division's staff and the leaders see complaints; the department a
                # complaint is against never does.
                visibility=permissions.case_visibility,
                reveal_audit_action="petitions.petition.view",
                clocks=(
                    clock(
                        NOTICE_CLOCK,
                        _("Written notice: accept, transfer or not ours"),
                        ClockOwner.BUREAU,
                        RuleCode.NOTICE_DAYS,
                        remind_before=3,
                    ),
                    clock(
                        OBJECTION_CLOCK,
                        _("Objection to a wrong transfer by the receiving organ"),
                        ClockOwner.OUTSIDE,
                        RuleCode.OBJECTION_WORKDAYS,
                        unit=ClockUnit.WORKING_DAYS,
                        remind_before=0,
                    ),
                    clock(
                        CONCLUDE_CLOCK,
                        _("Conclusion of the complaint"),
                        ClockOwner.BUREAU,
                        RuleCode.CONCLUDE_DAYS,
                        remind_before=5,
                        repeat_overdue=5,
                    ),
                    clock(
                        REVIEW_WINDOW_CLOCK,
                        _("Request for a review (复查) by the petitioner"),
                        ClockOwner.APPLICANT,
                        RuleCode.REVIEW_REQUEST_DAYS,
                        remind_before=0,
                    ),
                    clock(
                        REVIEW_CLOCK,
                        _("Review opinion of the higher organ"),
                        ClockOwner.OUTSIDE,
                        RuleCode.REVIEW_DAYS,
                    ),
                    clock(
                        REREVIEW_WINDOW_CLOCK,
                        _("Request for a re-review (复核) by the petitioner"),
                        ClockOwner.APPLICANT,
                        RuleCode.REREVIEW_REQUEST_DAYS,
                        remind_before=0,
                    ),
                    clock(
                        REREVIEW_CLOCK,
                        _("Re-review opinion of the next higher organ"),
                        ClockOwner.OUTSIDE,
                        RuleCode.REREVIEW_DAYS,
                    ),
                ),
            )
        )
        post_save.connect(permissions.forget_division, sender=Division)
        post_delete.connect(permissions.forget_division, sender=Division)
        registry.add_nav(
            NavItem("office", _("Complaints"), "petitions:list", "petitions.read_petitions", 46)
        )
        registry.add_nav(
            NavItem(
                "applicant",
                _("File a complaint"),
                "petitions:apply",
                "applicants.file_application",
                order=15,
            )
        )
