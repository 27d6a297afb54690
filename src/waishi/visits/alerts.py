"""The discipline inspectors hear of a gift whose declaration is overdue (国务院令第133号).

The kernel's sweep escalates an overdue clock to the agency and the division; this listener,
registered at start-up, adds a flag for the inspectors on the first escalation of a gift's
declaration clock. It runs after commit, like every case listener.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from waishi.accounts.constants import Role
from waishi.cases.notify import CaseEvent, notify

from .constants import GIFT_CASE_TYPE

OVERDUE_DECLARATION = _("gift declaration overdue")


def tell_inspectors(event: CaseEvent) -> None:
    """On the escalation of an overdue gift declaration, flag it to the discipline inspectors."""
    if event.kind != "escalation" or getattr(event.case, "case_type", "") != GIFT_CASE_TYPE:
        return
    inspectors = tuple(
        get_user_model()
        .objects.filter(is_active=True, role_grants__role=Role.DISCIPLINE_INSPECTOR)
        .values_list("pk", flat=True)
        .distinct()
    )
    if inspectors:
        notify(
            CaseEvent(
                kind="flag",
                case=event.case,
                text=str(event.due or ""),
                recipients=inspectors,
                subject=OVERDUE_DECLARATION,
            )
        )
