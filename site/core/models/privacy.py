"""The privacy notice people agree to when they register, join a group or subscribe."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class PrivacyNotice(TranslatableMixin, models.Model):
    """What delegates consent to. A new version is a new notice, never an edit of an old one,
    so each registration records which text it agreed to."""

    version = models.CharField(_("version"), max_length=20, help_text=_("For example 2027-1."))
    effective_from = models.DateField(_("in force from"))
    text = models.TextField(_("text"))

    panels = [FieldPanel("version"), FieldPanel("effective_from"), FieldPanel("text")]
    translatable_fields = [
        SynchronizedField("version"),
        SynchronizedField("effective_from"),
        TranslatableField("text"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
        ordering = ["-effective_from"]

    def __str__(self):
        return self.version
