"""A task for the city drill (``test_city_drill``): it leaves one countable trace per run."""

import os
import time

from django.tasks import task

from waishi.audit.actions import log_action


@task()
def record(number: int, hold: str = "") -> int:
    """Write one audit event naming ``number``; with ``hold``, first wait for that file."""
    while hold and not os.path.exists(hold):
        time.sleep(0.05)
    log_action(action="core.drill.task", object_id=str(number), actor_label="drill")
    return number
