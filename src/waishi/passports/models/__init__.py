"""The passports area's tables: the document register, custody, issuance requests, visas."""

from .bars import TravelBar
from .custody import CustodyReminder, HandOut
from .documents import Endorsement, HolderFlag, LossReport, TravelDocument
from .history import DocumentEvent
from .issuance import IssuanceItem, IssuanceRequest
from .visas import (
    DispatchEntry,
    VisaApplication,
    VisaNote,
    VisaNoteTemplate,
    VisaRequirement,
)

__all__ = [
    "CustodyReminder",
    "DispatchEntry",
    "DocumentEvent",
    "Endorsement",
    "HandOut",
    "HolderFlag",
    "IssuanceItem",
    "IssuanceRequest",
    "LossReport",
    "TravelBar",
    "TravelDocument",
    "VisaApplication",
    "VisaNote",
    "VisaNoteTemplate",
    "VisaRequirement",
]
