"""Sending an issue: the dispatch, its ledger of deliveries, and what the ESP reported."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from newsletter.enums import DeliveryStatus, DispatchStatus


class Dispatch(models.Model):
    """An issue on its way out: one per issue, whichever language an editor sent it from."""

    issue = models.OneToOneField(
        "newsletter.NewsletterIssuePage",
        verbose_name=_("issue"),
        on_delete=models.CASCADE,
        related_name="dispatch",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DispatchStatus.choices,
        default=DispatchStatus.SCHEDULED,
    )
    scheduled_for = models.DateTimeField(_("send at"))
    #: Languages whose subscribers get the default-language version, as the editor chose.
    fallback_languages = models.JSONField(_("languages sent in the default language"), default=list)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    ledger_written = models.BooleanField(default=False, editable=False)
    total = models.PositiveIntegerField(_("recipients"), default=0)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    #: When the deferred task that resumes a send stopped by a dead worker is due.
    watchdog_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("dispatch")
        verbose_name_plural = _("dispatches")
        permissions = [("send_issue", _("Can send newsletter issues"))]

    def __str__(self):
        return str(self.issue)


class Delivery(models.Model):
    """One issue to one subscriber. The unique constraint is what makes a resumed send
    unable to email anyone twice."""

    dispatch = models.ForeignKey(
        Dispatch, verbose_name=_("dispatch"), on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        "newsletter.Subscriber",
        verbose_name=_("subscriber"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    email = models.EmailField(_("email"), blank=True)
    #: The language of the version sent (the default one for a fallback).
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.QUEUED,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    esp_message_id = models.CharField(_("ESP message id"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["dispatch", "subscriber"], name="one_delivery_per_subscriber_and_issue"
            ),
        ]
        indexes = [
            models.Index(fields=["dispatch", "status", "language"]),
            models.Index(fields=["esp_message_id"]),
        ]

    def __str__(self):
        return f"{self.dispatch_id} → {self.email}"


class TrackingEvent(models.Model):
    """An ESP webhook event, kept once however often the ESP retries it."""

    esp = models.CharField(_("ESP"), max_length=40)
    event_id = models.CharField(_("event id"), max_length=200)
    event_type = models.CharField(_("event"), max_length=20)
    delivery = models.ForeignKey(
        Delivery,
        verbose_name=_("delivery"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    occurred_at = models.DateTimeField(_("time"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("tracking event")
        verbose_name_plural = _("tracking events")
        constraints = [
            models.UniqueConstraint(fields=["esp", "event_id"], name="one_row_per_esp_event"),
        ]

    def __str__(self):
        return f"{self.esp} {self.event_type}"
