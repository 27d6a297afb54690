"""The passports area's configuration data in the system administrator's admin site.

Only configuration is here: the visa requirements per country with their checklists (the
custody rules' numbers are kept on the kernel's rules screen, /office/rules/). The register,
custody, requests and visas are not: they are worked in the back office by the Passport &
Visa Division. The kinds
of document and of endorsement are fixed by national regulation and live in code
(``core.validators.DocumentKind``, ``constants.EndorsementValidity``), checked with the
document numbers' formats.

Every save goes through ``config_actions`` (checked, validated, audited); nothing is deleted.
"""

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from waishi.core.views import AuthenticatedRequest

from . import config_actions
from .models import VisaRequirement


class ConfigurationAdmin(admin.ModelAdmin):
    """Shown to whoever may view the model (the rules say: the system administrator)."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class VisaRequirementForm(forms.ModelForm):
    class Meta:
        model = VisaRequirement
        fields = list(config_actions.REQUIREMENT_FIELDS)
        help_texts = {
            "country": _("Two letters (DE, JP…); empty: the general row for other countries."),
            "checklist": _('A list of items like {"zh": "护照原件", "en": "Passport"}.'),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "checklist" in data:
            try:
                data["checklist"] = config_actions.check_checklist(data["checklist"] or [])
            except ValidationError as error:
                self.add_error("checklist", error)
        country = str(data.get("country") or "").strip().upper()
        if country and (len(country) != 2 or not country.isalpha()):
            self.add_error("country", _("The country is a two-letter code (e.g. DE), or empty."))
        data["country"] = country
        return data


@admin.register(VisaRequirement)
class VisaRequirementAdmin(ConfigurationAdmin):
    form = VisaRequirementForm
    list_display = ["country", "visa_required", "embassy_zh", "embassy_en", "processing_days"]
    list_filter = ["visa_required"]
    search_fields = ["country", "embassy_zh", "embassy_en"]

    def save_model(  # type: ignore[override]
        self, request: AuthenticatedRequest, obj: VisaRequirement, form: Any, change: bool
    ) -> None:
        saved = config_actions.do_save_visa_requirement(
            actor=request.user,
            requirement=VisaRequirement.objects.get(pk=obj.pk) if change else None,
            data={name: getattr(obj, name) for name in config_actions.REQUIREMENT_FIELDS},
            request=request,
        )
        obj.pk = saved.pk
        obj._state.adding = False
