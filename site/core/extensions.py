"""What core asks of the apps, through Wagtail's hooks, so that core imports no app.

Each app answers in its own `wagtail_hooks.py`; core calls these when it needs to know.
A new app that shows rows on pages, adds a section or has demo content registers here
and core does not change."""

from wagtail import hooks


def _answers(name, *args):
    return [answer(*args) for answer in hooks.get_hooks(name)]


def page_parameters():
    """Query parameters that pages read (filters): `xarxa_page_parameters` hooks each
    return names."""
    return {name for names in _answers("xarxa_page_parameters") for name in names}


def shown_models():
    """Models whose rows pages show besides the pages themselves (`xarxa_shown_models`)."""
    return {model for models in _answers("xarxa_shown_models") for model in models}


def bookkeeping_models():
    """Snippets that only keep an app's books and show nowhere
    (`xarxa_bookkeeping_models`)."""
    return {model for models in _answers("xarxa_bookkeeping_models") for model in models}


def sections():
    """(page type, title, slug, in the menu) of each section a new site gets under its
    home page, in the order of their positions: `xarxa_sections` hooks each return
    (position, page type, title, slug, in the menu) tuples."""
    found = [section for answer in _answers("xarxa_sections") for section in answer]
    return [section[1:] for section in sorted(found, key=lambda section: section[0])]


def load_demo(loader, homes, *, as_in_2013):
    """Each app adds its part of the demo network (`xarxa_demo` hooks, in their order)."""
    for load in hooks.get_hooks("xarxa_demo"):
        load(loader, homes, as_in_2013=as_in_2013)


def listed(pages, *, as_list=False):
    """`pages` without the live, public ones not to be found yet, such as a newsletter
    issue before it is sent: `xarxa_unlisted_pages` hooks each return their ids, as a
    queryset. `as_list` reads them first, for a search backend that takes no subquery."""
    for ids in _answers("xarxa_unlisted_pages"):
        pages = pages.exclude(pk__in=list(ids) if as_list else ids)
    return pages


def network_feed(request, home):
    """The network's calendar, which the app that writes calendars serves
    (`xarxa_network_feed`)."""
    (serve,) = hooks.get_hooks("xarxa_network_feed")
    return serve(request, home)


def search_kinds():
    """How search ranks and shows each page type (core.domain.search.SearchKind):
    `xarxa_search_kinds` hooks each return {page model: SearchKind}."""
    answers = _answers("xarxa_search_kinds")
    return {model: kind for kinds in answers for model, kind in kinds.items()}


def meetings_in_agenda(locale, *, region=None, past=False, request=None):
    """(title, url, first day, last day, place) of the meetings the network agenda lists
    beside conferences and events: `xarxa_agenda_meetings` hooks each return theirs."""
    return [
        entry
        for answer in _answers("xarxa_agenda_meetings", locale, region, past, request)
        for entry in answer
    ]


def network_calendar_items(locale, request):
    """Calendar items other apps add to the network feed (`xarxa_network_calendar_items`)."""
    return [
        item
        for answer in _answers("xarxa_network_calendar_items", locale, request)
        for item in answer
    ]


def network_calendar_sources(home):
    """What those items are read from, for the network feed's ETag and Last-Modified
    (`xarxa_network_calendar_sources`: querysets)."""
    return [
        source for answer in _answers("xarxa_network_calendar_sources", home) for source in answer
    ]


def newsworthy_models():
    """Page types a newsletter issue reports as published since the last one, in the
    order it lists them: `xarxa_newsworthy_models` hooks each return (position, model)."""
    found = [entry for answer in _answers("xarxa_newsworthy_models") for entry in answer]
    return [model for _position, model in sorted(found, key=lambda entry: entry[0])]


def upcoming(locale):
    """The network agenda's coming items, for a newsletter's "coming up" block: the app
    that keeps the agenda answers `xarxa_upcoming` (AgendaItem-like objects)."""
    return [item for answer in _answers("xarxa_upcoming", locale) for item in answer]
