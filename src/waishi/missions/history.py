"""Recording missions that happened before Waishi: imported from the bureau's earlier records.

A bureau starting with Waishi has years of missions on paper or in an earlier system, and
the statistics, the frequency rule ("trips in the last two years") and the people's history
need them. Walking the live workflow cannot record them: it stamps every step with the time
it runs and would issue fresh approval documents. ``do_record_past_mission`` records such a
mission as the record states it, and says so:

- the case, the application and every step of its history carry the record's own dates and
  people (the timeline shows who did what, when, as the record says);
- each filing's rule check is recorded as of the filing day, with the rules in force then; a
  block refuses the record, and warnings must have been accepted before the mission went on
  (the record names who accepted them and why) — the same invariants the live workflow keeps;
- the approval document is numbered and its facts recorded as of the approval, with no PDF:
  it is drawn on its first download (``approval.request_render``);
- one audit event, ``missions.mission.record_past``, at the real time, by the person who
  recorded it, lists the history recorded; an internal timeline note says the same.

Nothing else is backdated: audit events, the import note and any file attached carry the time
they were written. The demo loads its two years of missions this way (``demo_history.py``).
"""

import datetime
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case as SqlCase
from django.db.models import DateTimeField, Value, When
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.cases.actions import do_add_attachment
from waishi.cases.clocks import start_clock
from waishi.cases.constants import EntryKind
from waishi.cases.models import Case, TimelineEntry
from waishi.cases.names import set_case_names
from waishi.cases.references import next_reference
from waishi.cases.registry import get_case_type
from waishi.cases.rule_engine import RuleBooks
from waishi.registers.models import Person

from .approval import document_facts, next_number
from .checking import Parts, check_stored_mission
from .constants import CASE_TYPE, REPORT_CLOCK, RULE_AREA, ProvinceDecision, RuleCode
from .models import (
    ApprovalDocument,
    BudgetLine,
    Destination,
    ItineraryItem,
    Mission,
    MissionMember,
    Override,
    PlannedMission,
    Verdict,
)
from .rules import Violation
from .workflow import WORKFLOW

# Transitions after which a mission goes on only with every warning accepted.
NEEDS_ACCEPTED_WARNINGS = frozenset({"forward_to_leader", "refer_to_province", "approve"})
FILINGS = frozenset({"submit", "resubmit"})


@dataclass(frozen=True)
class PastStep:
    """One step of a recorded mission's history, as the record states it."""

    transition: str
    at: datetime.datetime
    actor: Any = None
    text: str = ""
    inputs: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PastMission:
    """A mission as an earlier record states it: the application and its history."""

    agency: Any
    title: str
    created_at: datetime.datetime
    purpose: str
    departure_date: datetime.date
    return_date: datetime.date
    members: Sequence[tuple[Person, bool, str]]
    destinations: Sequence[Mapping[str, Any]]
    itinerary: Sequence[Mapping[str, Any]]
    inviter: Mapping[str, str]
    budget: Sequence[Mapping[str, Any]]
    funding_source: str
    disclosure_start: datetime.date | None
    disclosure_end: datetime.date | None
    disclosure_place: str
    created_by: Any = None
    planned_mission: PlannedMission | None = None
    out_of_plan_reason: str = ""
    academic_exchange: bool = False
    # The agency signatory who confirmed the application before each filing.
    confirmed_by: Any = None
    steps: Sequence[PastStep] = ()
    # Who accepted the recorded warnings before the mission went on, and why.
    warnings_accepted_by: Any = None
    warnings_reason: str = ""
    report: str = ""
    report_disclosure: str = ""
    # Whom the case is assigned to in the record (an open case the bureau works on).
    assignee: Any = None
    # The invitation letter as kept in the record: (file name, content). Stored as the
    # case's attachment by the kernel's action, at the real time.
    invitation_letter: tuple[str, bytes] | None = None


def check_past_mission(record: PastMission, *, now: datetime.datetime) -> list[str]:
    """Why ``record`` cannot be recorded as it stands (empty when it can)."""
    problems: list[str] = []
    if not record.title.strip():
        problems.append(_("Give the application a title."))
    if record.return_date < record.departure_date:
        problems.append(_("The return date is before the departure date."))
    if any(t.agency_id != record.agency.pk for t, _lead, _role in record.members):
        problems.append(_("Choose the members from your agency's register of travellers."))
    moments = [record.created_at, *(step.at for step in record.steps)]
    if moments != sorted(moments) or moments[-1] > now:
        problems.append(_("The steps of a recorded mission follow one another, in the past."))
    state = WORKFLOW.initial
    for step in record.steps:
        try:
            transition = WORKFLOW.transition(step.transition)
        except KeyError:
            problems.append(_("This action does not exist."))
            break
        if state not in transition.sources:
            problems.append(
                _("“%(action)s” is not possible while the case is “%(status)s”.")
                % {"action": transition.label, "status": WORKFLOW.state_label(state)}
            )
            break
        for spec in transition.inputs:
            given = step.text if spec.name == "reason" else step.inputs.get(spec.name, "")
            if spec.required and not str(given).strip():
                problems.append(_("Please fill in “%(field)s”.") % {"field": spec.label})
        state = transition.target
    return problems


def do_record_past_mission(
    *,
    actor: Any,
    record: PastMission,
    source: str,
    rulebooks: RuleBooks | None = None,
    request: HttpRequest | None = None,
) -> Mission:
    """Record a mission of the bureau's earlier records, with its history (see module doc).

    Checks ``missions.record_past_mission``. Raises ``ValidationError`` (nothing written) when
    the record is inconsistent, when a filing broke a block, or when a warning was not
    accepted before the mission went on. A batch passes one ``rulebooks`` to every call so
    the rules are read once.
    """
    if actor is None or not actor.has_perm("missions.record_past_mission"):
        raise PermissionDenied(_("You may not do this."))
    now = timezone.now()
    problems = check_past_mission(record, now=now)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        writer = _Writer(
            actor=actor,
            record=record,
            source=source,
            now=now,
            books=rulebooks or RuleBooks(RULE_AREA),
        )
        mission = writer.write()
        log_action(
            action="missions.mission.record_past",
            actor=actor,
            obj=mission.case,
            after={
                "reference": mission.case.reference,
                "status": mission.case.status,
                "source": source,
                "created_at": record.created_at,
                "steps": [
                    [s.transition, s.at, getattr(s.actor, "username", None)] for s in record.steps
                ],
                "documents": writer.documents,
            },
            request=request,
        )
    return mission


class _Writer:
    """Writes one recorded mission: the case, the application, then its history in order."""

    def __init__(
        self,
        *,
        actor: Any,
        record: PastMission,
        source: str,
        now: datetime.datetime,
        books: RuleBooks,
    ):
        self.actor, self.record, self.source, self.now = actor, record, source, now
        self.books = books
        self.parts = Parts([], [], [], [])
        self.entries: list[tuple[TimelineEntry, datetime.datetime]] = []
        self.documents: list[str] = []
        self.verdict: Verdict | None = None

    def write(self) -> Mission:
        record = self.record
        kind = get_case_type(CASE_TYPE)
        from waishi.accounts.models import Division

        created_day = timezone.localtime(record.created_at).date()
        case = Case.objects.create(
            reference=next_reference(kind.code, kind.reference_prefix, today=created_day),
            case_type=kind.code,
            status=WORKFLOW.initial,
            agency=record.agency,
            division=Division.objects.filter(code=kind.division_code).first(),
            title=record.title.strip()[:200],
            created_by=record.created_by,
            updated_by=record.created_by,
            assignee=record.assignee,
        )
        mission = self._application(case)
        if record.invitation_letter is not None:
            letter_name, content = record.invitation_letter
            mission.invitation_letter = do_add_attachment(
                case=case,
                actor=record.created_by or self.actor,
                upload=io.BytesIO(content),
                name=letter_name,
            )
        self._entry(
            case,
            record.created_at,
            record.created_by,
            EntryKind.STATUS,
            "",
            to_status=case.status,
            version=1,
        )
        for number, step in enumerate(record.steps, start=2):
            self._step(case, mission, step, version=number)
        self._entry(
            case,
            self.now,
            self.actor,
            EntryKind.NOTE,
            _(
                "Recorded from the bureau's earlier records (%(source)s): the dates and people "
                "above are those of the record."
            )
            % {"source": self.source},
            public=False,
            recorded=False,
        )
        mission.save()
        case.is_open = not WORKFLOW.is_final(case.status)
        case.version = 1 + len(record.steps)
        case.created_at = record.created_at
        case.updated_at = record.steps[-1].at if record.steps else record.created_at
        Case.objects.filter(pk=case.pk).update(
            status=case.status,
            is_open=case.is_open,
            version=case.version,
            updated_by=case.updated_by,
            created_at=case.created_at,
            updated_at=case.updated_at,
        )
        if case.is_open and mission.report_due and mission.report_submitted_at is None:
            # A trip still owing its report runs the report's clock from the day of return.
            start_clock(
                case,
                REPORT_CLOCK,
                start_on=mission.returned_on,
                due_on=mission.report_due,
                record=False,
            )
        self._save_entries()
        return mission

    def _application(self, case: Case) -> Mission:
        record = self.record
        inviter = record.inviter
        mission = Mission.objects.create(
            case=case,
            purpose=record.purpose,
            academic_exchange=record.academic_exchange,
            departure_date=record.departure_date,
            return_date=record.return_date,
            inviter_name=inviter.get("name", "")[:200],
            inviter_country=inviter.get("country", "").upper(),
            inviter_contact=inviter.get("contact", "")[:200],
            inviter_relation=inviter.get("relation", "")[:300],
            inviter_kind=inviter.get("kind", ""),
            planned_mission=record.planned_mission,
            out_of_plan_reason="" if record.planned_mission else record.out_of_plan_reason,
            funding_source=record.funding_source[:200],
            disclosure_start=record.disclosure_start,
            disclosure_end=record.disclosure_end,
            disclosure_place=record.disclosure_place[:200],
        )
        members = MissionMember.objects.bulk_create(
            MissionMember(mission=mission, traveller=t, is_leader=lead, role=role, sort_order=i)
            for i, (t, lead, role) in enumerate(record.members)
        )
        set_case_names(case.pk, [t.name for t, _lead, _role in record.members])
        destinations = Destination.objects.bulk_create(
            Destination(
                mission=mission,
                sort_order=i,
                country=d["country"].upper(),
                city=d.get("city", ""),
                arrive_on=d.get("arrive_on"),
                leave_on=d.get("leave_on"),
                is_transit=bool(d.get("is_transit")),
                airside_only=bool(d.get("is_transit") and d.get("airside_only")),
                tasks=d.get("tasks", ""),
            )
            for i, d in enumerate(record.destinations)
        )
        itinerary = ItineraryItem.objects.bulk_create(
            ItineraryItem(
                mission=mission,
                date=i["date"],
                half=i["half"],
                city=i.get("city", ""),
                activity=i["activity"],
                kind=i["kind"],
            )
            for i in record.itinerary
        )
        budget = BudgetLine.objects.bulk_create(
            BudgetLine(
                mission=mission,
                category=b["category"],
                country=b.get("country", "").upper(),
                city=b.get("city", ""),
                currency=b.get("currency", "CNY").upper(),
                amount=Decimal(str(b["amount"])),
                amount_rmb=Decimal(str(b["amount_rmb"])),
                persons=int(b.get("persons", 1)),
                days=int(b.get("days", 1)),
                note=b.get("note", ""),
            )
            for b in record.budget
        )
        self.parts = Parts(members, destinations, itinerary, budget)
        return mission

    def _step(self, case: Case, mission: Mission, step: PastStep, *, version: int) -> None:
        transition = WORKFLOW.transition(step.transition)
        name, at, day = step.transition, step.at, timezone.localtime(step.at).date()
        if name in FILINGS:
            if self.record.confirmed_by is not None:
                confirmed = at - datetime.timedelta(minutes=30)
                mission.confirmed_by, mission.confirmed_at = self.record.confirmed_by, confirmed
                self._entry(
                    case,
                    confirmed,
                    self.record.confirmed_by,
                    EntryKind.NOTE,
                    _("Confirmed by the agency signatory"),
                )
            self._filing(mission, step, day)
        if name in NEEDS_ACCEPTED_WARNINGS:
            self._accept_warnings(mission, at)
        self._entry(
            case,
            at,
            step.actor,
            EntryKind.STATUS,
            step.text,
            transition=name,
            from_status=case.status,
            to_status=transition.target,
            public=transition.public,
            version=version,
        )
        case.status = transition.target
        case.updated_by = step.actor
        if name in ("return_for_revision", "request_change"):
            mission.confirmed_by, mission.confirmed_at = None, None
        elif name in ("approve", "record_province_approval"):
            mission.approved_at = at
            if name == "record_province_approval":
                mission.province_decision = ProvinceDecision.APPROVED
                mission.province_document_number = step.inputs["document_number"]
            self._document(case, mission, step)
        elif name == "record_province_refusal":
            mission.province_decision = ProvinceDecision.REFUSED
            mission.province_document_number = step.inputs["document_number"]
        elif name == "register_return":
            returned = datetime.date.fromisoformat(step.inputs["returned_on"])
            rule = self.books.on(returned).get(RuleCode.TRIP_REPORT)
            mission.returned_on = returned
            mission.report_due = returned + datetime.timedelta(days=int(rule.value) if rule else 30)
        elif name == "submit_report":
            mission.report = self.record.report
            mission.report_disclosure = self.record.report_disclosure
            mission.report_submitted_at = at

    def _filing(self, mission: Mission, step: PastStep, day: datetime.date) -> None:
        """Record the filing's rule check as of its day; a block refuses the whole record."""
        mission.filed_on = day
        found = check_stored_mission(
            mission, on_date=day, rulebook=self.books.on(day), parts=self.parts
        )
        blocks = [v.message for v in found if v.is_block]
        if blocks:
            raise ValidationError(blocks)
        self.verdict = Verdict.objects.create(
            mission=mission,
            checked_on=day,
            recorded_by=step.actor,
            stage=WORKFLOW.transition(step.transition).target,
            violations=[v.as_dict() for v in found],
        )
        Verdict.objects.filter(pk=self.verdict.pk).update(recorded_at=step.at)

    def _accept_warnings(self, mission: Mission, at: datetime.datetime) -> None:
        verdict = self.verdict
        if verdict is None:
            return
        warnings = [v for v in map(Violation.from_dict, verdict.violations) if not v.is_block]
        if not warnings:
            return
        done = set(verdict.overrides.values_list("rule_code", "message_key"))
        pending = [v for v in warnings if (v.rule_code, v.message_key) not in done]
        if not pending:
            return
        officer, reason = self.record.warnings_accepted_by, self.record.warnings_reason.strip()
        if officer is None or not reason:
            raise ValidationError(
                [
                    _("Warning not yet accepted by an authorised officer: %(message)s")
                    % {"message": v.message}
                    for v in pending
                ]
            )
        accepted_at = at - datetime.timedelta(hours=1)
        for violation in pending:
            override = Override.objects.create(
                verdict=verdict,
                rule_code=violation.rule_code,
                message_key=violation.message_key,
                rule_version_id=violation.rule_version_id,
                reason=reason,
                officer=officer,
            )
            Override.objects.filter(pk=override.pk).update(created_at=accepted_at)
            self._entry(
                mission.case,
                accepted_at,
                officer,
                EntryKind.NOTE,
                _("Warning accepted: %(message)s — %(reason)s")
                % {"message": violation.message, "reason": reason},
                public=False,
            )

    def _document(self, case: Case, mission: Mission, step: PastStep) -> None:
        """Number the approval document and record its facts; the PDF is drawn when asked."""
        approver = step.actor or self.actor
        year, sequence, version = next_number(mission, today=timezone.localtime(step.at).date())
        mission.case = case
        document = ApprovalDocument.objects.create(
            mission=mission,
            year=year,
            sequence=sequence,
            version=version,
            issued_by=approver,
            issued_at=step.at,
            content=document_facts(mission, approver, step.at),
        )
        if version > 1:
            mission.approval_documents.filter(superseded_at__isnull=True).exclude(
                pk=document.pk
            ).update(superseded_at=step.at)
        self.documents.append(f"{document.number} v{version}")
        self._entry(
            case,
            step.at,
            approver,
            EntryKind.DOCUMENT,
            _("Approval document %(number)s issued (version %(version)s).")
            % {"number": document.number, "version": version},
        )

    def _entry(
        self,
        case: Case,
        at: datetime.datetime,
        actor: Any,
        kind: str,
        text: str,
        *,
        public: bool = True,
        transition: str = "",
        from_status: str = "",
        to_status: str = "",
        version: int = 0,
        recorded: bool = True,
    ) -> None:
        """Queue a timeline entry at ``at``; ``recorded`` marks one taken from the record."""
        entry = TimelineEntry(
            case=case,
            kind=kind,
            actor=actor,
            text=text,
            is_public=public,
            transition=transition,
            from_status=from_status,
            to_status=to_status,
            version=version,
            changes={"recorded_from": self.source} if recorded else {},
        )
        self.entries.append((entry, at))

    def _save_entries(self) -> None:
        """Store the timeline; the time of each entry is the record's, set after the insert."""
        rows = TimelineEntry.objects.bulk_create([entry for entry, _at in self.entries])
        times = [
            When(pk=row.pk, then=Value(at))
            for row, (_entry, at) in zip(rows, self.entries, strict=True)
        ]
        TimelineEntry.objects.filter(pk__in=[row.pk for row in rows]).update(
            created_at=SqlCase(*times, output_field=DateTimeField())
        )
