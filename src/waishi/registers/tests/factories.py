"""Factories of the shared registers, reused by every area's tests."""

import datetime

import factory

from waishi.accounts.tests.factories import AgencyFactory
from waishi.registers.constants import OrganisationKind, PersonKind
from waishi.registers.models import Country, Organisation, Person


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = OrganisationKind.FOREIGN_CITY
    name_zh = factory.Sequence(lambda n: f"友好城市{n}")
    name_original = factory.Sequence(lambda n: f"Partner City {n}")
    country = factory.LazyFunction(lambda: Country.objects.get(pk="DE"))

    class Params:
        chinese_company = factory.Trait(
            kind=OrganisationKind.COMPANY,
            name_zh="福州示例有限公司",
            name_original="",
            country=factory.LazyFunction(lambda: Country.objects.get(pk="CN")),
            credit_code="91350100M000100Y43",
        )


class PersonFactory(factory.django.DjangoModelFactory):
    """A traveller of an agency; ``PersonFactory(guest=True)`` is a foreign guest of none."""

    class Meta:
        model = Person

    class Params:
        guest = factory.Trait(
            agency=None,
            kinds=PersonKind.FOREIGN_GUEST,
            name="约翰·史密斯",
            foreign_names="John SMITH",
            passport_name="",
            nationalities="US",
            passport_number="567890123",
            post="",
        )

    agency = factory.SubFactory(AgencyFactory)
    kinds = PersonKind.TRAVELLER
    name = factory.Sequence(lambda n: f"张{'一二三四五六七八九十'[n % 10]}")
    sex = "male"
    date_of_birth = datetime.date(1980, 5, 1)
    post = "科员"
    rank = "other"
    passport_name = "ZHANG, SAN"
