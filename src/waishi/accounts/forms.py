"""Sign-in and password forms."""

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import User


class SignInForm(AuthenticationForm):
    """Django's sign-in form with one message for every failure.

    A wrong password, an unknown name, an account waiting out its delay and a locked account
    read the same, so the form tells an attacker nothing about which accounts exist or are
    locked.
    """

    error_messages = {
        "invalid_login": _(
            "The user name or password is not correct, or the account is temporarily held "
            "back: after a wrong password it waits a few seconds (longer after each one), "
            "and five wrong passwords in a row lock it for thirty minutes."
        ),
        "inactive": _(
            "The user name or password is not correct, or the account is temporarily held "
            "back: after a wrong password it waits a few seconds (longer after each one), "
            "and five wrong passwords in a row lock it for thirty minutes."
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("User name")
        self.fields["password"].label = _("Password")
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "class": "form-control"}
        )
        self.fields["password"].widget.attrs.update(
            {"autocomplete": "current-password", "class": "form-control"}
        )


class ChangePasswordForm(forms.Form):
    """The user's own password change: the old one, then the new one twice."""

    old_password = forms.CharField(
        label=_("Current password"),
        strip=False,
        widget=forms.PasswordInput(
            attrs={"autocomplete": "current-password", "class": "form-control"}
        ),
    )
    new_password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        help_text=password_validation.password_validators_help_text_html,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "class": "form-control"}),
    )
    new_password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "class": "form-control"}),
    )

    def __init__(
        self, user: User, *args: Any, request: HttpRequest | None = None, **kwargs: Any
    ) -> None:
        self.user = user
        self.request = request
        self.wrong_current_password = False
        super().__init__(*args, **kwargs)
        self.fields[
            "new_password1"
        ].help_text = password_validation.password_validators_help_text_html()

    def clean_old_password(self) -> str:
        """Check the current password like a sign-in: delays, counted failures, the lock.

        Someone at an unattended signed-in desk must not be able to guess the password here
        faster than at the sign-in page.
        """
        from . import actions
        from .backends import waiting

        value = self.cleaned_data["old_password"]
        name = self.user.username
        if waiting(self.user):
            User().set_password(value)
            actions.do_record_failed_login(
                username=name, user=self.user, request=self.request, throttled=True
            )
            self.wrong_current_password = True
        elif not self.user.check_password(value):
            actions.do_record_failed_login(
                username=name,
                user=self.user,
                request=self.request,
                reason="wrong current password in the password change",
            )
            self.wrong_current_password = True
        if self.wrong_current_password:
            raise forms.ValidationError(
                _(
                    "The current password is not correct, or it came too soon after a "
                    "wrong one: wait a moment and try again."
                )
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        new1, new2 = data.get("new_password1"), data.get("new_password2")
        if new1 and new2:
            if new1 != new2:
                self.add_error("new_password2", _("The two new passwords differ."))
            elif new1 == data.get("old_password"):
                self.add_error("new_password1", _("Choose a password you have not used now."))
            else:
                try:
                    password_validation.validate_password(new1, self.user)
                except forms.ValidationError as error:
                    self.add_error("new_password1", error)
        return data
