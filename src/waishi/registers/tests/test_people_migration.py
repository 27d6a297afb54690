"""Travellers become people of the register: ids, references and encrypted values survive."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from waishi.core import crypto

# The state before the move, and the migrations of the move.
BEFORE = [
    ("missions", "0010_rules_to_kernel"),
    ("passports", "0006_locks_to_standing"),
    ("registers", "0002_countries_organisations"),
]


@pytest.mark.django_db(transaction=True)
def test_travellers_become_people_keeping_ids_references_and_encrypted_values() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    agency = old.get_model("accounts", "Agency").objects.create(
        code="migr", kind="municipal_agency", name_zh_hans="迁移局", name_en="Migration Agency"
    )
    traveller_model = old.get_model("missions", "Traveller")
    # Ids from the database's own sequence, with a gap, as a live register has.
    first, gap, second = (
        traveller_model.objects.create(
            agency=agency,
            name=name,
            sex="male",
            date_of_birth=datetime.date(1970, 1, 1),
            id_number=id_number,
            post="科员",
            passport_name=passport_name,
        )
        for name, id_number, passport_name in (
            ("单田芳", "11010519491231002X", "SHAN, TIANFANG"),
            ("删除", "", "SHAN, CHU"),
            ("曾丽", "", "ZENG, LI"),
        )
    )
    gap.delete()
    old.get_model("passports", "TravelDocument").objects.create(
        kind="service_passport",
        number="SE1234567",
        holder=second,
        issue_date=datetime.date(2022, 3, 1),
        expiry_date=datetime.date(2032, 2, 28),
        issuing_authority="广东省人民政府外事办公室",
        custodian=agency,
        status="in_custody",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number FROM missions_traveller WHERE id = %s", [first.pk])
        stored = cursor.fetchone()[0]
    assert crypto.is_encrypted(stored)

    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from waishi.passports.models import TravelDocument
    from waishi.registers.models import Person

    shan = Person.objects.get(pk=first.pk)
    assert (shan.name, shan.passport_name, shan.agency_id) == (
        "单田芳",
        "SHAN, TIANFANG",
        agency.pk,
    )
    assert shan.id_number == "11010519491231002X"
    assert Person.objects.pii_exact(id_number="11010519491231002x").get() == shan
    assert shan.kind_codes == ["traveller"] and shan.nationality_codes == ["CN"]
    assert TravelDocument.objects.get().holder == Person.objects.get(pk=second.pk)
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number FROM registers_person WHERE id = %s", [first.pk])
        assert cursor.fetchone()[0] == stored
    assert "missions_traveller" not in connection.introspection.table_names()
    # New people continue after the moved ids.
    assert (
        Person.objects.create(
            agency_id=agency.pk, name="新人", sex="female", date_of_birth=datetime.date(1990, 1, 1)
        ).pk
        > second.pk
    )
