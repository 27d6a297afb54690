"""``waishi serve``: the web server and a background task worker, for one machine.

The worker runs as a child process and stops with the server. For many machines, run
gunicorn and ``waishi db_worker`` separately (docs/deployment.md).
"""

import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the web server and a background task worker (one-machine set-up)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument("--no-worker", action="store_true", help="Do not start a worker.")

    def handle(self, *args: Any, **options: Any) -> None:
        host, port = options["host"], str(options["port"])
        worker = None
        if not options["no_worker"]:
            worker = subprocess.Popen(
                [sys.executable, "-m", "waishi", "db_worker", "--no-reload", "--queue-name", "*"],
            )
        self._welcome(host, port)
        try:
            call_command("runserver", f"{host}:{port}", use_reloader=False)
        finally:
            if worker is not None:
                worker.send_signal(signal.SIGTERM)
                try:
                    worker.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    worker.kill()

    def _welcome(self, host: str, port: str) -> None:
        url = f"http://{host}:{port}"
        self.stdout.write(self.style.SUCCESS(f"\nWaishi is running at {url}"))
        self.stdout.write(f"  public portal:  {url}/")
        self.stdout.write(f"  sign in:        {url}/accounts/login/")
        logins = Path(settings.VAR_DIR) / "demo-logins.txt"
        if logins.exists():
            self.stdout.write(logins.read_text(encoding="utf-8"))
        self.stdout.write("Stop with Ctrl+C.\n")
