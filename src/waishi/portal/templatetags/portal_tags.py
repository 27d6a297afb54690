"""Template helpers of the portal: the language switcher, hreflang links and the menu."""

from typing import Any

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

register = template.Library()

# The switcher's labels are the languages' own names, the same whatever the page language.
SWITCHER_LABELS = {"zh-hans": "简体中文", "zh-hant": "繁體中文", "en": "English"}


def _translations(page: Page | None) -> dict[str, Page]:
    if page is None or not getattr(page, "pk", None):
        return {}
    pages = page.get_translations(inclusive=True).live().select_related("locale")
    return {p.locale.language_code: p for p in pages}


@register.simple_tag(takes_context=True)
def portal_languages(context: Any) -> list[dict[str, Any]]:
    """One entry per language: its label, the address of this page in it, and flags."""
    request = context["request"]
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    translations = _translations(page)
    current = translation.get_language()
    entries = []
    for code, _label in settings.LANGUAGES:
        target = translations.get(code)
        # Without a translation, swap the language prefix (translations share their path):
        # an untranslated page then explains itself in the visitor's language.
        url = target.get_url(request) if target is not None else translate_url(request.path, code)
        entries.append(
            {
                "code": code,
                "label": SWITCHER_LABELS.get(code, code),
                "url": url,
                "current": code == current,
                "alternate": target is not None,
                "absolute_url": request.build_absolute_uri(url),
            }
        )
    return entries


@register.simple_tag(takes_context=True)
def portal_home(context: Any) -> Page | None:
    """The home page in the visitor's language (or the Simplified one)."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    locale = Locale.objects.filter(language_code=translation.get_language()).first()
    if locale is not None and root.locale_id != locale.pk:
        root = root.get_translation_or_none(locale) or root
    return root.specific


@register.simple_tag
def portal_menu(home: Page | None) -> list[Page]:
    """The home page's sections that are shown in menus."""
    if home is None:
        return []
    return list(home.get_children().live().in_menu())


@register.filter
def lines(text: str) -> list[str]:
    """Split multi-line text (a leader's portfolio, a division's duties) into lines."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@register.filter
def within(page: Any, section: Page) -> bool:
    """Whether ``page`` is ``section`` or below it (for the menu's current section)."""
    path = getattr(page, "path", "")
    return bool(path) and path.startswith(section.path)


@register.filter(name="tr")
def translated_field(obj: Any, field: str) -> str:
    """``obj.tr(field)``: an organisation field in the visitor's language."""
    return str(obj.tr(field)) if obj is not None else ""
