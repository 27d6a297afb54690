from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "waishi.api"
    label = "api"
    # A shared app (not an area); its rights come from rules predicates alone.
    waishi_area = False
    waishi_rules_only = True
    verbose_name = _("API")

    def ready(self) -> None:
        from waishi.core.navigation import NavItem, registry
        from waishi.notifications.constants import Channel
        from waishi.notifications.kinds import register_kind

        register_kind(
            "api.token_acting",
            _("An API token was created that acts as you"),
            default_channels=(Channel.IN_APP, Channel.EMAIL),
            in_app_required=True,
            order=90,
        )

        registry.add_nav(
            NavItem("workspace", _("API tokens"), "api:tokens", "api.manage_tokens", order=950)
        )
