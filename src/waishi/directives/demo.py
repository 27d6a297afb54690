"""Demo data: directives to the ten county-level offices with some replies in, tasks from
above at every stage, and a few briefs sent to the leaders.

Runs after the accounts demo (the bureau, its divisions and leaders, the counties). It adds
the offices of the two zones (the high-tech zone and the new area) so that the ten county-level
units the bureau supervises are all there, and a county officer for each office (the accounts
demo's ``county`` works for Sihui). Idempotent: it does nothing once its directives exist.
"""

import datetime
import random
from typing import Any, TextIO

from django.utils import timezone

from waishi.accounts.actions import do_create_user
from waishi.accounts.constants import AgencyKind, Role
from waishi.accounts.models import Agency, Division, Leader, User
from waishi.cases.actions import do_transition
from waishi.cases.clocks import move_clock
from waishi.core.chinese import to_traditional

from .actions import (
    do_add_task_report,
    do_extend_task,
    do_open_directive,
    do_open_task,
    do_reply,
    do_review_brief,
    do_submit_brief,
    do_write_brief,
)
from .constants import REPLY_CLOCK, BriefRegion, DirectiveKind, TaskSource
from .models import CountyReply, Directive

ORDER = 70
DEMO_PASSWORD = "Zhaoqing-Demo-2026"

# The two zones' offices: (code, parent code, parent kind, parent Simplified name, English,
# office Simplified name, English).
ZONES = [
    (
        "gaoxin-fao",
        "gaoxin",
        AgencyKind.COUNTY_GOVERNMENT,
        "肇庆高新技术产业开发区管理委员会",
        "Zhaoqing High-tech Industrial Development Zone Administrative Committee",
        "肇庆高新区外事办公室",
        "Zhaoqing High-tech Zone Foreign Affairs Office",
    ),
    (
        "xinqu-fao",
        "xinqu",
        AgencyKind.COUNTY_GOVERNMENT,
        "肇庆新区管理委员会",
        "Zhaoqing New Area Administrative Committee",
        "肇庆新区外事办公室",
        "Zhaoqing New Area Foreign Affairs Office",
    ),
]

REPLIES = [
    "上半年全县共审核因公出国（境）团组{n}批，均按规定报批；外事纪律教育已覆盖全部出访人员。",
    "我区按通知要求开展了因公证照集中保管自查，未发现逾期未交情况。",
    "上半年接待外宾团组{n}批，礼品均按规定登记上交。",
]


def load(*, stdout: TextIO, rng: random.Random) -> None:
    officer = User.objects.filter(username="officer").first()
    head = User.objects.filter(username="head").first()
    leader = User.objects.filter(username="leader").first()
    if officer is None or head is None or leader is None:
        stdout.write("directives: the demo staff are missing, skipped\n")
        return
    offices = _county_offices(rng)
    if Directive.objects.exists():
        return
    today = timezone.localdate()
    _directives(officer, head, offices, today, rng)
    _tasks(officer, leader, today)
    _briefs(officer, head)
    stdout.write(f"directives: 3 directives to {len(offices)} county offices, 4 tasks, 4 briefs\n")


def _county_offices(rng: random.Random) -> list[Agency]:
    for code, parent_code, kind, parent, parent_en, name, name_en in ZONES:
        owner, _ = Agency.objects.get_or_create(
            code=parent_code,
            defaults={
                "kind": kind,
                "name_zh_hans": parent,
                "name_zh_hant": to_traditional(parent),
                "name_en": parent_en,
                "sort_order": 900,
            },
        )
        Agency.objects.get_or_create(
            code=code,
            defaults={
                "kind": AgencyKind.COUNTY_FAO,
                "parent": owner,
                "name_zh_hans": name,
                "name_zh_hant": to_traditional(name),
                "name_en": name_en,
                "sort_order": owner.sort_order + 1,
            },
        )
    offices = list(
        Agency.objects.filter(kind=AgencyKind.COUNTY_FAO, is_active=True).order_by(
            "sort_order", "pk"
        )
    )
    surnames = "陈李黄梁何罗谢冯邓苏"
    for n, office in enumerate(offices):
        if User.objects.filter(agency=office, role_grants__role=Role.COUNTY_OFFICER).exists():
            continue
        do_create_user(
            actor=None,
            username=f"county.{office.code.removesuffix('-fao')}",
            password=DEMO_PASSWORD,
            full_name=surnames[n % len(surnames)] + rng.choice("晓志海") + rng.choice("明华军"),
            roles={Role.COUNTY_OFFICER},
            must_change_password=False,
            agency=office,
        )
    return offices


def _officer_of(office: Agency) -> User:
    found = (
        User.objects.filter(agency=office, role_grants__role=Role.COUNTY_OFFICER)
        .order_by("pk")
        .first()
    )
    assert found is not None
    return found


def _issue(officer: Any, head: Any, offices: list[Agency], **fields: Any) -> Any:
    case = do_open_directive(actor=officer, counties=offices, **fields)
    return do_transition(case=case, transition="issue", actor=head)


def _directives(
    officer: Any, head: Any, offices: list[Agency], today: datetime.date, rng: random.Random
) -> None:
    # The half-year summaries: due a week ago; seven offices replied, three are late.
    summary = _issue(
        officer,
        head,
        offices,
        title="关于报送2026年上半年外事工作总结的通知",
        kind=DirectiveKind.HALF_YEAR_REPORT,
        document_number="肇外侨〔2026〕31号",
        body=(
            "各县（市、区）外事部门：\n请于截止日期前报送本地区2026年上半年外事工作总结，内容包括"
            "因公出国（境）管理、外宾接待、涉外案件处置和外事纪律执行情况。"
        ),
        reply_due=today + datetime.timedelta(days=20),
        report_year=today.year,
    )
    due = today - datetime.timedelta(days=7)
    Directive.objects.filter(case=summary).update(reply_due=due)
    replies = list(
        CountyReply.objects.filter(directive__case=summary)
        .select_related("case", "county")
        .order_by("county__sort_order", "county_id")
    )
    for reply in replies:
        move_clock(reply.case, REPLY_CLOCK, due_on=due, record=False)
    # Sihui (the demo county officer's office) is among the late ones.
    late = {r.pk for r in replies if r.county.code == "sihui-fao"}
    late |= {r.pk for r in replies[-2:]}
    for reply in replies:
        if reply.pk in late:
            continue
        text = rng.choice(REPLIES).format(n=rng.randint(2, 9))
        do_reply(actor=_officer_of(reply.county), case=reply.case, text=text)
    # Guidance on county missions: due in ten days, four replies in so far.
    guidance = _issue(
        officer,
        head,
        offices,
        title="关于加强县级因公出国（境）团组审核管理的工作指导",
        kind=DirectiveKind.GUIDANCE,
        document_number="肇外侨〔2026〕40号",
        body=(
            "为规范县级因公临时出国（境）管理，请各地对照通知要求开展自查，"
            "并于截止日期前报送自查情况及整改措施。"
        ),
        reply_due=today + datetime.timedelta(days=10),
    )
    for reply in CountyReply.objects.filter(directive__case=guidance).select_related(
        "case", "county"
    )[:4]:
        do_reply(actor=_officer_of(reply.county), case=reply.case, text="已完成自查，未发现问题。")
    # The annual summaries, written but not yet issued.
    do_open_directive(
        actor=officer,
        title="关于报送2026年度外事工作总结和2027年工作计划的通知",
        kind=DirectiveKind.ANNUAL_REPORT,
        document_number="",
        body="请各县（市、区）外事部门报送2026年度外事工作总结和2027年工作计划。",
        reply_due=today + datetime.timedelta(days=30),
        counties=offices,
        report_year=today.year,
    )


def _tasks(officer: Any, leader: Any, today: datetime.date) -> None:
    helpers = list(Division.objects.filter(code__in=("hk-macao", "passport-visa")))
    # A key task whose reply waits for the deputy in charge.
    waiting = do_open_task(
        actor=officer,
        title="2026年粤港澳合作重点工作任务（出入境便利化）进展情况",
        source=TaskSource.PROVINCIAL_FAO,
        document_number="粤外办函〔2026〕112号",
        document_date=today - datetime.timedelta(days=20),
        asked="报送本市落实粤港澳大湾区公务人员往来便利化措施的进展情况及存在问题。",
        due_on=today + datetime.timedelta(days=3),
        helpers=helpers,
        key_task=True,
    )
    do_add_task_report(actor=officer, case=waiting, text="已会同港澳事务科召开专题会议，收集数据。")
    do_transition(
        case=waiting,
        transition="submit_reply",
        actor=officer,
        inputs={"reply": "我市已落实出入境便利化各项措施，2026年办理赴港澳公务团组112批次。"},
    )
    # A task of the city government, extended.
    extended = do_open_task(
        actor=officer,
        title="市领导出访成果落实情况统计",
        source=TaskSource.CITY_GOVERNMENT,
        document_number="肇府办函〔2026〕218号",
        asked="统计2025年以来市领导出访所签协议的落实情况。",
        due_on=today + datetime.timedelta(days=2),
    )
    do_extend_task(
        actor=officer,
        case=extended,
        new_due=today + datetime.timedelta(days=12),
        reason="市府办同意延期十天（电话记录）",
    )
    # A task of the city Party committee, due tomorrow.
    do_open_task(
        actor=officer,
        title="外事纪律专项检查自查报告",
        source=TaskSource.CITY_PARTY_COMMITTEE,
        document_number="肇委办〔2026〕57号",
        asked="报送本单位外事纪律执行情况自查报告。",
        due_on=today + datetime.timedelta(days=1),
    )
    # A task whose approved reply was sent up to the province.
    sent = do_open_task(
        actor=officer,
        title="因公证照集中保管情况季度报告",
        source=TaskSource.PROVINCIAL_FAO,
        document_number="粤外办函〔2026〕87号",
        asked="报送第三季度因公证照集中保管情况。",
        due_on=today + datetime.timedelta(days=5),
    )
    sent = do_transition(
        case=sent, transition="submit_reply", actor=officer, inputs={"reply": "第三季度无逾期。"}
    )
    sent = do_transition(case=sent, transition="approve_reply", actor=leader)
    do_transition(case=sent, transition="send_up", actor=officer)


def _briefs(officer: Any, head: Any) -> None:
    leaders = {leader.name_en: leader for leader in Leader.objects.filter(user__isnull=False)}
    concerned = [leaders[n] for n in ("Lin Jie", "Li Xinjian") if n in leaders]
    items = [
        (
            "香港特区政府公布新一轮“优秀人才入境计划”调整措施",
            BriefRegion.HONG_KONG,
            "香港特区政府新闻公报",
            "香港特区政府宣布调整优才计划评分标准，新增大湾区工作经历加分项。",
            "我市赴港交流人员和企业人才流动或受影响。",
            "建议通报市人社局、市投促局关注。",
        ),
        (
            "澳门特区推出横琴跨境公务往来新便利措施",
            BriefRegion.MACAO,
            "澳门特区政府新闻局",
            "澳门与横琴就公务人员往来推出预约通关等便利措施。",
            "可为我市赴澳公务团组行程安排提供参考。",
            "",
        ),
        (
            "德国下萨克森州拟于明年组团访问广东",
            BriefRegion.INTERNATIONAL,
            "驻广州总领馆通报",
            "下萨克森州经济部长拟于明年上半年率经贸代表团访问广东省。",
            "该州为我市友好交流城市所在州，可争取安排来访。",
            "建议对外联络科与省外办沟通接待安排。",
        ),
    ]
    for title, region, source, summary, relevance, action in items:
        brief = do_write_brief(
            actor=officer,
            title=title,
            region=region,
            source=source,
            summary=summary,
            relevance=relevance,
            suggested_action=action,
            leaders=concerned,
        )
        do_submit_brief(actor=officer, brief=brief)
        do_review_brief(actor=head, brief=brief, approve=True)
    do_write_brief(
        actor=officer,
        title="东盟国家公务签证政策变化汇总",
        region=BriefRegion.INTERNATIONAL,
        source="外交部领事服务网",
        summary="多国调整了对持公务护照人员的签证政策。",
        relevance="影响我市因公出访团组的签证办理。",
        leaders=concerned,
    )
