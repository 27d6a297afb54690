"""System checks of the case types and the apps that register them.

Two mistakes used to fail silently: a case type whose division code has no ``Division`` row
(its cases were filed with no owning division and nobody could act on them), and an app
missing from a settings list. Now each app says what it is on its ``AppConfig``
(``waishi.core.appflags``) and these checks report what is missing:

- ``cases.E001``: a case type's division code names no division (reads the database, so it
  runs with ``waishi check --database default`` and ``check --deploy --database default``;
  skipped while the tables are not migrated; a warning, ``cases.W001``, while no division
  has been entered at all, so that the first ``migrate`` of a new installation goes through);
- ``cases.E002``: a Waishi app does not declare ``waishi_area`` (and an area app
  ``waishi_rules_only``);
- ``cases.E003``: a case type's detail model lives in an app not declared an area;
- ``cases.E004``: a clock a case type declares is counted in an unknown unit, owned by
  nobody known, has neither a length nor a rule, names a rule code no area declares, or is
  named by a transition without being declared.
"""

from typing import Any

from django.apps import apps
from django.core import checks
from django.db import DatabaseError

from waishi.core.appflags import AREA_FLAG, RULES_ONLY_FLAG, declares, flag, is_waishi_app

from .registry import case_types
from .rule_registry import rule_definition


@checks.register(checks.Tags.database)
def check_case_type_divisions(
    app_configs: Any = None, databases: Any = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """Every registered case type's division code exists as a ``Division`` row."""
    if not databases:
        return []
    from waishi.accounts.models import Division

    wanted = {kind.code: kind.division_code for kind in case_types() if kind.division_code}
    if not wanted:
        return []
    try:
        known = set(
            Division.objects.filter(code__in=set(wanted.values())).values_list("code", flat=True)
        )
        any_division = bool(known) or Division.objects.exists()
    except DatabaseError:
        # Not migrated yet: nothing to check.
        return []
    missing = {code: division for code, division in wanted.items() if division not in known}
    if not missing:
        return []
    listed = ", ".join(f"{code} → {division}" for code, division in sorted(missing.items()))
    if not any_division:
        return [
            checks.Warning(
                f"No division has been entered yet; these case types need theirs: {listed}",
                hint="Enter the bureau's divisions (admin site, Organisation) before cases are "
                "filed.",
                id="cases.W001",
            )
        ]
    return [
        checks.Error(
            f"Case types name a division code that no division has: {listed}",
            hint="Create the division with exactly this code (admin site, Organisation → "
            "Divisions) or correct the code; until then these cases are filed with no owning "
            "division and nobody can act on them.",
            id="cases.E001",
        )
    ]


@checks.register()
def check_app_flags(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Every Waishi app says whether it is an area; case types live in area apps."""
    problems: list[checks.CheckMessage] = []
    for config in apps.get_app_configs():
        if not is_waishi_app(config):
            continue
        if not declares(config, AREA_FLAG):
            problems.append(
                checks.Error(
                    f"App {config.label} does not say whether it is an area of the bureau's work.",
                    hint=f"Set {AREA_FLAG} = True (an area) or False (a shared app) on "
                    f"{type(config).__name__}; see docs/adding-an-area.md.",
                    obj=config,
                    id="cases.E002",
                )
            )
        elif flag(config, AREA_FLAG) and not declares(config, RULES_ONLY_FLAG):
            problems.append(
                checks.Error(
                    f"Area app {config.label} does not say where its rights come from.",
                    hint=f"Set {RULES_ONLY_FLAG} = True on {type(config).__name__} when its "
                    "rights are rules predicates only (every area so far).",
                    obj=config,
                    id="cases.E002",
                )
            )
    for kind in case_types():
        if kind.detail_model is None:
            continue
        config = apps.get_app_config(kind.detail_model._meta.app_label)
        if not flag(config, AREA_FLAG):
            problems.append(
                checks.Error(
                    f"Case type {kind.code} keeps its detail in app {config.label}, which is not "
                    "declared an area.",
                    hint=f"Set {AREA_FLAG} = True on {type(config).__name__}.",
                    obj=config,
                    id="cases.E003",
                )
            )
    return problems


@checks.register()
def check_clocks(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    from .constants import ClockOwner, ClockUnit

    problems: list[checks.CheckMessage] = []

    def report(kind: Any, message: str) -> None:
        problems.append(checks.Error(f"Case type {kind.code}: {message}", id="cases.E004"))

    for kind in case_types():
        declared = {spec.code for spec in kind.clock_specs()}
        for spec in kind.clock_specs():
            if spec.unit not in ClockUnit.values:
                report(kind, f"clock {spec.code} is counted in an unknown unit {spec.unit!r}.")
            if spec.owner not in ClockOwner.values:
                report(kind, f"clock {spec.code} has an unknown owner {spec.owner!r}.")
            if spec.length is None and not spec.rule_code:
                report(kind, f"clock {spec.code} has neither a length nor a rule.")
            if spec.rule_code and rule_definition(spec.rule_area, spec.rule_code) is None:
                report(
                    kind,
                    f"clock {spec.code} reads rule {spec.rule_area}.{spec.rule_code}, "
                    "which no area declares.",
                )
        for transition in kind.workflow.transitions:
            for change in getattr(transition, "clocks", ()):
                if change.code not in declared:
                    report(
                        kind,
                        f"transition {transition.name} names clock {change.code}, "
                        "which the type does not declare.",
                    )
    return problems
