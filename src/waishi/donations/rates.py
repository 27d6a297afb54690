"""Valuing a donation in RMB on the day it was accepted, from the exchange-rate table."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from waishi.cases.rule_engine import load_rulebook

from .constants import RMB, RULE_AREA, RuleCode
from .models import ExchangeRate

CENT = Decimal("0.01")
# The default when no rule is in force (PREF; "lowerable").
DEFAULT_THRESHOLD = Decimal("100000")


def rate_on(currency: str, day: datetime.date) -> ExchangeRate:
    """The rate published for ``currency`` on ``day``, or the last one before it.

    A rate more than 31 days old is not used: the table must be kept up. Raises
    ``ValidationError`` when there is none.
    """
    rate = (
        ExchangeRate.objects.filter(
            currency=currency, on__lte=day, on__gte=day - datetime.timedelta(days=31)
        )
        .order_by("-on")
        .first()
    )
    if rate is None:
        raise ValidationError(
            _("No exchange rate of %(currency)s is recorded for %(day)s or the month before.")
            % {"currency": currency, "day": day.isoformat()}
        )
    return rate


def rmb_value(
    currency: str, amount: Decimal, day: datetime.date
) -> tuple[Decimal, ExchangeRate | None]:
    """The amount in RMB on ``day`` (rounded to the fen, half up) and the rate applied."""
    if currency == RMB:
        return amount.quantize(CENT, rounding=ROUND_HALF_UP), None
    rate = rate_on(currency, day)
    return (amount * rate.rate).quantize(CENT, rounding=ROUND_HALF_UP), rate


def certificate_threshold(day: datetime.date) -> tuple[Decimal, int | None]:
    """The certificate threshold in force on ``day`` and the id of its rule version."""
    spec = load_rulebook(RULE_AREA, day).get(RuleCode.CERTIFICATE_THRESHOLD)
    if spec is None:
        return DEFAULT_THRESHOLD, None
    return Decimal(str(spec.value)), spec.id
