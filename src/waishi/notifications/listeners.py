"""Turning case-kernel events into notifications.

The case kernel hands every event to its registered listeners after the change committed
(``waishi.cases.notify``). Who hears of it: the people the kernel names (the assignee, the
division head, …) and, for events the agency may see, the agency's liaison officers. The
person who caused the event is not told of their own act.
"""

import logging
from typing import Any

from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch
from django.utils.translation import gettext_lazy as _

from waishi.accounts.constants import Role

from .actions import notify
from .text import interpolate_lazy

logger = logging.getLogger("waishi.notifications")

# Event kinds of the kernel and the notification kinds they become.
KINDS = {
    "transition": "cases.transition",
    "comment": "cases.comment",
    "assignment": "cases.assigned",
    "reminder": "cases.reminder",
    "escalation": "cases.escalation",
    # Something the division and the discipline inspector must look at (an extended stay).
    "flag": "cases.escalation",
}

TITLES = {
    "transition": _("%(reference)s: %(action)s — now %(status)s"),
    "comment": _("%(reference)s: new comment"),
    "assignment": _("%(reference)s was assigned to you"),
    "reminder": _("%(reference)s: %(what)s due on %(due)s"),
    "escalation": _("%(reference)s: %(what)s overdue since %(due)s"),
    "flag": _("%(reference)s: %(what)s"),
}


def liaison_officers(agency_id: int) -> list[Any]:
    """The active liaison officers of an agency (they file and follow its cases)."""
    return list(
        get_user_model()
        .objects.filter(agency_id=agency_id, is_active=True, role_grants__role=Role.LIAISON_OFFICER)
        .distinct()
    )


def _case_link(case: Any) -> str:
    try:
        return str(case.get_absolute_url())
    except (NoReverseMatch, AttributeError):
        return ""


def _action_label(case: Any, transition: str) -> Any:
    try:
        return case.case_type_obj.workflow.transition(transition).label
    except (LookupError, AttributeError):
        return transition


def _status_label(case: Any) -> Any:
    try:
        return case.case_type_obj.workflow.state_label(case.status)
    except (LookupError, AttributeError):
        return case.status


def recipients_for(event: Any) -> list[Any]:
    """The users to tell of ``event``: the kernel's recipients, plus liaison officers when
    the agency may see the event; never the actor."""
    actor_id = getattr(event.actor, "pk", None)
    ids = {uid for uid in event.recipients if uid != actor_id}
    people = {u.pk: u for u in get_user_model().objects.filter(pk__in=ids, is_active=True)}
    if event.is_public and event.kind in {"transition", "comment"}:
        for officer in liaison_officers(event.case.agency_id):
            if officer.pk != actor_id:
                people.setdefault(officer.pk, officer)
    return list(people.values())


def _due_text(event: Any) -> str:
    due = getattr(event, "due", None) or getattr(event.case, "due_date", None)
    return due.isoformat() if due else ""


def on_case_event(event: Any) -> None:
    """Notify the right people of one case event (registered with the case kernel)."""
    kind = KINDS.get(event.kind)
    if kind is None:
        logger.warning("No notification kind for case event %s", event.kind)
        return
    people = recipients_for(event)
    if not people:
        return
    case = event.case
    title = interpolate_lazy(
        TITLES[event.kind],
        reference=case.reference,
        action=_action_label(case, event.transition),
        status=_status_label(case),
        due=_due_text(event),
        what=event.subject or _("the case"),
    )
    # The case title and the reason typed by the actor are people's own words: not translated.
    body = "\n".join(part for part in (case.title, event.text) if part)
    notify(
        recipients=people,
        kind=kind,
        title=title,
        body=body,
        link=_case_link(case),
        obj=case,
    )


def on_case_transition(case: Any, transition: Any, actor: Any, *, text: str = "") -> None:
    """Notify of a transition when called directly rather than through a kernel event."""
    from waishi.cases.notify import CaseEvent

    recipients = tuple(
        uid
        for uid in (getattr(case, "assignee_id", None),)
        if uid is not None and uid != getattr(actor, "pk", None)
    )
    on_case_event(
        CaseEvent(
            kind="transition",
            case=case,
            actor=actor,
            transition=transition.name,
            text=text,
            is_public=bool(getattr(transition, "public", True)),
            recipients=recipients,
        )
    )
