"""Backup → restore → verify, on the database the suite runs on, with files and the audit log."""

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from waishi.audit.actions import log_action
from waishi.core.backup import MANIFEST, read_manifest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def some_record(make_user: Any, settings: Any, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """Rows in several tables, audit events on the chain, private and public files, a task.

    The files live in folders of this test's own, so files other tests leave behind in the
    shared test storage never show up in its backup.
    """
    from django_tasks_db.models import DBTaskResult

    settings.STORAGES = {
        **settings.STORAGES,
        **{
            alias: {
                **settings.STORAGES[alias],
                "OPTIONS": {
                    **settings.STORAGES[alias].get("OPTIONS", {}),
                    "location": str(tmp_path / "storage" / alias),
                },
            }
            for alias in ("default", "private")
        },
    }

    officer = make_user("division_officer")
    for number in range(3):
        log_action(action="core.backup.test", actor=officer, object_id=str(number))
    private = storages["private"].save("cases/2026/letter.pdf", ContentFile(b"%PDF-1.7 letter"))
    public = storages["default"].save("images/logo.png", ContentFile(b"\x89PNG logo"))
    running = DBTaskResult.objects.create(
        status="RUNNING",
        args_kwargs={"args": [], "kwargs": {}},
        task_path="waishi.cases.tasks.sweep_deadlines_task",
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        started_at=timezone.now(),
        worker_ids=["worker-1"],
        exception_class_path="",
        traceback="",
    )
    yield {"officer": officer, "files": (private, public), "task": running}
    storages["private"].delete(private)
    storages["default"].delete(public)


def _restore_elsewhere(folder: Path, target: Path) -> subprocess.CompletedProcess[str]:
    """Run ``waishi restore`` as another process, on an empty database and empty storage."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "PYTEST_XDIST_WORKER"}}
    env.update(
        DJANGO_SETTINGS_MODULE="waishi.settings.dev",
        WAISHI_VAR_DIR=str(target),
        # The personal-data keys of the test settings are derived from their secret key.
        SECRET_KEY=settings.SECRET_KEY,
    )
    created_db = ""
    if connection.vendor == "postgresql":
        created_db = f"waishi_restore_{uuid.uuid4().hex[:12]}"
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{created_db}"')
        db = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{created_db}"
        )
    try:
        return subprocess.run(
            [sys.executable, "-m", "waishi", "restore", str(folder)],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    finally:
        if created_db:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{created_db}" WITH (FORCE)')


def test_backup_writes_a_manifest_with_counts_chain_head_and_file_hashes(
    some_record: dict[str, Any], tmp_path: Path
) -> None:
    folder = tmp_path / "backup"
    call_command("backup", str(folder), stdout=open(os.devnull, "w"))  # noqa: SIM115

    manifest = read_manifest(folder)
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["tables"]["audit_auditevent"] >= 3
    assert manifest["audit_head"]["seq"] == manifest["tables"]["audit_auditevent"]
    private, public = some_record["files"]
    assert set(manifest["files"]["private"]) == {private}
    assert set(manifest["files"]["default"]) == {public}
    assert (folder / "files" / "private" / private).read_bytes() == b"%PDF-1.7 letter"
    # Key ids only: the secret the keys come from appears nowhere in the backup's manifest.
    assert settings.SECRET_KEY not in (folder / MANIFEST).read_text()
    assert manifest["personal_data_keys"]["key_ids"]


def test_a_backup_restores_into_an_empty_target_and_verifies(
    some_record: dict[str, Any], tmp_path: Path
) -> None:
    folder = tmp_path / "backup"
    call_command("backup", str(folder), stdout=open(os.devnull, "w"))  # noqa: SIM115

    result = _restore_elsewhere(folder, tmp_path / "target")

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert not [line for line in lines if line.startswith("FAIL")]
    assert sum(line.startswith("OK") for line in lines) == 6
    # The task that was running when the backup was taken is queued again.
    assert any(line.startswith("OK") and line.endswith("(1)") for line in lines)
    restored = tmp_path / "target"
    assert (restored / "private" / some_record["files"][0]).read_bytes() == b"%PDF-1.7 letter"


def test_restore_refuses_a_target_that_is_not_empty(
    some_record: dict[str, Any], tmp_path: Path
) -> None:
    folder = tmp_path / "backup"
    call_command("backup", str(folder), stdout=open(os.devnull, "w"))  # noqa: SIM115
    from waishi.audit.models import AuditEvent

    before = AuditEvent.objects.count()
    with pytest.raises(CommandError):
        call_command("restore", str(folder))
    assert AuditEvent.objects.count() == before


def test_a_tampered_backup_is_refused_before_anything_is_written(
    some_record: dict[str, Any], tmp_path: Path
) -> None:
    folder = tmp_path / "backup"
    call_command("backup", str(folder), stdout=open(os.devnull, "w"))  # noqa: SIM115
    private = some_record["files"][0]
    (folder / "files" / "private" / private).write_bytes(b"%PDF-1.7 forged")

    result = _restore_elsewhere(folder, tmp_path / "target")

    assert result.returncode != 0
    assert "CommandError" in result.stderr
    # Nothing was restored: no file, and (on SQLite) no table in the target database.
    assert not (tmp_path / "target" / "private").exists()
    sqlite_target = tmp_path / "target" / "waishi.sqlite3"
    if sqlite_target.exists():
        import sqlite3

        tables = sqlite3.connect(sqlite_target).execute("SELECT name FROM sqlite_master").fetchall()
        assert tables == []


def test_backup_refuses_a_folder_that_holds_something(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(CommandError):
        call_command("backup", str(tmp_path))
    assert json.dumps(sorted(p.name for p in tmp_path.iterdir())) == '["old.txt"]'
