from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "waishi.visits"
    label = "visits"
    # An area of the bureau's work; its rights come from rules predicates alone.
    waishi_area = True
    waishi_rules_only = True
    verbose_name = _("Foreign visitors and gifts")

    def ready(self) -> None:
        from waishi.cases.constants import ClockOwner, ClockUnit
        from waishi.cases.notify import register_listener
        from waishi.cases.registry import CaseType, ClockSpec, register_case_type

        from . import breaches, figures, rule_codes
        from .alerts import tell_inspectors
        from .api import gift_detail, visit_detail
        from .constants import (
            DECLARATION_CLOCK,
            DIVISION,
            GIFT_CASE_TYPE,
            RULE_AREA,
            VISIT_CASE_TYPE,
            RuleCode,
        )
        from .models import ReceivedGift, Visit
        from .workflow import GIFT_WORKFLOW, VISIT_WORKFLOW

        register_case_type(
            CaseType(
                code=VISIT_CASE_TYPE,
                label=_("Foreign visit"),
                workflow=VISIT_WORKFLOW,
                division_code=DIVISION,
                detail_model=Visit,
                detail_template="visits/case_detail.html",
                detail_related=("partner_city",),
                detail_prefetch=(
                    "guests__person",
                    "schedule",
                    "gifts_given__recipient__person",
                    "overrides",
                    "plan_versions",
                    "co_hosts",
                ),
                area_label=_("Foreign visits"),
                audit_prefix="visits.visit",
                api_detail=visit_detail,
            )
        )
        register_case_type(
            CaseType(
                code=GIFT_CASE_TYPE,
                label=_("Gift received"),
                workflow=GIFT_WORKFLOW,
                division_code=DIVISION,
                detail_model=ReceivedGift,
                detail_template="visits/gift_detail.html",
                detail_related=("recipient",),
                area_label=_("Gifts register"),
                audit_prefix="visits.gift",
                api_detail=gift_detail,
                clocks=(
                    # The recipient's agency declares and hands in the gift within a month of
                    # receipt, or of the return to China (国务院令第133号 art. 7).
                    ClockSpec(
                        code=DECLARATION_CLOCK,
                        label=_("Gift declaration and hand-in"),
                        owner=ClockOwner.AGENCY,
                        unit=ClockUnit.MONTHS,
                        length=1,
                        rule_area=RULE_AREA,
                        rule_code=RuleCode.DECLARATION_MONTHS,
                        remind_before=3,
                        repeat_overdue=5,
                    ),
                ),
            )
        )
        rule_codes.register()
        breaches.register()
        figures.register()
        register_listener(tell_inspectors)
        self._register_navigation()

    def _register_navigation(self) -> None:
        from waishi.core.navigation import NavItem, Panel, registry

        for face in ("office", "workspace"):
            registry.add_panel(
                Panel(
                    face,
                    _("Foreign visits and gifts"),
                    "visits/panels/summary.html",
                    "visits.read_visits",
                    order=55,
                )
            )

        registry.add_nav(
            NavItem("workspace", _("Foreign visits"), "visits:list", "visits.read_visits", order=50)
        )
        registry.add_nav(
            NavItem("workspace", _("Gifts register"), "visits:gifts", "visits.read_gifts", order=52)
        )
        registry.add_nav(
            NavItem("office", _("Foreign visits"), "visits:list", "visits.read_visits", order=50)
        )
        registry.add_nav(
            NavItem("office", _("Gifts register"), "visits:gifts", "visits.read_gifts", order=52)
        )
        registry.add_nav(
            NavItem(
                "office",
                _("Visit statistics"),
                "visits:statistics",
                "visits.read_statistics",
                order=56,
            )
        )
