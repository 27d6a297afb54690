"""Official documents: certificates, notices and letters issued from a case.

An area declares each kind of document it issues once, in its ``AppConfig.ready``::

    register_document_kind(DocumentKind(
        code="overseas.identity",
        label=_("Identity certificate of a returned overseas Chinese or relative"),
        number_format=_("Zhao Qiao Identity [%(year)s] No. %(number)s"),
        template="overseas/documents/identity.html",
        public_facts=("name", "purpose"),
    ))

and issues one from an action or a transition effect, inside the change's transaction, with
``issue_document``. Issuing is cheap: the number from the kernel's gapless counter, the facts
the document prints, a public timeline entry and the audit event. Drawing the PDF is not
(WeasyPrint costs about half a second of CPU), so a task queued in the same transaction draws
it once the change has committed, and web processes load WeasyPrint only when a download finds
a document still undrawn.

Anyone holding the paper checks it on the portal by the verification code its QR code
carries. The answer says valid, expired, revoked or superseded, with the kind, number and
dates and the kind's ``public_facts`` only — never the other facts the document prints.
"""

import base64
import datetime
import hashlib
import io
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from waishi.audit.actions import log_action
from waishi.core.tasks import enqueue_in_transaction

from .constants import EntryKind
from .models import Case, OfficialDocument
from .models.document import CODE_ALPHABET, CODE_LENGTH, document_file_path, new_document_code
from .references import next_reference

logger = logging.getLogger(__name__)

# A request to draw a PDF that has not been answered after this long is asked again (the
# worker may have been down); a younger one is left to the worker.
RENDER_RETRY_AFTER = datetime.timedelta(minutes=5)


@dataclass(frozen=True)
class DocumentKind:
    """One kind of official document an area issues."""

    code: str
    label: str | Promise
    # The number as printed, with %(year)s and %(number)s (translated like any string).
    number_format: str | Promise
    # The PDF's body: a template extending "cases/pdf/document.html".
    template: str
    # The facts the portal's verification shows besides kind, number, state and dates: fact
    # names, or (name, label) pairs for a name ``FACT_LABELS`` does not know.
    public_facts: tuple[str | tuple[str, str | Promise], ...] = ()

    @property
    def app_label(self) -> str:
        return self.code.split(".", 1)[0]


_KINDS: dict[str, DocumentKind] = {}

# Labels of the facts documents commonly make public.
FACT_LABELS: dict[str, str | Promise] = {
    "name": pgettext_lazy("document fact", "Name"),
    "holder": pgettext_lazy("document fact", "Holder"),
    "purpose": pgettext_lazy("document fact", "Purpose"),
    "receiving_unit": pgettext_lazy("document fact", "Receiving unit"),
    "donor": pgettext_lazy("document fact", "Donor"),
    "donee": pgettext_lazy("document fact", "Donee"),
    "title": pgettext_lazy("document fact", "Title"),
}


def register_document_kind(kind: DocumentKind) -> None:
    """Declare a kind of document (once, at start-up); a second kind with the code is an error."""
    existing = _KINDS.get(kind.code)
    if existing is not None and existing != kind:
        raise ValueError(f"document kind {kind.code!r} is registered twice")
    _KINDS[kind.code] = kind


def document_kind(code: str) -> DocumentKind | None:
    return _KINDS.get(code)


def document_kinds() -> list[DocumentKind]:
    return list(_KINDS.values())


def issues_documents(case_type: Any) -> bool:
    """Whether cases of ``case_type`` may carry documents (its app declared a kind)."""
    model = getattr(case_type, "detail_model", None)
    if model is None:
        return False
    label = model._meta.app_label
    return any(kind.app_label == label for kind in _KINDS.values())


def verification_url(document: OfficialDocument) -> str:
    """The portal's answer about ``document``: what its QR code holds (absolute)."""
    with translation.override(document.language or settings.LANGUAGE_CODE):
        path = reverse("portal_verify_code", kwargs={"code": document.code})
    return f"{settings.WAISHI_SITE_URL.rstrip('/')}{path}"


def issue_document(
    *,
    case: Case,
    kind: str,
    actor: Any,
    facts: dict[str, Any],
    valid_until: datetime.date | None = None,
    language: str = "zh-hans",
    note: str = "",
) -> OfficialDocument:
    """Number and record a document of ``kind`` for ``case``; call inside the change's transaction.

    The first document of a kind on a case takes the next number of the kind's year; a later
    one is the next version under the same number and supersedes the earlier (a revoked one
    included). The caller has checked the actor's right. The PDF is drawn after the commit.
    """
    spec = _KINDS.get(kind)
    if spec is None:
        raise ValueError(f"unknown document kind {kind!r}")
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("issue_document must run inside the change's transaction")
    now = timezone.now()
    current = (
        OfficialDocument.objects.select_for_update()
        .filter(case=case, kind=kind)
        .order_by("-version")
        .first()
    )
    if current is not None:
        year, sequence, version = current.year, current.sequence, current.version + 1
    else:
        reference = next_reference(f"doc:{kind}", "D", today=timezone.localtime(now).date())
        _prefix, year_text, number_text = reference.split("-")
        year, sequence, version = int(year_text), int(number_text), 1
    from waishi.core.context_processors import current_bureau

    bureau = current_bureau()
    with translation.override(language):
        printed = {"bureau_name": bureau.name if bureau is not None else "", **facts}
    document = _create_with_fresh_code(
        case=case,
        kind=kind,
        year=year,
        sequence=sequence,
        version=version,
        language=language,
        facts=printed,
        valid_until=valid_until,
        issued_at=now,
        issued_by=actor,
        render_requested_at=now,
    )
    OfficialDocument.objects.filter(case=case, kind=kind, superseded_at__isnull=True).exclude(
        pk=document.pk
    ).update(superseded_at=now)
    from .actions import do_add_timeline_entry

    do_add_timeline_entry(
        case=case,
        actor=actor,
        kind=EntryKind.DOCUMENT,
        text=_("%(kind)s %(number)s issued (version %(version)s).")
        % {"kind": spec.label, "number": document.number, "version": version},
        is_public=True,
    )
    log_action(
        action="cases.document.issue",
        actor=actor,
        obj=document,
        after={
            "kind": kind,
            "number": str(document.number),
            "version": version,
            "valid_until": valid_until.isoformat() if valid_until else None,
            **({"note": note} if note else {}),
        },
    )
    _enqueue_render(document.pk)
    return document


def _create_with_fresh_code(**fields: Any) -> OfficialDocument:
    """Insert the row with a new verification code, drawing again on the (rare) collision."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return OfficialDocument.objects.create(code=new_document_code(), **fields)
        except IntegrityError:
            if OfficialDocument.objects.filter(
                kind=fields["kind"],
                year=fields["year"],
                sequence=fields["sequence"],
                version=fields["version"],
            ).exists():
                raise
    raise RuntimeError("no free verification code after five draws")


def revoke_document(*, document: OfficialDocument, actor: Any, reason: str) -> OfficialDocument:
    """Revoke ``document`` with a reason: its verification answers "revoked" from now on.

    Revoking an already revoked document changes nothing. The caller has checked the right.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("a document is revoked with a reason")
    with transaction.atomic():
        locked = OfficialDocument.objects.select_for_update().get(pk=document.pk)
        if locked.revoked_at is not None:
            return locked
        locked.revoked_at = timezone.now()
        locked.revoked_by = actor
        locked.revocation_reason = reason
        locked.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
        from .actions import do_add_timeline_entry

        do_add_timeline_entry(
            case=locked.case,
            actor=actor,
            kind=EntryKind.DOCUMENT,
            text=_("%(kind)s %(number)s revoked: %(reason)s")
            % {"kind": locked.label, "number": locked.number, "reason": reason},
            is_public=True,
        )
        log_action(
            action="cases.document.revoke",
            actor=actor,
            obj=locked,
            after={"number": str(locked.number), "version": locked.version, "reason": reason},
        )
    return locked


def documents_of(case: Case) -> QuerySet[OfficialDocument]:
    """The case's documents, newest first within each kind."""
    return OfficialDocument.objects.filter(case=case).order_by("kind", "-version")


def normalise_code(text: str) -> str:
    """The code as stored: upper case, without the spaces and dashes people type."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def looks_like_code(text: str) -> bool:
    code = normalise_code(text)
    return len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code)


def find_by_code(text: str) -> OfficialDocument | None:
    """The document with verification code ``text`` (as typed), or None."""
    if not looks_like_code(text):
        return None
    code = normalise_code(text)
    return (
        OfficialDocument.objects.filter(code=code)
        .only(
            "kind",
            "year",
            "sequence",
            "version",
            "language",
            "facts",
            "code",
            "valid_until",
            "issued_at",
            "superseded_at",
            "revoked_at",
        )
        .first()
    )


def public_answer(document: OfficialDocument, *, today: datetime.date | None = None) -> dict:
    """What the portal says about ``document``: nothing the kind does not declare public."""
    spec = document.kind_spec
    facts = document.facts or {}
    shown = []
    for entry in spec.public_facts if spec is not None else ():
        name, label = entry if isinstance(entry, tuple) else (entry, FACT_LABELS.get(entry, entry))
        if facts.get(name) not in (None, ""):
            shown.append((label, facts[name]))
    return {
        "state": document.state_on(today or timezone.localdate()),
        "kind": document.label,
        "number": document.number,
        "version": document.version,
        "issued_on": timezone.localtime(document.issued_at).date(),
        "valid_until": document.valid_until,
        "revoked_on": timezone.localtime(document.revoked_at).date()
        if document.revoked_at
        else None,
        "facts": shown,
    }


# Drawing the PDF -------------------------------------------------------------------------


def _enqueue_render(document_id: int) -> None:
    from .tasks import render_official_document

    enqueue_in_transaction(render_official_document, document_id)


def request_render(document: OfficialDocument) -> bool:
    """Ask for the PDF of a document that has none; False when a request is still pending."""
    now = timezone.now()
    with transaction.atomic():
        claimed = (
            OfficialDocument.objects.filter(pk=document.pk, file="")
            .filter(
                Q(render_requested_at__isnull=True)
                | Q(render_requested_at__lt=now - RENDER_RETRY_AFTER)
            )
            .update(render_requested_at=now)
        )
        if claimed:
            _enqueue_render(document.pk)
    return bool(claimed)


def qr_data_uri(text: str) -> str:
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def render_html(document: OfficialDocument) -> str:
    """The document's HTML, as the PDF prints it, in the document's language."""
    spec = document.kind_spec
    if spec is None:
        raise LookupError(f"document kind {document.kind!r} is not registered")
    url = verification_url(document)
    with translation.override(document.language or settings.LANGUAGE_CODE):
        return render_to_string(
            spec.template,
            {
                "document": document,
                "facts": document.facts or {},
                "case": document.case,
                "kind": spec,
                "number": document.number,
                "verification_url": url,
                "qr": qr_data_uri(url),
            },
        )


def do_render_document(*, document_id: int) -> OfficialDocument | None:
    """Draw and store a document's PDF unless it is there already; returns the document.

    Run by the background task. The drawing happens outside any transaction, so it holds no
    lock; if two drawings race, the first one stored is kept and the other thrown away.
    """
    document = OfficialDocument.objects.select_related("case").filter(pk=document_id).first()
    if document is None or document.is_rendered:
        return document
    from weasyprint import HTML

    pdf = bytes(HTML(string=render_html(document)).write_pdf())
    digest = hashlib.sha256(pdf).hexdigest()
    name = f"{document.case.reference}-{document.kind}-v{document.version}.pdf"
    stored = document.file.storage.save(document_file_path(document, name), ContentFile(pdf))
    with transaction.atomic():
        locked = OfficialDocument.objects.select_for_update().get(pk=document_id)
        if locked.is_rendered:
            document.file.storage.delete(stored)
            return locked
        locked.file.name = stored
        locked.sha256 = digest
        locked.size = len(pdf)
        locked.rendered_at = timezone.now()
        locked.save(update_fields=["file", "sha256", "size", "rendered_at"])
        log_action(
            action="cases.document.render",
            obj=locked,
            actor_label="render_official_document",
            after={"number": str(locked.number), "version": locked.version, "sha256": digest},
        )
    return locked


def file_name(document: OfficialDocument) -> str:
    return f"{document.case.reference}-{document.kind.replace('.', '-')}-v{document.version}.pdf"
