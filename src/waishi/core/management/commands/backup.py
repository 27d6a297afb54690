"""``waishi backup DIR``: a consistent online copy of the database and files, verified."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from waishi.core.backup import BackupError, Report, backup, verify_backup


def write_report(command: BaseCommand, report: Report) -> None:
    """One line per check, then the verdict; a failed check fails the command."""
    for check in report.checks:
        mark = "OK  " if check.ok else "FAIL"
        detail = f" ({check.detail})" if check.detail else ""
        command.stdout.write(f"{mark} {check.label}{detail}")
    if not report.ok:
        raise CommandError(_("The verification failed; see the lines marked FAIL."))


class Command(BaseCommand):
    help = (
        "Copy the database (online, consistent), the stored files and a manifest into a new "
        "folder, then verify the copy. The personal-data keys are not copied: keep them apart."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="A new or empty folder for the backup.")

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["folder"]
        try:
            manifest = backup(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        tables = manifest["tables"]
        self.stdout.write(
            _(
                "Backed up %(tables)s tables (%(rows)s rows) and %(files)s files; "
                "audit chain at %(seq)s."
            )
            % {
                "tables": len(tables),
                "rows": sum(tables.values()),
                "files": sum(len(names) for names in manifest["files"].values()),
                "seq": manifest["audit_head"]["seq"],
            }
        )
        write_report(self, verify_backup(folder))
        self.stdout.write(_("Backup written to %(folder)s.") % {"folder": folder})
