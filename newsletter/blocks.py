"""What an issue is made of. Each block renders twice: on the archive page and in the email,
whose templates (templates/emails/newsletter/blocks/) are tables with inline styles."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale

from core.blocks import ImageBlock

EMAIL_RICH_TEXT = ["bold", "italic", "ol", "ul", "link"]


class FeaturedPageBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    summary = blocks.TextBlock(
        label=_("Summary"),
        required=False,
        help_text=_("Leave empty to use the page's own introduction."),
    )
    image = ImageChooserBlock(label=_("Image"), required=False)
    image_alt_text = blocks.CharBlock(label=_("Image alternative text"), required=False)

    class Meta:
        icon = "pick"
        label = _("Featured page")
        template = "newsletter/blocks/featured_page.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not value.get("image_alt_text"):
            raise StructBlockValidationError(
                block_errors={
                    "image_alt_text": ValidationError(_("Describe the image, or remove it."))
                }
            )
        return value


class PublishedItemBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    summary = blocks.TextBlock(label=_("Summary"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Item")


class PublishedSinceBlock(blocks.StructBlock):
    """Filled in when the issue is saved with no items; the editor then trims or reorders."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    items = blocks.ListBlock(PublishedItemBlock(), label=_("Items"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Published since the last issue")
        template = "newsletter/blocks/published_since.html"


class UpcomingEventsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    weeks = blocks.IntegerBlock(label=_("Weeks ahead"), default=8, min_value=1, max_value=52)

    class Meta:
        icon = "date"
        label = _("Upcoming events")
        template = "newsletter/blocks/upcoming_events.html"

    def get_context(self, value, parent_context=None):
        # The archive's rules import the issue page, whose body is these blocks.
        from newsletter.domain.archive import upcoming_events

        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        locale = page.locale if page is not None else Locale.get_active()
        context["events"] = upcoming_events(locale, value["weeks"])
        return context


class ButtonBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)

    class Meta:
        icon = "link"
        label = _("Button")
        template = "newsletter/blocks/button.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or give a link, not both."))}
            )
        return value


class IssueBlock(blocks.StreamBlock):
    featured = FeaturedPageBlock()
    published_since = PublishedSinceBlock()
    upcoming = UpcomingEventsBlock()
    text = blocks.RichTextBlock(label=_("Text"), features=EMAIL_RICH_TEXT)
    image = ImageBlock()
    button = ButtonBlock()
