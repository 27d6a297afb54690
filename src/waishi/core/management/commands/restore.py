"""``waishi restore DIR``: restore a backup into an empty database and storage, verified."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from waishi.core.backup import BackupError, restore

from .backup import write_report


class Command(BaseCommand):
    help = (
        "Restore a backup made by 'waishi backup' into an empty database and empty file "
        "storage (a non-empty target is refused), then check row counts, the audit chain and "
        "every file's hash against the backup's manifest."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="The folder 'waishi backup' wrote.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = restore(options["folder"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        write_report(self, report)
        self.stdout.write(_("Restored and verified."))
