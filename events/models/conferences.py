import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyBlock
from core.domain.calendar import SequencedMixin
from core.fields import TimeZoneField
from core.models import SECTION_FIELDS, SectionPage
from core.translation import page_fields
from events.domain.timeslots import zone_on


class ConferenceIndexPage(SectionPage):
    translatable_fields = SECTION_FIELDS
    subpage_types = ["events.ConferencePage"]
    template = "events/conference_index_page.html"

    class Meta:
        verbose_name = _("conference index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["conferences"] = (
            ConferencePage.objects.live().public().child_of(self).order_by("-start_date")
        )
        return context


class ConferencePartner(Orderable):
    conference = ParentalKey(
        "events.ConferencePage", related_name="partners", on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        "core.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE
    )
    role = models.CharField(
        _("role"), max_length=120, blank=True, help_text=_("For example: co-organiser, sponsor.")
    )

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class ConferencePage(SequencedMixin, RoutablePageMixin, Page):
    """One edition of the network's conference. Its sessions are its child pages."""

    edition = models.PositiveSmallIntegerField(_("edition number"))
    acronym = models.CharField(
        _("acronym"),
        max_length=40,
        validators=[
            RegexValidator(
                r"^[a-z0-9_]{4,}$",
                _("Use at least four lower-case letters, digits or underscores, e.g. oidp13."),
            )
        ],
        help_text=_("Short name conference apps use, e.g. oidp13."),
    )
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    host_organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("host organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    venue = models.ForeignKey(
        "events.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
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
    time_zone = TimeZoneField(
        _("time zone"), help_text=_("Where the conference happens, e.g. Europe/Lisbon.")
    )
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt_text = models.CharField(
        _("hero image alternative text"), max_length=250, blank=True
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("How many delegates can register. Leave blank for no limit."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("edition"), FieldPanel("acronym")]),
        FieldPanel("theme"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("time_zone"),
                FieldPanel("venue"),
                FieldPanel("region"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("host_organisation"),
        InlinePanel("partners", label=_("Partners")),
        FieldRowPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt_text")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
                FieldPanel("capacity"),
            ],
            heading=_("Registration"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("theme"), index.SearchField("intro")]
    api_fields = [
        APIField("edition"),
        APIField("acronym"),
        APIField("theme"),
        APIField("host_organisation"),
        APIField("venue"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("time_zone"),
        APIField("intro"),
        APIField("body"),
        APIField("registration_opens"),
        APIField("registration_closes"),
    ]
    translatable_fields = page_fields(
        SynchronizedField("edition"),
        SynchronizedField("acronym"),
        TranslatableField("theme"),
        TranslatableField("host_organisation"),
        TranslatableField("venue"),
        TranslatableField("region"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("time_zone"),
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_image_alt_text"),
        SynchronizedField("registration_opens"),
        SynchronizedField("registration_closes"),
        SynchronizedField("capacity"),
        SynchronizedField("partners"),
    )

    sequence_watched = ("start_date", "end_date", "venue_id")

    parent_page_types = ["events.ConferenceIndexPage"]
    subpage_types = ["events.SessionPage"]
    template = "events/conference_page.html"

    class Meta:
        verbose_name = _("conference")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            return self.save_with_sequence(super().save, *args, **kwargs)
        return super().save(*args, **kwargs)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot come before the first day.")
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = _("Registration must close after it opens.")
        if self.hero_image and not self.hero_image_alt_text:
            errors["hero_image_alt_text"] = _("Describe the image, or remove it.")
        if errors:
            raise ValidationError(errors)

    def sessions(self):
        # The views and rules it calls import the models: a cycle inside the app.
        from events.domain.programme import conference_sessions

        return conference_sessions(self)

    def get_context(self, request, *args, **kwargs):
        # The views and rules it calls import the models: a cycle inside the app.
        from events.domain.programme import session_days

        context = super().get_context(request, *args, **kwargs)
        context["days"] = session_days(self, request)
        context["zone_in_words"] = zone_on(self.zone, self.start_date)
        return context

    @path("programme/", name="programme")
    def programme(self, request):
        # The views and rules it calls import the models: a cycle inside the app.
        from events import views

        return views.programme(request, self)

    @path("speakers/", name="speakers")
    def speakers(self, request):
        # The views and rules it calls import the models: a cycle inside the app.
        from events import views

        return views.speakers(request, self)

    @re_path(r"^calendar\.ics/?$", name="calendar")
    def calendar(self, request):
        # The views and rules it calls import the models: a cycle inside the app.
        from events import feeds

        return feeds.conference_feed(request, self)

    @path("register/", name="register")
    def register(self, request):
        # The views and rules it calls import the models: a cycle inside the app.
        from events import registration_views

        return registration_views.register(request, self)

    @re_path(r"^register/confirm/(?P<token>[\w\-]+)/$", name="confirm_registration")
    def confirm_registration(self, request, token):
        # The views and rules it calls import the models: a cycle inside the app.
        from events import registration_views

        return registration_views.confirm(request, self, token)

    @re_path(r"^registration/(?P<token>[\w\-]+)/$", name="manage_registration")
    def manage_registration(self, request, token):
        # The views and rules it calls import the models: a cycle inside the app.
        from events import registration_views

        return registration_views.manage(request, self, token)

    @re_path(r"^registration/(?P<token>[\w\-]+)/data/$", name="registration_data")
    def registration_data(self, request, token):
        # The views and rules it calls import the models: a cycle inside the app.
        from events import registration_views

        return registration_views.registration_data(request, self, token)

    @re_path(r"^registration/(?P<token>[\w\-]+)/calendar\.ics/?$", name="delegate_feed")
    def delegate_feed(self, request, token):
        # The views and rules it calls import the models: a cycle inside the app.
        from events import registration_views

        return registration_views.delegate_feed(request, self, token)

    @re_path(r"^schedule\.xml/?$", name="schedule_xml")
    def schedule_xml(self, request):
        # The views and rules it calls import the models: a cycle inside the app.
        from events import views

        return views.schedule_xml(request, self)

    @re_path(r"^schedule\.json/?$", name="schedule_json")
    def schedule_json(self, request):
        # The views and rules it calls import the models: a cycle inside the app.
        from events import views

        return views.schedule_json(request, self)
