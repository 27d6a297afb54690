"""Background tasks of the case kernel (run by ``db_worker``; at once in tests)."""

from django.tasks import task

from .clocks import sweep_clocks


@task
def sweep_deadlines_task() -> dict[str, int]:
    """Send due reminders and escalations (the same work as ``waishi sweep_deadlines``)."""
    result = sweep_clocks()
    return {"reminded": result.reminded, "escalated": result.escalated}


@task
def export_cases(job_id: int) -> None:
    """Write the XLSX file of a large export."""
    from .export import run_export_job

    run_export_job(job_id)
