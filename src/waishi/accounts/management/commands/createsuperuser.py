"""``createsuperuser`` is refused: in Waishi nobody stands above the roles."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Refused. Waishi has no superuser; see docs/deployment.md for the first administrators."

    def add_arguments(self, parser: Any) -> None:
        # Accept Django's usual options so scripts fail here with the reason, not on a flag.
        parser.add_argument("--username")
        parser.add_argument("--email")
        parser.add_argument("--noinput", "--no-input", action="store_true")
        parser.add_argument("--database")

    def handle(self, *args: Any, **options: Any) -> None:
        raise CommandError(
            _(
                "Waishi has no superuser: a superuser would bypass the separation of the "
                "system, security and audit administrators. Create the three administrators "
                "with 'waishi create_administrators' (docs/deployment.md)."
            )
        )
