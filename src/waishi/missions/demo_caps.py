"""Per-day caps of lodging, meals and incidentals for the places the demo missions visit.

The national table is the annex of 财行〔2013〕516号 (临时出国人员费用开支标准表), per country and
city, in local currency. The figures below are **illustrative demo figures**, not copied
from the annex: they have not been checked against it and must be replaced by the annex's
figures before any production use. The demo adds them as a new version of the rule with
severity *warning* and says so in its citation, so nothing presents them as authoritative.
"""

import datetime
from typing import Any

from django.utils import timezone

from waishi.cases.models import Rule
from waishi.cases.rule_actions import do_add_rule_version

from .constants import RULE_AREA, RuleCode, Severity

CITATION = (
    "财政部、外交部《因公临时出国经费管理办法》（财行〔2013〕516号）附件《临时出国人员费用开支标准表》："
    "住宿费、伙食费、公杂费按出访国家（地区）和城市的标准执行。"
    "【演示数据】本版本金额为示意数字，尚未与附件核对，投入使用前须按附件逐项核对并更正"
    "（figures to be confirmed against the annex before production use）。"
)

# {country: {"currency", "lodging", "meals", "incidentals", "cities": {city: {...}}}}
CAPS: dict[str, dict[str, Any]] = {
    "US": {
        "currency": "USD",
        "lodging": 200,
        "meals": 75,
        "incidentals": 35,
        "cities": {
            "New York": {"lodging": 320},
            "San Francisco": {"lodging": 280},
            "Boston": {"lodging": 270},
        },
    },
    "CA": {
        "currency": "CAD",
        "lodging": 220,
        "meals": 80,
        "incidentals": 40,
        "cities": {"Vancouver": {"lodging": 260}, "Toronto": {"lodging": 260}},
    },
    "GB": {
        "currency": "GBP",
        "lodging": 160,
        "meals": 55,
        "incidentals": 30,
        "cities": {"London": {"lodging": 240}},
    },
    "FR": {
        "currency": "EUR",
        "lodging": 170,
        "meals": 60,
        "incidentals": 35,
        "cities": {"Paris": {"lodging": 250}},
    },
    "DE": {
        "currency": "EUR",
        "lodging": 160,
        "meals": 55,
        "incidentals": 35,
        "cities": {
            "Munich": {"lodging": 200},
            "Berlin": {"lodging": 200},
            "Hamburg": {"lodging": 180},
        },
    },
    "IT": {
        "currency": "EUR",
        "lodging": 160,
        "meals": 55,
        "incidentals": 35,
        "cities": {"Milan": {"lodging": 200}},
    },
    "NL": {
        "currency": "EUR",
        "lodging": 170,
        "meals": 60,
        "incidentals": 35,
        "cities": {"Amsterdam": {"lodging": 220}},
    },
    "CH": {
        "currency": "CHF",
        "lodging": 250,
        "meals": 90,
        "incidentals": 50,
        "cities": {"Geneva": {"lodging": 300}},
    },
    "IL": {"currency": "USD", "lodging": 200, "meals": 65, "incidentals": 35},
    "AE": {"currency": "USD", "lodging": 220, "meals": 70, "incidentals": 35},
    "JP": {
        "currency": "JPY",
        "lodging": 18000,
        "meals": 7000,
        "incidentals": 4000,
        "cities": {"Tokyo": {"lodging": 25000}, "Osaka": {"lodging": 21000}},
    },
    "KR": {
        "currency": "KRW",
        "lodging": 200000,
        "meals": 70000,
        "incidentals": 40000,
        "cities": {"Seoul": {"lodging": 260000}},
    },
    "SG": {"currency": "SGD", "lodging": 280, "meals": 90, "incidentals": 50},
    "MY": {"currency": "MYR", "lodging": 450, "meals": 150, "incidentals": 80},
    "TH": {"currency": "THB", "lodging": 4000, "meals": 1500, "incidentals": 800},
    "VN": {"currency": "USD", "lodging": 120, "meals": 45, "incidentals": 25},
    "AU": {
        "currency": "AUD",
        "lodging": 260,
        "meals": 90,
        "incidentals": 50,
        "cities": {"Sydney": {"lodging": 320}, "Melbourne": {"lodging": 300}},
    },
    "NZ": {"currency": "NZD", "lodging": 250, "meals": 90, "incidentals": 50},
    "BR": {"currency": "USD", "lodging": 170, "meals": 60, "incidentals": 30},
    "ZA": {"currency": "USD", "lodging": 150, "meals": 55, "incidentals": 30},
    "HK": {"currency": "HKD", "lodging": 1300, "meals": 400, "incidentals": 200},
    "MO": {"currency": "MOP", "lodging": 1200, "meals": 380, "incidentals": 200},
}


def load_caps(*, actor: Any) -> Rule | None:
    """Add the demo caps as a new version of the rule, once; None when already there.

    The version comes into force on 1 January two years back, so it covers every demo
    mission, and supersedes the empty seeded table (which then ends the day before).
    """
    current = (
        Rule.objects.filter(
            area=RULE_AREA, code=RuleCode.BUDGET_CAPS, jurisdiction="national", rank=""
        )
        .order_by("-effective_from")
        .first()
    )
    if current is not None and current.value:
        return None
    start = datetime.date(timezone.localdate().year - 2, 1, 1)
    return do_add_rule_version(
        actor=actor,
        area=RULE_AREA,
        code=RuleCode.BUDGET_CAPS,
        value=CAPS,
        severity=Severity.WARNING,
        effective_from=start,
        citation=CITATION,
        supersedes=current,
    )
