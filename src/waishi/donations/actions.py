"""Writing donations: donors, filings, certificates, projects, namings, changes of use.

Every action checks its right, runs in one transaction with its audit event and leaves the
notifications to the kernel (after commit). Status changes go through the workflow engine.
Bad input raises ``ValidationError`` and writes nothing.
"""

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.accounts.constants import AgencyKind
from waishi.audit.actions import log_action
from waishi.cases.actions import do_add_attachment, do_create_case
from waishi.cases.clocks import start_clock, stop_clock
from waishi.cases.constants import DueUnit, StepBody
from waishi.cases.models import Case, Clock
from waishi.cases.names import set_case_names
from waishi.cases.refusals import TransitionRefused
from waishi.cases.rule_engine import bureau_area_code
from waishi.cases.steps import Due, do_record_answer, do_send_step
from waishi.registers.constants import CHINA, OrganisationKind, PersonKind
from waishi.registers.models import Organisation, Person

from .constants import (
    CONFIRMATION_CLOCK,
    DONATION_TYPE,
    FILING_CLOCK,
    ORGANISATION_DONORS,
    PROJECT_TYPE,
    RMB,
    ChangeStatus,
    DonorType,
    FlagKind,
    GiftForm,
    NamingStatus,
)
from .models import (
    ChangeOfUse,
    Donation,
    DonationDonor,
    Donor,
    ExchangeRate,
    Milestone,
    MisuseFlag,
    NamingRequest,
    Project,
    UseReport,
)
from .rates import certificate_threshold, rmb_value

CURRENCY = re.compile(r"^[A-Z]{3}$")


def county_of(agency: Any) -> Any:
    """The county government ``agency`` belongs to (itself if it is one), or None (city)."""
    node = agency
    for _depth in range(10):
        if node is None:
            return None
        if node.kind == AgencyKind.COUNTY_GOVERNMENT:
            return node
        node = node.parent
    return None


# --- Donors ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DonorIn:
    """A new donor as the filing form gives them."""

    donor_type: str
    name: str
    country: str
    name_original: str = ""
    sex: str = ""
    date_of_birth: datetime.date | None = None
    publicity_consent: bool = False
    consent_on: datetime.date | None = None
    confidential: bool = False
    confidentiality_note: str = ""


def _check_donor(donor: DonorIn) -> None:
    if donor.donor_type not in DonorType.values:
        raise ValidationError(_("Choose the kind of donor."))
    if not donor.name.strip():
        raise ValidationError(_("Give the donor's name."))
    if donor.publicity_consent and donor.consent_on is None:
        raise ValidationError(_("Give the date the donor consented to publicity."))
    if donor.consent_on is not None and donor.consent_on > timezone.localdate():
        raise ValidationError(_("The consent cannot be dated in the future."))
    if donor.donor_type == DonorType.HK_MACAO and donor.country not in ("HK", "MO"):
        raise ValidationError(_("A Hong Kong or Macao compatriot lives in Hong Kong or Macao."))
    if donor.donor_type not in ORGANISATION_DONORS and (
        not donor.sex or donor.date_of_birth is None
    ):
        raise ValidationError(_("Give the donor's sex and date of birth for the people register."))


def do_register_donor(
    *, actor: Any, agency: Any, donor: DonorIn, request: HttpRequest | None = None
) -> Donor:
    """Register a donor in the shared registers (a person or an organisation).

    Checks ``donations.file_donation`` (the donee's liaison officer or signatory) or the
    division's staff. Raises ``ValidationError`` (nothing written) for bad input.
    """
    if not (actor.has_perm("donations.file_donation") or actor.has_perm("donations.manage_rates")):
        raise PermissionDenied
    _check_donor(donor)
    with transaction.atomic():
        person = organisation = None
        if donor.donor_type in ORGANISATION_DONORS:
            organisation = Organisation(
                kind=(
                    OrganisationKind.OVERSEAS_CHINESE_ASSOCIATION
                    if donor.donor_type == DonorType.ASSOCIATION
                    else OrganisationKind.COMPANY
                ),
                name_zh=donor.name.strip(),
                name_original=donor.name_original.strip(),
                country_id=donor.country,
            )
            organisation.full_clean()
            organisation.save()
        else:
            # 华侨 and compatriots are Chinese citizens; other donors hold their country's.
            nationality = CHINA if donor.donor_type != DonorType.OTHER else donor.country
            person = Person(
                agency=None,
                kinds=PersonKind.DONOR,
                name=donor.name.strip(),
                foreign_names=donor.name_original.strip(),
                sex=donor.sex,
                date_of_birth=donor.date_of_birth,  # type: ignore[misc]
                nationalities=nationality,
            )
            person.full_clean()
            person.save()
        row = Donor.objects.create(
            donor_type=donor.donor_type,
            person=person,
            organisation=organisation,
            country=donor.country,
            publicity_consent=donor.publicity_consent,
            consent_on=donor.consent_on if donor.publicity_consent else None,
            confidential=donor.confidential,
            confidentiality_note=donor.confidentiality_note.strip(),
            registered_by=agency,
        )
        log_action(
            action="donations.donor.register",
            actor=actor,
            obj=row,
            after={
                "donor_type": row.donor_type,
                "country": row.country,
                "publicity_consent": row.publicity_consent,
                "confidential": row.confidential,
            },
            request=request,
        )
    return row


# --- Exchange rates -------------------------------------------------------------------------


def do_add_rate(
    *,
    actor: Any,
    currency: str,
    on: datetime.date,
    rate: Decimal,
    source: str,
    request: HttpRequest | None = None,
) -> ExchangeRate:
    """Enter a day's rate of a currency. Checks ``donations.manage_rates`` (the division)."""
    if actor is not None and not actor.has_perm("donations.manage_rates"):
        raise PermissionDenied
    currency = currency.strip().upper()
    if not CURRENCY.match(currency) or currency == RMB:
        raise ValidationError(_("Give a foreign currency's three-letter code (USD, HKD …)."))
    if rate <= 0:
        raise ValidationError(_("The rate must be more than zero."))
    if not source.strip():
        raise ValidationError(_("Name the source of the rate."))
    if ExchangeRate.objects.filter(currency=currency, on=on).exists():
        raise ValidationError(_("A rate of this currency is already recorded for that day."))
    with transaction.atomic():
        row = ExchangeRate.objects.create(
            currency=currency, on=on, rate=rate, source=source.strip()
        )
        log_action(
            action="donations.rate.add",
            actor=actor,
            obj=row,
            after={"currency": currency, "on": on.isoformat(), "rate": str(rate)},
            request=request,
        )
    return row


# --- Donations ------------------------------------------------------------------------------


def _flag(case: Case, kind: str, text: str, actor: Any = None) -> MisuseFlag:
    """Record a flag for the discipline inspector (and the breach registry, where kept)."""
    flag = MisuseFlag.objects.create(
        kind=kind,
        case=case,
        text=text[:500],
        raised_on=timezone.localdate(),
        raised_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    log_action(
        action="donations.flag.raise",
        actor=actor,
        obj=case,
        after={"flag": flag.pk, "kind": kind},
    )
    return flag


def do_file_donation(
    *,
    actor: Any,
    agency: Any,
    donors: Sequence[Donor],
    donee_kind: str,
    gift_form: str,
    currency: str,
    amount: Decimal,
    accepted_on: datetime.date,
    purpose: str,
    use: str,
    receipt_number: str,
    ledger_entry: str,
    agreement: IO[bytes] | None,
    agreement_name: str = "",
    goods_description: str = "",
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """File a donation the agency accepted, valued in RMB on the day it was accepted.

    Checks ``donations.file_donation`` (the donee's liaison officer or signatory). The
    agreement is required; the value decides whether the donor is due a certificate (rule
    ``certificate_threshold``). The filing clock runs from acceptance (rule ``filing_days``);
    a filing after its due day is flagged late. Raises ``ValidationError`` (nothing written).
    """
    if not actor.has_perm("donations.file_donation") or actor.agency_id != agency.pk:
        raise PermissionDenied
    today = timezone.localdate()
    currency = currency.strip().upper()
    if not donors:
        raise ValidationError(_("Name at least one donor."))
    if amount is None or amount <= 0:
        raise ValidationError(_("The amount must be more than zero."))
    if not CURRENCY.match(currency):
        raise ValidationError(_("Give the currency's three-letter code (CNY, USD, HKD …)."))
    if accepted_on > today:
        raise ValidationError(_("The donation cannot be accepted in the future."))
    if gift_form == GiftForm.GOODS and not goods_description.strip():
        raise ValidationError(_("Describe the goods donated."))
    if agreement is None:
        raise ValidationError(_("Attach the donation agreement (DL art. 12–13)."))
    for field, label in ((receipt_number, _("receipt number")), (ledger_entry, _("ledger entry"))):
        if not field.strip():
            raise ValidationError(_("Give the %(what)s.") % {"what": label})
    value, rate = rmb_value(currency, amount, accepted_on)
    threshold, threshold_rule = certificate_threshold(accepted_on)
    county = county_of(agency)
    names = [donor.name for donor in donors]
    title = f"{'、'.join(names)} · {value:,.2f} RMB"

    def build(case: Case) -> None:
        donation = Donation.objects.create(
            case=case,
            donor_country=donors[0].country,
            donee_kind=donee_kind,
            county=county,
            gift_form=gift_form,
            goods_description=goods_description.strip(),
            currency=currency,
            amount=amount,
            accepted_on=accepted_on,
            rate=rate,
            rmb_value=value,
            purpose=purpose,
            use=use.strip(),
            receipt_number=receipt_number.strip(),
            ledger_entry=ledger_entry.strip(),
            threshold=threshold,
            threshold_rule_id=threshold_rule,
            needs_certificate=value >= threshold,
            filing_due=accepted_on,
            filed_on=today,
        )
        for order, donor in enumerate(donors):
            DonationDonor.objects.create(donation=donation, donor=donor, sort_order=order)
        set_case_names(case.pk, [d.person.name for d in donors if d.person is not None])

    with transaction.atomic():
        case = do_create_case(
            actor=actor,
            case_type=DONATION_TYPE,
            agency=agency,
            title=title[:200],
            build_detail=build,
            idempotency_key=idempotency_key,
            request=request,
        )
        if getattr(case, "replayed", False):
            return case
        donation = case.donation  # type: ignore[attr-defined]
        # The donee files within the days of the rule from acceptance (GZD: 30 days).
        clock = start_clock(case, FILING_CLOCK, actor=actor, start_on=accepted_on, record=False)
        late = today > clock.due_date
        stop_clock(case, FILING_CLOCK, actor=actor)
        donation.filing_due, donation.late_filing = clock.due_date, late
        donation.agreement = do_add_attachment(
            case=case, actor=actor, upload=agreement, name=agreement_name or "agreement.pdf"
        )
        donation.save(update_fields=["filing_due", "late_filing", "agreement"])
        if late:
            _flag(
                case,
                FlagKind.LATE_FILING,
                _("Filed on %(filed)s; due by %(due)s.")
                % {"filed": today.isoformat(), "due": clock.due_date.isoformat()},
                actor,
            )
    return case


def issue_donation_certificate(case: Case, actor: Any) -> Any:
    """Issue the donor the numbered donation certificate (inside the transition)."""
    from .documents import issue_certificate

    return issue_certificate(case, actor)


# --- Projects -------------------------------------------------------------------------------


def do_file_project(
    *,
    actor: Any,
    agency: Any,
    donor: Donor,
    title: str,
    purpose: str,
    location: str,
    use: str,
    donations: Sequence[Donation] = (),
    donated_rmb: Decimal | None = None,
    year: int | None = None,
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """File a donated construction project for approval.

    Checks ``donations.file_donation`` (the donee). The amount is the donations' RMB value
    unless given (a project of the old archive). Raises ``ValidationError`` for bad input.
    """
    if actor is not None and (
        not actor.has_perm("donations.file_donation") or actor.agency_id != agency.pk
    ):
        raise PermissionDenied
    if not title.strip() or not location.strip() or not use.strip():
        raise ValidationError(_("Give the project's name, location and use."))
    for donation in donations:
        if donation.case.agency_id != agency.pk:
            raise ValidationError(_("A project is built from the donee's own donations."))
    amount = (
        donated_rmb
        if donated_rmb is not None
        else sum((d.rmb_value for d in donations), Decimal("0"))
    )

    def build(case: Case) -> None:
        project = Project.objects.create(
            case=case,
            title=title.strip(),
            donor=donor,
            donor_country=donor.country,
            county=county_of(agency),
            purpose=purpose,
            location=location.strip(),
            donated_rmb=amount,
            year=year or timezone.localdate().year,
            use=use.strip(),
        )
        if donations:
            project.donations.set(donations)

    with transaction.atomic():
        return do_create_case(
            actor=actor,
            case_type=PROJECT_TYPE,
            agency=agency,
            title=title.strip()[:200],
            build_detail=build,
            idempotency_key=idempotency_key,
            request=request,
        )


def _locked_project(case: Case, actor: Any, permission: str) -> Project:
    if not actor.has_perm(permission, case):
        raise TransitionRefused([_("You may not record this on the project.")], forbidden=True)
    Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
    return Project.objects.select_related("case").get(case_id=case.pk)


def flag_late_confirmation(case: Case, actor: Any) -> None:
    """Record the application for confirmation; flag it when made after its due day."""
    project = Project.objects.get(case_id=case.pk)
    today = timezone.localdate()
    clock = Clock.objects.filter(case_id=case.pk, code=CONFIRMATION_CLOCK).first()
    late = clock is not None and today > clock.due_date
    project.confirmation_applied_on, project.late_confirmation = today, late
    project.save(update_fields=["confirmation_applied_on", "late_confirmation"])
    if late and clock is not None:
        _flag(
            case,
            FlagKind.LATE_CONFIRMATION,
            _("Applied on %(filed)s; due by %(due)s.")
            % {"filed": today.isoformat(), "due": clock.due_date.isoformat()},
            actor,
        )


def next_sign_plate(year: int) -> str:
    """The next sign-plate number of the year in the provincial numbering (area-year-serial)."""
    prefix = f"{bureau_area_code() or '000000'}-{year}-"
    taken = Project.objects.filter(sign_plate_number__startswith=prefix).count()
    return f"{prefix}{taken + 1:04d}"


def confirm_project(case: Case, actor: Any, on: datetime.date | None, reference: str) -> None:
    """Record the government's confirmation: date, approval, sign-plate number, certificate."""
    from .documents import issue_confirmation

    project = Project.objects.select_for_update().get(case_id=case.pk)
    day = on or timezone.localdate()
    project.confirmed_on = day
    project.government_approval = reference
    project.sign_plate_number = next_sign_plate(day.year)
    project.save(update_fields=["confirmed_on", "government_approval", "sign_plate_number"])
    issue_confirmation(case, actor, project)


def do_add_milestone(
    *,
    case: Case,
    actor: Any,
    title: str,
    on: datetime.date,
    note: str = "",
    request: HttpRequest | None = None,
) -> Milestone:
    """Record a milestone of the project (the donee or the reviewing office)."""
    if not title.strip():
        raise ValidationError(_("Name the milestone."))
    if on > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    with transaction.atomic():
        project = _locked_project(case, actor, "donations.record_milestone")
        milestone = Milestone.objects.create(
            project=project, title=title.strip(), on=on, note=note.strip(), recorded_by=actor
        )
        log_action(
            action="donations.milestone.add",
            actor=actor,
            obj=case,
            after={"milestone": milestone.pk, "title": milestone.title, "on": on.isoformat()},
            request=request,
        )
    return milestone


def government_of(project: Project) -> str:
    """The county-level (or higher) government that approves the project's name."""
    if project.county is not None:
        return str(project.county)
    return _("Zhaoqing Municipal People's Government")


def do_request_naming(
    *,
    case: Case,
    actor: Any,
    proposed_name: str,
    sent_on: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> NamingRequest:
    """Send the donor's proposed name to the county-level government (an external step).

    Checks ``donations.request_naming`` (the bureau's division, which keeps external steps).
    """
    if not proposed_name.strip():
        raise ValidationError(_("Give the name the donor proposes."))
    with transaction.atomic():
        project = _locked_project(case, actor, "donations.request_naming")
        if project.namings.filter(status=NamingStatus.REQUESTED).exists():
            raise ValidationError(_("A naming request is already waiting for the government."))
        step = do_send_step(
            case=case,
            actor=actor,
            body=StepBody.OTHER,
            body_name=government_of(project),
            request_text=_("Approve naming the donated project “%(name)s” (DL art. 14).")
            % {"name": proposed_name.strip()},
            sent_on=sent_on or timezone.localdate(),
            due=Due(DueUnit.DAYS, 30),
        )
        naming = NamingRequest.objects.create(
            project=project, proposed_name=proposed_name.strip(), step=step
        )
        log_action(
            action="donations.naming.request",
            actor=actor,
            obj=case,
            after={"naming": naming.pk, "proposed_name": naming.proposed_name},
            request=request,
        )
    return naming


def do_record_naming_decision(
    *,
    case: Case,
    actor: Any,
    naming_pk: int,
    approved: bool,
    decided_on: datetime.date,
    their_reference: str = "",
    request: HttpRequest | None = None,
) -> NamingRequest:
    """Record the government's answer to a naming request (answers the external step)."""
    if decided_on > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    with transaction.atomic():
        project = _locked_project(case, actor, "donations.request_naming")
        naming = project.namings.select_for_update().filter(pk=naming_pk).first()
        if naming is None or naming.status != NamingStatus.REQUESTED:
            raise ValidationError(_("This naming request is not waiting for an answer."))
        if naming.step_id is not None:
            step = naming.step
            assert step is not None
            if decided_on < step.sent_on:
                raise ValidationError(_("The answer cannot be before the request was sent."))
            do_record_answer(
                case=case,
                step_pk=step.pk,
                actor=actor,
                answered_on=decided_on,
                answer_text=(_("Name approved.") if approved else _("Name refused.")),
                their_reference=their_reference,
            )
        naming.status = NamingStatus.APPROVED if approved else NamingStatus.REFUSED
        naming.decided_on, naming.their_reference = decided_on, their_reference.strip()
        naming.save(update_fields=["status", "decided_on", "their_reference"])
        log_action(
            action="donations.naming.decide",
            actor=actor,
            obj=case,
            after={"naming": naming.pk, "status": naming.status},
            request=request,
        )
    return naming


def do_name_project(
    *, case: Case, actor: Any, naming_pk: int, request: HttpRequest | None = None
) -> Project:
    """Give the project the name the government approved; any other name is refused.

    A project funded solely or mainly by a donor may carry a name only with the approval of
    the county-level or higher government (DL art. 14; GDQ art. 29).
    """
    with transaction.atomic():
        project = _locked_project(case, actor, "donations.request_naming")
        naming = project.namings.filter(pk=naming_pk).first()
        if naming is None or naming.status != NamingStatus.APPROVED:
            raise ValidationError(
                _(
                    "A donated project is named only with the county-level government's "
                    "approval (DL art. 14): record the government's approval first."
                )
            )
        before = project.approved_name
        project.approved_name = naming.proposed_name
        project.save(update_fields=["approved_name"])
        log_action(
            action="donations.project.name",
            actor=actor,
            obj=case,
            before={"approved_name": before},
            after={"approved_name": project.approved_name, "naming": naming.pk},
            request=request,
        )
    return project


def do_request_change_of_use(
    *,
    case: Case,
    actor: Any,
    new_use: str,
    reason: str,
    consent_on: datetime.date | None,
    consent: IO[bytes] | None,
    consent_name: str = "",
    request: HttpRequest | None = None,
) -> ChangeOfUse:
    """Ask to change the project's use; refused without the donor's written consent.

    Checks ``donations.request_change`` (the donee). DL art. 18: the use agreed with the
    donor changes only with the donor's consent; GDQ art. 30.
    """
    if consent is None or consent_on is None:
        raise ValidationError(
            _(
                "A change of use needs the donor's written consent (DL art. 18): attach it "
                "and give its date."
            )
        )
    if consent_on > timezone.localdate():
        raise ValidationError(_("The consent cannot be dated in the future."))
    if not new_use.strip() or not reason.strip():
        raise ValidationError(_("Give the new use and the reason."))
    with transaction.atomic():
        project = _locked_project(case, actor, "donations.request_change")
        if project.changes.filter(status=ChangeStatus.REQUESTED).exists():
            raise ValidationError(_("A change of use is already waiting for a decision."))
        attachment = do_add_attachment(
            case=case, actor=actor, upload=consent, name=consent_name or "consent.pdf"
        )
        change = ChangeOfUse.objects.create(
            project=project,
            new_use=new_use.strip(),
            reason=reason.strip(),
            consent_on=consent_on,
            consent=attachment,
        )
        log_action(
            action="donations.change.request",
            actor=actor,
            obj=case,
            after={"change": change.pk, "new_use": change.new_use},
            request=request,
        )
    return change


def do_decide_change_of_use(
    *,
    case: Case,
    actor: Any,
    change_pk: int,
    approved: bool,
    request: HttpRequest | None = None,
) -> ChangeOfUse:
    """Approve or refuse a requested change of use (the reviewing office)."""
    with transaction.atomic():
        project = _locked_project(case, actor, "donations.decide_change")
        change = project.changes.select_for_update().filter(pk=change_pk).first()
        if change is None or change.status != ChangeStatus.REQUESTED:
            raise ValidationError(_("This change of use is not waiting for a decision."))
        change.status = ChangeStatus.APPROVED if approved else ChangeStatus.REFUSED
        change.decided_on = timezone.localdate()
        change.save(update_fields=["status", "decided_on"])
        before = project.use
        if approved:
            project.use = change.new_use
            project.save(update_fields=["use"])
        log_action(
            action="donations.change.decide",
            actor=actor,
            obj=case,
            before={"use": before},
            after={"change": change.pk, "status": change.status, "use": project.use},
            request=request,
        )
    return change


def do_file_use_report(
    *,
    case: Case,
    actor: Any,
    year: int,
    summary: str,
    request: HttpRequest | None = None,
) -> UseReport:
    """File the year's use report; the yearly clock starts over (DL art. 20)."""
    today = timezone.localdate()
    if not summary.strip():
        raise ValidationError(_("Summarise the project's use in the year."))
    if year > today.year or year < 1990:
        raise ValidationError(_("Choose a year up to this one."))
    with transaction.atomic():
        project = _locked_project(case, actor, "donations.file_use_report")
        if project.confirmed_on is None:
            raise ValidationError(_("Use reports start once the project is confirmed."))
        if project.use_reports.filter(year=year).exists():
            raise ValidationError(_("The report of this year is already filed."))
        report = UseReport.objects.create(
            project=project, year=year, filed_on=today, summary=summary.strip()
        )
        if case.is_open:
            from .constants import USE_REPORT_CLOCK

            start_clock(case, USE_REPORT_CLOCK, actor=actor)
        log_action(
            action="donations.use_report.file",
            actor=actor,
            obj=case,
            after={"report": report.pk, "year": year},
            request=request,
        )
    return report


def do_raise_flag(
    *, case: Case, actor: Any, text: str, request: HttpRequest | None = None
) -> MisuseFlag:
    """Flag a suspected misuse of a donation or project for the discipline inspector."""
    if not text.strip():
        raise ValidationError(_("Say what was found."))
    if not actor.has_perm("donations.raise_flag", case):
        raise TransitionRefused([_("You may not flag this case.")], forbidden=True)
    with transaction.atomic():
        return _flag(case, FlagKind.MISUSE, text.strip(), actor)
