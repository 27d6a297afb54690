"""Gapless reference numbers per case type and year, e.g. ``CG-2026-00017``.

The counter row of (type, year) is locked for the rest of the caller's transaction, so two
filings of the same type queue on it and the number is never handed out twice. If the
filing rolls back, the increment rolls back with it, so no number is skipped. On SQLite the
whole transaction already holds the write lock (``transaction_mode="IMMEDIATE"``).
"""

import datetime

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .models import ReferenceCounter

NUMBER_WIDTH = 5


def format_reference(prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:0{NUMBER_WIDTH}d}"


def next_reference(case_type: str, prefix: str, *, today: datetime.date | None = None) -> str:
    """Take the next number of ``case_type`` for this year. Call inside ``transaction.atomic``."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_reference must run inside the filing's transaction")
    year = (today or timezone.localdate()).year
    number = _increment(case_type, year)
    if number is None:
        try:
            # A savepoint, so a competing first filing of the year does not spoil our
            # transaction: whoever loses the insert simply increments the winner's row.
            with transaction.atomic():
                ReferenceCounter.objects.create(case_type=case_type, year=year, last_number=0)
        except IntegrityError:
            pass
        number = _increment(case_type, year)
    assert number is not None
    return format_reference(prefix, year, number)


def _increment(case_type: str, year: int) -> int | None:
    """Add one to the counter of (type, year) and return it; None when it has no row yet.

    The UPDATE takes the row lock and increments in the database (never read-then-write);
    RETURNING hands back the new number in the same statement (PostgreSQL, SQLite ≥ 3.35).
    """
    table = connection.ops.quote_name(ReferenceCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_number = last_number + 1"  # noqa: S608 - a model's table
            " WHERE case_type = %s AND year = %s RETURNING last_number",
            [case_type, year],
        )
        row = cursor.fetchone()
    return int(row[0]) if row else None
