"""The portal's page types: the bureau's official website on Wagtail.

Organisation facts (the bureau's name and contacts, its divisions and leaders) are not copied
into pages: the profile, leadership, divisions and contact pages render the rows of
``waishi.accounts`` in the visitor's language, so the website and the back office never
disagree.
"""

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from waishi.core.validators import validate_web_address, validate_web_link

from .blocks import downloads_field_blocks, responsibilities_field_blocks


def organisation() -> dict[str, Any]:
    """The bureau, its divisions (with leaders) and leaders, read once for a page."""
    from waishi.accounts.models import Division, Leader
    from waishi.core.context_processors import current_bureau

    bureau = current_bureau()
    return {
        "bureau": bureau,
        # Waishi serves one bureau, so every division and leader is its own.
        "divisions": list(Division.objects.order_by("sort_order", "id")),
        "leaders": list(Leader.objects.order_by("sort_order", "id")),
    }


class PortalPage(Page):
    """Common ground of every portal page: an introduction shown under the title."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("search_text")]

    class Meta:
        abstract = True

    def search_text(self) -> str:
        """All of the page's text, with Chinese characters spaced apart for the index.

        The database search backends split words at spaces, and Chinese has none; indexing
        each character as a word lets a phrase query find any Chinese term inside the text.
        """
        from .search import page_text, segment

        return segment(page_text(self))


class HomePage(PortalPage):
    """The front page: latest news and notices, quick links to services, contact block."""

    subpage_types = [
        "portal.BureauProfilePage",
        "portal.ResponsibilitiesPage",
        "portal.LeadershipPage",
        "portal.DivisionsPage",
        "portal.NewsIndexPage",
        "portal.ServiceGuideIndexPage",
        "portal.ContactPage",
        "portal.StandardPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        live = NewsPage.objects.live().filter(locale_id=self.locale_id).order_by("-date", "-pk")
        context["latest_news"] = list(live.filter(category=NewsCategory.NEWS)[:5])
        context["latest_notices"] = list(live.filter(category=NewsCategory.NOTICE)[:5])
        context["services"] = list(
            ServiceGuidePage.objects.live().filter(locale_id=self.locale_id).order_by("path")[:8]
        )
        context["sections"] = list(self.get_children().live().in_menu().specific())
        return context


class StandardPage(PortalPage):
    """A plain page of text, for anything the other types do not cover."""

    body = RichTextField(_("body"), blank=True)

    content_panels = [*PortalPage.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")


class BureauProfilePage(PortalPage):
    """The bureau's profile: name, address, postcode, telephone, fax, map and office hours."""

    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)
    map_url = models.URLField(_("map link"), blank=True, validators=[validate_web_address])
    body = RichTextField(_("body"), blank=True)

    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("office_hours"),
        FieldPanel("map_url"),
        FieldPanel("body"),
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("bureau profile page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(organisation())
        return context


class ResponsibilitiesPage(PortalPage):
    """The bureau's main responsibilities, the list (a)–(i)."""

    responsibilities = StreamField(
        responsibilities_field_blocks(), blank=True, verbose_name=_("responsibilities")
    )

    content_panels = [*PortalPage.content_panels, FieldPanel("responsibilities")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("responsibilities page")


class LeadershipPage(PortalPage):
    """The leaders with title and portfolio, in order, read from the organisation data."""

    max_count_per_parent = 1

    class Meta:
        verbose_name = _("leadership page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(organisation())
        return context


class DivisionsPage(PortalPage):
    """The bureau's divisions with their duties and telephone, from the organisation data."""

    max_count_per_parent = 1

    class Meta:
        verbose_name = _("divisions page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(organisation())
        return context


class ContactPage(PortalPage):
    """How to reach the bureau: address, telephone, fax, e-mail, hours and directions."""

    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)
    map_url = models.URLField(_("map link"), blank=True, validators=[validate_web_address])
    body = RichTextField(_("directions and other notes"), blank=True)

    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("office_hours"),
        FieldPanel("map_url"),
        FieldPanel("body"),
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(organisation())
        return context


class NewsCategory(models.TextChoices):
    NEWS = "news", _("News")
    NOTICE = "notice", _("Notice")


class NewsIndexPage(PortalPage):
    """News and notices, newest first, twenty to a page."""

    subpage_types = ["portal.NewsPage"]
    per_page = 20

    class Meta:
        verbose_name = _("news and notices index")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        items = NewsPage.objects.child_of(self).live().order_by("-date", "-pk")
        category = request.GET.get("category", "")
        if category in NewsCategory.values:
            items = items.filter(category=category)
        context["category"] = category
        context["categories"] = NewsCategory.choices
        context["items"] = Paginator(items, self.per_page).get_page(request.GET.get("page"))
        return context


class NewsPage(PortalPage):
    """A news item or notice. Notices use Wagtail's go-live and expiry dates for scheduling."""

    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    category = models.CharField(
        _("category"), max_length=10, choices=NewsCategory.choices, default=NewsCategory.NEWS
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    body = RichTextField(_("body"))
    attachments = StreamField(downloads_field_blocks(), blank=True, verbose_name=_("attachments"))

    content_panels = [
        *PortalPage.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("category")], heading=_("publication")),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    search_fields = [
        *PortalPage.search_fields,
        index.FilterField("category"),
        index.FilterField("date"),
    ]
    parent_page_types = ["portal.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item or notice")
        verbose_name_plural = _("news and notices")


class ServiceGuideIndexPage(PortalPage):
    """The list of service guides (办事指南)."""

    subpage_types = ["portal.ServiceGuidePage"]

    class Meta:
        verbose_name = _("service guide index")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = list(ServiceGuidePage.objects.child_of(self).live().order_by("path"))
        return context


class ServiceGuidePage(PortalPage):
    """A service guide in the standard 办事指南 form, with a link to file online."""

    legal_basis = RichTextField(_("legal basis"), blank=True)
    applicants = RichTextField(_("who may apply"), blank=True)
    conditions = RichTextField(_("conditions"), blank=True)
    materials = RichTextField(_("materials"), blank=True)
    procedure = RichTextField(_("procedure"), blank=True)
    time_limit = models.CharField(_("time limit"), max_length=200, blank=True)
    fees = models.CharField(_("fees"), max_length=200, blank=True)
    where_and_when = models.CharField(_("where and when"), max_length=300, blank=True)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    forms = StreamField(downloads_field_blocks(), blank=True, verbose_name=_("forms"))
    # A path inside Waishi (the agency workspace), or a full address of another system.
    online_url = models.CharField(
        _("file online at"),
        max_length=300,
        blank=True,
        validators=[validate_web_link],
        help_text=_("Address of the online filing page, e.g. /workspace/."),
    )

    content_panels = [
        *PortalPage.content_panels,
        FieldPanel("legal_basis"),
        FieldPanel("applicants"),
        FieldPanel("conditions"),
        FieldPanel("materials"),
        FieldPanel("procedure"),
        MultiFieldPanel(
            [
                FieldPanel("time_limit"),
                FieldPanel("fees"),
                FieldPanel("where_and_when"),
                FieldPanel("contact"),
            ],
            heading=_("time, fees and place"),
        ),
        FieldPanel("forms"),
        FieldPanel("online_url"),
    ]
    parent_page_types = ["portal.ServiceGuideIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("service guide")
