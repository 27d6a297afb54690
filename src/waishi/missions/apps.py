from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MissionsConfig(AppConfig):
    name = "waishi.missions"
    label = "missions"
    # An area of the bureau's work; its rights come from rules predicates alone.
    waishi_area = True
    waishi_rules_only = True
    verbose_name = _("Official missions abroad")

    def ready(self) -> None:
        from waishi.cases.constants import ClockOwner, ClockUnit
        from waishi.cases.contrib import register_trip_reader
        from waishi.cases.registry import CaseType, ClockSpec, register_case_type

        from . import breaches, figures, rule_codes
        from .api import mission_detail
        from .checking import mission_trip
        from .constants import CASE_TYPE, MISSION_DIVISION, REPORT_CLOCK, RULE_AREA, RuleCode
        from .models import PARTS_PREFETCH, Mission
        from .workflow import WORKFLOW

        register_case_type(
            CaseType(
                code=CASE_TYPE,
                label=_("Official mission abroad"),
                workflow=WORKFLOW,
                division_code=MISSION_DIVISION,
                detail_model=Mission,
                detail_template="missions/case_detail.html",
                detail_related=("confirmed_by", "planned_mission__plan"),
                detail_prefetch=PARTS_PREFETCH,
                area_label=_("Missions"),
                audit_prefix="missions.mission",
                api_detail=mission_detail,
                clocks=(
                    # The agency owes the trip report within the rule's days of return;
                    # reminded before, on the day and every five working days after.
                    ClockSpec(
                        code=REPORT_CLOCK,
                        label=_("Trip report"),
                        owner=ClockOwner.AGENCY,
                        unit=ClockUnit.DAYS,
                        length=30,
                        rule_area=RULE_AREA,
                        rule_code=RuleCode.TRIP_REPORT,
                        remind_before=3,
                        repeat_overdue=5,
                    ),
                ),
                # Read first on the case page, above the buttons (the leader on a phone).
                extra={"summary_template": "missions/includes/summary.html"},
            )
        )
        rule_codes.register()
        breaches.register()
        figures.register()
        register_trip_reader(CASE_TYPE, mission_trip)
        self._register_navigation()
        self._register_personal_data()

    def _register_personal_data(self) -> None:
        from waishi.registers.hooks import on_person_changed

        from .names import refresh_names_of_person

        # Cases are searched by their members' names: a renamed traveller is renamed there.
        on_person_changed(refresh_names_of_person)

    def _register_navigation(self) -> None:
        from waishi.core.navigation import NavItem, registry

        registry.add_nav(
            NavItem(
                "workspace",
                _("New mission application"),
                "missions:new",
                "missions.file_mission",
                order=30,
            )
        )
        registry.add_nav(
            NavItem(
                "workspace",
                _("Travellers"),
                "missions:travellers",
                "missions.manage_traveller",
                order=40,
            )
        )
        registry.add_nav(
            NavItem(
                "office",
                _("Travellers"),
                "missions:travellers",
                "missions.read_travellers",
                order=40,
            )
        )
        registry.add_nav(
            NavItem(
                "workspace", _("Annual plans"), "missions:plans", "missions.manage_plan", order=45
            )
        )
        registry.add_nav(
            NavItem("office", _("Annual plans"), "missions:plans", "missions.read_plans", order=45)
        )
        registry.add_nav(
            NavItem(
                "office",
                _("Mission statistics"),
                "missions:statistics",
                "missions.read_statistics",
                order=55,
            )
        )
