"""A demo trip's route, half-day itinerary and budget, from its kind and length."""

import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from waishi.registers.countries import country as country_info
from waishi.registers.countries import region_of

from .demo_caps import CAPS
from .demo_data import ACTIVITIES, FARES, RATES, Trip


def country_name(code: str) -> str:
    place = country_info(code)
    return place.name_zh_hans.removeprefix("中国") if place else code


def route(
    trip: Trip, start: datetime.date, days: int, complete: bool
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The stops with their dates, and the half-day itinerary (official work, two travel halves)."""
    shares = [days // len(trip.stops)] * len(trip.stops)
    for i in range(days - sum(shares)):
        shares[i] += 1
    stops, itinerary, day = [], [], start
    for (country, city), share in zip(trip.stops, shares, strict=True):
        leave = day + datetime.timedelta(days=max(share, 1) - 1)
        stops.append(
            {
                "country": country,
                "city": city,
                "arrive_on": day,
                "leave_on": leave,
                "tasks": trip.tasks,
            }
        )
        for offset in range(share):
            date = day + datetime.timedelta(days=offset)
            for half in ("morning", "afternoon"):
                first = date == start and half == "morning"
                last = date == start + datetime.timedelta(days=days - 1) and half == "afternoon"
                travel = days > 2 and (first or last)
                activity = "乘机往返" if travel else _activity(date, half, trip)
                itinerary.append(
                    {
                        "date": date,
                        "half": half,
                        "city": city,
                        "activity": activity,
                        "kind": "travel" if travel else "official",
                    }
                )
        day = leave + datetime.timedelta(days=1)
    return stops, itinerary if complete else []


def _activity(date: datetime.date, half: str, trip: Trip) -> str:
    """A plausible activity for the half-day, the same for the same trip and day."""
    index = (date.toordinal() * 2 + (half == "afternoon") + len(trip.purpose)) % len(ACTIVITIES)
    return ACTIVITIES[index]


def _money(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def budget(trip: Trip, days: int, persons: int) -> list[dict[str, Any]]:
    """Fares in RMB, and lodging, meals and incidentals at nine tenths of the day caps."""
    regions = {region_of(c) if c not in ("HK", "MO") else "near" for c, _city in trip.stops}
    fare = max(FARES.get(r or "asia", 4200) for r in regions) * persons
    lines: list[dict[str, Any]] = [
        {
            "category": "international_fares",
            "country": trip.stops[0][0],
            "currency": "CNY",
            "amount": fare,
            "amount_rmb": fare,
            "persons": persons,
            "days": 1,
        }
    ]
    shares = [days // len(trip.stops)] * len(trip.stops)
    for i in range(days - sum(shares)):
        shares[i] += 1
    for (country, city), share in zip(trip.stops, shares, strict=True):
        caps = CAPS.get(country)
        if caps is None or share < 1:
            continue
        currency = caps["currency"]
        rate = Decimal(RATES[currency])
        city_caps = (caps.get("cities") or {}).get(city, {})
        for category, count in (
            ("lodging", max(share - 1, 1)),
            ("meals", share),
            ("incidentals", share),
        ):
            cap = Decimal(str(city_caps.get(category, caps[category])))
            amount = _money(cap * Decimal("0.9") * persons * count)
            lines.append(
                {
                    "category": category,
                    "country": country,
                    "city": city,
                    "currency": currency,
                    "amount": amount,
                    "amount_rmb": _money(amount * rate),
                    "persons": persons,
                    "days": count,
                }
            )
    return lines
