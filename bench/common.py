"""What every bench script shares: where the data lives and the environment of a run."""

import base64
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
# Where generated databases, their markers, secrets and server logs live, and where reports go.
# BENCH_DATA_DIR, BENCH_RESULTS_DIR and BENCH_POSTGRES_URL let a second, smaller data set be
# made and measured beside the main one without touching it.
DATA = Path(os.environ.get("BENCH_DATA_DIR") or BENCH / "data")
RESULTS = Path(os.environ.get("BENCH_RESULTS_DIR") or BENCH / "results")
PYTHON = ROOT / ".venv" / "bin" / "python"
WAISHI = ROOT / ".venv" / "bin" / "waishi"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
POSTGRES_URL = (
    os.environ.get("BENCH_POSTGRES_URL") or "postgres://postgres@127.0.0.1:5432/waishi_bench"
)


def postgres_name() -> str:
    """The name of the bench database on the PostgreSQL server."""
    return POSTGRES_URL.rsplit("/", 1)[1].split("?", 1)[0]


DATABASES = ("sqlite", "postgres")


def secrets_file() -> Path:
    return DATA / "secrets.json"


def bench_secrets() -> dict[str, str]:
    """Keys made once and kept beside the data: personal data written with them stays readable."""
    path = secrets_file()
    if path.exists():
        return dict(json.loads(path.read_text()))
    values = {
        "SECRET_KEY": secrets.token_urlsafe(60),
        "WAISHI_PII_KEYS": "bench:" + base64.b64encode(secrets.token_bytes(32)).decode(),
        "WAISHI_PII_INDEX_KEY": base64.b64encode(secrets.token_bytes(32)).decode(),
    }
    DATA.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(values))
    path.chmod(0o600)
    return values


def sqlite_path(n: int) -> Path:
    return DATA / f"waishi-{n}.sqlite3"


def environment(db: str, n: int) -> dict[str, str]:
    """The environment of the generator, the server and the write clients for one database."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "SQLITE_PATH", "WAISHI_"))
    }
    env.update(bench_secrets())
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "src")]),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "WAISHI_VAR_DIR": str(DATA / "var"),
            "LOG_LEVEL": "WARNING",
        }
    )
    if db == "sqlite":
        env["SQLITE_PATH"] = str(sqlite_path(n))
    elif db == "postgres":
        env["DATABASE_URL"] = POSTGRES_URL
    else:
        raise SystemExit(f"unknown database {db!r}: choose sqlite or postgres")
    return env


def apply_environment(db: str, n: int) -> None:
    """Make this process the given database's bench process (before ``django.setup``)."""
    for key in [k for k in os.environ if k.startswith(("DJANGO_", "WAISHI_"))]:
        del os.environ[key]
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("SQLITE_PATH", None)
    os.environ.update(environment(db, n))
    for path in (str(ROOT / "src"), str(ROOT)):
        if path not in sys.path:
            sys.path.insert(0, path)


def git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
