"""Names and choices of the rights-protection complaints (侨务信访)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Stored in Case.case_type and the reference prefix: XF-2026-00001 (信访).
CASE_TYPE = "XF"
# The Division of Overseas Chinese Affairs handles 侨务 complaints (GDQ art. 31).
DIVISION = "overseas-chinese"
# The rules engine's area for the clocks' lengths.
RULE_AREA = "petitions"

# Clocks (codes of the case type's ClockSpecs).
NOTICE_CLOCK = "notice"
OBJECTION_CLOCK = "transfer_objection"
CONCLUDE_CLOCK = "conclude"
REVIEW_WINDOW_CLOCK = "review_window"
REVIEW_CLOCK = "review"
REREVIEW_WINDOW_CLOCK = "rereview_window"
REREVIEW_CLOCK = "rereview"
# The clocks a hearing pauses (hearing time is not counted: XF art. 36).
HEARING_CLOCKS = (CONCLUDE_CLOCK, REVIEW_CLOCK, REREVIEW_CLOCK)

XF = "信访工作条例（2022年5月1日起施行）"


class RuleCode(models.TextChoices):
    NOTICE_DAYS = "notice_days", _("Written notice after receipt (days)")
    OBJECTION_WORKDAYS = "objection_workdays", _("Objection to a wrong transfer (working days)")
    CONCLUDE_DAYS = "conclude_days", _("Conclusion after acceptance (days)")
    EXTENSION_DAYS = "extension_days", _("Longest extension of the conclusion (days)")
    TRANSFER_DAYS = (
        "transfer_days",
        _("Answer of the department a complaint is transferred to (days)"),
    )
    REVIEW_REQUEST_DAYS = "review_request_days", _("Review (复查) requested after the reply (days)")
    REVIEW_DAYS = "review_days", _("Review opinion after the request (days)")
    REREVIEW_REQUEST_DAYS = (
        "rereview_request_days",
        _("Re-review (复核) requested after the review opinion (days)"),
    )
    REREVIEW_DAYS = "rereview_days", _("Re-review opinion after the request (days)")
    GROUP_REPRESENTATIVES = "group_representatives", _("Representatives of a group visit")


class Channel(models.TextChoices):
    LETTER = "letter", _("Letter")
    VISIT = "visit", pgettext_lazy("petition", "Visit")
    TELEPHONE = "telephone", _("Telephone")
    ONLINE = "online", _("Online")


class Category(models.TextChoices):
    SUGGESTION = "suggestion", _("Suggestion or opinion (建议意见)")
    ACCUSATION = "accusation", _("Report or accusation (检举控告)")
    CLAIM = "claim", _("Appeal or claim (申诉求决)")


class RightsArea(models.TextChoices):
    """The rights of returned overseas Chinese and relatives a complaint concerns (GDQ; IMP)."""

    HOUSING = "housing", _("Overseas Chinese housing (侨房)")
    EXPROPRIATION = "expropriation", _("Expropriation and demolition")
    HOMESTEAD = "homestead", _("Homesteads and land")
    REMITTANCE = "remittance", _("Remittances (侨汇)")
    INHERITANCE = "inheritance", _("Inheritance")
    INVESTMENT = "investment", _("Investment and enterprises")
    EDUCATION = "education", _("Education and school admission")
    EXIT = "exit", _("Exit for family visits")
    PENSION = "pension", _("Pensions abroad")
    GRAVES = "graves", _("Graves")
    IDENTITY = "identity", _("Identity and documents")
    OTHER = "other", _("Other")


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("Satisfied")
    BASICALLY = "basically", _("Basically satisfied")
    DISSATISFIED = "dissatisfied", _("Dissatisfied")


class ReviewResult(models.TextChoices):
    UPHELD = "upheld", _("Upheld")
    CHANGED = "changed", _("Changed")
    REVOKED = "revoked", _("Revoked, to be handled again")


class Stage(models.TextChoices):
    """The stage a hearing pauses."""

    CONCLUDE = CONCLUDE_CLOCK, _("Handling")
    REVIEW = REVIEW_CLOCK, _("Review (复查)")
    REREVIEW = REREVIEW_CLOCK, _("Re-review (复核)")


# Written notices and the handling opinion: kinds of the kernel's official documents.
NOTICE_ACCEPT = "petitions.accept_notice"
NOTICE_TRANSFER = "petitions.transfer_notice"
NOTICE_DECLINE = "petitions.decline_notice"
OPINION = "petitions.opinion"
