from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.dates import date_range
from core.domain.search import SearchKind
from events import admin_views, feeds
from events.demo.loader import EventsDemo
from events.domain.agenda import AgendaFilterForm, agenda_items
from events.domain.editions import may_copy_as_next_edition
from events.domain.programme import ProgrammeFilterForm
from events.domain.registration_reports import delegates_within
from events.domain.timeslots import LocalSlot, day_label
from events.domain.validation import session_warnings
from events.models import (
    AgendaPage,
    CalendarSubscription,
    ConferenceIndexPage,
    ConferencePage,
    EventIndexPage,
    EventPage,
    ImportedEvent,
    Room,
    SessionPage,
    Venue,
)
from events.registration_admin import RegistrationViewSet


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    list_display = ["name", "city", "country"]
    search_fields = ["name"]


class RoomViewSet(SnippetViewSet):
    model = Room
    icon = "home"
    list_display = ["name", "venue", "capacity"]
    list_filter = ["venue"]
    search_fields = ["name"]


class CalendarSubscriptionViewSet(SnippetViewSet):
    model = CalendarSubscription
    icon = "date"
    menu_label = _("Partner calendars")
    list_display = ["name", "url", "status", "last_checked_at"]


class VenueViewSetGroup(SnippetViewSetGroup):
    items = (VenueViewSet, RoomViewSet, CalendarSubscriptionViewSet)
    menu_icon = "site"
    menu_label = _("Venues")
    menu_name = "venues"


register_snippet(VenueViewSetGroup)


def warn_about_clashes(request, page):
    page = page.specific
    if not isinstance(page, SessionPage):
        return
    conference = page.get_parent().specific
    people = [speaker.person_id for speaker in page.speakers.all()]
    for warning in session_warnings(page, conference, speaker_ids=people):
        messages.warning(request, warning)


hooks.register("after_create_page", warn_about_clashes)
hooks.register("after_edit_page", warn_about_clashes)


def _refusal(page, count):
    return ngettext(
        "“%(page)s” cannot be deleted: %(count)s delegate registration, current or past, "
        "is recorded for it, and it would go with the page. Unpublish the page instead.",
        "“%(page)s” cannot be deleted: %(count)s delegate registrations, current or past, "
        "are recorded for it, and they would go with the page. Unpublish the page instead.",
        count,
    ) % {"page": page.get_admin_display_title(), "count": count}


@hooks.register("before_delete_page")
def keep_pages_delegates_registered_for(request, page):
    if count := delegates_within(page):
        messages.error(request, _refusal(page, count))
        return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_bulk_action")
def keep_pages_delegates_registered_for_in_bulk(request, action_type, objects, action):
    if action_type != "delete" or Page not in action.models:
        return None
    refused = [(page, n) for page in objects if (n := delegates_within(page))]
    for page, count in refused:
        messages.error(request, _refusal(page, count))
    if refused:
        return redirect("wagtailadmin_explore", refused[0][0].get_parent().pk)


@hooks.register("register_admin_urls")
def register_edition_urls():
    return [
        path(
            "events/conference/<int:page_id>/next-edition/",
            admin_views.copy_as_next_edition,
            name="events_next_edition",
        )
    ]


class NextEditionButton(PageMenuItem):
    label = _("Copy as next edition")
    icon_name = "copy"
    url_name = "events_next_edition"

    def is_shown(self, user):
        return may_copy_as_next_edition(self.page, user)


@hooks.register("register_page_header_buttons")
def next_edition_button(page, user, view_name=None, next_url=None):
    if page.specific_class is ConferencePage:
        yield NextEditionButton(page=page, priority=35)


registration_viewset = RegistrationViewSet("registrations")


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return registration_viewset


class SeatsMenuItem(MenuItem):
    def is_shown(self, request):
        return registration_viewset.permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_admin_menu_item")
def register_seats_menu_item():
    return SeatsMenuItem(
        _("Seats and waiting lists"),
        reverse_lazy(registration_viewset.get_url_name("seats")),
        icon_name="table",
        order=251,
    )


# --- what core asks of the apps (core.extensions) ----------------------------------


@hooks.register("xarxa_page_parameters")
def filter_parameters():
    return [*ProgrammeFilterForm.base_fields, *AgendaFilterForm.base_fields]


@hooks.register("xarxa_shown_models")
def shown_on_pages():
    return [ImportedEvent]


@hooks.register("xarxa_bookkeeping_models")
def bookkeeping():
    # A subscription is the import's own bookkeeping; its events are what pages show.

    return [CalendarSubscription]


@hooks.register("xarxa_sections")
def events_sections():
    return [
        (10, ConferenceIndexPage, "Conferences", "conferences", True),
        (30, AgendaPage, "Agenda", "agenda", True),
        # Partners' events reach the agenda through it; it needs no menu entry.
        (60, EventIndexPage, "Partners' events", "partners-events", False),
    ]


@hooks.register("xarxa_demo", order=10)
def events_demo(loader, homes, *, as_in_2013):
    EventsDemo(loader, homes, as_in_2013=as_in_2013).run()


@hooks.register("xarxa_network_feed")
def network_feed(request, home):
    return feeds.network_feed(request, home)


@hooks.register("xarxa_search_kinds")
def events_search_kinds():
    def dates(page):
        return date_range(page.start_date, page.end_date)

    def session_time(session):
        # In the conference's zone, as its programme writes it.
        slot = LocalSlot.of(session.start, session.end, session.get_parent().specific.zone)
        return f"{day_label(slot.day)}, {slot.label}"

    def conference_names(conference):
        # "Cascais" finds the conference held there, though its title may not say it.
        city = conference.venue.city if conference.venue_id else ""
        return f"{conference.acronym} {city}"

    return {
        ConferencePage: SearchKind(_("Conference"), 2, dates, conference_names),
        SessionPage: SearchKind(_("Session"), 1, session_time),
        EventPage: SearchKind(_("External event"), 0.5, dates, lambda page: page.city),
    }


@hooks.register("xarxa_newsworthy_models")
def newsworthy_sessions():
    return [(20, SessionPage)]


@hooks.register("xarxa_upcoming")
def upcoming_in_agenda(locale):
    return agenda_items(locale)
