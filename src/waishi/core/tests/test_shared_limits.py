"""Rate limits hold across processes: two web servers on one database share one count."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from waishi.portal.views import STATUS_TRIES

pytestmark = pytest.mark.django_db(transaction=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def deployment(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment of a fresh deployment: its own migrated database, no Redis."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "PYTEST_XDIST_WORKER", "CACHE_URL"}
    }
    env.update(DJANGO_SETTINGS_MODULE="waishi.settings.dev", WAISHI_VAR_DIR=str(tmp_path))
    created_db = ""
    if connection.vendor == "postgresql":
        created_db = f"waishi_limits_{uuid.uuid4().hex[:12]}"
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{created_db}"')
        db = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{created_db}"
        )
    try:
        subprocess.run(
            [sys.executable, "-m", "waishi", "migrate", "--noinput", "-v", "0"],
            env=env,
            check=True,
            timeout=600,
        )
        yield env
    finally:
        if created_db:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{created_db}" WITH (FORCE)')


def _serve(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [sys.executable, "-m", "waishi", "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise AssertionError(f"the server on port {port} did not start")


def _look_up(port: int) -> int:
    url = f"http://127.0.0.1:{port}/zh-hans/status/?reference=CG-2026-00001&code=ABCDEFGH"
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        error.close()
        return int(error.code)


def test_status_look_ups_spread_over_two_servers_share_one_limit(
    deployment: dict[str, str],
) -> None:
    assert "CACHE_URL" not in deployment and settings.CACHES["shared"]["BACKEND"].endswith(
        "DatabaseCache"
    )
    ports = [_free_port(), _free_port()]
    servers = [_serve(deployment, port) for port in ports]
    try:
        answers = [_look_up(ports[i % 2]) for i in range(STATUS_TRIES + 2)]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
    # Each server alone saw at most seven tries; together they refuse the eleventh.
    assert answers[:STATUS_TRIES] == [200] * STATUS_TRIES
    assert answers[STATUS_TRIES:] == [429, 429]
