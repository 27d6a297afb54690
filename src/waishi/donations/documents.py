"""The donation certificate and the confirmation certificate: the kernel's numbered PDFs.

The county office issues the certificate for a county-level donee, the bureau for a
city-level one (PREF); a donor abroad gets it in English. Verification on the portal shows
only the public facts: the donor (or "not published"), the value and the date.
"""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waishi.registers.countries import is_abroad

from .constants import CONFIRMATION_CERTIFICATE, DONATION_CERTIFICATE


def register() -> None:
    """Declare the two kinds of document to the kernel (from ``DonationsConfig.ready``)."""
    from waishi.cases.documents import DocumentKind, register_document_kind

    register_document_kind(
        DocumentKind(
            code=DONATION_CERTIFICATE,
            label=_("Donation certificate of overseas Chinese and compatriots"),
            number_format=_("Zhao Qiao Donation Certificate [%(year)s] No. %(number)s"),
            template="donations/documents/certificate.html",
            public_facts=("donor", "value_rmb", "accepted_on", "donee"),
        )
    )
    register_document_kind(
        DocumentKind(
            code=CONFIRMATION_CERTIFICATE,
            label=_("Confirmation certificate of a donated project"),
            number_format=_("Zhao Qiao Project Confirmation [%(year)s] No. %(number)s"),
            template="donations/documents/confirmation.html",
            public_facts=("project", "sign_plate_number", "confirmed_on"),
        )
    )


def _issuer(county: Any) -> str:
    from waishi.accounts.models import Bureau

    if county is not None:
        office = county.children.filter(kind="county_fao").first()
        if office is not None:
            return str(office)
    return str(Bureau.objects.order_by("pk").first() or "")


def issue_certificate(case: Any, actor: Any) -> Any:
    """Issue the donation certificate of ``case`` to its donors (inside the transition)."""
    from waishi.cases.documents import issue_document

    from .models import Donation

    donation = (
        Donation.objects.select_related("case__agency", "county")
        .prefetch_related("donor_links__donor__person", "donor_links__donor__organisation")
        .get(case_id=case.pk)
    )
    donors = [link.donor for link in donation.donor_links.all()]
    abroad = any(is_abroad(d.country) for d in donors)
    shown = [d.name if d.publicity_consent and not d.confidential else "" for d in donors]
    facts = {
        "donor": "、".join(d.name for d in donors),
        "donor_public": "、".join(n for n in shown if n) or "—",
        "donee": str(donation.case.agency),
        "value_rmb": f"{donation.rmb_value:,.2f}",
        "currency": donation.currency,
        "amount": f"{donation.amount:,.2f}",
        "gift_form": donation.gift_form,
        "goods": donation.goods_description,
        "purpose": donation.get_purpose_display(),
        "use": donation.use,
        "accepted_on": donation.accepted_on.isoformat(),
        "issuer": _issuer(donation.county),
        "issued_on": timezone.localdate().isoformat(),
    }
    return issue_document(
        case=case,
        kind=DONATION_CERTIFICATE,
        actor=actor,
        facts=facts,
        valid_until=None,
        language="en" if abroad else "zh-hans",
    )


def issue_confirmation(case: Any, actor: Any, project: Any) -> Any:
    """Issue the confirmation certificate of a donated project (inside the transition)."""
    from waishi.cases.documents import issue_document

    donor = project.donor
    facts = {
        "project": project.display_name,
        "donor": donor.name,
        "donee": str(case.agency),
        "location": project.location,
        "value_rmb": f"{project.donated_rmb:,.2f}",
        "sign_plate_number": project.sign_plate_number,
        "government_approval": project.government_approval,
        "confirmed_on": project.confirmed_on.isoformat(),
        "issuer": _issuer(project.county),
    }
    return issue_document(
        case=case,
        kind=CONFIRMATION_CERTIFICATE,
        actor=actor,
        facts=facts,
        valid_until=None,
        language="en" if is_abroad(donor.country) else "zh-hans",
    )
