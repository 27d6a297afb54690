"""PDF documents of the passports area, rendered by WeasyPrint from HTML templates.

The Noto CJK fonts installed on the server are named in the templates' CSS; WeasyPrint
embeds the subset of glyphs each document uses, so the PDF reads the same anywhere.
"""

import datetime
from typing import Any

from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe

from waishi.registers.countries import country as country_info

from .constants import PASSPORT_KINDS
from .models import TravelDocument, VisaNote


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=html).write_pdf())


def zh_date(day: datetime.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def en_date(day: datetime.date | None) -> str:
    return f"{day.day} {day:%B} {day.year}" if day else ""


def _paragraphs(body: str, context: dict[str, Any]) -> SafeString:
    # Template text is auto-escaped as it renders, so only line breaks become markup.
    rendered = Template(body).render(Context(context))
    return mark_safe(linebreaks(rendered))  # noqa: S308


def visa_note_context(note: VisaNote, *, purpose_en: str) -> dict[str, Any]:
    from waishi.accounts.models import Bureau

    from .visa_actions import requirements_for

    mission = note.mission
    bureau = Bureau.objects.first()
    requirement = requirements_for([note.country])[note.country]
    place = country_info(note.country)
    members = list(mission.members.select_related("traveller"))
    passports: dict[int, TravelDocument] = {}
    for document in TravelDocument.objects.filter(
        holder_id__in=[m.traveller_id for m in members], kind__in=[str(k) for k in PASSPORT_KINDS]
    ).order_by("expiry_date"):
        passports[document.holder_id] = document
    leader = next((m for m in members if m.is_leader), members[0] if members else None)
    agency = mission.case.agency
    assert agency is not None  # missions are filed by agencies
    values = {
        "embassy_zh": requirement.embassy_zh if requirement else "",
        "embassy_en": requirement.embassy_en if requirement else "",
        "bureau_zh": bureau.name_zh_hans if bureau else "",
        "bureau_en": bureau.name_en if bureau else "",
        "agency_zh": agency.name_zh_hans,
        "agency_en": agency.name_en or agency.name_zh_hans,
        "leader_zh": leader.traveller.name if leader else "",
        "leader_en": leader.traveller.passport_name if leader else "",
        "member_count": len(members),
        "mission_title": mission.case.title,
        "purpose_zh": mission.purpose,
        "purpose_en": purpose_en,
        "country_zh": place.name_zh_hans if place else note.country,
        "country_en": place.name_en if place else note.country,
        "inviter": mission.inviter_name,
        "departure": zh_date(mission.departure_date),
        "return": zh_date(mission.return_date),
    }
    english = {
        **values,
        "departure": en_date(mission.departure_date),
        "return": en_date(mission.return_date),
    }
    rows = [
        {
            "name": m.traveller.name,
            "passport_name": m.traveller.passport_name,
            "sex": m.traveller.get_sex_display(),
            "born": m.traveller.date_of_birth.isoformat(),
            "post": m.traveller.post,
            "number": escape(passports[m.traveller_id].number)
            if m.traveller_id in passports
            else "",
        }
        for m in members
    ]
    return {
        "note": note,
        "body_zh": _paragraphs(note.template.body_zh, values),
        "body_en": _paragraphs(note.template.body_en, english),
        "rows": rows,
        "bureau_zh": values["bureau_zh"],
        "bureau_en": values["bureau_en"],
        "date_zh": zh_date(note.generated_at.date()),
        "date_en": en_date(note.generated_at.date()),
    }


def render_visa_note(note: VisaNote, *, purpose_en: str) -> bytes:
    """The visa note as PDF: the Chinese text, then the English, then the member table."""
    html = render_to_string(
        "passports/pdf/visa_note.html", visa_note_context(note, purpose_en=purpose_en)
    )
    return html_to_pdf(html)
