"""Moving the missions' and passports' rules into the kernel keeps every recorded pointer.

The test walks the migrations back to before the move, makes the kernel's table already hold
an id that a missions rule uses (so that version must get a new id), and migrates forward: a
verdict, an override and an agency lock must still name a version with the same code, value
and citation as the one they applied. It reads every model from the migration state, so it
imports no area app.
"""

import datetime
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("cases", "0003_case_names"),
    ("missions", "0009_case_names"),
    ("passports", "0004_travel_bars"),
]
KERNEL_ONLY = [("cases", "0005_rules"), *BEFORE[1:]]
AFTER = [
    ("cases", "0005_rules"),
    ("missions", "0010_rules_to_kernel"),
    ("passports", "0005_rules_to_kernel"),
]
DAY = datetime.date(2026, 3, 1)


def migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def facts(rule: Any) -> tuple[Any, ...]:
    return (rule.code, rule.value, rule.citation, rule.effective_from)


def old_data(apps: Any) -> dict[str, Any]:
    """Rules in the old tables and records pointing at them, as they were before the move."""
    MissionRule = apps.get_model("missions", "Rule")
    CustodyRule = apps.get_model("passports", "CustodyRule")
    Agency = apps.get_model("accounts", "Agency")
    User = apps.get_model("accounts", "User")
    Case = apps.get_model("cases", "Case")
    Mission = apps.get_model("missions", "Mission")
    Verdict = apps.get_model("missions", "Verdict")
    Override = apps.get_model("missions", "Override")
    AgencyLock = apps.get_model("passports", "AgencyLock")
    MissionRule.objects.update(supersedes=None)
    MissionRule.objects.all().delete()
    CustodyRule.objects.all().delete()
    common = {"jurisdiction": "national", "severity": "block", "effective_from": DAY}
    # Both old tables use ids 1 and 2, as they do after the seed migrations.
    size = MissionRule.objects.create(
        pk=1, code="delegation_size", value=6, citation="中办发", **common
    )
    sites = MissionRule.objects.create(
        pk=2, code="tourist_sites", value=0, citation="不得参观景点", rank="", **common
    )
    MissionRule.objects.filter(pk=2).update(supersedes_id=1)
    CustodyRule.objects.create(
        pk=1, code="return_days", value={"days": 7}, citation="7日", **common
    )
    lock_rule = CustodyRule.objects.create(
        pk=2, code="reminders_before_lock", value={"count": 3}, citation="3次", **common
    )
    agency = Agency.objects.create(
        code="rules-migration", name_zh_hans="市教育局", kind="municipal_agency"
    )
    user = User.objects.create(username="rules-migration", full_name="陈科长")
    case = Case.objects.create(
        reference="CG-2026-99999", case_type="CG", status="submitted", agency=agency, title="出访"
    )
    mission = Mission.objects.create(case=case)
    verdict = Verdict.objects.create(
        mission=mission,
        checked_on=DAY,
        recorded_by=user,
        stage="submit",
        violations=[
            {"rule_code": "tourist_sites", "rule_version_id": 2, "message_key": "tourist_sites"},
            {"rule_code": "delegation_size", "rule_version_id": 1, "message_key": "x"},
        ],
    )
    override = Override.objects.create(
        verdict=verdict,
        rule_code="tourist_sites",
        message_key="tourist_sites",
        rule_version_id=2,
        reason="特殊情况",
        officer=user,
    )
    lock = AgencyLock.objects.create(
        agency=agency, locked_on=DAY, reason="逾期未交回", rule=lock_rule
    )
    return {
        "verdict": (verdict.pk, [facts(sites), facts(size)]),
        "override": (override.pk, facts(sites)),
        "lock": (lock.pk, facts(lock_rule)),
    }


@pytest.mark.django_db(transaction=True)
def test_recorded_verdicts_overrides_and_locks_keep_their_rule_versions() -> None:
    try:
        before = old_data(migrate(BEFORE))
        # The kernel's table already holds id 2 (say another area's rule moved first).
        apps = migrate(KERNEL_ONLY)
        apps.get_model("cases", "Rule").objects.create(
            pk=2, area="elsewhere", code="x", value=1, citation="x", effective_from=DAY
        )
        apps = migrate(AFTER)
        Rule = apps.get_model("cases", "Rule")
        verdict_id, verdict_facts = before["verdict"]
        verdict = apps.get_model("missions", "Verdict").objects.get(pk=verdict_id)
        pointed = [Rule.objects.get(pk=v["rule_version_id"]) for v in verdict.violations]
        assert [facts(r) for r in pointed] == verdict_facts
        assert {r.area for r in pointed} == {"missions"}
        assert pointed[0].pk != 2 and pointed[0].supersedes_id == pointed[1].pk == 1
        override_id, override_facts = before["override"]
        override = apps.get_model("missions", "Override").objects.get(pk=override_id)
        assert facts(Rule.objects.get(pk=override.rule_version_id)) == override_facts
        lock_id, lock_facts = before["lock"]
        lock = apps.get_model("passports", "AgencyLock").objects.get(pk=lock_id)
        assert facts(lock.rule) == lock_facts and lock.rule.area == "passports"
        assert lock.rule.unit == "times"
        assert Rule.objects.filter(area="passports").count() == 2
        # A new rule after the move takes an id no moved version holds.
        fresh = Rule.objects.create(area="x", code="y", value=1, citation="z", effective_from=DAY)
        assert fresh.pk > max(Rule.objects.exclude(pk=fresh.pk).values_list("pk", flat=True))
        # And back: the old tables hold the versions again, the lock still names its own.
        apps = migrate(BEFORE)
        lock = apps.get_model("passports", "AgencyLock").objects.get(pk=lock_id)
        assert facts(lock.rule) == lock_facts
        assert apps.get_model("missions", "Rule").objects.count() == 2
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
