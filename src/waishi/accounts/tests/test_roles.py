"""The three administrators are three people; roles fit where the user works."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from waishi.accounts import actions
from waishi.accounts.constants import Role
from waishi.accounts.models import RoleGrant
from waishi.audit.models import AuditEvent


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("first", "second"),
    [
        (Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN),
        (Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN),
        (Role.SECURITY_ADMIN, Role.AUDIT_ADMIN),
    ],
)
def test_one_account_cannot_combine_two_administrator_roles(make_user, first, second):
    user = make_user(first)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        actions.do_set_roles(actor=None, user=user, roles={first, second})
    assert "three different people" in str(error.value)
    assert set(RoleGrant.objects.filter(user=user).values_list("role", flat=True)) == {first}


@pytest.mark.django_db
def test_administrator_cannot_hold_a_business_role(make_user):
    user = make_user(Role.AUDIT_ADMIN)
    with pytest.raises(ValidationError):
        actions.do_set_roles(actor=None, user=user, roles={Role.AUDIT_ADMIN, Role.DIVISION_OFFICER})


@pytest.mark.django_db
def test_creating_a_user_with_two_admin_roles_writes_nothing(make_user):
    from waishi.accounts.models import User

    with pytest.raises(ValidationError):
        make_user([Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN], username="both")
    assert not User.objects.filter(username="both").exists()


@pytest.mark.django_db
def test_agency_role_needs_an_agency(make_user):
    user = make_user(Role.DIVISION_OFFICER)
    with pytest.raises(ValidationError):
        actions.do_set_roles(actor=None, user=user, roles={Role.LIAISON_OFFICER})


@pytest.mark.django_db
def test_role_changes_are_audited(make_user):
    admin = make_user(Role.SYSTEM_ADMIN)
    user = make_user(Role.DIVISION_OFFICER)
    actions.do_set_roles(actor=admin, user=user, roles={Role.DIVISION_OFFICER, Role.WEBSITE_EDITOR})
    event = AuditEvent.objects.filter(action="accounts.user.set_roles").order_by("-seq").first()
    assert event.before == {"roles": [Role.DIVISION_OFFICER]}
    assert event.after == {"roles": sorted([Role.DIVISION_OFFICER, Role.WEBSITE_EDITOR])}
    assert event.actor_id == admin.pk


@pytest.mark.django_db
def test_admin_site_refuses_combining_admin_roles(client, make_user):
    admin = make_user(Role.SYSTEM_ADMIN)
    target = make_user(Role.SECURITY_ADMIN, username="target")
    client.force_login(admin)
    client.cookies["waishi_language"] = "en"
    response = client.post(
        f"/admin/accounts/user/{target.pk}/change/",
        {
            "username": "target",
            "full_name": "x",
            "email": "",
            "phone": "",
            "is_active": "on",
            "roles": [Role.SECURITY_ADMIN, Role.AUDIT_ADMIN],
        },
    )
    assert response.status_code == 200
    assert "three different people" in response.content.decode()
    assert set(target.role_grants.values_list("role", flat=True)) == {Role.SECURITY_ADMIN}


@pytest.mark.django_db
def test_system_admin_cannot_read_the_audit_log(client, make_user):
    client.force_login(make_user(Role.SYSTEM_ADMIN))
    assert client.get("/audit/").status_code == 403
    assert client.get("/admin/audit/auditevent/", follow=True).status_code in (403, 404)


@pytest.mark.django_db
def test_no_everyday_superuser(make_user):
    from waishi.accounts.demo import DEMO_USERS  # noqa: F401 - the demo uses roles only
    from waishi.accounts.models import User

    assert not User.objects.filter(is_superuser=True).exists()


def test_business_rights_come_from_the_rules_alone(make_user, django_assert_num_queries):
    from django.contrib.auth.models import Permission

    from waishi.core.appflags import rules_only_apps

    officer = make_user(Role.DIVISION_OFFICER)
    # A model permission of a business app granted through Django's tables grants nothing.
    officer.user_permissions.add(Permission.objects.get(codename="add_mission"))
    officer = type(officer).objects.get(pk=officer.pk)
    assert "missions" in rules_only_apps()
    assert officer.has_perm("cases.change_case")  # the rules say yes
    with django_assert_num_queries(0):
        # The rules say no, and the permission tables are not even read.
        assert not officer.has_perm("missions.file_mission")
        assert not officer.has_perm("missions.add_mission")
