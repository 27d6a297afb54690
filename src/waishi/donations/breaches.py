"""The donations' breaches for the discipline inspector (the kernel's ``cases.breaches``).

A donation filed after its filing day, a project whose confirmation was applied for late, and
a misuse flagged by the reviewing office (DL art. 18, 28; GDQ art. 30) each show as a breach
of the donee, cleared on the day the flag was resolved. One query per source.
"""

from collections.abc import Callable, Iterator

from django.db.models import Q
from django.utils.translation import gettext_lazy

from waishi.cases.breaches import Breach, BreachQuery, BreachSource, register_breach_source

from .constants import RULE_AREA, FlagKind, RuleCode
from .models import MisuseFlag

LATE_FILING = "donations.late_filing"
LATE_CONFIRMATION = "donations.late_confirmation"
MISUSE = "donations.misuse"

RULES = {
    FlagKind.LATE_FILING: str(RuleCode.FILING_DAYS),
    FlagKind.LATE_CONFIRMATION: str(RuleCode.CONFIRMATION_MONTHS),
    FlagKind.MISUSE: "",
}


def _reader(source: str, kind: str) -> Callable[[BreachQuery], Iterator[Breach]]:
    def rows(query: BreachQuery) -> Iterator[Breach]:
        flags = query.narrow(
            MisuseFlag.objects.filter(kind=kind),
            when="raised_on",
            agency="case__agency_id",
            cleared=Q(resolved_on__isnull=False),
        ).values(
            "pk",
            "raised_on",
            "text",
            "resolved_on",
            "case_id",
            "case__reference",
            "case__agency_id",
        )[: query.limit]
        for r in flags:
            yield Breach(
                source=source,
                key=f"flag:{r['pk']}",
                when=r["raised_on"],
                what=r["text"],
                agency_id=r["case__agency_id"],
                case_id=r["case_id"],
                case_reference=r["case__reference"],
                rule_code=RULES[FlagKind(kind)],
                cleared_on=r["resolved_on"],
            )

    return rows


late_filings = _reader(LATE_FILING, FlagKind.LATE_FILING)
late_confirmations = _reader(LATE_CONFIRMATION, FlagKind.LATE_CONFIRMATION)
misuses = _reader(MISUSE, FlagKind.MISUSE)


def register() -> None:
    """Declare the three sources (from ``DonationsConfig.ready``)."""
    for code, reader, label in (
        (LATE_FILING, late_filings, gettext_lazy("Donation filed late")),
        (LATE_CONFIRMATION, late_confirmations, gettext_lazy("Confirmation applied for late")),
        (MISUSE, misuses, gettext_lazy("Donated funds or property misused")),
    ):
        register_breach_source(BreachSource(code, label, RULE_AREA, reader, order=60))
