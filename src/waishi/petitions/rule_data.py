"""The clocks of the 信访工作条例 as first seeded (national rules, in force 2022-05-01).

Each row: code, value, unit, citation. Used by the seed migration and the tests' fixtures. A
place with other numbers adds a version on the rules screen.
"""

import datetime

from .constants import XF

START = datetime.date(2022, 5, 1)

SEEDED: list[tuple[str, int, str, str]] = [
    ("notice_days", 15, "days", f"{XF} 第二十二条、第二十三条"),
    ("objection_workdays", 5, "working_days", f"{XF} 第二十三条"),
    ("conclude_days", 60, "days", f"{XF} 第三十四条"),
    ("extension_days", 30, "days", f"{XF} 第三十四条"),
    ("transfer_days", 60, "days", f"{XF} 第三十四条"),
    ("review_request_days", 30, "days", f"{XF} 第三十五条"),
    ("review_days", 30, "days", f"{XF} 第三十五条"),
    ("rereview_request_days", 30, "days", f"{XF} 第三十六条"),
    ("rereview_days", 30, "days", f"{XF} 第三十六条"),
    ("group_representatives", 5, "people", f"{XF} 第十九条至第二十一条"),
]


def seed(rule_model: type) -> None:
    """Write the seeded versions (``rule_model`` is ``cases.Rule`` or its historical model)."""
    for code, value, unit, citation in SEEDED:
        rule_model.objects.get_or_create(  # type: ignore[attr-defined]
            area="petitions",
            code=code,
            jurisdiction="national",
            area_code="",
            rank="",
            effective_from=START,
            defaults={
                "value": value,
                "unit": unit,
                "severity": "block",
                "citation": citation,
                "active": True,
            },
        )
