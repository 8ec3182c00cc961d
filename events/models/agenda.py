from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from core.translation import page_fields


class AgendaPage(Page):
    """The network's agenda: its conferences and the external events it takes part in."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]
    translatable_fields = page_fields(TranslatableField("intro"))

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "events/agenda_page.html"

    class Meta:
        verbose_name = _("network agenda")

    def get_context(self, request, *args, **kwargs):
        from events.domain.agenda import agenda_context

        context = super().get_context(request, *args, **kwargs)
        context.update(agenda_context(request, self.locale))
        return context
