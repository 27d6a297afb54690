"""Every write of the visits area: filing a visit or a gift, changing the plan, accepting a
warning. Each action checks the actor's right, runs in one transaction and writes its audit
event. Refusals raise ``ValidationError`` (translated) or ``PermissionDenied``; nothing is
written then.
"""

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.cases.actions import do_create_case
from waishi.cases.clocks import start_clock
from waishi.cases.models import Case
from waishi.cases.names import set_case_names
from waishi.cases.standing import AgencySuspended
from waishi.registers.actions import person_record
from waishi.registers.constants import PersonKind
from waishi.registers.models import Person

from .constants import DECLARATION_CLOCK, GIFT_CASE_TYPE, VISIT_CASE_TYPE, GiftKind, ItemKind
from .guards import must_declare
from .models import GiftGiven, Guest, Override, ReceivedGift, ScheduleItem, Visit
from .workflow import EDITABLE_STATES

VISIT_FIELDS = (
    "bureau_hosts",
    "other_co_hosts",
    "purpose",
    "country",
    "arrival_date",
    "departure_date",
    "hosting_class",
    "reciprocity_agreement",
    "partner_city",
    "invitation_reference",
    "mission_reference",
    "invites_diplomats",
    "lodging_stars",
    "meals_per_day",
    "interpretation",
    "media_coverage",
    "lodging_transport",
    "materials",
    "planned_cost",
)
OUTCOME_FIELDS = ("outcome_report", "press_release", "actual_cost")


class StaleVisit(Exception):
    """The visit changed since the form was opened; nothing was written."""


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime.date, Decimal)):
        return str(value)
    if hasattr(value, "pk"):
        return value.pk
    return value


def _record(visit: Visit, fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: _plain(getattr(visit, name)) for name in fields}


def _check_dates(data: dict[str, Any]) -> None:
    if data["departure_date"] < data["arrival_date"]:
        raise ValidationError(_("The departure is before the arrival."))


def do_file_visit(
    *,
    actor: Any,
    agency: Any,
    title: str,
    data: dict[str, Any],
    co_hosts: Any = (),
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """Start a visit's reception plan for ``agency``. Checks ``visits.file_visit``.

    An agency's people file for their own agency; division staff file visits the bureau hosts
    for any agency on record. ``data`` holds ``VISIT_FIELDS``.
    """
    if not actor.has_perm("visits.file_visit"):
        raise PermissionDenied(_("You may not file a visit."))
    if actor.agency_id is not None and agency.pk != actor.agency_id:
        raise PermissionDenied(_("You may file visits of your own agency only."))
    values = {k: data[k] for k in VISIT_FIELDS if k in data}
    if actor.agency_id is None:
        values["bureau_hosts"] = True
    _check_dates(values)

    def build(case: Case) -> None:
        visit = Visit.objects.create(case=case, **values)
        visit.co_hosts.set(co_hosts)
        log_action(
            action="visits.visit.file",
            actor=actor,
            obj=case,
            after=_record(visit, VISIT_FIELDS),
            request=request,
        )

    try:
        return do_create_case(
            actor=actor,
            case_type=VISIT_CASE_TYPE,
            agency=agency,
            title=title.strip(),
            build_detail=build,
            idempotency_key=idempotency_key,
            request=request,
        )
    except AgencySuspended as refused:
        raise ValidationError(list(refused.reasons)) from None


def _editable(actor: Any, visit: Visit, *, states: frozenset[str] = EDITABLE_STATES) -> None:
    case = visit.case
    if not actor.has_perm("visits.edit_visit", case):
        raise PermissionDenied(_("You may not change this visit."))
    # The status as it is now, not as it was when the visit was read.
    status = Case.objects.filter(pk=case.pk).values_list("status", flat=True).first()
    if status not in states:
        raise ValidationError(_("The plan cannot be changed in this state."))


def _lock(visit: Visit, expected_version: int | None) -> Visit:
    locked = Visit.objects.select_for_update().select_related("case").get(pk=visit.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleVisit
    return locked


def _bump(visit: Visit) -> None:
    Visit.objects.filter(pk=visit.pk).update(version=F("version") + 1)
    visit.version += 1


def do_save_visit(
    *,
    actor: Any,
    visit: Visit,
    expected_version: int,
    data: dict[str, Any],
    co_hosts: Any = None,
    request: HttpRequest | None = None,
) -> Visit:
    """Change the visit's basics and plan sections. Checks ``visits.edit_visit``."""
    _editable(actor, visit)
    _check_dates(
        {
            "arrival_date": data.get("arrival_date", visit.arrival_date),
            "departure_date": data.get("departure_date", visit.departure_date),
        }
    )
    with transaction.atomic():
        locked = _lock(visit, expected_version)
        before = _record(locked, VISIT_FIELDS)
        for name in VISIT_FIELDS:
            if name in data and name != "bureau_hosts":
                setattr(locked, name, data[name])
        locked.version += 1
        locked.save()
        if co_hosts is not None:
            locked.co_hosts.set(co_hosts)
        log_action(
            action="visits.visit.update",
            actor=actor,
            obj=locked.case,
            before=before,
            after=_record(locked, VISIT_FIELDS),
            request=request,
        )
    return locked


def do_add_guest(
    *,
    actor: Any,
    visit: Visit,
    name: str,
    foreign_names: str,
    sex: str,
    date_of_birth: datetime.date,
    nationality: str,
    rank_class: str,
    is_head: bool = False,
    title: str = "",
    dietary_notes: str = "",
    person: Person | None = None,
    request: HttpRequest | None = None,
) -> Guest:
    """Add a member of the delegation, registering them in the people register as a foreign
    guest (or naming a person already there). Checks ``visits.edit_visit``."""
    _editable(actor, visit)
    with transaction.atomic():
        locked = _lock(visit, None)
        if person is None:
            person = Person(
                agency=None,
                kinds=PersonKind.FOREIGN_GUEST,
                name=name.strip(),
                foreign_names=foreign_names.strip(),
                sex=sex,
                date_of_birth=date_of_birth,
                nationalities=nationality.upper(),
                post=title.strip()[:100],
            )
            person.full_clean()
            person.save()
            log_action(
                action="registers.person.register",
                actor=actor,
                obj=person,
                after=person_record(person),
                request=request,
            )
        if locked.guests.filter(person=person).exists():
            raise ValidationError(_("This guest is already a member of the delegation."))
        if is_head:
            locked.guests.filter(is_head=True).update(is_head=False)
        guest = Guest.objects.create(
            visit=locked,
            person=person,
            rank_class=rank_class,
            is_head=is_head,
            title=title.strip(),
            dietary_notes=dietary_notes.strip(),
        )
        _bump(locked)
        set_case_names(
            locked.case_id, [g.person.name for g in locked.guests.select_related("person")]
        )
        log_action(
            action="visits.guest.add",
            actor=actor,
            obj=locked.case,
            after={"person": person.pk, "rank_class": rank_class, "is_head": is_head},
            request=request,
        )
    return guest


def do_remove_guest(
    *, actor: Any, visit: Visit, guest_pk: int, request: HttpRequest | None = None
) -> None:
    """Take a guest off the delegation (the person stays in the register)."""
    _editable(actor, visit)
    with transaction.atomic():
        locked = _lock(visit, None)
        guest = locked.guests.filter(pk=guest_pk).first()
        if guest is None:
            raise ValidationError(_("This guest is not a member of the delegation."))
        guest.delete()
        _bump(locked)
        set_case_names(
            locked.case_id, [g.person.name for g in locked.guests.select_related("person")]
        )
        log_action(
            action="visits.guest.remove",
            actor=actor,
            obj=locked.case,
            before={"guest": guest_pk},
            request=request,
        )


ITEM_FIELDS = (
    "starts_at",
    "place",
    "activity",
    "kind",
    "chinese_participants",
    "banquet_format",
    "host_rank",
    "cost_per_person",
    "city_leader",
    "leader_requested_on",
    "leader_approved_on",
)


def do_add_schedule_item(
    *, actor: Any, visit: Visit, data: dict[str, Any], request: HttpRequest | None = None
) -> ScheduleItem:
    """Add an item to the reception plan's schedule. Checks ``visits.edit_visit``."""
    _editable(actor, visit)
    values = {k: data.get(k) for k in ITEM_FIELDS if k in data}
    for text in ("chinese_participants", "banquet_format", "host_rank", "city_leader"):
        values[text] = values.get(text) or ""
    if values.get("kind") != ItemKind.BANQUET:
        values["banquet_format"] = values["host_rank"] = ""
    if not values["city_leader"]:
        values["leader_requested_on"] = values["leader_approved_on"] = None
    with transaction.atomic():
        locked = _lock(visit, None)
        item = ScheduleItem.objects.create(visit=locked, **values)
        _bump(locked)
        log_action(
            action="visits.schedule.add",
            actor=actor,
            obj=locked.case,
            after={k: _plain(v) for k, v in values.items()},
            request=request,
        )
    return item


def do_remove_schedule_item(
    *, actor: Any, visit: Visit, item_pk: int, request: HttpRequest | None = None
) -> None:
    _remove_row(
        actor,
        visit,
        related="schedule",
        pk=item_pk,
        missing=_("This item is not in the schedule."),
        action="visits.schedule.remove",
        key="item",
        request=request,
    )


def _remove_row(
    actor: Any,
    visit: Visit,
    *,
    related: str,
    pk: int,
    missing: str,
    action: str,
    key: str,
    request: HttpRequest | None,
) -> None:
    """Delete one row of the visit's ``related`` rows, bump the version and audit it."""
    _editable(actor, visit)
    with transaction.atomic():
        locked = _lock(visit, None)
        deleted, _rows = getattr(locked, related).filter(pk=pk).delete()
        if not deleted:
            raise ValidationError(missing)
        _bump(locked)
        log_action(action=action, actor=actor, obj=locked.case, before={key: pk}, request=request)


def do_add_gift_given(
    *,
    actor: Any,
    visit: Visit,
    recipient_pk: int,
    item: str,
    value: Decimal,
    approved_by: str,
    approved_on: datetime.date,
    request: HttpRequest | None = None,
) -> GiftGiven:
    """Record a gift the host gives a guest, with its approval. Checks ``visits.edit_visit``."""
    _editable(actor, visit)
    if value <= 0:
        raise ValidationError(_("Give the gift's value in RMB."))
    with transaction.atomic():
        locked = _lock(visit, None)
        recipient = locked.guests.filter(pk=recipient_pk).first()
        if recipient is None:
            raise ValidationError(_("Choose a member of the delegation as the recipient."))
        gift = GiftGiven.objects.create(
            visit=locked,
            recipient=recipient,
            item=item.strip(),
            value=value,
            approved_by=approved_by.strip(),
            approved_on=approved_on,
        )
        _bump(locked)
        log_action(
            action="visits.gift_given.add",
            actor=actor,
            obj=locked.case,
            after={"item": gift.item, "value": str(value), "recipient": recipient.pk},
            request=request,
        )
    return gift


def do_remove_gift_given(
    *, actor: Any, visit: Visit, gift_pk: int, request: HttpRequest | None = None
) -> None:
    _remove_row(
        actor,
        visit,
        related="gifts_given",
        pk=gift_pk,
        missing=_("This gift is not recorded on the visit."),
        action="visits.gift_given.remove",
        key="gift",
        request=request,
    )


def do_override_warning(
    *, actor: Any, visit: Visit, rule_code: str, reason: str, request: HttpRequest | None = None
) -> Override:
    """Accept a rule's warning on the visit with a reason. Checks ``visits.override_warning``
    and that the actor may work on the case."""
    from waishi.cases.permissions import can_work_on_case

    if not (actor.has_perm("visits.override_warning") and can_work_on_case(actor, visit.case)):
        raise PermissionDenied(_("You may not accept warnings."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for accepting the warning."))
    from .checking import check_stored_visit

    open_codes = {v.rule_code for v in check_stored_visit(visit).open}
    if rule_code not in open_codes:
        raise ValidationError(_("There is no open warning of this rule on the visit."))
    with transaction.atomic():
        override = Override.objects.create(
            visit=visit, rule_code=rule_code, reason=reason.strip(), by=actor
        )
        log_action(
            action="visits.warning.accept",
            actor=actor,
            obj=visit.case,
            after={"rule_code": rule_code},
            reason=reason.strip(),
            request=request,
        )
    return override


def do_save_outcome(
    *, actor: Any, visit: Visit, data: dict[str, Any], request: HttpRequest | None = None
) -> Visit:
    """Write the outcome report, the press release draft and the actual cost after the visit.
    Checks ``visits.edit_visit``; only while the visit is held."""
    _editable(actor, visit, states=frozenset({"held"}))
    with transaction.atomic():
        locked = _lock(visit, None)
        before = _record(locked, OUTCOME_FIELDS)
        for name in OUTCOME_FIELDS:
            if name in data:
                setattr(locked, name, data[name])
        locked.version += 1
        locked.save()
        log_action(
            action="visits.visit.outcome",
            actor=actor,
            obj=locked.case,
            before=before,
            after=_record(locked, OUTCOME_FIELDS),
            request=request,
        )
    return locked


# Gifts received.


def do_file_gift(
    *,
    actor: Any,
    agency: Any,
    recipient: Person,
    data: dict[str, Any],
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """Record a gift a person of ``agency`` received; at or above the rule's value (and for
    cash or securities) the month to declare starts on the day received or of the return to
    China. Checks ``visits.file_gift``; an agency records its own people's gifts only."""
    if not actor.has_perm("visits.file_gift"):
        raise PermissionDenied(_("You may not record gifts."))
    if actor.agency_id is not None and agency.pk != actor.agency_id:
        raise PermissionDenied(_("You may record gifts of your own agency only."))
    if recipient.agency_id != agency.pk:
        raise ValidationError(_("The recipient is not a person of this agency."))
    if data.get("returned_on") and data["returned_on"] < data["received_on"]:
        raise ValidationError(_("The return to China is before the day the gift was received."))
    if data["value"] < 0:
        raise ValidationError(_("The value cannot be negative."))
    fields = (
        "item",
        "kind",
        "value",
        "giver",
        "giver_country",
        "received_on",
        "returned_on",
        "mission_reference",
    )
    values = {k: data.get(k) for k in fields}
    for text in ("giver_country", "mission_reference"):
        values[text] = (values.get(text) or "").strip().upper()
    values["kind"] = values["kind"] or GiftKind.GOODS

    def build(case: Case) -> None:
        gift = ReceivedGift.objects.create(case=case, recipient=recipient, **values)
        if must_declare(gift):
            start_clock(case, DECLARATION_CLOCK, actor=actor, start_on=gift.counted_from)
        set_case_names(case.pk, [recipient.name])
        log_action(
            action="visits.gift.record",
            actor=actor,
            obj=case,
            after={k: _plain(v) for k, v in values.items()} | {"recipient": recipient.pk},
            request=request,
        )

    title = _("%(item)s received by %(name)s") % {"item": values["item"], "name": recipient.name}
    try:
        return do_create_case(
            actor=actor,
            case_type=GIFT_CASE_TYPE,
            agency=agency,
            title=title[:200],
            build_detail=build,
            idempotency_key=idempotency_key,
            request=request,
        )
    except AgencySuspended as refused:
        raise ValidationError(list(refused.reasons)) from None
