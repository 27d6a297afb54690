"""The delegation members' names in their cases (``cases.CaseName``), for search by name."""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.apps import apps as global_apps
from django.db import connection

from waishi.cases.names import set_case_names
from waishi.registers.models import Person

from .models import Mission, MissionMember


def refresh_case_names(mission_ids: Iterable[int]) -> None:
    """Name in each mission's case its members as they are called now (one query to read)."""
    ids = list(mission_ids)
    cases = dict(Mission.objects.filter(pk__in=ids).values_list("pk", "case_id"))
    names: dict[int, list[str]] = defaultdict(list)
    rows = MissionMember.objects.filter(mission_id__in=ids).values_list(
        "mission_id", "traveller__name"
    )
    for mission_id, name in rows.order_by():
        names[mission_id].append(name)
    for mission_id, case_id in cases.items():
        set_case_names(case_id, names[mission_id])


def refresh_names_of_person(person: Person, changed: frozenset[str]) -> None:
    """A renamed person is renamed in the cases of the missions they are a member of."""
    if "name" in changed:
        refresh_case_names(person.memberships.values_list("mission_id", flat=True))  # type: ignore[attr-defined]


def rebuild_case_names(apps: Any = None) -> int:
    """Write every mission's member names anew, in one statement; the rows written.

    For a database filled without the missions actions (an import, the benchmark's
    generator) and for the migration that introduced the table (which passes its historical
    ``apps``: the people's table had another name then).
    """
    get_model = (apps or global_apps).get_model
    member_model = get_model("missions", "MissionMember")
    quote = connection.ops.quote_name
    table = quote(get_model("cases", "CaseName")._meta.db_table)
    member = quote(member_model._meta.db_table)
    traveller = quote(member_model._meta.get_field("traveller").related_model._meta.db_table)
    mission = quote(get_model("missions", "Mission")._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - the models' own tables
        cursor.execute(
            f"INSERT INTO {table} (case_id, name)"  # noqa: S608 - the models' own tables
            f" SELECT DISTINCT mi.case_id, t.name FROM {member} m"
            f" JOIN {traveller} t ON t.id = m.traveller_id"
            f" JOIN {mission} mi ON mi.id = m.mission_id"
        )
        return int(cursor.rowcount)
