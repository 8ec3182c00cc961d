"""Delegates' registrations for a conference and their bookings for its sessions.

Registrations and bookings always point at the default-language pages, so a delegate
who registers on the Catalan site and one on the English site compete for the same
seats. Seat counts live in `Seats`, whose CHECK constraint is the last word on
capacity whatever the code above it does.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from events.enums import BookingStatus, RegistrationStatus
from events.fields import LanguageListField


class Registration(models.Model):
    # Wagtail's reference index would record every delegate as a use of the conference
    # page: rows and a queued task on each save, for a "usage" count nobody reads.
    wagtail_reference_index_ignore = True

    #: A conference people registered for is not deleted with their registrations: the
    #: admin says so first (events.wagtail_hooks), and the database refuses anyway.
    conference = models.ForeignKey(
        "events.ConferencePage",
        verbose_name=_("conference"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(
        _("organisation (as typed)"),
        max_length=200,
        blank=True,
        help_text=_("When the delegate's organisation is not in the list."),
    )
    country = CountryField(_("country"))
    position = models.CharField(_("position"), max_length=200, blank=True)
    language = models.CharField(_("preferred language"), max_length=10, choices=settings.LANGUAGES)
    interpretation = LanguageListField(_("interpretation needed into"))
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True, max_length=1000)
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    newsletter_opt_in = models.BooleanField(_("wants the newsletter"), default=False)
    privacy_version = models.CharField(_("privacy notice version"), max_length=20)
    consented_at = models.DateTimeField(_("consented at"))
    consent_ip = models.GenericIPAddressField(_("consent IP address"), null=True, blank=True)
    member_exception = models.BooleanField(
        _("may book members-only sessions"),
        default=False,
        help_text=_("An exception granted by a registration manager."),
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    #: Until then a pending registration's seats are kept for it.
    hold_expires_at = models.DateTimeField(_("seats held until"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    #: SHA-256 of the secrets in the links we email (core.tokens); never the secrets.
    confirm_token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    manage_token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    feed_token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "email"],
                condition=Q(status__in=["pending", "confirmed"]),
                name="one_live_registration_per_email",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def organisation_label(self):
        return self.organisation.name if self.organisation_id else self.organisation_name

    @property
    def sessions_label(self):
        """'Title (status); ...' from prefetched bookings, for lists and exports."""
        return "; ".join(
            f"{booking.session.title} ({booking.get_status_display()})"
            for booking in self.bookings.all()
            if booking.status != "cancelled"
        )

    @property
    def may_book_members_only(self):
        return self.member_exception or (
            self.organisation_id is not None and self.organisation.is_member
        )


class Booking(models.Model):
    wagtail_reference_index_ignore = True  # as Registration

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="bookings",
    )
    session = models.ForeignKey(
        "events.SessionPage",
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    status = models.CharField(_("status"), max_length=12, choices=BookingStatus.choices)
    #: Waiting-list order: when the delegate joined it.
    queued_at = models.DateTimeField(_("joined the waiting list"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    attended = models.BooleanField(_("attended"), default=False)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"], name="one_booking_per_delegate_and_session"
            )
        ]
        indexes = [models.Index(fields=["session", "status", "queued_at"])]

    def __str__(self):
        return f"{self.registration} – {self.session}"


class Seats(models.Model):
    """Seats taken on a session (or a conference) with a capacity. The CHECK constraint
    makes overbooking impossible even for code that forgets the rules."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    capacity = models.PositiveIntegerField(null=True, blank=True)
    taken = models.PositiveIntegerField(default=0)
    #: The session SEQUENCE delegates were last told about (see domain.registration).
    notified_sequence = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("seats")
        verbose_name_plural = _("seats")
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(taken__lte=F("capacity")),
                name="seats_within_capacity",
            )
        ]

    def __str__(self):
        limit = "∞" if self.capacity is None else self.capacity
        return f"{self.taken}/{limit}"
