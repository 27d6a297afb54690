"""The demo-data runner: each app's ``demo.py`` loads its part, in ``ORDER``.

An app's demo module defines ``ORDER`` (an int; accounts is 10) and
``load(*, stdout, rng) -> None``, which must be idempotent: it creates only what is missing,
so running the demo twice changes nothing.
"""

import importlib
import random
from types import ModuleType
from typing import Any

from django.apps import apps
from django.db import transaction

DEMO_SEED = 20261129


def demo_modules() -> list[ModuleType]:
    """Every installed Waishi app's demo module, in load order."""
    found: list[ModuleType] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("waishi."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        found.append(module)
    return sorted(found, key=lambda module: getattr(module, "ORDER", 100))


def load_demo(stdout: Any) -> None:
    """Run every app's demo loader, each in its own transaction, with a fixed random seed."""
    for module in demo_modules():
        rng = random.Random(f"{DEMO_SEED}-{module.__name__}")  # noqa: S311 - demo data only
        with transaction.atomic():
            module.load(stdout=stdout, rng=rng)
