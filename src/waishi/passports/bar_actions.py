"""Barring a holder from official travel, and lifting the bar.

DOMAIN: after a loss "the passport is cancelled; the holder may be barred from official
travel". The Passport & Visa Division decides (``passports.bar_holder``); each decision is
audited, and the holder's agency is told in the same transaction.
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.registers.models import Person

from .models import LossReport, TravelBar
from .models.bars import in_force_on
from .notices import notify_bar


def _require(actor: Any) -> None:
    if actor is None or not actor.has_perm("passports.bar_holder"):
        raise PermissionDenied(_("You may not do this."))


def do_bar_holder(
    *,
    actor: Any,
    holder: Any,
    reason: str,
    until: datetime.date | None = None,
    loss_report: LossReport | None = None,
    request: HttpRequest | None = None,
) -> TravelBar:
    """Bar ``holder`` from official travel. Checks ``passports.bar_holder``.

    A reason is required; the bar lasts until ``until`` (inclusive) or, without it, until
    it is lifted. A holder already barred is not barred twice.
    """
    _require(actor)
    reason = reason.strip()
    today = timezone.localdate()
    if not reason:
        raise ValidationError(_("Give the reason for the bar."))
    if until is not None and until < today:
        raise ValidationError(_("The last day of the bar cannot be in the past."))
    if loss_report is not None and loss_report.document.holder_id != holder.pk:
        raise ValidationError(_("The loss report is not about this holder's document."))
    with transaction.atomic():
        # The holder's row is the lock that keeps two officers from barring at once.
        Person.objects.select_for_update().get(pk=holder.pk)
        if TravelBar.objects.filter(in_force_on(today), holder=holder).exists():
            raise ValidationError(_("This holder is already barred from official travel."))
        bar = TravelBar.objects.create(
            holder=holder,
            reason=reason[:300],
            until=until,
            loss_report=loss_report,
            barred_by=actor,
            barred_at=timezone.now(),
        )
        log_action(
            action="passports.travel_bar.impose",
            actor=actor,
            obj=bar,
            after={
                "holder": holder.pk,
                "until": until.isoformat() if until else None,
                "loss_report": loss_report.pk if loss_report else None,
            },
            reason=bar.reason,
            request=request,
        )
        notify_bar(bar, lifted=False)
    return bar


def do_lift_bar(
    *, actor: Any, bar: TravelBar, reason: str, request: HttpRequest | None = None
) -> TravelBar:
    """Lift a bar before its end. Checks ``passports.bar_holder``; a reason is required."""
    _require(actor)
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Give the reason for lifting the bar."))
    with transaction.atomic():
        locked = TravelBar.objects.select_for_update().select_related("holder").get(pk=bar.pk)
        if not locked.in_force_on(timezone.localdate()):
            raise ValidationError(_("This bar is no longer in force."))
        locked.lifted_at = timezone.now()
        locked.lifted_by = actor
        locked.lift_reason = reason[:300]
        locked.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
        log_action(
            action="passports.travel_bar.lift",
            actor=actor,
            obj=locked,
            before={"until": locked.until.isoformat() if locked.until else None},
            after={"holder": locked.holder_id, "lifted_at": locked.lifted_at.isoformat()},
            reason=locked.lift_reason,
            request=request,
        )
        notify_bar(locked, lifted=True)
    return locked
