"""Writing complaints: recording and filing them, the transitions' effects, hearings, ratings.

Every action checks its right, runs in one transaction with its audit event and leaves the
notifications to the kernel (after commit). Status changes go through the workflow engine,
whose effects (the functions below taking ``case, actor, inputs``) write the complaint's own
fields, clocks, transfers and written notices inside the transition's transaction.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.cases.actions import do_create_case
from waishi.cases.clocks import move_clock, pause_clock, resume_clock, start_clock, stop_clock
from waishi.cases.constants import ClockState, DueUnit, StepBody, StepStatus
from waishi.cases.models import Case, Clock, ExternalStep
from waishi.cases.names import set_case_names
from waishi.cases.refusals import TransitionRefused
from waishi.cases.steps import Due, do_send_step, do_withdraw_step
from waishi.registers.constants import PersonKind
from waishi.registers.models import Person

from . import documents
from .constants import (
    CASE_TYPE,
    CONCLUDE_CLOCK,
    HEARING_CLOCKS,
    NOTICE_CLOCK,
    OBJECTION_CLOCK,
    REREVIEW_CLOCK,
    REREVIEW_WINDOW_CLOCK,
    REVIEW_CLOCK,
    REVIEW_WINDOW_CLOCK,
    Category,
    Channel,
    RuleCode,
    Satisfaction,
)
from .models import Hearing, Petition
from .rules import day_of, result_of, rule_number


@dataclass(frozen=True)
class PetitionerIn:
    """The petitioner as the form gives them (they go to the shared people register)."""

    name: str
    sex: str
    date_of_birth: datetime.date
    id_number: str = ""
    phone: str = ""
    address: str = ""
    nationalities: str = "CN"


@dataclass(frozen=True)
class PetitionIn:
    """What a complaint says: how it came, its kind, whom it is against and what it asks."""

    channel: str
    category: str
    rights_area: str
    received_on: datetime.date
    request: str
    against_name: str
    against_agency: Any = None
    against_division: Any = None
    people_count: int = 1


def _check(petition: PetitionIn) -> None:
    errors = []
    if petition.received_on > timezone.localdate():
        errors.append(_("The day the complaint was received cannot be in the future."))
    if not petition.request.strip():
        errors.append(_("Write what the petitioner asks and the facts."))
    if not petition.against_name.strip():
        errors.append(_("Name the department complained against."))
    if petition.against_agency is not None and petition.against_division is not None:
        errors.append(_("Choose either an agency or a division of the bureau, not both."))
    if petition.people_count < 1:
        errors.append(_("At least one person brings the complaint."))
    most = rule_number(RuleCode.GROUP_REPRESENTATIVES, petition.received_on)
    if petition.channel == Channel.VISIT and petition.people_count > most:
        errors.append(
            _("A group visit chooses representatives: at most %(most)s people (信访工作条例).")
            % {"most": most}
        )
    if errors:
        raise ValidationError(errors)


def _register(person: PetitionerIn) -> Person:
    row = Person(
        agency=None,
        kinds=PersonKind.PETITIONER,
        name=person.name.strip(),
        sex=person.sex,
        date_of_birth=person.date_of_birth,
        nationalities=person.nationalities,
        id_number=person.id_number.strip().upper(),
        phone=person.phone.strip(),
        address=person.address.strip(),
    )
    row.full_clean()
    row.save()
    return row


def _title(petition: PetitionIn, name: str) -> str:
    return f"{Category(petition.category).label} · {petition.against_name.strip()} · {name}"[:200]


def _builder(petition: PetitionIn, petitioner: PetitionerIn) -> Any:
    def build(case: Case) -> None:
        person = _register(petitioner)
        Petition.objects.create(
            case=case,
            channel=petition.channel,
            category=petition.category,
            rights_area=petition.rights_area,
            received_on=petition.received_on,
            petitioner=person,
            people_count=petition.people_count,
            request=petition.request.strip(),
            against_agency=petition.against_agency,
            against_division=petition.against_division,
            against_name=petition.against_name.strip(),
        )
        set_case_names(case.pk, [person.name])
        # The written notice is due 15 days after receipt (XF art. 22–23).
        start_clock(case, NOTICE_CLOCK, actor=None, start_on=petition.received_on, record=False)

    return build


def do_record_petition(
    *,
    actor: Any,
    petition: PetitionIn,
    petitioner: PetitionerIn,
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """Record a complaint received by letter, visit or telephone (or typed from an e-mail).

    Checks ``petitions.record_petition`` (the division's staff). The petitioner goes to the
    shared people register; the notice clock starts on the day of receipt. Raises
    ``ValidationError`` (nothing written) for bad input.
    """
    if not actor.has_perm("petitions.record_petition"):
        raise PermissionDenied
    _check(petition)
    try:
        with transaction.atomic():
            return do_create_case(
                actor=actor,
                case_type=CASE_TYPE,
                agency=None,
                title=_title(petition, petitioner.name.strip()),
                build_detail=_builder(petition, petitioner),
                idempotency_key=idempotency_key,
                request=request,
            )
    except ValidationError as error:
        raise ValidationError(_bad_person(error)) from None


def _bad_person(error: ValidationError) -> list[str]:
    if hasattr(error, "message_dict"):
        return [message for messages in error.message_dict.values() for message in messages]
    return list(error.messages)


def do_file_petition_online(
    *,
    actor: Any,
    petition: PetitionIn,
    petitioner: PetitionerIn,
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """An applicant files a complaint online through the applicants' face.

    ``waishi.cases.applications.file_for_applicant`` checks that ``actor`` is an applicant;
    the complaint is received today and online. Raises ``ValidationError`` for bad input and
    ``Refused`` for someone who is not an applicant; nothing is written then.
    """
    from waishi.cases.applications import file_for_applicant

    petition = PetitionIn(
        channel=Channel.ONLINE,
        category=petition.category,
        rights_area=petition.rights_area,
        received_on=timezone.localdate(),
        request=petition.request,
        against_name=petition.against_name,
        against_agency=petition.against_agency,
        against_division=petition.against_division,
    )
    _check(petition)
    try:
        with transaction.atomic():
            return file_for_applicant(  # type: ignore[no-any-return]
                actor=actor,
                case_type=CASE_TYPE,
                title=_title(petition, petitioner.name.strip()),
                build_detail=_builder(petition, petitioner),
                idempotency_key=idempotency_key,
                request=request,
            )
    except ValidationError as error:
        raise ValidationError(_bad_person(error)) from None


# The transitions' effects (run by the workflow engine inside its transaction). ------------


def _save(case: Case, **values: Any) -> Petition:
    petition: Petition = case.petition  # type: ignore[attr-defined]
    for name, value in values.items():
        setattr(petition, name, value)
    petition.save(update_fields=list(values))
    return petition


def _moment(day: datetime.date) -> datetime.datetime:
    """The moment a step dated ``day`` counts from (now, when it is today)."""
    if day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def accept(case: Case, actor: Any, inputs: Mapping[str, str]) -> None:
    """Accepted: the notice is given, the 60 days to conclude start (XF art. 34)."""
    on = day_of(inputs)
    petition = _save(case, accepted_on=on)
    stop_clock(case, NOTICE_CLOCK, actor=actor, at=_moment(on), record=False)
    start_clock(case, CONCLUDE_CLOCK, actor=actor, start_on=on, record=False)
    documents.issue_notice(case, petition, actor, "accept")


def transfer(case: Case, actor: Any, inputs: Mapping[str, str]) -> None:
    """Transferred to the competent department: an external step with its own clock.

    The receiving organ may object to a wrong transfer within 5 working days (XF art. 23).
    """
    on = day_of(inputs)
    target = inputs["to"].strip()
    petition = _save(case, transferred_on=on, transferred_to=target)
    stop_clock(case, NOTICE_CLOCK, actor=actor, at=_moment(on), record=False)
    start_clock(case, OBJECTION_CLOCK, actor=actor, start_on=on, record=False)
    do_send_step(
        case=case,
        actor=actor,
        body=StepBody.OTHER,
        body_name=target,
        request_text=_("Handle the complaint of %(name)s and send the handling opinion.")
        % {"name": petition.petitioner.name},
        sent_on=on,
        due=Due(DueUnit.DAYS, count=rule_number(RuleCode.TRANSFER_DAYS, on)),
    )
    documents.issue_notice(case, petition, actor, "transfer")


def decline(case: Case, actor: Any, inputs: Mapping[str, str]) -> None:
    """Not the bureau's to handle: the petitioner is told where to turn."""
    petition = _save(case, declined_reason=inputs["reason"].strip())
    documents.issue_notice(case, petition, actor, "decline")


def return_transfer(case: Case, actor: Any, inputs: Mapping[str, str]) -> None:
    """The receiving organ objected to a wrong transfer: the step is withdrawn, the complaint
    is routed again (a new notice clock)."""
    for step_pk in ExternalStep.objects.filter(
        case_id=case.pk, status=StepStatus.WAITING
    ).values_list("pk", flat=True):
        do_withdraw_step(case=case, step_pk=step_pk, actor=actor, reason=inputs["reason"])
    _save(case, transferred_on=None, transferred_to="")


def extend(case: Case, actor: Any, inputs: Mapping[str, str]) -> None:
    """The head extends the conclusion; the reason is on the public timeline (XF art. 34)."""
    petition: Petition = case.petition  # type: ignore[attr-defined]
    days = int(inputs["days"].strip())
    clock = Clock.objects.filter(
        case_id=case.pk, code=CONCLUDE_CLOCK, state__in=(ClockState.RUNNING, ClockState.PAUSED)
    ).first()
    if clock is None:
        raise TransitionRefused([_("The time to conclude is not running.")])
    move_clock(
        case,
        CONCLUDE_CLOCK,
        due_on=clock.due_date + datetime.timedelta(days=days),
        actor=actor,
        reason=inputs["reason"].strip(),
        record=False,
    )
    _save(
        case,
        extension_days=petition.extension_days + days,
        extension_reason=inputs["reason"].strip(),
    )


def reply(case: Case, actor: Any, inputs: Mapping[str, str]) -> None:
    """The handling opinion (信访处理意见书); the 30 days to ask for a review start."""
    on = day_of(inputs)
    petition = _save(case, replied_on=on, opinion=inputs["opinion"].strip())
    start_clock(case, REVIEW_WINDOW_CLOCK, actor=actor, start_on=on, record=False)
    documents.issue_opinion(case, petition, actor)


def request_review(case: Case, actor: Any, inputs: Mapping[str, str]) -> None:
    on = day_of(inputs)
    _save(case, review_requested_on=on, review_body=inputs["body"].strip())
    start_clock(case, REVIEW_CLOCK, actor=actor, start_on=on, record=False)


def record_review(case: Case, actor: Any, inputs: Mapping[str, str]) -> None:
    on = day_of(inputs)
    _save(
        case,
        reviewed_on=on,
        review_result=result_of(inputs),
        review_opinion=inputs["opinion"].strip(),
    )
    start_clock(case, REREVIEW_WINDOW_CLOCK, actor=actor, start_on=on, record=False)


def request_rereview(case: Case, actor: Any, inputs: Mapping[str, str]) -> None:
    on = day_of(inputs)
    _save(case, rereview_requested_on=on, rereview_body=inputs["body"].strip())
    start_clock(case, REREVIEW_CLOCK, actor=actor, start_on=on, record=False)


def record_rereview(case: Case, actor: Any, inputs: Mapping[str, str]) -> None:
    _save(
        case,
        rereviewed_on=day_of(inputs),
        rereview_result=result_of(inputs),
        rereview_opinion=inputs["opinion"].strip(),
    )


# Hearings and ratings (the case page's panel). ---------------------------------------------


def _locked_petition(case: Case, actor: Any) -> Petition:
    from waishi.cases.permissions import is_case_division_officer

    if not is_case_division_officer(actor, case):
        raise TransitionRefused(
            [_("Only the division keeping the complaint may record this.")], forbidden=True
        )
    Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
    return Petition.objects.select_related("petitioner").get(case_id=case.pk)


def _running(case: Case, state: str) -> Clock | None:
    return (
        Clock.objects.filter(case_id=case.pk, code__in=HEARING_CLOCKS, state=state)
        .order_by("-started_at")
        .first()
    )


def do_start_hearing(
    *,
    case: Case,
    actor: Any,
    on: datetime.date,
    note: str = "",
    request: HttpRequest | None = None,
) -> Hearing:
    """A hearing begins: the running time limit (handling, review, re-review) is paused.

    Hearing time is not counted (XF art. 36). Checks that the actor works in the case's
    division; refuses a day in the future, a case with no running limit and a second hearing
    while one is open. Nothing is written then.
    """
    if on > timezone.localdate():
        raise ValidationError(_("The hearing cannot begin in the future."))
    with transaction.atomic():
        petition = _locked_petition(case, actor)
        if petition.hearings.filter(ended_on__isnull=True).exists():
            raise ValidationError(_("A hearing is already under way."))
        clock = _running(case, ClockState.RUNNING)
        if clock is None:
            raise ValidationError(_("No time limit runs that a hearing could pause."))
        if on < timezone.localtime(clock.started_at).date():
            raise ValidationError(_("The hearing cannot begin before the time limit started."))
        hearing = Hearing.objects.create(
            petition=petition, stage=clock.code, started_on=on, note=note.strip()
        )
        pause_clock(case, clock.code, actor=actor, at=_moment(on))
        log_action(
            action="petitions.hearing.start",
            actor=actor,
            obj=case,
            after={"hearing": hearing.pk, "stage": clock.code, "on": on.isoformat()},
            request=request,
        )
    return hearing


def do_end_hearing(
    *,
    case: Case,
    actor: Any,
    on: datetime.date,
    request: HttpRequest | None = None,
) -> Hearing:
    """The hearing ends: the paused time limit counts on with the days it had left."""
    if on > timezone.localdate():
        raise ValidationError(_("The hearing cannot end in the future."))
    with transaction.atomic():
        petition = _locked_petition(case, actor)
        hearing = petition.hearings.select_for_update().filter(ended_on__isnull=True).first()
        if hearing is None:
            raise ValidationError(_("No hearing is under way."))
        if on < hearing.started_on:
            raise ValidationError(_("The hearing cannot end before it began."))
        hearing.ended_on = on
        hearing.save(update_fields=["ended_on", "updated_at"])
        resume_clock(case, hearing.stage, actor=actor, at=_moment(on))
        log_action(
            action="petitions.hearing.end",
            actor=actor,
            obj=case,
            after={"hearing": hearing.pk, "on": on.isoformat()},
            request=request,
        )
    return hearing


RATED_STATES = frozenset(
    {"replied", "review_requested", "reviewed", "rereview_requested", "closed"}
)


def do_record_satisfaction(
    *,
    case: Case,
    actor: Any,
    satisfaction: str,
    note: str = "",
    request: HttpRequest | None = None,
) -> Petition:
    """Record the petitioner's rating of the handling, once a handling opinion was given.

    Checks that the actor works in the case's division; refuses an unknown rating and a
    complaint not yet answered. Nothing is written then.
    """
    if satisfaction not in Satisfaction.values:
        raise ValidationError(_("Choose the petitioner's rating."))
    with transaction.atomic():
        petition = _locked_petition(case, actor)
        if Case.objects.filter(pk=case.pk).values_list("status", flat=True).get() not in (
            RATED_STATES
        ):
            raise ValidationError(_("The petitioner rates the handling once the opinion is given."))
        before = {"satisfaction": petition.satisfaction, "note": petition.satisfaction_note}
        petition.satisfaction = satisfaction
        petition.satisfaction_note = note.strip()[:500]
        petition.satisfaction_on = timezone.localdate()
        petition.save(update_fields=["satisfaction", "satisfaction_note", "satisfaction_on"])
        log_action(
            action="petitions.petition.rate",
            actor=actor,
            obj=case,
            before=before,
            after={"satisfaction": satisfaction, "note": petition.satisfaction_note},
            request=request,
        )
    return petition
