from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "waishi.notifications"
    label = "notifications"
    # A shared app (not an area); its rights come from rules predicates alone.
    waishi_area = False
    waishi_rules_only = True
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from waishi.cases.notify import register_listener
        from waishi.core.navigation import NavItem, registry

        from .constants import Channel
        from .kinds import register_kind
        from .listeners import on_case_event

        in_app = (Channel.IN_APP,)
        in_app_and_email = (Channel.IN_APP, Channel.EMAIL)
        register_kind(
            "cases.transition", _("A case moved to another step"), default_channels=in_app, order=10
        )
        register_kind("cases.comment", _("A comment on a case"), default_channels=in_app, order=11)
        register_kind(
            "cases.assigned",
            _("A case was assigned to you"),
            default_channels=in_app_and_email,
            order=12,
        )
        register_kind(
            "cases.reminder",
            _("A case is nearly due"),
            default_channels=in_app_and_email,
            order=13,
        )
        register_kind(
            "cases.escalation",
            _("A case is overdue"),
            default_channels=in_app_and_email,
            order=14,
        )
        register_listener(on_case_event)

        for face in ("workspace", "office"):
            registry.add_nav(
                NavItem(
                    face,
                    _("Notifications"),
                    "notifications:list",
                    "notifications.use_notifications",
                    order=900,
                )
            )
