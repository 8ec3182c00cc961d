import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyBlock, DocumentLinkBlock
from core.domain.calendar import SequencedMixin
from core.translation import page_fields
from events.enums import SessionKind, SessionStatus, SpeakerRole
from events.fields import LanguageListField
from events.page_forms import SessionPageForm

#: Namespace of the frab/iCal identifiers derived from a session's translation key.
SESSION_GUID_NAMESPACE = uuid.UUID("0f8c8a53-2f0e-4a36-9b0b-6c3a4c1e8d27")


class SessionSpeaker(Orderable):
    session = ParentalKey("events.SessionPage", related_name="speakers", on_delete=models.CASCADE)
    person = models.ForeignKey(
        "core.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=SpeakerRole.choices, default=SpeakerRole.SPEAKER
    )

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")


class SessionPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "events.SessionPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class SessionPage(SequencedMixin, RoutablePageMixin, Page):
    """A slot of the conference programme. Times are stored in UTC and edited and
    shown in the conference's time zone."""

    base_form_class = SessionPageForm
    sequence_watched = ("start", "end", "room_id", "status")

    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind.choices)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    room = models.ForeignKey(
        "events.Room",
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    languages = LanguageListField(_("languages spoken"))
    interpretation = LanguageListField(
        _("interpretation into"), help_text=_("Languages with simultaneous interpretation.")
    )
    track = models.CharField(_("track"), max_length=120, blank=True)
    tags = ClusterTaggableManager(verbose_name=_("topics"), through=SessionPageTag, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave blank for no limit.")
    )
    registration_required = models.BooleanField(_("registration required"), default=False)
    members_only = models.BooleanField(
        _("members only"), default=False, help_text=_("Only delegates of member organisations.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    status_note = models.CharField(
        _("reason or new arrangement"),
        max_length=250,
        blank=True,
        help_text=_("Shown to delegates when the session is cancelled or moved."),
    )
    sequence = models.PositiveIntegerField(
        _("calendar sequence"),
        default=0,
        editable=False,
        help_text=_("Goes up when the time, place or status changes, so calendars update."),
    )
    abstract = models.TextField(_("abstract"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    documents = StreamField(
        [("document", DocumentLinkBlock())], verbose_name=_("documents"), blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("track")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("room")],
            heading=_("When and where"),
        ),
        FieldRowPanel([FieldPanel("status"), FieldPanel("status_note")]),
        InlinePanel("speakers", label=_("Speakers and moderators")),
        FieldRowPanel([FieldPanel("languages"), FieldPanel("interpretation")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("registration_required"), FieldPanel("capacity")]),
                FieldPanel("members_only"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("abstract"),
        FieldPanel("body"),
        FieldPanel("documents"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("abstract"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("room"),
        APIField("languages"),
        APIField("interpretation"),
        APIField("track"),
        APIField("tags"),
        APIField("capacity"),
        APIField("registration_required"),
        APIField("members_only"),
        APIField("status"),
        APIField("status_note"),
        APIField("abstract"),
        APIField("body"),
        APIField("guid"),
    ]
    translatable_fields = page_fields(
        SynchronizedField("kind"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        TranslatableField("room"),
        SynchronizedField("languages"),
        SynchronizedField("interpretation"),
        TranslatableField("track"),
        SynchronizedField("tagged_items"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_required"),
        SynchronizedField("members_only"),
        SynchronizedField("status"),
        TranslatableField("status_note"),
        TranslatableField("abstract"),
        TranslatableField("body"),
        TranslatableField("documents"),
        TranslatableField("speakers"),
    )

    parent_page_types = ["events.ConferencePage"]
    subpage_types = []
    template = "events/session_page.html"
    #: What the page's meta description falls back to (core.domain.page_description).
    description_field = "abstract"

    class Meta:
        verbose_name = _("session")
        indexes = [models.Index(fields=["start"])]

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"start", "end", "room", "status"} & set(update_fields):
            return self.save_with_sequence(super().save, *args, **kwargs)
        return super().save(*args, **kwargs)

    @re_path(r"^calendar\.ics/?$", name="calendar")
    def calendar(self, request):
        # The views and rules it calls import the models: a cycle inside the app.
        from events import feeds

        return feeds.session_feed(request, self)

    @property
    def guid(self):
        """The same in every language and across republishing: derived from the translation key."""
        return str(uuid.uuid5(SESSION_GUID_NAMESPACE, str(self.translation_key)))

    @property
    def is_cancelled(self):
        return self.status == SessionStatus.CANCELLED

    def get_context(self, request, *args, **kwargs):
        # The views and rules it calls import the models: a cycle inside the app.
        from events.domain.programme import session_view
        from events.domain.timeslots import zone_note

        context = super().get_context(request, *args, **kwargs)
        conference = self.get_parent().specific
        context["conference"] = conference
        context["session"] = session_view(self, conference.zone)
        context["zone_note"] = zone_note(conference.zone, conference.start_date)
        return context
