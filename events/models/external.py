import zoneinfo

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyBlock
from core.domain.calendar import SequencedMixin
from core.fields import TimeZoneField
from core.models import SECTION_FIELDS, SectionPage
from core.translation import page_fields
from events.domain.timeslots import zone_on
from events.enums import NetworkRole

EVENTS_PER_PAGE = 20


class EventIndexPage(SectionPage):
    translatable_fields = SECTION_FIELDS
    subpage_types = ["events.EventPage"]
    template = "events/event_index_page.html"

    class Meta:
        verbose_name = _("external events index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.live().public().child_of(self).order_by("-start_date")
        context["events"] = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
        context["today"] = timezone.localdate()
        return context


class EventPage(SequencedMixin, Page):
    """An activity elsewhere that the network organises, presents at or attends."""

    organiser = models.CharField(_("organiser"), max_length=200)
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"))
    region = models.ForeignKey(
        "core.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    time_zone = TimeZoneField(_("time zone"))
    network_role = models.CharField(
        _("the network's role"), max_length=20, choices=NetworkRole.choices
    )
    link = models.URLField(_("event website"), blank=True)
    working_group = models.ForeignKey(
        "workgroups.WorkingGroupPage",
        verbose_name=_("related working group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The group that takes part or follows it, if any."),
    )
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)
    intro = models.TextField(_("introduction"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("region"),
            ],
            heading=_("When and where"),
        ),
        FieldRowPanel([FieldPanel("organiser"), FieldPanel("network_role")]),
        FieldPanel("link"),
        FieldPanel("working_group"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("city")]
    api_fields = [
        APIField("organiser"),
        APIField("city"),
        APIField("country"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("time_zone"),
        APIField("network_role"),
        APIField("link"),
        APIField("working_group"),
        APIField("intro"),
        APIField("body"),
    ]
    translatable_fields = page_fields(
        TranslatableField("organiser"),
        TranslatableField("city"),
        SynchronizedField("country"),
        TranslatableField("region"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("time_zone"),
        SynchronizedField("network_role"),
        SynchronizedField("link"),
        TranslatableField("working_group"),
        TranslatableField("intro"),
        TranslatableField("body"),
    )

    sequence_watched = ("start_date", "end_date", "city")

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"

    class Meta:
        verbose_name = _("external event")
        verbose_name_plural = _("external events")

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            return self.save_with_sequence(super().save, *args, **kwargs)
        return super().save(*args, **kwargs)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["zone_in_words"] = zone_on(self.zone, self.start_date)
        return context

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot come before the first day.")})
