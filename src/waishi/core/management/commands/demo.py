"""``waishi demo``: load the Zhaoqing demo organisation, people and business (idempotent)."""

from typing import Any

from django.core.management.base import BaseCommand

from waishi.core.demo_runner import load_demo


class Command(BaseCommand):
    help = "Load the Zhaoqing demo data. Safe to run again: it only adds what is missing."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds an organisation.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from waishi.accounts.models import Bureau

        if options["if_empty"] and Bureau.objects.exists():
            self.stdout.write("The database already has data; the demo was not loaded again.")
            return
        load_demo(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
