"""Who may do what with the shared building blocks of core."""

import rules

from waishi.accounts.permissions import (
    is_bureau_leader,
    is_division_head,
    is_division_officer,
    is_system_admin,
)

# Revealing a masked ID, passport or phone number is for the bureau's case handlers and
# leaders; each reveal needs a reason and is recorded. An app may demand a narrower
# permission on top (``pii.register_revealable(..., permission=...)``).
rules.add_perm("core.reveal_pii", is_division_officer | is_division_head | is_bureau_leader)
# The system administrator looks after background tasks that failed and runs them again.
rules.add_perm("core.manage_tasks", is_system_admin)
