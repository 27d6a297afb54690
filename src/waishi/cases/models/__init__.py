"""The case kernel's tables, one module per part of the kernel.

Every model is importable from ``waishi.cases.models``; each part keeps its tables in a
module of its own here.
"""

from .case import (
    Attachment,
    Case,
    CaseName,
    ExportJob,
    IdempotencyKey,
    PrivateStorage,
    ReferenceCounter,
    TimelineEntry,
    attachment_path,
    new_verification_code,
    private_storage,
)
from .clock import Clock, ClockReminder
from .document import OfficialDocument
from .rule import Rule
from .standing import Suspension
from .steps import ExternalStep

__all__ = [
    "Attachment",
    "Case",
    "CaseName",
    "Clock",
    "ClockReminder",
    "ExportJob",
    "ExternalStep",
    "IdempotencyKey",
    "OfficialDocument",
    "PrivateStorage",
    "ReferenceCounter",
    "Rule",
    "Suspension",
    "TimelineEntry",
    "attachment_path",
    "new_verification_code",
    "private_storage",
]
