"""What happens when a page is published or unpublished: audit, Traditional sync, cache.

These run from Wagtail's ``page_published`` and ``page_unpublished`` signals rather than the
``after_publish_page`` admin hook, because the hook fires only when an editor presses
"Publish" in the editor: a page published by approving the last workflow task, or by the
``publish_scheduled`` command at its go-live time, would otherwise escape the audit log and
leave its Traditional page behind. The signals are Wagtail's own publish pipeline; every path
to publication passes through them.
"""

from typing import Any

from django.db import transaction
from wagtail.models import Page, Revision

from waishi.audit.actions import log_action

from . import cache
from .sync import sync_traditional, withdraw_traditional


def page_facts(page: Page) -> dict[str, Any]:
    return {
        "title": page.title,
        "locale": page.locale.language_code,
        "url_path": page.url_path,
        "type": page.specific_class._meta.label_lower if page.specific_class else "",
    }


def on_page_published(
    sender: Any, instance: Page, revision: Revision | None = None, **_: Any
) -> None:
    """Record the publish, bring the Traditional page in step, and clear the page cache."""
    actor = revision.user if revision is not None else None
    with transaction.atomic():
        log_action(
            action="portal.page.publish",
            actor=actor,
            obj=instance,
            after={**page_facts(instance), "revision": revision.pk if revision else None},
        )
        sync_traditional(instance, user=actor)
    clear_cache()


def on_page_unpublished(sender: Any, instance: Page, **_: Any) -> None:
    """Record the unpublish, withdraw the Traditional page with its source, clear the cache."""
    with transaction.atomic():
        log_action(action="portal.page.unpublish", obj=instance, before=page_facts(instance))
        withdraw_traditional(instance)
    clear_cache()


def on_tree_changed(*args: Any, **kwargs: Any) -> None:
    """A page moved or deleted changes URLs and menus: clear the page cache."""
    clear_cache()


def clear_cache() -> None:
    """Clear the page cache now and again after commit.

    Clearing now keeps this process from serving the old page; clearing after commit drops
    any copy another request cached from the old data while the transaction was open.
    """
    cache.clear()
    transaction.on_commit(cache.clear)
