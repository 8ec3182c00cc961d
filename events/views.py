"""The conference's sub-pages, served through its routes (see ConferencePage)."""

import json

from django.template.response import TemplateResponse
from wagtail.models import Page

from core.feeds import conditional_response
from events import feeds
from events.domain import frab
from events.domain import programme as programme_domain
from events.domain.timeslots import zone_note


def conference_context(request, conference, route):
    # Page's context, not the conference page's: that one lists every session by day,
    # which these routes never show (the programme groups its own, filtered), and
    # loading them twice doubled a long programme's cost.
    context = Page.get_context(conference, request)
    context["route_suffix"] = route
    context["zone_note"] = zone_note(conference.zone, conference.start_date)
    return context


def programme(request, conference):
    context = conference_context(request, conference, "programme/")
    context.update(programme_domain.programme(conference, request.GET, request))
    return TemplateResponse(request, "events/programme.html", context)


def speakers(request, conference):
    context = conference_context(request, conference, "speakers/")
    context["speakers"] = programme_domain.speakers(conference, request)
    return TemplateResponse(request, "events/speakers.html", context)


def schedule_json(request, conference):
    # Schedule apps poll the exports: a conditional GET is answered before the build.
    return conditional_response(
        request,
        feeds.conference_sources(conference),
        # Without indent: only then does json use its C encoder, and indenting a
        # 1,000-session schedule took a third of its time, for apps that parse it.
        lambda: json.dumps(frab.schedule(conference, request), ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )


def schedule_xml(request, conference):
    return conditional_response(
        request,
        feeds.conference_sources(conference),
        lambda: frab.schedule_xml(frab.schedule(conference, request)),
        content_type="application/xml; charset=utf-8",
    )
