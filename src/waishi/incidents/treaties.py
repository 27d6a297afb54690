"""The consular treaty table: which row binds a nationality on a day, and the clock it sets.

The rows are data (``ConsularTreaty``), seeded by migration ``0002_seed_treaties`` from
``TREATIES`` below with their sources (docs/incidents.md). A nationality without a row of
its own falls under the default row (no country): "without delay" under the Vienna
Convention, escalated inside the bureau after three days.
"""

import datetime
from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from .models import ConsularTreaty

VCCR = "VCCR art. 36(1)(b)"

# (country, notify within, unit, regardless of request, visit within, death-sentence notice,
#  escalate after, in force from, source, confidence)
TREATIES: list[tuple[Any, ...]] = [
    (
        "",
        None,
        "days",
        False,
        None,
        "",
        3,
        "1979-08-01",
        f"{VCCR}; escalation after 3 days: bureau practice, to confirm",
        "L",
    ),
    (
        "US",
        4,
        "days",
        False,
        None,
        "",
        None,
        "1982-02-19",
        "China–US Consular Convention 1980, art. 35",
        "H",
    ),
    (
        "JP",
        4,
        "days",
        True,
        None,
        "",
        None,
        "2010-02-16",
        "China–Japan Consular Agreement 2008",
        "H",
    ),
    (
        "KR",
        4,
        "days",
        True,
        4,
        "immediately",
        None,
        "2015-04-12",
        "China–ROK Consular Agreement 2014",
        "H",
    ),
    (
        "PH",
        4,
        "days",
        True,
        None,
        "",
        None,
        "2013-07-13",
        "China–Philippines Consular Agreement, art. 13(1)",
        "H",
    ),
    (
        "AU",
        3,
        "days",
        False,
        None,
        "",
        None,
        "2000-09-15",
        "China–Australia consular agreement (72 hours unless the national asks otherwise)",
        "M",
    ),
]


def treaty_rows() -> list[dict[str, Any]]:
    """``TREATIES`` as field values of ``ConsularTreaty`` (for the seed and the tests)."""
    keys = (
        "country",
        "notify_within",
        "unit",
        "regardless_of_request",
        "visit_within",
        "death_sentence_notice",
        "escalate_after",
        "effective_from",
        "source",
        "confidence",
    )
    rows = []
    for values in TREATIES:
        row = dict(zip(keys, values, strict=True))
        row["effective_from"] = datetime.date.fromisoformat(row["effective_from"])
        rows.append(row)
    return rows


def in_force(day: datetime.date) -> Q:
    return Q(effective_from__lte=day) & (Q(effective_to__isnull=True) | Q(effective_to__gte=day))


def treaty_for(countries: Iterable[str], day: datetime.date) -> ConsularTreaty | None:
    """The binding row for a person of ``countries`` detained on ``day`` (one query).

    Of the nationalities' own rows and the default, the one with the shortest clock binds;
    a treaty that notifies regardless of request wins a tie. ``None`` only when the table
    holds no row at all.
    """
    codes = [c for c in countries if c and c != "CN"]
    rows = list(ConsularTreaty.objects.filter(in_force(day), country__in=[*codes, ""]))
    own = [row for row in rows if row.country]
    candidates = own or [row for row in rows if not row.country]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda r: (
            r.clock_length()[0] * (1 if r.unit == "hours" else 24),
            not r.regardless_of_request,
            -r.effective_from.toordinal(),
        ),
    )
