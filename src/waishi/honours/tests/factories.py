"""Test data of the award: an honorary citizen straight from a conferred nomination."""

import datetime
from typing import Any

from django.utils import timezone

from waishi.cases.testing import force_status
from waishi.honours.constants import CitizenStatus
from waishi.honours.models import HonoraryCitizen


def make_citizen(
    case: Any,
    *,
    conferred_on: datetime.date | None = None,
    status: str = CitizenStatus.ACTIVE,
    publish_consent: bool | None = None,
) -> HonoraryCitizen:
    """The honorary citizen of ``case``'s nomination (the decision steps are tested apart)."""
    force_status(case, "conferred")
    nomination = case.nomination
    on = conferred_on or timezone.localdate() - datetime.timedelta(days=400)
    return HonoraryCitizen.objects.create(
        nomination=nomination,
        person=nomination.person,
        conferred_on=on,
        decision_number="肇常〔2024〕3号",
        status=status,
        status_on=on,
        publish_consent=nomination.publish_consent if publish_consent is None else publish_consent,
    )
