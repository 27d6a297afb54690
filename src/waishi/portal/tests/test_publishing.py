"""Publishing: Traditional pages follow the Simplified source, and every publish is audited."""

from typing import Any

import pytest
from wagtail.models import Locale

from waishi.audit.models import AuditEvent

from .factories import Portal, add_news

pytestmark = pytest.mark.django_db


def traditional(page: Any) -> Any:
    return page.get_translation(Locale.objects.get(language_code="zh-hant")).specific


def test_publishing_a_simplified_page_publishes_its_traditional_page(portal: Portal) -> None:
    item = add_news(
        portal.news, "passports", "关于因公护照集中保管的通知", body="<p>请按时交回护照。</p>"
    )

    hant = traditional(item)
    assert hant.live
    assert hant.title == "關於因公護照集中保管的通知"
    assert hant.body == "<p>請按時交回護照。</p>"
    assert hant.url_path.endswith("/news/passports/")


def test_traditional_page_follows_a_republished_source(portal: Portal) -> None:
    item = add_news(portal.news, "meeting", "我局召开工作会议")
    item.title = "我局召开外事侨务工作会议"
    item.save_revision().publish()

    assert traditional(item).title == "我局召開外事僑務工作會議"


def test_stream_fields_are_converted(portal: Portal) -> None:
    hant = traditional(portal.responsibilities)
    assert hant.responsibilities[0].value == "負責全市因公護照的簽發和管理工作。"


def test_traditional_page_stays_editable_until_the_source_is_republished(portal: Portal) -> None:
    item = add_news(portal.news, "edit", "外事工作动态")
    hant = traditional(item)
    hant.title = "外事工作動態（修訂）"
    hant.save_revision().publish()
    assert traditional(item).title == "外事工作動態（修訂）"

    item.save_revision().publish()
    assert traditional(item).title == "外事工作動態"


def test_publishing_traditional_or_english_does_not_touch_the_source(portal: Portal) -> None:
    english = portal.guide.get_translation(portal.en).specific
    english.title = "Official passports (revised)"
    english.save_revision().publish()

    portal.guide.refresh_from_db()
    assert portal.guide.title == "因公护照办理"


def test_every_publish_is_in_the_audit_log(portal: Portal, make_user: Any) -> None:
    from waishi.accounts.constants import Role

    editor = make_user(Role.WEBSITE_EDITOR)
    item = add_news(portal.news, "audited", "审计测试")
    before = AuditEvent.objects.filter(action="portal.page.publish").count()

    item.title = "审计测试（更新）"
    item.save_revision(user=editor).publish(user=editor, skip_permission_checks=True)

    events = AuditEvent.objects.filter(action="portal.page.publish").order_by("seq")[before:]
    source_event = next(e for e in events if e.object_id == str(item.pk))
    assert source_event.actor_id == editor.pk
    assert source_event.after["title"] == "审计测试（更新）"
    assert source_event.after["locale"] == "zh-hans"
    # The Traditional page published with it is recorded too.
    assert any(e.object_id == str(traditional(item).pk) for e in events)


def test_unpublishing_is_audited(portal: Portal) -> None:
    item = add_news(portal.news, "gone", "将撤下的通知")
    item.unpublish()

    assert AuditEvent.objects.filter(
        action="portal.page.unpublish", object_id=str(item.pk)
    ).exists()
