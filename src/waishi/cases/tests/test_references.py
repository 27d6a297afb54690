"""Reference numbers stay gapless and unique when many people file at the same moment."""

import threading
from typing import Any

import pytest
from django.db import connection, connections
from django.utils import timezone

from waishi.cases.actions import do_create_case
from waishi.cases.models import Case
from waishi.cases.references import format_reference

from .demo_type import DEMO_CODE


def test_reference_format():
    assert format_reference("CG", 2026, 17) == "CG-2026-00017"


@pytest.mark.django_db
def test_a_rolled_back_filing_leaves_no_gap(new_case, liaison, agency):
    from django.db import transaction

    first = new_case()
    with pytest.raises(RuntimeError), transaction.atomic():
        do_create_case(actor=liaison, case_type=DEMO_CODE, agency=agency, title="abandoned")
        raise RuntimeError("the detail could not be saved")
    second = new_case()
    assert int(second.reference[-5:]) == int(first.reference[-5:]) + 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_filings_get_distinct_consecutive_numbers(liaison, agency, division):
    if connection.vendor == "sqlite":
        pytest.skip("threads cannot share an in-memory SQLite database; see the file-DB test")
    workers, per_worker = 8, 5
    barrier = threading.Barrier(workers)
    errors: list[BaseException] = []

    def file_cases() -> None:
        try:
            barrier.wait()
            for n in range(per_worker):
                do_create_case(actor=liaison, case_type=DEMO_CODE, agency=agency, title=f"t{n}")
        except BaseException as error:  # reported below, the thread must not die silently
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=file_cases) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(int(r[-5:]) for r in Case.objects.values_list("reference", flat=True))
    assert numbers == list(range(1, workers * per_worker + 1))
    year = timezone.localdate().year
    assert Case.objects.filter(reference__startswith=f"{DEMO_CODE}-{year}-").count() == 40


SQLITE_SCRIPT = r"""
import os, sys, threading
os.environ["DJANGO_SETTINGS_MODULE"] = "waishi.settings.test"
os.environ["DATABASE_URL"] = "sqlite:///" + sys.argv[1]
import django
django.setup()
from django.core.management import call_command
from django.db import connections
call_command("migrate", verbosity=0)
from waishi.accounts.tests.factories import AgencyFactory
from waishi.cases.registry import register_case_type
from waishi.cases.tests.demo_type import DEMO_TYPE
from waishi.cases.actions import do_create_case
from waishi.cases.models import Case
register_case_type(DEMO_TYPE)
agency = AgencyFactory()
connections.close_all()
errors = []
barrier = threading.Barrier(6)
def work():
    try:
        barrier.wait()
        for n in range(5):
            do_create_case(actor=None, case_type="DM", agency=agency, title=str(n))
    except BaseException as error:
        errors.append(repr(error))
    finally:
        connections.close_all()
threads = [threading.Thread(target=work) for _ in range(6)]
[t.start() for t in threads]
[t.join() for t in threads]
print("ERRORS", errors)
print("NUMBERS", sorted(int(r[-5:]) for r in Case.objects.values_list("reference", flat=True)))
"""


def test_concurrent_filings_on_a_sqlite_file(tmp_path: Any):
    """The embedded database: six threads, each its own connection, on one WAL file."""
    import subprocess
    import sys

    script = tmp_path / "file_cases.py"
    script.write_text(SQLITE_SCRIPT)
    result = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "db.sqlite3")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert "ERRORS []" in result.stdout, result.stdout + result.stderr
    assert f"NUMBERS {list(range(1, 31))}" in result.stdout
