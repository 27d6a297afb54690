"""``waishi serve``: the web server and a background task worker, for one machine.

The worker runs as a supervised child process: started again when it exits (at once after
it recycles itself, after a growing pause after a crash) and stopped with the server, whether
the server is stopped with Ctrl+C, with SIGTERM or killed outright. For many machines, run
gunicorn and ``waishi worker`` under systemd instead (docs/deployment.md).
"""

import signal
import sys
from pathlib import Path
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from waishi.core.workers import Supervisor


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    """SIGTERM ends the server like Ctrl+C does, so the worker is stopped with it."""
    raise KeyboardInterrupt


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
            worker = Supervisor([sys.executable, "-m", "waishi", "worker", "--queue-name", "*"])
            worker.start()
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
        self._welcome(host, port)
        try:
            call_command("runserver", f"{host}:{port}", use_reloader=False)
        except KeyboardInterrupt:
            pass
        finally:
            if worker is not None:
                worker.stop()

    def _welcome(self, host: str, port: str) -> None:
        url = f"http://{host}:{port}"
        self.stdout.write(self.style.SUCCESS(f"\nWaishi is running at {url}"))
        self.stdout.write(f"  public portal:  {url}/")
        self.stdout.write(f"  sign in:        {url}/accounts/login/")
        logins = Path(settings.VAR_DIR) / "demo-logins.txt"
        if logins.exists():
            self.stdout.write(logins.read_text(encoding="utf-8"))
        self.stdout.write("Stop with Ctrl+C.\n")
