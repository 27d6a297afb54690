"""``waishi sweep_deadlines``: reminders before due dates, escalation after (cron-safe)."""

from typing import Any

from django.core.management.base import BaseCommand

from waishi.cases.deadlines import sweep_deadlines


class Command(BaseCommand):
    help = (
        "Write reminder entries and notify assignees of cases due soon, and escalate overdue "
        "cases to the division head. Each reminder goes out once; safe to run on several "
        "hosts at the same time."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = sweep_deadlines()
        self.stdout.write(f"reminded={result.reminded} escalated={result.escalated}")
