"""Django's ``flush``, able to empty the append-only audit table.

Emptying a whole database is a development and test operation (every transactional test
ends with one). The audit table's triggers refuse deletes, so this command lifts them for the
duration of the flush and puts them back afterwards, in every case.
"""

from typing import Any

from django.core.management.commands import flush
from django.db import connections

from waishi.audit.triggers import drop_triggers, install_triggers


class Command(flush.Command):
    def handle(self, **options: Any) -> None:
        connection = connections[options["database"]]
        tables = connection.introspection.table_names()
        if "audit_auditevent" not in tables:
            return super().handle(**options)
        drop_triggers(connection)
        try:
            return super().handle(**options)
        finally:
            install_triggers(connection)
