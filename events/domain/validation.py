"""Editorial rules for sessions: errors stop a save, warnings name the clash."""

import datetime

from django.utils.translation import gettext as _

from events.domain.timeslots import LocalSlot
from events.enums import SessionStatus


def session_errors(start, end, conference):
    """Field errors for a session's times, as {field: message}."""
    errors = {}
    if start and end and end <= start:
        errors["end"] = _("The session must end after it starts.")
    if conference is None:
        return errors
    zone = conference.zone
    first = datetime.datetime.combine(conference.start_date, datetime.time.min, tzinfo=zone)
    after_last = datetime.datetime.combine(
        conference.end_date + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    dates = {"first": conference.start_date.isoformat(), "last": conference.end_date.isoformat()}
    if start and not first <= start < after_last:
        errors["start"] = (
            _(
                "The conference runs from %(first)s to %(last)s: "
                "start the session within those days."
            )
            % dates
        )
    if end and not first < end <= after_last and "end" not in errors:
        errors["end"] = (
            _("The conference runs from %(first)s to %(last)s: end the session within those days.")
            % dates
        )
    return errors


def overlapping_sessions(session, conference):
    """Other scheduled sessions of the same conference and language that overlap in time."""
    # events.models imports this module, through the session page's admin form.
    from events.models import SessionPage

    if not (session.start and session.end):
        return SessionPage.objects.none()
    others = (
        SessionPage.objects.child_of(conference)
        .filter(start__lt=session.end, end__gt=session.start)
        .exclude(status=SessionStatus.CANCELLED)
        .order_by("start")
    )
    if session.pk:
        others = others.exclude(pk=session.pk)
    return others


def session_warnings(session, conference, speaker_ids=None):
    """Messages naming the other session for a room booked twice or a speaker in two
    places at once. `speaker_ids` are the people on the form being saved."""
    # events.models imports this module, through the session page's admin form.
    from events.models import SessionSpeaker

    if session.status == SessionStatus.CANCELLED:
        return []
    zone = conference.zone
    warnings = []
    others = list(overlapping_sessions(session, conference).select_related("room"))
    for other in others:
        if session.room_id and other.room_id == session.room_id:
            warnings.append(
                _("%(room)s is also booked for “%(other)s” at %(time)s.")
                % {
                    "room": other.room.name,
                    "other": other.title,
                    "time": LocalSlot.of(other.start, other.end, zone).label,
                }
            )
    if speaker_ids is None:
        speaker_ids = [s.person_id for s in session.speakers.all()]
    if speaker_ids and session.start and session.end:
        # A person can clash with a session of any conference, not only this one.
        clashes = (
            SessionSpeaker.objects.filter(
                person_id__in=speaker_ids,
                session__start__lt=session.end,
                session__end__gt=session.start,
            )
            .exclude(session__status=SessionStatus.CANCELLED)
            .select_related("person", "session")
            .order_by("session__start")
        )
        if session.pk:
            clashes = clashes.exclude(session_id=session.pk)
        for clash in clashes:
            other = clash.session
            other_zone = other.get_parent().specific.zone
            warnings.append(
                _("%(person)s is also in “%(other)s” at %(time)s.")
                % {
                    "person": clash.person.name,
                    "other": other.title,
                    "time": LocalSlot.of(other.start, other.end, other_zone).label,
                }
            )
    return warnings
