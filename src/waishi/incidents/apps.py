from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncidentsConfig(AppConfig):
    name = "waishi.incidents"
    label = "incidents"
    # An area of the bureau's work; its rights come from rules predicates alone.
    waishi_area = True
    waishi_rules_only = True
    verbose_name = _("Foreign-related incidents")

    def ready(self) -> None:

        from waishi.cases.constants import ClockOwner, ClockUnit
        from waishi.cases.registry import CaseType, ClockSpec, register_case_type
        from waishi.core.navigation import NavItem, registry

        from . import figures, permissions
        from .api import incident_detail
        from .constants import (
            CASE_TYPE,
            CONSULAR_DIVISION,
            DEATH_NOTICE_CLOCK,
            NOTIFICATION_CLOCK,
            POLICE_REPORT_CLOCK,
            VISIT_CLOCK,
        )
        from .models import Incident
        from .workflow import WORKFLOW

        figures.register()
        register_case_type(
            CaseType(
                code=CASE_TYPE,
                label=_("Foreign-related incident"),
                workflow=WORKFLOW,
                division_code=CONSULAR_DIVISION,
                detail_model=Incident,
                detail_template="incidents/case_detail.html",
                detail_related=("treaty",),
                detail_prefetch=("persons__person", "visits"),
                area_label=_("Incidents"),
                audit_prefix="incidents.incident",
                api_detail=incident_detail,
                # Only the consular staff and the leaders see these cases; each opening of
                # one is audited.
                visibility=permissions.case_visibility,
                reveal_audit_action="incidents.incident.view",
                clocks=(
                    ClockSpec(
                        code=POLICE_REPORT_CLOCK,
                        label=_("Police report on the measure (48 hours)"),
                        owner=ClockOwner.OUTSIDE,
                        unit=ClockUnit.HOURS,
                        length=48,
                        remind_before=0,
                    ),
                    # The length comes from the binding ConsularTreaty row at opening.
                    ClockSpec(
                        code=NOTIFICATION_CLOCK,
                        label=_("Consular notification by the provincial police"),
                        owner=ClockOwner.OUTSIDE,
                        unit=ClockUnit.DAYS,
                        length=3,
                        remind_before=0,
                        repeat_overdue=1,
                    ),
                    ClockSpec(
                        code=DEATH_NOTICE_CLOCK,
                        label=_("Notice of the death to family and consulate"),
                        owner=ClockOwner.OUTSIDE,
                        unit=ClockUnit.DAYS,
                        length=4,
                        remind_before=1,
                    ),
                    ClockSpec(
                        code=VISIT_CLOCK,
                        label=_("Consular visit after the request"),
                        owner=ClockOwner.OUTSIDE,
                        unit=ClockUnit.DAYS,
                        length=4,
                        remind_before=1,
                    ),
                ),
            )
        )
        registry.add_nav(
            NavItem("office", _("Incidents"), "incidents:list", "incidents.read_incidents", 45)
        )
        from waishi.cases.cockpit import CockpitPanel, register_cockpit_panel

        from .cockpit import newest_incidents

        register_cockpit_panel(
            CockpitPanel(
                key="incidents",
                title=_("Newest foreign-related incidents"),
                template="incidents/cockpit_panel.html",
                load=newest_incidents,
                permission="incidents.read_incidents",
                order=40,
            )
        )
