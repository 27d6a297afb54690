"""The round's public notice on the portal: a Wagtail notice page generated from the round.

The page is a ``portal.NewsPage`` of the category *notice* under the website's news and
notices section, written in Simplified Chinese and published through Wagtail's pipeline (so
the Traditional page follows by OpenCC and the publish is audited), with its English
translation. It names each recommended nominee with the criteria and the citation, the
notice's first and last day and where to send objections.
"""

import datetime
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Locale, Page

from .constants import Criterion, NomineeType
from .models import HonoraryRound, Nomination


def notice_slug(round_: HonoraryRound) -> str:
    return f"honorary-citizens-{round_.number}-notice"


def _day(day: datetime.date | None, language: str) -> str:
    if day is None:
        return ""
    if language == "en":
        return day.strftime("%-d %B %Y")
    return f"{day.year}年{day.month}月{day.day}日"


def notice_body(round_: HonoraryRound, nominations: Sequence[Nomination], language: str) -> str:
    """The notice's text (rich-text HTML) in ``language`` (``zh-hans`` or ``en``)."""
    with override(language):
        start, end = _day(round_.notice_from, language), _day(round_.notice_to, language)
        intro = _(
            "The following persons are recommended by the review committee for the title of "
            "Honorary Citizen of Zhaoqing and are hereby publicly notified from %(start)s to "
            "%(end)s. Anyone with objections may write to the bureau, with their name and "
            "contact details, before the end of the notice."
        ) % {"start": start, "end": end}
        rows = []
        for nomination in nominations:
            person = nomination.person
            name = person.name
            if language == "en" and person.foreign_names:
                name = f"{person.foreign_names} ({person.name})"
            criteria = "、" if language != "en" else "; "
            criteria = criteria.join(
                str(Criterion(c).label) for c in nomination.criteria if c in Criterion.values
            )
            citation = nomination.citation_en if language == "en" else nomination.citation
            rows.append(
                "<li><b>{}</b> — {}; {}: {}{}</li>".format(
                    escape(name),
                    escape(str(NomineeType(nomination.nominee_type).label)),
                    escape(_("criteria")),
                    escape(criteria),
                    f"<br/>{escape(citation)}" if citation else "",
                )
            )
        return f"<p>{escape(intro)}</p><ol>{''.join(rows)}</ol>"


def notice_title(round_: HonoraryRound, language: str) -> str:
    title = round_.title_en if language == "en" else round_.title
    with override(language):
        return _("Public notice of the nominees: %(round)s") % {"round": title}


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def publish_notice_page(round_: HonoraryRound, nominations: Sequence[Nomination]) -> Any:
    """Write and publish the notice page (Simplified, then English); returns the source page."""
    from waishi.portal.models import NewsCategory, NewsIndexPage, NewsPage

    zh = Locale.objects.filter(language_code="zh-hans").first()
    index = (
        NewsIndexPage.objects.live().filter(locale=zh).order_by("path").first()
        if zh is not None
        else None
    )
    if index is None:
        raise ValidationError(
            _("The website has no news and notices section to publish the notice in.")
        )
    assert round_.notice_from is not None
    fields = {
        "title": notice_title(round_, "zh-hans"),
        "body": notice_body(round_, nominations, "zh-hans"),
        "category": NewsCategory.NOTICE,
        "date": round_.notice_from,
    }
    page = NewsPage.objects.child_of(index).filter(slug=notice_slug(round_)).first()
    if page is None:
        page = NewsPage(slug=notice_slug(round_), live=False, **fields)
        index.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page = _publish(page)
    en = Locale.objects.filter(language_code="en").first()
    if en is not None and index.get_translation_or_none(en) is not None:
        english = page.get_translation_or_none(en)
        if english is None:
            english = page.copy_for_translation(en)
        english = english.specific
        english.title = notice_title(round_, "en")
        english.body = notice_body(round_, nominations, "en")
        english.date = round_.notice_from
        _publish(english)
    return page


def notice_url(round_: HonoraryRound, language: str = "zh-hans") -> str:
    """The public address of the round's notice in ``language`` ("" when not published)."""
    if round_.notice_page_id is None:
        return ""
    page = Page.objects.filter(pk=round_.notice_page_id).first()
    if page is None:
        return ""
    if language != "zh-hans":
        locale = Locale.objects.filter(language_code=language).first()
        translated = page.get_translation_or_none(locale) if locale else None
        page = translated or page
    return page.url or ""
