"""Agency standing: suspensions any area imposes and the kernel honours.

An area registers the sources of its suspensions once, in its ``AppConfig.ready``::

    from waishi.cases.standing import SuspensionSource, register_suspension_source

    register_suspension_source(
        SuspensionSource("passports.overdue_custody", _("Passports overdue in custody"),
                         division_code="passport-visa")
    )

and imposes or lifts through ``do_impose_suspension`` / ``do_lift_suspension``. A
suspension covers kinds of case (``case_types``) and, for them, businesses
(``cases.constants.Business``: new filings, approvals, hand-outs, issuance, visa
applications). The kernel refuses, with the suspension's reasons, every filing of a case
(``cases.actions.do_create_case``), every filing transition (``Transition(filing=True)``)
and every transition declared ``Transition(business=...)`` that a suspension of the agency
covers; an area's own steps outside the workflow (a hand-out) ask ``check_standing(agency,
case_type, business)``. Nothing is written then. Areas never ask each other whether an
agency may act.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action

from .constants import Business
from .models import Suspension
from .workflow import TransitionRefused


@dataclass(frozen=True)
class SuspensionSource:
    """One reason an area suspends agencies, and the division answering for it."""

    code: str
    label: str | Promise
    # The division whose staff may lift a suspension from this source (leaders always may).
    division_code: str = ""


_sources: dict[str, SuspensionSource] = {}


def register_suspension_source(source: SuspensionSource) -> SuspensionSource:
    """Make a source known (idempotent for the same source)."""
    existing = _sources.get(source.code)
    if existing is not None and existing != source:
        raise ValueError(f"Suspension source {source.code} is registered twice")
    _sources[source.code] = source
    return source


def get_suspension_source(code: str) -> SuspensionSource:
    try:
        return _sources[code]
    except KeyError:
        raise LookupError(f"Unknown suspension source {code}") from None


def suspension_sources() -> list[SuspensionSource]:
    return [_sources[code] for code in sorted(_sources)]


def source_label(code: str) -> str:
    source = _sources.get(code)
    return str(source.label) if source else code


class AgencySuspended(TransitionRefused):
    """The agency is suspended from this kind of business; ``reasons`` say why."""


# Reading -----------------------------------------------------------------------------------


def open_suspensions(agency: Any) -> QuerySet[Suspension]:
    """The agency's suspensions in force, newest first."""
    agency_id = getattr(agency, "pk", agency)
    return Suspension.objects.filter(agency_id=agency_id, lifted_at__isnull=True).order_by(
        "-imposed_at", "-id"
    )


def suspension_message(suspension: Suspension) -> str:
    """The reason given to the agency, with the rule behind it."""
    message = _("Your agency is suspended from this business: %(reasons)s") % {
        "reasons": suspension.reasons
    }
    if suspension.rule_citation:
        message += " " + _("(Rule: %(rule)s)") % {"rule": suspension.rule_citation}
    return message


def suspension_reasons(agency: Any, case_type: str, business: str = Business.FILING) -> list[str]:
    """Why ``business`` of ``case_type`` is refused for ``agency`` now; empty if it is not.

    ``business`` is a ``cases.constants.Business``: the agency's new filings by default, or
    a step the bureau takes for it (an approval, a hand-out, issuance, a visa application).
    One query.
    """
    if agency is None:
        return []
    return [
        suspension_message(s)
        for s in open_suspensions(agency)
        if s.covers(case_type, str(business))
    ]


def check_standing(agency: Any, case_type: str, business: str = Business.FILING) -> None:
    """Raise ``AgencySuspended`` with the reasons when a suspension covers ``business``."""
    reasons = suspension_reasons(agency, case_type, business)
    if reasons:
        raise AgencySuspended(reasons)


def can_lift(user: Any, suspension: Suspension) -> bool:
    """Bureau leaders, and staff of the division owning the suspension's source."""
    from waishi.accounts.permissions import (
        is_bureau_leader,
        is_division_head,
        is_division_officer,
    )

    if is_bureau_leader(user):
        return True
    if not (is_division_officer(user) or is_division_head(user)):
        return False
    source = _sources.get(suspension.source)
    division = getattr(user, "division", None)
    return bool(
        source
        and source.division_code
        and division is not None
        and division.code == source.division_code
    )


# Writing -----------------------------------------------------------------------------------


def do_impose_suspension(
    *,
    agency: Any,
    source: str,
    reasons: str,
    case_types: Iterable[str] = (),
    businesses: Iterable[str] = (Business.FILING,),
    rule_citation: str = "",
    rule_code: str = "",
    actor: Any = None,
    actor_label: str = "",
    request: HttpRequest | None = None,
) -> tuple[Suspension, bool]:
    """Suspend ``agency`` for ``source``; return the suspension and whether it is new.

    Idempotent: while the source's suspension of the agency is open, imposing again keeps
    that one suspension and brings its reasons, kinds and rule up to date (audited as an
    update when anything changed). The calling area checks permission; sweeps pass
    ``actor_label``.
    """
    get_suspension_source(source)
    reasons = reasons.strip()
    if not reasons:
        raise ValueError("A suspension needs its reasons")
    agency_id = getattr(agency, "pk", agency)
    kinds = sorted({str(c) for c in case_types})
    refused = sorted({str(b) for b in businesses}) or [str(Business.FILING)]
    unknown = set(refused) - set(Business.values)
    if unknown:
        raise ValueError(f"Unknown businesses {sorted(unknown)}")
    person = actor if getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        current = (
            Suspension.objects.select_for_update()
            .filter(agency_id=agency_id, source=source, lifted_at__isnull=True)
            .first()
        )
        if current is not None:
            after = {
                "reasons": reasons,
                "case_types": kinds,
                "businesses": refused,
                "rule_citation": rule_citation,
                "rule_code": rule_code,
            }
            before = {k: getattr(current, k) for k in after}
            if before != after:
                for key, value in after.items():
                    setattr(current, key, value)
                current.save(update_fields=list(after))
                log_action(
                    action="cases.suspension.update",
                    actor=person,
                    obj=current,
                    before=before,
                    after=after,
                    actor_label=actor_label,
                    request=request,
                )
            return current, False
        suspension = Suspension.objects.create(
            agency_id=agency_id,
            source=source,
            reasons=reasons,
            case_types=kinds,
            businesses=refused,
            rule_citation=rule_citation,
            rule_code=rule_code,
            imposed_at=timezone.now(),
            imposed_by=person,
            imposed_by_label=actor_label[:60],
        )
        log_action(
            action="cases.suspension.impose",
            actor=person,
            obj=suspension,
            after={
                "agency": agency_id,
                "source": source,
                "case_types": kinds,
                "businesses": refused,
                "rule_code": rule_code,
            },
            reason=reasons,
            actor_label=actor_label,
            request=request,
        )
    return suspension, True


def do_lift_suspension(
    *,
    suspension: Suspension | None = None,
    agency: Any = None,
    source: str = "",
    reason: str,
    actor: Any = None,
    actor_label: str = "",
    check_permission: bool = True,
    request: HttpRequest | None = None,
) -> Suspension | None:
    """Lift a suspension (given, or the open one of ``agency`` from ``source``).

    A person must be allowed by ``can_lift`` (checked here unless an area's own action
    lifts on a fact, e.g. the last overdue passport returned, with ``check_permission=False``).
    Returns the lifted suspension, or ``None`` when nothing was open (idempotent).
    A reason is required; nothing is written without one.
    """
    reason = reason.strip()
    if not reason:
        raise TransitionRefused([_("Please give the reason for lifting the suspension.")])
    person = actor if getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        rows = Suspension.objects.select_for_update()
        if suspension is not None:
            rows = rows.filter(pk=suspension.pk)
        else:
            rows = rows.filter(agency_id=getattr(agency, "pk", agency), source=source)
        current = rows.filter(lifted_at__isnull=True).first()
        if current is None:
            return None
        if check_permission and not can_lift(actor, current):
            raise TransitionRefused([_("You may not lift this suspension.")], forbidden=True)
        current.lifted_at = timezone.now()
        current.lifted_by = person
        current.lift_reason = reason
        current.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
        log_action(
            action="cases.suspension.lift",
            actor=person,
            obj=current,
            before={"lifted_at": None},
            after={
                "agency": current.agency_id,
                "source": current.source,
                "lifted_at": current.lifted_at.isoformat(),
            },
            reason=reason,
            actor_label=actor_label,
            request=request,
        )
    return current
