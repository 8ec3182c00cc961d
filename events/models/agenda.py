from django.utils.translation import gettext_lazy as _

from core.models import SECTION_FIELDS, SectionPage


class AgendaPage(SectionPage):
    """The network's agenda: its conferences and the external events it takes part in."""

    translatable_fields = SECTION_FIELDS
    subpage_types = []
    template = "events/agenda_page.html"

    class Meta:
        verbose_name = _("network agenda")

    def get_context(self, request, *args, **kwargs):
        # The views and rules it calls import the models: a cycle inside the app.
        from events.domain.agenda import agenda_context

        context = super().get_context(request, *args, **kwargs)
        context.update(agenda_context(request, self.locale))
        return context
