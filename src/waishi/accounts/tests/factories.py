"""Factories for the organisation and users, with a role as the usual trait."""

from typing import Any

import factory

from waishi.accounts import actions
from waishi.accounts.constants import AGENCY_ROLES, AgencyKind, Role
from waishi.accounts.models import Agency, Bureau, Division, User

TEST_PASSWORD = "Correct-Horse-42"


class BureauFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bureau

    name_zh_hans = "测试市外事侨务局"
    name_zh_hant = "測試市外事僑務局"
    name_en = "Test City Foreign Affairs Bureau"
    address_zh_hans = "测试路1号"
    postcode = "526060"
    telephone = "0758-0000000"


class DivisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Division

    bureau = factory.SubFactory(BureauFactory)
    code = factory.Sequence(lambda n: f"division-{n}")
    name_zh_hans = factory.Sequence(lambda n: f"第{n}处")
    name_en = factory.Sequence(lambda n: f"Division {n}")


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    code = factory.Sequence(lambda n: f"agency-{n}")
    kind = AgencyKind.MUNICIPAL_AGENCY
    name_zh_hans = factory.Sequence(lambda n: f"测试局{n}")
    name_en = factory.Sequence(lambda n: f"Test Agency {n}")


def make_user(
    role: str | list[str] | None = None,
    *,
    username: str | None = None,
    password: str = TEST_PASSWORD,
    must_change_password: bool = False,
    **fields: Any,
) -> User:
    """A user with ``role`` (or several), placed in an agency or a division as the role needs."""
    roles = {role} if isinstance(role, str) else set(role or [])
    if roles & AGENCY_ROLES and "agency" not in fields:
        fields["agency"] = AgencyFactory()
    if roles & {Role.DIVISION_OFFICER, Role.DIVISION_HEAD} and "division" not in fields:
        fields["division"] = DivisionFactory()
    username = username or f"user{User.objects.count() + 1}_{'_'.join(sorted(roles)) or 'none'}"
    return actions.do_create_user(
        actor=None,
        username=username[:150],
        password=password,
        full_name=fields.pop("full_name", "测试用户"),
        roles=roles,
        must_change_password=must_change_password,
        **fields,
    )
