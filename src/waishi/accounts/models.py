"""The bureau, its divisions and leaders, the agencies it serves, and the people who sign in."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from waishi.core.models import TimeStampedModel, TranslatedMixin

from .constants import ADMIN_ROLES, AGENCY_ROLES, AgencyKind, Role


class Bureau(TranslatedMixin, TimeStampedModel):
    """The foreign-affairs bureau this Waishi instance serves. There is one."""

    name_zh_hans = models.CharField(_("name (Simplified Chinese)"), max_length=200)
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    short_name_zh_hans = models.CharField(
        _("short name (Simplified Chinese)"), max_length=60, blank=True
    )
    short_name_zh_hant = models.CharField(
        _("short name (Traditional Chinese)"), max_length=60, blank=True
    )
    short_name_en = models.CharField(_("short name (English)"), max_length=100, blank=True)
    address_zh_hans = models.CharField(_("address (Simplified Chinese)"), max_length=300)
    address_zh_hant = models.CharField(
        _("address (Traditional Chinese)"), max_length=300, blank=True
    )
    address_en = models.CharField(_("address (English)"), max_length=300, blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    telephone = models.CharField(_("telephone"), max_length=100, blank=True)
    fax = models.CharField(_("fax"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    city_zh_hans = models.CharField(_("city (Simplified Chinese)"), max_length=60, blank=True)
    city_zh_hant = models.CharField(_("city (Traditional Chinese)"), max_length=60, blank=True)
    city_en = models.CharField(_("city (English)"), max_length=60, blank=True)
    # The administrative division code of the city (GB/T 2260), e.g. 441200 for Zhaoqing.
    area_code = models.CharField(_("administrative area code"), max_length=6, blank=True)

    class Meta:
        verbose_name = _("bureau")
        verbose_name_plural = _("bureaux")

    def __str__(self) -> str:
        return self.name_zh_hans

    @property
    def short_name(self) -> str:
        return self.tr("short_name") or self.tr("name")

    @property
    def address(self) -> str:
        return self.tr("address")

    @property
    def city(self) -> str:
        return self.tr("city")


class Division(TranslatedMixin, TimeStampedModel):
    """A division (处/科室) of the bureau. Cases are owned by divisions."""

    bureau = models.ForeignKey(
        Bureau, on_delete=models.CASCADE, related_name="divisions", verbose_name=_("bureau")
    )
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_zh_hans = models.CharField(_("name (Simplified Chinese)"), max_length=120)
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=160, blank=True)
    duties_zh_hans = models.TextField(_("duties (Simplified Chinese)"), blank=True)
    duties_zh_hant = models.TextField(_("duties (Traditional Chinese)"), blank=True)
    duties_en = models.TextField(_("duties (English)"), blank=True)
    telephone = models.CharField(_("telephone"), max_length=60, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        verbose_name = _("division")
        verbose_name_plural = _("divisions")
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.tr("name")


class Leader(TranslatedMixin, TimeStampedModel):
    """A member of the bureau's leadership, with title and portfolio, in page order."""

    bureau = models.ForeignKey(
        Bureau, on_delete=models.CASCADE, related_name="leaders", verbose_name=_("bureau")
    )
    name_zh_hans = models.CharField(_("name (Simplified Chinese)"), max_length=60)
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=60, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    title_zh_hans = models.CharField(_("title (Simplified Chinese)"), max_length=100)
    title_zh_hant = models.CharField(_("title (Traditional Chinese)"), max_length=100, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=120, blank=True)
    portfolio_zh_hans = models.TextField(_("portfolio (Simplified Chinese)"), blank=True)
    portfolio_zh_hant = models.TextField(_("portfolio (Traditional Chinese)"), blank=True)
    portfolio_en = models.TextField(_("portfolio (English)"), blank=True)
    divisions = models.ManyToManyField(
        Division, blank=True, related_name="leaders", verbose_name=_("divisions in charge")
    )
    user = models.OneToOneField(
        "User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leader_profile",
        verbose_name=_("user account"),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.tr("name")


class Agency(TranslatedMixin, TimeStampedModel):
    """An agency, public institution or county government the bureau serves, as a tree."""

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )
    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=AgencyKind.choices)
    name_zh_hans = models.CharField(_("name (Simplified Chinese)"), max_length=160)
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=160, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.tr("name")

    def ancestors(self) -> list["Agency"]:
        """The chain of parents, nearest first (the tree is shallow: city → county → office)."""
        chain: list[Agency] = []
        node = self.parent
        while node is not None and len(chain) < 10:
            chain.append(node)
            node = node.parent
        return chain


class User(AbstractUser):
    """A person who signs in: agency staff or bureau staff. Roles are granted separately."""

    full_name = models.CharField(_("full name"), max_length=60, blank=True)
    agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        verbose_name=_("agency"),
    )
    division = models.ForeignKey(
        Division,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        verbose_name=_("division"),
    )
    phone = models.CharField(_("mobile phone"), max_length=30, blank=True)
    must_change_password = models.BooleanField(
        _("must change password at next sign-in"), default=True
    )
    failed_logins = models.PositiveSmallIntegerField(_("consecutive failed sign-ins"), default=0)
    locked_until = models.DateTimeField(_("locked until"), null=True, blank=True)
    last_failed_login = models.DateTimeField(_("last failed sign-in"), null=True, blank=True)
    password_changed_at = models.DateTimeField(_("password changed at"), null=True, blank=True)
    # Raised when the security administrator resets the user's second factors: every
    # remembered device carries the generation it was remembered in and is forgotten.
    # The database default lets rows be written by code that predates the field (historical
    # models in data migrations).
    factor_epoch = models.PositiveIntegerField(
        _("second-factor generation"), default=0, db_default=0
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # "Wang" and "wang" are one person signing in: user names are unique whatever
            # their case (sign-in looks them up case-insensitively).
            models.UniqueConstraint(Lower("username"), name="accounts_user_username_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def display_name(self) -> str:
        return self.full_name or self.get_full_name() or self.username

    @property
    def role_set(self) -> frozenset[str]:
        """The roles this user holds, read once per request object."""
        cached = getattr(self, "_role_set", None)
        if cached is None:
            cached = (
                frozenset(self.role_grants.values_list("role", flat=True))
                if self.pk
                else (frozenset())
            )
            self._role_set = cached
        return cached

    def has_role(self, *roles: str) -> bool:
        """Whether the user holds any of ``roles``."""
        return bool(self.role_set.intersection(roles))

    @property
    def is_agency_user(self) -> bool:
        return bool(self.role_set & AGENCY_ROLES)

    @property
    def is_admin_user(self) -> bool:
        return bool(self.role_set & ADMIN_ROLES)


class RoleGrant(models.Model):
    """One role held by one user. Granted and revoked only through ``actions``."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="role_grants", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, db_index=True)
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    granted_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("granted by"),
    )

    class Meta:
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="accounts_rolegrant_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}"


class Passkey(models.Model):
    """A passkey (WebAuthn credential) a user signs in with as his second factor.

    Only the public key is kept; the private key never leaves the user's authenticator.
    Created and removed only through ``actions``.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="passkeys", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=60)
    credential_id = models.CharField(_("credential id"), max_length=1400, unique=True)
    public_key = models.BinaryField(_("public key"))
    sign_count = models.PositiveBigIntegerField(_("signature counter"), default=0)
    transports = models.CharField(_("transports"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("passkey")
        verbose_name_plural = _("passkeys")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["created_at", "id"], name="accounts_passkey_order")]

    def __str__(self) -> str:
        return self.name
