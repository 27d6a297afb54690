"""The rules of receptions and gifts as first seeded: national caps (central/Beijing 2013).

Guangdong's own caps are to be confirmed; where it sets them, the division head enters a
province version on the rules screen. Each row: code, rank class ("" for every rank), value,
severity, effective from, citation. Used by the seed migration and by the tests' fixtures.
"""

import datetime

REC = "外宾接待经费管理办法（财政部、外交部 2013）"
BJ = "北京市外宾接待经费管理办法（2013）"
GIFT = "国务院关于在对外公务活动中赠送和接受礼品的规定（国务院令第133号）"
START = datetime.date(2013, 1, 1)
GIFT_START = datetime.date(1993, 12, 5)

SEEDED: list[tuple[str, str, object, str, datetime.date, str]] = [
    ("hosted_days", "", 5, "warning", START, f"{REC} 第六条"),
    ("banquets_per_visit", "", 2, "warning", START, f"{REC}；{BJ}"),
    (
        "banquet_cost",
        "",
        {"minister": 400, "ting_or_below": 300, "buffet": 150, "cocktail": 100, "tea": 60},
        "warning",
        START,
        BJ,
    ),
    ("meals_per_day", "", 300, "warning", START, BJ),
    ("meals_per_day", "minister", 500, "warning", START, BJ),
    ("meals_per_day", "vice_president", 550, "warning", START, BJ),
    ("meals_per_day", "head_of_state", 600, "warning", START, BJ),
    ("lodging_stars", "", 4, "warning", START, BJ),
    ("lodging_stars", "minister", 5, "warning", START, BJ),
    ("lodging_stars", "vice_president", 5, "warning", START, BJ),
    ("lodging_stars", "head_of_state", 5, "warning", START, BJ),
    ("gift_value", "", 200, "warning", START, BJ),
    ("gift_value", "minister", 400, "warning", START, BJ),
    ("gift_value", "vice_president", 400, "warning", START, BJ),
    ("gift_value", "head_of_state", 400, "warning", START, BJ),
    ("gifts_per_visit", "", 1, "warning", START, BJ),
    ("leader_approval_days", "", 3, "warning", START, "秦皇岛市外宾接待管理规定（2003）"),
    (
        "diplomat_lead_time",
        "",
        {"unit_workdays": 30, "city_workdays": 25},
        "warning",
        datetime.date(2002, 1, 1),
        "外发〔2002〕40号；深府外〔2015〕133号",
    ),
    ("declaration_threshold", "", 200, "warning", GIFT_START, f"{GIFT} 第七条"),
    ("declaration_months", "", 1, "warning", GIFT_START, f"{GIFT} 第七条"),
]

UNITS = {
    "hosted_days": "days",
    "banquets_per_visit": "times",
    "banquet_cost": "currency",
    "meals_per_day": "currency",
    "gift_value": "currency",
    "leader_approval_days": "days",
    "diplomat_lead_time": "working_days",
    "declaration_threshold": "currency",
    "declaration_months": "months",
}


def seed(rule_model: type) -> None:
    """Write the seeded national rules that are missing (idempotent)."""
    for code, rank, value, severity, start, citation in SEEDED:
        rule_model.objects.get_or_create(  # type: ignore[attr-defined]
            area="visits",
            code=code,
            jurisdiction="national",
            area_code="",
            rank=rank,
            effective_from=start,
            defaults={
                "value": value,
                "unit": UNITS.get(code, ""),
                "severity": severity,
                "citation": citation,
                "active": True,
            },
        )
