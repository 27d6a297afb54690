"""Demo data for overseas Chinese affairs: the ten county-level units, a few hundred fictional
people abroad (mostly in Malaysia and Australia) and their relatives, associations and
overseas-Chinese-funded enterprises, this year's surveys and a few certificates.

Every person is invented (Faker names, fictitious ID numbers); nothing is a real person. The
division's two demo users are added, and the accounts demo's county officer ("county", Sihui)
is named for the register of Sihui.
"""

import datetime
import random
from decimal import Decimal
from typing import Any, TextIO

from django.utils import timezone
from faker import Faker

from waishi.accounts.constants import AgencyKind, Role
from waishi.accounts.models import Agency, Division, User
from waishi.core.chinese import to_traditional
from waishi.core.validators import credit_code_check_character, fictitious_resident_id

from . import actions
from .constants import COUNTY_UNITS, DIVISION
from .models import CountyAccess, OrganisationProfile, Standing, SurveyCampaign

ORDER = 70
PASSWORD = "Zhaoqing-Demo-2026"
STAFF = [
    ("qiaowu", Role.DIVISION_OFFICER, "侨务科科员"),
    ("qiaowu.head", Role.DIVISION_HEAD, "侨务科科长"),
]
# Where the city's people abroad live: mostly Malaysia and Australia (the city's 侨联 profile).
COUNTRIES = ["MY"] * 9 + ["AU"] * 7 + ["SG", "SG", "US", "CA", "TH", "ID", "NZ", "GB"]
PEOPLE_PER_UNIT = {"gaoyao": 40, "sihui": 40, "guangning": 30}
ASSOCIATIONS = [
    ("马来西亚肇庆会馆联合会（示例）", "MY", "吉隆坡"),
    ("澳大利亚肇庆同乡会（示例）", "AU", "悉尼"),
    ("新加坡高要会馆（示例）", "SG", "新加坡"),
    ("美国四会同乡会（示例）", "US", "旧金山"),
]
ENTERPRISES = [
    ("肇庆侨兴电子有限公司（示例）", "sihui", "qiaozi", "电子制造", "陈氏家族（马来西亚）", "MY"),
    ("高要侨澳食品有限公司（示例）", "gaoyao", "qiaozi", "食品加工", "黄某（澳大利亚）", "AU"),
    ("端州港粤物流有限公司（示例）", "duanzhou", "hkmo_funded", "物流", "香港某投资公司", "HK"),
]


def load(*, stdout: TextIO, rng: random.Random) -> None:
    division = Division.objects.filter(code=DIVISION).first()
    if division is None:
        stdout.write("overseas: Division of Overseas Chinese Affairs missing, skipped\n")
        return
    units = _units()
    staff = _staff(division)
    officer = staff["qiaowu"]
    _name_county_officer(staff["qiaowu.head"])
    if not Standing.objects.exists():
        _people(rng, officer, units)
    if not OrganisationProfile.objects.exists():
        _organisations(officer, units)
    if not SurveyCampaign.objects.exists():
        _surveys(rng, officer, units)
    _list_logins()
    count = Standing.objects.count()
    stdout.write(f"overseas: {count} register entries in {len(units)} county-level units\n")


def _units() -> dict[str, Agency]:
    """The ten county-level units, with the two zones and their offices added where missing."""
    units: dict[str, Agency] = {}
    base = 900
    for order, (code, name, name_en) in enumerate(COUNTY_UNITS):
        county = Agency.objects.filter(code=code).first()
        if county is None:
            county = Agency.objects.create(
                code=code,
                kind=AgencyKind.COUNTY_GOVERNMENT,
                name_zh_hans=f"{name}管理委员会",
                name_zh_hant=to_traditional(f"{name}管理委员会"),
                name_en=f"{name_en} Administrative Committee",
                sort_order=base + order * 10,
            )
        Agency.objects.get_or_create(
            code=f"{code}-fao",
            defaults={
                "kind": AgencyKind.COUNTY_FAO,
                "parent": county,
                "name_zh_hans": f"{name}外事侨务办公室",
                "name_zh_hant": to_traditional(f"{name}外事侨务办公室"),
                "name_en": f"{name_en} Foreign and Overseas Chinese Affairs Office",
                "sort_order": base + order * 10 + 1,
            },
        )
        units[code] = county
    return units


def _staff(division: Division) -> dict[str, User]:
    from waishi.accounts.actions import do_create_user

    found = {}
    for username, role, name in STAFF:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = do_create_user(
                actor=None,
                username=username,
                password=PASSWORD,
                full_name=name,
                roles={role},
                must_change_password=False,
                division=division,
            )
        found[username] = user
    return found


def _name_county_officer(head: User) -> None:
    county = User.objects.filter(username="county").first()
    if county is None or CountyAccess.objects.filter(user=county).exists():
        return
    actions.do_name_county_officer(actor=head, user=county)


def _list_logins() -> None:
    from waishi.accounts.demo import logins_file

    path = logins_file()
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    listed = {line.split()[0] for line in text.splitlines()[1:] if line.strip()}
    lines = [
        f"  {username:<18} {Role(role).label} · {name}"
        for username, role, name in STAFF
        if username not in listed
    ]
    if lines:
        if text and not text.endswith("\n"):
            text += "\n"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n".join(lines) + "\n", encoding="utf-8")


def _person(fake: Faker, rng: random.Random, officer: User, county: Agency, **kw: Any) -> Any:
    sex = rng.choice(["male", "female"])
    born = kw.pop("born", None) or datetime.date(rng.randint(1935, 1995), rng.randint(1, 12), 1)
    name = fake.name_male() if sex == "male" else fake.name_female()
    return actions.do_register_person(
        actor=officer,
        county=county,
        name=name,
        sex=sex,
        date_of_birth=born,
        id_number=kw.pop("id_number", "") or fictitious_resident_id(rng, birth_date=born, sex=sex),
        passport_number=kw.pop("passport", ""),
        phone=f"139{rng.randint(10000000, 99999999)}",
        **kw,
    )


def _people(rng: random.Random, officer: User, units: dict[str, Agency]) -> None:
    fake = Faker("zh_CN")
    fake.seed_instance(rng.randint(0, 2**31))
    today = timezone.localdate()
    relations = ["spouse", "child", "parent", "sibling", "grandchild", "daughters_child"]
    for code, county in units.items():
        for _n in range(PEOPLE_PER_UNIT.get(code, 12)):
            country = rng.choice(COUNTRIES)
            left = datetime.date(rng.randint(1955, 2018), rng.randint(1, 12), 1)
            abroad = _person(
                fake, rng, officer, county, passport=f"E{rng.randint(10000000, 99999999)}"
            )
            kind = rng.random()
            if kind < 0.12:
                # A foreign citizen of Chinese origin.
                actions.do_record_standing(
                    actor=officer,
                    person=abroad,
                    category="huaren",
                    county=county,
                    valid_from=max(left, datetime.date(2000, 1, 1)),
                    country=country,
                    left_china_on=left,
                )
                continue
            returned = kind > 0.88
            actions.do_record_standing(
                actor=officer,
                person=abroad,
                category="huaqiao",
                county=county,
                valid_from=left + datetime.timedelta(days=800),
                country=country,
                town="",
                left_china_on=left,
                residence_basis="permanent",
                residence_from=left,
                months_present=Decimal(rng.randint(18, 24)),
                residence_evidence="居留证件复印件",
                returned_entrepreneur=False,
            )
            principal = Standing.objects.get(person=abroad, ended_on__isnull=True)
            if returned:
                back = min(today, left + datetime.timedelta(days=rng.randint(3000, 12000)))
                if back > principal.valid_from:
                    actions.do_record_standing(
                        actor=officer,
                        person=abroad,
                        category="guiqiao",
                        county=county,
                        valid_from=back,
                        country=country,
                        left_china_on=left,
                        returned_on=back,
                        returned_entrepreneur=rng.random() < 0.3,
                        replaces_reason="returned",
                    )
            elif rng.random() < 0.08:
                actions.do_record_death(
                    actor=officer,
                    standing=principal,
                    died_on=today - datetime.timedelta(days=rng.randint(30, 2000)),
                )
            for _r in range(rng.choice([0, 1, 1, 2])):
                relative = _person(fake, rng, officer, county)
                actions.do_record_standing(
                    actor=officer,
                    person=relative,
                    category="qiaojuan",
                    county=county,
                    valid_from=datetime.date(2010, 1, 1),
                    country=country,
                    principal=abroad,
                    relation=rng.choice(relations),
                    relation_evidence="户口簿、亲属关系证明",
                    returned_student=rng.random() < 0.05,
                )


def _organisations(officer: User, units: dict[str, Agency]) -> None:
    for name, country, city in ASSOCIATIONS:
        actions.do_record_organisation(
            actor=officer,
            category="association",
            name_zh=name,
            country=country,
            city=city,
            leaders="会长（示例）",
        )
    for number, (name, code, category, sector, investors, origin) in enumerate(ENTERPRISES):
        body = f"91441200MA0QW{number:03d}X"[:17]
        actions.do_record_organisation(
            actor=officer,
            category=category,
            name_zh=name,
            country="CN",
            county=units[code],
            credit_code=body + credit_code_check_character(body),
            sector=sector,
            investors=investors,
            investor_countries=origin,
            returned_entrepreneur=number == 0,
        )


def _surveys(rng: random.Random, officer: User, units: dict[str, Agency]) -> None:
    fake = Faker("zh_CN")
    fake.seed_instance(rng.randint(0, 2**31))
    year = timezone.localdate().year
    for county in units.values():
        campaign = actions.do_open_campaign(actor=officer, year=year, county=county)
        for _n in range(rng.randint(5, 25)):
            born = rng.randint(1935, 2000)
            left = rng.choice([None, *range(1950, 2020, 3)])
            actions.do_add_record(
                actor=officer,
                campaign=campaign,
                values={
                    "name": fake.name(),
                    "sex": rng.choice(["男", "女"]),
                    "birth_year": born,
                    "category": rng.choice(["华侨", "华侨", "侨眷", "归侨", "外籍华人", "侨属"]),
                    "country": rng.choice(COUNTRIES),
                    "left_china_year": None if left is None else max(left, born + 1),
                },
            )
        if rng.random() < 0.6:
            actions.do_verify_campaign(actor=officer, campaign=campaign)
