"""Readers of the newsletter and every consent they gave."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from newsletter.enums import SubscriberSource, SubscriberStatus


class Subscriber(models.Model):
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    #: Default-locale topics; a translation is the same topic under another name.
    topics = models.ManyToManyField("newsletter.Topic", verbose_name=_("topics"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
    )
    source = models.CharField(
        _("source"), max_length=12, choices=SubscriberSource.choices, default=SubscriberSource.FORM
    )
    #: Random; the signed links are made from it, so replacing it revokes them all.
    key = models.CharField(_("link key"), max_length=32, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="one_subscriber_per_email"),
        ]
        indexes = [models.Index(fields=["status", "language"])]

    def __str__(self):
        return self.email


@receiver(pre_delete, sender=Subscriber)
def forget_their_address(sender, instance, **kwargs):
    # However a reader is deleted (erasure, the admin), the ledger keeps counts, not them.
    instance.deliveries.update(email="", esp_message_id="", error="")


class Consent(models.Model):
    """One row per thing a subscriber agreed to or withdrew, never edited afterwards."""

    class Action(models.TextChoices):
        SUBSCRIBED = "subscribed", _("Subscribed")
        CONFIRMED = "confirmed", _("Confirmed the address")
        CHANGED = "changed", _("Changed preferences")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    subscriber = models.ForeignKey(
        Subscriber, verbose_name=_("subscriber"), on_delete=models.CASCADE, related_name="consents"
    )
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    form = models.CharField(_("form"), max_length=80)
    #: The consent wording's version and the exact words shown, in the reader's language.
    version = models.CharField(_("text version"), max_length=20)
    text = models.TextField(_("text"), blank=True)
    privacy_version = models.CharField(_("privacy notice version"), max_length=20, blank=True)
    language = models.CharField(_("language"), max_length=10)
    given_at = models.DateTimeField(_("time"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["given_at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.form})"
