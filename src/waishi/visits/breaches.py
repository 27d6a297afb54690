"""The gift register's breaches for the discipline inspector (the kernel's ``cases.breaches``).

A received gift whose declaration clock ran out without a declaration is a breach of the
Regulations on Gifts in Official Dealings with Foreigners (国务院令第133号 art. 7); declaring
it late clears it (the row stays, cleared on the day declared). One query.
"""

from collections.abc import Iterator

from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.cases.breaches import Breach, BreachQuery, BreachSource, register_breach_source
from waishi.cases.constants import ClockState
from waishi.cases.models import Clock

from .constants import DECLARATION_CLOCK, RuleCode
from .models import ReceivedGift

AREA = "visits"
GIFT_NOT_DECLARED = "visits.gift_not_declared"


def _clock(field: str) -> Subquery:
    return Subquery(
        Clock.objects.filter(case_id=OuterRef("case_id"), code=DECLARATION_CLOCK).values(field)[:1]
    )


def gifts_not_declared(query: BreachQuery) -> Iterator[Breach]:
    """Gifts past their declaration day: undeclared while the clock runs, or declared late."""
    gifts = ReceivedGift.objects.annotate(
        due=_clock("due_date"), clock_state=_clock("state"), citation=_clock("rule__citation")
    ).filter(due__lt=query.today)
    gifts = gifts.filter(
        Q(declared_late=True) | Q(declared_on__isnull=True, clock_state=ClockState.RUNNING)
    )
    rows = query.narrow(
        gifts,
        when="due",
        agency="case__agency_id",
        person="recipient_id",
        cleared=Q(declared_late=True),
    ).values(
        "pk",
        "due",
        "item",
        "value",
        "received_on",
        "declared_on",
        "declared_late",
        "recipient_id",
        "recipient__name",
        "case_id",
        "case__reference",
        "case__agency_id",
        "citation",
    )[: query.limit]
    for r in rows:
        yield Breach(
            source=GIFT_NOT_DECLARED,
            key=f"gift:{r['pk']}",
            when=r["due"],
            what=_("%(item)s (RMB %(value)s) received on %(received)s, to be declared by %(due)s.")
            % {
                "item": r["item"],
                "value": r["value"],
                "received": r["received_on"],
                "due": r["due"],
            },
            agency_id=r["case__agency_id"],
            person_id=r["recipient_id"],
            person_name=r["recipient__name"],
            case_id=r["case_id"],
            case_reference=r["case__reference"],
            rule_code=str(RuleCode.DECLARATION_MONTHS),
            citation=r["citation"] or "",
            cleared_on=r["declared_on"] if r["declared_late"] else None,
        )


def register() -> None:
    register_breach_source(
        BreachSource(
            GIFT_NOT_DECLARED,
            gettext_lazy("Gift not declared in time"),
            AREA,
            gifts_not_declared,
            order=30,
        )
    )
