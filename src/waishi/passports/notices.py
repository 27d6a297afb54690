"""Whom the passports area tells what: the agency's liaison officers and signatories.

Called by the actions and the custody sweep inside their transactions. Titles are lazy
translations, so each person reads them in their own language.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from waishi.accounts.constants import Role
from waishi.notifications.actions import notify
from waishi.registers.countries import country_name


def agency_contacts(agency_id: int) -> list[Any]:
    """The active liaison officers and signatories of the agency."""
    return list(
        get_user_model()
        .objects.filter(
            agency_id=agency_id,
            is_active=True,
            role_grants__role__in=[Role.LIAISON_OFFICER, Role.AGENCY_SIGNATORY],
        )
        .distinct()
    )


def notify_reminder(hand_out: Any, number: int) -> None:
    document = hand_out.document
    notify(
        recipients=agency_contacts(hand_out.agency_id),
        kind="passports.custody_reminder",
        title=format_lazy(
            _("Reminder {number}: return {kind} of {holder} (due {due})"),
            number=number,
            kind=document.get_kind_display(),
            holder=document.holder.name,
            due=hand_out.due_date.isoformat(),
        ),
        body=format_lazy(
            _(
                "{kind} {masked} of {holder}, signed out for mission {reference}, was due back "
                "in custody on {due}. Please return it to the Passport & Visa Division. After "
                "the third unheeded reminder your agency's new mission and passport business "
                "is suspended until every overdue document is back."
            ),
            kind=document.get_kind_display(),
            masked=document.masked_number,
            holder=document.holder.name,
            reference=hand_out.mission.case.reference,
            due=hand_out.due_date.isoformat(),
        ),
        link=reverse("passports:workspace"),
        obj=hand_out,
    )


def notify_agency(agency: Any, *, locked: bool, reason: str) -> None:
    if locked:
        title = _("Your agency's new mission and passport business is suspended")
        body = format_lazy(
            _("{reason} Open Waishi to see which documents to return."), reason=reason
        )
    else:
        title = _("Your agency's mission and passport business is restored")
        body = _("Every overdue document is back in custody.")
    notify(
        recipients=agency_contacts(agency.pk),
        kind="passports.agency_locked",
        title=title,
        body=body,
        link=reverse("passports:workspace"),
        obj=agency,
    )


def notify_visa(application: Any) -> None:
    notify(
        recipients=agency_contacts(application.mission.case.agency_id),
        kind="passports.visa_status",
        title=format_lazy(
            _("Visa for {holder} ({country}): {status}"),
            holder=application.holder.name,
            country=lazy(country_name, str)(application.country),
            status=application.get_status_display(),
        ),
        link=reverse("passports:workspace"),
        obj=application,
    )


def notify_bar(bar: Any, *, lifted: bool) -> None:
    """Tell the holder's agency that the holder is barred from official travel, or no more."""
    holder = bar.holder
    if lifted:
        title = format_lazy(
            _("{holder} is no longer barred from official travel"), holder=holder.name
        )
        body = format_lazy(_("Reason: {reason}"), reason=bar.lift_reason)
    else:
        title = format_lazy(_("{holder} is barred from official travel"), holder=holder.name)
        body = format_lazy(
            _("Reason: {reason} Barred until: {until}."),
            reason=bar.reason,
            until=bar.until.isoformat() if bar.until else _("the bar is lifted"),
        )
    notify(
        recipients=agency_contacts(holder.agency_id),
        kind="passports.travel_bar",
        title=title,
        body=body,
        link=reverse("passports:holder", args=[holder.pk]),
        obj=bar,
    )
