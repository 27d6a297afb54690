"""The people named in cases, kept by the areas, and finding cases by a person's name."""

from collections.abc import Iterable

from django.db import connection
from django.db.models import QuerySet

from .models import CaseName


def set_case_names(case_id: int, names: Iterable[str]) -> None:
    """Make ``names`` the people named in case ``case_id``. Inside the caller's transaction.

    Writes only the difference, so saving a delegation unchanged writes nothing.
    """
    wanted = {name.strip() for name in names if name and name.strip()}
    rows = CaseName.objects.filter(case_id=case_id)
    existing = set(rows.values_list("name", flat=True))
    if existing - wanted:
        rows.filter(name__in=existing - wanted).delete()
    if wanted - existing:
        CaseName.objects.bulk_create(
            [CaseName(case_id=case_id, name=name) for name in sorted(wanted - existing)]
        )


def names_starting(text: str) -> QuerySet[CaseName]:
    """The rows of every person whose name starts with ``text``, through the name index.

    On SQLite the prefix is asked as a range: SQLite's LIKE ignores case and so cannot use
    the index, and ``startswith`` would read the whole table.
    """
    name = text.strip()
    if connection.vendor == "sqlite":
        return CaseName.objects.filter(name__gte=name, name__lt=name + "\U0010ffff")
    return CaseName.objects.filter(name__startswith=name)
