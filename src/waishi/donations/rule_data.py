"""The rules of donations as first seeded, with their sources.

Each row: code, value, effective from, citation, unit. Guangzhou's 30 days to file and 90 days
to confirm, and Zhaoqing's 3 months, are the defaults (DOMAIN "Donations"); the certificate
threshold of RMB 100,000 follows the city's 2008 opinion on the supervision of donated
projects. Used by the seed migration and by the tests.
"""

import datetime

PREF = "肇庆市外事侨务局关于加强华侨港澳同胞捐赠项目监督管理的意见（肇府办 2008-06-10 转发）"
GZD = "广州市华侨捐赠公益事业项目管理规定（2010）"
DL = "中华人民共和国公益事业捐赠法（1999）第二十条"
START = datetime.date(2008, 6, 10)

SEEDED: list[tuple[str, object, datetime.date, str, str]] = [
    ("certificate_threshold", 100000, START, PREF, ""),
    ("filing_days", 30, START, f"{GZD}；{PREF}", "days"),
    ("confirmation_months", 3, START, PREF, "months"),
    ("use_report_months", 12, datetime.date(1999, 9, 1), DL, "months"),
]


def seed(rule_model: type) -> None:
    """Write the seeded national defaults that are missing (idempotent)."""
    for code, value, start, citation, unit in SEEDED:
        rule_model.objects.get_or_create(  # type: ignore[attr-defined]
            area="donations",
            code=code,
            jurisdiction="national",
            area_code="",
            rank="",
            effective_from=start,
            defaults={
                "value": value,
                "unit": unit,
                "severity": "block",
                "citation": citation,
                "active": True,
            },
        )
