import json

import pytest
from django.core.management import CommandError, call_command

from waishi.audit.actions import log_action
from waishi.audit.verify import verify_chain

from .helpers import raw_delete, raw_update, triggers_lifted

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain():
    return [
        log_action(
            action="tests.thing.update",
            object_type="tests.thing",
            object_id=str(n),
            before={"n": n},
            after={"n": n + 1},
        )
        for n in range(1, 8)
    ]


def run_verify() -> str:
    from io import StringIO

    out = StringIO()
    call_command("audit", "verify", stdout=out, stderr=StringIO())
    return out.getvalue()


def test_an_untouched_chain_verifies(chain):
    report = verify_chain(chunk_size=3)
    assert report.ok
    assert report.checked == 7
    assert "7" in run_verify()


def test_an_empty_log_verifies():
    assert verify_chain().ok


def test_an_edited_row_is_named_with_a_hash_mismatch(chain):
    with triggers_lifted():
        raw_update(4, "reason", "nothing happened here")
    report = verify_chain(chunk_size=2)
    assert report.broken is not None
    assert (report.broken.seq, report.broken.kind) == (4, "hash")
    assert report.checked == 3


def test_an_edited_json_value_is_caught(chain):
    with triggers_lifted():
        raw_update(2, "after", json.dumps({"n": 99}))
    broken = verify_chain().broken
    assert broken is not None
    assert (broken.seq, broken.kind) == (2, "hash")


def test_a_deleted_row_shows_as_a_gap(chain):
    with triggers_lifted():
        raw_delete(5)
    broken = verify_chain().broken
    assert broken is not None
    assert (broken.seq, broken.kind) == (6, "gap")


def test_a_relinked_row_shows_a_previous_hash_mismatch(chain):
    with triggers_lifted():
        raw_update(3, "prev_hash", "f" * 64)
    broken = verify_chain().broken
    assert broken is not None
    assert (broken.seq, broken.kind) == (3, "prev_hash")


def test_rows_cut_off_the_end_are_caught_by_the_head(chain):
    with triggers_lifted():
        raw_delete(7)
        raw_delete(6)
    broken = verify_chain().broken
    assert broken is not None
    assert (broken.seq, broken.kind) == (6, "head")


def test_the_command_names_the_row_and_exits_non_zero(chain):
    with triggers_lifted():
        raw_update(4, "action", "tests.thing.view")
    with pytest.raises(CommandError) as caught:
        run_verify()
    assert caught.value.returncode == 1
    assert "4" in str(caught.value)


def test_the_triggers_are_back_after_the_tamper_helper(chain):
    from django.db import connection

    from waishi.audit.triggers import triggers_installed

    with triggers_lifted():
        assert not triggers_installed(connection)
    assert triggers_installed(connection)


def test_the_command_warns_when_the_triggers_are_missing(chain):
    from io import StringIO

    err = StringIO()
    with triggers_lifted():
        call_command("audit", "verify", stdout=StringIO(), stderr=err)
    assert "append-only" in err.getvalue() or "触发器" in err.getvalue()
