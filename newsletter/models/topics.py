from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Topic(TranslatableMixin, models.Model):
    """What a reader can choose to hear about. Pages published under `section` belong to it,
    which is how an issue finds what was "published since the last issue"."""

    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=250, blank=True)
    section = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("News, sessions and meetings published under this page belong to the topic."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("section"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("section"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("newsletter topic")
        verbose_name_plural = _("newsletter topics")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name
