"""Backup and restore of a whole Waishi: the database, the stored files and a manifest.

A backup folder holds:

- ``database.sqlite3`` (SQLite's online backup API: a consistent copy taken while the app
  writes) or ``database.dump`` (``pg_dump`` in custom format, taken in an exported snapshot);
- ``files/<storage>/…``: every file of the private storage (attachments, issued documents)
  and of the public media storage, copied through Django's storage API;
- ``manifest.json``: when and from what the copy was made, the row count of every table as
  of the copy, the audit chain's head, the SHA-256 of every file (the database copy
  included) and the ids of the personal-data keys the data was encrypted with — never the
  keys themselves, which are kept apart from the backup (docs/deployment.md).

The manifest is what a restore is checked against: counts per table, the audit chain
verified end to end and its head, and every file's hash.

This module imports no other Waishi app: the tables it reads are named through the app
registry.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.files.storage import Storage, storages
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

MANIFEST = "manifest.json"
SQLITE_COPY = "database.sqlite3"
POSTGRES_DUMP = "database.dump"
FILES = "files"
# The storages whose files belong to the bureau's record: uploads and issued documents
# (private) and the website's images and documents (media).
STORAGE_ALIASES = ("private", "default")
FORMAT_VERSION = 1
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, in the reader's language."""


@dataclass
class Check:
    """One line of a verification report."""

    label: str
    ok: bool
    detail: str = ""


@dataclass
class Report:
    """What a verification found; ``ok`` only when every check passed."""

    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def add(self, label: str, ok: bool, detail: str = "") -> None:
        self.checks.append(Check(label, ok, detail))


# Reading the database -------------------------------------------------------------------------


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def table_counts(cursor: Any, tables: list[str]) -> dict[str, int]:
    """The number of rows of each table, read through ``cursor``."""
    counts: dict[str, int] = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")  # noqa: S608 - introspected names
        counts[table] = int(cursor.fetchone()[0])
    return counts


def _chain_head_table() -> str:
    return str(apps.get_model("audit", "ChainHead")._meta.db_table)


def chain_head(cursor: Any) -> dict[str, Any]:
    """The audit chain's newest sequence number and hash (zero and the empty hash if none)."""
    cursor.execute(
        f"SELECT seq, row_hash FROM {_quote(_chain_head_table())} WHERE id = 1"  # noqa: S608
    )
    row = cursor.fetchone()
    if row is None:
        return {"seq": 0, "row_hash": "0" * 64}
    return {"seq": int(row[0]), "row_hash": str(row[1])}


def personal_data_keys() -> dict[str, Any]:
    """Which keys encrypt personal data: their ids only, never their material."""
    from waishi.core import crypto

    return {
        "key_ids": sorted(crypto.key_ring().keys),
        "derived_from_secret_key": crypto.keys_are_derived(),
    }


# Files ----------------------------------------------------------------------------------------


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def stored_files(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name in ``storage`` under ``folder``, depth first (none if it is missing)."""
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from stored_files(storage, f"{folder}/{sub}" if folder else sub)


def _copy_out(storage: Storage, name: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with storage.open(name, "rb") as source, target.open("wb") as out:
        shutil.copyfileobj(source, out, CHUNK)


# Backup ---------------------------------------------------------------------------------------


def _database_settings() -> dict[str, Any]:
    return dict(connection.settings_dict)


def _pg_env() -> dict[str, str]:
    """Connection settings for PostgreSQL's own tools, passed through the environment."""
    db = _database_settings()
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def _run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(
            _("%(tool)s is not installed; install PostgreSQL's client tools.")
            % {"tool": command[0]}
        )
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(
            _("%(tool)s failed: %(error)s")
            % {"tool": command[0], "error": result.stderr.strip()[-2000:]}
        )


def _backup_sqlite(folder: Path) -> dict[str, Any]:
    """Copy the database with SQLite's backup API and read the counts from the copy."""
    connection.ensure_connection()
    target_path = folder / SQLITE_COPY
    target = sqlite3.connect(target_path)
    try:
        # The backup API copies a consistent state page by page while others keep writing.
        connection.connection.backup(target)
    finally:
        target.close()
    copy = sqlite3.connect(target_path)
    try:
        cursor = copy.cursor()
        tables = [
            row[0]
            for row in cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        counts = {t: cursor.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608
        row = cursor.execute(
            f'SELECT seq, row_hash FROM "{_chain_head_table()}" WHERE id = 1'  # noqa: S608
        ).fetchone()
        head = (
            {"seq": int(row[0]), "row_hash": str(row[1])}
            if row
            else {"seq": 0, "row_hash": "0" * 64}
        )
    finally:
        copy.close()
    return {"file": SQLITE_COPY, "counts": dict(sorted(counts.items())), "audit_head": head}


def _backup_postgres(folder: Path) -> dict[str, Any]:
    """Dump in one exported snapshot, and count the rows in the same snapshot."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        tables = connection.introspection.table_names(cursor)
        counts = table_counts(cursor, tables)
        head = chain_head(cursor)
        # The snapshot stays valid while this transaction is open: pg_dump sees exactly the
        # rows counted above, whatever is written meanwhile.
        _run(
            [
                "pg_dump",
                "--format=custom",
                f"--snapshot={snapshot}",
                "--no-owner",
                "--no-privileges",
                f"--file={folder / POSTGRES_DUMP}",
            ],
            _pg_env(),
        )
    return {"file": POSTGRES_DUMP, "counts": counts, "audit_head": head}


def backup(folder: Path) -> dict[str, Any]:
    """Write a backup of the database and files into ``folder`` (new or empty); the manifest."""
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(
            _("%(folder)s is not empty; back up into a new folder.") % {"folder": folder}
        )
    folder.mkdir(parents=True, exist_ok=True)
    vendor = connection.vendor
    if vendor == "sqlite":
        database = _backup_sqlite(folder)
    elif vendor == "postgresql":
        database = _backup_postgres(folder)
    else:  # pragma: no cover - Waishi runs on these two
        raise BackupError(
            _("Backups of a %(vendor)s database are not supported.") % {"vendor": vendor}
        )

    files: dict[str, dict[str, str]] = {}
    for alias in STORAGE_ALIASES:
        storage = storages[alias]
        copied: dict[str, str] = {}
        for name in stored_files(storage):
            target = folder / FILES / alias / name
            _copy_out(storage, name, target)
            copied[name] = sha256_of(target)
        files[alias] = copied

    manifest = {
        "format": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "database": {
            "vendor": vendor,
            "file": database["file"],
            "sha256": sha256_of(folder / database["file"]),
        },
        "migrations": _applied_migrations(),
        "tables": database["counts"],
        "audit_head": database["audit_head"],
        "files": files,
        "personal_data_keys": personal_data_keys(),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
    return manifest


def _applied_migrations() -> dict[str, str]:
    """The newest migration applied per app (what the restored code must be at least at)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        newest: dict[str, str] = {}
        for app, name in cursor.fetchall():
            newest[app] = max(name, newest.get(app, ""))
    return newest


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.is_file():
        raise BackupError(
            _("%(folder)s holds no Waishi backup (no manifest.json).") % {"folder": folder}
        )
    try:
        manifest: dict[str, Any] = json.loads(path.read_text())
    except ValueError as error:
        raise BackupError(
            _("The backup's manifest cannot be read: %(error)s") % {"error": error}
        ) from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(_("This backup was written in a format this version cannot read."))
    return manifest


def verify_backup(folder: Path) -> Report:
    """Check a backup folder against its manifest: every file's hash and the database copy."""
    manifest = read_manifest(folder)
    report = Report()
    database = manifest["database"]
    db_file = folder / database["file"]
    report.add(
        _("database copy"),
        db_file.is_file() and sha256_of(db_file) == database["sha256"],
        database["file"],
    )
    if database["vendor"] == "sqlite" and db_file.is_file():
        copy = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
        try:
            result = copy.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            copy.close()
        report.add(_("SQLite integrity check"), result == "ok", result)
    elif database["vendor"] == "postgresql" and db_file.is_file():
        try:
            _run(["pg_restore", "--list", str(db_file)], dict(os.environ))
            report.add(_("dump readable by pg_restore"), True)
        except BackupError as error:
            report.add(_("dump readable by pg_restore"), False, str(error))
    report.checks.extend(_verify_files(folder, manifest))
    return report


def _verify_files(folder: Path, manifest: dict[str, Any]) -> list[Check]:
    wrong = [
        f"{alias}/{name}"
        for alias, names in manifest["files"].items()
        for name, digest in names.items()
        if not (folder / FILES / alias / name).is_file()
        or sha256_of(folder / FILES / alias / name) != digest
    ]
    count = sum(len(names) for names in manifest["files"].values())
    return [
        Check(
            _("%(count)s files, SHA-256 as recorded") % {"count": count},
            not wrong,
            ", ".join(wrong[:10]),
        )
    ]


# Restore --------------------------------------------------------------------------------------


def _database_is_empty() -> bool:
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def _storages_are_empty() -> bool:
    return all(next(stored_files(storages[alias]), None) is None for alias in STORAGE_ALIASES)


def _restore_sqlite(source: Path) -> None:
    connection.ensure_connection()
    copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        copy.backup(connection.connection)
    finally:
        copy.close()
    connection.close()


def _restore_postgres(source: Path) -> None:
    connection.close()
    env = _pg_env()
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={env.get('PGDATABASE', '')}",
            str(source),
        ],
        env,
    )


def restore(folder: Path) -> Report:
    """Restore a backup into an empty database and empty storages, then verify it.

    Refuses a target that holds anything, a backup whose files do not match its manifest and
    a backup of the other kind of database; writes nothing then.
    """
    manifest = read_manifest(folder)
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            _("This is a backup of a %(backup)s database; the target is %(target)s.")
            % {"backup": vendor, "target": connection.vendor}
        )
    if not _database_is_empty():
        raise BackupError(_("The target database is not empty; restore only into an empty one."))
    if not _storages_are_empty():
        raise BackupError(
            _("The target file storage is not empty; restore only into an empty one.")
        )
    checked = verify_backup(folder)
    if not checked.ok:
        failed = "; ".join(f"{c.label}: {c.detail}" for c in checked.checks if not c.ok)
        raise BackupError(
            _("The backup does not match its manifest: %(failed)s") % {"failed": failed}
        )

    source = folder / manifest["database"]["file"]
    if vendor == "sqlite":
        _restore_sqlite(source)
    else:
        _restore_postgres(source)
    for alias, names in manifest["files"].items():
        storage = storages[alias]
        for name in names:
            with (folder / FILES / alias / name).open("rb") as handle:
                saved = storage.save(name, handle)
            if saved != name:  # pragma: no cover - the storage is empty, so names are free
                raise BackupError(
                    _("The file %(name)s could not be restored under its name.") % {"name": name}
                )
    report = verify_restored(manifest)
    requeued = requeue_interrupted_tasks()
    report.add(_("tasks running at backup time queued again"), True, str(requeued))
    return report


def verify_restored(manifest: dict[str, Any]) -> Report:
    """Compare the live database and storages with a manifest; verify the audit chain."""
    report = Report()
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        counts = table_counts(cursor, tables)
        head = chain_head(cursor)
    expected = manifest["tables"]
    differing = sorted(t for t in set(expected) | set(counts) if expected.get(t) != counts.get(t))
    report.add(
        _("%(count)s tables, rows as counted at backup") % {"count": len(expected)},
        not differing,
        ", ".join(f"{t}: {expected.get(t)} → {counts.get(t)}" for t in differing[:10]),
    )
    report.add(
        _("audit chain head"),
        head == manifest["audit_head"],
        _("sequence %(seq)s") % {"seq": head["seq"]},
    )
    report.add(_("audit chain verified end to end"), *_audit_verify())
    wrong = []
    for alias, names in manifest["files"].items():
        storage = storages[alias]
        for name, digest in names.items():
            if not storage.exists(name):
                wrong.append(f"{alias}/{name}")
                continue
            hasher = hashlib.sha256()
            with storage.open(name, "rb") as handle:
                while chunk := handle.read(CHUNK):
                    hasher.update(chunk)
            if hasher.hexdigest() != digest:
                wrong.append(f"{alias}/{name}")
    count = sum(len(names) for names in manifest["files"].values())
    report.add(
        _("%(count)s files, SHA-256 as recorded") % {"count": count},
        not wrong,
        ", ".join(wrong[:10]),
    )
    keys = personal_data_keys()
    missing = sorted(set(manifest["personal_data_keys"]["key_ids"]) - set(keys["key_ids"]))
    report.add(
        _("personal-data keys configured"),
        not missing,
        _("missing key ids: %(ids)s") % {"ids": ", ".join(missing)} if missing else "",
    )
    return report


def _audit_verify() -> tuple[bool, str]:
    """Run ``waishi audit verify`` (the audit app's own check) and say whether it passed."""
    out = io.StringIO()
    try:
        call_command("audit", "verify", stdout=out, stderr=out)
    except CommandError as error:
        return False, str(error)
    return True, out.getvalue().strip().splitlines()[-1] if out.getvalue().strip() else ""


def requeue_interrupted_tasks() -> int:
    """Tasks that were running when the backup was taken run again: nobody is running them now."""
    model = apps.get_model("django_tasks_database", "DBTaskResult")
    return int(
        model.objects.filter(status="RUNNING").update(
            status="READY", started_at=None, worker_ids=[], run_after=timezone.now()
        )
    )
