"""Who reaches the CMS, drafts and unpublished pages: website editors only."""

from typing import Any

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Workflow

from waishi.accounts.constants import Role
from waishi.core.chinese import to_traditional
from waishi.portal.models import NewsPage
from waishi.portal.setup import EDITORS_GROUP, REVIEWERS_GROUP

from .factories import Portal, add_news

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_waishi_sign_in_from_the_cms(
    client: Any, portal: Portal
) -> None:
    response = client.get("/cms/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_wagtail_own_sign_in_page_sends_to_waishi_sign_in(client: Any) -> None:
    response = client.get("/cms/login/?next=/cms/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role", [Role.DIVISION_HEAD, Role.LIAISON_OFFICER, Role.SYSTEM_ADMIN])
def test_other_roles_get_no_cms(client: Any, make_user: Any, portal: Portal, role: str) -> None:
    client.force_login(make_user(role))
    response = client.get("/cms/")
    assert response.status_code == 302
    assert client.get(f"/cms/pages/{portal.home.pk}/").status_code == 302


def test_website_editor_reaches_the_cms_and_the_page_editor(
    client: Any, make_user: Any, portal: Portal
) -> None:
    client.force_login(make_user(Role.WEBSITE_EDITOR))
    assert client.get("/cms/").status_code == 200
    assert client.get(f"/cms/pages/{portal.guide.pk}/edit/").status_code == 200


def test_sign_in_puts_editors_in_the_editor_groups(
    client: Any, make_user: Any, portal: Portal
) -> None:
    from waishi.accounts.tests.factories import DivisionFactory

    editor = make_user(Role.WEBSITE_EDITOR)
    reviewer = make_user(Role.WEBSITE_EDITOR, division=DivisionFactory(code="office"))
    officer = make_user(Role.DIVISION_OFFICER)
    for user in (editor, reviewer, officer):
        client.force_login(user)

    assert set(editor.groups.values_list("name", flat=True)) == {EDITORS_GROUP}
    assert set(reviewer.groups.values_list("name", flat=True)) == {EDITORS_GROUP, REVIEWERS_GROUP}
    assert not officer.groups.exists()


def test_a_revoked_editor_leaves_the_groups_at_next_sign_in(
    client: Any, make_user: Any, portal: Portal
) -> None:
    editor = make_user(Role.WEBSITE_EDITOR)
    client.force_login(editor)
    editor.role_grants.all().delete()
    editor = type(editor).objects.get(pk=editor.pk)
    client.force_login(editor)
    assert not editor.groups.filter(name=EDITORS_GROUP).exists()


def test_anonymous_visitor_sees_no_draft_or_unpublished_page(client: Any, portal: Portal) -> None:
    draft = NewsPage(slug="draft", title="未发布的草稿", body="<p>草稿</p>", live=False)
    portal.news.add_child(instance=draft)
    draft.save_revision()
    gone = add_news(portal.news, "withdrawn", "已撤下的通知")
    gone.unpublish()

    for path in ("/zh-hans/news/draft/", "/zh-hans/news/withdrawn/", "/zh-hant/news/withdrawn/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "草稿" not in response.content.decode()
    assert "未发布的草稿" not in client.get("/zh-hans/news/").content.decode()
    assert client.get("/zh-hans/search/?q=草稿").content.decode().count("未发布的草稿") == 0


def test_draft_changes_of_a_live_page_stay_hidden(client: Any, portal: Portal) -> None:
    item = add_news(portal.news, "live", "已发布的标题")
    item.title = "尚未审核的新标题"
    item.save_revision()

    content = client.get("/zh-hans/news/live/").content.decode()
    assert "已发布的标题" in content
    assert "尚未审核的新标题" not in content


def test_editor_submits_and_the_office_approves_in_the_workflow(
    make_user: Any, portal: Portal, client: Any
) -> None:
    from waishi.accounts.tests.factories import DivisionFactory

    editor = make_user(Role.WEBSITE_EDITOR)
    reviewer = make_user(Role.WEBSITE_EDITOR, division=DivisionFactory(code="office"))
    client.force_login(editor)
    client.force_login(reviewer)
    page = NewsPage(slug="reviewed", title="待审核的新闻", body="<p>内容</p>", live=False)
    portal.news.add_child(instance=page)
    page.save_revision(user=editor)

    workflow = page.get_workflow()
    assert workflow == Workflow.objects.get(name="Office review")
    assert not page.permissions_for_user(editor).can_publish()
    state = workflow.start(page, editor)
    page.refresh_from_db()
    assert not page.live

    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(page, reviewer)
    task_state.approve(user=reviewer)
    page.refresh_from_db()
    assert page.live
    hant = page.get_translation(portal.zh.__class__.objects.get(language_code="zh-hant"))
    assert hant.live
    assert hant.title == to_traditional("待审核的新闻")


def test_groups_exist_with_page_permissions(portal: Portal) -> None:
    editors = Group.objects.get(name=EDITORS_GROUP)
    reviewers = Group.objects.get(name=REVIEWERS_GROUP)
    editor_perms = set(editors.page_permissions.values_list("permission__codename", flat=True))
    reviewer_perms = set(reviewers.page_permissions.values_list("permission__codename", flat=True))
    assert "change_page" in editor_perms and "publish_page" not in editor_perms
    assert "publish_page" in reviewer_perms


@pytest.mark.django_db
def test_a_service_guide_refuses_a_script_link_for_filing_online():
    from django.core.exceptions import ValidationError

    from waishi.portal.models import ServiceGuidePage

    page = ServiceGuidePage(title="指南", slug="guide", online_url="javascript:alert(1)")
    with pytest.raises(ValidationError) as refused:
        page.full_clean(exclude=["path", "depth", "content_type", "locale", "translation_key"])
    assert "online_url" in refused.value.message_dict
