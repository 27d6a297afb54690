"""Test helpers for reaching behind the append-only triggers."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from waishi.audit.triggers import drop_triggers, install_triggers


@contextmanager
def triggers_lifted() -> Iterator[None]:
    """Drop the append-only triggers for the block, as an intruder with DDL rights could."""
    drop_triggers(connection)
    try:
        yield
    finally:
        install_triggers(connection)


def raw_update(seq: int, column: str, value: object) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE audit_auditevent SET {column} = %s WHERE seq = %s",
            [value, seq],
        )


def raw_delete(seq: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE seq = %s", [seq])
