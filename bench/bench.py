"""One command: generate the database if needed, measure it, write the report.

    .venv/bin/python bench/bench.py --db sqlite --n 1000000
    .venv/bin/python bench/bench.py --db both --n 1000000

Options after ``--`` go to ``run.py`` (for example ``-- --seconds 20 --workers 3``).
"""

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common
from bench.generate import marker_file


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=[*common.DATABASES, "both"], default="sqlite")
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--regenerate", action="store_true", help="start from an empty database")
    parser.add_argument("rest", nargs=argparse.REMAINDER, help="options for run.py after --")
    args = parser.parse_args()
    rest = [a for a in args.rest if a != "--"]
    databases = common.DATABASES if args.db == "both" else (args.db,)
    python = str(common.PYTHON)
    for db in databases:
        if args.regenerate or not marker_file(db, args.n).exists():
            command = [python, str(common.BENCH / "generate.py"), "--db", db, "--n", str(args.n)]
            subprocess.run([*command, "--reset"], check=True)
        run = [python, str(common.BENCH / "run.py"), "--db", db, "--n", str(args.n), *rest]
        subprocess.run(run, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
