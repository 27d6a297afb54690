"""The public site in three languages: redirects, switcher, hreflang, search, sitemap, 404."""

from typing import Any

import pytest

from .factories import Portal, add_news

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "target"),
    [
        ("en-US,en;q=0.9", "/en/"),
        ("zh-TW,zh;q=0.9", "/zh-hant/"),
        ("zh-CN", "/zh-hans/"),
        ("fr-FR", "/zh-hans/"),
        ("", "/zh-hans/"),
    ],
)
def test_root_redirects_by_the_browser_language(
    client: Any, portal: Portal, accept: str, target: str
) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/zh-hans/", "zh-hans", "主要职责"),
        ("/zh-hant/", "zh-hant", "主要職責"),
        ("/en/", "en", "Main responsibilities"),
    ],
)
def test_home_page_in_each_language(
    client: Any, portal: Portal, path: str, lang: str, text: str
) -> None:
    content = client.get(path).content.decode()
    assert f'<html lang="{lang}">' in content
    assert text in content
    for label in ("简体中文", "繁體中文", "English"):
        assert label in content


def test_pages_link_their_translations_with_hreflang(client: Any, portal: Portal) -> None:
    content = client.get("/zh-hans/services/official-passports/").content.decode()
    for lang in ("zh-hans", "zh-hant", "en"):
        assert (
            f'<link rel="alternate" hreflang="{lang}" '
            f'href="http://testserver/{lang}/services/official-passports/">' in content
        )


def test_english_visitor_of_an_untranslated_page_is_pointed_to_the_chinese_one(
    client: Any, portal: Portal
) -> None:
    add_news(portal.news, "chinese-only", "只有中文的新闻")
    response = client.get("/en/news/chinese-only/")
    content = response.content.decode()
    assert response.status_code == 404
    assert "not yet available in your language" in content
    assert 'href="/zh-hans/news/chinese-only/"' in content
    assert "只有中文的新闻" in content


def test_unknown_page_gets_the_portal_404_in_the_visitor_language(
    client: Any, portal: Portal
) -> None:
    response = client.get("/zh-hant/no-such-page/")
    assert response.status_code == 404
    assert '<html lang="zh-hant">' in response.content.decode()
    assert "portal-header" in response.content.decode()


def test_leadership_page_shows_the_organisation_leaders_in_the_visitor_language(
    client: Any, portal: Portal
) -> None:
    assert "局长" in client.get("/zh-hans/leadership/").content.decode()
    assert "局長" in client.get("/zh-hant/leadership/").content.decode()
    english = client.get("/en/leadership/").content.decode()
    assert "Lin Jie" in english and "Director General" in english


def test_service_guide_links_to_online_filing(client: Any, portal: Portal) -> None:
    content = client.get("/zh-hans/services/official-passports/").content.decode()
    assert 'href="/workspace/"' in content
    assert "材料齐全后5个工作日内签发" in content


@pytest.mark.parametrize(
    ("path", "query", "title"),
    [
        ("/zh-hans/search/", "护照", "因公护照办理"),
        ("/zh-hant/search/", "護照", "因公護照辦理"),
        ("/en/search/", "passports", "Official passports"),
    ],
)
def test_search_finds_pages_in_the_visitor_language(
    client: Any, portal: Portal, path: str, query: str, title: str
) -> None:
    content = client.get(path, {"q": query}).content.decode()
    assert title in content


def test_search_does_not_mix_languages(client: Any, portal: Portal) -> None:
    content = client.get("/zh-hans/search/", {"q": "护照"}).content.decode()
    assert "因公護照辦理" not in content


def test_sitemap_lists_pages_in_all_languages(client: Any, portal: Portal) -> None:
    content = client.get("/sitemap.xml").content.decode()
    for lang in ("zh-hans", "zh-hant", "en"):
        assert f"/{lang}/services/official-passports/</loc>" in content


def test_robots_txt_keeps_crawlers_out_of_the_cms(client: Any) -> None:
    content = client.get("/robots.txt").content.decode()
    assert "Disallow: /cms/" in content
    assert "Sitemap: http://testserver/sitemap.xml" in content


def test_notice_expiry_is_honoured(client: Any, portal: Portal, monkeypatch: Any) -> None:
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    start = timezone.now()
    add_news(
        portal.news,
        "expiring",
        "即将到期的通知",
        category="notice",
        expire_at=start + timedelta(hours=1),
    )
    assert client.get("/zh-hant/news/expiring/").status_code == 200

    monkeypatch.setattr(timezone, "now", lambda: start + timedelta(hours=2))
    call_command("publish_scheduled")
    assert client.get("/zh-hans/news/expiring/").status_code == 404
    assert client.get("/zh-hant/news/expiring/").status_code == 404


def test_scheduled_notice_goes_live_at_its_time(
    client: Any, portal: Portal, monkeypatch: Any
) -> None:
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from waishi.portal.models import NewsPage

    start = timezone.now()
    notice = NewsPage(
        slug="later",
        title="定时发布的通知",
        body="<p>x</p>",
        category="notice",
        live=False,
        go_live_at=start + timedelta(hours=1),
    )
    portal.news.add_child(instance=notice)
    notice.save_revision().publish()
    assert client.get("/zh-hans/news/later/").status_code == 404

    monkeypatch.setattr(timezone, "now", lambda: start + timedelta(hours=2))
    call_command("publish_scheduled")
    assert client.get("/zh-hans/news/later/").status_code == 200
    assert client.get("/zh-hant/news/later/").status_code == 200
