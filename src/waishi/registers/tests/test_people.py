"""The people register: who sees whom, writing people with their audit, masking and reveal."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from waishi.accounts.constants import Role
from waishi.audit.models import AuditEvent
from waishi.registers import actions
from waishi.registers.constants import PersonKind
from waishi.registers.models import Person, of_kind
from waishi.registers.querysets import access_person, people_visible_to

from .factories import PersonFactory

pytestmark = pytest.mark.django_db

ID = "11010519491231002X"


def register(actor, **fields):  # type: ignore[no-untyped-def]
    values = {
        "agency": actor.agency,
        "name": "曾丽",
        "sex": "female",
        "date_of_birth": datetime.date(1975, 3, 1),
        "post": "科长",
        "id_number": ID.lower(),
    }
    values.update(fields)
    return actions.do_register_person(actor=actor, **values)


def test_registering_a_person_romanises_the_name_and_audits_it_masked(make_user) -> None:
    liaison = make_user(Role.LIAISON_OFFICER)
    person = register(
        liaison, phone="13812345678", passport_number="e12345678", nationalities="cn, ca"
    )
    assert person.passport_name == "ZENG, LI"
    assert person.id_number == ID and person.passport_number == "E12345678"
    assert person.nationality_codes == ["CN", "CA"] and person.kind_codes == ["traveller"]
    event = AuditEvent.objects.get(action="registers.person.register")
    assert event.object_type == "registers.person" and event.object_id == str(person.pk)
    assert event.after["id_number"] == "110105********002X"
    assert event.after["phone"] == "138****5678"
    assert event.after["passport_number"] == "E1*****78"
    for secret in (ID, "13812345678", "E12345678"):
        assert secret not in str(event.after)
    assert Person.objects.pii_exact(passport_number="E12345678").get() == person


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("nationalities", "China"),
        ("nationalities", "CN,CN"),
        ("kinds", "traveller,alien"),
        ("id_number", "110105194912310021"),
        ("passport_name", "Lü Bu"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(make_user, field, value) -> None:
    liaison = make_user(Role.LIAISON_OFFICER)
    with pytest.raises(ValidationError) as refusal:
        register(liaison, **{field: value})
    assert field in refusal.value.message_dict
    assert not Person.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="registers.").exists()


def test_another_agency_may_neither_register_nor_change_our_people(make_user) -> None:
    ours = make_user(Role.LIAISON_OFFICER)
    theirs = make_user(Role.LIAISON_OFFICER)
    with pytest.raises(PermissionDenied):
        register(theirs, agency=ours.agency)
    person = register(ours)
    with pytest.raises(PermissionDenied):
        actions.do_update_person(actor=theirs, person=person, changes={"post": "局长"})
    person.refresh_from_db()
    assert person.post == "科长"
    assert not AuditEvent.objects.filter(action="registers.person.update").exists()


def test_a_change_is_audited_field_by_field_with_personal_data_masked(make_user) -> None:
    liaison = make_user(Role.LIAISON_OFFICER)
    person = register(liaison, phone="13812345678")
    actions.do_update_person(
        actor=liaison,
        person=person,
        changes={"phone": "13987654321", "post": "科长", "foreign_names": "Lily ZENG"},
    )
    event = AuditEvent.objects.get(action="registers.person.update")
    assert event.before == {"foreign_names": "", "phone": "138****5678"}
    assert event.after == {"foreign_names": "Lily ZENG", "phone": "139****4321"}
    person.refresh_from_db()
    assert person.phone == "13987654321"


def test_a_change_that_changes_nothing_writes_nothing(make_user) -> None:
    liaison = make_user(Role.LIAISON_OFFICER)
    person = register(liaison)
    actions.do_update_person(actor=liaison, person=person, changes={"post": " 科长 "})
    assert not AuditEvent.objects.filter(action="registers.person.update").exists()


def test_a_stale_save_is_refused_and_keeps_the_other_change(make_user) -> None:
    liaison = make_user(Role.LIAISON_OFFICER)
    person = register(liaison)
    opened = person.version
    # Two people open the same person; the first saves…
    saved = actions.do_update_person(
        actor=liaison, person=person, changes={"post": "主任科员"}, expected_version=opened
    )
    assert saved.version == opened + 1
    # …the second's save, made on what they saw, is refused and writes nothing.
    with pytest.raises(actions.StalePerson) as stale:
        actions.do_update_person(
            actor=liaison, person=person, changes={"post": "处长"}, expected_version=opened
        )
    assert stale.value.person.post == "主任科员" and stale.value.expected_version == opened
    person.refresh_from_db()
    assert (person.post, person.version) == ("主任科员", opened + 1)
    assert AuditEvent.objects.filter(action="registers.person.update").count() == 1
    # Made again on the current version, it goes through.
    actions.do_update_person(
        actor=liaison, person=person, changes={"post": "处长"}, expected_version=opened + 1
    )
    person.refresh_from_db()
    assert (person.post, person.version) == ("处长", opened + 2)


def test_an_unknown_field_is_refused(make_user) -> None:
    liaison = make_user(Role.LIAISON_OFFICER)
    person = register(liaison)
    with pytest.raises(ValueError, match="agency"):
        actions.do_update_person(actor=liaison, person=person, changes={"agency": None})


def test_an_agency_sees_its_own_people_and_case_staff_see_everyone(make_user) -> None:
    ours = make_user(Role.LIAISON_OFFICER)
    theirs = make_user(Role.LIAISON_OFFICER)
    mine = PersonFactory(agency=ours.agency)
    other = PersonFactory(agency=theirs.agency)
    guest = PersonFactory(guest=True)
    assert list(people_visible_to(ours)) == [mine]
    with pytest.raises(Person.DoesNotExist):
        access_person(ours, other.pk)
    with pytest.raises(Person.DoesNotExist):
        access_person(ours, guest.pk)
    for role in (Role.DIVISION_OFFICER, Role.DIVISION_HEAD, Role.DISCIPLINE_INSPECTOR):
        assert people_visible_to(make_user(role)).count() == 3
    for role in (Role.WEBSITE_EDITOR, Role.SYSTEM_ADMIN):
        assert not people_visible_to(make_user(role)).exists()


def test_people_are_found_by_kind(make_user) -> None:
    traveller = PersonFactory()
    guest = PersonFactory(guest=True)
    both = PersonFactory(kinds="donor,traveller,overseas_chinese")
    assert set(Person.objects.filter(of_kind(PersonKind.TRAVELLER))) == {traveller, both}
    assert set(Person.objects.filter(of_kind(PersonKind.FOREIGN_GUEST))) == {guest}
    assert set(Person.objects.filter(of_kind(PersonKind.DONOR))) == {both}
    assert set(Person.objects.filter(of_kind(PersonKind.OVERSEAS_CHINESE))) == {both}


def _reveal_url(person: Person, field: str) -> str:
    return reverse("core:pii_reveal", args=[person._meta.label_lower, person.pk, field])


@pytest.mark.parametrize("field", ["id_number", "passport_number", "phone"])
def test_staff_reveal_a_persons_data_with_a_reason_and_it_is_recorded(
    client, make_user, field
) -> None:
    person = PersonFactory(id_number=ID, passport_number="E12345678", phone="13812345678")
    officer = make_user(Role.DIVISION_OFFICER)
    client.force_login(officer)
    response = client.post(
        _reveal_url(person, field), {"reason": "核对身份"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert getattr(person, field) in response.content.decode()
    event = AuditEvent.objects.get(action="core.pii.reveal")
    assert (event.object_type, event.object_id) == ("registers.person", str(person.pk))
    assert event.after == {"field": field} and event.reason == "核对身份"


def test_no_one_reveals_a_person_they_may_not_see(client, make_user) -> None:
    person = PersonFactory(id_number=ID)
    # A liaison officer may not reveal at all; staff outside the register see no one.
    client.force_login(make_user(Role.LIAISON_OFFICER, agency=person.agency))
    response = client.post(_reveal_url(person, "id_number"), {"reason": "好奇"})
    assert response.status_code in (403, 404)
    assert ID not in response.content.decode()
    assert not AuditEvent.objects.filter(action="core.pii.reveal").exists()


def test_the_people_page_masks_identity_numbers(client, make_user) -> None:
    liaison = make_user(Role.LIAISON_OFFICER)
    PersonFactory(agency=liaison.agency, id_number=ID)
    client.force_login(liaison)
    body = client.get(reverse("missions:travellers")).content.decode()
    assert "110105********002X" in body and ID not in body


def test_the_people_pages_show_an_agency_its_own_travellers_and_the_bureau_all(
    client, make_user
) -> None:
    liaison = make_user(Role.LIAISON_OFFICER)
    mine = PersonFactory(agency=liaison.agency, name="欧阳明")
    theirs = PersonFactory(name="司马光")
    guest = PersonFactory(guest=True)
    client.force_login(liaison)
    body = client.get(reverse("missions:travellers")).content.decode()
    assert mine.name in body and theirs.name not in body and guest.name not in body
    # Another agency's person is "not found", as a missing one is.
    edit = reverse("missions:traveller_edit", args=[theirs.pk])
    assert client.get(edit).status_code == 404
    client.force_login(make_user(Role.DIVISION_OFFICER))
    body = client.get(reverse("missions:travellers")).content.decode()
    # The bureau sees every agency's travellers; guests are not travellers.
    assert mine.name in body and theirs.name in body and guest.name not in body
