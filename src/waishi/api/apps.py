from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "waishi.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        from waishi.core.navigation import NavItem, registry

        registry.add_nav(
            NavItem("workspace", _("API tokens"), "api:tokens", "api.manage_tokens", order=950)
        )
