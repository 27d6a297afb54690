"""Test data of the incidents area."""

from waishi.incidents.models import ConsularTreaty
from waishi.incidents.treaties import treaty_rows


def seed_treaties() -> None:
    """The treaty table as migration 0002 seeds it (idempotent)."""
    for row in treaty_rows():
        country, since = row.pop("country"), row.pop("effective_from")
        ConsularTreaty.objects.get_or_create(country=country, effective_from=since, defaults=row)
