"""Keep the Traditional Chinese pages in step with their Simplified source.

Editors write in Simplified Chinese. When a Simplified page is published, its Traditional
translation is created (or updated) from it with OpenCC and the official-term glossary, and
published too. Editors may still correct the Traditional page; the next publish of the
source converts it again, so the source stays the one place where content is written.
"""

from typing import Any

from django.db import models, transaction
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page

from waishi.core.chinese import to_traditional

SOURCE_LANGUAGE = "zh-hans"
TRADITIONAL_LANGUAGE = "zh-hant"
# Fields of Wagtail's own Page model that carry visitor-facing text.
PAGE_TEXT_FIELDS = ("title", "seo_title", "search_description")


def convert_value(value: Any) -> Any:
    """Convert every string inside ``value`` (StreamField data: lists, dicts, strings)."""
    if isinstance(value, str):
        return to_traditional(value)
    if isinstance(value, list):
        return [convert_value(item) for item in value]
    if isinstance(value, dict):
        # Block types and ids are identifiers, not text.
        return {k: v if k in ("type", "id") else convert_value(v) for k, v in value.items()}
    return value


def text_fields(page: Page) -> list[models.Field]:  # type: ignore[type-arg]
    """The text-bearing fields a page type adds to Wagtail's page (plain, rich and stream)."""
    own = {f.name for f in Page._meta.get_fields()}
    fields = []
    for field in type(page)._meta.get_fields():
        if field.name in own or not getattr(field, "concrete", False):
            continue
        if getattr(field, "choices", None):
            continue
        if isinstance(field, StreamField | RichTextField | models.CharField | models.TextField):
            if isinstance(field, models.URLField | models.SlugField):
                continue
            fields.append(field)
    return fields


def copy_converted(source: Page, target: Page) -> None:
    """Set ``target``'s text to the Traditional conversion of ``source``'s, and copy the rest."""
    for name in PAGE_TEXT_FIELDS:
        setattr(target, name, to_traditional(getattr(source, name) or ""))
    for field in type(source)._meta.get_fields():
        if field.name in {f.name for f in Page._meta.get_fields()}:
            continue
        if not getattr(field, "concrete", False) or field.primary_key:
            continue
        if getattr(field, "remote_field", None) is not None and field.name.endswith("_ptr"):
            continue
        value = getattr(source, field.attname)
        if isinstance(field, StreamField):
            value = convert_value(value.get_prep_value())
            setattr(target, field.name, value)
            continue
        if field in text_fields(source):
            value = to_traditional(value or "")
        setattr(target, field.attname, value)
    if source.depth > 2:
        # Translations share a slug, so a path differs only in its language prefix. Home
        # pages sit side by side under the root and keep their own slugs.
        target.slug = source.slug
    target.go_live_at = source.go_live_at
    target.expire_at = source.expire_at
    target.show_in_menus = source.show_in_menus


def traditional_locale() -> Locale:
    locale, _created = Locale.objects.get_or_create(language_code=TRADITIONAL_LANGUAGE)
    return locale


def sync_traditional(source: Page, *, user: Any = None) -> Page | None:
    """Create or update and publish the Traditional translation of a published Simplified page.

    Returns the Traditional page, or ``None`` when ``source`` is not a Simplified page.
    Parents are translated first, so a new page's Traditional copy has a place in the tree.
    """
    source = source.specific
    if source.locale.language_code != SOURCE_LANGUAGE or source.is_root():
        return None
    locale = traditional_locale()
    with transaction.atomic():
        target = source.get_translation_or_none(locale)
        if target is None:
            target = source.copy_for_translation(locale, copy_parents=True)
        target = target.specific
        if target.alias_of_id:
            # An alias shows the source's content verbatim; a Traditional page needs its own.
            from wagtail.actions.convert_alias import ConvertAliasPageAction

            ConvertAliasPageAction(target, log_action=None, user=user).execute(
                skip_permission_checks=True
            )
            target = Page.objects.get(pk=target.pk).specific
        copy_converted(source, target)
        revision = target.save_revision(user=user, log_action=False)
        revision.publish(user=user, skip_permission_checks=True)
    return target


def withdraw_traditional(source: Page) -> None:
    """Unpublish the Traditional translation of an unpublished Simplified page.

    English pages are the editors' own work and are withdrawn by them.
    """
    if source.locale.language_code != SOURCE_LANGUAGE:
        return
    target = source.get_translation_or_none(traditional_locale())
    if target is not None and target.live:
        target.unpublish()
