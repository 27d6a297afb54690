from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DonationsConfig(AppConfig):
    name = "waishi.donations"
    label = "donations"
    # An area of the bureau's work; its rights come from rules predicates alone.
    waishi_area = True
    waishi_rules_only = True
    verbose_name = _("Donations")

    def ready(self) -> None:
        from waishi.cases.constants import ClockOwner, ClockUnit
        from waishi.cases.registry import CaseType, ClockSpec, register_case_type
        from waishi.core.navigation import NavItem, registry

        from . import breaches, documents, permissions, rule_codes  # noqa: F401 - rights
        from .api import donation_detail, project_detail
        from .constants import (
            CONFIRMATION_CLOCK,
            DIVISION,
            DONATION_TYPE,
            FILING_CLOCK,
            PROJECT_TYPE,
            RULE_AREA,
            USE_REPORT_CLOCK,
            RuleCode,
        )
        from .models import Donation, Project
        from .workflow import DONATION_WORKFLOW, PROJECT_WORKFLOW

        rule_codes.register()
        documents.register()
        breaches.register()
        register_case_type(
            CaseType(
                code=DONATION_TYPE,
                label=_("Donation"),
                workflow=DONATION_WORKFLOW,
                division_code=DIVISION,
                detail_model=Donation,
                detail_template="donations/case_detail.html",
                detail_related=("rate", "county", "agreement"),
                detail_prefetch=(
                    "donor_links__donor__person",
                    "donor_links__donor__organisation",
                ),
                area_label=_("Donations"),
                audit_prefix="donations.donation",
                api_detail=donation_detail,
                clocks=(
                    ClockSpec(
                        code=FILING_CLOCK,
                        label=_("Filing of the donation by the donee"),
                        owner=ClockOwner.AGENCY,
                        unit=ClockUnit.DAYS,
                        length=30,
                        rule_area=RULE_AREA,
                        rule_code=RuleCode.FILING_DAYS,
                    ),
                ),
            )
        )
        register_case_type(
            CaseType(
                code=PROJECT_TYPE,
                label=_("Donated project"),
                workflow=PROJECT_WORKFLOW,
                division_code=DIVISION,
                detail_model=Project,
                detail_template="donations/project_detail.html",
                detail_related=("donor__person", "donor__organisation", "county"),
                detail_prefetch=("milestones", "namings", "changes", "use_reports"),
                area_label=_("Donations"),
                audit_prefix="donations.project",
                api_detail=project_detail,
                clocks=(
                    ClockSpec(
                        code=CONFIRMATION_CLOCK,
                        label=_("Application for confirmation after completion"),
                        owner=ClockOwner.AGENCY,
                        unit=ClockUnit.MONTHS,
                        length=3,
                        rule_area=RULE_AREA,
                        rule_code=RuleCode.CONFIRMATION_MONTHS,
                        remind_before=10,
                    ),
                    ClockSpec(
                        code=USE_REPORT_CLOCK,
                        label=_("Yearly report on the project's use"),
                        owner=ClockOwner.AGENCY,
                        unit=ClockUnit.MONTHS,
                        length=12,
                        rule_area=RULE_AREA,
                        rule_code=RuleCode.USE_REPORT_MONTHS,
                        remind_before=10,
                    ),
                ),
            )
        )
        registry.add_nav(
            NavItem("office", _("Donations"), "donations:archive", "donations.read_archive", 47)
        )
        registry.add_nav(
            NavItem("workspace", _("Donations"), "donations:archive", "donations.read_archive", 47)
        )
