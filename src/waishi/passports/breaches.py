"""The passports' breaches for the discipline inspector (the kernel's ``cases.breaches``).

Computed from custody's own rows, one query each: documents not back by their due day
(cleared on the day they came back) and agencies locked for overdue documents (cleared when
the lock is lifted).
"""

from collections.abc import Iterator

from django.db.models import F, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.cases.breaches import (
    Breach,
    BreachQuery,
    BreachSource,
    local_day,
    register_breach_source,
)
from waishi.cases.models import Suspension

from .constants import CUSTODY_SOURCE, RuleCode
from .models import HandOut

AREA = "passports"
OVERDUE_RETURN = "passports.overdue_return"
AGENCY_LOCK = "passports.agency_lock"


def overdue_returns(query: BreachQuery) -> Iterator[Breach]:
    """Documents out past their due day; one returned late is the cleared breach."""
    rows = query.narrow(
        HandOut.objects.filter(due_date__lt=query.today).filter(
            Q(closed_on__isnull=True) | Q(closed_on__gt=F("due_date"))
        ),
        when="due_date",
        agency="agency_id",
        person="document__holder_id",
        cleared=Q(closed_on__isnull=False),
    ).values(
        "pk",
        "due_date",
        "closed_on",
        "receipt_number",
        "reminders_sent",
        "agency_id",
        "document__holder_id",
        "document__holder__name",
        "document__kind",
        "mission__case_id",
        "mission__case__reference",
        "due_rule__citation",
    )[: query.limit]
    for r in rows:
        yield Breach(
            source=OVERDUE_RETURN,
            key=f"handout:{r['pk']}",
            when=r["due_date"],
            what=_(
                "Travel document (receipt %(receipt)s) due back on %(due)s; "
                "%(reminders)d reminder(s) sent."
            )
            % {
                "receipt": r["receipt_number"],
                "due": r["due_date"],
                "reminders": r["reminders_sent"],
            },
            agency_id=r["agency_id"],
            person_id=r["document__holder_id"],
            person_name=r["document__holder__name"],
            case_id=r["mission__case_id"],
            case_reference=r["mission__case__reference"] or "",
            rule_code=str(RuleCode.RETURN_DAYS),
            citation=r["due_rule__citation"] or "",
            cleared_on=r["closed_on"],
        )


def agency_locks(query: BreachQuery) -> Iterator[Breach]:
    """Agencies suspended for documents overdue in custody; lifted is cleared."""
    rows = query.narrow(
        Suspension.objects.filter(source=CUSTODY_SOURCE).annotate(day=F("imposed_at__date")),
        when="day",
        agency="agency_id",
        cleared=Q(lifted_at__isnull=False),
    ).values("pk", "day", "agency_id", "reasons", "rule_citation", "rule_code", "lifted_at")[
        : query.limit
    ]
    for r in rows:
        yield Breach(
            source=AGENCY_LOCK,
            key=f"suspension:{r['pk']}",
            when=r["day"],
            what=_("Agency locked: %(reasons)s") % {"reasons": r["reasons"]},
            agency_id=r["agency_id"],
            rule_code=r["rule_code"],
            citation=r["rule_citation"],
            cleared_on=local_day(r["lifted_at"]),
        )


def register() -> None:
    register_breach_source(
        BreachSource(
            OVERDUE_RETURN,
            gettext_lazy("Travel document not returned in time"),
            AREA,
            overdue_returns,
            order=20,
        )
    )
    register_breach_source(
        BreachSource(
            AGENCY_LOCK,
            gettext_lazy("Agency locked for overdue documents"),
            AREA,
            agency_locks,
            order=21,
        )
    )
