import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from waishi.accounts.constants import Role
from waishi.audit.models import AuditEvent, Outcome

from .pii_models import Guarded, Specimen

pytestmark = pytest.mark.django_db

ID = "11010519491231002X"
REVEALERS = [Role.DIVISION_OFFICER, Role.DIVISION_HEAD, Role.BUREAU_LEADER]
OTHERS = [role for role in Role if role not in REVEALERS]


@pytest.fixture
def specimen():
    return Specimen.objects.create(name="张三", id_number=ID, phone="13812345678")


def url(obj, field="id_number") -> str:
    return reverse("core:pii_reveal", args=[obj._meta.label_lower, obj.pk, field])


def reveals():
    return AuditEvent.objects.filter(action="core.pii.reveal")


@pytest.mark.parametrize("role", REVEALERS)
def test_permitted_staff_see_the_value_with_a_reason_and_it_is_recorded(
    client, make_user, specimen, role
):
    user = make_user(role)
    client.force_login(user)
    response = client.post(url(specimen), {"reason": "核对出国人员身份"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert ID in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    event = reveals().get()
    assert event.actor == user
    assert event.object_type == "pii_tests.specimen"
    assert event.object_id == str(specimen.pk)
    assert event.after == {"field": "id_number"}
    assert event.reason == "核对出国人员身份"
    assert ID not in str(event.before) + str(event.after) + event.object_repr


def test_a_blank_reason_reveals_nothing_and_says_why(client, make_user, specimen):
    client.force_login(make_user(Role.DIVISION_OFFICER))
    with translation.override("zh-hans"):
        expected = translation.gettext("Give the reason you need to see this information.")
    assert expected != "Give the reason you need to see this information."
    for headers, status in (({"HTTP_HX_REQUEST": "true"}, 200), ({}, 422)):
        response = client.post(url(specimen), {"reason": "   "}, **headers)
        assert response.status_code == status
        body = response.content.decode()
        assert ID not in body
        assert "110105********002X" in body
        assert expected in body
    assert not reveals().exists()


@pytest.mark.parametrize("role", OTHERS)
def test_other_roles_are_refused_and_the_denial_recorded(client, make_user, specimen, role):
    user = make_user(role)
    client.force_login(user)
    response = client.post(url(specimen), {"reason": "好奇"})
    assert response.status_code == 403
    assert ID not in response.content.decode()
    assert not reveals().exists()
    denial = AuditEvent.objects.get(action="core.permission.deny", actor=user)
    assert denial.outcome == Outcome.DENIED
    assert denial.reason == "core.reveal_pii"


def test_anonymous_visitors_are_sent_to_sign_in(client, specimen):
    response = client.post(url(specimen), {"reason": "x"})
    assert response.status_code == 302
    assert not reveals().exists()


def test_only_post_is_accepted(client, make_user, specimen):
    client.force_login(make_user(Role.DIVISION_OFFICER))
    assert client.get(url(specimen), {"reason": "x"}).status_code == 405
    assert not reveals().exists()


def test_unregistered_fields_and_unknown_objects_are_not_found(client, make_user, specimen):
    client.force_login(make_user(Role.DIVISION_OFFICER))
    for target in (
        url(specimen, "passport_number"),
        url(specimen, "name"),
        reverse("core:pii_reveal", args=["pii_tests.specimen", 999999, "id_number"]),
        reverse("core:pii_reveal", args=["pii_tests.specimen", "abc", "id_number"]),
        reverse("core:pii_reveal", args=["accounts.user", 1, "password"]),
    ):
        assert client.post(target, {"reason": "x"}).status_code == 404, target
    assert not reveals().exists()


def test_a_model_may_demand_a_narrower_permission(client, make_user):
    guarded = Guarded.objects.create(name="shown", id_number=ID)
    client.force_login(make_user(Role.DIVISION_OFFICER))
    assert client.post(url(guarded), {"reason": "x"}).status_code == 403
    client.force_login(make_user(Role.BUREAU_LEADER))
    response = client.post(url(guarded), {"reason": "审批需要"})
    assert response.status_code == 200
    assert ID in response.content.decode()
    assert reveals().count() == 1


def test_objects_the_user_may_not_see_are_not_found(client, make_user):
    hidden = Guarded.objects.create(name="hidden", id_number=ID)
    client.force_login(make_user(Role.BUREAU_LEADER))
    assert client.post(url(hidden), {"reason": "x"}).status_code == 404
    assert not reveals().exists()


def render_field(user, obj, field="id_number") -> str:
    request = RequestFactory().get("/")
    request.user = user
    template = Template("{% load pii %}{% pii_field obj field %}")
    return template.render(Context({"request": request, "obj": obj, "field": field}))


def test_the_field_shows_masked_with_a_reveal_form_for_permitted_users(make_user, specimen):
    html = render_field(make_user(Role.DIVISION_OFFICER), specimen)
    assert "110105********002X" in html
    assert ID not in html
    assert url(specimen) in html
    assert 'name="reason"' in html


def test_the_field_shows_masked_without_a_form_for_others(make_user, specimen):
    html = render_field(make_user(Role.LIAISON_OFFICER), specimen)
    assert "110105********002X" in html
    assert ID not in html
    assert 'name="reason"' not in html
    passport_html = render_field(make_user(Role.DIVISION_OFFICER), specimen, "passport_number")
    assert 'name="reason"' not in passport_html
