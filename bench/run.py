"""Measure a generated database through the production server, from a second process.

    .venv/bin/python bench/run.py --db sqlite --n 1000000

Starts gunicorn (``waishi.wsgi``, production settings plus ``bench.settings``) on
127.0.0.1, signs in through the product's sign-in page, loads each endpoint with wrk at 1
and at 16 concurrent clients (bounded in time and in requests), then runs the write load
from 8 clients, reads the memory of one server process, stops the server and writes
``bench/results/<db>-<N>-<date>.json`` and ``.md``. Traffic goes to 127.0.0.1 only.
"""

import argparse
import datetime
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common, report, writes, wrk
from bench.client import Session

DEMO_PASSWORD = "Zhaoqing-Demo-2026"
STAFF = ("officer", DEMO_PASSWORD)
# Missions taken through the workflow before the measured write load (see run()).
WRITE_WARMUP = 16
ADMIN = ("sysadmin", DEMO_PASSWORD)
WRITE_LOGINS = {
    "liaison": ("liaison", DEMO_PASSWORD),
    "officer": ("officer", DEMO_PASSWORD),
    "head": ("head", DEMO_PASSWORD),
    "leader": ("leader", DEMO_PASSWORD),
}


def log(message: str) -> None:
    print(f"[{datetime.datetime.now(datetime.UTC):%H:%M:%S}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# What to load --------------------------------------------------------------------------------


def targets(rng: random.Random) -> dict[str, list[str]]:
    """The URL sets of each read scenario, drawn from the generated data."""
    from django.db.models import Max, Min

    from waishi.cases.models import Case
    from waishi.missions.models import MissionMember

    bounds = Case.objects.aggregate(low=Min("pk"), high=Max("pk"))
    low, high = bounds["low"], bounds["high"]
    ids = [rng.randint(low, high) for _ in range(2000)]
    sample = list(
        Case.objects.filter(pk__in=ids).values(
            "reference", "status", "agency_id", "due_date", "is_open"
        )
    )
    rng.shuffle(sample)
    references = [row["reference"] for row in sample[:500]]
    combos = []
    for row in sample:
        if row["is_open"] and row["due_date"] is not None:
            due = row["due_date"]
            combos.append(
                f"status={row['status']}&agency={row['agency_id']}"
                f"&due_from={due - datetime.timedelta(days=30):%Y-%m-%d}"
                f"&due_to={due + datetime.timedelta(days=30):%Y-%m-%d}"
            )
        if len(combos) >= 50:
            break
    member_ids = [rng.randint(1, 10_000_000) for _ in range(400)]
    names = list(
        MissionMember.objects.filter(pk__in=member_ids).values_list("traveller__name", flat=True)
    ) or ["王伟"]
    names = list(dict.fromkeys(names))[:50]
    from urllib.parse import quote

    return {
        "bare": ["/bench/bare/"],
        "inbox": ["/office/inbox/?tab=recent"],
        "inbox_filtered": [f"/office/inbox/?tab=recent&{c}" for c in combos],
        "api_list": ["/api/v1/cases/"],
        "api_filtered": [f"/api/v1/cases/?{c}" for c in combos],
        "search_reference": [f"/office/inbox/?tab=recent&q={r}" for r in references[:200]],
        "search_name": [f"/office/inbox/?tab=recent&q={quote(n)}" for n in names],
        "case_page": [f"/cases/{r}/" for r in references],
        "portal_page": ["/zh-hans/"],
        "admin_changelist": ["/admin/cases/case/"],
    }


SCENARIOS = {
    # name: (label, who signs in)
    "bare": ("Bare Django JSON view (no database)", None),
    "inbox": ("Staff inbox (HTML), all cases", STAFF),
    "inbox_filtered": ("Staff inbox, status + agency + due-date range", STAFF),
    "api_list": ("API case list", STAFF),
    "api_filtered": ("API case list, status + agency + due-date range", STAFF),
    "search_reference": ("Search by reference (inbox)", STAFF),
    "search_name": ("Search by a person's name (inbox)", STAFF),
    "case_page": ("Case page with its timeline", STAFF),
    "portal_page": ("Cached portal page (anonymous)", None),
    "admin_changelist": ("Django admin changelist of Case", ADMIN),
}


# The server ----------------------------------------------------------------------------------


class Server:
    """gunicorn on 127.0.0.1 with the bench settings; always stopped by ``stop``."""

    def __init__(self, env: dict[str, str], port: int, workers: int, log_path: Path) -> None:
        self.env = env
        self.port = port
        self.workers = workers
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log_file = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [
                str(common.GUNICORN),
                "waishi.wsgi",
                f"--workers={self.workers}",
                f"--bind=127.0.0.1:{self.port}",
                "--worker-class=sync",
                "--timeout=120",
                "--keep-alive=30",
            ],
            cwd=common.ROOT,
            env=self.env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped at start; see {self.log_path}")
            try:
                if Session(self.port, timeout=5).get("/bench/bare/").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError("gunicorn did not answer within two minutes")

    def worker_pids(self) -> list[int]:
        if self.process is None:
            return []
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                found.append(int(entry.name))
        return found

    def rss_mb(self) -> dict[str, float]:
        """Resident memory of each worker process, in MB."""
        return {pid: sizes["rss"] for pid, sizes in self.memory_mb().items()}

    def memory_mb(self) -> dict[str, dict[str, float]]:
        """Each worker's memory in MB: resident (RSS), proportional (PSS) and its own (USS).

        RSS counts every page the process maps, the SQLite file's mapped pages and the code
        shared with the other workers included; PSS shares those out between the processes
        that map them; USS is what the process alone holds (private pages), i.e. what ending
        it would free.
        """
        sizes: dict[str, dict[str, float]] = {}
        for pid in self.worker_pids():
            kb: dict[str, int] = {}
            try:
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
                    name, _sep, rest = line.partition(":")
                    kb[name] = int(rest.split()[0])
            except (OSError, ValueError, IndexError):
                continue
            sizes[str(pid)] = {
                "rss": round(kb.get("Rss", 0) / 1024, 1),
                "pss": round(kb.get("Pss", 0) / 1024, 1),
                "uss": round((kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)) / 1024, 1),
            }
        return sizes

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def log_problems(self) -> list[str]:
        if not self.log_path.exists():
            return []
        words = ("database is locked", "Traceback", "ERROR", "OperationalError", "WORKER TIMEOUT")
        lines = self.log_path.read_text(errors="replace").splitlines()
        return [line for line in lines if any(word in line for word in words)][:20]


# Measuring -----------------------------------------------------------------------------------


def check(session: Session, paths: list[str], name: str) -> None:
    """Every URL of the scenario answers 200 before it is loaded (a redirect would lie)."""
    for path in paths[:3]:
        response = session.get(path)
        if response.status != 200:
            raise RuntimeError(f"{name}: {path} answered HTTP {response.status}")


def measure_reads(
    port: int,
    paths: dict[str, list[str]],
    *,
    seconds: float,
    max_requests: int,
    concurrency: Iterable[int],
    only: set[str] | None,
) -> dict[str, Any]:
    sessions: dict[Any, Session] = {}
    results: dict[str, Any] = {}
    for name, (label, login) in SCENARIOS.items():
        if only and name not in only:
            continue
        if login is not None and login not in sessions:
            session = Session(port)
            session.sign_in(*login)
            sessions[login] = session
        session = sessions[login] if login is not None else Session(port)
        check(session, paths[name], name)
        cookie = session.cookie_header() if login is not None else ""
        # Warm up: fill caches, open database connections in every worker.
        wrk.run(port, paths[name], clients=4, seconds=2, max_requests=400, cookie=cookie)
        loads = {}
        for clients in concurrency:
            load = wrk.run(
                port,
                paths[name],
                clients=clients,
                seconds=seconds,
                max_requests=max_requests,
                cookie=cookie,
            )
            loads[str(clients)] = load.as_dict()
            log(
                f"{name:<18} c={clients:<3} {load.rps:>8.1f} req/s  p50 {load.p50_ms:>7.2f} ms"
                f"  p95 {load.p95_ms:>7.2f} ms  p99 {load.p99_ms:>7.2f} ms  errors {load.errors}"
            )
        results[name] = {"label": label, "urls": len(paths[name]), "loads": loads}
    for session in sessions.values():
        session.close()
    return results


def drafts_for(args: argparse.Namespace) -> list[str]:
    """Confirmed mission drafts for the write load: kept from ``--prepare-only`` if unused."""
    from waishi.cases.models import Case

    path = common.DATA / f"drafts-{args.db}-{args.n}.json"
    wanted = args.writes + WRITE_WARMUP
    if path.exists():
        kept = json.loads(path.read_text())
        ready = set(
            Case.objects.filter(reference__in=kept, status="draft").values_list(
                "reference", flat=True
            )
        )
        if len(ready) >= wanted:
            log(f"using {wanted} mission drafts prepared earlier")
            return [r for r in kept if r in ready][:wanted]
    log(f"preparing {wanted} confirmed mission drafts for the write load")
    references = writes.prepare_missions(wanted, seed=random.randrange(1_000_000))
    path.write_text(json.dumps(references))
    return references


def run(args: argparse.Namespace) -> dict[str, Any]:
    import django

    common.apply_environment(args.db, args.n)
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from waishi.cases.models import Case

    started_at = datetime.datetime.now(datetime.UTC)
    # The schema may have moved on since the data was generated.
    call_command("migrate", interactive=False, verbosity=0)
    static = Path(os.environ["WAISHI_VAR_DIR"]) / "static" / "staticfiles.json"
    if not static.exists():
        log("collecting static files")
        call_command("collectstatic", interactive=False, verbosity=0)
    cases = Case.objects.count()
    rng = random.Random(args.seed)
    paths = targets(rng)
    write_refs: list[str] = []
    if args.writes and (not args.only or "writes" in args.only):
        write_refs = drafts_for(args)
    connection.close()
    if args.prepare_only:
        return {}

    env = common.environment(args.db, args.n)
    env["EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"
    port = args.port or free_port()
    server = Server(env, port, args.workers, common.DATA / f"gunicorn-{args.db}.log")
    log(f"starting gunicorn with {args.workers} workers on 127.0.0.1:{port}")
    server.start()
    write_result: dict[str, Any] = {}
    try:
        only = set(args.only) if args.only else None
        reads = measure_reads(
            port,
            paths,
            seconds=args.seconds,
            max_requests=args.max_requests,
            concurrency=args.clients,
            only=only,
        )
        memory_after_reads = server.memory_mb()
        if write_refs:
            # As the reads are warmed up, so are the writes: the first missions take each
            # worker through the write path once (its templates, rule book, document
            # numbering) before the measured ones.
            warm, write_refs = write_refs[:WRITE_WARMUP], write_refs[WRITE_WARMUP:]
            warmed = writes.run_writes(port, warm, WRITE_LOGINS, clients=8)
            log(f"write warm-up: {warmed['posted']} transitions, not measured")
            log(f"write load: {len(write_refs)} missions x 4 transitions from 8 clients")
            since = datetime.datetime.now(datetime.UTC)
            write_result = writes.run_writes(port, write_refs, WRITE_LOGINS, clients=8)
            log(
                f"writes: {write_result['posted']} posted in {write_result['seconds']} s, "
                f"HTTP errors {write_result['http_error_count']}"
            )
        memory = server.memory_mb()
    finally:
        server.stop()
    problems = server.log_problems()
    if write_refs:
        log("checking the writes and the whole audit chain")
        write_result.update(writes.verify_writes(write_refs, since))
        done = write_result["transitions_done"]
        write_result["transitions_per_second"] = (
            round(done / write_result["seconds"], 1) if write_result["seconds"] else 0.0
        )
        # A transition posted but not recorded was refused (the view redirects either way);
        # one never posted because the time ran out is not an error, only not done.
        write_result["errors"] = (
            write_result["http_error_count"]
            + max(0, write_result["posted"] - done)
            + sum("database is locked" in p for p in problems)
        )
    return {
        "database": args.db,
        "database_version": database_version(),
        "n": cases,
        "requested_n": args.n,
        "date": started_at.isoformat(timespec="seconds"),
        "commit": common.git_commit(),
        "workers": args.workers,
        "seconds_per_load": args.seconds,
        "max_requests_per_load": args.max_requests,
        "machine": machine(),
        "generation": generation_summary(args.db, args.n),
        "reads": reads,
        "writes": write_result,
        "rss_mb": {pid: m["rss"] for pid, m in memory.items()},
        "rss_mb_after_reads": {pid: m["rss"] for pid, m in memory_after_reads.items()},
        "memory_mb": memory,
        "memory_mb_after_reads": memory_after_reads,
        "server_log_problems": problems,
    }


def generation_summary(db: str, n: int) -> dict[str, Any]:
    from bench.generate import marker_file

    path = marker_file(db, n)
    return dict(json.loads(path.read_text())) if path.exists() else {}


def database_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
        cursor.execute("show server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def machine() -> dict[str, Any]:
    load = os.getloadavg()
    return {"cpus": os.cpu_count(), "load_at_end": [round(x, 2) for x in load]}


def parse(argv: Iterable[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=common.DATABASES, default="sqlite")
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=10, help="length of each load")
    parser.add_argument("--max-requests", type=int, default=50_000, help="cap of each load")
    parser.add_argument("--clients", type=lambda s: [int(x) for x in s.split(",")], default=[1, 16])
    parser.add_argument("--writes", type=int, default=120, help="missions for the write load")
    parser.add_argument("--only", nargs="*", help="scenarios to run (default: all)")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--prepare-only",
        action="store_true",
        help="migrate, collect static files and prepare the write drafts, then stop",
    )
    return parser.parse_args(list(argv) if argv is not None else None)


def main(argv: Iterable[str] | None = None) -> int:
    args = parse(argv)
    result = run(args)
    if args.prepare_only:
        log("prepared; nothing measured")
        return 0
    json_path, md_path = report.write(result)
    log(f"wrote {json_path} and {md_path}")
    print(md_path.read_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
