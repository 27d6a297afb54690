import threading

import pytest
from django.db import connection, transaction

from waishi.audit.actions import GENESIS_HASH, log_action
from waishi.audit.models import AuditEvent
from waishi.audit.verify import verify_chain

WRITERS = 8
EVENTS_PER_WRITER = 15


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite in memory is one connection; its IMMEDIATE transactions serialise anyway",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_one_linear_chain():
    barrier = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        try:
            barrier.wait()
            for n in range(EVENTS_PER_WRITER):
                with transaction.atomic():
                    log_action(
                        action="tests.thing.update",
                        object_type="tests.writer",
                        object_id=str(number),
                        after={"n": n},
                    )
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    rows = list(AuditEvent.objects.order_by("seq").values_list("seq", "prev_hash", "row_hash"))
    assert [seq for seq, _, _ in rows] == list(range(1, WRITERS * EVENTS_PER_WRITER + 1))
    previous = GENESIS_HASH
    for _seq, prev_hash, row_hash in rows:
        assert prev_hash == previous
        previous = row_hash
    # No two rows claim the same predecessor: the chain did not fork.
    assert len({prev for _, prev, _ in rows}) == len(rows)
    assert verify_chain().ok
