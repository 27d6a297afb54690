"""``waishi worker``: run background tasks; waits out database outages, recycles itself."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.crypto import get_random_string
from django_tasks_db.compat import DEFAULT_TASK_BACKEND_ALIAS

from waishi.core.workers import ResilientWorker, worker_limits


class Command(BaseCommand):
    help = (
        "Run background tasks from the database queue. Waits and reconnects while the "
        "database is unreachable; stops cleanly after WAISHI_WORKER_MAX_TASKS tasks or above "
        "WAISHI_WORKER_MAX_MEMORY_MB, for its supervisor (waishi serve, systemd) to restart."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--queue-name", default="*", help="Queues, comma-separated; * for all.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls.")
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then exit.")
        parser.add_argument("--max-tasks", type=int, default=None)
        parser.add_argument("--worker-id", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        max_tasks, max_memory_mb = worker_limits()
        worker = ResilientWorker(
            queue_names=options["queue_name"].split(","),
            interval=options["interval"],
            batch=options["batch"],
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=not options["batch"],
            max_tasks=options["max_tasks"] or max_tasks,
            worker_id=options["worker_id"] or get_random_string(32),
            excluded_queue_names=[],
            max_memory_mb=max_memory_mb,
        )
        worker.configure_signals()
        worker.run()
