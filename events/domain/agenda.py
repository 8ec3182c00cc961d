"""The network agenda: conferences, external events and public working-group meetings,
upcoming first, filterable."""

import datetime
from dataclasses import dataclass

from django import forms
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import choices, extensions
from core.models import Region
from events.enums import AgendaItemType
from events.models import ConferencePage, EventPage, ImportedEvent

AGENDA_PER_PAGE = 10


@dataclass
class AgendaItem:
    title: str
    url: str
    type: str
    start_date: object
    end_date: object
    place: str

    @property
    def type_label(self):
        return AgendaItemType(self.type).label


class AgendaFilterForm(forms.Form):
    region = choices.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.none(),
        required=False,
        empty_label=_("All regions"),
    )
    type = forms.ChoiceField(label=_("Type"), required=False)
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("", _("Upcoming")), ("past", _("Past"))],
    )

    def __init__(self, data, *, locale):
        super().__init__(data)
        self.fields["region"].queryset = Region.objects.filter(locale=locale)
        self.fields["type"].choices = [("", _("All types")), *AgendaItemType.choices]


def agenda_items(locale, *, region=None, item_type="", past=False, request=None):
    today = timezone.localdate()
    items = []
    if item_type in ("", AgendaItemType.CONFERENCE):
        conferences = ConferencePage.objects.live().public().filter(locale=locale)
        conferences = conferences.select_related("venue")
        if region is not None:
            conferences = conferences.filter(region=region)
        items += [
            AgendaItem(
                c.title,
                c.get_url(request),
                AgendaItemType.CONFERENCE,
                c.start_date,
                c.end_date,
                c.venue.city if c.venue_id else "",
            )
            for c in conferences
        ]
    if item_type in ("", AgendaItemType.EXTERNAL):
        events = EventPage.objects.live().public().filter(locale=locale)
        if region is not None:
            events = events.filter(region=region)
        items += [
            AgendaItem(
                e.title,
                e.get_url(request),
                AgendaItemType.EXTERNAL,
                e.start_date,
                e.end_date,
                f"{e.city}, {e.country.name}",
            )
            for e in events
        ]
    if item_type in ("", AgendaItemType.PARTNER) and region is None:
        imported = ImportedEvent.objects.filter(
            subscription__active=True, subscription__working_group__isnull=True
        )
        items += [
            AgendaItem(
                e.summary,
                e.url,
                AgendaItemType.PARTNER,
                e.start.date(),
                # An all-day DTEND is the day after the last one.
                (e.end - datetime.timedelta(days=1)).date() if e.all_day else e.end.date(),
                e.location,
            )
            for e in imported
        ]
    if item_type in ("", AgendaItemType.MEETING):
        items += [
            AgendaItem(title, url, AgendaItemType.MEETING, start, end, place)
            for title, url, start, end, place in extensions.meetings_in_agenda(
                locale, region=region, past=past, request=request
            )
        ]
    if past:
        items = [item for item in items if item.end_date < today]
        items.sort(key=lambda item: item.start_date, reverse=True)
    else:
        items = [item for item in items if item.end_date >= today]
        items.sort(key=lambda item: item.start_date)
    return items


def agenda_context(request, locale):
    form = AgendaFilterForm(request.GET or None, locale=locale)
    wanted = form.cleaned_data if form.is_valid() else {}
    items = agenda_items(
        locale,
        region=wanted.get("region"),
        item_type=wanted.get("type", ""),
        past=wanted.get("when") == "past",
        request=request,
    )
    page = Paginator(items, AGENDA_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_form": form,
        "items": page,
        "filter_query": query.urlencode(),
        # An empty list blames the filters only when the visitor chose some; otherwise
        # the network simply has nothing planned (or nothing past) yet.
        "filtered": bool(wanted.get("region") or wanted.get("type")),
        "past": wanted.get("when") == "past",
    }
