"""Every write of the applicants' accounts: sign-up, companies, filings, PIPL requests.

Each function takes keyword arguments with an explicit ``actor`` (none at sign-up), runs in
one transaction, writes its audit event there and sends messages only after commit. The
views check who may call them; each function's docstring says what it checks itself.
"""

from collections.abc import Callable
from typing import IO, Any

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from waishi.accounts.constants import Role
from waishi.accounts.models import RoleGrant, User
from waishi.audit.actions import log_action
from waishi.cases.attachments import check_upload
from waishi.core import pii
from waishi.core.middleware import client_ip
from waishi.notifications.sms import get_sms_sender

from . import codes
from .constants import (
    PRIVACY_NOTICE_VERSION,
    SENSITIVE_CONSENT_VERSION,
    Channel,
    ConsentKind,
    IdentityKind,
)
from .models import Applicant, Authorisation, Company, Consent, Filing, Invitation, OneTimeCode


class Refused(Exception):
    """The action was refused for the reasons given (translated); nothing was written."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__(reasons)
        self.reasons = reasons


def masked_target(channel: str, target: str) -> str:
    """A number or address as audit records and screens show it."""
    if channel == Channel.SMS:
        return pii.mask_phone(target)
    name, _at, domain = target.partition("@")
    return f"{name[:1]}***@{domain}"


# Sign-up ------------------------------------------------------------------------------------


def do_send_sign_up_code(*, channel: str, target: str, request: HttpRequest | None) -> None:
    """Send a sign-up code (text message) or link (e-mail) to ``target``.

    Anyone may ask; the same happens whether or not the number or address has an account
    (sign-up refuses a taken one only after the code proves it is the asker's). Raises
    ``codes.TooManyCodes`` when a rate limit is spent; nothing is sent then.
    """
    target = codes.normalise_target(channel, target)
    address = (client_ip(request) if request is not None else None) or ""
    codes.check_rate(channel, target, address)
    with transaction.atomic():
        issued = codes.issue_code(channel=channel, target=target)
        log_action(
            action="applicants.code.send",
            object_type="applicants.onetimecode",
            object_id=str(issued.row.pk),
            after={"channel": channel, "to": masked_target(channel, target)},
            request=request,
        )
        if channel == Channel.SMS:
            text = _(
                "Your Waishi sign-up code is %(code)s. It is valid for %(minutes)d minutes. "
                "Do not tell anyone this code."
            ) % {"code": issued.secret, "minutes": settings.WAISHI_APPLICANT_CODE_MINUTES}
            transaction.on_commit(lambda: get_sms_sender().send(target, text))
        else:
            link = (
                settings.WAISHI_SITE_URL.rstrip("/")
                + reverse("applicants:sign_up_details")
                + "?"
                + urlencode({"channel": Channel.EMAIL, "to": target, "token": issued.secret})
            )
            subject = _("Confirm your e-mail address for Waishi")
            body = _(
                "Open this link to go on signing up with this address:\n\n%(link)s\n\n"
                "The link is valid for %(hours)d hours. If you did not ask for it, ignore "
                "this message."
            ) % {"link": link, "hours": settings.WAISHI_APPLICANT_LINK_MINUTES // 60}
            transaction.on_commit(lambda: send_mail(subject, body, None, [target]))


def _check_identity(
    *, kind: str, id_number: str, document_number: str, nationality: Any
) -> tuple[str, str]:
    from waishi.core.validators import check_resident_id

    if kind == IdentityKind.RESIDENT:
        return check_resident_id(id_number), ""
    number = "".join(document_number.split()).upper()
    if not number or nationality is None:
        raise ValidationError(
            _("Give your passport or permit number and the country or region that issued it.")
        )
    return "", number


def do_sign_up(
    *,
    channel: str,
    target: str,
    secret: str,
    password: str,
    real_name: str,
    kind: str,
    id_number: str = "",
    document_number: str = "",
    nationality: Any = None,
    sensitive_consent: bool,
    request: HttpRequest | None = None,
) -> User:
    """Make an applicant's account once ``secret`` proves ``target`` is the person's.

    ``secret`` is the text-message code, or the e-mail link's token. Raises ``Refused``
    (nothing written) for a wrong, expired or used code, a number or address that already
    has an account, a refused password or identity number, or missing consent.
    """
    target = codes.normalise_target(channel, target)
    if not sensitive_consent:
        raise Refused(
            [_("Your consent to the processing of your identity number is needed to sign up.")]
        )
    user = User(username=target, full_name=real_name.strip(), must_change_password=False)
    try:
        id_number, document_number = _check_identity(
            kind=kind, id_number=id_number, document_number=document_number, nationality=nationality
        )
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise Refused(list(error.messages)) from None
    wrong_code = _("The code is wrong or has expired. Ask for a new one.")
    with transaction.atomic():
        if channel == Channel.SMS:
            row: OneTimeCode | None = codes.check_sms_code(target=target, code=secret)
        else:
            row = codes.find_link(secret)
            if row is not None and not codes.matches(row, Channel.EMAIL, target):
                row = None
        if row is not None:
            _create_applicant(
                row=row,
                user=user,
                channel=channel,
                target=target,
                password=password,
                kind=kind,
                real_name=real_name,
                id_number=id_number,
                document_number=document_number,
                nationality=nationality,
                request=request,
            )
    if row is None:
        # Refused after the transaction, so the wrong try stays counted on the code.
        raise Refused([wrong_code])
    return user


def _create_applicant(
    *,
    row: OneTimeCode,
    user: User,
    channel: str,
    target: str,
    password: str,
    kind: str,
    real_name: str,
    id_number: str,
    document_number: str,
    nationality: Any,
    request: HttpRequest | None,
) -> None:
    """Make the account, the identity and the consents once the code was right."""
    wrong_code = _("The code is wrong or has expired. Ask for a new one.")
    # The person proved the number or address is theirs: only now may they learn
    # that it has an account already.
    taken = User.objects.annotate(name=Lower("username")).filter(name=target.lower())
    if taken.exists():
        raise Refused(
            [
                _(
                    "This mobile number or e-mail address already has an account. "
                    "Sign in with it instead."
                )
            ]
        )
    if not codes.use_code(row):
        raise Refused([wrong_code])
    now = timezone.now()
    if channel == Channel.SMS:
        user.phone = target
    else:
        user.email = target
    user.set_password(password)
    user.password_changed_at = now
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        raise Refused(
            [
                _(
                    "This mobile number or e-mail address already has an account. "
                    "Sign in with it instead."
                )
            ]
        ) from None
    RoleGrant.objects.create(user=user, role=Role.APPLICANT)
    applicant = Applicant.objects.create(
        user=user,
        kind=kind,
        real_name=real_name.strip(),
        id_number=id_number,
        document_number=document_number,
        nationality=nationality if kind == IdentityKind.OTHER else None,
        phone_verified_at=now if channel == Channel.SMS else None,
        email_verified_at=now if channel == Channel.EMAIL else None,
    )
    Consent.objects.bulk_create(
        [
            Consent(
                applicant=applicant,
                kind=ConsentKind.PRIVACY_NOTICE,
                version=PRIVACY_NOTICE_VERSION,
            ),
            Consent(
                applicant=applicant,
                kind=ConsentKind.SENSITIVE_DATA,
                version=SENSITIVE_CONSENT_VERSION,
            ),
        ]
    )
    log_action(
        action="applicants.applicant.sign_up",
        actor=user,
        obj=user,
        after={
            "channel": channel,
            "to": masked_target(channel, target),
            "kind": kind,
            "id_number": pii.mask_id_number(id_number) if id_number else "",
            "document_number": pii.mask_passport_number(document_number) if document_number else "",
            "consents": [PRIVACY_NOTICE_VERSION, SENSITIVE_CONSENT_VERSION],
        },
        request=request,
    )


# Companies ----------------------------------------------------------------------------------


def _store_letter(authorisation: Authorisation, upload: IO[bytes] | None, name: str) -> None:
    """Check the letter of authorisation (type sniffed, size) and attach it to the row."""
    if upload is None:
        return
    from django.core.files import File

    checked = check_upload(upload, name)
    authorisation.letter_name = checked.name
    authorisation.letter_sha256 = checked.sha256
    authorisation.letter.save(checked.name, File(upload), save=False)


def _save_with_letter(authorisation: Authorisation) -> None:
    try:
        authorisation.save()
    except Exception:
        if authorisation.letter:
            authorisation.letter.delete(save=False)
        raise


def do_register_company(
    *,
    actor: User,
    credit_code: str,
    name: str,
    letter: IO[bytes] | None,
    letter_name: str = "",
    request: HttpRequest | None = None,
) -> Company:
    """Register a company with ``actor`` as its first authorised person (who may invite).

    Checks the credit code (GB 32100) and the letter; refuses (``Refused``, nothing
    written) a company already registered: its authorised people invite others.
    """
    from waishi.core.validators import check_credit_code

    try:
        code = check_credit_code(credit_code)
    except ValidationError as error:
        raise Refused(list(error.messages)) from None
    name = name.strip()
    if not name:
        raise Refused([_("Give the company's name as on its business licence.")])
    already = _(
        "This company is registered already. Ask one of its authorised people to invite you."
    )
    if Company.objects.filter(credit_code=code).exists():
        raise Refused([already])
    try:
        with transaction.atomic():
            company = Company.objects.create(credit_code=code, name=name, registered_by=actor)
            authorisation = Authorisation(company=company, user=actor, is_manager=True)
            try:
                _store_letter(authorisation, letter, letter_name)
            except ValidationError as error:
                raise Refused(list(error.messages)) from None
            _save_with_letter(authorisation)
            log_action(
                action="applicants.company.register",
                actor=actor,
                obj=company,
                after={"credit_code": code, "name": name, "letter": authorisation.letter_sha256},
                request=request,
            )
    except IntegrityError:
        raise Refused([already]) from None
    return company


def do_invite(
    *,
    actor: User,
    company: Company,
    channel: str,
    target: str,
    request: HttpRequest | None = None,
) -> Invitation:
    """Invite the person who signs in with ``target`` to act for ``company``.

    Checks that ``actor`` is a manager of the company. Says nothing about whether the
    number or address has an account: the invited person sees the invitation once signed in.
    """
    if not Authorisation.objects.filter(company=company, user=actor, is_manager=True).exists():
        raise Refused([_("Only the company's managing authorised people invite others.")])
    target = codes.normalise_target(channel, target)
    with transaction.atomic():
        invitation = Invitation.objects.create(
            company=company,
            target_index=codes.target_index(channel, target),
            target_hint=masked_target(channel, target),
            invited_by=actor,
        )
        log_action(
            action="applicants.company.invite",
            actor=actor,
            obj=company,
            after={"invitation": invitation.pk, "to": invitation.target_hint},
            request=request,
        )
    return invitation


def invitations_for(user: User) -> list[Invitation]:
    """Open invitations to the number and address ``user`` signs in with."""
    indexes = [
        codes.target_index(channel, value)
        for channel, value in ((Channel.SMS, user.phone), (Channel.EMAIL, user.email))
        if value
    ]
    if not indexes:
        return []
    return list(
        Invitation.objects.filter(target_index__in=indexes, accepted_at__isnull=True)
        .exclude(company__authorisations__user=user)
        .select_related("company")
    )


def do_accept_invitation(
    *,
    actor: User,
    invitation_id: int,
    letter: IO[bytes] | None,
    letter_name: str = "",
    request: HttpRequest | None = None,
) -> Authorisation:
    """Accept an invitation addressed to ``actor``'s number or address, with the letter.

    An invitation to someone else, or one already accepted, is refused as "not found".
    """
    with transaction.atomic():
        invitation = next(
            (i for i in invitations_for(actor) if i.pk == invitation_id),
            None,
        )
        if invitation is None:
            raise Refused([_("This invitation does not exist or was used already.")])
        authorisation = Authorisation(company=invitation.company, user=actor)
        try:
            _store_letter(authorisation, letter, letter_name)
        except ValidationError as error:
            raise Refused(list(error.messages)) from None
        _save_with_letter(authorisation)
        Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now())
        log_action(
            action="applicants.company.accept",
            actor=actor,
            obj=invitation.company,
            after={"invitation": invitation.pk, "letter": authorisation.letter_sha256},
            request=request,
        )
    return authorisation


def do_confirm_authorisation(
    *, actor: User, authorisation: Authorisation, request: HttpRequest | None = None
) -> None:
    """The bureau confirms a person's authorisation after reading the letter.

    Checks ``applicants.confirm_authorisation``.
    """
    if not actor.has_perm("applicants.confirm_authorisation"):
        raise Refused([_("You may not confirm authorisations.")])
    with transaction.atomic():
        updated = Authorisation.objects.filter(
            pk=authorisation.pk, confirmed_at__isnull=True
        ).update(confirmed_at=timezone.now(), confirmed_by=actor)
        if not updated:
            return
        log_action(
            action="applicants.authorisation.confirm",
            actor=actor,
            obj=authorisation.company,
            after={"authorisation": authorisation.pk, "user": authorisation.user_id},
            request=request,
        )


# Filing --------------------------------------------------------------------------------------


def do_file_application(
    *,
    actor: User,
    case_type: str,
    title: str,
    company: Company | None = None,
    build_detail: Callable[[Any], Any] | None = None,
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Any:
    """File a case of ``case_type`` for applicant ``actor`` (and ``company`` they act for).

    The area's action calls this instead of ``cases.actions.do_create_case``. Checks that
    the type takes applicants' filings, that ``actor`` is an applicant and that they are
    authorised by ``company``. The case has no agency; ``Filing`` records the filer.
    """
    from waishi.cases.actions import do_create_case
    from waishi.cases.registry import get_case_type

    if not get_case_type(case_type).filed_by_applicants:
        raise Refused([_("This service cannot be filed online by applicants.")])
    if not actor.has_perm("applicants.file_application"):
        raise Refused([_("Only applicants file public services here.")])
    if (
        company is not None
        and not Authorisation.objects.filter(company=company, user=actor).exists()
    ):
        raise Refused([_("You are not authorised to act for this company.")])

    def build(case: Any) -> None:
        Filing.objects.create(case=case, person=actor, company=company)
        if build_detail is not None:
            build_detail(case)

    return do_create_case(
        actor=actor,
        case_type=case_type,
        agency=None,
        title=title,
        build_detail=build,
        idempotency_key=idempotency_key,
        request=request,
    )


# Personal information (PIPL art. 45, 47) --------------------------------------------------------


def do_export_my_data(*, actor: User, request: HttpRequest | None = None) -> dict[str, Any]:
    """Everything Waishi keeps about ``actor`` as an applicant, for download; audited."""
    from .querysets import applications_visible_to

    applicant = Applicant.objects.select_related("nationality").filter(user=actor).first()
    filed = applications_visible_to(actor).filter(filing__person=actor)
    data: dict[str, Any] = {
        "account": {
            "username": actor.username,
            "mobile": actor.phone,
            "email": actor.email,
            "date_joined": actor.date_joined.isoformat(),
        },
        "identity": None,
        "consents": [],
        "companies": [
            {
                "credit_code": a.company.credit_code,
                "name": a.company.name,
                "since": a.created_at.isoformat(),
                "confirmed": a.confirmed_at.isoformat() if a.confirmed_at else None,
            }
            for a in Authorisation.objects.filter(user=actor).select_related("company")
        ],
        "applications": [
            {
                "reference": case.reference,
                "title": case.title,
                "status": str(case.status_label),
                "filed": case.created_at.isoformat(),
            }
            for case in filed.order_by("created_at", "id")
        ],
    }
    if applicant is not None:
        data["identity"] = {
            "real_name": applicant.real_name,
            "kind": applicant.kind,
            "id_number": applicant.id_number,
            "document_number": applicant.document_number,
            "nationality": applicant.nationality_id,
        }
        data["consents"] = [
            {"kind": c.kind, "version": c.version, "given_at": c.given_at.isoformat()}
            for c in applicant.consents.all()
        ]
    log_action(action="applicants.applicant.export_data", actor=actor, obj=actor, request=request)
    return data


def do_request_deletion(*, actor: User, request: HttpRequest | None = None) -> None:
    """Record ``actor``'s request to delete their account, for the bureau to carry out.

    The bureau keeps the cases the law requires it to keep and closes the account; the
    request is audited. Asking twice keeps the first request's time.
    """
    with transaction.atomic():
        updated = Applicant.objects.filter(user=actor, deletion_requested_at__isnull=True).update(
            deletion_requested_at=timezone.now()
        )
        if updated:
            log_action(
                action="applicants.applicant.request_deletion",
                actor=actor,
                obj=actor,
                request=request,
            )
