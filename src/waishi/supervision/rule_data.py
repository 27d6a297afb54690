"""The seeded rule of discipline supervision (written by migration 0002)."""

import datetime

# No national text fixes the days to rectify after a foreign-affairs discipline inspection;
# thirty days is the bureau's default until it confirms its own rule.
SEEDED = [
    (
        "rectification_days",
        30,
        datetime.date(2020, 1, 1),
        "局外事纪律监督默认整改期限（待局方确认）",
    )
]


def seed(rule_model: type) -> None:
    """Write the seeded rules that are missing (idempotent)."""
    for code, value, start, citation in SEEDED:
        rule_model.objects.get_or_create(  # type: ignore[attr-defined]
            area="supervision",
            code=code,
            jurisdiction="city",
            area_code="",
            rank="",
            effective_from=start,
            defaults={
                "value": value,
                "unit": "days",
                "severity": "warning",
                "citation": citation,
                "active": True,
            },
        )
