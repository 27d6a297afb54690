from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectivesConfig(AppConfig):
    name = "waishi.directives"
    label = "directives"
    # An area of the bureau's work; its rights come from rules predicates alone.
    waishi_area = True
    waishi_rules_only = True
    verbose_name = _("Directives, tasks and briefs")

    def ready(self) -> None:
        from waishi.cases.cockpit import CockpitPanel, register_cockpit_panel
        from waishi.cases.constants import ClockOwner, ClockUnit
        from waishi.cases.registry import CaseType, ClockSpec, register_case_type
        from waishi.core.navigation import NavItem, registry
        from waishi.notifications.kinds import register_kind

        from . import permissions  # noqa: F401 - registers the rules
        from .cockpit import newest_briefs
        from .constants import (
            DEFAULT_DIVISION,
            DIRECTIVE_TYPE,
            REPLY_CLOCK,
            REPLY_TYPE,
            TASK_CLOCK,
            TASK_TYPE,
        )
        from .models import CountyReply, Directive, Task
        from .workflow import DIRECTIVE_WORKFLOW, REPLY_WORKFLOW, TASK_WORKFLOW

        register_case_type(
            CaseType(
                code=DIRECTIVE_TYPE,
                label=_("Directive to county offices"),
                workflow=DIRECTIVE_WORKFLOW,
                division_code=DEFAULT_DIVISION,
                detail_model=Directive,
                detail_template="directives/directive_detail.html",
                area_label=_("Directives"),
                audit_prefix="directives.directive",
                opened_by_bureau=True,
            )
        )
        register_case_type(
            CaseType(
                code=REPLY_TYPE,
                label=_("County reply to a directive"),
                workflow=REPLY_WORKFLOW,
                division_code=DEFAULT_DIVISION,
                detail_model=CountyReply,
                detail_template="directives/reply_detail.html",
                detail_related=("directive", "directive__case", "county", "replied_by"),
                area_label=_("Directives"),
                audit_prefix="directives.reply",
                clocks=(
                    # Started at issue with the directive's due date; a reply returned for
                    # revision is owed again within this many working days.
                    ClockSpec(
                        code=REPLY_CLOCK,
                        label=_("County reply"),
                        owner=ClockOwner.AGENCY,
                        unit=ClockUnit.WORKING_DAYS,
                        length=5,
                        remind_before=2,
                        repeat_overdue=3,
                    ),
                ),
            )
        )
        register_case_type(
            CaseType(
                code=TASK_TYPE,
                label=_("Task from above"),
                workflow=TASK_WORKFLOW,
                division_code=DEFAULT_DIVISION,
                detail_model=Task,
                detail_template="directives/task_detail.html",
                detail_prefetch=("helpers", "reports__created_by"),
                area_label=_("Tasks from above"),
                audit_prefix="directives.task",
                opened_by_bureau=True,
                clocks=(
                    # The due date is the one the assigning document sets (or the extension
                    # granted): the clock is always started on that day, so the length here
                    # is never counted.
                    ClockSpec(
                        code=TASK_CLOCK,
                        label=_("Task due"),
                        owner=ClockOwner.BUREAU,
                        unit=ClockUnit.DAYS,
                        length=30,
                        remind_before=3,
                        repeat_overdue=2,
                    ),
                ),
            )
        )
        register_kind(
            "directives.reminder", _("A reminder of a reply owed to the bureau"), order=40
        )
        register_kind("directives.brief", _("A foreign-affairs brief"), order=41)
        register_cockpit_panel(
            CockpitPanel(
                key="briefs",
                title=_("Newest briefs"),
                template="directives/cockpit_briefs.html",
                load=newest_briefs,
                permission="directives.read_briefs",
                order=50,
            )
        )
        for item in (
            NavItem("office", _("Directives"), "directives:list", "directives.read_directives", 60),
            NavItem(
                "office", _("Tasks from above"), "directives:tasks", "directives.read_tasks", 61
            ),
            NavItem("office", _("Briefs"), "directives:briefs", "directives.read_briefs", 62),
            NavItem(
                "workspace",
                _("Directives"),
                "directives:county_replies",
                "directives.reply_directives",
                30,
            ),
        ):
            registry.add_nav(item)
