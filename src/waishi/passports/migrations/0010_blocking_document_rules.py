"""Rules that make document findings block a mission's approval, and what a suspension covers.

- ``expiry_margin`` for Guangdong (440000) as a **block**: a passport or pass expiring less
  than six months after the return stops the approval (the national version stays a warning);
- ``official_endorsements``: only a visit endorsement (赴港/澳访问签注) serves an official visit
  to Hong Kong or Macao;
- ``suspension_covers`` for Guangdong: a custody suspension covers new filings, approvals of
  the agency's pending missions, hand-outs, issuance and visa applications.
"""

import datetime

from django.db import migrations

START = datetime.date(2020, 1, 1)
ALL_BUSINESS = ["filing", "approval", "hand_out", "issuance", "visa"]

RULES = [
    (
        "expiry_margin",
        "province",
        "440000",
        {"months": 6},
        "block",
        "months",
        "广东省因公出国（境）审批要求：出访人员所持因公护照（通行证）在出访结束时有效期不足"
        "6个月的，须先换发证照，方可审批出访任务。",
    ),
    (
        "official_endorsements",
        "national",
        "",
        {"kinds": ["visit"]},
        "block",
        "",
        "因公往来港澳通行证签注规定：因公赴港澳执行公务须持赴港/澳访问签注；工作、居留、"
        "学习等签注不得用于因公出访。",
    ),
    (
        "suspension_covers",
        "province",
        "440000",
        {"businesses": ALL_BUSINESS},
        "block",
        "",
        "广东省因公出国（境）管理平台：证照或出访报告逾期未交，经3次催交仍未交回的，"
        "暂停该单位新的出访审批及护照、签证办理业务，直至全部交回。",
    ),
]


def seed(apps, schema_editor):  # type: ignore[no-untyped-def]
    Rule = apps.get_model("cases", "Rule")
    for code, jurisdiction, area, value, severity, unit, citation in RULES:
        Rule.objects.get_or_create(
            area="passports",
            code=code,
            jurisdiction=jurisdiction,
            area_code=area,
            rank="",
            effective_from=START,
            defaults={"value": value, "severity": severity, "unit": unit, "citation": citation},
        )


def unseed(apps, schema_editor):  # type: ignore[no-untyped-def]
    Rule = apps.get_model("cases", "Rule")
    for code, jurisdiction, area, _value, _severity, _unit, _citation in RULES:
        Rule.objects.filter(
            area="passports",
            code=code,
            jurisdiction=jurisdiction,
            area_code=area,
            effective_from=START,
            supersedes__isnull=True,
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("passports", "0009_reminder_interval_in_working_days"),
        ("cases", "0009_suspension_businesses"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
