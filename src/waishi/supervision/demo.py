"""Demo data: the discipline division's officer, inspections opened from the breaches the
other areas' demo data show, and last year's report to the provincial office, sent.

Runs after the areas that report breaches (missions, passports, visits). Loaded once.
"""

import datetime
import random
from typing import Any, TextIO

from django.core.exceptions import ValidationError
from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.models import Division, User
from waishi.cases.actions import do_transition
from waishi.cases.breaches import BreachQuery, find_breaches

from . import actions
from .constants import CASE_TYPE, DIVISION
from .models import Inspection, Report

ORDER = 70
USERNAME = "discipline"
DEMO_PASSWORD = "Zhaoqing-Demo-2026"


def _user(username: str, role: str, stdout: TextIO) -> User | None:
    found = User.objects.filter(username=username).first()
    if found is not None:
        return found
    division = Division.objects.filter(code=DIVISION).first()
    if division is None:
        stdout.write("supervision: the discipline division is missing, skipped\n")
        return None
    from waishi.accounts.actions import do_create_user

    return do_create_user(
        actor=None,
        username=username,
        password=DEMO_PASSWORD,
        full_name="黄纪检",
        roles={role},
        must_change_password=False,
        division=division,
    )


def load(*, stdout: TextIO, rng: random.Random) -> None:
    if Inspection.objects.exists():
        return
    officer = _user(USERNAME, Role.DIVISION_OFFICER, stdout)
    inspector = User.objects.filter(username="inspector").first()
    if officer is None or inspector is None:
        return
    breaches = [b for b in find_breaches(BreachQuery()) if b.agency_id is not None]
    rng.shuffle(breaches)
    opened: list[Any] = []
    for breach in breaches[:3]:
        try:
            opened.append(actions.do_open_inspection(actor=inspector, breach_uid=breach.uid))
        except ValidationError as error:
            stdout.write(f"supervision: {breach.uid} skipped ({error})\n")
    if opened:
        case = do_transition(
            case=opened[0],
            transition="record_findings",
            actor=officer,
            inputs={"findings": "经核查，单位未按规定时限履行相关义务，情况属实。"},
        )
        actions.do_take_measure(
            actor=officer, case=case, kind="talk", note="与单位分管领导进行提醒谈话。"
        )
        do_transition(
            case=case,
            transition="require_rectification",
            actor=officer,
            inputs={"requirements": "建立台账，明确专人负责，按期报送整改情况。"},
        )
    year = timezone.localdate().year - 1
    if not Report.objects.filter(year=year, period=0).exists():
        leader = User.objects.filter(username="director").first()
        if leader is not None:
            report = actions.do_create_report(actor=leader, year=year, period=0)
            actions.do_send_report(
                actor=leader,
                report=report,
                sent_on=datetime.date(year + 1, 1, 20),
                their_reference=f"肇外侨〔{year + 1}〕3号",
                summary=f"{year}年全市外事工作总结及统计。",
                expected_version=report.version,
            )
    stdout.write(
        f"supervision: {len(opened)} inspections ({CASE_TYPE}), report {year} sent; "
        f"division officer: {USERNAME}\n"
    )
