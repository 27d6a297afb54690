"""The one door from the case kernel to notifications.

The kernel calls these functions inside the transaction that makes the change, so what the
listeners write (in-app notifications, e-mail and SMS queued as tasks in the same database)
is committed with the change or not at all. The notifications app (or any other) registers
a listener in its ``AppConfig.ready``::

    from waishi.cases.notify import CaseEvent, register_listener

    def send(event: CaseEvent) -> None: ...

    register_listener(send)

A listener receives one ``CaseEvent``. It writes; it does not send (sending is a queued
task's work, see ``waishi.core.tasks.enqueue_in_transaction``). If it raises, what it wrote
is rolled back to its own savepoint, the error is logged and the other listeners still run;
the case change itself goes through.
"""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.db import transaction

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaseEvent:
    """Something happened to a case that people may need to hear about.

    ``kind`` is ``"transition"``, ``"comment"``, ``"assignment"``, ``"reminder"``,
    ``"escalation"`` or ``"flag"`` (something to look at, named by ``subject``).
    ``recipients`` are user ids the kernel thinks should be told (the assignee, the division
    head, …); a listener may add its own (e.g. the agency's liaison officers for a public
    transition).
    """

    kind: str
    case: Any
    actor: Any = None
    transition: str = ""
    text: str = ""
    is_public: bool = False
    recipients: Sequence[int] = field(default_factory=tuple)
    # For reminders: the day due and what is due (a clock's label).
    due: Any = None
    subject: Any = ""


Listener = Callable[[CaseEvent], None]
_listeners: list[Listener] = []


def register_listener(listener: Listener) -> Listener:
    """Call ``listener`` for every case event from now on (idempotent)."""
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


def unregister_listener(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def notify(event: CaseEvent) -> None:
    """Hand ``event`` to every listener, each in a savepoint, inside the change's transaction.

    A case of a type that narrows who sees it (``CaseType.visibility``) is never announced
    to the filing agency: its events reach only the people the kernel names.
    """
    if event.is_public and _is_restricted(event.case):
        event = replace(event, is_public=False)
    for listener in list(_listeners):
        try:
            with transaction.atomic():
                listener(event)
        except Exception:  # one broken channel must not silence the others
            logger.exception("Case event listener %r failed for %s", listener, event.kind)


def _is_restricted(case: Any) -> bool:
    kind = getattr(case, "case_type_obj", None)
    return kind is not None and getattr(kind, "visibility", None) is not None


def notify_transition(case: Any, transition: Any, actor: Any, *, text: str = "") -> None:
    """Tell listeners that ``transition`` ran on ``case``: the assignee and the bureau people
    whose step the case now waits for (``todo.next_actors``) are recipients."""
    from .todo import next_actors

    actor_id = getattr(actor, "pk", 0)
    recipients = tuple(
        dict.fromkeys(
            uid
            for uid in (case.assignee_id, *next_actors(case))
            if uid is not None and uid != actor_id
        )
    )
    notify(
        CaseEvent(
            kind="transition",
            case=case,
            actor=actor,
            transition=transition.name,
            text=text,
            is_public=transition.public,
            recipients=recipients,
        )
    )
