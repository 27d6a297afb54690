"""Who may do what on the applicants' side. Applicants see only what ``querysets`` lets them."""

import rules

from waishi.accounts.permissions import is_applicant, is_division_head, is_division_officer

# Filing a public service online: people who signed up as applicants.
rules.add_perm("applicants.file_application", is_applicant)
# Reading and confirming the letters of authorisation companies upload: division staff.
rules.add_perm("applicants.confirm_authorisation", is_division_officer | is_division_head)
