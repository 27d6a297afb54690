"""Time the inbox in one process, piece by piece: the page query, the rows, the whole page.

    .venv/bin/python bench/render.py --db sqlite --n 20000          # a generated database
    .venv/bin/python bench/render.py --db postgres --n 20000 --rounds 500 --language en

Signs nobody in: it takes the demo's division officer, builds the inbox context as the view
does, then renders it ``--rounds`` times (after one warm-up) and prints the median and p95 in
milliseconds of CPU time of this process, so the figure does not move with the load other
processes put on the machine. What it times:

- ``page``: fetching one page of 50 rows (the query and building the rows);
- ``rows``: ``cases/includes/case_rows.html`` alone (what "Show more" answers);
- ``inbox``: ``cases/inbox.html`` with the shell (header, menu, bell, filters, table).

The database is the bench's (``bench/common.py``: ``BENCH_DATA_DIR``, ``BENCH_POSTGRES_URL``).
"""

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common


def timed(work: Callable[[], Any], rounds: int) -> tuple[float, float]:
    """Median and p95 CPU milliseconds of ``work`` after one warm-up call."""
    work()
    spent = []
    for _ in range(rounds):
        started = time.process_time()
        work()
        spent.append((time.process_time() - started) * 1000)
    spent.sort()
    return statistics.median(spent), spent[max(0, int(len(spent) * 0.95) - 1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=common.DATABASES, default="sqlite")
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--language", default="zh-hans")
    parser.add_argument("--user", default="officer", help="a demo user who may use the inbox")
    parser.add_argument("--query", default="tab=recent", help="the inbox's query string")
    args = parser.parse_args(argv)
    common.apply_environment(args.db, args.n)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from django.utils import translation

    from waishi.cases.views import lists

    translation.activate(args.language)
    user = get_user_model().objects.get(username=args.user)
    request = RequestFactory().get("/office/inbox/?" + args.query, HTTP_HOST="127.0.0.1")
    request.user = user
    request.session = {}  # type: ignore[assignment]
    request.htmx = False  # type: ignore[attr-defined]
    request.LANGUAGE_CODE = args.language  # type: ignore[attr-defined]
    context = lists.list_context(request, title="Inbox", with_agency=True, tab="mine")
    figures = {
        "page": timed(
            lambda: lists.list_context(request, title="Inbox", with_agency=True, tab="mine"),
            args.rounds,
        ),
        "rows": timed(
            lambda: render_to_string("cases/includes/case_rows.html", context, request),
            args.rounds,
        ),
        "inbox": timed(lambda: render_to_string("cases/inbox.html", context, request), args.rounds),
    }
    rows = len(context["page"].rows)
    for name, (median, p95) in figures.items():
        print(f"{name:<6} {rows} rows: median {median:6.2f} ms, p95 {p95:6.2f} ms (CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
