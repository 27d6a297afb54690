"""API tokens: how an agency's own systems call Waishi on behalf of its liaison officer."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A per-agency secret for the JSON API. Only its SHA-256 is stored.

    A token acts as ``acting_user`` (a liaison officer of the agency), so the API enforces
    exactly the permissions that person has in the workspace.
    """

    agency = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("agency"),
    )
    name = models.CharField(_("name"), max_length=100)
    # The public first part of the token, shown in lists so people can tell tokens apart;
    # also the lookup key, so checking a token costs one indexed query.
    prefix = models.CharField(_("token prefix"), max_length=20, unique=True)
    secret_hash = models.CharField(_("SHA-256 of the token"), max_length=64)
    acting_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("acts as"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-id"]
        indexes = [models.Index(fields=["agency", "-id"], name="api_token_agency_idx")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
