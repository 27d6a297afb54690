from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "waishi.portal"
    label = "portal"
    # A shared app (not an area); Django's permission tables are asked as usual.
    waishi_area = False
    waishi_rules_only = False
    verbose_name = _("Public portal")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import actions, publishing

        page_published.connect(publishing.on_page_published, dispatch_uid="portal-published")
        page_unpublished.connect(publishing.on_page_unpublished, dispatch_uid="portal-unpub")
        post_page_move.connect(publishing.on_tree_changed, dispatch_uid="portal-moved")
        post_delete.connect(publishing.on_tree_changed, sender=Page, dispatch_uid="portal-del")
        user_logged_in.connect(actions.on_user_logged_in, dispatch_uid="portal-editor-groups")
