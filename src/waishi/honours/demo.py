"""Demo data: two past rounds of the award and the current one, with made-up nominees.

Every person is fictitious: names are made up for the demo and match no real person. Runs
after the accounts demo (divisions, agencies) and the portal demo (the notices section),
and adds the Overseas Chinese Affairs Division's officer and head who keep the award.
"""

import datetime
import random
from decimal import Decimal
from typing import Any, TextIO

from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.models import Agency, Division, User
from waishi.cases.actions import do_transition
from waishi.cases.constants import StepStatus
from waishi.cases.models import ExternalStep
from waishi.cases.steps import do_record_answer

from .actions import (
    NominationIn,
    NomineeIn,
    do_change_status,
    do_close_call,
    do_file_nomination,
    do_open_round,
    do_publish_notice,
    do_record_ceremony,
    do_record_contact,
)
from .constants import FOREIGN_DIVISION, OVERSEAS_DIVISION, CitizenStatus, ExclusionGround
from .models import HonoraryCitizen, HonoraryRound

ORDER = 70
DEMO_PASSWORD = "Zhaoqing-Demo-2026"
USERS = [
    ("qiaowu", "邝慧敏", Role.DIVISION_OFFICER, OVERSEAS_DIVISION),
    ("qiaowu.head", "梁志远", Role.DIVISION_HEAD, OVERSEAS_DIVISION),
    ("waishi.head", "谭振华", Role.DIVISION_HEAD, FOREIGN_DIVISION),
]

# (name, foreign name, sex, born, nationalities, kind, organisation, criteria, donations,
#  citation, citation in English, listed on the website). Made up for the demo.
PEOPLE = [
    (
        "黄德明",
        "WONG Tak Ming",
        "male",
        1949,
        "MY",
        "overseas_chinese",
        "吉隆坡肇庆同乡会",
        ["philanthropy"],
        "12000000",
        "捐资兴建侨乡学校和医院，热心家乡公益事业",
        "For building schools and a hospital in his home county",
        True,
    ),
    (
        "李嘉文",
        "LEE Ka Man",
        "female",
        1961,
        "CN",
        "hong_kong",
        "香港肇庆工商联合会",
        ["economy", "greater_bay"],
        None,
        "推动肇港经贸合作，引进多个大湾区合作项目",
        "For bringing Greater Bay Area investment to Zhaoqing",
        True,
    ),
    (
        "Martin Keller",
        "KELLER, Martin",
        "male",
        1966,
        "DE",
        "foreign",
        "德国某城市经济促进局",
        ["opening_up"],
        None,
        "促成肇庆与德国城市缔结友好交流关系",
        "For the friendship-city relationship with his home city",
        True,
    ),
    (
        "陈秀英",
        "CHAN Sau Ying",
        "female",
        1955,
        "CN",
        "macao",
        "澳门肇庆同乡会",
        ["philanthropy", "science_culture"],
        "3000000",
        "资助端砚文化传承和青少年交流",
        "For supporting Duanyan inkstone culture and youth exchanges",
        False,
    ),
    (
        "林国栋",
        "LIN Kuo Tung",
        "male",
        1958,
        "CN",
        "taiwan",
        "台商投资企业协会",
        ["economy"],
        None,
        "在肇投资兴业，带动就业",
        "For investment that created local jobs",
        True,
    ),
    (
        "Sophie Laurent",
        "LAURENT, Sophie",
        "female",
        1972,
        "FR",
        "foreign",
        "法国某大学",
        ["science_culture"],
        None,
        "推动肇庆高校国际合作办学",
        "For international cooperation of Zhaoqing's universities",
        True,
    ),
    (
        "吴振邦",
        "NG Chun Pong",
        "male",
        1952,
        "SG",
        "overseas_chinese",
        "新加坡肇庆会馆",
        ["philanthropy"],
        "5000000",
        "设立奖学金资助侨乡学子",
        "For a scholarship fund",
        True,
    ),
    (
        "张丽华",
        "CHEUNG Lai Wah",
        "female",
        1964,
        "CN",
        "hong_kong",
        "香港某科技公司",
        ["science_culture", "greater_bay"],
        None,
        "促成肇港科技合作平台",
        "For a science cooperation platform with Hong Kong",
        True,
    ),
    (
        "Kenji Morita",
        "MORITA, Kenji",
        "male",
        1960,
        "JP",
        "foreign",
        "日本某县友好协会",
        ["opening_up"],
        None,
        "长期推动肇庆与日本友好城市交流",
        "For decades of sister-city exchanges",
        True,
    ),
    (
        "何美玲",
        "HO Mei Ling",
        "female",
        1970,
        "US",
        "overseas_chinese",
        "旧金山肇庆同乡会",
        ["philanthropy"],
        "1500000",
        "热心侨乡扶贫济困",
        "For helping families in need",
        True,
    ),
    (
        "郑家豪",
        "CHENG Ka Ho",
        "male",
        1975,
        "CA",
        "overseas_chinese",
        "温哥华肇庆联谊会",
        ["economy"],
        None,
        "引进先进制造项目",
        "For bringing advanced manufacturing",
        True,
    ),
]


def _users(stdout: TextIO) -> dict[str, User]:
    found = {}
    for username, name, role, code in USERS:
        user = User.objects.filter(username=username).first()
        division = Division.objects.filter(code=code).first()
        if user is None and division is not None:
            from waishi.accounts.actions import do_create_user

            user = do_create_user(
                actor=None,
                username=username,
                password=DEMO_PASSWORD,
                full_name=name,
                roles={role},
                must_change_password=False,
                division=division,
            )
            stdout.write(f"honours: demo user {username} ({division}).\n")
        if user is not None:
            found[username] = user
    return found


def _answer_all(case: Any, actor: Any, on: datetime.date) -> None:
    for step in ExternalStep.objects.filter(case_id=case.pk, status=StepStatus.WAITING):
        do_record_answer(
            case=case,
            step_pk=step.pk,
            actor=actor,
            answered_on=max(on, step.sent_on),
            answer_text="经核查，未发现违法违规记录。",
        )


def _file(round_: HonoraryRound, person: tuple[Any, ...], actor: Any, agency: Any) -> Any:
    (name, foreign, sex, born, nations, kind, org, criteria, donations, cite, cite_en, listed) = (
        person
    )
    return do_file_nomination(
        actor=actor,
        round_=round_,
        agency=agency,
        nominee=NomineeIn(
            name=name,
            foreign_names=foreign,
            sex=sex,
            date_of_birth=datetime.date(born, 5, 1),
            nationalities=nations,
            organisation_name=org,
        ),
        data=NominationIn(
            nominee_type=kind,
            criteria=criteria,
            contribution=f"{cite}。（演示数据，虚构人物）",
            consent_on=round_.call_opened_on + datetime.timedelta(days=20),
            consent_note="被推荐人签署同意书",
            nominator_name=str(agency),
            publish_consent=listed,
            donations=Decimal(donations) if donations else None,
            citation=cite,
            citation_en=cite_en,
        ),
    )


def _worker(case: Any, users: dict[str, User]) -> tuple[User, User]:
    if case.division.code == FOREIGN_DIVISION and "waishi.head" in users:
        return users["waishi.head"], users["waishi.head"]
    return users["qiaowu"], users["qiaowu.head"]


def _run(case: Any, name: str, actor: Any, **inputs: str) -> Any:
    return do_transition(case=case, transition=name, actor=actor, inputs=inputs)


def _to_recommended(case: Any, users: dict[str, User], *, fail: bool = False) -> Any:
    officer, head = _worker(case, users)
    case = _run(case, "start_checks", officer)
    _answer_all(case, officer, timezone.localdate())
    case = _run(case, "pass_review", head, opinion="材料齐全，符合推荐条件。")
    votes = {
        "members": "15",
        "votes_for": "6" if fail else "13",
        "votes_against": "7" if fail else "1",
        "abstentions": "1",
    }
    return _run(case, "record_vote_failed" if fail else "record_vote", officer, **votes)


def _past_round(
    number: int, year: int, people: list[tuple[Any, ...]], users: dict[str, User], agency: Any
) -> HonoraryRound:
    officer = users["qiaowu"]
    round_ = do_open_round(
        actor=officer,
        number=number,
        title=f"第{number}届肇庆市荣誉市民评选",
        title_en=f"Round {number} of the Honorary Citizen of Zhaoqing award",
        call_opened_on=datetime.date(year, 3, 1),
        deadline=timezone.localdate(),
    )
    cases = [_file(round_, person, officer, agency) for person in people]
    # The call is back-dated to its real deadline once the demo's nominations are in.
    HonoraryRound.objects.filter(pk=round_.pk).update(deadline=datetime.date(year, 5, 31))
    round_.refresh_from_db()
    for index, case in enumerate(cases):
        cases[index] = _to_recommended(case, users, fail=index == len(cases) - 1)
    round_ = do_close_call(actor=officer, round_=round_)
    round_ = do_publish_notice(actor=officer, round_=round_, notice_from=datetime.date(year, 7, 1))
    session = datetime.date(year, 10, 28)
    for case in cases[:-1]:
        case.refresh_from_db()
        worker, head = _worker(case, users)
        case = _run(case, "close_notice", worker, objections="公示期间未收到异议。")
        case = _run(
            case,
            "record_meeting",
            worker,
            on=f"{year}-08-20",
            number=f"市政府{year}年第15次常务会议",
        )
        case = _run(
            case, "send_motion", head, motion_on=f"{year}-09-10", session_on=session.isoformat()
        )
        case = _run(
            case,
            "record_decision",
            worker,
            on=session.isoformat(),
            number=f"肇常〔{year}〕{number}号",
        )
    HonoraryRound.objects.filter(pk=round_.pk).update(status="decided")
    for citizen in HonoraryCitizen.objects.filter(nomination__round=round_):
        do_record_ceremony(
            actor=officer,
            citizen=citizen,
            on=datetime.date(year, 11, 18),
            place="肇庆市人民政府礼堂",
        )
    return round_


def load(*, stdout: TextIO, rng: random.Random) -> None:
    if HonoraryRound.objects.exists():
        return
    users = _users(stdout)
    agency = Agency.objects.filter(code="federation-returned").first() or Agency.objects.first()
    if "qiaowu" not in users or "qiaowu.head" not in users or agency is None:
        stdout.write("honours: the Overseas Chinese Affairs Division is missing, skipped\n")
        return
    today = timezone.localdate()
    _past_round(3, today.year - 4, PEOPLE[0:4], users, agency)
    fourth = _past_round(4, today.year - 2, PEOPLE[4:8], users, agency)
    officer = users["qiaowu"]
    for citizen in HonoraryCitizen.objects.select_related("person"):
        do_record_contact(
            actor=officer,
            citizen=citizen,
            contacted_on=today - datetime.timedelta(days=rng.randint(20, 200)),
            channel=rng.choice(["春节慰问信", "登门拜访", "邀请出席侨商大会"]),
        )
    # A revocation, for the register's example (a made-up case).
    revoked = HonoraryCitizen.objects.filter(nomination__round=fourth).order_by("id").last()
    if revoked is not None:
        do_change_status(
            actor=officer,
            citizen=revoked,
            status=CitizenStatus.REVOKED,
            on=today - datetime.timedelta(days=60),
            reason="其经营企业发生重大安全生产事故并被依法处理（演示数据）。",
            ground=ExclusionGround.SAFETY_INCIDENT,
            decision=f"肇常〔{today.year}〕12号",
        )
    # The current round: its call is open and nominations are at their first steps.
    current = do_open_round(
        actor=officer,
        number=5,
        title="第五届肇庆市荣誉市民评选",
        title_en="Round 5 of the Honorary Citizen of Zhaoqing award",
        call_opened_on=today - datetime.timedelta(days=40),
        deadline=today + datetime.timedelta(days=50),
    )
    for index, person in enumerate(PEOPLE[8:]):
        case = _file(current, person, officer, agency)
        worker, _head = _worker(case, users)
        if index == 0:
            _run(case, "start_checks", worker)
    made = HonoraryCitizen.objects.count()
    stdout.write(f"honours: 3 rounds, {made} honorary citizens.\n")
