"""Database triggers that make ``audit_auditevent`` append-only, on SQLite and PostgreSQL.

The triggers refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) whatever the client: the
ORM, raw SQL or a database shell. They guard against mistakes and misuse inside the
application; an operator who owns the schema can still drop them, which is why the chain is
also hashed and checked by ``waishi audit verify``. In production the application's database
role should not own the table (see docs/audit.md).

``drop_triggers`` and ``install_triggers`` exist for two legitimate uses: emptying a test
database (``flush``) and the tamper tests that prove ``verify`` catches what the triggers
would have stopped.
"""

from django.db.backends.base.base import BaseDatabaseWrapper

MESSAGE = "audit_auditevent is append-only"

SQLITE_INSTALL = [
    "CREATE TRIGGER IF NOT EXISTS audit_auditevent_no_update BEFORE UPDATE ON audit_auditevent "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
    "CREATE TRIGGER IF NOT EXISTS audit_auditevent_no_delete BEFORE DELETE ON audit_auditevent "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS audit_auditevent_no_update;",
    "DROP TRIGGER IF EXISTS audit_auditevent_no_delete;",
]

POSTGRESQL_INSTALL = [
    "CREATE OR REPLACE FUNCTION audit_auditevent_append_only() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    f"RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege'; "
    "END; $$;",
    "DROP TRIGGER IF EXISTS audit_auditevent_no_change ON audit_auditevent;",
    "CREATE TRIGGER audit_auditevent_no_change BEFORE UPDATE OR DELETE ON audit_auditevent "
    "FOR EACH ROW EXECUTE FUNCTION audit_auditevent_append_only();",
    "DROP TRIGGER IF EXISTS audit_auditevent_no_truncate ON audit_auditevent;",
    "CREATE TRIGGER audit_auditevent_no_truncate BEFORE TRUNCATE ON audit_auditevent "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_auditevent_append_only();",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS audit_auditevent_no_change ON audit_auditevent;",
    "DROP TRIGGER IF EXISTS audit_auditevent_no_truncate ON audit_auditevent;",
]


def _statements(connection: BaseDatabaseWrapper, *, install: bool) -> list[str]:
    if connection.vendor == "sqlite":
        return SQLITE_INSTALL if install else SQLITE_DROP
    if connection.vendor == "postgresql":
        return POSTGRESQL_INSTALL if install else POSTGRESQL_DROP
    raise NotImplementedError(f"No append-only triggers for {connection.vendor}")


def install_triggers(connection: BaseDatabaseWrapper) -> None:
    """Create the append-only triggers (idempotent)."""
    with connection.cursor() as cursor:
        for statement in _statements(connection, install=True):
            cursor.execute(statement)


def drop_triggers(connection: BaseDatabaseWrapper) -> None:
    """Remove the append-only triggers (tests and ``flush`` only)."""
    with connection.cursor() as cursor:
        for statement in _statements(connection, install=False):
            cursor.execute(statement)


def triggers_installed(connection: BaseDatabaseWrapper) -> bool:
    """Whether the triggers are present (``verify`` warns when they are not)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'audit_auditevent'"
            )
            return bool(cursor.fetchone()[0] == len(SQLITE_INSTALL))
        cursor.execute(
            "SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = 'audit_auditevent'::regclass "
            "AND NOT tgisinternal"
        )
        return bool(cursor.fetchone()[0] == 2)
