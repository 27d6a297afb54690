"""Compile every .po catalogue of Waishi to .mo, in pure Python (no GNU gettext needed)."""

from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogue_files() -> list[Path]:
    """All Waishi .po files: the project's own and each app's."""
    root = Path(settings.PACKAGE_DIR)
    return sorted(root.glob("**/locale/*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = "Compile Waishi's translation catalogues (.po → .mo) without GNU gettext."
    # Part of set-up: it must work before the database or the settings are complete.
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        compiled = 0
        for po_path in catalogue_files():
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            compiled += 1
        if compiled and options["verbosity"] > 0:
            self.stdout.write(f"Compiled {compiled} translation catalogue(s).")
