"""Working groups and their meetings, as pages: WorkingGroupIndexPage > WorkingGroupPage >
MeetingPage. Memberships are rows (see members.py), never pages: they are personal data."""

import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyBlock, DocumentLinkBlock
from core.domain.calendar import SequencedMixin
from core.fields import TimeZoneField
from core.models import SECTION_FIELDS, SectionPage
from core.translation import page_fields
from workgroups.enums import GroupStatus, MeetingFormat, MeetingStatus, Repeat
from workgroups.forms import MeetingPageForm


class WorkingGroupIndexPage(SectionPage):
    translatable_fields = SECTION_FIELDS
    subpage_types = ["workgroups.WorkingGroupPage"]
    template = "workgroups/working_group_index_page.html"

    class Meta:
        verbose_name = _("working group index")

    def get_context(self, request, *args, **kwargs):
        # The views and rules it calls import the models: a cycle inside the app.
        from workgroups.domain.groups import group_cards

        context = super().get_context(request, *args, **kwargs)
        context["groups"] = group_cards(self)
        return context


class CoordinatingOrganisation(Orderable):
    group = ParentalKey(
        "workgroups.WorkingGroupPage", related_name="coordinators", on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        "core.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("coordinating organisation")
        verbose_name_plural = _("coordinating organisations")


class WorkingGroupPage(RoutablePageMixin, Page):
    mandate = models.TextField(_("mandate"), help_text=_("Why the group exists, in a few lines."))
    aims = RichTextField(_("aims"), features=["bold", "italic", "ol", "ul", "link"])
    status = models.CharField(
        _("status"), max_length=10, choices=GroupStatus.choices, default=GroupStatus.ACTIVE
    )
    contact_email = models.EmailField(_("contact address"), blank=True)
    regions = ParentalManyToManyField("core.Region", verbose_name=_("regions"), blank=True)
    related_sessions = ParentalManyToManyField(
        "events.SessionPage", verbose_name=_("related conference sessions"), blank=True
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    documents = StreamField(
        [("document", DocumentLinkBlock())], verbose_name=_("documents"), blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("mandate"),
        FieldPanel("aims"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("contact_email")]),
        InlinePanel("coordinators", label=_("Coordinating organisations")),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_sessions"),
        FieldPanel("body"),
        FieldPanel("documents"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("mandate"),
        index.SearchField("aims"),
    ]
    api_fields = [
        APIField("mandate"),
        APIField("aims"),
        APIField("status"),
        APIField("contact_email"),
        APIField("regions"),
        APIField("body"),
        APIField("documents"),
    ]
    translatable_fields = page_fields(
        TranslatableField("mandate"),
        TranslatableField("aims"),
        SynchronizedField("status"),
        SynchronizedField("contact_email"),
        SynchronizedField("coordinators"),
        SynchronizedField("regions"),
        SynchronizedField("related_sessions"),
        TranslatableField("body"),
        TranslatableField("documents"),
    )

    parent_page_types = ["workgroups.WorkingGroupIndexPage"]
    subpage_types = ["workgroups.MeetingPage"]
    template = "workgroups/working_group_page.html"
    #: What the page's meta description falls back to (core.domain.page_description).
    description_field = "mandate"

    class Meta:
        verbose_name = _("working group")

    def get_context(self, request, *args, **kwargs):
        # The views and rules it calls import the models: a cycle inside the app.
        from workgroups.domain.groups import group_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(group_page_context(self, request))
        return context

    @path("join/", name="join")
    def join(self, request):
        # The views and rules it calls import the models: a cycle inside the app.
        from workgroups import views

        return views.join(request, self)

    @re_path(r"^calendar\.ics/?$", name="calendar")
    def calendar(self, request):
        # The views and rules it calls import the models: a cycle inside the app.
        from workgroups import feeds

        return feeds.group_feed(request, self)

    @re_path(r"^member/(?P<token>[\w\-]+)/$", name="member")
    def member(self, request, token):
        # The views and rules it calls import the models: a cycle inside the app.
        from workgroups import views

        return views.member(request, self, token)

    @re_path(r"^member/(?P<token>[\w\-]+)/calendar\.ics/?$", name="member_feed")
    def member_feed(self, request, token):
        # The views and rules it calls import the models: a cycle inside the app.
        from workgroups import feeds

        return feeds.member_feed(request, self, token)


class OccurrenceChange(Orderable):
    """One occurrence of a repeating meeting that is cancelled or moved."""

    meeting = ParentalKey(
        "workgroups.MeetingPage", related_name="changes", on_delete=models.CASCADE
    )
    original_date = models.DateField(
        _("date it was planned for"), help_text=_("In the meeting's time zone.")
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)
    new_start = models.DateTimeField(_("moved to: starts"), null=True, blank=True)
    new_end = models.DateTimeField(_("moved to: ends"), null=True, blank=True)
    note = models.CharField(_("note for members"), max_length=250, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("original_date"), FieldPanel("cancelled")]),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("cancelled or moved occurrence")
        verbose_name_plural = _("cancelled or moved occurrences")


class MeetingPage(SequencedMixin, Page):
    """A meeting of a working group: once, or repeating by a simple rule."""

    base_form_class = MeetingPageForm

    sequence_watched = (
        "start",
        "end",
        "time_zone",
        "repeat",
        "interval",
        "until",
        "format",
        "place",
        "status",
    )

    start = models.DateTimeField(_("starts"), help_text=_("The first meeting, if it repeats."))
    end = models.DateTimeField(_("ends"))
    time_zone = TimeZoneField(
        _("time zone"), help_text=_("Where the meeting is held or chaired, e.g. Europe/Madrid.")
    )
    repeat = models.CharField(
        _("repeats"), max_length=10, choices=Repeat.choices, default=Repeat.NONE
    )
    interval = models.PositiveSmallIntegerField(
        _("every"),
        default=1,
        help_text=_("1 for every week or month, 2 for every other one, and so on."),
    )
    until = models.DateField(
        _("until"), null=True, blank=True, help_text=_("The last possible date of the series.")
    )
    format = models.CharField(
        _("format"), max_length=10, choices=MeetingFormat.choices, default=MeetingFormat.ONLINE
    )
    place = models.CharField(
        _("place"), max_length=250, blank=True, help_text=_("Venue and address, if in person.")
    )
    session = models.ForeignKey(
        "events.SessionPage",
        verbose_name=_("conference session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("When the meeting is part of a conference."),
    )
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Members only: shown in their private feed, emails and member page."),
    )
    public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Public meetings appear in the network's agenda and feed."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    agenda = RichTextField(_("agenda"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    minutes = RichTextField(
        _("minutes"), blank=True, features=["bold", "italic", "ol", "ul", "link"]
    )
    minutes_published = models.BooleanField(
        _("minutes published"),
        default=False,
        help_text=_("Until then the minutes are a draft that only members see."),
    )
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("repeat"), FieldPanel("interval"), FieldPanel("until")]),
            ],
            heading=_("When"),
        ),
        InlinePanel("changes", label=_("Cancelled or moved occurrences")),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("place"),
                FieldPanel("session"),
                FieldPanel("online_link"),
            ],
            heading=_("Where"),
        ),
        FieldRowPanel([FieldPanel("status"), FieldPanel("public")]),
        FieldPanel("agenda"),
        FieldRowPanel([FieldPanel("minutes"), FieldPanel("minutes_published")]),
    ]
    search_fields = [*Page.search_fields, index.SearchField("agenda")]
    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("time_zone"),
        APIField("repeat"),
        APIField("interval"),
        APIField("until"),
        APIField("format"),
        APIField("place"),
        APIField("status"),
        APIField("agenda"),
        APIField("published_minutes"),
    ]
    translatable_fields = page_fields(
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("time_zone"),
        SynchronizedField("repeat"),
        SynchronizedField("interval"),
        SynchronizedField("until"),
        SynchronizedField("format"),
        TranslatableField("place"),
        SynchronizedField("session"),
        SynchronizedField("online_link"),
        SynchronizedField("public"),
        SynchronizedField("status"),
        TranslatableField("agenda"),
        TranslatableField("minutes"),
        SynchronizedField("minutes_published"),
        SynchronizedField("changes"),
    )

    parent_page_types = ["workgroups.WorkingGroupPage"]
    subpage_types = []
    template = "workgroups/meeting_page.html"

    class Meta:
        verbose_name = _("meeting")
        indexes = [models.Index(fields=["start"])]

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            return self.save_with_sequence(super().save, *args, **kwargs)
        return super().save(*args, **kwargs)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def published_minutes(self):
        """What the public (and the API) may read of the minutes."""
        return self.minutes if self.minutes_published else ""

    @property
    def is_cancelled(self):
        return self.status == MeetingStatus.CANCELLED

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The meeting must end after it starts.")
        if (
            self.repeat != Repeat.NONE
            and self.until
            and self.start
            and (self.until < self.start.date())
        ):
            errors["until"] = _("The series cannot end before its first meeting.")
        if self.format in (MeetingFormat.IN_PERSON, MeetingFormat.HYBRID) and not (
            self.place or self.session_id
        ):
            errors["place"] = _("Say where members meet, or link the conference session.")
        if self.format in (MeetingFormat.ONLINE, MeetingFormat.HYBRID) and not self.online_link:
            errors["online_link"] = _("Give members the link to join online.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        # The views and rules it calls import the models: a cycle inside the app.
        from workgroups.domain.groups import meeting_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(meeting_page_context(self))
        return context
