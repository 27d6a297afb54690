"""The three administrators stay apart: no superuser, no double administrator, a safe start."""

import re
from typing import Any

import pytest
from django.core import checks
from django.core.management import call_command
from django.core.management.base import CommandError

from waishi.accounts.checks import check_roles_only
from waishi.accounts.constants import Role
from waishi.accounts.models import RoleGrant, User
from waishi.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _ids(found: list[Any]) -> set[str]:
    return {problem.id for problem in found}


def test_createsuperuser_is_refused_and_creates_nobody() -> None:
    with pytest.raises(CommandError):
        call_command("createsuperuser", "--username", "root", "--noinput")
    assert not User.objects.filter(username="root").exists()


def test_a_superuser_or_staff_flag_fails_the_system_check(make_user: Any) -> None:
    assert _ids(check_roles_only(databases=["default"])) == set()
    user = make_user(Role.DIVISION_OFFICER)
    User.objects.filter(pk=user.pk).update(is_staff=True)
    found = check_roles_only(databases=["default"])
    assert _ids(found) == {"waishi.E001"}
    assert all(isinstance(p, checks.Error) for p in found)


def test_one_person_with_two_administrator_roles_fails_the_system_check(make_user: Any) -> None:
    admin = make_user(Role.SYSTEM_ADMIN)
    RoleGrant.objects.create(user=admin, role=Role.AUDIT_ADMIN)
    assert _ids(check_roles_only(databases=["default"])) == {"waishi.E002"}


def test_the_first_administrators_are_three_people_with_one_time_passwords(capsys: Any) -> None:
    call_command(
        "create_administrators", "--system", "sys1", "--security", "sec1", "--audit", "aud1"
    )
    out = capsys.readouterr().out
    for name, role in (
        ("sys1", Role.SYSTEM_ADMIN),
        ("sec1", Role.SECURITY_ADMIN),
        ("aud1", Role.AUDIT_ADMIN),
    ):
        user = User.objects.get(username=name)
        assert user.role_set == {role}
        assert user.must_change_password
        assert not user.is_superuser and not user.is_staff
    # The password printed for each is the one that signs them in (once, then changed).
    for name in ("sys1", "sec1", "aud1"):
        line = next(line for line in out.splitlines() if name in line)
        printed = re.split("[:：]", line)[-1].strip()
        assert User.objects.get(username=name).check_password(printed)
    assert AuditEvent.objects.filter(action="accounts.user.create").count() == 3
    # Once there are administrators, the command refuses.
    with pytest.raises(CommandError):
        call_command("create_administrators", "--system", "s2", "--security", "x2", "--audit", "a2")
    assert not User.objects.filter(username="s2").exists()


def test_the_same_person_cannot_be_two_of_the_first_administrators() -> None:
    with pytest.raises(CommandError):
        call_command(
            "create_administrators", "--system", "one", "--security", "ONE", "--audit", "two"
        )
    assert not User.objects.exists()
