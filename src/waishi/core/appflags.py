"""What each Waishi app says it is, read from flags on its ``AppConfig``.

An app declares itself instead of being named in a list elsewhere::

    class MissionsConfig(AppConfig):
        name = "waishi.missions"
        waishi_area = True  # an area of the bureau's work (never imports another area)
        waishi_rules_only = True  # rights come from rules predicates, never Django's tables

Every ``waishi.*`` app declares ``waishi_area``; the system check ``cases.E002`` reports one
that does not, so a new app cannot be forgotten silently. The flags are read from the app
registry, which is the same in every process.
"""

from typing import Any

from django.apps import AppConfig, apps
from django.core.signals import setting_changed

AREA_FLAG = "waishi_area"
RULES_ONLY_FLAG = "waishi_rules_only"

# Labels per flag, computed once the registry is ready (asked on every permission check).
_labels: dict[str, frozenset[str]] = {}


def flag(config: AppConfig, name: str) -> bool:
    """The app's flag ``name`` (false when it does not declare it)."""
    return bool(getattr(config, name, False))


def declares(config: AppConfig, name: str) -> bool:
    """Whether the app's own config class says ``name`` (True or False)."""
    return any(name in vars(cls) for cls in type(config).__mro__ if cls is not AppConfig)


def is_waishi_app(config: AppConfig) -> bool:
    return config.name.startswith("waishi.")


def flagged(name: str) -> frozenset[str]:
    """Labels of the installed apps whose flag ``name`` is true."""
    labels = _labels.get(name)
    if labels is None:
        labels = frozenset(c.label for c in apps.get_app_configs() if flag(c, name))
        if apps.ready:
            _labels[name] = labels
    return labels


def _forget(*, setting: str, **kwargs: Any) -> None:
    if setting == "INSTALLED_APPS":
        _labels.clear()


setting_changed.connect(_forget, dispatch_uid="waishi.core.appflags")


def area_apps() -> frozenset[str]:
    """Labels of the apps that are areas of the bureau's work (missions, passports, …)."""
    return flagged(AREA_FLAG)


def rules_only_apps() -> frozenset[str]:
    """Labels of the apps whose rights come from rules predicates alone.

    Django's permission tables grant nothing there, so the authentication backend refuses
    without reading them (two queries saved per refused check).
    """
    return flagged(RULES_ONLY_FLAG)
