"""Checking an uploaded file before it is stored: real type, matching name, size.

The type is read from the file's content (``puremagic``), never from the browser's claim,
and the file name's extension must agree with it: a renamed executable or a spreadsheet
called ``.pdf`` is refused. DOCX and XLSX are ZIP containers, so they are told apart by the
part names inside the archive.
"""

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

import puremagic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# extension -> content type for every kind of file the bureau accepts.
ALLOWED: dict[str, str] = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    size: int
    sha256: str


def max_upload_bytes() -> int:
    return int(getattr(settings, "WAISHI_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES))


def _sniff(head: bytes, stream: IO[bytes]) -> str | None:
    """The extension the content really has, among the allowed ones, or ``None``."""
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if head.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if head.startswith(b"PK\x03\x04"):
        stream.seek(0)
        try:
            with zipfile.ZipFile(stream) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in names:
            if any(n.startswith("word/") for n in names):
                return ".docx"
            if any(n.startswith("xl/") for n in names):
                return ".xlsx"
        return None
    # Anything else: ask puremagic for the record, so the refusal can name what it is.
    try:
        guessed = puremagic.from_string(head)
    except puremagic.PureError:
        return None
    return guessed if guessed in ALLOWED else None


def check_upload(upload: IO[bytes], name: str, size: int | None = None) -> CheckedFile:
    """Check an uploaded file; raise ``ValidationError`` with a translated message if refused."""
    extension = PurePath(name).suffix.lower()
    if extension not in ALLOWED:
        raise ValidationError(
            _("Files of this kind cannot be attached. Allowed: PDF, JPEG, PNG, DOCX, XLSX."),
            code="type",
        )
    limit = max_upload_bytes()
    upload.seek(0, 2)
    real_size = upload.tell()
    if real_size > limit or (size is not None and size > limit):
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(real_size), "limit": filesizeformat(limit)},
            code="size",
        )
    if real_size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    upload.seek(0)
    head = upload.read(4096)
    sniffed = _sniff(head, upload)
    if sniffed is None:
        raise ValidationError(
            _("The content of “%(name)s” is not a PDF, JPEG, PNG, DOCX or XLSX file.")
            % {"name": name},
            code="content",
        )
    if ALLOWED[sniffed] != ALLOWED[extension]:
        raise ValidationError(
            _("“%(name)s” is named as %(declared)s but its content is %(actual)s.")
            % {
                "name": name,
                "declared": extension[1:].upper(),
                "actual": sniffed[1:].upper(),
            },
            code="mismatch",
        )
    upload.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: upload.read(1024 * 1024), b""):
        digest.update(chunk)
    upload.seek(0)
    return CheckedFile(
        name=PurePath(name).name[:200],
        content_type=ALLOWED[extension],
        size=real_size,
        sha256=digest.hexdigest(),
    )
