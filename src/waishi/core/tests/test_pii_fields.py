import base64
from io import StringIO

import pytest
from django.core.exceptions import FieldError
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import translation

from waishi.core import crypto, pii

from .pii_models import Specimen

pytestmark = pytest.mark.django_db

ID = "11010519491231002X"
PASSPORT = "SE1234567"
PHONE = "13812345678"
KEY_A = "a:" + base64.b64encode(b"A" * 32).decode()
KEY_B = "b:" + base64.b64encode(b"B" * 32).decode()


def raw_row(pk: int) -> dict[str, object]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM pii_tests_specimen WHERE id = %s", [pk])
        names = [column[0] for column in cursor.description]
        return dict(zip(names, cursor.fetchone(), strict=True))


def make(**fields) -> Specimen:
    values = {"name": "张三", "id_number": ID, "passport_number": PASSPORT, "phone": PHONE}
    return Specimen.objects.create(**{**values, **fields})


def test_values_read_back_in_clear():
    specimen = make()
    again = Specimen.objects.get(pk=specimen.pk)
    assert (again.id_number, again.passport_number, again.phone) == (ID, PASSPORT, PHONE)


def test_raw_sql_shows_no_plaintext():
    specimen = make()
    row = raw_row(specimen.pk)
    for column in ("id_number", "passport_number", "phone"):
        assert str(row[column]).startswith("pii1$dev$")
    stored = " ".join(str(value) for value in row.values())
    for secret in (ID, ID[:14], PASSPORT, PHONE, "1949"):
        assert secret not in stored


def test_equal_values_are_stored_differently():
    first, second = make(), make()
    assert raw_row(first.pk)["id_number"] != raw_row(second.pk)["id_number"]


def test_empty_and_null_values_stay_empty():
    specimen = make(id_number="", phone=None)
    row = raw_row(specimen.pk)
    assert row["id_number"] == ""
    assert row["phone"] is None
    assert row["id_number_index"] == ""
    assert Specimen.objects.filter(phone__isnull=True).count() == 1


def test_exact_search_uses_the_blind_index_and_ignores_case_and_spaces():
    wanted = make(name="wanted")
    make(name="other", id_number="11010519491231003X".replace("3X", "48"))
    assert list(Specimen.objects.pii_exact(id_number=" 110105 19491231 002x ")) == [wanted]
    assert list(Specimen.objects.filter(**pii.pii_lookup(Specimen, id_number=ID))) == [wanted]
    assert not Specimen.objects.pii_exact(id_number="110105194912310011").exists()


def test_the_index_follows_a_changed_value():
    specimen = make()
    specimen.id_number = "110105194912310037"
    specimen.save()
    assert not Specimen.objects.pii_exact(id_number=ID).exists()
    assert Specimen.objects.pii_exact(id_number="110105194912310037").get() == specimen


def test_filtering_on_the_encrypted_column_is_refused():
    with pytest.raises(FieldError):
        list(Specimen.objects.filter(id_number=ID))
    with pytest.raises(FieldError):
        list(Specimen.objects.filter(id_number__startswith="1101"))


def test_a_tampered_value_does_not_decrypt():
    stored = crypto.encrypt(ID)
    head, body = stored.rsplit("$", 1)
    flipped = body[:-2] + ("A" if body[-2] != "A" else "B") + body[-1]
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(f"{head}${flipped}")


def test_the_key_id_in_the_header_is_authenticated():
    with override_settings(WAISHI_PII_KEYS=[KEY_A, KEY_B.replace("b:", "c:")]):
        stored = crypto.encrypt(ID)
        with pytest.raises(crypto.DecryptionError):
            crypto.decrypt(stored.replace("pii1$a$", "pii1$c$"))


def test_a_value_under_an_unknown_key_is_refused():
    with override_settings(WAISHI_PII_KEYS=[KEY_A]):
        stored = crypto.encrypt(ID)
    with override_settings(WAISHI_PII_KEYS=[KEY_B]), pytest.raises(crypto.DecryptionError):
        crypto.decrypt(stored)


def rotate(*args: str) -> str:
    out = StringIO()
    with translation.override("en"):
        call_command("rotate_pii_keys", *args, "--batch-size", "2", stdout=out)
    return out.getvalue()


def test_rotation_moves_every_value_to_the_new_key():
    with override_settings(WAISHI_PII_KEYS=[KEY_A]):
        specimens = [make(name=str(n)) for n in range(5)]
        make(name="blank", id_number="", phone=None)
        assert raw_row(specimens[0].pk)["id_number"].startswith("pii1$a$")
    with override_settings(WAISHI_PII_KEYS=[KEY_B, KEY_A]):
        # Old values stay readable before the rotation runs.
        assert Specimen.objects.get(pk=specimens[0].pk).id_number == ID
        output = rotate()
        assert "pii_tests.specimen.id_number: 5 values, 5 re-encrypted" in output
        assert "pii_tests.specimen.phone: 5 values, 5 re-encrypted" in output
        for specimen in specimens:
            row = raw_row(specimen.pk)
            for column in ("id_number", "passport_number", "phone"):
                assert row[column].startswith("pii1$b$")
        # Running it again finds nothing left to do.
        assert "Done: 0 values re-encrypted." in rotate()
    with override_settings(WAISHI_PII_KEYS=[KEY_B]):
        # Key A can now be retired: everything reads under B alone.
        for specimen in Specimen.objects.exclude(name="blank"):
            assert (specimen.id_number, specimen.passport_number, specimen.phone) == (
                ID,
                PASSPORT,
                PHONE,
            )
        assert Specimen.objects.pii_exact(id_number=ID).count() == 5


def test_rotation_encrypts_values_written_before_encryption():
    specimen = make()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE pii_tests_specimen SET phone = %s WHERE id = %s", ["13900000000", specimen.pk]
        )
    assert Specimen.objects.get(pk=specimen.pk).phone == "13900000000"
    rotate()
    assert raw_row(specimen.pk)["phone"].startswith("pii1$dev$")
    assert Specimen.objects.get(pk=specimen.pk).phone == "13900000000"


def test_reindex_follows_a_new_index_key():
    specimen = make()
    new_index_key = base64.b64encode(b"I" * 32).decode()
    with override_settings(WAISHI_PII_INDEX_KEY=new_index_key):
        assert not Specimen.objects.pii_exact(id_number=ID).exists()
        output = rotate("--reindex")
        assert "id_number_index: 1 re-indexed" in output
        assert Specimen.objects.pii_exact(id_number=ID).get() == specimen


@pytest.mark.parametrize(
    "keys",
    [["no-colon"], ["a:not-base64!"], ["a:" + base64.b64encode(b"short").decode()], [KEY_A, KEY_A]],
)
def test_malformed_keys_are_refused(keys):
    from django.core.exceptions import ImproperlyConfigured

    with override_settings(WAISHI_PII_KEYS=keys), pytest.raises(ImproperlyConfigured):
        crypto.encrypt(ID)


def test_deploy_check_warns_about_derived_keys():
    assert [m.id for m in pii.check_pii_keys()] == ["core.W101"]
    with override_settings(WAISHI_PII_KEYS=[KEY_A], WAISHI_PII_INDEX_KEY=crypto.new_key()):
        assert pii.check_pii_keys() == []


def test_an_encrypted_field_cannot_be_unique():
    field = pii.EncryptedTextField(unique=True)
    field.set_attributes_from_name("x")
    field.model = Specimen
    assert [e.id for e in field.check()] == ["core.E101"]
