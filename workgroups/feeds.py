"""Working-group calendars: the group's public feed and each member's private one."""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from core.domain import calendar
from core.domain.calendar import sources
from core.feeds import Rows, calendar_response, translation_sources
from events.models import Room, SessionPage
from workgroups.domain import meetings as meeting_domain
from workgroups.domain.meetings import meeting_queryset
from workgroups.domain.membership import FEED, for_token
from workgroups.models import MeetingPage, WorkingGroupPage


def meeting_items(meetings, groups, request, *, private=False):
    """Items for meetings whose groups are in `groups` (keyed by tree path)."""
    meetings = [
        m
        for m in meetings
        if (private or m.public) and calendar.keep_in_feed(m.is_cancelled, m.last_published_at)
    ]
    found = sources(MeetingPage, meetings)
    urls = {}
    items = []
    for meeting in meetings:
        group = groups[meeting.path[: -meeting.steplen]]
        if group.path not in urls:
            urls[group.path] = group.get_full_url(request)
        pk, sequence = found.get(meeting.translation_key, (meeting.pk, meeting.sequence))
        url = f"{urls[group.path]}{meeting.slug}/"
        items += meeting_domain.items(meeting, pk, sequence, url, group.title)
    return items


def meeting_dependencies(meetings):
    """What meeting items are written from besides the meeting pages (a queryset): the
    conference session a meeting is part of (its title or room is the place)."""
    sessions = SessionPage.objects.filter(pk__in=meetings.values("session_id"))
    rooms = Room.objects.filter(pk__in=sessions.values("room_id"))
    return [sessions, Rows(rooms, "name")]


def network_dependencies(home):
    """The public meetings of the groups in the home page's locale, and the groups, for
    the network feed."""
    meetings = MeetingPage.objects.live().public().filter(locale_id=home.locale_id, public=True)
    groups = WorkingGroupPage.objects.live().public().filter(locale_id=home.locale_id)
    return [meetings, *meeting_dependencies(meetings), groups, *translation_sources(home, meetings)]


def group_feed(request, group):
    meetings_qs = MeetingPage.objects.live().public().child_of(group).filter(public=True)

    def build():
        items = meeting_items(meeting_queryset().child_of(group), {group.path: group}, request)
        return calendar.build(items, name=group.title, description=group.mandate)

    return calendar_response(
        request,
        [
            group,
            meetings_qs,
            *meeting_dependencies(meetings_qs),
            *translation_sources(group, meetings_qs),
        ],
        build,
        filename=f"{group.slug}.ics",
    )


def member_feed(request, group, token):
    """Every meeting of the member's group, with the online link and draft minutes.
    Private: never cached by a proxy, never indexed."""
    # The views import the feeds: a cycle inside the app.
    from workgroups.views import invalid_link

    membership = for_token(token, FEED)
    if membership is None or membership.group.translation_key != group.translation_key:
        return invalid_link(request, group)
    items = meeting_items(
        meeting_queryset().child_of(group),
        {group.path: group},
        request,
        private=True,
    )
    body = calendar.build(
        items,
        name=_("%(group)s (members)") % {"group": group.title},
        description=group.mandate,
        include_private=True,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{group.slug}-members.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def network_items(locale, request):
    """Public meetings of every group in a locale, for the network feed."""
    groups = {g.path: g for g in WorkingGroupPage.objects.live().public().filter(locale=locale)}
    meetings = [
        m
        for m in meeting_queryset().filter(locale=locale, public=True)
        if m.path[: -m.steplen] in groups
    ]
    return meeting_items(meetings, groups, request)
