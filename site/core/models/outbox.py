"""Every email is a row here before it is sent: what was said, to whom, and whether it left."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    to = models.EmailField(_("to"))
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject"), max_length=250)
    text = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    #: [{"filename", "mimetype", "content" (text)}]: calendar parts, data exports.
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    #: What the message is about, e.g. "registration:12", so it can be found and erased.
    reference = models.CharField(_("reference"), max_length=80, blank=True, db_index=True)
    template = models.CharField(_("template"), max_length=120)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    esp_message_id = models.CharField(_("ESP message id"), max_length=200, blank=True)
    #: Tries that failed, and of those the ones after which the ESP may have taken the
    #: message anyway (core.mail.may_have_been_sent).
    attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    uncertain_attempts = models.PositiveSmallIntegerField(
        _("failed attempts that may have been sent"), default=0
    )
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject
