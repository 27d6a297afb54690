"""The portal's list of the honorary citizens the bureau publishes, in the visitor's language.

Only active titles whose holders agreed to be listed appear; nothing of the nomination but
the kind of nominee, the citation and the decision is shown.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from waishi.core.chinese import to_traditional
from waishi.core.views import public

from .constants import NomineeType
from .querysets import published_citizens


def public_entry(citizen: Any, language: str) -> dict[str, Any]:
    """One listed citizen's name and citation in ``language``."""
    person, nomination = citizen.person, citizen.nomination
    if language == "en":
        name = person.foreign_names or person.passport_name or person.name
        citation = nomination.citation_en
        also = person.name if name != person.name else ""
    else:
        name = person.name
        citation = nomination.citation
        also = person.foreign_names
        if language == "zh-hant":
            name, citation = to_traditional(name), to_traditional(citation)
    return {
        "name": name,
        "also": also,
        "kind": NomineeType(nomination.nominee_type).label,
        "citation": citation,
        "conferred_on": citizen.conferred_on,
        "round": nomination.round.title_en if language == "en" else nomination.round.title,
    }


@public
def honorary_citizens(request: HttpRequest) -> HttpResponse:
    language = translation.get_language() or "zh-hans"
    entries = [public_entry(c, language) for c in published_citizens()]
    if language == "zh-hant":
        for entry in entries:
            entry["round"] = to_traditional(entry["round"])
    return render(request, "honours/portal/citizens.html", {"entries": entries})
