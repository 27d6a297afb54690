"""Writes of visa handling: applications per member and country, their steps, the notes.

Only the Passport & Visa Division writes here (``passports.manage_visas``); agencies may not
approach consulates themselves and follow the status in their workspace.
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.cases.constants import Business
from waishi.cases.references import next_reference

from .constants import (
    HK_MACAO,
    PASSPORT_KINDS,
    VISA_NEXT,
    DocumentEventKind,
    DocumentStatus,
    VisaStatus,
)
from .history import set_status
from .models import (
    DispatchEntry,
    TravelDocument,
    VisaApplication,
    VisaNote,
    VisaNoteTemplate,
    VisaRequirement,
)
from .notices import notify_visa
from .standing import refuse_if_suspended


def _require(actor: Any, permission: str) -> None:
    if actor is None or not actor.has_perm(permission):
        raise PermissionDenied(_("You may not do this."))


def requirements_for(countries: list[str]) -> dict[str, VisaRequirement | None]:
    """Each country's requirement row, or the general row when the country has none."""
    rows = {r.country: r for r in VisaRequirement.objects.filter(country__in=[*countries, ""])}
    return {c: rows.get(c) or rows.get("") for c in countries}


def visa_countries(mission: Any) -> list[str]:
    """The countries entered on the trip that need a visa on an official passport."""
    entered: list[str] = []
    for stop in mission.destinations.all():
        code = stop.country.upper()
        if code in HK_MACAO or (stop.is_transit and stop.airside_only) or code in entered:
            continue
        entered.append(code)
    needs = requirements_for(entered)
    return [c for c in entered if needs[c] is None or needs[c].visa_required]  # type: ignore[union-attr]


def do_open_visa_applications(
    *, actor: Any, mission: Any, request: HttpRequest | None = None
) -> list[VisaApplication]:
    """Open an application for every member and every country needing a visa (idempotent)."""
    _require(actor, "passports.manage_visas")
    refuse_if_suspended(mission.case.agency_id, Business.VISA)
    countries = visa_countries(mission)
    created: list[VisaApplication] = []
    with transaction.atomic():
        members = list(mission.members.select_related("traveller"))
        passports = {
            d.holder_id: d
            for d in TravelDocument.objects.filter(
                holder_id__in=[m.traveller_id for m in members],
                kind__in=[str(k) for k in PASSPORT_KINDS],
                status__in=[DocumentStatus.IN_CUSTODY, DocumentStatus.AT_VISA, DocumentStatus.OUT],
            ).order_by("expiry_date")
        }
        for member in members:
            for country in countries:
                application, made = VisaApplication.objects.get_or_create(
                    mission=mission,
                    holder=member.traveller,
                    country=country,
                    defaults={"document": passports.get(member.traveller_id)},
                )
                if made:
                    created.append(application)
        log_action(
            action="passports.visa.open",
            actor=actor,
            obj=mission.case,
            after={"countries": countries, "created": len(created)},
            request=request,
        )
    return created


def do_set_checklist(
    *, actor: Any, application: VisaApplication, done: list[int], request: HttpRequest | None = None
) -> VisaApplication:
    """Record which materials of the country's checklist have been handed in."""
    _require(actor, "passports.manage_visas")
    with transaction.atomic():
        VisaApplication.objects.filter(pk=application.pk).update(
            checklist_done=sorted(set(done)), updated_at=timezone.now()
        )
        log_action(
            action="passports.visa.checklist",
            actor=actor,
            obj=application,
            after={"done": sorted(set(done))},
            request=request,
        )
    application.checklist_done = sorted(set(done))
    return application


DATE_FIELDS: dict[str, str] = {
    VisaStatus.SENT: "sent_on",
    VisaStatus.AT_EMBASSY: "embassy_on",
    VisaStatus.GRANTED: "decided_on",
    VisaStatus.REFUSED: "decided_on",
    VisaStatus.PASSPORT_BACK: "passport_back_on",
}


def do_move_visa(
    *,
    actor: Any,
    application: VisaApplication,
    status: str,
    on_date: datetime.date,
    note: str = "",
    visa_valid_until: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> VisaApplication:
    """Move an application one step on and log the dispatch. Checks ``manage_visas``.

    Sending it out takes the passport from custody to the visa desk; the passport coming
    back puts it into custody again.
    """
    _require(actor, "passports.manage_visas")
    if on_date > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    with transaction.atomic():
        locked = VisaApplication.objects.select_for_update().get(pk=application.pk)
        if status not in VISA_NEXT[locked.status]:
            raise ValidationError(
                _("A visa application cannot go from “%(old)s” to “%(new)s”.")
                % {"old": locked.get_status_display(), "new": VisaStatus(status).label}
            )
        if status == VisaStatus.SENT:
            refuse_if_suspended(locked.mission.case.agency_id, Business.VISA)
        before = locked.status
        locked.status = status
        setattr(locked, DATE_FIELDS[status], on_date)
        if status == VisaStatus.GRANTED:
            locked.visa_valid_until = visa_valid_until
        locked.version += 1
        locked.save()
        document = (
            TravelDocument.objects.select_for_update().get(pk=locked.document_id)
            if locked.document_id
            else None
        )
        if document is not None:
            if status == VisaStatus.SENT and document.status == DocumentStatus.IN_CUSTODY:
                set_status(
                    document=document,
                    status=DocumentStatus.AT_VISA,
                    on=on_date,
                    kind=DocumentEventKind.SENT_FOR_VISA,
                    actor=actor,
                )
            elif status == VisaStatus.PASSPORT_BACK and document.status == DocumentStatus.AT_VISA:
                set_status(
                    document=document,
                    status=DocumentStatus.IN_CUSTODY,
                    on=on_date,
                    kind=DocumentEventKind.BACK_FROM_VISA,
                    actor=actor,
                )
        DispatchEntry.objects.create(
            application=locked, status=status, on_date=on_date, note=note.strip()[:300], actor=actor
        )
        log_action(
            action="passports.visa.move",
            actor=actor,
            obj=locked,
            before={"status": before},
            after={"status": status, "on_date": on_date.isoformat()},
            reason=note.strip(),
            request=request,
        )
        notify_visa(locked)
    return locked


def do_save_note_template(
    *,
    actor: Any,
    template: VisaNoteTemplate | None,
    name: str,
    body_zh: str,
    body_en: str,
    request: HttpRequest | None = None,
) -> VisaNoteTemplate:
    """Create or change the wording of a visa note. Checks ``edit_note_template``.

    The text must render as a Django template (a broken placeholder is refused).
    """
    _require(actor, "passports.edit_note_template")
    from django.template import Template, TemplateSyntaxError

    for body in (body_zh, body_en):
        try:
            Template(body)
        except TemplateSyntaxError as error:
            raise ValidationError(
                _("The text has a broken placeholder: %(error)s") % {"error": error}
            ) from None
    with transaction.atomic():
        if template is None:
            template = VisaNoteTemplate(is_default=not VisaNoteTemplate.objects.exists())
        template.name, template.body_zh, template.body_en = name.strip(), body_zh, body_en
        template.updated_by = actor
        template.save()
        log_action(
            action="passports.note_template.save",
            actor=actor,
            obj=template,
            after={"name": template.name},
            request=request,
        )
    return template


def do_generate_visa_note(
    *,
    actor: Any,
    mission: Any,
    country: str,
    template: VisaNoteTemplate,
    purpose_en: str,
    request: HttpRequest | None = None,
) -> tuple[VisaNote, bytes]:
    """Number and render the visa note for one mission and country as PDF.

    The note carries the members' passport numbers in full for the embassy, so generating
    it is recorded like a reveal of personal data. Checks ``passports.manage_visas``.
    """
    _require(actor, "passports.manage_visas")
    from .pdf import render_visa_note

    with transaction.atomic():
        number = next_reference("pp.note", "ZH")
        note = VisaNote.objects.create(
            mission=mission, country=country, number=number, template=template, generated_by=actor
        )
        pdf = render_visa_note(note, purpose_en=purpose_en)
        log_action(
            action="passports.visa_note.generate",
            actor=actor,
            obj=mission.case,
            after={"note": number, "country": country, "template": template.pk},
            reason=_("Visa note to the embassy carries the passport numbers."),
            request=request,
        )
    return note, pdf
