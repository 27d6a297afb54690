"""Demo data: a year of rights-protection complaints at every stage.

Every petitioner is made up: surnames and given names are drawn from short lists and put
together at random; phone numbers are fictitious. Runs after the accounts and applicants
demos and adds the Division of Overseas Chinese Affairs' officer and head who handle them.
"""

import datetime
import random
from typing import Any, TextIO

from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.models import Agency, Division, User
from waishi.cases.actions import do_transition

from .actions import (
    PetitionerIn,
    PetitionIn,
    do_file_petition_online,
    do_record_petition,
    do_record_satisfaction,
)
from .constants import CASE_TYPE, DIVISION, Category, Channel, RightsArea, Satisfaction
from .models import Petition

ORDER = 70
DEMO_PASSWORD = "Zhaoqing-Demo-2026"
USERS = [
    ("petitions", Role.DIVISION_OFFICER, "梁侨安"),
    ("petitions.head", Role.DIVISION_HEAD, "何卫侨"),
]

SURNAMES = ["梁", "黄", "陈", "李", "何", "冯", "邓", "苏", "叶", "罗"]
GIVEN = ["秀英", "伟明", "志坚", "丽华", "国强", "美玲", "建华", "少芬", "永康", "玉珍"]
# (department as the petitioner names it, agency code or "", what they ask)
MATTERS: list[tuple[str, str, str, str]] = [
    (RightsArea.HOUSING, "端州区住房和城乡建设局", "", "祖传侨房被他人长期占用，请求依法腾退。"),
    (RightsArea.EXPROPRIATION, "高要区房屋征收办公室", "", "侨房征收未书面通知海外产权人。"),
    (RightsArea.REMITTANCE, "某银行肇庆分行", "", "侨汇入账延迟，请求协调。"),
    (RightsArea.INVESTMENT, "四会市市场监督管理局", "", "侨资企业遭重复检查，请求规范执法。"),
    (RightsArea.EDUCATION, "肇庆市教育局", "education", "华侨子女入学未享受照顾政策。"),
    (RightsArea.EXIT, "市公安局出入境管理支队", "", "出境探亲申请办理时间过长。"),
    (RightsArea.PENSION, "市人力资源和社会保障局", "", "定居国外后养老金领取资格认证困难。"),
    (RightsArea.GRAVES, "广宁县某镇人民政府", "", "祖坟因工程建设被迁移未予补偿。"),
    (RightsArea.HOMESTEAD, "鼎湖区某村民委员会", "", "归侨宅基地被村集体收回。"),
]
CHANNELS = [Channel.LETTER, Channel.LETTER, Channel.VISIT, Channel.TELEPHONE]
CATEGORIES = [Category.CLAIM, Category.CLAIM, Category.CLAIM, Category.ACCUSATION]
CATEGORIES += [Category.SUGGESTION]


def _users(stdout: TextIO) -> dict[str, User] | None:
    division = Division.objects.filter(code=DIVISION).first()
    if division is None:
        stdout.write("petitions: the Division of Overseas Chinese Affairs is missing, skipped\n")
        return None
    from waishi.accounts.actions import do_create_user

    found: dict[str, User] = {}
    for username, role, name in USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = do_create_user(
                actor=None,
                username=username,
                password=DEMO_PASSWORD,
                full_name=name,
                roles={role},
                must_change_password=False,
                division=division,
            )
            stdout.write(f"petitions: demo user {username} ({Role(role).label}, {division}).\n")
        found[role] = user
    return found


def _petitioner(rng: random.Random) -> PetitionerIn:
    return PetitionerIn(
        name=rng.choice(SURNAMES) + rng.choice(GIVEN),
        sex=rng.choice(["male", "female"]),
        date_of_birth=datetime.date(
            rng.randint(1940, 1990), rng.randint(1, 12), rng.randint(1, 28)
        ),
        phone=f"1380000{rng.randint(1000, 9999)}",
        nationalities=rng.choice(["CN", "CN", "CN", "MY"]),
    )


def _advance(case: Any, officer: User, head: User, rng: random.Random, age: int) -> None:
    """Take the complaint as far as ``age`` days allow, each step on a plausible day."""
    received = case.petition.received_on

    def on(days: int) -> str:
        return (received + datetime.timedelta(days=days)).isoformat()

    def run(name: str, actor: User = officer, **inputs: str) -> Any:
        return do_transition(case=case, transition=name, actor=actor, inputs=inputs)

    if age < 8:
        return
    branch = rng.random()
    if branch < 0.1:
        run("decline", reason="该事项属司法程序，请依法向人民法院提起诉讼。")
        return
    extended = False
    if branch < 0.3:
        case = run("transfer", to=f"{case.petition.against_name}的上级主管部门", on=on(6))
    else:
        case = run("accept", on=on(rng.randint(3, 7)))
        if age > 55 and rng.random() < 0.5:
            extended = True
            case = run("extend", actor=head, days="30", reason="需现场核查产权资料，延期办理。")
    replied = 80 if extended else 45
    if age < replied + 3:
        return
    opinion = "经调查核实，支持信访人的合理诉求，已督促有关部门依法处理。"
    case = run("reply", opinion=opinion, on=on(replied))
    do_record_satisfaction(
        case=case,
        actor=officer,
        satisfaction=rng.choice([Satisfaction.SATISFIED] * 3 + [Satisfaction.DISSATISFIED]),
    )
    if age > replied + 25 and rng.random() < 0.5:
        case = run("request_review", on=on(replied + 20), body="肇庆市人民政府")
        if age < replied + 50:
            return
        case = run(
            "record_review", result="upheld", opinion="维持原处理意见。", on=on(replied + 45)
        )
        if age > replied + 70 and rng.random() < 0.5:
            body = "广东省人民政府侨务办公室"
            case = run("request_rereview", on=on(replied + 65), body=body)
            if age > replied + 95:
                run("record_rereview", result="upheld", opinion="维持。", on=on(replied + 90))
            return
        if age > replied + 80:
            run("close")
        return
    if age > replied + 35:
        run("close")


def load(*, stdout: TextIO, rng: random.Random) -> None:
    if Petition.objects.exists():
        return
    users = _users(stdout)
    if users is None:
        return
    officer, head = users[Role.DIVISION_OFFICER], users[Role.DIVISION_HEAD]
    today = timezone.localdate()
    agencies = {a.code: a for a in Agency.objects.filter(code__in=["education"])}
    made = 0
    for index in range(36):
        age = rng.randint(1, 200)
        area, against, agency_code, request = MATTERS[index % len(MATTERS)]
        channel = rng.choice(CHANNELS)
        case = do_record_petition(
            actor=officer,
            petition=PetitionIn(
                channel=channel,
                category=rng.choice(CATEGORIES),
                rights_area=area,
                received_on=today - datetime.timedelta(days=age),
                request=f"{request}（演示案例，虚构）",
                against_name=against,
                against_agency=agencies.get(agency_code),
                people_count=rng.randint(1, 5) if channel == Channel.VISIT else 1,
            ),
            petitioner=_petitioner(rng),
        )
        _advance(case, officer, head, rng, age)
        made += 1
    applicant = User.objects.filter(username="13800000001").first()
    if applicant is not None:
        do_file_petition_online(
            actor=applicant,
            petition=PetitionIn(
                channel=Channel.ONLINE,
                category=Category.CLAIM,
                rights_area=RightsArea.INVESTMENT,
                received_on=today,
                request="企业利润汇出手续被无故拖延。（演示案例，虚构）",
                against_name="某区商务局",
            ),
            petitioner=PetitionerIn(
                name="陈丽华", sex="female", date_of_birth=datetime.date(1979, 5, 12)
            ),
        )
        made += 1
    stdout.write(f"petitions: {made} demo complaints of type {CASE_TYPE}.\n")
