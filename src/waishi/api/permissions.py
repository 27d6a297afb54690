"""Who may manage API tokens: an agency's liaison officer, for their own agency."""

import rules

from waishi.accounts.permissions import is_agency_user, is_bureau_staff, is_liaison_officer

rules.add_perm("api.manage_tokens", is_liaison_officer)
# The interactive API documentation is for the bureau's own staff.
rules.add_perm("api.view_docs", is_bureau_staff)
# The OpenAPI schema is for anyone who may call the API from the workspace or back office
# (token holders read it with their token).
rules.add_perm(
    "api.view_schema",
    is_bureau_staff | is_agency_user,
)
