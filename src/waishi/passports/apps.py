from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PassportsConfig(AppConfig):
    name = "waishi.passports"
    label = "passports"
    # An area of the bureau's work; its rights come from rules predicates alone.
    waishi_area = True
    waishi_rules_only = True
    verbose_name = _("Official passports and visas")

    def ready(self) -> None:
        from waishi.cases.constants import ClockOwner, ClockUnit
        from waishi.cases.contrib import (
            CasePanel,
            contribute_guard,
            contribute_panel,
            on_trip_changed,
        )
        from waishi.cases.registry import CaseType, ClockSpec, register_case_type
        from waishi.cases.standing import SuspensionSource, register_suspension_source
        from waishi.core import pii
        from waishi.core.navigation import NavItem, Panel, registry
        from waishi.notifications.constants import Channel
        from waishi.notifications.kinds import register_kind

        from . import breaches, rule_codes
        from .checks import document_guard
        from .constants import (
            APPROVAL_TRANSITIONS,
            CASE_TYPE,
            CUSTODY_SOURCE,
            ISSUANCE_CLOCK,
            MISSION_CASE_TYPE,
            PASSPORT_DIVISION,
            RULE_AREA,
            RuleCode,
        )
        from .custody import follow_trip
        from .models import IssuanceRequest, TravelDocument
        from .querysets import documents_visible_to
        from .workflow import WORKFLOW

        rule_codes.register()
        breaches.register()

        register_case_type(
            CaseType(
                code=CASE_TYPE,
                label=_("Official passport request"),
                workflow=WORKFLOW,
                division_code=PASSPORT_DIVISION,
                detail_model=IssuanceRequest,
                detail_template="passports/case_detail.html",
                area_label=_("Passports"),
                audit_prefix="passports.request",
                clocks=(
                    ClockSpec(
                        code=ISSUANCE_CLOCK,
                        label=_("Processing target"),
                        owner=ClockOwner.BUREAU,
                        unit=ClockUnit.WORKING_DAYS,
                        length=5,
                        rule_area=RULE_AREA,
                        rule_code=RuleCode.ISSUANCE_DAYS,
                        rule_key="workdays",
                    ),
                ),
            )
        )
        # A mission's approved dates and its actual return move its documents' due dates.
        on_trip_changed(MISSION_CASE_TYPE, follow_trip)
        register_suspension_source(
            SuspensionSource(
                CUSTODY_SOURCE,
                _("Official passports overdue in custody"),
                division_code=PASSPORT_DIVISION,
            )
        )
        # The reviewer's view of a mission's members' documents and visas, on its case page.
        contribute_panel(
            MISSION_CASE_TYPE,
            CasePanel("passports/panels/mission_documents.html", "passports.read_custody"),
        )
        # A block among the members' documents (a bar, a stay too long, an endorsement of the
        # wrong kind, a passport expiring too soon) stops every step that approves a mission.
        for transition in APPROVAL_TRANSITIONS:
            contribute_guard(MISSION_CASE_TYPE, transition, document_guard)
        pii.register_revealable(
            TravelDocument,
            fields=["number"],
            permission="passports.reveal_number",
            visible_to=documents_visible_to,
        )
        both = (Channel.IN_APP, Channel.EMAIL)
        register_kind(
            "passports.custody_reminder",
            _("A document in custody is due back"),
            default_channels=both,
            order=40,
        )
        register_kind(
            "passports.agency_locked",
            _("Your agency's passport business is suspended or restored"),
            default_channels=both,
            in_app_required=True,
            order=41,
        )
        register_kind(
            "passports.visa_status",
            _("A visa application moved on"),
            default_channels=(Channel.IN_APP,),
            order=42,
        )
        register_kind(
            "passports.travel_bar",
            _("One of your people is barred from official travel, or no longer"),
            default_channels=both,
            order=43,
        )
        registry.add_nav(
            NavItem("office", _("Passports"), "passports:dashboard", "passports.read_custody", 30)
        )
        registry.add_nav(
            NavItem(
                "workspace", _("Passports"), "passports:workspace", "passports.use_workspace", 30
            )
        )
        for order, (title, template) in enumerate(
            [
                (_("Documents out and due"), "passports/panels/out_and_due.html"),
                (_("Overdue by agency"), "passports/panels/overdue_by_agency.html"),
                (_("Suspended agencies"), "passports/panels/locked_agencies.html"),
                (_("Expiring within 6 months"), "passports/panels/expiring.html"),
                (_("Visa applications by status"), "passports/panels/visas.html"),
            ]
        ):
            registry.add_panel(
                Panel("office", title, template, "passports.read_dashboard", order=40 + order)
            )
        registry.add_panel(
            Panel(
                "workspace",
                _("Our passports"),
                "passports/panels/agency_custody.html",
                "passports.use_workspace",
                order=30,
            )
        )
