"""Who may do what with the document register, custody, issuance requests and visas.

Permissions without an object gate the screens; ``querysets`` narrows what agency people
see to their own agency's documents, and the actions check again before they write.
"""

from typing import Any

import rules

from waishi.accounts.permissions import (
    is_agency_signatory,
    is_agency_user,
    is_bureau_leader,
    is_discipline_inspector,
    is_division_head,
    is_division_officer,
    is_liaison_officer,
    is_system_admin,
)
from waishi.cases.permissions import is_case_filer, is_case_staff, is_in_case_division

from .constants import PASSPORT_DIVISION


@rules.predicate
def is_in_passport_division(user: Any) -> bool:
    """The user works in the bureau's Passport & Visa Division."""
    if not getattr(user, "is_authenticated", False) or user.division_id is None:
        return False
    return bool(user.division.code == PASSPORT_DIVISION)


is_passport_officer = (is_division_officer | is_division_head) & is_in_passport_division
is_agency_filer = is_liaison_officer | is_agency_signatory

# The register: bureau staff read it all, agency people their own documents. (The verbs are
# "read_", not "view_": the system administrator holds every model "view_" permission.)
rules.add_perm("passports.read_register", is_case_staff | is_agency_user)
# Registering documents, endorsements, cancellations: the Passport & Visa Division.
rules.add_perm("passports.manage_register", is_passport_officer)
# Handing documents out of custody and taking them back.
rules.add_perm("passports.manage_custody", is_passport_officer)
# The custody lists (out and due, overdue, locked agencies) and the division's dashboard.
rules.add_perm("passports.read_custody", is_case_staff)
rules.add_perm(
    "passports.read_dashboard", is_passport_officer | is_bureau_leader | is_discipline_inspector
)
# The quarterly custody report for the province.
rules.add_perm("passports.export_report", is_passport_officer | is_bureau_leader)
# A loss is reported by the division or by the holder's agency (checked with the document).
rules.add_perm("passports.report_loss", is_passport_officer | is_agency_filer)
# Visa applications: the division works them; agencies and staff follow them.
rules.add_perm("passports.manage_visas", is_passport_officer)
rules.add_perm("passports.read_visas", is_case_staff | is_agency_user)
rules.add_perm("passports.edit_note_template", is_passport_officer)
# The agency's own page: its documents in custody, what is due, and any lock.
rules.add_perm("passports.use_workspace", is_agency_user)
# Filing an issuance request (a case of type HZ).
rules.add_perm("passports.file_request", is_agency_filer)
# Barring a holder from official travel (after a loss, say) and lifting the bar.
rules.add_perm("passports.bar_holder", is_passport_officer)
# Revealing a document number (on top of core.reveal_pii).
rules.add_perm("passports.reveal_number", is_passport_officer)

# Configuration data in the admin site: the system administrator keeps the custody rules'
# numbers and the visa requirements per country. Nothing else of this area is in the admin
# (the register, custody, requests and visas are worked in the back office), and rows of
# configuration are never deleted: a rule version ends, a requirement changes.
CONFIGURATION_MODELS = ("custodyrule", "visarequirement")
for _model in CONFIGURATION_MODELS:
    for _verb in ("view", "add", "change"):
        rules.add_perm(f"passports.{_verb}_{_model}", is_system_admin)

# Transition rights on issuance requests, used by ``workflow.py``.
is_request_filer = is_case_filer
is_request_officer = (is_division_officer | is_division_head) & is_in_case_division

__all__ = [
    "CONFIGURATION_MODELS",
    "is_agency_filer",
    "is_in_passport_division",
    "is_passport_officer",
    "is_request_filer",
    "is_request_officer",
]
