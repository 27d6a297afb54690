"""Background tasks of the passports area (run by ``db_worker``; at once in tests)."""

from django.tasks import task

from .custody import sweep_custody


@task
def sweep_custody_task() -> dict[str, int]:
    """Custody reminders, suspensions and expiries (the same as ``waishi sweep_custody``)."""
    result = sweep_custody()
    return {"reminded": result.reminded, "locked": result.locked, "expired": result.expired}
