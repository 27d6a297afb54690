"""The legal tests of overseas Chinese affairs, as pure functions of facts and rule values.

Each returns the reasons a test fails (translated, with the rule's source), or ``[]``. The
numbers come from the rules engine (``rule_codes``); callers pass the values in force on the
day, so the functions read nothing and are tested at their boundaries.
"""

import calendar
import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from .constants import (
    LEGAL_RELATIONS,
    MARRIAGE_RELATIONS,
    PRINCIPAL_CATEGORIES,
    Category,
    EndReason,
    Relation,
    ResidenceBasis,
)

DEFAULTS: dict[str, dict[str, Any]] = {
    "short_residence": {"years": 2, "months_present": 18},
    "long_residence": {"years": 5, "months_present": 30},
    "settlement_presence": {
        "lookback_years": 2,
        "consecutive_months": 3,
        "days": 90,
        "window_months": 6,
    },
    "certificate_validity": {"years": 1},
    "certificate_processing": {"workdays": 7},
    "settlement_processing": {"workdays": 20},
    "material_days": {"days": 30},
    "city_decides_for": {"units": ["gaoxin", "xinqu"]},
}


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved by ``months``; the 31st becomes the month's last day where it has none."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def add_years(day: datetime.date, years: int) -> datetime.date:
    return add_months(day, 12 * years)


# 华侨: settled abroad ------------------------------------------------------------------------


def residence_reasons(
    *,
    basis: str,
    residence_from: datetime.date | None,
    months_present: Decimal | int | None,
    as_of: datetime.date,
    rule: Mapping[str, Any],
    citation: str = "",
) -> list[str]:
    """Why a person is not (yet) settled abroad as a 华侨.

    ``basis`` PERMANENT: a residence right abroad, ``years`` (2) of continuous residence and
    at least ``months_present`` (18) months present in the country in them; LEGAL_RESIDENCE:
    ``years`` (5) of continuous legal residence with ``months_present`` (30). The years run
    from ``residence_from`` to ``as_of``, both days included.
    """
    source = f" ({citation})" if citation else ""
    if basis not in ResidenceBasis.values:
        return [_("Choose how the person is settled abroad.")]
    if residence_from is None or months_present is None:
        return [_("Give the start of residence abroad and the months present there.")]
    years, needed = int(rule["years"]), Decimal(rule["months_present"])
    reasons = []
    # Two full years from 1 March 2024 are reached on 28 February 2026 (day 730 included).
    if add_years(residence_from, years) - datetime.timedelta(days=1) > as_of:
        reasons.append(
            _("Residence abroad of %(years)s years is not yet reached%(source)s.")
            % {"years": years, "source": source}
        )
    if Decimal(months_present) < needed:
        reasons.append(
            _("%(present)s months present abroad; at least %(needed)s are needed%(source)s.")
            % {"present": months_present, "needed": needed, "source": source}
        )
    return reasons


# 侨眷: relatives -----------------------------------------------------------------------------


def relative_reasons(
    *,
    relation: str,
    principal_category: str | None,
    support_proof: str,
) -> list[str]:
    """Why a person is not a 侨眷 of the named principal (LAW art. 2; IMP art. 2).

    The principal must be a 华侨 or 归侨 in the register (their standing survives their death);
    the relation must be on the legal list; long-term support needs a notarised proof of
    support (扶养公证), named by its notary certificate number.
    """
    reasons = []
    if principal_category not in PRINCIPAL_CATEGORIES:
        reasons.append(
            _("The relative must be named to an overseas Chinese or a returned overseas Chinese.")
        )
    if relation not in LEGAL_RELATIONS:
        reasons.append(
            _(
                "This relation is not on the legal list (LAW art. 2): spouse, parents, children "
                "and their spouses, brothers and sisters, grandparents on both sides, "
                "grandchildren on both sides, or long-term support."
            )
        )
    elif relation == Relation.LONG_TERM_SUPPORT and not support_proof.strip():
        reasons.append(
            _(
                "Long-term support is recognised only with a notarised proof of support "
                "(IMP art. 2): give the notary certificate's number."
            )
        )
    return reasons


def end_reasons(*, category: str, relation: str, reason: str) -> list[str]:
    """Why a standing may not be ended for ``reason`` (IMP art. 3).

    A divorce ends the standing of a spouse (or of a child's spouse); the end of support ends
    a long-term dependant's. The death of the 华侨 or 归侨 ends nobody's standing.
    """
    if reason not in EndReason.values:
        return [_("Choose why the standing ends.")]
    if reason == EndReason.DIVORCE and relation not in MARRIAGE_RELATIONS:
        return [_("A divorce ends only the standing of a spouse or of a child's spouse.")]
    if reason == EndReason.SUPPORT_ENDED and relation != Relation.LONG_TERM_SUPPORT:
        return [_("The end of support ends only the standing of a long-term dependant.")]
    if reason == EndReason.RETURNED and category != Category.HUAQIAO:
        return [_("Only an overseas Chinese comes back to settle.")]
    return []


# 华侨回国定居: presence in China before applying ---------------------------------------------


@dataclass(frozen=True)
class Stay:
    """A stay in China, both days included."""

    arrived: datetime.date
    left: datetime.date


@dataclass(frozen=True)
class Presence:
    met: bool
    longest_run_days: int
    best_window_days: int
    window_start: datetime.date
    reasons: tuple[str, ...] = ()


def _clip(stays: Iterable[Stay], start: datetime.date, end: datetime.date) -> list[Stay]:
    clipped = []
    for stay in stays:
        arrived, left = max(stay.arrived, start), min(stay.left, end)
        if arrived <= left:
            clipped.append(Stay(arrived, left))
    return sorted(clipped, key=lambda s: s.arrived)


def _merge(stays: Sequence[Stay]) -> list[Stay]:
    merged: list[Stay] = []
    for stay in stays:
        if merged and stay.arrived <= merged[-1].left + datetime.timedelta(days=1):
            last = merged[-1]
            merged[-1] = Stay(last.arrived, max(last.left, stay.left))
        else:
            merged.append(stay)
    return merged


def presence_test(
    stays: Iterable[Stay], applied_on: datetime.date, rule: Mapping[str, Any], citation: str = ""
) -> Presence:
    """GDQ art. 8: in the ``lookback_years`` (2) before applying, the applicant lived in China
    ``consecutive_months`` (3) months in a row, or ``days`` (90) days within ``window_months``
    (6) consecutive months.

    The look-back runs from the same day ``lookback_years`` earlier to the day before the
    application. Three consecutive months from 1 January are 1 January to 31 March; a window
    of six months from 1 January runs to 30 June. Days are counted with both ends included.
    """
    start = add_years(applied_on, -int(rule["lookback_years"]))
    end = applied_on - datetime.timedelta(days=1)
    runs = _merge(_clip(stays, start, end))
    months, days, window = (
        int(rule["consecutive_months"]),
        int(rule["days"]),
        int(rule["window_months"]),
    )
    longest = max(((r.left - r.arrived).days + 1 for r in runs), default=0)
    consecutive = any(
        add_months(r.arrived, months) - datetime.timedelta(days=1) <= r.left for r in runs
    )
    best, best_start = 0, start
    for run in runs:
        window_end = add_months(run.arrived, window) - datetime.timedelta(days=1)
        total = sum(
            (min(r.left, window_end) - r.arrived).days + 1
            for r in runs
            if r.arrived >= run.arrived and r.arrived <= window_end
        )
        if total > best:
            best, best_start = total, run.arrived
    met = consecutive or best >= days
    reasons: tuple[str, ...] = ()
    if not met:
        source = f" ({citation})" if citation else ""
        reasons = (
            _(
                "In the %(years)s years before applying the applicant lived in China neither "
                "%(months)s consecutive months nor %(days)s days within %(window)s consecutive "
                "months (longest stay %(longest)s days; most in any %(window)s months "
                "%(best)s days)%(source)s."
            )
            % {
                "years": rule["lookback_years"],
                "months": months,
                "days": days,
                "window": window,
                "longest": longest,
                "best": best,
                "source": source,
            },
        )
    return Presence(met, longest, best, best_start, reasons)
