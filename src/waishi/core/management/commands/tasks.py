"""``waishi tasks``: sweep tasks killed mid-run, list failed tasks, run failed tasks again."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from waishi.core.task_leases import (
    do_rerun_task,
    sweep_tasks,
    task_model,
    tasks_needing_attention,
)


class Command(BaseCommand):
    help = "Background tasks: 'sweep' (run from a timer), 'list', 'retry ID …' or 'retry --failed'."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        sub.add_parser("sweep", help="Queue again, or give up, the tasks killed mid-run.")
        sub.add_parser("list", help="Failed tasks and tasks stuck past their lease.")
        retry = sub.add_parser("retry", help="Run failed tasks again (audited).")
        retry.add_argument("ids", nargs="*")
        retry.add_argument("--failed", action="store_true", help="Every failed task.")

    def handle(self, *args: Any, **options: Any) -> None:
        command = options["subcommand"]
        if command == "sweep":
            report = sweep_tasks()
            self.stdout.write(
                _("%(requeued)s tasks queued again, %(failed)s given up.")
                % {"requeued": report.requeued, "failed": report.failed}
            )
        elif command == "list":
            for task in tasks_needing_attention():
                self.stdout.write(
                    f"{task.pk} {task.status} {task.task_path} {task.exception_class_path}"
                )
        else:
            self._retry(options["ids"], every_failed=options["failed"])

    def _retry(self, ids: list[str], *, every_failed: bool) -> None:
        model = task_model()
        if every_failed:
            ids = [
                str(pk) for pk in model.objects.filter(status="FAILED").values_list("pk", flat=True)
            ]
        if not ids:
            raise CommandError(_("Name the tasks to run again, or pass --failed."))
        for task_id in ids:
            try:
                do_rerun_task(actor=None, task_id=task_id)
            except (model.DoesNotExist, ValidationError) as error:
                raise CommandError(
                    _("No failed task has the id %(id)s.") % {"id": task_id}
                ) from error
            self.stdout.write(_("Queued again: %(id)s") % {"id": task_id})
