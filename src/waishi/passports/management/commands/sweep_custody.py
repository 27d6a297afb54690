"""``waishi sweep_custody``: custody reminders, suspensions and expiries (cron-safe)."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from waishi.passports.custody import sweep_custody


class Command(BaseCommand):
    help = (
        "Remind agencies of official documents not returned to custody, suspend an agency "
        "after the unheeded reminders, and mark expired documents. Safe to run on several "
        "hosts at the same time."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="Run as if today were this date (YYYY-MM-DD).")

    def handle(self, *args: Any, **options: Any) -> None:
        day = datetime.date.fromisoformat(options["date"]) if options.get("date") else None
        result = sweep_custody(today=day)
        self.stdout.write(
            f"reminded={result.reminded} locked={result.locked} expired={result.expired}"
        )
