"""Who may read and edit the shared registers.

Bureau staff read the organisations and the country register; the divisions' officers and
heads, who record the bodies their cases deal with, edit organisations. Agencies have no
access: the register is the bureau's own working data.
"""

import rules

from waishi.accounts.constants import Role
from waishi.accounts.permissions import has_role, is_bureau_staff

# The roles that edit the registers (division staff).
REGISTER_EDITING_ROLES = (Role.DIVISION_OFFICER, Role.DIVISION_HEAD)
is_register_editor = has_role(*REGISTER_EDITING_ROLES)

rules.add_perm("registers.read_countries", is_bureau_staff)
rules.add_perm("registers.read_organisations", is_bureau_staff)
rules.add_perm("registers.edit_organisation", is_register_editor)
# Country names and groups are reference data; the division heads correct them.
rules.add_perm("registers.edit_country", has_role(Role.DIVISION_HEAD))
