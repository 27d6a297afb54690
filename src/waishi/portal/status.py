"""What the public may see of a case: its status and the public part of its timeline.

The portal reads the case kernel only through ``lookup``. It shows nothing personal and no
internal comment, and a wrong verification code looks exactly like an unknown reference, so
the page cannot be used to learn which references exist.
"""

import hmac
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class PublicEvent:
    when: datetime
    label: str


@dataclass(frozen=True)
class PublicStatus:
    reference: str
    kind: str
    status: str
    updated_at: datetime | None
    timeline: list[PublicEvent] = field(default_factory=list)


def lookup(reference: str, code: str) -> PublicStatus | None:
    """The public status of the case ``reference`` if ``code`` is its verification code."""
    try:
        from waishi.cases.models import Case
    except ImportError:
        return None
    case = Case.objects.filter(reference=reference).first()
    if case is None or not case.verification_code:
        # Compare anyway, so an unknown reference takes as long as a wrong code.
        hmac.compare_digest(code.encode(), b"-" * max(len(code), 1))
        return None
    if not hmac.compare_digest(code.encode(), str(case.verification_code).encode()):
        return None
    return PublicStatus(
        reference=case.reference,
        kind=str(case.get_case_type_display()) if hasattr(case, "get_case_type_display") else "",
        status=str(case.get_status_display()),
        updated_at=getattr(case, "updated_at", None),
        timeline=public_timeline(case),
    )


def public_timeline(case: object) -> list[PublicEvent]:
    """The case's timeline entries marked public, oldest first."""
    entries = getattr(case, "timeline", None)
    if entries is None:
        return []
    rows = entries.filter(is_public=True).order_by("created_at", "pk")
    return [PublicEvent(when=row.created_at, label=str(row)) for row in rows]
