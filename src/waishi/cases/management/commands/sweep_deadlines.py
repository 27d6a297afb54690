"""``waishi sweep_deadlines``: clock reminders before due dates, escalation after (cron-safe)."""

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from waishi.accounts.actions import do_disable_dormant_accounts
from waishi.cases.actions import do_purge_idempotency_keys
from waishi.cases.clocks import sweep_clocks


class Command(BaseCommand):
    help = (
        "Remind the people who must act of every clock due soon or due today, and escalate "
        "overdue clocks to the division head. Each reminder goes out once; safe to run on "
        "several hosts at the same time. Also disables accounts unused for WAISHI_DORMANT_DAYS."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = sweep_clocks()
        # Old submission keys are kept long enough for any retry, then dropped.
        days = int(getattr(settings, "WAISHI_IDEMPOTENCY_KEY_DAYS", 7))
        purged = do_purge_idempotency_keys(older_than=datetime.timedelta(days=days))
        dormant = do_disable_dormant_accounts()
        self.stdout.write(
            f"reminded={result.reminded} escalated={result.escalated} keys_purged={purged} "
            f"dormant_disabled={dormant}"
        )
