"""Who may do what with directives, county replies, tasks from above and briefs."""

from typing import Any

import rules

from waishi.accounts.permissions import (
    is_bureau_leader,
    is_county_officer,
    is_division_head,
    is_division_officer,
)
from waishi.cases.permissions import is_case_staff, is_of_case_agency

is_division_staff = is_division_officer | is_division_head


@rules.predicate
def in_a_division(user: Any) -> bool:
    return bool(user.is_authenticated and user.division_id is not None)


# A county reply is written by the county office's officers (the reply case is filed under it).
is_reply_county_officer = is_county_officer & is_of_case_agency

# Directives: the divisions' staff write them, their head issues them (a transition), every
# case reader reads them; the county officers read what they owe.
rules.add_perm("directives.open_directive", is_division_staff & in_a_division)
rules.add_perm("directives.read_directives", is_case_staff)
rules.add_perm("directives.remind_counties", is_division_staff & in_a_division)
rules.add_perm("directives.reply_directives", is_county_officer)
# Tasks from above: the divisions' staff open and report on them; every case reader reads them.
rules.add_perm("directives.open_task", is_division_staff & in_a_division)
rules.add_perm("directives.read_tasks", is_case_staff)
rules.add_perm("directives.report_task", is_division_staff & in_a_division)
# Briefs: the divisions' staff write them, their head reviews them; leaders read and mark them.
rules.add_perm("directives.write_brief", is_division_staff & in_a_division)
rules.add_perm("directives.review_brief", is_division_head & in_a_division)
rules.add_perm("directives.read_briefs", is_division_staff | is_bureau_leader)
rules.add_perm("directives.mark_brief", is_bureau_leader)
