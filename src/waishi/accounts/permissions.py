"""Who may do what in accounts and the shell. Predicates are shared by every app.

Deny by default: a view or endpoint names the permission it needs, and a permission that is
not declared here (or in another app's ``permissions.py``) is held by nobody.
"""

from typing import Any

import rules

from .constants import AGENCY_ROLES, BUREAU_ROLES, Role


def has_role(*roles: str) -> rules.Predicate:
    """A predicate true for an active, signed-in user holding any of ``roles``."""

    @rules.predicate(name="has_role_" + "_or_".join(roles))
    def predicate(user: Any) -> bool:
        return bool(
            getattr(user, "is_authenticated", False)
            and getattr(user, "is_active", False)
            and user.has_role(*roles)
        )  # type: ignore[attr-defined]

    return predicate


is_liaison_officer = has_role(Role.LIAISON_OFFICER)
is_agency_signatory = has_role(Role.AGENCY_SIGNATORY)
is_county_officer = has_role(Role.COUNTY_OFFICER)
is_agency_user = has_role(*AGENCY_ROLES)
is_division_officer = has_role(Role.DIVISION_OFFICER)
is_division_head = has_role(Role.DIVISION_HEAD)
is_bureau_leader = has_role(Role.BUREAU_LEADER)
is_discipline_inspector = has_role(Role.DISCIPLINE_INSPECTOR)
is_website_editor = has_role(Role.WEBSITE_EDITOR)
is_bureau_staff = has_role(*BUREAU_ROLES)
is_system_admin = has_role(Role.SYSTEM_ADMIN)
is_security_admin = has_role(Role.SECURITY_ADMIN)
is_audit_admin = has_role(Role.AUDIT_ADMIN)
is_applicant = has_role(Role.APPLICANT)

# The agency workspace: people of agencies and county offices.
rules.add_perm("accounts.use_workspace", is_agency_user)
# The back office: the bureau's own staff (the discipline inspector reads everything there).
rules.add_perm("accounts.use_backoffice", is_bureau_staff)
# The applicants' pages: people and companies outside government who signed up.
rules.add_perm("accounts.use_applicant_pages", is_applicant)
# The system administrator manages accounts and organisation data in the admin site.
rules.add_perm("accounts.manage_users", is_system_admin)
# The security administrator watches sign-ins and lifts lockouts.
rules.add_perm("accounts.manage_security", is_security_admin)
# Only the audit administrator reads the audit log.
rules.add_perm("audit.view_auditevent", is_audit_admin)
# Website editors use Wagtail's admin at /cms/.
rules.add_perm("wagtailadmin.access_admin", is_website_editor)
# Everyone who signs in manages his own second factors (bureau accounts must keep one).
rules.add_perm("accounts.manage_own_factors", rules.is_authenticated & rules.is_active)
