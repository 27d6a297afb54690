"""Forms of the applicants' pages. They check what the person types; actions do the rest."""

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from waishi.cases.attachments import ALLOWED
from waishi.cases.forms import IdempotentFormMixin
from waishi.core.validators import check_credit_code, check_phone, check_resident_id
from waishi.registers.models import Country

from .constants import Channel, IdentityKind


def style(form: forms.Form) -> None:
    """Bootstrap classes on every visible widget."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.HiddenInput):
            continue
        if isinstance(widget, forms.CheckboxInput | forms.RadioSelect):
            widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
        else:
            widget.attrs.setdefault("class", "form-control")


def check_mobile(value: str) -> str:
    """A mainland mobile number (fixed lines receive no text messages)."""
    number = check_phone(value)
    if not number.startswith("1"):
        raise ValidationError(_("Enter a mobile number of 11 digits starting with 1."))
    return number


class SendCodeForm(forms.Form):
    """Step one of sign-up: where to send the code or link."""

    channel = forms.ChoiceField(
        label=_("Sign up with"),
        choices=Channel.choices,
        initial=Channel.SMS,
        widget=forms.RadioSelect,
    )
    phone = forms.CharField(
        label=_("Mobile number"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        channel = data.get("channel")
        if channel == Channel.SMS:
            try:
                data["target"] = check_mobile(data.get("phone", ""))
            except ValidationError as error:
                self.add_error("phone", error)
        elif channel == Channel.EMAIL:
            if not data.get("email"):
                self.add_error("email", _("Enter your e-mail address."))
            else:
                data["target"] = data["email"].strip().lower()
        return data


class SignUpForm(forms.Form):
    """Step two: the code (text message), the identity, the password and the consents."""

    code = forms.CharField(
        label=_("Code from the text message"),
        max_length=6,
        min_length=6,
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
    )
    real_name = forms.CharField(
        label=_("Real name"),
        max_length=100,
        help_text=_("As on your identity document."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    kind = forms.ChoiceField(
        label=_("Identity document"),
        choices=IdentityKind.choices,
        initial=IdentityKind.RESIDENT,
        widget=forms.RadioSelect,
    )
    id_number = forms.CharField(
        label=_("Resident ID number"),
        max_length=24,
        required=False,
        help_text=_("Mainland residents only; others give the passport or permit below."),
    )
    document_number = forms.CharField(
        label=_("Passport or permit number"),
        max_length=24,
        required=False,
        help_text=_(
            "Your passport; or your Mainland Travel Permit for Hong Kong and Macao Residents "
            "or for Taiwan Residents."
        ),
    )
    nationality = forms.ModelChoiceField(
        label=_("Country or region that issued it"),
        queryset=Country.objects.all(),
        required=False,
        empty_label=_("(only for a passport or permit)"),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html,
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    privacy_notice = forms.BooleanField(
        label=_("I have read the privacy notice."),
        error_messages={"required": _("Please read the privacy notice and tick this box.")},
    )
    sensitive_consent = forms.BooleanField(
        label=_(
            "I consent separately to the bureau processing my identity document number, "
            "which is sensitive personal information, to verify my identity and handle my "
            "applications."
        ),
        error_messages={
            "required": _(
                "Your consent to the processing of your identity number is needed to sign up."
            )
        },
    )

    def __init__(self, *args: Any, channel: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.channel = channel
        if channel == Channel.SMS:
            self.fields["code"].required = True
        else:
            del self.fields["code"]
        self.fields[
            "password1"
        ].help_text = password_validation.password_validators_help_text_html()
        style(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind == IdentityKind.RESIDENT:
            try:
                data["id_number"] = check_resident_id(data.get("id_number", ""))
            except ValidationError as error:
                self.add_error("id_number", error)
        elif kind == IdentityKind.OTHER:
            if not (data.get("document_number") or "").strip():
                self.add_error("document_number", _("Give your passport or permit number."))
            if data.get("nationality") is None:
                self.add_error("nationality", _("Choose the country or region that issued it."))
        one, two = data.get("password1"), data.get("password2")
        if one and two and one != two:
            self.add_error("password2", _("The two passwords differ."))
        return data


class CompanyForm(forms.Form):
    credit_code = forms.CharField(
        label=_("Unified social credit code"),
        max_length=24,
        help_text=_("18 characters, on the company's business licence."),
    )
    name = forms.CharField(label=_("Company name"), max_length=200)
    letter = forms.FileField(
        label=_("Letter of authorisation"),
        help_text=_("Signed and stamped by the company: PDF, JPEG or PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(ALLOWED))}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)

    def clean_credit_code(self) -> str:
        return check_credit_code(self.cleaned_data["credit_code"])


class InviteForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("They sign in with"),
        choices=Channel.choices,
        initial=Channel.SMS,
        widget=forms.RadioSelect,
    )
    target = forms.CharField(label=_("Mobile number or e-mail address"), max_length=200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        target = (data.get("target") or "").strip()
        if data.get("channel") == Channel.SMS and target:
            try:
                data["target"] = check_mobile(target)
            except ValidationError as error:
                self.add_error("target", error)
        elif data.get("channel") == Channel.EMAIL and target:
            try:
                forms.EmailField().clean(target)
                data["target"] = target.lower()
            except ValidationError as error:
                self.add_error("target", error)
        return data


class LetterForm(forms.Form):
    letter = forms.FileField(
        label=_("Letter of authorisation"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(ALLOWED))}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class MessageForm(IdempotentFormMixin):
    text = forms.CharField(
        label=_("Message to the bureau"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG, PNG, DOCX or XLSX."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(ALLOWED))}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)
