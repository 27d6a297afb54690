"""StreamField blocks shared by the portal's page types."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class DownloadBlock(blocks.StructBlock):
    """A file a visitor downloads: an attachment to a notice or a form of a service guide."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    document = DocumentChooserBlock(label=_("document"))

    class Meta:
        icon = "doc-full"
        label = _("download")
        template = "portal/blocks/download.html"


class ResponsibilityBlock(blocks.TextBlock):
    """One item of the bureau's list of main responsibilities."""

    class Meta:
        icon = "list-ol"
        label = _("responsibility")


def downloads_field_blocks() -> list[tuple[str, blocks.Block]]:
    return [("download", DownloadBlock())]


def responsibilities_field_blocks() -> list[tuple[str, blocks.Block]]:
    return [("item", ResponsibilityBlock())]
