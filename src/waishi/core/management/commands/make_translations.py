"""Refresh every app's catalogues from the source, then fill Traditional from Simplified."""

import os
from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from waishi.core.chinese import to_traditional

SIMPLIFIED, TRADITIONAL = "zh_Hans", "zh_Hant"


def fill_traditional(simplified_po: Path, traditional_po: Path) -> int:
    """Write the Traditional catalogue as the OpenCC conversion of the Simplified one.

    Traditional never lags: every entry translated in Simplified is converted, including
    plurals; entries not yet translated in Simplified stay empty in both. Returns how many
    entries were written.
    """
    source = polib.pofile(str(simplified_po))
    target = polib.pofile(str(traditional_po)) if traditional_po.exists() else polib.POFile()
    target.metadata = dict(source.metadata, Language="zh_Hant")
    by_key = {(e.msgctxt, e.msgid): e for e in target}
    written = 0
    for entry in source:
        if entry.obsolete:
            continue
        existing = by_key.get((entry.msgctxt, entry.msgid))
        if existing is None:
            existing = polib.POEntry(
                msgid=entry.msgid,
                msgctxt=entry.msgctxt,
                msgid_plural=entry.msgid_plural,
                occurrences=entry.occurrences,
            )
            target.append(existing)
        existing.flags = [f for f in entry.flags if f != "fuzzy"]
        if entry.msgid_plural:
            existing.msgstr_plural = {k: to_traditional(v) for k, v in entry.msgstr_plural.items()}
        else:
            existing.msgstr = to_traditional(entry.msgstr)
        written += 1
    live = {(e.msgctxt, e.msgid) for e in source if not e.obsolete}
    for entry in list(target):
        if (entry.msgctxt, entry.msgid) not in live:
            target.remove(entry)
    traditional_po.parent.mkdir(parents=True, exist_ok=True)
    target.save(str(traditional_po))
    return written


class Command(BaseCommand):
    help = (
        "Run makemessages for every Waishi app (needs GNU gettext), then fill zh-Hant from "
        "zh-Hans with OpenCC and the official-term glossary."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--fill-only",
            action="store_true",
            help="Only fill zh-Hant from zh-Hans; do not run makemessages.",
        )
        parser.add_argument(
            "--app",
            action="append",
            default=[],
            help="Only this app (repeatable), e.g. --app cases.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(settings.PACKAGE_DIR)
        app_dirs = sorted(p.parent for p in root.glob("*/apps.py"))
        if options["app"]:
            app_dirs = [d for d in app_dirs if d.name in options["app"]]
        if not options["fill_only"]:
            here = Path.cwd()
            try:
                for app_dir in app_dirs:
                    (app_dir / "locale").mkdir(exist_ok=True)
                    os.chdir(app_dir)
                    call_command(
                        "makemessages",
                        locale=[SIMPLIFIED, TRADITIONAL],
                        no_obsolete=True,
                        verbosity=0,
                    )
            finally:
                os.chdir(here)
        for app_dir in app_dirs if options["app"] else [root]:
            self._fill(app_dir, root)
        call_command("compile_translations", verbosity=options["verbosity"])

    def _fill(self, under: Path, root: Path) -> None:
        for simplified in sorted(under.glob(f"**/locale/{SIMPLIFIED}/LC_MESSAGES/django.po")):
            traditional = simplified.parents[2] / TRADITIONAL / "LC_MESSAGES" / "django.po"
            count = fill_traditional(simplified, traditional)
            self.stdout.write(f"{traditional.relative_to(root)}: {count} entries")
