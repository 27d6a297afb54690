"""The overseas Chinese rules as first seeded, with their sources (DOMAIN.md).

Each row: code, value, effective from, citation, jurisdiction, area code. Used by the seed
migration and by the tests' fixtures.
"""

import datetime

LAW = "中华人民共和国归侨侨眷权益保护法 第二条"
INTERPRETATION = "国务院侨办关于界定华侨外籍华人归侨侨眷身份的规定（国侨发〔2009〕5号）"
GDQ = "广东省华侨权益保护条例（2015年10月1日施行，2021年9月29日修正）"
GD193 = "粤侨办〔2008〕193号"

SEEDED: list[tuple[str, object, datetime.date, str, str, str]] = [
    (
        "short_residence",
        {"years": 2, "months_present": 18},
        datetime.date(2009, 4, 24),
        f"{LAW}；{INTERPRETATION} 第一条",
        "national",
        "",
    ),
    (
        "long_residence",
        {"years": 5, "months_present": 30},
        datetime.date(2009, 4, 24),
        f"{LAW}；{INTERPRETATION} 第一条",
        "national",
        "",
    ),
    (
        "settlement_presence",
        {"lookback_years": 2, "consecutive_months": 3, "days": 90, "window_months": 6},
        datetime.date(2015, 10, 1),
        f"{GDQ} 第八条",
        "province",
        "440000",
    ),
    (
        "certificate_validity",
        {"years": 1},
        datetime.date(2017, 1, 1),
        "福建省归侨侨眷身份证明书办理规定（2017）（广东省规定待向局方确认）",
        "province",
        "440000",
    ),
    (
        "certificate_processing",
        {"workdays": 7},
        datetime.date(2017, 1, 1),
        "甘肃省归侨侨眷身份确认办事指南（广东省时限待向局方确认）",
        "province",
        "440000",
    ),
    (
        "settlement_processing",
        {"workdays": 20},
        datetime.date(2015, 10, 1),
        f"{GDQ} 第八条（办理时限待向局方确认）",
        "province",
        "440000",
    ),
    (
        "material_days",
        {"days": 30},
        datetime.date(2017, 1, 1),
        "一次性告知补正材料期限（待向局方确认）",
        "city",
        "441200",
    ),
    (
        "city_decides_for",
        {"units": ["gaoxin", "xinqu"]},
        datetime.date(2008, 1, 1),
        f"归侨侨眷权益保护法实施办法 第二条；{GD193}",
        "city",
        "441200",
    ),
]

UNITS = {
    "short_residence": "months",
    "long_residence": "months",
    "settlement_presence": "days",
    "certificate_processing": "working_days",
    "settlement_processing": "working_days",
    "material_days": "days",
}


def seed(rule_model: type) -> None:
    """Write the seeded rules that are missing (idempotent)."""
    for code, value, start, citation, jurisdiction, area_code in SEEDED:
        rule_model.objects.get_or_create(  # type: ignore[attr-defined]
            area="overseas",
            code=code,
            jurisdiction=jurisdiction,
            area_code=area_code,
            rank="",
            effective_from=start,
            defaults={
                "value": value,
                "unit": UNITS.get(code, ""),
                "severity": "block",
                "citation": citation,
                "active": True,
            },
        )
