"""``waishi case_diagram CODE``: print a case type's state diagram as Mermaid text."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from waishi.cases.registry import UnknownCaseType, case_types, get_case_type


class Command(BaseCommand):
    help = "Print the state diagram of a registered case type as Mermaid text (for docs)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", nargs="?", help="case type code; omit to list the codes")

    def handle(self, *args: Any, code: str | None = None, **options: Any) -> None:
        if not code:
            for kind in case_types():
                self.stdout.write(f"{kind.code}\t{kind.label}")
            return
        try:
            kind = get_case_type(code)
        except UnknownCaseType:
            raise CommandError(f"No case type {code!r} is registered.") from None
        self.stdout.write(kind.workflow.mermaid())
