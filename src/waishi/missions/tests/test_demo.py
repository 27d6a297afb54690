"""The missions demo: the education bureau's scenarios, and two years of the city's missions
recorded as history, loaded once."""

import random
from io import StringIO

import pytest

from waishi.accounts import demo as accounts_demo
from waishi.audit.models import AuditEvent
from waishi.cases.models import Rule
from waishi.core.validators import is_fictitious_resident_id
from waishi.missions import demo
from waishi.missions.constants import Rank
from waishi.missions.demo_data import FILERS, STATES
from waishi.missions.guards import missing_parts
from waishi.missions.models import AnnualPlan, ApprovalDocument, Mission
from waishi.missions.workflow import WORKFLOW
from waishi.registers.models import Person

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_with_two_years_of_missions_in_every_state() -> None:
    out = StringIO()
    accounts_demo.load(stdout=out, rng=random.Random(1))
    demo.load(stdout=out, rng=random.Random(1))
    counts = (Mission.objects.count(), Person.objects.count(), AuditEvent.objects.count())
    demo.load(stdout=out, rng=random.Random(1))
    assert (
        Mission.objects.count(),
        Person.objects.count(),
        AuditEvent.objects.count(),
    ) == counts

    # The education bureau's scenarios are as they were.
    education = Mission.objects.filter(case__agency__code="education")
    assert sorted(education.values_list("case__status", flat=True)) == [
        "approved",
        "draft",
        "submitted",
    ]
    filed = education.get(case__status="submitted")
    assert [v["rule_code"] for v in filed.verdicts.get().violations] == ["tourist_sites"]
    assert Person.objects.get(name="单志远").passport_name == "SHAN, ZHIYUAN"

    # About three hundred missions of the filing agencies, in every state of the workflow.
    history = Mission.objects.filter(case__agency__code__in=[f[0] for f in FILERS])
    assert history.count() == sum(STATES.values())
    assert set(history.values_list("case__status", flat=True)) == set(WORKFLOW.states)
    assert history.values("case__agency").distinct().count() >= 25
    assert AuditEvent.objects.filter(action="missions.mission.record_past").count() == sum(
        STATES.values()
    )
    # Registers of every filing agency, with demo ID numbers only.
    for code, *_rest in FILERS:
        people = Person.objects.filter(agency__code=code)
        assert people.count() >= 6
        assert all(is_fictitious_resident_id(p.id_number) for p in people)
    assert AnnualPlan.objects.filter(agency__code__in=[f[0] for f in FILERS]).exists()
    # No PDF was drawn while loading: approval documents are drawn on first download.
    documents = ApprovalDocument.objects.filter(mission__in=history)
    assert documents.count() > 150 and not documents.exclude(file="").exists()
    # The demo's per-day caps are a warning and say they are not the annex's figures.
    caps = (
        Rule.objects.filter(area="missions", code="budget_caps").order_by("-effective_from").first()
    )
    assert caps is not None and caps.value and caps.severity == "warning"
    assert "figures to be confirmed against the annex" in caps.citation

    # Every demo sign-in the demo prints is in the sign-ins file, each agency's liaison too.
    listed = accounts_demo.logins_file().read_text(encoding="utf-8")
    for code, *_rest in FILERS:
        assert f"liaison.{code} " in listed
    assert listed.count("liaison.commerce ") == 1

    # Open recorded cases can be acted on: filed ones are assigned, complete ones have their
    # invitation letter, and those the agency must act on again can be filed again.
    open_cases = history.filter(case__is_open=True).exclude(case__status="draft")
    assert open_cases.exists()
    assert not open_cases.filter(case__assignee__isnull=True).exists()
    assert not open_cases.filter(invitation_letter__isnull=True).exists()
    assert {
        m.case.assignee.username
        for m in open_cases.filter(case__status="leader_approval").select_related("case__assignee")
    } == {"leader"}
    returned = open_cases.filter(case__status="returned").first()
    assert returned is not None and missing_parts(returned) == []

    # The rank ladder of a prefecture-level city: bureau heads 正处级, vice mayors 副厅级.
    assert Person.objects.get(name="单志远").rank == Rank.ZHENG_CHU
    assert Person.objects.get(name="曾晓燕").rank == Rank.FU_CHU
    vice_mayors = Person.objects.filter(post="副市长", agency__code__in=("investment", "drc"))
    assert set(vice_mayors.values_list("rank", flat=True)) == {Rank.FU_TING}
