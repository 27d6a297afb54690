"""Demo data of donations: the exchange-rate table, fictional donors, the city's archive of
donated projects over twenty years across the eight counties and districts and the two zones,
and this year's donations filed by the Education Bureau in every state.

Every donor is invented ("示例" marks the organisations). The archive is recorded with
``actions.do_import_project`` (the census of 2008 and the files kept since); this year's
donations go through the ordinary filing and workflow, with the division's officer and head.
"""

import datetime
import random
from decimal import Decimal
from typing import TextIO

from django.utils import timezone

from waishi.accounts import actions as account_actions
from waishi.accounts.constants import AgencyKind, Role
from waishi.accounts.models import Agency, Division, User
from waishi.cases.actions import do_transition
from waishi.core.chinese import to_traditional

from . import actions
from .constants import DIVISION, DonorType, Purpose
from .models import Donor, ExchangeRate, Project

ORDER = 62
YEARS = 20
PDF = b"%PDF-1.4\n% demo donation agreement\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SOURCE = "中国外汇交易中心人民币汇率中间价（演示数据）"

# Currency, RMB per unit twenty years ago and today (a smooth demo path between them).
CURRENCIES = {
    "HKD": (Decimal("1.02"), Decimal("0.91")),
    "MOP": (Decimal("0.99"), Decimal("0.88")),
    "USD": (Decimal("7.90"), Decimal("7.12")),
    "MYR": (Decimal("2.15"), Decimal("1.62")),
    "SGD": (Decimal("5.10"), Decimal("5.45")),
    "CAD": (Decimal("6.80"), Decimal("5.15")),
    "AUD": (Decimal("6.10"), Decimal("4.70")),
    "THB": (Decimal("0.205"), Decimal("0.205")),
}
CURRENCY_OF = {
    "HK": "HKD",
    "MO": "MOP",
    "US": "USD",
    "MY": "MYR",
    "SG": "SGD",
    "CA": "CAD",
    "AU": "AUD",
    "TH": "THB",
}

SURNAMES = "陈李黄梁何林冯谭罗邓苏区伍关麦欧叶莫植"
GIVEN = [
    "国华",
    "志明",
    "秀英",
    "家伟",
    "丽珍",
    "锦标",
    "耀祖",
    "淑仪",
    "启光",
    "惠芳",
    "振邦",
    "美玲",
    "德明",
    "碧霞",
    "少雄",
    "慧贞",
]
# (country, weight): Zhaoqing's overseas Chinese live mostly in Malaysia and Australia; its
# compatriots in Hong Kong and Macao.
COUNTRIES = [("HK", 8), ("MO", 3), ("MY", 5), ("AU", 3), ("SG", 2), ("US", 2), ("CA", 2), ("TH", 1)]
ASSOCIATIONS = [
    ("吉隆坡端州同乡联谊会（示例）", "MY"),
    ("悉尼四会同乡会（示例）", "AU"),
    ("香港高要同乡总会（示例）", "HK"),
    ("澳门广宁同乡互助会（示例）", "MO"),
    ("新加坡怀集宗亲会（示例）", "SG"),
    ("温哥华德庆同乡会（示例）", "CA"),
]
ENTERPRISES = [
    ("港星侨资实业有限公司（示例）", "HK"),
    ("南洋侨联投资有限公司（示例）", "MY"),
    ("濠江侨资发展有限公司（示例）", "MO"),
]
# What donors build, by purpose: (purpose, project names, use).
PROJECTS = [
    (Purpose.EDUCATION, ["教学楼", "图书馆", "科学楼", "学生宿舍", "运动场"], "教学"),
    (Purpose.HEALTH, ["卫生院门诊楼", "敬老院康复室", "村卫生站"], "医疗服务"),
    (Purpose.INFRASTRUCTURE, ["侨心桥", "村道硬底化", "自来水工程", "路灯工程"], "公共设施"),
    (Purpose.CULTURE, ["文化室", "村史馆", "篮球场"], "文体活动"),
    (Purpose.RELIEF, ["扶贫助学基金楼", "长者饭堂"], "扶老助困"),
]
TOWNS = {
    "duanzhou": ["城东街道", "黄岗街道"],
    "dinghu": ["坑口街道", "永安镇"],
    "gaoyao": ["金利镇", "白土镇", "回龙镇"],
    "sihui": ["东城街道", "江谷镇", "大沙镇"],
    "guangning": ["南街街道", "古水镇", "江屯镇"],
    "huaiji": ["怀城街道", "冷坑镇"],
    "fengkai": ["江口街道", "长岗镇"],
    "deqing": ["德城街道", "官圩镇"],
}
# The two zones keep no county office: their donees are city-level (the bureau reviews).
ZONES = [("gaoxin", "肇庆高新区"), ("xinqu", "肇庆新区")]
ZONE_NAMES_EN = {
    "gaoxin": "Zhaoqing Hi-tech Zone Administrative Committee",
    "xinqu": "Zhaoqing New Area Administrative Committee",
}
# Where the projects are: the three key 侨乡 (Gaoyao, Sihui, Guangning) most.
WEIGHTS = {
    "gaoyao": 6,
    "sihui": 6,
    "guangning": 5,
    "duanzhou": 3,
    "dinghu": 2,
    "huaiji": 2,
    "fengkai": 2,
    "deqing": 2,
    "gaoxin": 1,
    "xinqu": 1,
}


def load(*, stdout: TextIO, rng: random.Random) -> None:
    if Project.objects.exists():
        stdout.write("Donations: demo already loaded.\n")
        return
    officer, head = _staff()
    _rates(rng)
    donors = _donors(rng)
    donees = _donees()
    projects = _archive(rng, donors, donees)
    filed = _this_year(rng, officer, head)
    stdout.write(
        f"Donations: {ExchangeRate.objects.count()} exchange rates, {len(donors)} donors, "
        f"{projects} archived projects, {filed} donations filed this year "
        "(sign-ins qiaowu and qiaowu.head).\n"
    )


def _staff() -> tuple[User, User]:
    division = Division.objects.get(code=DIVISION)
    people = []
    for username, role, name in (
        ("qiaowu", Role.DIVISION_OFFICER, "何侨务"),
        ("qiaowu.head", Role.DIVISION_HEAD, "梁科长"),
    ):
        user = User.objects.filter(username=username).first() or account_actions.do_create_user(
            actor=None,
            username=username,
            password="Zhaoqing-Demo-2026",
            full_name=name,
            roles={role},
            must_change_password=False,
            division=division,
        )
        people.append(user)
    return people[0], people[1]


def _rates(rng: random.Random) -> None:
    """A rate on the first of every month for twenty years, and every day of the last 60."""
    today = timezone.localdate()
    first = datetime.date(today.year - YEARS, 1, 1)
    months = (today.year - first.year) * 12 + today.month
    rows = []
    for currency, (start, end) in CURRENCIES.items():
        for n in range(months):
            day = datetime.date(first.year + n // 12, n % 12 + 1, 1)
            rows.append(
                ExchangeRate(
                    currency=currency,
                    on=day,
                    rate=_rate(start, end, n / months, rng),
                    source=SOURCE,
                )
            )
        for back in range(1, 61):
            day = today - datetime.timedelta(days=back)
            if day.day != 1:
                rows.append(
                    ExchangeRate(
                        currency=currency, on=day, rate=_rate(start, end, 1.0, rng), source=SOURCE
                    )
                )
    ExchangeRate.objects.bulk_create(rows, ignore_conflicts=True)


def _rate(start: Decimal, end: Decimal, at: float, rng: random.Random) -> Decimal:
    wobble = Decimal(str(1 + rng.uniform(-0.015, 0.015)))
    value = (start + (end - start) * Decimal(str(at))) * wobble
    return value.quantize(Decimal("0.000001"))


def _donors(rng: random.Random) -> list[Donor]:
    liaison = User.objects.get(username="liaison")
    donors = []
    countries = [c for c, w in COUNTRIES for _ in range(w)]
    for n in range(48):
        country = rng.choice(countries)
        kind = DonorType.HK_MACAO if country in ("HK", "MO") else DonorType.OVERSEAS_CHINESE
        name = rng.choice(SURNAMES) + GIVEN[n % len(GIVEN)]
        consent = rng.random() < 0.7
        donors.append(
            _register(
                liaison,
                actions.DonorIn(
                    donor_type=kind,
                    name=name,
                    country=country,
                    sex=rng.choice(["male", "female"]),
                    date_of_birth=datetime.date(rng.randint(1930, 1975), rng.randint(1, 12), 1),
                    publicity_consent=consent,
                    consent_on=datetime.date(2008, 6, 10) if consent else None,
                    confidential=not consent and rng.random() < 0.5,
                    confidentiality_note="捐赠金额不公开" if not consent else "",
                ),
            )
        )
    for name, country in ASSOCIATIONS:
        donors.append(
            _register(
                liaison,
                actions.DonorIn(
                    donor_type=DonorType.ASSOCIATION,
                    name=name,
                    country=country,
                    publicity_consent=True,
                    consent_on=datetime.date(2010, 1, 1),
                ),
            )
        )
    for name, country in ENTERPRISES:
        donors.append(
            _register(
                liaison,
                actions.DonorIn(
                    donor_type=DonorType.ENTERPRISE,
                    name=name,
                    country=country,
                    publicity_consent=True,
                    consent_on=datetime.date(2012, 1, 1),
                ),
            )
        )
    return donors


def _register(liaison: User, donor: actions.DonorIn) -> Donor:
    return actions.do_register_donor(actor=liaison, agency=liaison.agency, donor=donor)


def _donees() -> dict[str, list[Agency]]:
    """Per county or zone, a few donees: the towns' schools, health centres, villages."""
    donees: dict[str, list[Agency]] = {}
    order = 9000
    for code, towns in TOWNS.items():
        county = Agency.objects.get(code=code)
        donees[code] = []
        for town in towns:
            for suffix, kind in (
                ("中心小学", AgencyKind.PUBLIC_INSTITUTION),
                ("卫生院", AgencyKind.PUBLIC_INSTITUTION),
                ("侨联村民委员会", AgencyKind.PEOPLES_ORGANISATION),
            ):
                order += 1
                donees[code].append(
                    _agency(
                        f"{code}-{order}",
                        kind,
                        f"{county.name_zh_hans[:3]}{town}{suffix}",
                        county,
                        order,
                    )
                )
    for code, name in ZONES:
        parent = Agency.objects.filter(code=code).first()
        if parent is None:
            order += 1
            parent = _agency(code, AgencyKind.COUNTY_GOVERNMENT, f"{name}管理委员会", None, order)
            parent.name_en = ZONE_NAMES_EN[code]
            parent.save(update_fields=["name_en"])
        donees[code] = []
        for suffix in ("实验学校", "社区卫生服务中心"):
            order += 1
            donees[code].append(
                _agency(
                    f"{code}-{order}",
                    AgencyKind.PUBLIC_INSTITUTION,
                    f"{name}{suffix}",
                    parent,
                    order,
                )
            )
    return donees


def _agency(code: str, kind: str, name: str, parent: Agency | None, order: int) -> Agency:
    agency, _created = Agency.objects.get_or_create(
        code=code,
        defaults={
            "kind": kind,
            "parent": parent,
            "sort_order": order,
            "name_zh_hans": name,
            "name_zh_hant": to_traditional(name),
            "name_en": "",
        },
    )
    return agency


def _archive(rng: random.Random, donors: list[Donor], donees: dict[str, list[Agency]]) -> int:
    today = timezone.localdate()
    places = [code for code, weight in WEIGHTS.items() for _ in range(weight)]
    place_names = {code: str(Agency.objects.get(code=code).name_zh_hans) for code in TOWNS}
    place_names.update(dict(ZONES))
    count = 0
    for n in range(320):
        year = today.year - YEARS + 1 + int((n / 320) ** 0.8 * YEARS)
        year = min(year, today.year)
        code = rng.choice(places)
        donee = rng.choice(donees[code])
        donor = rng.choice(donors)
        purpose, names, use = rng.choice(PROJECTS)
        noun = rng.choice(names)
        title = f"{donee.name_zh_hans}{noun}"
        age = today.year - year
        status = (
            ("closed" if age > 15 and rng.random() < 0.2 else "in_use")
            if age >= 2
            else rng.choice(["filed", "approved", "completed", "confirmation_applied", "in_use"])
        )
        completed = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
        completed = min(completed, today - datetime.timedelta(days=40))
        confirmed = completed + datetime.timedelta(days=rng.randint(30, 85))
        confirmed = min(confirmed, today - datetime.timedelta(days=5))
        named = rng.random() < 0.45
        actions.do_import_project(
            actor=None,
            agency=donee,
            donor=donor,
            past=actions.PastProject(
                title=title,
                purpose=purpose,
                location=place_names[code],
                use=use,
                donated_rmb=Decimal(rng.choice([8, 12, 20, 30, 50, 80, 120, 200, 350])) * 10000,
                year=year,
                status=status,
                approved_name=f"{donor.name}{noun}"
                if named and status in ("in_use", "closed")
                else "",
                completed_on=completed if status not in ("filed", "approved") else None,
                confirmed_on=confirmed if status in ("in_use", "closed") else None,
                government_approval=f"肇府函〔{confirmed.year}〕{rng.randint(1, 300)}号",
            ),
        )
        count += 1
    return count


def _this_year(rng: random.Random, officer: User, head: User) -> int:
    """The Education Bureau's donations of the last weeks, in every state of the workflow."""
    import io

    liaison = User.objects.get(username="liaison")
    agency = liaison.agency
    donors = list(
        Donor.objects.filter(registered_by=agency).select_related("person", "organisation")[:12]
    )
    today = timezone.localdate()
    plans = [
        (3, "HKD", "50000", None),
        (8, "USD", "20000", "register"),
        (12, "MYR", "80000", "register"),
        (20, "HKD", "130000", "review"),
        (25, "USD", "30000", "certify"),
        (28, "MOP", "200000", "certify"),
        (36, "CNY", "60000", None),
        (40, "AUD", "15000", "register"),
    ]
    for n, (days, currency, amount, step) in enumerate(plans):
        donor = donors[n % len(donors)]
        case = actions.do_file_donation(
            actor=liaison,
            agency=agency,
            donors=[donor],
            donee_kind="government",
            gift_form="money",
            currency=currency,
            amount=Decimal(amount),
            accepted_on=today - datetime.timedelta(days=days),
            purpose=Purpose.EDUCATION,
            use=rng.choice(["侨心奖学金", "乡村学校图书室", "教师培训基金"]),
            receipt_number=f"肇教捐{today.year}-{n + 1:03d}",
            ledger_entry=f"{today.year}-记-{40 + n}",
            agreement=io.BytesIO(PDF),
            agreement_name="捐赠协议.pdf",
        )
        if step == "register" and not case.donation.needs_certificate:  # type: ignore[attr-defined]
            do_transition(case=case, transition="register", actor=officer)
        elif step is not None:
            do_transition(case=case, transition="review_for_certificate", actor=officer)
            if step != "review":
                do_transition(case=case, transition="issue_certificate", actor=head)
    return len(plans)
