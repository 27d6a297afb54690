"""Filing a case for an applicant: the kernel's door, the applicants' app behind it.

Areas file an applicant's case with ``file_for_applicant`` and never name the app that keeps
applicants, companies and filings; that app registers the action that does the work
(``register_applicant_filer``, once, in its ``AppConfig.ready``). The arguments are those of
``do_create_case`` for a case without an agency: ``actor``, ``case_type``, ``title``,
``build_detail``, ``idempotency_key``, ``request`` and the ``company`` the applicant acts for.
"""

from collections.abc import Callable
from typing import Any

_FILER: list[Callable[..., Any]] = []


def register_applicant_filer(filer: Callable[..., Any]) -> None:
    """Name the action that files an applicant's case (the applicants' app, at start-up)."""
    _FILER[:] = [filer]


def file_for_applicant(**kwargs: Any) -> Any:
    """File a case for the applicant ``actor``; the registered action checks and writes."""
    if not _FILER:
        raise RuntimeError("no applicant filer is registered (is the applicants app installed?)")
    return _FILER[0](**kwargs)
