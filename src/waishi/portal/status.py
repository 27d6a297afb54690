"""What the public may see of a case: its status and the public part of its timeline.

The portal reads the case kernel only through ``lookup``. It shows nothing personal and no
comment text: the case type, the current status, and the dates of its public status changes
and documents. A wrong verification code looks exactly like an unknown reference, so the page
cannot be used to learn which references exist.
"""

import hmac
from dataclasses import dataclass, field
from datetime import datetime

from waishi.cases.constants import VERIFICATION_LENGTH, EntryKind
from waishi.cases.models import Case

# Entry kinds whose fact (not text) the public may see.
PUBLIC_KINDS = (EntryKind.STATUS, EntryKind.DOCUMENT)


@dataclass(frozen=True)
class PublicEvent:
    when: datetime
    label: str


@dataclass(frozen=True)
class PublicStatus:
    reference: str
    kind: str
    status: str
    is_open: bool
    updated_at: datetime
    timeline: list[PublicEvent] = field(default_factory=list)


def lookup(reference: str, code: str) -> PublicStatus | None:
    """The public status of the case ``reference`` if ``code`` is its verification code."""
    case = Case.objects.filter(reference=reference).first()
    expected = case.verification_code if case is not None else "-" * VERIFICATION_LENGTH
    # Compare in constant time even for an unknown reference, so timing tells nothing.
    matches = hmac.compare_digest(code.upper().encode(), expected.encode())
    if case is None or not matches:
        return None
    workflow = case.case_type_obj.workflow
    return PublicStatus(
        reference=case.reference,
        kind=str(case.case_type_obj.label),
        status=str(workflow.state_label(case.status)),
        is_open=case.is_open,
        updated_at=case.updated_at,
        timeline=public_timeline(case),
    )


def public_timeline(case: Case) -> list[PublicEvent]:
    """The case's public status changes and documents, oldest first, without any text."""
    workflow = case.case_type_obj.workflow
    rows = case.timeline.filter(is_public=True, kind__in=PUBLIC_KINDS).order_by("created_at", "id")
    events = []
    for row in rows:
        if row.kind == EntryKind.STATUS:
            label = str(workflow.state_label(row.to_status))
        else:
            label = str(EntryKind(row.kind).label)
        events.append(PublicEvent(when=row.created_at, label=label))
    return events
