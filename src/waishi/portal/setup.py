"""The portal's fixed furniture: locales, editor groups and their permissions, the workflow.

Waishi's roles decide who may enter the CMS at all (``wagtailadmin.access_admin`` is granted
to website editors by a rules predicate). Wagtail's page permissions, however, are read from
groups, so each website editor is kept in the "Website editors" group, and editors of the
bureau's office also in "Website reviewers", whose members approve pages in the workflow.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS_GROUP = "Website editors"
REVIEWERS_GROUP = "Website reviewers"
WORKFLOW_NAME = "Office review"
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")
REVIEWER_PAGE_PERMISSIONS = (*EDITOR_PAGE_PERMISSIONS, "publish_page", "bulk_delete_page")
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def review_division_code() -> str:
    """The division whose website editors review pages (the bureau's office by default)."""
    return str(getattr(settings, "WAISHI_PORTAL_REVIEW_DIVISION", "office"))


def ensure_locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _label in settings.WAGTAIL_CONTENT_LANGUAGES
    }


def ensure_trees() -> Page:
    """The root page and root collection (created by Wagtail's migrations; a flushed test
    database has lost them)."""
    ensure_locales()
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=source))
    return root


def _grant_pages(group: Group, root: Page, codenames: tuple[str, ...]) -> None:
    for codename in codenames:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


def _grant_collections(group: Group) -> None:
    root = Collection.get_first_root_node()
    for app_label, codename in COLLECTION_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


@transaction.atomic
def ensure_editorial_setup() -> tuple[Group, Group]:
    """Create the locales, the two groups with their permissions, and the review workflow."""
    root = ensure_trees()
    editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    reviewers, _created = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    _grant_pages(editors, root, EDITOR_PAGE_PERMISSIONS)
    _grant_pages(reviewers, root, REVIEWER_PAGE_PERMISSIONS)
    for group in (editors, reviewers):
        _grant_collections(group)
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label="simple_translation", codename="submit_translation"
            )
        )
    task, _created = GroupApprovalTask.objects.get_or_create(name=WORKFLOW_NAME)
    task.groups.set([reviewers])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return editors, reviewers
