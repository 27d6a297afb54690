"""Writing the award: rounds, nominations, the checks, the motion, the title and its status.

Every action checks its right, runs in one transaction with its audit event and leaves the
notifications to the kernel (after commit). Status changes of a nomination go through the
workflow engine (``workflow.py``); its effects call the helpers below.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.cases.actions import do_add_timeline_entry, do_create_case
from waishi.cases.constants import DueUnit, EntryKind, StepBody, StepStatus
from waishi.cases.models import Case, ExternalStep
from waishi.cases.names import set_case_names
from waishi.cases.refusals import Refused, Stale
from waishi.cases.steps import Due, do_record_answer, do_send_step
from waishi.registers.constants import PersonKind
from waishi.registers.models import Person
from waishi.registers.models.people import split_codes

from . import rules
from .constants import (
    CASE_TYPE,
    CHECK_BODY_NAMES,
    ROUTING,
    STANDING_COMMITTEE,
    TAIWAN_OFFICE,
    CheckBody,
    CitizenStatus,
    Criterion,
    ExclusionGround,
    NominatedBy,
    NomineeType,
    RoundStatus,
    RuleCode,
)
from .models import AnnualContact, HonoraryCitizen, HonoraryRound, Nomination


@dataclass(frozen=True)
class NomineeIn:
    """The nominee as the nomination form gives them."""

    name: str
    sex: str
    date_of_birth: datetime.date
    nationalities: str
    foreign_names: str = ""
    organisation_name: str = ""
    post: str = ""


@dataclass(frozen=True)
class NominationIn:
    """What a nomination says besides the nominee."""

    nominee_type: str
    criteria: list[str]
    contribution: str
    consent_on: datetime.date | None
    consent_note: str
    nominator_name: str = ""
    publish_consent: bool = False
    donations: Decimal | None = None
    investment: Decimal | None = None
    citation: str = ""
    citation_en: str = ""


# Rounds -----------------------------------------------------------------------------------


def do_open_round(
    *,
    actor: Any,
    number: int,
    title: str,
    title_en: str,
    call_opened_on: datetime.date,
    deadline: datetime.date,
    request: HttpRequest | None = None,
) -> HonoraryRound:
    """Open a round's call for nominations.

    Checks ``honours.manage_rounds``. Refuses a deadline before the call, a round number
    already used, and a call sooner after the last round's than the rule's interval (every
    2 years by default); nothing is written then.
    """
    if not actor.has_perm("honours.manage_rounds"):
        raise PermissionDenied
    reasons = []
    if not title.strip() or not title_en.strip():
        reasons.append(_("Give the round's title in Chinese and in English."))
    if deadline < call_opened_on:
        reasons.append(_("Nominations cannot close before the call opens."))
    with transaction.atomic():
        if HonoraryRound.objects.filter(number=number).exists():
            reasons.append(_("Round %(number)s already exists.") % {"number": number})
        last = (
            HonoraryRound.objects.select_for_update()
            .order_by("-call_opened_on", "-id")
            .values_list("call_opened_on", flat=True)
            .first()
        )
        reasons += rules.check_interval(last, call_opened_on)
        if reasons:
            raise ValidationError(reasons)
        interval = rules.rule_value(RuleCode.ROUND_INTERVAL, call_opened_on)
        round_ = HonoraryRound.objects.create(
            number=number,
            title=title.strip(),
            title_en=title_en.strip(),
            call_opened_on=call_opened_on,
            deadline=deadline,
            interval_rule_id=interval.rule_id,
            created_by=actor,
        )
        log_action(
            action="honours.round.open",
            actor=actor,
            obj=round_,
            after={
                "number": number,
                "call_opened_on": call_opened_on.isoformat(),
                "deadline": deadline.isoformat(),
            },
            request=request,
        )
    return round_


def _locked_round(round_pk: int, expected_version: int | None) -> HonoraryRound:
    round_ = HonoraryRound.objects.select_for_update().get(pk=round_pk)
    if expected_version is not None and round_.version != expected_version:
        raise Stale(round_, expected_version)
    return round_


def do_close_call(
    *,
    actor: Any,
    round_: HonoraryRound,
    expected_version: int | None = None,
    request: HttpRequest | None = None,
) -> HonoraryRound:
    """Close a round's call: no more nominations. Checks ``honours.manage_rounds``."""
    if not actor.has_perm("honours.manage_rounds"):
        raise PermissionDenied
    with transaction.atomic():
        locked = _locked_round(round_.pk, expected_version)
        if locked.status != RoundStatus.OPEN:
            raise ValidationError(_("The call of this round is not open."))
        locked.status = RoundStatus.CLOSED
        locked.version += 1
        locked.save(update_fields=["status", "version", "updated_at"])
        log_action(
            action="honours.round.close",
            actor=actor,
            obj=locked,
            after={"status": "closed"},
            request=request,
        )
    return locked


# Nominations ------------------------------------------------------------------------------


def check_nomination(round_: HonoraryRound, data: NominationIn, today: datetime.date) -> list[str]:
    """Reasons a nomination may not be filed (translated); empty when it may."""
    reasons = []
    if not round_.is_open or today > round_.deadline:
        reasons.append(
            _("The call of %(round)s is closed (deadline %(deadline)s).")
            % {"round": round_.title, "deadline": round_.deadline.isoformat()}
        )
    if today < round_.call_opened_on:
        reasons.append(_("The call of this round is not open yet."))
    if data.consent_on is None or not data.consent_note.strip():
        reasons.append(
            _(
                "A nomination needs the nominee's consent: record the day and how it was given "
                "(for example the signed consent form)."
            )
        )
    elif data.consent_on > today:
        reasons.append(_("The nominee's consent cannot be dated in the future."))
    if data.nominee_type not in NomineeType.values:
        reasons.append(
            _("Say whether the nominee is an overseas Chinese, a compatriot or a foreigner.")
        )
    criteria = [c for c in data.criteria if c in Criterion.values]
    if not criteria or len(criteria) != len(data.criteria):
        reasons.append(_("Choose at least one of the award's criteria."))
    if not data.contribution.strip():
        reasons.append(_("Describe the nominee's contribution and its evidence."))
    for amount in (data.donations, data.investment):
        if amount is not None and amount < 0:
            reasons.append(_("Amounts cannot be negative."))
    reasons += rules.check_thresholds(
        criteria=criteria, donations=data.donations, investment=data.investment, on=today
    )
    return reasons


def _register(nominee: NomineeIn) -> Person:
    row = Person(
        agency=None,
        kinds=PersonKind.NOMINEE,
        name=nominee.name.strip(),
        foreign_names=nominee.foreign_names.strip(),
        sex=nominee.sex,
        date_of_birth=nominee.date_of_birth,
        nationalities=",".join(split_codes(nominee.nationalities)),
        organisation_name=nominee.organisation_name.strip(),
        post=nominee.post.strip(),
    )
    row.full_clean()
    row.save()
    return row


def routed_division(nominee_type: str) -> Any:
    """The division that works a nomination of this kind of nominee (``constants.ROUTING``)."""
    from waishi.accounts.models import Division

    return Division.objects.filter(code=ROUTING[NomineeType(nominee_type)]).first()


def do_file_nomination(
    *,
    actor: Any,
    round_: HonoraryRound,
    nominee: NomineeIn,
    data: NominationIn,
    agency: Any = None,
    self_nomination: bool = False,
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """File a nomination (case RY), routed to the division its nominee belongs to.

    A unit's nomination: an agency's liaison officer or signatory (for their agency) or the
    divisions (``honours.file_nomination``, a paper nomination from a unit). A
    self-nomination: an applicant (``honours.self_nominate``), through the applicants' filing.
    Refused without the nominee's recorded consent, after the round's deadline, without a
    criterion, and below a money threshold a jurisdiction set; nothing is written then.
    """
    permission = "honours.self_nominate" if self_nomination else "honours.file_nomination"
    if not actor.has_perm(permission):
        raise PermissionDenied
    if not self_nomination and actor.agency_id is not None:
        agency = actor.agency
    today = timezone.localdate()
    reasons = check_nomination(round_, data, today)
    if self_nomination:
        nominator = nominee.name.strip()
    else:
        nominator = data.nominator_name.strip() or (str(agency) if agency is not None else "")
        if not nominator:
            reasons.append(_("Name the nominating unit."))
    if reasons:
        raise ValidationError(reasons)
    division = routed_division(data.nominee_type)
    title = _("Honorary citizen nomination: %(name)s") % {"name": nominee.name.strip()}

    consent_on = data.consent_on
    assert consent_on is not None

    def build(case: Case) -> None:
        if division is not None and case.division_id != division.pk:
            Case.objects.filter(pk=case.pk).update(division=division)
            case.division = division
        Nomination.objects.create(
            case=case,
            round=round_,
            person=_register(nominee),
            nominee_type=data.nominee_type,
            nominated_by=NominatedBy.SELF if self_nomination else NominatedBy.UNIT,
            nominator_name=nominator[:200],
            criteria=list(data.criteria),
            contribution=data.contribution.strip(),
            citation=data.citation.strip(),
            citation_en=data.citation_en.strip(),
            donations=data.donations,
            investment=data.investment,
            consent_on=consent_on,
            consent_note=data.consent_note.strip(),
            publish_consent=data.publish_consent,
        )
        names = [nominee.name.strip()]
        if nominee.foreign_names.strip():
            names.append(nominee.foreign_names.strip())
        set_case_names(case.pk, names)

    with transaction.atomic():
        try:
            locked = HonoraryRound.objects.select_for_update().get(pk=round_.pk)
            late = check_nomination(locked, data, today)
            if late:
                raise ValidationError(late)
            if self_nomination:
                from waishi.cases.applications import file_for_applicant

                case = file_for_applicant(
                    actor=actor,
                    case_type=CASE_TYPE,
                    title=title[:200],
                    build_detail=build,
                    idempotency_key=idempotency_key,
                    request=request,
                )
            else:
                if agency is None:
                    raise ValidationError(_("Choose the nominating unit's agency."))
                case = do_create_case(
                    actor=actor,
                    case_type=CASE_TYPE,
                    agency=agency,
                    title=title[:200],
                    division=division,
                    build_detail=build,
                    idempotency_key=idempotency_key,
                    request=request,
                )
        except Refused as refused:
            raise ValidationError(refused.reasons) from None
        if getattr(case, "replayed", False):
            return case
    return case


def _send_step(
    case: Case,
    actor: Any,
    body: str,
    body_name: str,
    text: str,
    *,
    due: Due | None = None,
    sent_on: datetime.date | None = None,
) -> ExternalStep:
    """Send an external step; the check days of the rules engine set its due day by default."""
    sent_on = sent_on or timezone.localdate()
    if due is None:
        days = rules.rule_value(RuleCode.CHECK_DAYS, sent_on)
        due = Due(DueUnit.DAYS, count=int(days.value))
    return do_send_step(
        case=case,
        actor=actor,
        body=body,
        body_name=body_name,
        request_text=text,
        sent_on=sent_on,
        due=due,
    )


def send_background_checks(case: Case, actor: Any) -> None:
    """Ask the police, market regulation, tax and customs to verify the nominee (30 days).

    A Taiwan compatriot's nomination also goes to the city's Taiwan office for its opinion.
    """
    nomination = case.nomination  # type: ignore[attr-defined]
    name = nomination.person.name
    if nomination.nominee_type == NomineeType.TAIWAN:
        _send_step(
            case,
            actor,
            StepBody.OTHER,
            str(TAIWAN_OFFICE),
            _("Give the Taiwan office's opinion on the nomination of %(name)s.") % {"name": name},
        )
    for body in CheckBody:
        _send_step(
            case,
            actor,
            StepBody.POLICE if body == CheckBody.POLICE else StepBody.OTHER,
            str(CHECK_BODY_NAMES[body]),
            _("Verify %(name)s, nominated for Honorary Citizen of Zhaoqing.") % {"name": name},
        )


def send_motion_step(
    case: Case, actor: Any, motion_on: datetime.date, session_on: datetime.date
) -> None:
    """The motion before the standing committee: an external step due on its session."""
    name = case.nomination.person.name  # type: ignore[attr-defined]
    _send_step(
        case,
        actor,
        StepBody.PEOPLES_CONGRESS,
        str(STANDING_COMMITTEE),
        _("Decide on conferring the title of Honorary Citizen of Zhaoqing on %(name)s.")
        % {"name": name},
        due=Due(DueUnit.DATE, on=session_on),
        sent_on=motion_on,
    )


def answer_motion_step(case: Case, actor: Any, on: datetime.date, number: str) -> None:
    """Record the standing committee's decision as the answer to the motion's step."""
    step = (
        ExternalStep.objects.filter(
            case_id=case.pk, body=StepBody.PEOPLES_CONGRESS, status=StepStatus.WAITING
        )
        .order_by("-sent_on", "-id")
        .first()
    )
    if step is None:
        return
    do_record_answer(
        case=case,
        step_pk=step.pk,
        actor=actor,
        answered_on=max(on, step.sent_on),
        answer_text=_("Decision %(number)s of %(on)s.") % {"number": number, "on": on.isoformat()},
        their_reference=number,
    )


def confer_title(case: Case, actor: Any, on: datetime.date, number: str) -> HonoraryCitizen:
    """The standing committee conferred the title: the honorary citizen and the certificate."""
    answer_motion_step(case, actor, on, number)
    nomination = Nomination.objects.select_related("person", "round").get(case_id=case.pk)
    citizen = HonoraryCitizen.objects.create(
        nomination=nomination,
        person=nomination.person,
        conferred_on=on,
        decision_number=number,
        status=CitizenStatus.ACTIVE,
        status_on=on,
        publish_consent=nomination.publish_consent,
    )
    from .certificates import issue_certificate

    issue_certificate(case, citizen, actor)
    log_action(
        action="honours.citizen.confer",
        actor=actor,
        obj=citizen,
        after={"case": case.reference, "decision": number, "on": on.isoformat()},
    )
    return citizen


# The public notice --------------------------------------------------------------------------


def do_publish_notice(
    *,
    actor: Any,
    round_: HonoraryRound,
    notice_from: datetime.date,
    expected_version: int | None = None,
    request: HttpRequest | None = None,
) -> HonoraryRound:
    """Publish the round's public notice on the portal and put its recommended nominees on it.

    Checks ``honours.manage_rounds``. The notice runs ``notice_days`` days (rule data) from
    ``notice_from`` included; the portal page is generated from the round in Simplified
    Chinese (Traditional follows on publishing) and English. Refused before the call closed,
    with no recommended nominee, or once published; nothing is written then.
    """
    from waishi.cases.actions import do_transition

    from .notice import publish_notice_page

    if not actor.has_perm("honours.manage_rounds"):
        raise PermissionDenied
    with transaction.atomic():
        locked = _locked_round(round_.pk, expected_version)
        if locked.status == RoundStatus.OPEN:
            raise ValidationError(_("Close the call before the public notice."))
        if locked.notice_page_id is not None:
            raise ValidationError(_("The public notice of this round is already published."))
        recommended = list(
            Nomination.objects.filter(round=locked, case__status="recommended")
            .select_related("case", "person")
            .order_by("case__reference")
        )
        if not recommended:
            raise ValidationError(_("No nominee of this round is recommended yet."))
        days = int(rules.rule_value(RuleCode.NOTICE_DAYS, notice_from).value)
        locked.notice_from = notice_from
        locked.notice_to = notice_from + datetime.timedelta(days=days - 1)
        locked.notice_page_id = publish_notice_page(locked, recommended).pk
        locked.status = RoundStatus.NOTICE
        locked.version += 1
        locked.save()
        for nomination in recommended:
            do_transition(case=nomination.case, transition="start_notice", actor=actor)
        log_action(
            action="honours.round.notice",
            actor=actor,
            obj=locked,
            after={
                "notice_from": locked.notice_from.isoformat(),
                "notice_to": locked.notice_to.isoformat(),
                "page": locked.notice_page_id,
                "nominees": [n.case.reference for n in recommended],
            },
            request=request,
        )
    return locked


# Honorary citizens --------------------------------------------------------------------------


def _locked_citizen(citizen: HonoraryCitizen, actor: Any, expected_version: int | None) -> Any:
    if not actor.has_perm("honours.manage_citizens"):
        raise PermissionDenied
    locked = (
        HonoraryCitizen.objects.select_for_update()
        .select_related("nomination__case", "person")
        .get(pk=citizen.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise Stale(locked, expected_version)
    return locked


def _day_reasons(on: datetime.date, citizen: HonoraryCitizen) -> list[str]:
    if on > timezone.localdate():
        return [_("The date cannot be in the future.")]
    if on < citizen.conferred_on:
        return [_("The date cannot be before the title was conferred.")]
    return []


def do_change_status(
    *,
    actor: Any,
    citizen: HonoraryCitizen,
    status: str,
    on: datetime.date,
    reason: str,
    ground: str = "",
    decision: str = "",
    expected_version: int | None = None,
    request: HttpRequest | None = None,
) -> HonoraryCitizen:
    """Revoke or end a title, or record a holder's death. Checks ``honours.manage_citizens``.

    A revocation and an ending at the holder's request are decisions of the same body that
    conferred the title (the standing committee): its decision number is required, and a
    revocation names one of the exclusion grounds. Only an active title changes; refused
    otherwise, writing nothing. A revoked or ended title's certificate is revoked too.
    """
    reasons = []
    if status not in (CitizenStatus.REVOKED, CitizenStatus.ENDED, CitizenStatus.DECEASED):
        reasons.append(_("Choose what happened to the title."))
    if not reason.strip():
        reasons.append(_("Give the reasons."))
    if status in (CitizenStatus.REVOKED, CitizenStatus.ENDED) and not decision.strip():
        reasons.append(
            _(
                "A title is revoked or ended only by a decision of the standing committee that "
                "conferred it: give the decision's number."
            )
        )
    if status == CitizenStatus.REVOKED and ground not in ExclusionGround.values:
        reasons.append(_("Name the ground for revocation."))
    if reasons:
        raise ValidationError(reasons)
    with transaction.atomic():
        locked = _locked_citizen(citizen, actor, expected_version)
        if locked.status != CitizenStatus.ACTIVE:
            raise ValidationError(_("Only an active title can change."))
        day_reasons = _day_reasons(on, locked)
        if day_reasons:
            raise ValidationError(day_reasons)
        before = {"status": locked.status}
        locked.status = status
        locked.status_on = on
        locked.status_reason = reason.strip()
        locked.revocation_ground = ground if status == CitizenStatus.REVOKED else ""
        locked.status_decision = decision.strip()
        locked.version += 1
        locked.save()
        case = locked.nomination.case
        do_add_timeline_entry(
            case=case,
            actor=actor,
            kind=EntryKind.NOTE,
            text=_("Title %(status)s on %(on)s (%(decision)s): %(reason)s")
            % {
                "status": CitizenStatus(status).label,
                "on": on.isoformat(),
                "decision": decision.strip() or "—",
                "reason": reason.strip(),
            },
            is_public=False,
        )
        if status in (CitizenStatus.REVOKED, CitizenStatus.ENDED):
            from .certificates import revoke_certificate

            revoke_certificate(case, actor, reason.strip())
        log_action(
            action=f"honours.citizen.{'revoke' if status == CitizenStatus.REVOKED else status}",
            actor=actor,
            obj=locked,
            before=before,
            after={
                "status": status,
                "on": on.isoformat(),
                "ground": locked.revocation_ground,
                "decision": locked.status_decision,
            },
            reason=reason.strip(),
            request=request,
        )
    return locked


def do_record_ceremony(
    *,
    actor: Any,
    citizen: HonoraryCitizen,
    on: datetime.date,
    place: str,
    expected_version: int | None = None,
    request: HttpRequest | None = None,
) -> HonoraryCitizen:
    """Record the ceremony where the certificate was presented. Checks ``manage_citizens``."""
    if not place.strip():
        raise ValidationError(_("Give the ceremony's place."))
    with transaction.atomic():
        locked = _locked_citizen(citizen, actor, expected_version)
        if on < locked.conferred_on:
            raise ValidationError(_("The date cannot be before the title was conferred."))
        locked.ceremony_on, locked.ceremony_place = on, place.strip()
        locked.version += 1
        locked.save(update_fields=["ceremony_on", "ceremony_place", "version", "updated_at"])
        log_action(
            action="honours.citizen.ceremony",
            actor=actor,
            obj=locked,
            after={"on": on.isoformat(), "place": locked.ceremony_place},
            request=request,
        )
    return locked


def do_record_contact(
    *,
    actor: Any,
    citizen: HonoraryCitizen,
    contacted_on: datetime.date,
    channel: str,
    note: str = "",
    request: HttpRequest | None = None,
) -> AnnualContact:
    """Record the year's contact with an honorary citizen. Checks ``manage_citizens``."""
    if not channel.strip():
        raise ValidationError(_("Say how the contact was made."))
    with transaction.atomic():
        locked = _locked_citizen(citizen, actor, None)
        reasons = _day_reasons(contacted_on, locked)
        if reasons:
            raise ValidationError(reasons)
        contact = AnnualContact.objects.create(
            citizen=locked,
            year=contacted_on.year,
            contacted_on=contacted_on,
            channel=channel.strip(),
            note=note.strip(),
            recorded_by=actor,
        )
        log_action(
            action="honours.citizen.contact",
            actor=actor,
            obj=locked,
            after={"contact": contact.pk, "on": contacted_on.isoformat()},
            request=request,
        )
    return contact
