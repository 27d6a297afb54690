"""Checks before a trip: the right document, enough validity, endorsements and stays."""

import datetime
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from waishi.cases.models import Rule
from waishi.core.validators import DocumentKind
from waishi.missions.models import Mission
from waishi.passports.checks import check_mission_documents
from waishi.passports.constants import (
    TO_OBTAIN,
    DocumentStatus,
    EndorsementKind,
    EndorsementValidity,
    Severity,
)
from waishi.passports.models import HolderFlag, TravelBar

from .factories import DocumentFactory, TravellerFactory, endorse, make_mission

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 6, 1)
PASS = DocumentKind.HK_MACAO_OFFICIAL_PASS


def findings_for(agency: Any, person: Any, **kwargs: Any) -> list[Any]:
    mission = make_mission(agency=agency, travellers=[person], departure=START, **kwargs)
    return check_mission_documents(mission)


def test_a_member_with_a_valid_passport_passes(agency: Any) -> None:
    person = TravellerFactory(agency=agency)
    DocumentFactory(holder=person)
    assert findings_for(agency, person, days=5) == []


def test_a_member_without_an_official_passport_is_listed_not_blocked(agency: Any) -> None:
    # Official passports are issued for an approved mission: none yet is no block.
    person = TravellerFactory(agency=agency, name="王五")
    findings = findings_for(agency, person, days=5)
    assert [f.severity for f in findings] == [TO_OBTAIN]
    assert "王五" in findings[0].message and not findings[0].is_block


def test_a_cancelled_or_lost_passport_does_not_count(agency: Any) -> None:
    person = TravellerFactory(agency=agency)
    DocumentFactory(holder=person, status=DocumentStatus.LOST)
    DocumentFactory(holder=person, status=DocumentStatus.CANCELLED)
    assert [f.severity for f in findings_for(agency, person, days=5)] == [TO_OBTAIN]


def test_a_pass_is_not_a_passport_for_a_trip_abroad(agency: Any) -> None:
    person = TravellerFactory(agency=agency)
    DocumentFactory(holder=person, kind=PASS)
    assert [f.severity for f in findings_for(agency, person, days=5)] == [TO_OBTAIN]


def test_a_passport_expiring_within_six_months_of_the_return_is_a_block(agency: Any) -> None:
    person = TravellerFactory(agency=agency)
    # The trip ends on 5 June 2026; the passport expires on 4 December 2026, one day short.
    DocumentFactory(holder=person, expiry_date=datetime.date(2026, 12, 4))
    findings = findings_for(agency, person, days=5)
    assert [f.severity for f in findings] == [Severity.BLOCK]
    assert "2026-12-04" in findings[0].message and "广东省" in findings[0].citation


def test_a_passport_expiring_during_the_trip_is_a_block(agency: Any) -> None:
    person = TravellerFactory(agency=agency)
    DocumentFactory(holder=person, expiry_date=datetime.date(2026, 6, 3))
    assert [f.severity for f in findings_for(agency, person, days=5)] == [Severity.BLOCK]


def test_the_expiry_margin_is_a_warning_where_only_the_national_rule_binds(
    agency: Any,
) -> None:
    Rule.objects.filter(area="passports", code="expiry_margin", jurisdiction="province").update(
        active=False
    )
    person = TravellerFactory(agency=agency)
    DocumentFactory(holder=person, expiry_date=datetime.date(2026, 12, 4))
    assert [f.severity for f in findings_for(agency, person, days=5)] == [Severity.WARNING]


def test_a_passport_expiring_exactly_six_months_after_the_return_passes(agency: Any) -> None:
    person = TravellerFactory(agency=agency)
    DocumentFactory(holder=person, expiry_date=datetime.date(2026, 12, 5))
    assert findings_for(agency, person, days=5) == []


def test_hong_kong_needs_a_visit_endorsement_listed_until_there_is_one(agency: Any) -> None:
    person = TravellerFactory(agency=agency)
    document = DocumentFactory(holder=person, kind=PASS)
    findings = findings_for(agency, person, days=4, countries=["HK"])
    assert [f.severity for f in findings] == [TO_OBTAIN]
    endorse(document, valid_from=START, validity=EndorsementValidity.THREE_MONTHS_SINGLE)
    assert findings_for(agency, person, days=4, countries=["HK"]) == []


@pytest.mark.parametrize(
    "kind", [EndorsementKind.STUDY, EndorsementKind.RESIDENT, EndorsementKind.WORK]
)
def test_an_endorsement_of_another_kind_does_not_serve_an_official_visit(
    agency: Any, kind: str
) -> None:
    person = TravellerFactory(agency=agency, name="赵六")
    document = DocumentFactory(holder=person, kind=PASS)
    endorsement = endorse(
        document, valid_from=START, validity=EndorsementValidity.ONE_YEAR_MULTIPLE
    )
    endorsement.kind = kind
    endorsement.save()
    (finding,) = findings_for(agency, person, days=4, countries=["HK"])
    assert finding.is_block and "赵六" in finding.message and "签注" in finding.citation
    # A visit endorsement beside it serves.
    endorse(document, valid_from=START, validity=EndorsementValidity.THREE_MONTHS_SINGLE)
    assert findings_for(agency, person, days=4, countries=["HK"]) == []


def test_an_endorsement_that_ends_during_the_trip_does_not_cover_it(agency: Any) -> None:
    person = TravellerFactory(agency=agency)
    document = DocumentFactory(holder=person, kind=PASS)
    endorse(
        document,
        valid_from=START - datetime.timedelta(days=89),
        validity=EndorsementValidity.THREE_MONTHS_MULTIPLE,
    )
    findings = findings_for(agency, person, days=4, countries=["HK"])
    assert [f.severity for f in findings] == [TO_OBTAIN]


def test_a_used_single_entry_endorsement_does_not_cover_another_entry(agency: Any) -> None:
    person = TravellerFactory(agency=agency)
    document = DocumentFactory(holder=person, kind=PASS)
    endorsement = endorse(
        document, valid_from=START, validity=EndorsementValidity.THREE_MONTHS_SINGLE
    )
    endorsement.entries_used = 1
    endorsement.save()
    assert len(findings_for(agency, person, days=4, countries=["MO"])) == 1


def test_two_entries_need_an_endorsement_with_two_entries_left(agency: Any) -> None:
    person = TravellerFactory(agency=agency)
    document = DocumentFactory(holder=person, kind=PASS)
    endorse(document, valid_from=START, validity=EndorsementValidity.THREE_MONTHS_SINGLE)
    stops = [
        ("HK", START, START + datetime.timedelta(days=1)),
        ("MO", START + datetime.timedelta(days=2), START + datetime.timedelta(days=3)),
    ]
    findings = findings_for(agency, person, days=4, stops=stops)
    assert len(findings) == 1
    endorse(document, valid_from=START, validity=EndorsementValidity.THREE_MONTHS_DOUBLE)
    assert findings_for(agency, person, days=4, stops=stops) == []


def test_a_stay_longer_than_thirty_days_is_blocked(agency: Any) -> None:
    person = TravellerFactory(agency=agency)
    document = DocumentFactory(holder=person, kind=PASS)
    endorse(document, valid_from=START, validity=EndorsementValidity.ONE_YEAR_MULTIPLE)
    assert findings_for(agency, person, days=30, countries=["HK"]) == []
    findings = findings_for(agency, person, days=31, countries=["HK"])
    assert len(findings) == 1 and "31" in findings[0].message and findings[0].citation


def test_the_stay_limit_names_hong_kong_as_official_usage_requires(agency: Any) -> None:
    person = TravellerFactory(agency=agency)
    document = DocumentFactory(holder=person, kind=PASS)
    endorse(document, valid_from=START, validity=EndorsementValidity.ONE_YEAR_MULTIPLE)
    with translation.override("en"):
        (finding,) = findings_for(agency, person, days=31, countries=["HK"])
        assert "in Hong Kong, China;" in finding.message
    with translation.override("zh-hans"):
        (finding,) = findings_for(agency, person, days=31, countries=["HK"])
        assert "中国香港" in finding.message and "HK" not in finding.message


def test_a_trip_to_germany_and_hong_kong_needs_both_documents(agency: Any) -> None:
    person = TravellerFactory(agency=agency)
    DocumentFactory(holder=person)
    findings = findings_for(agency, person, days=6, countries=["DE", "HK"])
    assert [f.severity for f in findings] == [TO_OBTAIN]


def test_a_flag_for_a_lost_passport_is_a_warning_and_a_bar_a_block(agency: Any) -> None:
    person = TravellerFactory(agency=agency)
    DocumentFactory(holder=person)
    HolderFlag.objects.create(holder=person, reason="遗失护照")
    assert [f.severity for f in findings_for(agency, person, days=5)] == [Severity.WARNING]
    TravelBar.objects.create(holder=person, reason="遗失护照", barred_at=timezone.now())
    assert [f.severity for f in findings_for(agency, person, days=5)] == [
        Severity.BLOCK,
        Severity.WARNING,
    ]


def test_the_check_runs_a_fixed_number_of_queries(agency: Any) -> None:
    def mission_of(size: int) -> Any:
        people = [TravellerFactory(agency=agency) for _ in range(size)]
        for person in people:
            document = DocumentFactory(holder=person, kind=PASS)
            endorse(document, valid_from=START, validity=EndorsementValidity.ONE_YEAR_MULTIPLE)
        return make_mission(
            agency=agency, travellers=people, departure=START, days=3, countries=["HK"]
        )

    small, large = mission_of(1), mission_of(6)
    counts = []
    for mission in (small, large):
        fresh = Mission.objects.get(pk=mission.pk)
        with CaptureQueriesContext(connection) as captured:
            assert check_mission_documents(fresh) == []
        counts.append(len(captured))
    assert counts[0] == counts[1]
