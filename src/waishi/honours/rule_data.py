"""The award's rules as first seeded. Zhaoqing's own rules are to be confirmed with the bureau;
the defaults follow the models named in each citation. Used by the seed migration and tests.
"""

import datetime

NINGBO = "宁波市荣誉市民称号授予办法（2017）"
ZIBO = "淄博市荣誉市民称号授予办法（2020）"
GUANGZHOU = "广州市荣誉市民称号授予办法（穗府规〔2024〕5号）"
START = datetime.date(2017, 1, 1)

# code, value, unit, severity, effective from, citation
SEEDED: list[tuple[str, object, str, str, datetime.date, str]] = [
    ("round_interval_years", 2, "", "block", START, f"{NINGBO}；温州市（2020）"),
    ("check_days", 30, "days", "block", START, f"{ZIBO}：有关部门30日内完成核查"),
    ("notice_days", 7, "days", "block", START, f"{GUANGZHOU}；公示期为本局做法，待确认"),
    ("motion_lead_days", 30, "days", "block", START, f"{NINGBO}：会议举行30日前提请"),
    ("money_thresholds", {}, "", "block", START, "无金额门槛（仅中山市设定：中府〔2010〕44号）"),
    (
        "certificate_signer",
        {"title": "肇庆市人民政府市长", "title_en": "Mayor of Zhaoqing"},
        "",
        "block",
        START,
        "证书由市人民政府颁发（待与本局确认）",
    ),
]


def seed(rule_model: type) -> None:
    """Write the seeded rules that are missing (idempotent)."""
    for code, value, unit, severity, start, citation in SEEDED:
        rule_model.objects.get_or_create(  # type: ignore[attr-defined]
            area="honours",
            code=code,
            jurisdiction="national",
            area_code="",
            rank="",
            effective_from=start,
            defaults={
                "value": value,
                "unit": unit,
                "severity": severity,
                "citation": citation,
                "active": True,
            },
        )
