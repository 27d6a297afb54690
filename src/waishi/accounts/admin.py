"""Organisation data and user accounts in the system administrator's admin site.

Roles are changed through ``actions.do_set_roles`` so that the separation of the three
administrators is enforced here as everywhere, and every change is audited.
"""

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from waishi.core.views import AuthenticatedRequest

from . import actions
from .constants import Role
from .models import Agency, Bureau, Division, Leader, User


@admin.register(Bureau)
class BureauAdmin(admin.ModelAdmin):
    list_display = ["name_zh_hans", "name_en", "telephone"]


@admin.register(Division)
class DivisionAdmin(admin.ModelAdmin):
    list_display = ["name_zh_hans", "name_en", "code", "sort_order"]
    list_editable = ["sort_order"]


@admin.register(Leader)
class LeaderAdmin(admin.ModelAdmin):
    list_display = ["name_zh_hans", "title_zh_hans", "sort_order"]
    filter_horizontal = ["divisions"]
    raw_id_fields = ["user"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name_zh_hans", "kind", "parent", "code", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name_zh_hans", "name_zh_hant", "name_en", "code"]
    raw_id_fields = ["parent"]


class UserAdminForm(forms.ModelForm):
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    initial_password = forms.CharField(
        label=_("First password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Needed for a new account. The user must change it at first sign-in."),
    )

    class Meta:
        model = User
        fields = [
            "username",
            "full_name",
            "email",
            "phone",
            "agency",
            "division",
            "is_active",
            "must_change_password",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["roles"].initial = sorted(self.instance.role_set)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        probe = User(agency=data.get("agency"), division=data.get("division"))
        if not self.instance.pk:
            password = data.get("initial_password") or ""
            if not password:
                self.add_error("initial_password", _("A new account needs a first password."))
            else:
                try:
                    password_validation.validate_password(password, probe)
                except ValidationError as error:
                    self.add_error("initial_password", error)
        problems = actions.check_role_combination(probe, set(data.get("roles") or []))
        if problems:
            raise ValidationError(problems)
        return data


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    form = UserAdminForm
    list_display = ["username", "full_name", "agency", "division", "is_active", "locked_until"]
    list_filter = ["is_active", "role_grants__role", "division"]
    search_fields = ["username", "full_name", "email"]
    raw_id_fields = ["agency"]
    readonly_fields = [
        "last_login",
        "date_joined",
        "failed_logins",
        "locked_until",
        "password_changed_at",
    ]

    def save_model(self, request: AuthenticatedRequest, obj: User, form: Any, change: bool) -> None:  # type: ignore[override]
        if change:
            actions.do_update_user(
                actor=request.user,
                user=obj,  # type: ignore[arg-type]
                changed=form.changed_data,
                request=request,
            )
        else:
            password = form.cleaned_data["initial_password"]
            created = actions.do_create_user(
                actor=request.user,
                username=obj.username,
                password=password,  # type: ignore[arg-type]
                full_name=obj.full_name,
                email=obj.email,
                phone=obj.phone,
                agency=obj.agency,
                division=obj.division,
                is_active=obj.is_active,
                request=request,
            )
            obj.pk = created.pk
            obj._state.adding = False

    def save_related(  # type: ignore[override]
        self, request: AuthenticatedRequest, form: Any, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        actions.do_set_roles(
            actor=request.user,
            user=form.instance,  # type: ignore[arg-type]
            roles=set(form.cleaned_data.get("roles") or []),
            request=request,
        )
