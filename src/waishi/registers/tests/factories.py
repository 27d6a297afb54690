"""Factories of the shared registers."""

import factory

from waishi.registers.constants import OrganisationKind
from waishi.registers.models import Country, Organisation


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
