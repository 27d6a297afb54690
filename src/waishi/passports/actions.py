"""Every write to the document register and custody: registering, endorsing, handing out,
taking back, loss and cancellation, and the agency's suspension (through the kernel's agency
standing) that follows unheeded reminders.

Each function takes keyword arguments with an explicit ``actor`` (None for the sweep), checks
the actor's right itself, runs in one transaction, writes its audit event there and sends
notifications there too. Numbers appear masked in audit records.
"""

import datetime
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.cases.attachments import check_upload
from waishi.cases.constants import Business
from waishi.cases.models import Suspension
from waishi.cases.references import next_reference
from waishi.cases.standing import do_impose_suspension, do_lift_suspension, open_suspensions
from waishi.core.validators import (
    DocumentKind,
    check_hk_macao_pass_number,
    check_passport_number,
)
from waishi.core.workdays import add_months

from .constants import (
    CUSTODY_SOURCE,
    CUSTODY_SUSPENDS,
    DEAD_STATUSES,
    REGISTER_KINDS,
    VALIDITY_TERMS,
    DocumentEventKind,
    DocumentStatus,
    HandOutOutcome,
    RuleCode,
)
from .guards import APPROVED_STATES
from .history import record_registration, set_status
from .models import (
    Endorsement,
    HandOut,
    HolderFlag,
    LossReport,
    TravelBar,
    TravelDocument,
)
from .models.bars import in_force_on
from .notices import notify_agency
from .rules import return_due_date
from .standing import custody_suspension_covers, refuse_if_suspended


def _require(actor: Any, permission: str) -> None:
    if actor is None or not actor.has_perm(permission):
        raise PermissionDenied(_("You may not do this."))


def check_document_number(kind: str, number: str) -> str:
    """The number in canonical form if it fits the document kind; ``ValidationError`` if not."""
    if kind == DocumentKind.HK_MACAO_OFFICIAL_PASS:
        return check_hk_macao_pass_number(number)
    return check_passport_number(number, kinds={kind})


def _record(document: TravelDocument) -> dict[str, Any]:
    return {
        "kind": document.kind,
        "number": document.masked_number,
        "holder": document.holder_id,
        "status": document.status,
        "expiry_date": document.expiry_date.isoformat(),
    }


def do_register_document(
    *,
    actor: Any,
    kind: str,
    number: str,
    holder: Any,
    issue_date: datetime.date,
    expiry_date: datetime.date,
    issuing_authority: str,
    custodian: Any = None,
    request: HttpRequest | None = None,
    _checked: bool = False,
) -> TravelDocument:
    """Enter a document in the register, in custody. Checks ``passports.manage_register``.

    The number must fit the kind's format and must not already be registered; the expiry
    must follow the issue date.
    """
    if not _checked:
        _require(actor, "passports.manage_register")
    if kind not in {str(k) for k in REGISTER_KINDS}:
        raise ValidationError(_("This kind of document is not kept in the register."))
    canonical = check_document_number(kind, number)
    if expiry_date <= issue_date:
        raise ValidationError(_("The date of expiry must come after the date of issue."))
    with transaction.atomic():
        if TravelDocument.objects.pii_exact(number=canonical).exists():
            raise ValidationError(_("A document with this number is already registered."))
        today = timezone.localdate()
        document = TravelDocument.objects.create(
            kind=kind,
            number=canonical,
            holder=holder,
            issue_date=issue_date,
            expiry_date=expiry_date,
            issuing_authority=issuing_authority.strip()[:120],
            custodian=custodian or holder.agency,
            status=DocumentStatus.EXPIRED if expiry_date < today else DocumentStatus.IN_CUSTODY,
            status_changed_on=today,
        )
        record_registration(document=document, actor=actor, on=today)
        log_action(
            action="passports.document.register",
            actor=actor,
            obj=document,
            after=_record(document),
            request=request,
        )
    return document


def do_add_endorsement(
    *,
    actor: Any,
    document: TravelDocument,
    kind: str,
    validity: str,
    valid_from: datetime.date,
    request: HttpRequest | None = None,
) -> Endorsement:
    """Record an endorsement on an official Hong Kong/Macao pass. Checks ``manage_register``."""
    _require(actor, "passports.manage_register")
    if not document.is_pass:
        raise ValidationError(_("Endorsements are recorded on Hong Kong and Macao passes only."))
    if validity not in VALIDITY_TERMS:
        raise ValidationError(_("Choose the validity of the endorsement."))
    months = VALIDITY_TERMS[validity][0]
    valid_until = add_months(valid_from, months) - datetime.timedelta(days=1)
    with transaction.atomic():
        endorsement = Endorsement.objects.create(
            document=document,
            kind=kind,
            validity=validity,
            valid_from=valid_from,
            valid_until=valid_until,
        )
        log_action(
            action="passports.endorsement.add",
            actor=actor,
            obj=document,
            after={
                "endorsement": endorsement.pk,
                "kind": kind,
                "validity": validity,
                "valid_until": valid_until.isoformat(),
            },
            request=request,
        )
    return endorsement


def _next_receipt() -> str:
    return next_reference("pp.receipt", "BG")


def do_hand_out(
    *,
    actor: Any,
    document: TravelDocument,
    mission: Any,
    handed_to: str,
    request: HttpRequest | None = None,
) -> HandOut:
    """Sign a document out of custody for an approved mission. Checks ``manage_custody``.

    The holder must be a member of the mission and the document in custody and valid. The
    due date is the day of return + the return days (rule as data).
    """
    _require(actor, "passports.manage_custody")
    handed_to = handed_to.strip()
    if not handed_to:
        raise ValidationError(_("Name the person who signs for the document."))
    with transaction.atomic():
        locked = TravelDocument.objects.select_for_update().get(pk=document.pk)
        if mission.case.status not in APPROVED_STATES:
            raise ValidationError(_("Documents are handed out only for an approved mission."))
        if not mission.members.filter(traveller_id=locked.holder_id).exists():
            raise ValidationError(_("The holder is not a member of this mission."))
        if locked.status != DocumentStatus.IN_CUSTODY:
            raise ValidationError(
                _("The document is not in custody (it is “%(status)s”).")
                % {"status": locked.get_status_display()}
            )
        if mission.departure_date is None or mission.days_abroad is None:
            raise ValidationError(_("The mission has no approved dates."))
        refuse_if_suspended(mission.case.agency_id, Business.HAND_OUT)
        if TravelBar.objects.filter(
            in_force_on(timezone.localdate()), holder_id=locked.holder_id
        ).exists():
            raise ValidationError(
                _("The holder is barred from official travel; the document stays in custody.")
            )
        if locked.expiry_date < mission.return_date:
            raise ValidationError(_("The document expires before the end of the trip."))
        due, rule = return_due_date(mission.return_date)
        today = timezone.localdate()
        out = HandOut.objects.create(
            document=locked,
            mission=mission,
            agency_id=mission.case.agency_id,
            receipt_number=_next_receipt(),
            handed_to=handed_to[:60],
            handed_out_by=actor,
            handed_out_at=timezone.now(),
            due_date=due,
            due_rule_id=rule.rule_id,
        )
        set_status(
            document=locked,
            status=DocumentStatus.OUT,
            on=today,
            kind=DocumentEventKind.HANDED_OUT,
            actor=actor,
            hand_out=out,
        )
        log_action(
            action="passports.document.hand_out",
            actor=actor,
            obj=locked,
            after={
                "receipt": out.receipt_number,
                "mission": mission.case.reference,
                "handed_to": out.handed_to,
                "due_date": due.isoformat(),
                "rule": rule.rule_id,
            },
            request=request,
        )
    return out


def do_return_document(
    *,
    actor: Any,
    hand_out: HandOut,
    returned_by: str,
    returned_on: datetime.date | None = None,
    entries_used: int = 0,
    request: HttpRequest | None = None,
) -> HandOut:
    """Take a document back into custody. Checks ``passports.manage_custody``.

    For a pass, ``entries_used`` is added to the endorsement valid on the trip. If the
    agency was suspended and nothing overdue is left out, the suspension is lifted.
    """
    _require(actor, "passports.manage_custody")
    day = returned_on or timezone.localdate()
    with transaction.atomic():
        out = HandOut.objects.select_for_update().select_related("mission").get(pk=hand_out.pk)
        if out.closed_on is not None:
            raise ValidationError(_("This document has already been returned."))
        if day > timezone.localdate():
            raise ValidationError(_("The return date cannot be in the future."))
        document = TravelDocument.objects.select_for_update().get(pk=out.document_id)
        if day < timezone.localtime(out.handed_out_at).date():
            raise ValidationError(_("The return date cannot come before the hand-out."))
        out.closed_on = day
        out.outcome = HandOutOutcome.RETURNED
        out.returned_by = (returned_by.strip() or out.handed_to)[:60]
        out.received_by = actor
        out.save(update_fields=["closed_on", "outcome", "returned_by", "received_by"])
        set_status(
            document=document,
            status=(
                DocumentStatus.EXPIRED if document.expiry_date < day else DocumentStatus.IN_CUSTODY
            ),
            on=day,
            kind=DocumentEventKind.RETURNED,
            actor=actor,
            hand_out=out,
        )
        if entries_used and document.is_pass:
            endorsement = (
                document.endorsements.filter(
                    valid_from__lte=out.mission.departure_date or day,
                    valid_until__gte=out.mission.departure_date or day,
                )
                .select_for_update()
                .first()
            )
            if endorsement is not None:
                endorsement.entries_used += max(int(entries_used), 0)
                endorsement.save(update_fields=["entries_used", "updated_at"])
        log_action(
            action="passports.document.return",
            actor=actor,
            obj=document,
            after={
                "receipt": out.receipt_number,
                "returned_on": day.isoformat(),
                "due_date": out.due_date.isoformat(),
                "late_days": max((day - out.due_date).days, 0),
            },
            request=request,
        )
        release_agency_if_clear(agency_id=out.agency_id, actor=actor)
    return out


def do_report_loss(
    *,
    actor: Any,
    document: TravelDocument,
    lost_on: datetime.date,
    place: str,
    circumstances: str,
    police_report: IO[bytes],
    police_report_name: str,
    request: HttpRequest | None = None,
) -> LossReport:
    """Report a document lost, with the police report. Checks ``passports.report_loss``.

    The caller has fetched the document through ``documents_visible_to`` (an agency reports
    only its own people's). The document is marked lost, the holder flagged, an open hand-out
    closed as lost (which may lift a suspension), and the division cancels it afterwards.
    """
    _require(actor, "passports.report_loss")
    if not place.strip() or not circumstances.strip():
        raise ValidationError(_("Say where and how the document was lost."))
    if lost_on > timezone.localdate():
        raise ValidationError(_("The date of the loss cannot be in the future."))
    checked = check_upload(police_report, police_report_name)
    with transaction.atomic():
        locked = TravelDocument.objects.select_for_update().get(pk=document.pk)
        if locked.status in DEAD_STATUSES:
            raise ValidationError(_("This document is already lost, cancelled or expired."))
        report = LossReport(
            document=locked,
            lost_on=lost_on,
            place=place.strip()[:200],
            circumstances=circumstances.strip(),
            police_report_name=checked.name,
            police_report_type=checked.content_type,
            police_report_sha256=checked.sha256,
            reported_by=actor,
        )
        report.police_report.save(checked.name, File(police_report), save=False)
        try:
            report.save()
        except Exception:
            report.police_report.delete(save=False)
            raise
        HolderFlag.objects.create(
            holder_id=locked.holder_id,
            loss_report=report,
            reason=_("Lost %(kind)s %(number)s on %(day)s.")
            % {
                "kind": locked.get_kind_display(),
                "number": locked.masked_number,
                "day": lost_on.isoformat(),
            },
        )
        agency_ids = []
        open_out = None
        for out in HandOut.objects.select_for_update().filter(
            document=locked, closed_on__isnull=True
        ):
            out.closed_on = timezone.localdate()
            out.outcome = HandOutOutcome.LOST
            out.save(update_fields=["closed_on", "outcome"])
            agency_ids.append(out.agency_id)
            open_out = out
        set_status(
            document=locked,
            status=DocumentStatus.LOST,
            on=timezone.localdate(),
            kind=DocumentEventKind.LOST,
            actor=actor,
            hand_out=open_out,
        )
        log_action(
            action="passports.document.report_loss",
            actor=actor,
            obj=locked,
            after={
                "number": locked.masked_number,
                "lost_on": lost_on.isoformat(),
                "police_report_sha256": checked.sha256,
            },
            request=request,
        )
        for agency_id in agency_ids:
            release_agency_if_clear(agency_id=agency_id, actor=actor)
    return report


def do_cancel_document(
    *, actor: Any, document: TravelDocument, reason: str, request: HttpRequest | None = None
) -> TravelDocument:
    """Cancel a document (lost, surrendered, damaged). Checks ``passports.manage_register``."""
    _require(actor, "passports.manage_register")
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Give the reason for the cancellation."))
    with transaction.atomic():
        locked = TravelDocument.objects.select_for_update().get(pk=document.pk)
        if locked.status == DocumentStatus.CANCELLED:
            raise ValidationError(_("This document is already cancelled."))
        if locked.status in (DocumentStatus.OUT, DocumentStatus.AT_VISA):
            raise ValidationError(_("The document must be back in custody to be cancelled."))
        before = locked.status
        locked.cancelled_reason = reason[:300]
        locked.save(update_fields=["cancelled_reason", "updated_at"])
        set_status(
            document=locked,
            status=DocumentStatus.CANCELLED,
            on=timezone.localdate(),
            kind=DocumentEventKind.CANCELLED,
            actor=actor,
        )
        log_action(
            action="passports.document.cancel",
            actor=actor,
            obj=locked,
            before={"status": before},
            after={"status": locked.status, "number": locked.masked_number},
            reason=reason,
            request=request,
        )
    return locked


# Suspensions (agency standing, through the kernel) ---------------------------------------


def overdue_text(outs: list[HandOut]) -> str:
    """The reasons of a custody suspension: every overdue document, and how to lift it."""
    lines = [
        _(
            "%(kind)s %(number)s of %(holder)s (mission %(reference)s) was due back on "
            "%(due)s and has not been returned after %(reminders)d reminders."
        )
        % {
            "kind": out.document.get_kind_display(),
            "number": out.document.masked_number,
            "holder": out.document.holder.name,
            "reference": out.mission.case.reference,
            "due": out.due_date.isoformat(),
            "reminders": out.reminders_sent,
        }
        for out in outs
    ]
    lines.append(_("Return it to the Passport & Visa Division to lift the suspension."))
    return " ".join(lines)


def _overdue(agency_id: int, day: datetime.date) -> list[HandOut]:
    return list(
        HandOut.objects.filter(agency_id=agency_id, closed_on__isnull=True, due_date__lt=day)
        .select_related("document__holder", "mission__case")
        .order_by("due_date", "id")
    )


def lock_agency(
    *, agency_id: int, reason: str, rule_id: int | None, today: datetime.date
) -> Suspension:
    """Suspend an agency through the kernel (called by the custody sweep in its transaction).

    ``reason`` is used when no document is overdue on ``today`` (a sweep run for a past day).
    """
    from waishi.accounts.models import Agency
    from waishi.cases.models import Rule

    outs = _overdue(agency_id, today)
    text = overdue_text(outs) if outs else reason
    rule = Rule.objects.filter(pk=rule_id).first() if rule_id is not None else None
    # What the suspension covers is data too (Guangdong: filings, approvals, hand-outs,
    # issuance and visas).
    businesses, _covers = custody_suspension_covers(today)
    suspension, created = do_impose_suspension(
        agency=agency_id,
        source=CUSTODY_SOURCE,
        reasons=text,
        case_types=CUSTODY_SUSPENDS,
        businesses=businesses,
        rule_citation=rule.citation if rule is not None else "",
        rule_code=str(RuleCode.REMINDERS_BEFORE_LOCK),
        actor_label="sweep_custody",
    )
    if created:
        agency = Agency.objects.get(pk=agency_id)
        notify_agency(agency, locked=True, reason=text)
    return suspension


def release_agency_if_clear(*, agency_id: int, actor: Any = None) -> bool:
    """Lift the agency's suspension once none of its documents is out past its due date.

    Called inside the transaction that returned (or closed) a document; returns True when
    a suspension was lifted. While other documents are still overdue, the suspension stays
    and its reasons name only those.
    """
    current = open_suspensions(agency_id).filter(source=CUSTODY_SOURCE).first()
    if current is None:
        return False
    still_out = _overdue(agency_id, timezone.localdate())
    if still_out:
        do_impose_suspension(
            agency=agency_id,
            source=CUSTODY_SOURCE,
            reasons=overdue_text(still_out),
            case_types=current.case_types,
            businesses=current.businesses,
            rule_citation=current.rule_citation,
            rule_code=current.rule_code,
            actor=actor,
            actor_label="" if actor is not None else "sweep_custody",
        )
        return False
    do_lift_suspension(
        suspension=current,
        reason=_("Every overdue document is back in custody."),
        actor=actor,
        actor_label="" if actor is not None else "sweep_custody",
        check_permission=False,
    )
    from waishi.accounts.models import Agency

    agency = Agency.objects.get(pk=agency_id)
    notify_agency(agency, locked=False, reason="")
    return True
