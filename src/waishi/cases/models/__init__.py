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
    ReminderMark,
    TimelineEntry,
    attachment_path,
    new_verification_code,
    private_storage,
)
from .steps import ExternalStep

__all__ = [
    "Attachment",
    "Case",
    "CaseName",
    "ExportJob",
    "ExternalStep",
    "IdempotencyKey",
    "PrivateStorage",
    "ReferenceCounter",
    "ReminderMark",
    "TimelineEntry",
    "attachment_path",
    "new_verification_code",
    "private_storage",
]
