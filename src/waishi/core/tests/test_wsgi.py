"""The production entry point leaves what it loaded at start-up out of garbage collection."""

import os
import subprocess
import sys


def test_the_wsgi_application_freezes_what_it_loaded():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "waishi.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", "import gc, waishi.wsgi; print(gc.get_freeze_count())"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    # Tens of thousands of objects (Django, Wagtail, the apps) are out of the full passes.
    assert int(result.stdout.strip().splitlines()[-1]) > 10_000
