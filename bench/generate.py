"""Fill a Waishi database with N cases (default one million) for the benchmark.

    .venv/bin/python bench/generate.py --db sqlite --n 1000000
    .venv/bin/python bench/generate.py --db postgres --n 1000000 --reset

The database is the product's own: its migrations make the schema, ``waishi demo`` loads the
organisation, and this script adds, through the product's models and their tables:

- cases of every registered case type, filed by the demo agencies over the last two years,
  each walked through its own workflow table to a status that depends on its age (old cases
  are mostly closed, recent ones in progress), with the timeline entry and the audit event of
  every step;
- for missions, the detail row, a delegation of 2–6 registered travellers with Chinese names,
  1–3 destinations and budget lines;
- audit events hashed in Python in ``seq`` order onto the existing chain, and the chain head
  set at the end, so ``waishi audit verify`` passes.

Rows go in by ``COPY`` on PostgreSQL and by ``executemany`` on SQLite (with the load PRAGMAs
``synchronous=OFF`` and a large cache, restored afterwards), in batches of ``--batch`` cases.
"""

import argparse
import collections
import datetime
import heapq
import itertools
import json
import os
import random
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common

UTC = datetime.UTC
DAY = 86400.0
EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()
# Distinct names drawn from (with common ones more often, as in life), and people per case.
NAME_POOL = 30_000
TRAVELLERS_PER_CASE = 0.25
YEARS = 2
# Transitions that send a case back or end it early: taken rarely, as in real business.
RARE_WORDS = ("return", "reject", "refus", "withdraw", "request_change", "cancel", "revoke")
# Transitions that only some cases take (a mission led by a city leader goes to the province).
UNCOMMON_WORDS = ("refer", "province")
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉鹏飞宇浩凯斌波婷雪琳晨欣怡"
    "宁海峰志国荣春梅燕玲丹俊晓光林东亮旭阳佳慧嘉颖思远宏昊天云琪瑞祥雅倩子涵梓轩博文诗雨若溪"
)
POSTS = (
    "科员",
    "副科长",
    "科长",
    "副处长",
    "处长",
    "副局长",
    "局长",
    "主任",
    "副主任",
    "教师",
    "研究员",
)
RANK_WEIGHTS = (
    ("other", 30),
    ("ke_and_below", 40),
    ("fu_chu", 15),
    ("zheng_chu", 7),
    ("fu_ting", 1),
    ("zheng_ting", 1),
)
TOPICS = (
    "开展经贸合作洽谈",
    "考察职业教育合作",
    "参加国际友好城市论坛",
    "开展文化交流活动",
    "考察智慧城市建设",
    "参加国际学术会议",
    "开展招商引资推介",
    "考察生态环境保护经验",
    "开展旅游推介活动",
    "参加国际农业博览会",
    "开展医疗卫生合作交流",
    "考察港口物流合作",
)
COUNTRIES = (
    ("HK", "香港", "中国香港"),
    ("MO", "澳门", "中国澳门"),
    ("JP", "东京", "日本"),
    ("KR", "首尔", "韩国"),
    ("SG", "新加坡", "新加坡"),
    ("MY", "吉隆坡", "马来西亚"),
    ("TH", "曼谷", "泰国"),
    ("VN", "河内", "越南"),
    ("DE", "柏林", "德国"),
    ("FR", "巴黎", "法国"),
    ("GB", "伦敦", "英国"),
    ("IT", "罗马", "意大利"),
    ("NL", "阿姆斯特丹", "荷兰"),
    ("US", "纽约", "美国"),
    ("CA", "温哥华", "加拿大"),
    ("AU", "悉尼", "澳大利亚"),
    ("NZ", "奥克兰", "新西兰"),
    ("BR", "圣保罗", "巴西"),
    ("ZA", "约翰内斯堡", "南非"),
    ("EG", "开罗", "埃及"),
)
ROLES_IN_DELEGATION = ("团员", "团员", "团员", "翻译", "秘书")
REASONS = ("请补充邀请函译文。", "行程安排需调整。", "预算超出标准，请核减。", "申请人主动撤回。")


# Cases the demo loader may have filed itself; more than this means an unfinished bench run.
DEMO_CASES_AT_MOST = 500


def marker_file(db: str, n: int) -> Path:
    """Written when a generation finished: what the database holds, and how long it took."""
    return common.DATA / f"generated-{db}-{n}.json"


def utc_date(moment: float) -> datetime.date:
    """The UTC calendar day of a Unix time."""
    return datetime.date.fromordinal(EPOCH_ORDINAL + int(moment) // 86400)


def log(message: str) -> None:
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


# Database plumbing ---------------------------------------------------------------------------


def prepare_database(db: str, n: int, *, reset: bool) -> None:
    """Create (or with ``reset``, recreate) the empty database the product will migrate."""
    common.DATA.mkdir(parents=True, exist_ok=True)
    if reset:
        for old in common.DATA.glob(f"generated-{db}-*.json"):
            old.unlink()
    if db == "sqlite":
        path = common.sqlite_path(n)
        if reset:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg
    from psycopg import sql

    name = common.postgres_name()
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and reset:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            exists = None
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


class Loader:
    """Appends rows to the product's tables as fast as the database allows."""

    def __init__(self) -> None:
        from django.db import connection

        self.connection = connection
        self.vendor = connection.vendor
        self.columns_cache: dict[tuple[type, tuple[str, ...]], tuple[str, list[Any]]] = {}
        # Rows written and seconds spent per table, for the summary.
        self.rows: dict[str, int] = {}
        self.seconds: dict[str, float] = {}

    # Values in the form each database's fast path takes.
    def ts(self, moment: int) -> str:
        """A whole-second Unix time as timestamp text in UTC, as the database reads it.

        SQLite gets what Django's backend writes there (naive UTC text); PostgreSQL the same
        text with its offset. Times are whole seconds, so there is no fraction to spell.
        """
        text = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(moment))
        return text if self.vendor == "sqlite" else text + "+00"

    def d(self, value: datetime.date | None) -> Any:
        if value is None:
            return None
        return value.isoformat() if self.vendor == "sqlite" else value

    def js(self, value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    def next_id(self, model: type) -> int:
        from django.db.models import Max

        return int(model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1

    def _statement(self, model: Any, names: tuple[str, ...]) -> tuple[str, list[Any]]:
        """The INSERT/COPY head for ``names`` plus the defaults of every other column."""
        key = (model, names)
        if key not in self.columns_cache:
            meta = model._meta
            given = [meta.get_field(name) for name in names]
            rest = [f for f in meta.concrete_fields if f.attname not in names]
            defaults = []
            for f in rest:
                if f.has_default() and callable(f.default):
                    defaults.append(f.default)
                else:
                    value = f.get_default()
                    defaults.append(
                        f.get_db_prep_save(value, self.connection) if value is not None else None
                    )
            quote = self.connection.ops.quote_name
            columns = ", ".join(quote(f.column) for f in [*given, *rest])
            table = quote(meta.db_table)
            if self.vendor == "sqlite":
                marks = ", ".join("?" for _ in range(len(given) + len(rest)))
                head = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
            else:
                head = f"COPY {table} ({columns}) FROM STDIN"
            self.columns_cache[key] = (head, defaults)
        return self.columns_cache[key]

    def insert(self, model: Any, names: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        head, defaults = self._statement(model, tuple(names))
        if defaults:
            if any(callable(v) for v in defaults):
                rows = [row + tuple(v() if callable(v) else v for v in defaults) for row in rows]
            else:
                suffix = tuple(defaults)
                rows = [row + suffix for row in rows]
        raw = self.connection.connection
        started = time.monotonic()
        table = model._meta.db_table
        self.rows[table] = self.rows.get(table, 0) + len(rows)
        if self.vendor == "sqlite":
            raw.executemany(head, rows)
        else:
            with raw.cursor() as cursor, cursor.copy(head) as copy:
                for row in rows:
                    copy.write_row(row)
        self.seconds[table] = self.seconds.get(table, 0.0) + time.monotonic() - started


# The world the cases live in ----------------------------------------------------------------


@dataclass
class Person:
    """A user as the generator needs them: id, audit label and roles, and the model object."""

    user: Any
    id: int
    label: str
    roles: str


@dataclass
class DetailPlan:
    """How to write the detail row of an area other than missions: id, case, required links."""

    model: Any
    names: tuple[str, ...]
    links: list[tuple[str, Any]]
    next_id: int
    choices: dict[Any, list[int]]
    # Required columns of the area's own, filled by ``AREA_FIELDS`` (values of a case made at
    # a moment, by a random generator).
    extra: tuple[str, ...] = ()


def incident_fields(rng: random.Random, created: float, loader: "Loader") -> tuple[Any, ...]:
    """A foreign-related incident's required columns: kind, notice, start, nationality."""
    began = loader.ts(int(created - rng.uniform(2, 40) * 3600))
    kind = rng.choice(
        ["criminal", "administrative", "administrative", "civil", "accident", "death"]
    )
    nationality = rng.choice(["US", "JP", "KR", "PH", "AU", "DE", "VN", "TH", "GB", "FR"])
    return (kind, "police", "市公安局", began, began, nationality)


def visit_fields(rng: random.Random, created: float, loader: "Loader") -> tuple[Any, ...]:
    """A foreign visit's required columns: the delegation's country and its dates."""
    arrival = datetime.date.fromtimestamp(created) + datetime.timedelta(days=rng.randint(20, 60))
    country = rng.choice(["DE", "FR", "JP", "KR", "MY", "AU", "US", "SG"])
    return (country, arrival, arrival + datetime.timedelta(days=rng.randint(1, 5)))


def gift_fields(rng: random.Random, created: float, loader: "Loader") -> tuple[Any, ...]:
    """A received gift's required columns: item, kind, value, giver, day received."""
    received = datetime.date.fromtimestamp(created) - datetime.timedelta(days=rng.randint(0, 20))
    return ("纪念品", "goods", rng.choice([80, 150, 260, 680]), "外国代表团", received)


def nomination_fields(rng: random.Random, created: float, loader: "Loader") -> tuple[Any, ...]:
    """An honorary-citizen nomination's required columns: the nominee's kind, the nominator,
    the criteria, the contribution and the nominee's consent (given before filing)."""
    consented = datetime.date.fromtimestamp(created) - datetime.timedelta(days=rng.randint(1, 20))
    kind = rng.choice(["overseas_chinese", "hong_kong", "macao", "taiwan", "foreign"])
    criteria = rng.choice(['["economy"]', '["philanthropy"]', '["science_culture", "opening_up"]'])
    return (kind, "unit", "推荐单位", criteria, "主要贡献", consented, "本人签署同意书", False)


def ensure_honours_round() -> None:
    """The round the generated nominations belong to (the bench database starts without one)."""
    from waishi.honours.models import HonoraryRound

    if not HonoraryRound.objects.exists():
        HonoraryRound.objects.create(
            number=1,
            title="基准测试届",
            title_en="Benchmark round",
            call_opened_on=datetime.date(2020, 1, 1),
            deadline=datetime.date(2030, 12, 31),
        )


def identity_fields(rng: random.Random, created: float, loader: "Loader") -> tuple[Any, ...]:
    """An identity certificate's required columns: standing, hukou evidence, decider, purpose."""
    purpose = rng.choice(["school_admission", "welfare_housing", "family_visit", "employment"])
    return (
        rng.choice(["guiqiao", "qiaojuan", "qiaojuan"]),
        "户口簿",
        "county",
        purpose,
        "接收单位",
    )


def settlement_fields(rng: random.Random, created: float, loader: "Loader") -> tuple[Any, ...]:
    """A return-to-settle application's required columns: country and day of application."""
    return (rng.choice(["MY", "MY", "AU", "SG", "US"]), datetime.date.fromtimestamp(created))


def donation_fields(rng: random.Random, created: float, loader: "Loader") -> tuple[Any, ...]:
    """A donation's required columns: donor country, donee, money valued in RMB, dates."""
    accepted = datetime.date.fromtimestamp(created) - datetime.timedelta(days=rng.randint(1, 40))
    country = rng.choice(["HK", "HK", "MO", "MY", "SG", "US", "CA", "AU", "TH"])
    value = Decimal(rng.choice([5000, 20000, 50000, 99999, 100000, 300000, 1200000]))
    due = accepted + datetime.timedelta(days=30)
    filed = datetime.date.fromtimestamp(created)
    purpose = rng.choice(["education", "health", "infrastructure", "relief", "culture"])
    return (
        country,
        "institution",
        "money",
        "",
        "CNY",
        value,
        accepted,
        value,
        purpose,
        "教学楼",
        "R-0001",
        "记-0001",
        Decimal(100000),
        value >= 100000,
        due,
        filed,
        filed > due,
    )


def project_fields(rng: random.Random, created: float, loader: "Loader") -> tuple[Any, ...]:
    """A donated project's required columns: name, place, amount, year, use."""
    year = datetime.date.fromtimestamp(created).year
    purpose = rng.choice(["education", "health", "infrastructure", "culture"])
    amount = Decimal(rng.choice([150000, 300000, 800000, 2000000]))
    return (
        "侨心教学楼",
        "",
        "HK",
        purpose,
        "某镇",
        amount,
        year,
        "",
        False,
        "",
        "",
        "教学",
    )


def inspection_fields(rng: random.Random, created: float, loader: "Loader") -> tuple[Any, ...]:
    """A discipline inspection's text columns: opened on grounds, nothing recorded yet."""
    return ("", "", "", "", "", rng.choice(["群众举报", "日常检查", "专项检查"]), "", "", "")


def directive_fields(rng: random.Random, created: float, loader: "Loader") -> tuple[Any, ...]:
    """A directive's required columns: kind, text, the replies' due day."""
    due = datetime.date.fromtimestamp(created) + datetime.timedelta(days=rng.randint(10, 30))
    kind = rng.choice(["notice", "guidance", "half_year_report", "annual_report"])
    return (kind, "请各县（市、区）外事部门按期报送。", due)


def task_fields(rng: random.Random, created: float, loader: "Loader") -> tuple[Any, ...]:
    """A task from above's required columns: source, document number, what is asked, due day."""
    due = datetime.date.fromtimestamp(created) + datetime.timedelta(days=rng.randint(5, 40))
    source = rng.choice(["city_party_committee", "city_government", "provincial_fao"])
    number = f"肇府办函〔{due.year}〕{rng.randint(1, 400)}号"
    return (source, number, "报送有关工作进展。", due)


def petition_fields(rng: random.Random, created: float, loader: "Loader") -> tuple[Any, ...]:
    """A complaint's required columns: channel, category, rights, receipt, request, department."""
    received = datetime.date.fromtimestamp(created) - datetime.timedelta(days=rng.randint(0, 5))
    channel = rng.choice(["letter", "letter", "visit", "telephone", "online"])
    category = rng.choice(["claim", "claim", "claim", "accusation", "suggestion"])
    area = rng.choice(["housing", "housing", "expropriation", "remittance", "education", "exit"])
    against = rng.choice(["区住房和城乡建设局", "镇人民政府", "市自然资源局", "区教育局"])
    return (channel, category, area, received, "请求依法处理。", against)


# Missions are most of the bureau's business; foreign-related incidents a few dozen a year,
# discipline inspections fewer; a directive goes to ten counties (ten replies); tasks from
# above come a few a month; rights-protection complaints a few hundred.
WEIGHTS = {
    "CG": 3.0,
    "SW": 0.1,
    "JD": 0.3,
    "LP": 0.3,
    "JZ": 0.2,
    "JX": 0.05,
    "JC": 0.05,
    "ZD": 0.02,
    "HF": 0.2,
    "RW": 0.05,
    "RY": 0.05,
    "XF": 0.2,
    "QS": 0.4,
    "DJ": 0.05,
}

# Areas whose detail rows have required columns of their own: names and a filler per type.
AREA_FIELDS: dict[str, tuple[tuple[str, ...], Any]] = {
    "SW": (
        (
            "kind",
            "notice_source",
            "notifying_body",
            "notice_received_at",
            "began_at",
            "nationality",
        ),
        incident_fields,
    ),
    "JD": (("country", "arrival_date", "departure_date"), visit_fields),
    "LP": (("item", "kind", "value", "giver", "received_on"), gift_fields),
    "RY": (
        (
            "nominee_type",
            "nominated_by",
            "nominator_name",
            "criteria",
            "contribution",
            "consent_on",
            "consent_note",
            "publish_consent",
        ),
        nomination_fields,
    ),
    "QS": (
        ("category", "hukou_evidence", "decider", "purpose", "receiving_unit"),
        identity_fields,
    ),
    "DJ": (("country", "applied_on"), settlement_fields),
    "JZ": (
        (
            "donor_country",
            "donee_kind",
            "gift_form",
            "goods_description",
            "currency",
            "amount",
            "accepted_on",
            "rmb_value",
            "purpose",
            "use",
            "receipt_number",
            "ledger_entry",
            "threshold",
            "needs_certificate",
            "filing_due",
            "filed_on",
            "late_filing",
        ),
        donation_fields,
    ),
    "JX": (
        (
            "title",
            "approved_name",
            "donor_country",
            "purpose",
            "location",
            "donated_rmb",
            "year",
            "construction_approval",
            "late_confirmation",
            "government_approval",
            "sign_plate_number",
            "use",
        ),
        project_fields,
    ),
    "JC": (
        (
            "breach_source",
            "breach_key",
            "breach_what",
            "breach_case",
            "citation",
            "grounds",
            "findings",
            "requirements",
            "outcome",
        ),
        inspection_fields,
    ),
    "ZD": (("kind", "body", "reply_due"), directive_fields),
    "RW": (("source", "document_number", "asked", "due_on"), task_fields),
    "XF": (
        ("channel", "category", "rights_area", "received_on", "request", "against_name"),
        petition_fields,
    ),
}


def detail_plan(kind: Any, loader: "Loader") -> DetailPlan | None:
    from waishi.cases.models import Case
    from waishi.missions.models import Mission

    model = kind.detail_model
    if model is None or kind.code == "CG":
        return None
    if kind.code == "RY":
        ensure_honours_round()
    case_field = next(
        f for f in model._meta.concrete_fields if f.is_relation and f.related_model is Case
    )
    links = [
        (f.attname, f.related_model)
        for f in model._meta.concrete_fields
        if f.is_relation and not f.null and f is not case_field and f.attname != "id"
    ]
    choices = {
        related: list(related.objects.values_list("pk", flat=True)[:10000])
        for _name, related in links
        if related is not Mission
    }
    extra = AREA_FIELDS.get(kind.code, ((), None))[0]
    names = ("id", case_field.attname, *(name for name, _related in links), *extra)
    return DetailPlan(model, names, links, loader.next_id(model), choices, extra)


@dataclass
class TypePlan:
    """One registered case type and what the generator knows about it."""

    kind: Any
    division_id: int | None
    officers: list[Person]
    transitions_by_state: dict[str, list[Any]]
    # The division's officer and head and a bureau leader, tried in turn as actors.
    staff: list[Person] = field(default_factory=list)
    actors: dict[tuple[str, int], Person] = field(default_factory=dict)
    detail: DetailPlan | None = None
    choices: dict[str, tuple[list[Any], list[float]]] = field(default_factory=dict)
    final: frozenset[str] = frozenset()
    # Missions are most of the bureau's business; every other type gets a smaller share.
    weight: float = 2.0


def person(user: Any) -> Person:
    return Person(user, user.pk, user.get_username(), ",".join(sorted(user.role_set)))


def ensure_user(username: str, role: str, **fields: Any) -> Any:
    """A bench user made through the product's own action (password rules, roles, audit)."""
    from waishi.accounts import actions
    from waishi.accounts.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        user = actions.do_create_user(
            actor=None,
            username=username,
            password="Bench-Password-2026",
            full_name=fields.pop("full_name", username),
            roles={role},
            must_change_password=False,
            **fields,
        )
    return user


def staff_of_division(division: Any, role: str, username: str) -> list[Any]:
    from waishi.accounts.models import User

    users = list(
        User.objects.filter(division=division, role_grants__role=role, is_active=True).order_by(
            "pk"
        )
    )
    if not users:
        users = [ensure_user(username, role, division=division, full_name=username)]
    return users


def load_world(rng: random.Random) -> tuple[list[Any], list[float], dict[int, list[Person]], Any]:
    """Agencies with their filing weight, one liaison and one signatory each, bureau leaders."""
    from waishi.accounts.constants import AGENCY_ROLES, Role
    from waishi.accounts.models import Agency, User

    agencies = list(Agency.objects.filter(is_active=True).order_by("pk"))
    if not agencies:
        raise SystemExit("No agencies: the demo loader did not run.")
    # A few agencies file most of the business (commerce, education), most file a little.
    weights = [1.0 / (1 + rank) ** 0.8 for rank in range(len(agencies))]
    rng.shuffle(weights)
    agency_people: dict[int, list[Person]] = {}
    for agency in agencies:
        people = list(
            User.objects.filter(
                agency=agency, role_grants__role__in=list(AGENCY_ROLES), is_active=True
            ).distinct()
        )
        roles = {r for u in people for r in u.role_set}
        if Role.LIAISON_OFFICER not in roles:
            people.append(
                ensure_user(f"bench.{agency.code}.liaison", Role.LIAISON_OFFICER, agency=agency)
            )
        if Role.AGENCY_SIGNATORY not in roles:
            people.append(
                ensure_user(f"bench.{agency.code}.signatory", Role.AGENCY_SIGNATORY, agency=agency)
            )
        agency_people[agency.pk] = [person(u) for u in people]
    leaders = [
        person(u) for u in User.objects.filter(role_grants__role=Role.BUREAU_LEADER, is_active=True)
    ]
    return agencies, weights, agency_people, leaders


def plan_types(
    agency_people: dict[int, list[Person]], leaders: list[Person], loader: "Loader"
) -> list[TypePlan]:
    from waishi.accounts.constants import Role
    from waishi.accounts.models import Division
    from waishi.cases.registry import case_types

    plans = []
    for kind in case_types():
        division = (
            Division.objects.filter(code=kind.division_code).first() if kind.division_code else None
        )
        if division is None:
            division = Division.objects.order_by("pk").first()
        officers = [
            person(u)
            for u in staff_of_division(
                division, Role.DIVISION_OFFICER, f"bench.{division.code}.officer"
            )
        ]
        heads = [
            person(u)
            for u in staff_of_division(division, Role.DIVISION_HEAD, f"bench.{division.code}.head")
        ]
        by_state: dict[str, list[Any]] = {}
        for transition in kind.workflow.transitions:
            for source in transition.sources:
                by_state.setdefault(source, []).append(transition)
        plan = TypePlan(kind, division.pk, officers, by_state, [officers[0], heads[0]])
        plan.staff.extend(leaders[:1])
        plan.detail = detail_plan(kind, loader)
        plan.choices = step_choices(by_state)
        plan.final = frozenset(kind.workflow.final)
        plan.weight = WEIGHTS.get(kind.code, 2.0)
        plans.append(plan)
    return plans


def actor_for(plan: TypePlan, transition: Any, agency: Any, people: list[Person]) -> Person:
    """Who runs ``transition`` on a case of ``agency``: the first of the agency's people, then
    the division's officer and head and a bureau leader, whom the product's own predicate lets
    act (remembered per transition and agency)."""
    from waishi.cases.models import Case
    from waishi.cases.workflow import may_act

    key = (transition.name, agency.pk)
    found = plan.actors.get(key)
    if found is None:
        probe = Case(
            case_type=plan.kind.code,
            status=transition.sources[0],
            agency=agency,
            division_id=plan.division_id,
        )
        for candidate in [*people, *plan.staff]:
            if may_act(candidate.user, probe, transition):
                found = candidate
                break
        else:
            found = plan.officers[0]
        plan.actors[key] = found
    return found


# Travellers -----------------------------------------------------------------------------------


def make_travellers(
    agencies: list[Any], per_agency: int, rng: random.Random
) -> dict[int, list[int]]:
    """Register ``per_agency`` people in every agency (once); returns their ids per agency."""
    from waishi.core.pinyin import passport_name_text
    from waishi.core.validators import fictitious_resident_id
    from waishi.registers.models import Person as Traveller

    existing: dict[int, list[int]] = {}
    for agency_id, pk in Traveller.objects.values_list("agency_id", "pk"):
        existing.setdefault(agency_id, []).append(pk)
    pool = sorted(
        {
            rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2, 2))))
            for _ in range(NAME_POOL)
        }
    )
    rng.shuffle(pool)
    romanised = {name: passport_name_text(name) for name in pool}
    popularity = list(itertools.accumulate(1 / (rank + 1) ** 0.6 for rank in range(len(pool))))
    batch: list[Any] = []
    made = 0
    for agency in agencies:
        missing = per_agency - len(existing.get(agency.pk, []))
        for _ in range(max(0, missing)):
            name = rng.choices(pool, cum_weights=popularity)[0]
            sex = rng.choice(("male", "female"))
            born = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randint(0, 14000))
            rank = rng.choices([r for r, _ in RANK_WEIGHTS], [w for _, w in RANK_WEIGHTS])[0]
            batch.append(
                Traveller(
                    agency=agency,
                    name=name,
                    sex=sex,
                    date_of_birth=born,
                    id_number=fictitious_resident_id(rng, birth_date=born, sex=sex),
                    post=rng.choice(POSTS),
                    rank=rank,
                    passport_name=romanised[name],
                    is_agency_leader=rank in ("zheng_chu", "fu_chu") and rng.random() < 0.3,
                    is_academic=rng.random() < 0.05,
                )
            )
            if len(batch) >= 5000:
                Traveller.objects.bulk_create(batch)
                made += len(batch)
                batch = []
    if batch:
        Traveller.objects.bulk_create(batch)
        made += len(batch)
    if made:
        log(f"registered {made} travellers")
    result: dict[int, list[int]] = {}
    for agency_id, pk in Traveller.objects.values_list("agency_id", "pk"):
        result.setdefault(agency_id, []).append(pk)
    return result


# Cases ----------------------------------------------------------------------------------------


def delay_days(name: str, rng: random.Random, trip: tuple[float, float]) -> float:
    """How long after the previous step a transition of this name usually happens."""
    if name in ("submit", "resubmit"):
        return rng.uniform(0.3, 12)
    if name == "depart":
        return trip[0]
    if name == "register_return":
        return trip[1]
    if name == "submit_report":
        return rng.uniform(3, 28)
    if name == "close":
        return rng.uniform(0.5, 8)
    return rng.expovariate(1 / 1.8) + 0.05


def walk(
    plan: TypePlan, created: int, now: int, rng: random.Random, trip: tuple[float, float]
) -> list[tuple[Any, int]]:
    """The transitions a case of this type took since ``created``, each with its time."""
    workflow = plan.kind.workflow
    state = workflow.initial
    moment = created
    steps: list[tuple[Any, int]] = []
    while state not in plan.final and len(steps) < 20:
        choice = plan.choices.get(state)
        if choice is None:
            break
        options, cumulative = choice
        step = rng.choices(options, cum_weights=cumulative)[0]
        moment += int(delay_days(step.name, rng, trip) * DAY)
        if moment >= now:
            break
        steps.append((step, moment))
        state = step.target
    return steps


def step_choices(
    transitions_by_state: dict[str, list[Any]],
) -> dict[str, tuple[list[Any], list[float]]]:
    """For each state, its transitions and their cumulative weights: rare ones seldom taken."""
    result = {}
    for state, options in transitions_by_state.items():
        weights = []
        for t in options:
            w = 0.04 if any(word in t.name for word in RARE_WORDS) else 1.0
            if any(word in t.name for word in UNCOMMON_WORDS):
                w *= 0.03
            weights.append(w)
        result[state] = (options, list(itertools.accumulate(weights)))
    return result


def status_json(value: dict[str, Any] | None) -> str:
    """``{"status": ..., "version": ...}`` as JSON text, written out directly (it is hot)."""
    if value is None:
        return "null"
    if len(value) == 2 and "status" in value and "version" in value:
        return f'{{"status": "{value["status"]}", "version": {value["version"]}}}'
    return json.dumps(value, ensure_ascii=False)


class AuditChain:
    """Appends events to the audit log in time order, hashing them onto the existing chain."""

    def __init__(self, loader: Loader) -> None:
        from waishi.audit.actions import GENESIS_HASH
        from waishi.audit.models import AuditEvent, ChainHead

        head = ChainHead.objects.filter(pk=1).first()
        self.seq = head.seq if head else 0
        self.hash = head.row_hash if head else GENESIS_HASH
        self.loader = loader
        self.model = AuditEvent
        # (time, order, payload): plain tuples, compared in C.
        self.pending: list[tuple[int, int, tuple[Any, ...]]] = []
        self.counter = itertools.count()
        self.next_id = loader.next_id(AuditEvent)
        self.written = 0

    def add(self, at: int, payload: tuple[Any, ...]) -> None:
        heapq.heappush(self.pending, (at, next(self.counter), payload))

    def flush(self, before: float) -> None:
        """Write every pending event older than ``before`` (no later case can precede them)."""
        from waishi.audit.actions import HASHED_FIELDS, compute_hash

        rows = []
        loader = self.loader
        pending = self.pending
        while pending and pending[0][0] < before:
            at, _order, payload = heapq.heappop(pending)
            actor, action, case_id, case_repr, before_v, after_v, reason, request_id = payload
            self.seq += 1
            occurred = datetime.datetime.fromtimestamp(at, UTC)
            content = {
                "seq": self.seq,
                "occurred_at": occurred,
                "actor_id": actor.id,
                "actor_label": actor.label,
                "actor_roles": actor.roles,
                "ip_address": "127.0.0.1",
                "request_id": request_id,
                "action": action,
                "object_type": "cases.case",
                "object_id": str(case_id),
                "object_repr": case_repr,
                "before": before_v,
                "after": after_v,
                "outcome": "success",
                "reason": reason,
            }
            row_hash = compute_hash(self.hash, content)
            rows.append(
                (
                    self.next_id,
                    self.seq,
                    loader.ts(at),
                    actor.id,
                    actor.label,
                    actor.roles,
                    "127.0.0.1",
                    request_id,
                    action,
                    "cases.case",
                    str(case_id),
                    case_repr,
                    status_json(before_v),
                    status_json(after_v),
                    "success",
                    reason,
                    self.hash,
                    row_hash,
                )
            )
            self.next_id += 1
            self.hash = row_hash
        loader.insert(
            self.model,
            ("id", *HASHED_FIELDS, "prev_hash", "row_hash"),
            rows,
        )
        self.written += len(rows)

    def finish(self) -> None:
        from waishi.audit.models import ChainHead

        self.flush(float("inf"))
        ChainHead.objects.update_or_create(pk=1, defaults={"seq": self.seq, "row_hash": self.hash})


@dataclass
class Counters:
    cases: int = 0
    timeline: int = 0
    missions: int = 0
    members: int = 0
    destinations: int = 0
    budget: int = 0


class CaseWriter:
    """Builds one batch of cases with their detail, timeline and audit events."""

    def __init__(
        self,
        loader: Loader,
        chain: AuditChain,
        plans: list[TypePlan],
        agencies: list[Any],
        weights: list[float],
        agency_people: dict[int, list[Person]],
        travellers: dict[int, list[int]],
        rng: random.Random,
    ) -> None:
        from django.utils.translation import gettext

        from waishi.cases.models import Case, ReferenceCounter, TimelineEntry
        from waishi.missions.models import BudgetLine, Destination, Mission, MissionMember

        self.loader = loader
        self.chain = chain
        self.plans = plans
        self.agencies = agencies
        self.weights = weights
        self.agency_people = agency_people
        self.travellers = travellers
        self.rng = rng
        self.models = {
            "case": Case,
            "timeline": TimelineEntry,
            "mission": Mission,
            "member": MissionMember,
            "destination": Destination,
            "budget": BudgetLine,
        }
        self.ids = {name: loader.next_id(model) for name, model in self.models.items()}
        self.counters_model = ReferenceCounter
        self.numbers: dict[tuple[str, int], int] = {
            (c.case_type, c.year): c.last_number for c in ReferenceCounter.objects.all()
        }
        self.created_text = gettext("Case created")
        self.recent_missions: dict[int, collections.deque[int]] = {}
        self.any_mission: collections.deque[int] = collections.deque(maxlen=200)
        self.type_weights = list(itertools.accumulate(p.weight for p in plans))
        self.agency_weights = list(itertools.accumulate(weights))
        self.mission_plan = next((p for p in plans if p.kind.code == "CG"), None)
        self.count = Counters()

    def _take(self, name: str) -> int:
        value = self.ids[name]
        self.ids[name] = value + 1
        return value

    def _reference(self, plan: TypePlan, created: datetime.datetime) -> str:
        from waishi.cases.references import format_reference

        year = created.astimezone(datetime.timezone(datetime.timedelta(hours=8))).year
        key = (plan.kind.code, year)
        self.numbers[key] = self.numbers.get(key, 0) + 1
        return format_reference(plan.kind.reference_prefix, year, self.numbers[key])

    def batch(self, moments: list[int], now: int) -> None:
        from waishi.cases.constants import EntryKind, Priority
        from waishi.cases.models import new_verification_code

        loader, rng = self.loader, self.rng
        cases, entries, missions, members, destinations, budget = [], [], [], [], [], []
        details: dict[Any, list[tuple[Any, ...]]] = {}
        priorities = [Priority.NORMAL] * 17 + [Priority.HIGH] * 2 + [Priority.URGENT]
        for created in moments:
            plan = rng.choices(self.plans, cum_weights=self.type_weights)[0]
            agency = rng.choices(self.agencies, cum_weights=self.agency_weights)[0]
            if plan.detail is not None and self.mission_plan is not None:
                # A request that follows a mission needs one: early on, file the mission.
                needs_mission = any(r is self.models["mission"] for _n, r in plan.detail.links)
                if needs_mission and not self.recent_missions.get(agency.pk):
                    plan = self.mission_plan
            people = self.agency_people[agency.pk]
            filer = people[0]
            case_id = self._take("case")
            created_dt = datetime.datetime.fromtimestamp(created, UTC)
            reference = self._reference(plan, created_dt)
            workflow = plan.kind.workflow
            is_mission = plan.kind.code == "CG"
            countries = rng.sample(COUNTRIES, rng.choice((1, 1, 1, 2, 2, 3)))
            if is_mission:
                title = f"赴{'、'.join(c[2] for c in countries)}{rng.choice(TOPICS)}"
            else:
                title = f"{agency.name_zh_hans}{plan.kind.label}"
            title = title[:200]
            trip = (rng.uniform(10, 45), rng.uniform(2, 9))
            steps = walk(plan, created, now, rng, trip)
            status = steps[-1][0].target if steps else workflow.initial
            last = steps[-1][1] if steps else created
            is_open = not workflow.is_final(status)
            version = 1 + len(steps)
            actors = [actor_for(plan, step, agency, people) for step, _ in steps]
            last_actor = actors[-1] if actors else filer
            staff_seen = any(a.user.agency_id is None for a in actors)
            assignee = rng.choice(plan.officers).id if staff_seen else None
            due = None
            if is_open and steps:
                due = utc_date(last + int(rng.uniform(5, 25) * DAY))
            repr_text = f"{reference} {title}"[:200]
            cases.append(
                (
                    case_id,
                    reference,
                    plan.kind.code,
                    status,
                    is_open,
                    agency.pk,
                    plan.division_id,
                    assignee,
                    rng.choice(priorities),
                    loader.d(due),
                    title,
                    version,
                    new_verification_code(),
                    filer.id,
                    last_actor.id,
                    loader.ts(created),
                    loader.ts(last),
                )
            )
            # Timeline and audit: the filing, then every step.
            entries.append(
                (
                    self._take("timeline"),
                    case_id,
                    EntryKind.STATUS,
                    filer.id,
                    loader.ts(created),
                    self.created_text,
                    True,
                    "",
                    "",
                    workflow.initial,
                    1,
                    "{}",
                )
            )
            self.chain.add(
                created,
                (
                    filer,
                    "cases.case.create",
                    case_id,
                    repr_text,
                    None,
                    {
                        "reference": reference,
                        "case_type": plan.kind.code,
                        "status": workflow.initial,
                    },
                    "",
                    os.urandom(16).hex(),
                ),
            )
            state = workflow.initial
            for number, ((step, moment), actor) in enumerate(zip(steps, actors, strict=True)):
                inputs = {spec.name: rng.choice(REASONS) for spec in step.inputs}
                if "returned_on" in inputs:
                    inputs["returned_on"] = utc_date(moment).isoformat()
                if "document_number" in inputs:
                    inputs["document_number"] = (
                        f"粤外办〔{created_dt.year}〕{rng.randint(1, 300)}号"
                    )
                text = "\n".join(inputs.values())
                entries.append(
                    (
                        self._take("timeline"),
                        case_id,
                        EntryKind.STATUS,
                        actor.id,
                        loader.ts(moment),
                        text,
                        step.public,
                        step.name,
                        state,
                        step.target,
                        number + 2,
                        loader.js({"status": [state, step.target], "inputs": inputs}),
                    )
                )
                self.chain.add(
                    moment,
                    (
                        actor,
                        step.action_name,
                        case_id,
                        repr_text,
                        {"status": state, "version": number + 1},
                        {"status": step.target, "version": number + 2},
                        text,
                        os.urandom(16).hex(),
                    ),
                )
                state = step.target
            if plan.detail is not None and not is_mission:
                self._detail(plan, case_id, agency, details, created)
            if is_mission:
                self._mission(
                    case_id,
                    created,
                    steps,
                    trip,
                    countries,
                    agency,
                    people,
                    missions,
                    members,
                    destinations,
                    budget,
                )
        loader.insert(
            self.models["case"],
            (
                "id",
                "reference",
                "case_type",
                "status",
                "is_open",
                "agency_id",
                "division_id",
                "assignee_id",
                "priority",
                "due_date",
                "title",
                "version",
                "verification_code",
                "created_by_id",
                "updated_by_id",
                "created_at",
                "updated_at",
            ),
            cases,
        )
        loader.insert(
            self.models["timeline"],
            (
                "id",
                "case_id",
                "kind",
                "actor_id",
                "created_at",
                "text",
                "is_public",
                "transition",
                "from_status",
                "to_status",
                "version",
                "changes",
            ),
            entries,
        )
        loader.insert(
            self.models["mission"],
            (
                "id",
                "case_id",
                "purpose",
                "departure_date",
                "return_date",
                "inviter_name",
                "inviter_country",
                "inviter_kind",
                "out_of_plan_reason",
                "funding_source",
                "disclosure_start",
                "disclosure_end",
                "disclosure_place",
                "confirmed_by_id",
                "confirmed_at",
                "filed_on",
                "approved_at",
                "returned_on",
                "report_due",
                "report",
                "report_submitted_at",
            ),
            missions,
        )
        loader.insert(
            self.models["member"],
            ("id", "mission_id", "traveller_id", "is_leader", "role", "sort_order"),
            members,
        )
        loader.insert(
            self.models["destination"],
            ("id", "mission_id", "sort_order", "country", "city", "arrive_on", "leave_on", "tasks"),
            destinations,
        )
        loader.insert(
            self.models["budget"],
            (
                "id",
                "mission_id",
                "category",
                "country",
                "currency",
                "amount",
                "amount_rmb",
                "persons",
                "days",
            ),
            budget,
        )
        for plan in self.plans:
            if plan.detail is not None and plan.detail.model in details:
                loader.insert(plan.detail.model, plan.detail.names, details[plan.detail.model])
        self.count.cases += len(cases)
        self.count.timeline += len(entries)
        self.count.missions += len(missions)
        self.count.members += len(members)
        self.count.destinations += len(destinations)
        self.count.budget += len(budget)

    def _mission(
        self,
        case_id: int,
        created: float,
        steps: list[tuple[Any, float]],
        trip: tuple[float, float],
        countries: list[tuple[str, str, str]],
        agency: Any,
        people: list[Person],
        missions: list[tuple[Any, ...]],
        members: list[tuple[Any, ...]],
        destinations: list[tuple[Any, ...]],
        budget: list[tuple[Any, ...]],
    ) -> None:
        loader, rng = self.loader, self.rng
        at = {step.name: moment for step, moment in steps}

        day = utc_date

        def when(name: str) -> Any:
            return loader.ts(at[name]) if name in at else None

        approved = at.get("approve") or at.get("record_province_approval")
        departure = (
            day(at["depart"])
            if "depart" in at
            else day((approved or created + 30 * DAY) + trip[0] * DAY)
        )
        days = max(1, round(trip[1]))
        back = departure + datetime.timedelta(days=days - 1)
        returned = day(at["register_return"]) if "register_return" in at else None
        filed = at.get("submit")
        signatory = next((p for p in people if "signatory" in p.roles), people[0])
        mission_id = self._take("mission")
        missions.append(
            (
                mission_id,
                case_id,
                "落实双方合作备忘录，开展工作会谈和实地考察。",
                loader.d(departure),
                loader.d(back),
                f"{countries[0][1]}市政府国际交流部门",
                countries[0][0],
                "counterpart",
                "年中新增的合作任务",
                "部门预算",
                loader.d(day(created - 20 * DAY)),
                loader.d(day(created - 6 * DAY)),
                "单位内网公示栏",
                signatory.id if filed else None,
                loader.ts(filed - 3600) if filed else None,
                loader.d(day(filed)) if filed else None,
                loader.ts(approved) if approved else None,
                loader.d(returned),
                loader.d(returned + datetime.timedelta(days=30)) if returned else None,
                "圆满完成出访任务。" if "submit_report" in at else "",
                when("submit_report"),
            )
        )
        self.recent_missions.setdefault(agency.pk, collections.deque(maxlen=50)).append(mission_id)
        self.any_mission.append(mission_id)
        pool = self.travellers[agency.pk]
        size = rng.randint(2, min(6, len(pool)))
        for order, traveller in enumerate(rng.sample(pool, size)):
            members.append(
                (
                    self._take("member"),
                    mission_id,
                    traveller,
                    order == 0,
                    "团长" if order == 0 else rng.choice(ROLES_IN_DELEGATION),
                    order,
                )
            )
        span = max(1, days // len(countries))
        for order, (code, city, _name) in enumerate(countries):
            arrive = departure + datetime.timedelta(days=order * span)
            destinations.append(
                (
                    self._take("destination"),
                    mission_id,
                    order,
                    code,
                    city,
                    loader.d(arrive),
                    loader.d(min(back, arrive + datetime.timedelta(days=span))),
                    "工作会谈、实地考察",
                )
            )
        for category in ("international_fares", "lodging"):
            amount = rng.randint(2, 40) * 1000
            budget.append(
                (
                    self._take("budget"),
                    mission_id,
                    category,
                    countries[0][0],
                    "CNY",
                    f"{amount}.00",
                    f"{amount}.00",
                    size,
                    days,
                )
            )

    def _detail(
        self,
        plan: TypePlan,
        case_id: int,
        agency: Any,
        details: dict[Any, list[tuple[Any, ...]]],
        created: float,
    ) -> None:
        """The detail row of another area's case: its case, required links, nothing else."""
        detail = plan.detail
        assert detail is not None
        values: list[Any] = [detail.next_id, case_id]
        detail.next_id += 1
        for _name, related in detail.links:
            if related is self.models["mission"]:
                # Requests follow missions: link one of the agency's recent missions.
                recent = self.recent_missions.get(agency.pk) or self.any_mission
                values.append(self.rng.choice(recent) if recent else None)
            else:
                values.append(self.rng.choice(detail.choices[related]))
        if detail.extra:
            values.extend(AREA_FIELDS[plan.kind.code][1](self.rng, created, self.loader))
        details.setdefault(detail.model, []).append(tuple(values))

    def save_counters(self) -> None:
        for (case_type, year), number in self.numbers.items():
            self.counters_model.objects.update_or_create(
                case_type=case_type, year=year, defaults={"last_number": number}
            )


def creation_moments(n: int, now: int, rng: random.Random) -> list[int]:
    """``n`` filing times over the last two years, growing with time, oldest first."""
    span = YEARS * 365 * DAY
    start = now - span
    # The square root gives a density rising linearly: the bureau handles more each month.
    return sorted(int(start + span * rng.random() ** 0.5) for _ in range(n))


# Load mode ------------------------------------------------------------------------------------


def begin_load(loader: Loader) -> None:
    if loader.vendor == "sqlite":
        raw = loader.connection.connection
        raw.execute("PRAGMA synchronous=OFF")
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA cache_size=-2000000")
        raw.execute("PRAGMA temp_store=MEMORY")


def end_load(loader: Loader) -> None:
    from django.core.management.color import no_style

    from waishi.audit.models import AuditEvent
    from waishi.cases.models import Case, CaseName, TimelineEntry
    from waishi.missions.models import (
        BudgetLine,
        Destination,
        Mission,
        MissionMember,
    )
    from waishi.registers.models import Person as Traveller

    if loader.vendor == "sqlite":
        raw = loader.connection.connection
        raw.execute("PRAGMA synchronous=NORMAL")
        raw.execute("PRAGMA cache_size=-2000")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        # No ANALYZE: the product never gathers SQLite planner statistics, so the benchmark
        # measures the plans a database filled by the product gets.
        return
    models = [AuditEvent, Case, TimelineEntry, Mission, MissionMember, Destination, BudgetLine]
    with loader.connection.cursor() as cursor:
        for statement in loader.connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    # Every table written here, travellers and passports included, gets its statistics now:
    # autovacuum would gather them on a live server in time, but not before the first run.
    tables = {model._meta.db_table for model in models} | set(loader.rows)
    tables.add(Traveller._meta.db_table)
    tables.add(CaseName._meta.db_table)
    raw = loader.connection.connection
    with raw.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"VACUUM ANALYZE {table}")


# Main -----------------------------------------------------------------------------------------


def generate(db: str, n: int, *, seed: int, batch_size: int) -> dict[str, Any]:
    import django
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import translation

    django.setup()
    translation.activate("zh-hans")
    started = time.monotonic()
    log(f"{db}: migrating")
    call_command("migrate", verbosity=0, interactive=False)
    log("loading the demo organisation and website")
    try:
        call_command("demo", verbosity=0)
    except Exception as error:
        # The organisation, its people and the website come first in the demo; a later area's
        # demo failing does not stop the benchmark, but it is said plainly.
        log(f"WARNING: the demo loader failed part-way ({type(error).__name__}: {error})")

    from waishi.cases.models import Case

    marker = marker_file(db, n)
    if marker.exists():
        log(f"{marker.name} says this database is already generated")
        return dict(json.loads(marker.read_text()))
    have = Case.objects.count()
    if have > DEMO_CASES_AT_MOST:
        raise SystemExit(
            f"The database holds {have} cases from an unfinished run: rerun with --reset."
        )
    rng = random.Random(seed)
    agencies, weights, agency_people, leaders = load_world(rng)
    loader = Loader()
    plans = plan_types(agency_people, leaders, loader)
    log(f"case types: {', '.join(p.kind.code for p in plans)}; agencies: {len(agencies)}")
    per_agency = max(12, int(n * TRAVELLERS_PER_CASE / len(agencies)))
    travellers = make_travellers(agencies, per_agency, rng)

    begin_load(loader)
    chain = AuditChain(loader)
    writer = CaseWriter(loader, chain, plans, agencies, weights, agency_people, travellers, rng)
    now = int(time.time()) - 60
    moments = creation_moments(n, now, rng)
    n -= have
    log(f"writing {n} cases in batches of {batch_size}")
    for start in range(0, n, batch_size):
        chunk = moments[start : start + batch_size]
        following = moments[start + batch_size] if start + batch_size < n else now
        with transaction.atomic():
            writer.batch(chunk, now)
            chain.flush(following)
        done = start + len(chunk)
        if done % (batch_size * 10) == 0 or done == n:
            rate = done / (time.monotonic() - started)
            log(f"{done} cases, {chain.written} audit events ({rate:,.0f} cases/s)")
    with transaction.atomic():
        chain.finish()
        writer.save_counters()
    log("naming the delegation members in their cases (the name search's table)")
    with transaction.atomic():
        from waishi.missions.names import rebuild_case_names

        log(f"  {rebuild_case_names()} names in cases")
    for table, spent in sorted(loader.seconds.items(), key=lambda item: -item[1]):
        log(f"  {table}: {loader.rows[table]} rows in {spent:.1f} s")
    log("finishing: statistics and sequences")
    end_load(loader)
    seconds = round(time.monotonic() - started, 1)
    counts = writer.count
    log(
        f"done in {seconds} s: {counts.cases} cases, {counts.timeline} timeline entries, "
        f"{chain.written} audit events, {counts.members} delegation members"
    )
    summary = {
        "database": db,
        "cases": counts.cases + have,
        "timeline_entries": counts.timeline,
        "audit_events": chain.written,
        "missions": counts.missions,
        "delegation_members": counts.members,
        "destinations": counts.destinations,
        "budget_lines": counts.budget,
        "travellers": sum(len(v) for v in travellers.values()),
        "seconds": seconds,
        "finished_at": datetime.datetime.now(UTC).isoformat(timespec="seconds"),
    }
    marker.write_text(json.dumps(summary, indent=2))
    return summary


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=common.DATABASES, default="sqlite")
    parser.add_argument("--n", type=int, default=1_000_000, help="number of cases")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--batch", type=int, default=20_000, help="cases per transaction")
    parser.add_argument("--reset", action="store_true", help="start from an empty database")
    args = parser.parse_args(list(argv) if argv is not None else None)
    prepare_database(args.db, args.n, reset=args.reset)
    common.apply_environment(args.db, args.n)
    summary = generate(args.db, args.n, seed=args.seed, batch_size=args.batch)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
