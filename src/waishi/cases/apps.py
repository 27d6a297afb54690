from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "waishi.cases"
    label = "cases"
    # A shared app (not an area); its rights come from rules predicates alone.
    waishi_area = False
    waishi_rules_only = True
    verbose_name = _("Cases")

    def ready(self) -> None:
        from waishi.core.navigation import NavItem, Panel, registry

        from . import checks  # noqa: F401 - registers the system checks

        registry.add_nav(
            NavItem(
                "workspace",
                _("Our cases"),
                "cases:workspace_list",
                "cases.view_agency_cases",
                order=20,
                badge_url="cases:todo_count",
            )
        )
        registry.add_nav(
            NavItem(
                "office",
                _("Inbox"),
                "cases:inbox",
                "cases.use_inbox",
                order=10,
                badge_url="cases:todo_count",
            )
        )
        for face in ("office", "admin"):
            registry.add_nav(
                NavItem(
                    face,
                    _("Holiday calendar"),
                    "cases:calendar",
                    "cases.view_holiday_calendar",
                    order=90,
                )
            )
        registry.add_nav(
            NavItem("office", _("Cockpit"), "cases:cockpit", "cases.view_cockpit", order=5)
        )
        registry.add_nav(NavItem("office", _("Rules"), "cases:rules", "cases.read_rules", order=50))
        registry.add_panel(
            Panel(
                "office",
                _("My to-do"),
                "cases/panels/my_tasks.html",
                "cases.use_inbox",
                order=10,
            )
        )
        registry.add_panel(
            Panel(
                "office",
                _("Overdue cases"),
                "cases/panels/overdue.html",
                "cases.use_inbox",
                order=20,
            )
        )
        registry.add_panel(
            Panel(
                "workspace",
                _("Waiting for us"),
                "cases/panels/my_tasks.html",
                "cases.view_agency_cases",
                order=5,
            )
        )
        registry.add_panel(
            Panel(
                "workspace",
                _("Our open cases"),
                "cases/panels/agency_open.html",
                "cases.view_agency_cases",
                order=10,
            )
        )
