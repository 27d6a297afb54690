"""The status look-up form."""

from django import forms
from django.utils.translation import gettext_lazy as _


class StatusLookupForm(forms.Form):
    reference = forms.CharField(
        label=_("Case reference"),
        max_length=40,
        help_text=_("As printed on your receipt, e.g. CG-2026-00017."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    code = forms.CharField(
        label=_("Verification code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_reference(self) -> str:
        return str(self.cleaned_data["reference"]).strip().upper()

    def clean_code(self) -> str:
        return str(self.cleaned_data["code"]).strip()


class DocumentVerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Document verification code"),
        max_length=30,
        help_text=_("As printed under the QR code of the document, e.g. ABCD-EFGH-JKLM."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_code(self) -> str:
        from waishi.cases.documents import looks_like_code, normalise_code

        code = str(self.cleaned_data["code"])
        if not looks_like_code(code):
            raise forms.ValidationError(
                _("A verification code has twelve letters and digits, e.g. ABCD-EFGH-JKLM.")
            )
        return normalise_code(code)
