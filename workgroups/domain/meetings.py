"""Meetings as members and the public see them: occurrences on pages, items in feeds."""

import datetime
from dataclasses import replace

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from core.domain import calendar
from events.domain.timeslots import zone_in_words
from workgroups.domain import recurrence
from workgroups.enums import MeetingFormat
from workgroups.models import MeetingPage, OccurrenceChange, WorkingGroupPage


def meeting_queryset():
    """Published, public meetings with their room and their occurrences' changes loaded,
    earliest first: what feeds, the agenda and a member's page list."""
    changes = OccurrenceChange.objects.order_by("original_date")
    return (
        MeetingPage.objects.live()
        .public()
        .select_related("session__room")
        .prefetch_related(Prefetch("changes", queryset=changes))
        .order_by("start")
    )


def rule_of(meeting):
    return recurrence.Rule(meeting.repeat, meeting.interval or 1, meeting.until)


def changes_of(meeting):
    return [
        recurrence.Change(
            original=change.original_date,
            cancelled=change.cancelled,
            start=change.new_start,
            end=change.new_end,
            note=change.note,
        )
        for change in meeting.changes.all()
    ]


def occurrences(meeting):
    return recurrence.occurrences(
        rule_of(meeting), meeting.start, meeting.end, meeting.zone, changes_of(meeting)
    )


def upcoming(meeting, now=None, limit=None):
    now = now or datetime.datetime.now(datetime.UTC)
    found = [o for o in occurrences(meeting) if o.end >= now]
    return found[:limit] if limit else found


def when_label(occurrence):
    return occurrence.label


def where_label(meeting):
    if meeting.format == MeetingFormat.ONLINE:
        return _("Online")
    place = meeting.place
    if not place and meeting.session_id:
        session = meeting.session
        place = session.room.name if session.room_id else session.title
    if meeting.format == MeetingFormat.HYBRID:
        return _("%(place)s, and online") % {"place": place}
    return place


def private_note(meeting):
    """What only members get: the online link and draft minutes."""
    lines = []
    if meeting.online_link:
        lines.append(_("Join online: %(link)s") % {"link": meeting.online_link})
    if meeting.minutes and not meeting.minutes_published:
        lines.append(_("Draft minutes:") + "\n" + calendar.plain_text(meeting.minutes))
    return "\n".join(lines)


def items(meeting, source_pk, sequence, url, group_title):
    """Calendar items for one meeting: the series (with its RRULE and EXDATEs) and one
    override for each moved occurrence, all sharing the series' UID."""
    uid = calendar.uid("meeting", source_pk)
    description = "\n".join(
        part for part in (group_title, calendar.plain_text(meeting.agenda)) if part
    )
    base = calendar.CalendarItem(
        uid=uid,
        summary=meeting.title,
        start=meeting.start.astimezone(meeting.zone),
        end=meeting.end.astimezone(meeting.zone),
        url=url,
        description=description,
        location=where_label(meeting),
        categories=[_("Working group meeting"), group_title],
        cancelled=meeting.is_cancelled,
        sequence=sequence,
        last_modified=meeting.last_published_at,
        private_note=private_note(meeting),
    )
    rule = rule_of(meeting)
    if not rule.repeats:
        return [base]
    found = occurrences(meeting)
    start_local = base.start.replace(tzinfo=None)
    series = replace(
        base,
        rrule=recurrence.rrule_text(rule, start_local, meeting.zone),
        exdates=tuple(o.original_start for o in found if o.cancelled),
        series_end=found[-1].end if found else None,
    )
    moved = [
        replace(
            base,
            start=o.start,
            end=o.end,
            recurrence_id=o.original_start,
            description="\n".join(part for part in (o.note, description) if part),
        )
        for o in found
        if o.moved
    ]
    return [series, *moved]


def zone_note(meeting):
    """'All times are Sao Paulo time (UTC-3), the meeting's time zone.'"""
    return _("All times are %(zone)s, the meeting's time zone.") % {
        "zone": zone_in_words(meeting.zone, meeting.start),
    }


def agenda_entries(locale, *, region=None, past=False, request=None):
    """(title, url, first day, last day, place) for the network agenda: the next
    occurrence of each public meeting, or its last one among past meetings."""
    groups = WorkingGroupPage.objects.live().public().filter(locale=locale)
    if region is not None:
        groups = groups.filter(regions=region)
    groups = {g.path: g for g in groups}
    now = datetime.datetime.now(datetime.UTC)
    entries = []
    for meeting in meeting_queryset().filter(locale=locale, public=True):
        group = groups.get(meeting.path[: -meeting.steplen])
        if group is None or meeting.is_cancelled:
            continue
        found = [o for o in occurrences(meeting) if not o.cancelled]
        chosen = (
            [o for o in found if o.end < now][-1:]
            if past
            else [o for o in found if o.end >= now][:1]
        )
        for o in chosen:
            title = f"{meeting.title} ({group.title})"
            entries.append(
                (
                    title,
                    meeting.get_url(request),
                    o.start.date(),
                    o.end.date(),
                    where_label(meeting),
                )
            )
    return entries
