"""sitemap.xml covering the site's pages in every language."""

from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap


class PortalSitemap(Sitemap):
    """Wagtail's sitemap lists one language's tree; the portal has three."""

    def items(self) -> Any:
        from wagtail.models import Page

        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        within = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return (
            Page.objects.filter(within)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
