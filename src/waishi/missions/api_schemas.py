"""What the missions API reads and writes (``api.py``), as django-ninja schemas.

Bounds on numbers and lengths are part of the contract: a value outside them is a 422 before
anything is looked up, so no request can reach the database with a number it cannot store.
"""

import datetime
from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, Schema

from .constants import ActivityKind, BudgetCategory, HalfDay, InviterKind

# Row ids and versions as JavaScript clients can hold them exactly.
Id = Annotated[int, Field(ge=1, le=2**53)]
Version = Annotated[int, Field(ge=0, le=2**31 - 1)]
Text = Annotated[str, Field(max_length=5000)]
Line = Annotated[str, Field(max_length=200)]
City = Annotated[str, Field(max_length=100)]
CountryCode = Annotated[str, Field(max_length=2, description="ISO 3166 code, e.g. DE, HK")]
Amount = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
Count = Annotated[int, Field(ge=1, le=999)]
# Dates of a mission lie within this century; anything else is a typing error.
Day = Annotated[datetime.date, Field(ge=datetime.date(2000, 1, 1), le=datetime.date(2099, 12, 31))]


# Writing ---------------------------------------------------------------------------------------
class MissionCreateIn(Schema):
    title: Annotated[str, Field(min_length=1, max_length=200)]


class BasicsIn(Schema):
    purpose: Text = ""
    academic_exchange: bool = False
    departure_date: Day | None = None
    return_date: Day | None = None
    planned_mission: Id | None = Field(
        None, description="Id of an entry of the agency's annual plan (GET /missions/planned)."
    )
    out_of_plan_reason: Text = ""


class MemberIn(Schema):
    traveller: Id = Field(..., description="Id in the agency's register (GET /travellers).")
    leader: bool = False
    role: Annotated[str, Field(max_length=60)] = ""


class DestinationIn(Schema):
    country: Annotated[str, Field(min_length=2, max_length=2)]
    city: City = ""
    arrive_on: Day | None = None
    leave_on: Day | None = None
    transit: bool = False
    airside_only: bool = Field(False, description="A transit stop without leaving the airport.")
    tasks: Text = ""


class ItineraryItemIn(Schema):
    date: Day
    half: HalfDay
    city: City = ""
    activity: Annotated[str, Field(min_length=1, max_length=300)]
    kind: ActivityKind = ActivityKind.OFFICIAL


class InviterIn(Schema):
    name: Line = ""
    country: CountryCode = ""
    contact: Line = ""
    relation: Annotated[str, Field(max_length=300)] = ""
    kind: InviterKind | None = None


class BudgetLineIn(Schema):
    category: BudgetCategory
    country: CountryCode = ""
    city: City = ""
    currency: Annotated[str, Field(min_length=3, max_length=3)] = "CNY"
    amount: Amount
    amount_rmb: Amount
    persons: Count = 1
    days: Count = 1
    note: Line = ""


class BudgetIn(Schema):
    lines: Annotated[list[BudgetLineIn], Field(max_length=60)] = []
    funding_source: Line = ""


class DisclosureIn(Schema):
    start: Day | None = None
    end: Day | None = None
    place: Line = ""
    feedback: Text = ""


class MissionPatchIn(Schema):
    """Any parts of the application; each part given replaces that part as a whole."""

    expected_version: Version = Field(..., description="The application's `version` as read.")
    basics: BasicsIn | None = None
    members: Annotated[list[MemberIn], Field(max_length=30)] | None = None
    destinations: Annotated[list[DestinationIn], Field(max_length=20)] | None = None
    itinerary: Annotated[list[ItineraryItemIn], Field(max_length=240)] | None = None
    inviter: InviterIn | None = None
    budget: BudgetIn | None = None
    disclosure: DisclosureIn | None = None


class ConfirmIn(Schema):
    expected_version: Version = Field(..., description="The application's `version` as read.")


class SubmitIn(Schema):
    expected_version: Version | None = Field(
        None, description="The case's `case_version` as read; a changed case answers 409."
    )


# Reading ---------------------------------------------------------------------------------------
class ViolationOut(Schema):
    rule_code: str
    field: str
    severity: str
    message: str
    citation: str
    rule_version_id: int | None


class RecordedViolationOut(ViolationOut):
    accepted_by: str | None = None
    accepted_reason: str | None = None


class CheckOut(Schema):
    """The live check: what is missing before filing, and the rules broken if filed today."""

    missing: list[str]
    violations: list[ViolationOut]


class VerdictOut(Schema):
    """The check recorded at filing; warnings show who accepted them."""

    checked_on: datetime.date
    recorded_at: datetime.datetime
    stage: str
    violations: list[RecordedViolationOut]


class MemberOut(Schema):
    traveller: int
    name: str
    passport_name: str
    post: str
    rank: str
    leader: bool
    role: str


class DestinationOut(Schema):
    country: str
    city: str
    arrive_on: datetime.date | None
    leave_on: datetime.date | None
    transit: bool
    airside_only: bool
    tasks: str


class ItineraryItemOut(Schema):
    date: datetime.date
    half: str
    city: str
    activity: str
    kind: str


class InviterOut(Schema):
    name: str
    country: str
    contact: str
    relation: str
    kind: str
    letter: bool
    translation: bool


class BudgetLineOut(Schema):
    category: str
    country: str
    city: str
    currency: str
    amount: Decimal
    amount_rmb: Decimal
    persons: int
    days: int
    note: str


class BudgetOut(Schema):
    funding_source: str
    total_rmb: Decimal
    lines: list[BudgetLineOut]


class BasicsOut(Schema):
    purpose: str
    academic_exchange: bool
    departure_date: datetime.date | None
    return_date: datetime.date | None
    planned_mission: int | None
    out_of_plan_reason: str


class DisclosureOut(Schema):
    start: datetime.date | None
    end: datetime.date | None
    place: str
    feedback: str


class DocumentOut(Schema):
    number: str
    version: int
    ready: bool
    superseded: bool
    url: str


class MissionOut(Schema):
    reference: str
    title: str
    status: str
    status_label: str
    agency: dict[str, Any]
    version: int = Field(..., description="The application's version: send it to PATCH.")
    case_version: int = Field(..., description="The case's version: send it to /submit.")
    editable: bool
    basics: BasicsOut
    members: list[MemberOut]
    destinations: list[DestinationOut]
    itinerary: list[ItineraryItemOut]
    inviter: InviterOut
    budget: BudgetOut
    disclosure: DisclosureOut
    confirmed_at: datetime.datetime | None
    filed_on: datetime.date | None
    check: CheckOut | None = Field(None, description="While editable: the live check.")
    verdict: VerdictOut | None
    documents: list[DocumentOut]


class FilingOut(Schema):
    reference: str
    status: str
    status_label: str
    case_version: int
    verdict: VerdictOut


class TravellerOut(Schema):
    id: int
    name: str
    passport_name: str
    sex: str
    date_of_birth: datetime.date
    id_number: str = Field(..., description="Masked.")
    post: str
    rank: str
    agency_leader: bool
    academic: bool
    active: bool


class TravellerPage(Schema):
    items: list[TravellerOut]
    next: str | None


class PlannedMissionOut(Schema):
    id: int
    year: int
    month: int
    countries: list[str]
    purpose: str
    size: int
