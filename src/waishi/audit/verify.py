"""Walking the hash chain to prove nobody changed, removed or inserted an audit row."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.utils.translation import gettext as _

from .actions import GENESIS_HASH, HASHED_FIELDS, compute_hash
from .models import AuditEvent, ChainHead

# Rows fetched per round trip: large enough that millions of rows stream quickly, small
# enough that memory stays flat.
CHUNK_SIZE = 5000


@dataclass(frozen=True)
class Break:
    """The first place where the chain does not hold."""

    seq: int
    kind: str  # "gap", "prev_hash", "hash" or "head"
    detail: str


@dataclass(frozen=True)
class Report:
    checked: int
    last_seq: int
    broken: Break | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def verify_chain(
    *, chunk_size: int = CHUNK_SIZE, progress: Callable[[int], None] | None = None
) -> Report:
    """Check every row in ``seq`` order and stop at the first break.

    A row breaks the chain when its ``seq`` does not follow the previous one (a row was
    removed or the counter jumped), when its ``prev_hash`` is not the previous row's hash (a
    row was removed or replaced), or when its own content no longer hashes to ``row_hash``
    (the row was edited). Finally the chain head must point at the last row, which catches
    rows cut off the end.
    """
    expected_seq = 1
    expected_prev = GENESIS_HASH
    checked = 0
    rows = (
        AuditEvent.objects.order_by("seq")
        .values(*HASHED_FIELDS, "prev_hash", "row_hash")
        .iterator(chunk_size=chunk_size)
    )
    for row in rows:
        seq = row["seq"]
        if seq != expected_seq:
            return Report(
                checked,
                expected_seq - 1,
                Break(
                    seq,
                    "gap",
                    _("expected sequence number %(expected)s, found %(found)s")
                    % {"expected": expected_seq, "found": seq},
                ),
            )
        if row["prev_hash"] != expected_prev:
            return Report(
                checked,
                seq - 1,
                Break(seq, "prev_hash", _("previous hash does not match the row before")),
            )
        if compute_hash(row["prev_hash"], row) != row["row_hash"]:
            return Report(
                checked,
                seq - 1,
                Break(seq, "hash", _("content does not match the row's hash")),
            )
        checked += 1
        expected_seq = seq + 1
        expected_prev = row["row_hash"]
        if progress is not None and checked % chunk_size == 0:
            progress(checked)
    last_seq = expected_seq - 1
    head = ChainHead.objects.filter(pk=1).first()
    head_seq, head_hash = (head.seq, head.row_hash) if head else (0, GENESIS_HASH)
    if (head_seq, head_hash) != (last_seq, expected_prev):
        return Report(
            checked,
            last_seq,
            Break(
                last_seq + 1 if head_seq > last_seq else head_seq,
                "head",
                _("the chain head points at sequence number %(head)s, the last row is %(last)s")
                % {"head": head_seq, "last": last_seq},
            ),
        )
    return Report(checked, last_seq, None)


def database_label() -> str:
    """Which database was checked, for the command's report."""
    return f"{connection.vendor}:{connection.settings_dict.get('NAME')}"
