"""Published pages come from the cache: no database query in the common case."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import Portal, add_news

pytestmark = pytest.mark.django_db


def queries_for(client: Any, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_a_cached_page_view_makes_no_database_query(
    client: Any, portal: Portal, django_assert_num_queries: Any
) -> None:
    client.get("/zh-hans/responsibilities/")
    with django_assert_num_queries(0):
        response = client.get("/zh-hans/responsibilities/")
    assert response.status_code == 200
    assert response["X-Portal-Cache"] == "hit"
    assert "负责全市因公护照的签发和管理工作" in response.content.decode()


def test_each_language_is_cached_apart(client: Any, portal: Portal) -> None:
    client.get("/zh-hans/responsibilities/")
    response = client.get("/zh-hant/responsibilities/")
    assert "負責全市因公護照的簽發和管理工作" in response.content.decode()
    assert response.get("X-Portal-Cache") is None


def test_an_uncached_news_list_costs_the_same_queries_for_few_and_many_items(
    client: Any, portal: Portal, django_assert_num_queries: Any
) -> None:
    for number in range(3):
        add_news(portal.news, f"a{number}", f"新闻{number}")
    client.get("/zh-hans/news/?warm=1")
    few = queries_for(client, "/zh-hans/news/?page=1")
    for number in range(3, 15):
        add_news(portal.news, f"a{number}", f"新闻{number}")
    with django_assert_num_queries(few):
        client.get("/zh-hans/news/?page=1")


def test_an_uncached_page_view_costs_a_fixed_small_number_of_queries(
    client: Any, portal: Portal, django_assert_num_queries: Any
) -> None:
    # Query strings bypass the cache: site, route (one query per path segment), view
    # restrictions, organisation data, the menu, and the page's translations for the language
    # switcher and hreflang links.
    client.get("/zh-hans/leadership/?warm=1")
    with django_assert_num_queries(13):
        client.get("/zh-hans/leadership/?fresh=1")


def test_publishing_clears_the_cache(client: Any, portal: Portal) -> None:
    item = add_news(portal.news, "changing", "原来的标题")
    assert "原来的标题" in client.get("/zh-hans/news/changing/").content.decode()
    item.title = "更新后的标题"
    item.save_revision().publish()

    content = client.get("/zh-hans/news/changing/").content.decode()
    assert "更新后的标题" in content
    assert "更新後的標題" in client.get("/zh-hant/news/changing/").content.decode()
    assert "更新后的标题" in client.get("/zh-hans/news/").content.decode()


def test_unpublishing_clears_the_cache(client: Any, portal: Portal) -> None:
    item = add_news(portal.news, "leaving", "将撤下")
    assert client.get("/zh-hans/news/leaving/").status_code == 200
    item.unpublish()
    assert client.get("/zh-hans/news/leaving/").status_code == 404


def test_signed_in_visitors_always_get_a_fresh_page(
    client: Any, portal: Portal, make_user: Any
) -> None:
    from waishi.accounts.constants import Role

    client.get("/zh-hans/responsibilities/")
    client.force_login(make_user(Role.WEBSITE_EDITOR))
    response = client.get("/zh-hans/responsibilities/")
    assert response.get("X-Portal-Cache") is None
