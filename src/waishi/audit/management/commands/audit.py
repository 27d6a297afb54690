"""``waishi audit verify``: check the audit log's hash chain end to end."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils.translation import gettext as _

from waishi.audit.triggers import triggers_installed
from waishi.audit.verify import CHUNK_SIZE, verify_chain


class Command(BaseCommand):
    help = "Audit log tools. 'verify' walks the hash chain and names the first broken row."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        verify = subcommands.add_parser(
            "verify", help="Check every row's hash and link; exit code 1 when the chain breaks."
        )
        verify.add_argument("--chunk-size", type=int, default=CHUNK_SIZE)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "verify":
            self.verify(chunk_size=options["chunk_size"], verbose=options["verbosity"] > 1)

    def verify(self, *, chunk_size: int, verbose: bool) -> None:
        def progress(count: int) -> None:
            if verbose:
                self.stdout.write(_("%(count)s rows checked") % {"count": count})

        if not triggers_installed(connection):
            self.stderr.write(
                _("Warning: the append-only triggers on the audit table are missing.")
            )
        report = verify_chain(chunk_size=chunk_size, progress=progress)
        if report.broken is not None:
            raise CommandError(
                _("Audit chain broken at sequence number %(seq)s (%(kind)s): %(detail)s")
                % {
                    "seq": report.broken.seq,
                    "kind": report.broken.kind,
                    "detail": report.broken.detail,
                },
                returncode=1,
            )
        self.stdout.write(
            self.style.SUCCESS(
                _("Audit chain intact: %(count)s rows, last sequence number %(seq)s.")
                % {"count": report.checked, "seq": report.last_seq}
            )
        )
