from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "waishi.supervision"
    label = "supervision"
    # An area of the bureau's work; its rights come from rules predicates alone.
    waishi_area = True
    waishi_rules_only = True
    verbose_name = _("Discipline supervision")

    def ready(self) -> None:
        from waishi.cases.breaches import BreachSource, register_breach_source
        from waishi.cases.constants import ClockOwner, ClockUnit
        from waishi.cases.figures import FigureSource, register_figure_source
        from waishi.cases.registry import CaseType, ClockSpec, register_case_type
        from waishi.cases.standing import SuspensionSource, register_suspension_source

        from . import permissions, rule_codes
        from .constants import CASE_TYPE, DIVISION, RECTIFICATION_CLOCK, RULE_AREA, RuleCode
        from .figures import inspection_figures, rectification_overdue
        from .models import Inspection
        from .workflow import WORKFLOW

        register_case_type(
            CaseType(
                code=CASE_TYPE,
                label=_("Discipline inspection"),
                workflow=WORKFLOW,
                division_code=DIVISION,
                detail_model=Inspection,
                detail_template="supervision/case_detail.html",
                detail_related=("person",),
                detail_prefetch=("measures__taken_by",),
                area_label=_("Inspections"),
                audit_prefix="supervision.inspection",
                visibility=permissions.inspection_visibility,
                clocks=(
                    # The inspected agency rectifies within the rule's days.
                    ClockSpec(
                        code=RECTIFICATION_CLOCK,
                        label=_("Rectification"),
                        owner=ClockOwner.AGENCY,
                        unit=ClockUnit.DAYS,
                        length=30,
                        rule_area=RULE_AREA,
                        rule_code=RuleCode.RECTIFICATION_DAYS,
                        remind_before=5,
                        repeat_overdue=5,
                    ),
                ),
            )
        )
        rule_codes.register()
        register_suspension_source(
            SuspensionSource(
                "supervision.inspection",
                _("Suspended after a discipline inspection"),
                division_code=DIVISION,
            )
        )
        register_breach_source(
            BreachSource(
                "supervision.rectification_overdue",
                _("Rectification overdue"),
                "supervision",
                rectification_overdue,
                order=90,
            )
        )
        register_figure_source(
            FigureSource(
                "supervision",
                _("Discipline supervision"),
                "supervision",
                inspection_figures,
                order=90,
            )
        )
        self._register_navigation()

    def _register_navigation(self) -> None:
        from waishi.core.navigation import NavItem, registry

        registry.add_nav(
            NavItem(
                "office",
                _("Discipline workbench"),
                "supervision:workbench",
                "supervision.read_breaches",
                order=70,
            )
        )
        registry.add_nav(
            NavItem(
                "office",
                _("Reports upward"),
                "supervision:reports",
                "supervision.read_reports",
                order=72,
            )
        )
