"""Custody rules (national and Guangdong defaults), visa requirements and the note template."""

import datetime

from django.db import migrations

START = datetime.date(2020, 1, 1)

RULES = [
    (
        "return_days",
        "national",
        "",
        {"days": 7, "roll_to_workday": True},
        "block",
        "因公护照集中保管规定：出访人员回国后7日内将因公护照交回集中保管"
        "（到期日为出发日期加批准天数再加7日；遇节假日顺延至下一个工作日）。",
    ),
    (
        "reminder_interval",
        "province",
        "440000",
        {"workdays": 3},
        "block",
        "广东省因公出国（境）管理平台：证照逾期未交回的，到期日起每3日催交一次。",
    ),
    (
        "reminders_before_lock",
        "province",
        "440000",
        {"count": 3},
        "block",
        "广东省因公出国（境）管理平台：证照或出访报告逾期未交，经3次催交仍未交回的，"
        "暂停该单位新的出访及办证业务，直至全部交回。",
    ),
    (
        "expiry_margin",
        "national",
        "",
        {"months": 6},
        "warning",
        "因公护照管理规定：护照有效期在出访结束时不足6个月的应予提示，并申请换发；"
        "申请新照时交回旧照注销。",
    ),
    (
        "hk_macao_stay",
        "national",
        "",
        {"days": 30},
        "block",
        "因公往来港澳通行证签注规定：探访类签注每次在港澳停留不超过30天。",
    ),
    (
        "issuance_days",
        "national",
        "",
        {"workdays": 5},
        "block",
        "因公护照办理时限：材料齐全之日起5个工作日内办结（凭任务批件原件办理）。",
    ),
]

GENERAL = [
    {"zh": "护照原件（有效期6个月以上）", "en": "Original passport (valid for at least 6 months)"},
    {"zh": "签证申请表（本人签名）", "en": "Visa application form, signed by the applicant"},
    {"zh": "近期免冠彩色照片2张", "en": "Two recent colour photographs"},
    {"zh": "邀请函原件及中文译文", "en": "Invitation letter with Chinese translation"},
    {"zh": "出国任务批件复印件", "en": "Copy of the mission approval document"},
]
SCHENGEN = [
    {"zh": "详细行程单", "en": "Detailed itinerary"},
    {
        "zh": "境外医疗保险（保额不低于3万欧元）",
        "en": "Travel medical insurance (at least EUR 30,000)",
    },
]

VISAS = [
    ("", True, [], "", "", 10),
    (
        "DE",
        True,
        SCHENGEN,
        "德意志联邦共和国驻广州总领事馆",
        "Consulate General of the Federal Republic of Germany in Guangzhou",
        10,
    ),
    (
        "FR",
        True,
        SCHENGEN,
        "法兰西共和国驻广州总领事馆",
        "Consulate General of France in Guangzhou",
        10,
    ),
    (
        "GB",
        True,
        [
            {
                "zh": "网上申请确认页及生物信息采集预约",
                "en": "Online application and biometrics appointment",
            }
        ],
        "大不列颠及北爱尔兰联合王国驻广州总领事馆",
        "British Consulate-General Guangzhou",
        15,
    ),
    (
        "US",
        True,
        [{"zh": "DS-160表格确认页", "en": "DS-160 confirmation page"}],
        "美利坚合众国驻广州总领事馆",
        "Consulate General of the United States of America in Guangzhou",
        15,
    ),
    ("JP", True, [], "日本国驻广州总领事馆", "Consulate-General of Japan in Guangzhou", 7),
    (
        "KR",
        True,
        [],
        "大韩民国驻广州总领事馆",
        "Consulate General of the Republic of Korea in Guangzhou",
        7,
    ),
    ("AU", True, [], "澳大利亚驻广州总领事馆", "Australian Consulate-General Guangzhou", 15),
    (
        "SG",
        False,
        [],
        "新加坡共和国驻广州总领事馆",
        "Consulate-General of the Republic of Singapore in Guangzhou",
        0,
    ),
    ("TH", False, [], "泰王国驻广州总领事馆", "Royal Thai Consulate-General, Guangzhou", 0),
]
VISA_SOURCE = "外交部领事司：中国与外国互免签证协定一览表（持外交、公务、公务普通护照）；各国驻华使领馆签证须知。"

NOTE_ZH = """{{ embassy_zh }}：

{{ bureau_zh }}向{{ embassy_zh }}致意，并谨通知如下：

应{{ inviter }}邀请，{{ agency_zh }}{{ leader_zh }}等{{ member_count }}人拟于{{ departure }}至{{ return }}赴{{ country_zh }}执行公务，任务为：{{ purpose_zh }}。团组人员名单及护照号码见下表。

请贵馆为上述人员办理{{ country_zh }}签证为盼。

{{ bureau_zh }}借此机会向贵馆致以崇高的敬意。"""

NOTE_EN = """The {{ bureau_en }} presents its compliments to the {{ embassy_en }} and has the honour to inform the latter that, at the invitation of {{ inviter }}, a delegation of {{ member_count }} from {{ agency_en }}, led by {{ leader_en }}, will visit {{ country_en }} from {{ departure }} to {{ return }} on official business: {{ purpose_en }}. The names and passport numbers of the members are listed below.

The {{ bureau_en }} would be most grateful if the {{ embassy_en }} could issue visas to the members of the delegation.

The {{ bureau_en }} avails itself of this opportunity to renew to the {{ embassy_en }} the assurances of its highest consideration."""


def seed(apps, schema_editor):
    CustodyRule = apps.get_model("passports", "CustodyRule")
    VisaRequirement = apps.get_model("passports", "VisaRequirement")
    VisaNoteTemplate = apps.get_model("passports", "VisaNoteTemplate")
    for code, jurisdiction, area, value, severity, citation in RULES:
        CustodyRule.objects.get_or_create(
            code=code,
            jurisdiction=jurisdiction,
            area_code=area,
            effective_from=START,
            defaults={"value": value, "severity": severity, "citation": citation},
        )
    for country, required, extra, embassy_zh, embassy_en, days in VISAS:
        VisaRequirement.objects.get_or_create(
            country=country,
            defaults={
                "visa_required": required,
                "checklist": (GENERAL + extra) if required else [],
                "embassy_zh": embassy_zh,
                "embassy_en": embassy_en,
                "processing_days": days,
                "citation": VISA_SOURCE,
            },
        )
    if not VisaNoteTemplate.objects.exists():
        VisaNoteTemplate.objects.create(
            name="签证照会（中英文）", body_zh=NOTE_ZH, body_en=NOTE_EN, is_default=True
        )


class Migration(migrations.Migration):
    dependencies = [("passports", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
