"""Seed the national default rules on short-term official missions abroad.

Each row cites its source. Local rules (a province's or the city's) and later versions are
added as new rows by the rule administrator; these rows are never edited in place.
"""

import datetime

from django.db import migrations

OPINION_2013 = (
    "外交部、中央外办、中央组织部、财政部《关于进一步规范省部级以下国家工作人员因公临时出国的意见》"
    "（中办发〔2013〕16号）"
)
FUNDS_2013 = "财政部、外交部《因公临时出国经费管理办法》（财行〔2013〕516号）"
START_2013 = datetime.date(2013, 1, 1)

RULES = [
    # (code, rank, value, severity, effective_from, effective_to, citation)
    (
        "delegation_size",
        "",
        6,
        "block",
        START_2013,
        None,
        OPINION_2013 + "：出访团组人数不得超过6人（含翻译）。",
    ),
    (
        "country_count",
        "",
        3,
        "block",
        START_2013,
        None,
        OPINION_2013 + "：每次出访不超过3个国家和地区（含经停国家和地区，不出机场的除外）。",
    ),
    (
        "days_abroad",
        "",
        {"1": 6, "2": 10, "3": 12},
        "block",
        datetime.date(2008, 1, 1),
        datetime.date(2012, 12, 31),
        "2008年因公临时出国管理规定：出访1国不超过6天，2国不超过10天，3国不超过12天"
        "（含离、抵我国国境当日）。",
    ),
    (
        "days_abroad",
        "",
        {"1": 5, "2": 8, "3": 10, "extra_latin_america_africa": 1},
        "block",
        START_2013,
        None,
        OPINION_2013 + "：出访1国不超过5天，2国不超过8天，3国不超过10天（均含离、抵我国国境当日）；"
        "赴拉美、非洲航班衔接不便国家的团组可增加1天。",
    ),
    (
        "official_activity",
        "",
        {"numerator": 2, "denominator": 3},
        "warning",
        START_2013,
        None,
        OPINION_2013 + "：实质性公务活动时间应占在外日程的三分之二以上。",
    ),
    (
        "tourist_sites",
        "",
        0,
        "warning",
        START_2013,
        None,
        OPINION_2013 + "：活动日程不得安排参观旅游景点。",
    ),
    (
        "invitation",
        "",
        {"refused": ["overseas_chinese", "foreign_body_in_china", "intermediary"]},
        "block",
        START_2013,
        None,
        OPINION_2013
        + "：出访须有外方对口单位或相应级别人员邀请，不得接受海外华侨华人和外国驻华机构"
        "邀请，严禁通过中介机构联系或出具邀请函。",
    ),
    (
        "agency_leaders",
        "",
        1,
        "warning",
        START_2013,
        None,
        OPINION_2013 + "：同一单位领导班子成员原则上不得同团出访。",
    ),
    (
        "trip_frequency",
        "bureau_level",
        {"trips": 1, "years": 2},
        "warning",
        START_2013,
        None,
        OPINION_2013 + "：厅局级人员出访原则上每两年不超过1次（或每届任期内不超过2次）。",
    ),
    (
        "trip_frequency",
        "city_leader",
        {"trips": 1, "years": 1},
        "warning",
        START_2013,
        None,
        OPINION_2013 + "：地市级党委、政府主要负责人出访每年不超过1次。",
    ),
    (
        "disclosure",
        "",
        5,
        "block",
        START_2013,
        None,
        OPINION_2013 + "：出访团组人员、国家、任务、日程、路线、邀请单位及经费预算等情况"
        "在本单位内部公示，公示期不少于5个工作日，未经公示不得报批。",
    ),
    (
        "lead_time",
        "",
        {"1": 45},
        "warning",
        START_2013,
        None,
        "各地外事部门通行做法：出访1国的团组应提前45天报批（可按本地规定调整）。",
    ),
    (
        "trip_report",
        "",
        30,
        "warning",
        START_2013,
        None,
        OPINION_2013 + "：出访团组回国后30日内提交出访报告并在本单位内部公布。",
    ),
    (
        "budget_caps",
        "",
        {},
        "block",
        datetime.date(2014, 1, 20),
        None,
        FUNDS_2013 + "：住宿费、伙食费、公杂费按出访国家和城市的开支标准执行，不得超标准开支。",
    ),
]


def seed(apps, schema_editor):  # type: ignore[no-untyped-def]
    Rule = apps.get_model("missions", "Rule")
    for code, rank, value, severity, start, end, citation in RULES:
        Rule.objects.get_or_create(
            code=code,
            jurisdiction="national",
            area_code="",
            rank=rank,
            effective_from=start,
            defaults={
                "value": value,
                "severity": severity,
                "effective_to": end,
                "citation": citation,
                "active": True,
            },
        )
    # The 2013 days table replaced the 2008 one: keep the chain of versions visible.
    old = Rule.objects.filter(code="days_abroad", effective_to__isnull=False).first()
    Rule.objects.filter(code="days_abroad", effective_to__isnull=True).update(supersedes=old)


def unseed(apps, schema_editor):  # type: ignore[no-untyped-def]
    Rule = apps.get_model("missions", "Rule")
    for code, rank, _value, _severity, start, _end, _citation in RULES:
        Rule.objects.filter(
            code=code, jurisdiction="national", rank=rank, effective_from=start
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("missions", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
