"""Site-wide page types: the home page of each locale, standard pages and news."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyBlock
from core.translation import page_fields

NEWS_PER_PAGE = 12


class HomePage(RoutablePageMixin, Page):
    """The root of one locale's tree. Every locale has exactly one."""

    network_name = models.CharField(
        _("network name"),
        max_length=200,
        help_text=_("The network's full name in this page's language, shown on every page."),
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("network_name"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("network_name"), APIField("intro"), APIField("body")]
    translatable_fields = page_fields(
        TranslatableField("network_name"), TranslatableField("intro"), TranslatableField("body")
    )

    parent_page_types = ["wagtailcore.Page"]
    template = "core/home_page.html"

    class Meta:
        verbose_name = _("home page")

    @re_path(r"^calendar\.ics/?$", name="calendar")
    def calendar(self, request):
        # The network feed gathers every app's items; the app that writes calendars serves it.
        from core import extensions

        return extensions.network_feed(request, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.live().public().filter(locale=self.locale).order_by("-date")[:3]
        )
        return context


class StandardPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]
    translatable_fields = page_fields(TranslatableField("intro"), TranslatableField("body"))

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    template = "core/standard_page.html"

    class Meta:
        verbose_name = _("standard page")


class SectionPage(Page):
    """A page of its own kind right under a locale's home (news, agenda, conferences):
    a title and an introduction over a listing its subclass builds."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


#: What a SectionPage translates; subclasses that add fields declare their own list.
SECTION_FIELDS = page_fields(TranslatableField("intro"))


class NewsIndexPage(SectionPage):
    translatable_fields = SECTION_FIELDS
    subpage_types = ["core.NewsPage"]
    template = "core/news_index_page.html"

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.live().public().child_of(self).order_by("-date", "-pk")
        tag = request.GET.get("tag", "").strip()
        if tag:
            news = news.filter(tags__slug=tag)
        page_number = request.GET.get("page")
        context["tag"] = tag
        context["filter_query"] = urlencode({"tag": tag}) if tag else ""
        context["news"] = Paginator(news, NEWS_PER_PAGE).get_page(page_number)
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "core.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), help_text=_("One or two sentences for lists."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt_text = models.CharField(
        _("image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(verbose_name=_("topics"), through=NewsPageTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("image_alt_text"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date"),
        APIField("intro"),
        APIField("image"),
        APIField("image_alt_text"),
        APIField("body"),
        APIField("tags"),
    ]
    translatable_fields = page_fields(
        SynchronizedField("date"),
        TranslatableField("intro"),
        SynchronizedField("image"),
        TranslatableField("image_alt_text"),
        TranslatableField("body"),
        SynchronizedField("tagged_items"),
    )

    parent_page_types = ["core.NewsIndexPage"]
    subpage_types = []
    template = "core/news_page.html"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def clean(self):
        super().clean()
        if self.image and not self.image_alt_text:
            raise ValidationError({"image_alt_text": _("Describe the image, or remove it.")})
