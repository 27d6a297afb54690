"""A small portal for tests: home, responsibilities, leadership, news and a service guide."""

from dataclasses import dataclass
from typing import Any

from wagtail.models import Locale, Page

from waishi.accounts.models import Bureau, Leader
from waishi.accounts.tests.factories import BureauFactory
from waishi.portal.demo import add_english, add_source, load_home
from waishi.portal.models import (
    LeadershipPage,
    NewsIndexPage,
    NewsPage,
    ResponsibilitiesPage,
    ServiceGuideIndexPage,
    ServiceGuidePage,
)
from waishi.portal.setup import ensure_editorial_setup


@dataclass
class Portal:
    bureau: Bureau
    home: Page
    responsibilities: Page
    leadership: Page
    news: Page
    services: Page
    guide: Page
    zh: Locale
    en: Locale


def build_portal() -> Portal:
    ensure_editorial_setup()
    zh = Locale.objects.get(language_code="zh-hans")
    en = Locale.objects.get(language_code="en")
    bureau = Bureau.objects.first() or BureauFactory(
        name_zh_hans="肇庆市外事侨务局",
        name_zh_hant="肇慶市外事僑務局",
        name_en="Foreign Affairs and Overseas Chinese Affairs Bureau of Zhaoqing Municipality",
        address_zh_hans="肇庆市端州区江滨西路18号",
        address_en="No.18 Jiangbin West Road, Duanzhou District, Zhaoqing",
        fax="0758 2837791",
    )
    Leader.objects.get_or_create(
        bureau=bureau,
        name_en="Lin Jie",
        defaults={
            "name_zh_hans": "林杰",
            "name_zh_hant": "林傑",
            "title_zh_hans": "局长",
            "title_zh_hant": "局長",
            "title_en": "Director General",
            "portfolio_zh_hans": "主持全面工作",
            "portfolio_en": "Overall operation of the bureau",
        },
    )
    home = load_home(zh)
    add_english(home, en, title="Home")
    responsibilities = add_source(
        home,
        ResponsibilitiesPage,
        "responsibilities",
        title="主要职责",
        show_in_menus=True,
        responsibilities=[("item", "负责全市因公护照的签发和管理工作。")],
    )
    add_english(
        responsibilities,
        en,
        title="Main responsibilities",
        responsibilities=[("item", "Issue and manage official passports.")],
    )
    leadership = add_source(
        home, LeadershipPage, "leadership", title="领导信息", show_in_menus=True
    )
    add_english(leadership, en, title="Leadership")
    news = add_source(home, NewsIndexPage, "news", title="新闻和通知公告", show_in_menus=True)
    add_english(news, en, title="News and notices")
    services = add_source(
        home, ServiceGuideIndexPage, "services", title="办事指南", show_in_menus=True
    )
    add_english(services, en, title="Service guides")
    guide = add_source(
        services,
        ServiceGuidePage,
        "official-passports",
        title="因公护照办理",
        materials="<p>任务批件原件</p>",
        time_limit="材料齐全后5个工作日内签发",
        online_url="/workspace/",
    )
    add_english(guide, en, title="Official passports", time_limit="Within 5 working days")
    return Portal(bureau, home, responsibilities, leadership, news, services, guide, zh, en)


def add_news(index: Page, slug: str, title: str, **fields: Any) -> NewsPage:
    fields.setdefault("body", "<p>正文</p>")
    return add_source(index, NewsPage, slug, title=title, **fields)  # type: ignore[return-value]
