"""Roles, kinds of agency and other choices of the organisation."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a person does in Waishi. A user may hold several roles, within the rules below."""

    LIAISON_OFFICER = "liaison_officer", _("Agency liaison officer")
    AGENCY_SIGNATORY = "agency_signatory", _("Agency signatory")
    COUNTY_OFFICER = "county_officer", _("County office officer")
    DIVISION_OFFICER = "division_officer", _("Division officer")
    DIVISION_HEAD = "division_head", _("Division head")
    BUREAU_LEADER = "bureau_leader", _("Bureau leader")
    DISCIPLINE_INSPECTOR = "discipline_inspector", _("Discipline inspector")
    WEBSITE_EDITOR = "website_editor", _("Website editor")
    SYSTEM_ADMIN = "system_admin", _("System administrator")
    SECURITY_ADMIN = "security_admin", _("Security administrator")
    AUDIT_ADMIN = "audit_admin", _("Audit administrator")
    APPLICANT = "applicant", _("Applicant")


# The "three administrators" separation of duties (三员分立): no account may hold two of these.
ADMIN_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN})
# Roles held by people of an agency (they need ``User.agency``).
AGENCY_ROLES = frozenset({Role.LIAISON_OFFICER, Role.AGENCY_SIGNATORY, Role.COUNTY_OFFICER})
# Roles held by the bureau's own staff (they work in the back office).
BUREAU_ROLES = frozenset(
    {
        Role.DIVISION_OFFICER,
        Role.DIVISION_HEAD,
        Role.BUREAU_LEADER,
        Role.DISCIPLINE_INSPECTOR,
        Role.WEBSITE_EDITOR,
    }
)

# People and companies outside government who file the bureau's public services. Their
# accounts are made by sign-up (``waishi.applicants``) and hold no other role.
APPLICANT_ROLES = frozenset({Role.APPLICANT})


class AgencyKind(models.TextChoices):
    MUNICIPAL_AGENCY = "municipal_agency", _("Municipal government agency")
    PUBLIC_INSTITUTION = "public_institution", _("Public institution")
    STATE_ENTERPRISE = "state_enterprise", _("State-owned enterprise")
    COUNTY_GOVERNMENT = "county_government", _("County, county-level city or district government")
    COUNTY_FAO = "county_fao", _("County foreign affairs office")
    PEOPLES_ORGANISATION = "peoples_organisation", _("People's organisation")
