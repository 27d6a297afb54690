"""Read-only checks: an agency's custody suspension, and members' documents for a trip.

``agency_lock_reasons(agency)`` details, document by document, the agency's open suspension
from this app's source (the kernel refuses the filings themselves, ``cases.standing``);
``check_mission_documents`` is what the mission review shows before approval (contributed
to the mission page through the kernel's registry, ``cases.contrib``). Both return findings
that carry their message, severity and the citation of the rule behind them.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.cases.models import Suspension
from waishi.cases.standing import open_suspensions
from waishi.core.validators import DocumentKind
from waishi.registers.countries import country_name

from .constants import (
    CUSTODY_SOURCE,
    DEAD_STATUSES,
    HK_MACAO,
    PASSPORT_KINDS,
    TO_OBTAIN,
    EndorsementKind,
    RuleCode,
    Severity,
)
from .models import Endorsement, HandOut, HolderFlag, TravelBar, TravelDocument
from .models.bars import in_force_on
from .rules import RuleValue, expiry_limit, rule_on, rules_on


@dataclass(frozen=True)
class Finding:
    """One reason: what is wrong, how serious, and the rule it comes from."""

    message: str
    severity: str = Severity.BLOCK
    citation: str = ""
    holder_id: int | None = None
    document_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message

    @property
    def is_block(self) -> bool:
        return self.severity == Severity.BLOCK

    @property
    def is_to_obtain(self) -> bool:
        """Listed, not a block: a document (or endorsement) still to obtain after approval."""
        return self.severity == TO_OBTAIN


# Locks ----------------------------------------------------------------------------------


def active_lock(agency: Any) -> Suspension | None:
    """The agency's open suspension from the custody sweep, if any."""
    return open_suspensions(agency).filter(source=CUSTODY_SOURCE).first()


def overdue_hand_outs(agency: Any, *, today: datetime.date | None = None) -> list[HandOut]:
    """The agency's documents still out after their due date, oldest due first."""
    agency_id = getattr(agency, "pk", agency)
    day = today or timezone.localdate()
    return list(
        HandOut.objects.filter(agency_id=agency_id, closed_on__isnull=True, due_date__lt=day)
        .select_related("document__holder", "mission__case")
        .order_by("due_date", "id")
    )


def agency_lock_reasons(agency: Any, *, today: datetime.date | None = None) -> list[Finding]:
    """Why ``agency`` may not file new missions or passport requests now; empty if it may.

    An agency is locked after the third unheeded custody reminder and stays locked until
    every overdue document is back. Each reason names the document to return.
    """
    lock = active_lock(agency)
    if lock is None:
        return []
    citation = lock.rule_citation
    reasons = []
    for out in overdue_hand_outs(agency, today=today):
        document = out.document
        reasons.append(
            Finding(
                _(
                    "Your agency is suspended from new mission and passport business: "
                    "%(kind)s %(number)s of %(holder)s (mission %(reference)s) was due back "
                    "on %(due)s and has not been returned after %(reminders)d reminders. "
                    "Return it to the Passport & Visa Division to lift the suspension."
                )
                % {
                    "kind": document.get_kind_display(),
                    "number": document.masked_number,
                    "holder": document.holder.name,
                    "reference": out.mission.case.reference,
                    "due": out.due_date.isoformat(),
                    "reminders": out.reminders_sent,
                },
                citation=citation,
                holder_id=document.holder_id,
                document_id=document.pk,
                extra={"hand_out": out.pk, "due_date": out.due_date.isoformat()},
            )
        )
    if not reasons:
        reasons.append(
            Finding(
                _(
                    "Your agency is suspended from new mission and passport business since "
                    "%(day)s: %(reason)s"
                )
                % {
                    "day": timezone.localtime(lock.imposed_at).date().isoformat(),
                    "reason": lock.reasons,
                },
                citation=citation,
            )
        )
    return reasons


def agency_is_locked(agency: Any) -> bool:
    return active_lock(agency) is not None


# Documents for a trip -------------------------------------------------------------------


@dataclass(frozen=True)
class Leg:
    """A stay in one country or region, with its dates when the application gives them."""

    country: str
    start: datetime.date | None
    end: datetime.date | None

    @property
    def days(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days + 1


def _by_holder(rows: Iterable[Any], holder_ids: list[int]) -> dict[int, list[Any]]:
    """The rows grouped by their holder, with an empty list for every holder without any."""
    grouped: dict[int, list[Any]] = {pk: [] for pk in holder_ids}
    for row in rows:
        grouped[row.holder_id].append(row)
    return grouped


def mission_legs(mission: Any) -> list[Leg]:
    """The countries and regions actually entered (airside transits are not entries)."""
    legs = []
    for stop in mission.destinations.all():
        if stop.is_transit and stop.airside_only:
            continue
        legs.append(
            Leg(
                country=stop.country.upper(),
                start=stop.arrive_on or mission.departure_date,
                end=stop.leave_on or mission.return_date,
            )
        )
    return legs


def endorsement_findings(
    endorsements: list[Endorsement],
    legs: list[Leg],
    *,
    holder_name: str,
    stay_rule: RuleValue | None = None,
    kinds_rule: RuleValue | None = None,
) -> list[Finding]:
    """Whether an endorsement of the right kind covers every entry to Hong Kong or Macao.

    It must be valid on each entry and exit day and have entries left for all of them. Only
    the kinds the rule names (a visit endorsement, 赴港/澳访问签注) serve an official visit: an
    endorsement of another kind covering the trip is a block. Every stay must fit the
    longest stay per entry (30 days, as data), a block. Without any endorsement covering the
    trip the member is listed: endorsements are applied for once the mission is approved.
    """
    entries = [leg for leg in legs if leg.country in HK_MACAO]
    if not entries:
        return []
    stay_rule = stay_rule or rule_on(RuleCode.HK_MACAO_STAY, entries[0].start)
    kinds_rule = kinds_rule or rule_on(RuleCode.OFFICIAL_ENDORSEMENTS, entries[0].start)
    limit = int(stay_rule.get("days", 30))
    findings = [
        Finding(
            _(
                "%(name)s would stay %(days)d days in %(region)s; each stay on an "
                "official pass may last at most %(limit)d days."
            )
            % {
                "name": holder_name,
                "days": leg.days,
                "region": country_name(leg.country),
                "limit": limit,
            },
            severity=stay_rule.severity,
            citation=stay_rule.citation,
        )
        for leg in entries
        if leg.days is not None and leg.days > limit
    ]
    starts = [leg.start for leg in entries if leg.start]
    ends = [leg.end for leg in entries if leg.end]
    first = min(starts) if starts else None
    last = max(ends) if ends else None

    def covers(endorsement: Endorsement) -> bool:
        if first is None or last is None:
            return False
        left = endorsement.entries_left
        return (
            endorsement.valid_from <= first
            and endorsement.valid_until >= last
            and (left is None or left >= len(entries))
        )

    covering = [e for e in endorsements if covers(e)]
    serving = {str(k) for k in kinds_rule.get("kinds", ["visit"])}
    if any(e.kind in serving for e in covering):
        return findings
    if covering:
        findings.append(
            Finding(
                _(
                    "%(name)s's endorsement (%(kinds)s) does not serve an official visit; "
                    "only %(serving)s does."
                )
                % {
                    "name": holder_name,
                    "kinds": ", ".join(str(e.get_kind_display()) for e in covering),
                    "serving": ", ".join(str(EndorsementKind(k).label) for k in sorted(serving)),
                },
                severity=kinds_rule.severity,
                citation=kinds_rule.citation,
            )
        )
        return findings
    findings.append(
        Finding(
            _(
                "%(name)s has no visit endorsement on the Hong Kong and Macao pass valid for "
                "the whole stay with %(entries)d entries left yet; it is applied for once "
                "the mission is approved."
            )
            % {"name": holder_name, "entries": len(entries)},
            severity=TO_OBTAIN,
            citation=kinds_rule.citation,
        )
    )
    return findings


def _usable(documents: list[TravelDocument], kinds: set[str]) -> list[Any]:
    """The holder's documents of ``kinds`` that can still travel (not lost, cancelled, expired)."""
    return [d for d in documents if d.kind in kinds and d.status not in DEAD_STATUSES]


def bar_finding(holder: Any, bar: TravelBar) -> Finding:
    """A block: the holder is barred from official travel (by the division, with a reason)."""
    until = bar.until.isoformat() if bar.until else _("the bar is lifted")
    return Finding(
        _("%(name)s is barred from official travel until %(until)s: %(reason)s")
        % {"name": holder.name, "until": until, "reason": bar.reason},
        severity=Severity.BLOCK,
        citation=_("Decision of the Passport & Visa Division of %(day)s")
        % {"day": timezone.localtime(bar.barred_at).date().isoformat()},
        holder_id=holder.pk,
        extra={"bar": bar.pk},
    )


def member_findings(
    holder: Any,
    documents: list[TravelDocument],
    flags: list[HolderFlag],
    legs: list[Leg],
    *,
    trip_end: datetime.date,
    limit: datetime.date,
    margin: RuleValue,
    stay_rule: RuleValue,
    bars: list[TravelBar] | None = None,
    kinds_rule: RuleValue | None = None,
) -> list[Finding]:
    """What stands in the way of one member travelling on the trip ``legs``.

    A member without a document of the right kind yet is listed, not blocked: official
    passports and passes are issued for an approved mission. A document held that expires
    less than the margin after the return is judged by the margin rule's severity (a block
    in Guangdong).
    """
    findings: list[Finding] = [bar_finding(holder, bar) for bar in bars or []]
    name = holder.name
    for flag in flags:
        findings.append(
            Finding(
                _("%(name)s: %(reason)s") % {"name": name, "reason": flag.reason},
                severity=Severity.WARNING,
                holder_id=holder.pk,
            )
        )
    needs_pass = any(leg.country in HK_MACAO for leg in legs)
    needs_passport = any(leg.country not in HK_MACAO for leg in legs)
    needs = []
    if needs_passport:
        needs.append(({str(k) for k in PASSPORT_KINDS}, _("an official passport")))
    if needs_pass:
        needs.append(
            ({str(DocumentKind.HK_MACAO_OFFICIAL_PASS)}, _("an official Hong Kong and Macao pass"))
        )
    for kinds, label in needs:
        valid = _usable(documents, kinds)
        if not valid:
            findings.append(
                Finding(
                    _(
                        "%(name)s has no %(document)s yet; it is issued once the mission "
                        "is approved."
                    )
                    % {"name": name, "document": label},
                    severity=TO_OBTAIN,
                    holder_id=holder.pk,
                )
            )
            continue
        best = max(valid, key=lambda d: d.expiry_date)
        if best.expiry_date < limit:
            findings.append(
                Finding(
                    _(
                        "%(name)s's %(kind)s %(number)s expires on %(expiry)s, less than "
                        "%(months)d months after the return on %(end)s."
                    )
                    % {
                        "name": name,
                        "kind": best.get_kind_display(),
                        "number": best.masked_number,
                        "expiry": best.expiry_date.isoformat(),
                        "months": int(margin.get("months", 6)),
                        "end": trip_end.isoformat(),
                    },
                    severity=margin.severity,
                    citation=margin.citation,
                    holder_id=holder.pk,
                    document_id=best.pk,
                )
            )
        if best.is_pass:
            found = endorsement_findings(
                list(best.endorsements.all()),
                legs,
                holder_name=name,
                stay_rule=stay_rule,
                kinds_rule=kinds_rule,
            )
            findings.extend(
                Finding(f.message, f.severity, f.citation, holder.pk, best.pk, f.extra)
                for f in found
            )
    return findings


def check_mission_documents(mission: Any) -> list[Finding]:
    """Every member's missing, expiring or insufficient document for the mission's trip.

    Blocks: a member barred from official travel on the departure day; a stay in Hong Kong
    or Macao longer than a visit endorsement allows; an endorsement of a kind that does not
    serve an official visit; a document expiring less than the margin after the return
    (each as its rule's severity says). A member with no document of the right kind (an
    official passport abroad, the official pass for Hong Kong and Macao) or no endorsement
    yet is listed, not blocked: they are issued after approval. A flag (a lost passport) is
    a warning.
    Runs a fixed number of queries whatever the delegation size.
    """
    if mission.departure_date is None or mission.return_date is None:
        return []
    legs = mission_legs(mission)
    if not legs:
        return []
    members = mission.delegation
    holder_ids = [m.traveller_id for m in members]
    documents = _by_holder(
        TravelDocument.objects.filter(holder_id__in=holder_ids).prefetch_related(
            Prefetch("endorsements", queryset=Endorsement.objects.order_by("-valid_until"))
        ),
        holder_ids,
    )
    flags = _by_holder(
        # Newest first per holder; not the register's order, which joins the agency to sort.
        HolderFlag.objects.filter(holder_id__in=holder_ids, is_active=True).order_by(
            "-created_at", "-id"
        ),
        holder_ids,
    )
    # A bar in force on the departure day stops the member from travelling.
    bars = _by_holder(
        TravelBar.objects.filter(in_force_on(mission.departure_date), holder_id__in=holder_ids),
        holder_ids,
    )
    in_force = rules_on(
        {
            RuleCode.EXPIRY_MARGIN: mission.return_date,
            RuleCode.HK_MACAO_STAY: mission.departure_date,
            RuleCode.OFFICIAL_ENDORSEMENTS: mission.departure_date,
        }
    )
    limit, margin = expiry_limit(mission.return_date, in_force[RuleCode.EXPIRY_MARGIN])
    stay_rule = in_force[RuleCode.HK_MACAO_STAY]
    findings: list[Finding] = []
    for member in members:
        findings.extend(
            member_findings(
                member.traveller,
                documents[member.traveller_id],
                flags[member.traveller_id],
                legs,
                trip_end=mission.return_date,
                limit=limit,
                margin=margin,
                stay_rule=stay_rule,
                bars=bars[member.traveller_id],
                kinds_rule=in_force[RuleCode.OFFICIAL_ENDORSEMENTS],
            )
        )
    return findings


def document_guard(case: Any, actor: Any, inputs: Any) -> list[str]:
    """A guard contributed to the mission's approval: blocks from ``check_mission_documents``.

    Contributed (``PassportsConfig.ready``) to the steps that approve a mission: forwarding
    to the bureau leader, referring to the province and approving. The mission is read
    through the kernel's trip reader (``cases.contrib.trip_of``).
    """
    from waishi.cases.contrib import trip_of

    trip = trip_of(case)
    if trip is None or trip.detail is None:
        return []
    reasons = []
    for finding in check_mission_documents(trip.detail):
        if not finding.is_block:
            continue
        if finding.citation:
            reasons.append(
                _("%(message)s (Rule: %(rule)s)")
                % {"message": finding.message, "rule": finding.citation}
            )
        else:
            reasons.append(finding.message)
    return reasons
