"""Demo website: locales, site, the page tree in Simplified Chinese with English pages, a few
news items and notices, and the service guides. Traditional pages follow from publishing.

Organisation facts (bureau, divisions, leaders) come from the accounts demo, which runs first.
"""

import random
from datetime import timedelta
from typing import Any, TextIO

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from . import demo_content as text
from .actions import do_sync_editor_groups
from .demo_guides import GUIDES, WHERE_EN, WHERE_ZH
from .models import (
    BureauProfilePage,
    ContactPage,
    DivisionsPage,
    HomePage,
    LeadershipPage,
    NewsIndexPage,
    NewsPage,
    ResponsibilitiesPage,
    ServiceGuideIndexPage,
    ServiceGuidePage,
)
from .setup import ensure_editorial_setup, ensure_locales

ORDER = 50
ONLINE_FILING_URL = "/workspace/"


def publish(page: Page) -> Page:
    """Publish through Wagtail's pipeline, so the Traditional page and the audit follow."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_source(parent: Page, cls: type[Page], slug: str, **fields: Any) -> Page:
    """The Simplified page ``slug`` under ``parent``, created and published if missing."""
    existing = cls.objects.child_of(parent).filter(slug=slug).first()  # type: ignore[attr-defined]
    if existing is not None:
        return existing
    page = cls(slug=slug, live=False, **fields)
    parent.add_child(instance=page)
    return publish(page)


def add_english(source: Page, en: Locale, **fields: Any) -> Page:
    """The English translation of ``source``, created from it and published if missing."""
    existing = source.get_translation_or_none(en)
    if existing is not None:
        return existing
    page = source.copy_for_translation(en).specific
    for name, value in fields.items():
        setattr(page, name, value)
    return publish(page)


def section(
    home: Page, en_home: Page, en: Locale, cls: type[Page], spec: tuple[str, ...], **extra: Any
) -> Page:
    slug, title, title_en, intro, intro_en = spec
    zh_fields = {k[:-3]: v for k, v in extra.items() if k.endswith("_zh")}
    en_fields = {k[:-3]: v for k, v in extra.items() if k.endswith("_en")}
    shared = {k: v for k, v in extra.items() if not k.endswith(("_zh", "_en"))}
    page = add_source(
        home, cls, slug, title=title, intro=intro, show_in_menus=True, **zh_fields, **shared
    )
    add_english(page, en, title=title_en, intro=intro_en, **en_fields)
    return page


def load(*, stdout: TextIO, rng: random.Random) -> None:
    ensure_editorial_setup()
    locales = ensure_locales()
    zh, en = locales["zh-hans"], locales["en"]
    home = load_home(zh)
    en_home = add_english(home, en, title=text.HOME[2], intro=text.HOME[4])
    section(
        home,
        en_home,
        en,
        BureauProfilePage,
        text.PROFILE,
        office_hours_zh=text.OFFICE_HOURS[0],
        office_hours_en=text.OFFICE_HOURS[1],
        map_url=text.MAP_URL,
    )
    slug, title, title_en = text.RESPONSIBILITIES
    responsibilities = add_source(
        home,
        ResponsibilitiesPage,
        slug,
        title=title,
        show_in_menus=True,
        responsibilities=[("item", item) for item in text.RESPONSIBILITIES_ZH],
    )
    add_english(
        responsibilities,
        en,
        title=title_en,
        responsibilities=[("item", item) for item in text.RESPONSIBILITIES_EN],
    )
    section(home, en_home, en, LeadershipPage, text.LEADERSHIP)
    section(home, en_home, en, DivisionsPage, text.DIVISIONS)
    news_index = section(home, en_home, en, NewsIndexPage, text.NEWS_INDEX)
    services = section(home, en_home, en, ServiceGuideIndexPage, text.SERVICES_INDEX)
    section(
        home,
        en_home,
        en,
        ContactPage,
        text.CONTACT,
        office_hours_zh=text.OFFICE_HOURS[0],
        office_hours_en=text.OFFICE_HOURS[1],
        body_zh=text.CONTACT_BODY[0],
        body_en=text.CONTACT_BODY[1],
        map_url=text.MAP_URL,
    )
    load_news(news_index, en)
    load_guides(services, en)
    from waishi.accounts.constants import Role
    from waishi.accounts.models import User

    for user in User.objects.filter(role_grants__role=Role.WEBSITE_EDITOR).distinct():
        do_sync_editor_groups(actor=None, user=user)
    stdout.write(
        f"Demo website: {Page.objects.live().filter(depth__gt=1).count()} live pages "
        f"in {Locale.objects.count()} languages.\n"
    )


def load_home(zh: Locale) -> Page:
    home = HomePage.objects.filter(locale=zh).first()
    if home is None:
        # Wagtail's migrations leave a placeholder page as the default site's root.
        placeholder = Page.objects.filter(
            depth=2, content_type=ContentType.objects.get_for_model(Page)
        )
        for page in placeholder:
            page.delete()
        root = Page.get_first_root_node()
        slug, title, _title_en, intro, _intro_en = text.HOME
        home = HomePage(slug=slug, title=title, intro=intro, live=False, locale=zh)
        root.add_child(instance=home)
        home = publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=text.HOME[1],
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


def load_news(index: Page, en: Locale) -> None:
    today = timezone.localdate()
    now = timezone.now()
    for slug, category, days_ago, valid_days, title, body, title_en, body_en in text.NEWS:
        extra: dict[str, Any] = {}
        if valid_days:
            extra["expire_at"] = now + timedelta(days=valid_days)
        page = add_source(
            index,
            NewsPage,
            slug,
            title=title,
            body=body,
            category=category,
            date=today - timedelta(days=days_ago),
            **extra,
        )
        if title_en:
            add_english(page, en, title=title_en, body=body_en)


def load_guides(index: Page, en: Locale) -> None:
    for guide in GUIDES:
        page = add_source(
            index,
            ServiceGuidePage,
            guide["slug"],
            **guide["zh"],
            where_and_when=WHERE_ZH,
            online_url=guide.get("online_url", ONLINE_FILING_URL),
        )
        add_english(page, en, **guide["en"], where_and_when=WHERE_EN)
