"""Factories for the passports tests: approved missions, documents, endorsements."""

import datetime
import itertools
from typing import Any

import factory
from django.db import transaction
from django.utils import timezone

from waishi.cases.models import Case
from waishi.cases.references import next_reference
from waishi.core.validators import DocumentKind
from waishi.missions.models import Destination, Mission, MissionMember
from waishi.passports.constants import DocumentEventKind, DocumentStatus
from waishi.passports.models import DocumentEvent, Endorsement, TravelDocument
from waishi.registers.tests.factories import PersonFactory

_numbers = itertools.count(1000001)
_references = itertools.count(1)


def passport_number(kind: str = DocumentKind.SERVICE_PASSPORT) -> str:
    n = next(_numbers)
    if kind == DocumentKind.HK_MACAO_OFFICIAL_PASS:
        return f"GA{n}"
    prefix = {"service": "SE", "public_affairs": "PE", "diplomatic": "DE"}[str(kind)]
    return f"{prefix}{n}"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TravelDocument
        skip_postgeneration_save = True

    kind = DocumentKind.SERVICE_PASSPORT
    number = factory.LazyAttribute(lambda o: passport_number(o.kind))
    holder = factory.SubFactory(PersonFactory)
    issue_date = datetime.date(2022, 3, 1)
    expiry_date = datetime.date(2032, 2, 28)
    issuing_authority = "广东省人民政府外事办公室"
    custodian = factory.LazyAttribute(lambda o: o.holder.agency)
    status = DocumentStatus.IN_CUSTODY

    @factory.post_generation
    def history(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        """Registered today (or on ``history=<date>``), in its status, as the action does."""
        if create:
            DocumentEvent.objects.create(
                document=self,
                kind=DocumentEventKind.REGISTERED,
                status=self.status,
                on_date=extracted or timezone.localdate(),
            )


def make_mission(
    *,
    agency: Any,
    travellers: list[Any],
    departure: datetime.date,
    days: int,
    countries: list[str] | None = None,
    status: str = "approved",
    stops: list[tuple[str, datetime.date | None, datetime.date | None]] | None = None,
) -> Mission:
    """A mission case in ``status`` with members and destinations, built directly."""
    number = next(_references)
    with transaction.atomic():
        reference = next_reference("CG", "CG")
    case = Case.objects.create(
        reference=reference,
        case_type="CG",
        status=status,
        agency=agency,
        title=f"出访任务{number}",
    )
    mission = Mission.objects.create(
        case=case,
        purpose="考察职业教育合作",
        departure_date=departure,
        return_date=departure + datetime.timedelta(days=days - 1),
        inviter_name="Berlin Senate Department for Education",
    )
    for order, traveller in enumerate(travellers):
        MissionMember.objects.create(
            mission=mission, traveller=traveller, is_leader=order == 0, sort_order=order
        )
    for order, (country, arrive, leave) in enumerate(
        stops or [(c, None, None) for c in (countries or ["DE"])]
    ):
        Destination.objects.create(
            mission=mission,
            sort_order=order,
            country=country,
            arrive_on=arrive,
            leave_on=leave,
            tasks="会谈",
        )
    return mission


def endorse(document: TravelDocument, *, valid_from: datetime.date, validity: str) -> Endorsement:
    from waishi.core.workdays import add_months
    from waishi.passports.constants import VALIDITY_TERMS

    months = VALIDITY_TERMS[validity][0]
    return Endorsement.objects.create(
        document=document,
        validity=validity,
        valid_from=valid_from,
        valid_until=add_months(valid_from, months) - datetime.timedelta(days=1),
    )


# Holders are people of the register; the name stays for the passports tests.
TravellerFactory = PersonFactory

__all__ = ["DocumentFactory", "TravellerFactory", "endorse", "make_mission", "passport_number"]


def suspend(agency: Any, reasons: str = "逾期未交") -> Any:
    """Suspend ``agency`` from mission and passport business as the custody sweep does."""
    from waishi.cases.standing import do_impose_suspension
    from waishi.passports.constants import CUSTODY_SOURCE, CUSTODY_SUSPENDS

    suspension, _created = do_impose_suspension(
        agency=agency,
        source=CUSTODY_SOURCE,
        reasons=reasons,
        case_types=CUSTODY_SUSPENDS,
        actor_label="test",
    )
    return suspension
