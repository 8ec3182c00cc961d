"""What delegates are told, in their own language, through the one email path (core.mail).

Calendar parts carry the feeds' UID and SEQUENCE, so a delegate's calendar updates
the event it already has instead of adding a second one.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant

from core import mail
from core.domain import calendar
from core.domain.calendar_links import calendar_links
from core.domain.translations import in_language
from events.domain.calendar_items import delegate_items
from events.domain.registration_reports import waitlist_positions
from events.domain.terms import hold_period, reference
from events.domain.timeslots import LocalSlot, day_label
from events.enums import BookingStatus
from events.models import ConferencePage, SessionPage


@dataclass
class Line:
    title: str
    when: str
    status: str
    position: int | None = None


def _conference(registration):
    """The conference page in the delegate's language. Kept on the registration: one
    email needs it up to four times (subject, links, invitation, body)."""
    key = (registration.conference_id, registration.language)
    kept = getattr(registration, "_conference_in_language", None)
    if kept is None or kept[0] != key:
        conference = registration.conference
        if _in_source_language(registration):
            kept = registration._conference_in_language = (key, conference)
        else:
            found = in_language(ConferencePage, [conference], registration.language)
            kept = registration._conference_in_language = (key, found[conference.translation_key])
    return kept[1]


def _in_source_language(registration):
    """Registrations and bookings point at the default-language pages: a delegate who
    reads that language reads them as they are, with no query for a translation."""
    return registration.language == get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _titles(registration, sessions):
    if _in_source_language(registration):
        return {session.pk: session.title for session in sessions}
    found = in_language(SessionPage, sessions, registration.language)
    return {session.pk: found[session.translation_key].title for session in sessions}


def _when(session, zone):
    slot = LocalSlot.of(session.start, session.end, zone)
    return f"{day_label(slot.day)}, {slot.label}"


def lines(registration, sessions=None, bookings=None):
    """The delegate's bookings (or just `sessions`) as they read them. `bookings`: all of
    them, when the caller has just made them."""
    zone = registration.conference.zone
    if bookings is None:
        bookings = registration.bookings.exclude(status=BookingStatus.CANCELLED).select_related(
            "session"
        )
    bookings = sorted(
        (b for b in bookings if b.status != BookingStatus.CANCELLED),
        key=lambda booking: booking.session.start,
    )
    if sessions is not None:
        wanted = {session.pk for session in sessions}
        bookings = [booking for booking in bookings if booking.session_id in wanted]
    titles = _titles(registration, [booking.session for booking in bookings])
    waiting = {b.session_id for b in bookings if b.status == BookingStatus.WAITLISTED}
    positions = waitlist_positions(waiting) if waiting else {}
    with translation.override(registration.language):
        return [
            Line(
                title=titles[booking.session_id],
                when=_when(booking.session, zone),
                status=str(BookingStatus(booking.status).label),
                position=positions.get(booking.pk),
            )
            for booking in bookings
        ]


def _session_lines(registration, sessions):
    zone = registration.conference.zone
    titles = _titles(registration, sessions)
    with translation.override(registration.language):
        return [
            Line(title=titles[session.pk], when=_when(session, zone), status="")
            for session in sessions
        ]


def invitation_part(registration, sessions, method):
    with translation.override(registration.language):
        items = delegate_items(sessions, registration.language)
        conference = _conference(registration)
        invitation = calendar.invitation(
            items,
            method=method,
            organizer_email=mail.sender_address(),
            attendee_email=registration.email,
            name=conference.title,
        )
    filename = "invitation.ics" if method == "REQUEST" else "cancellation.ics"
    return mail.calendar_attachment(invitation, filename)


def _send(registration, template, attachments=(), **context):
    conference = _conference(registration)
    mail.queue(
        f"registration/{template}",
        to=registration.email,
        language=registration.language,
        context={
            "delegate": registration,
            "conference": conference,
            "conference_url": conference.get_full_url(),
            **context,
        },
        attachments=attachments,
        reference=reference(registration),
    )


def links(registration, manage_token=None, feed_token=None):
    conference = _conference(registration)
    base = conference.get_full_url()
    found = {}
    if manage_token:
        found["manage_url"] = f"{base}registration/{manage_token}/"
    if feed_token:
        found["feed_url"] = f"{base}registration/{feed_token}/calendar.ics"
        found["calendar_links"] = calendar_links(found["feed_url"], conference.title)
    return found


def please_confirm(registration, token, bookings=None):
    base = _conference(registration).get_full_url()
    _send(
        registration,
        "please_confirm",
        lines=lines(registration, bookings=bookings),
        confirm_url=f"{base}register/confirm/{token}/",
        hold_hours=int(hold_period().total_seconds() // 3600),
    )


def _confirmed_sessions(registration):
    return [
        booking.session
        for booking in registration.bookings.filter(status=BookingStatus.CONFIRMED)
        .select_related("session")
        .order_by("session__start")
    ]


def confirmed(registration, manage_token, feed_token):
    sessions = _confirmed_sessions(registration)
    attachments = [invitation_part(registration, sessions, "REQUEST")] if sessions else []
    _send(
        registration,
        "confirmed",
        attachments,
        lines=lines(registration),
        **links(registration, manage_token, feed_token),
    )


def changed(registration, *, booked=(), waitlisted=(), cancelled=(), updated=()):
    """One email for one change set: new seats and updated times (REQUEST), dropped
    seats (CANCEL) and new places on waiting lists."""
    if not (booked or waitlisted or cancelled or updated):
        return
    attachments = []
    if booked or updated:
        attachments.append(invitation_part(registration, [*booked, *updated], "REQUEST"))
    if cancelled:
        attachments.append(invitation_part(registration, list(cancelled), "CANCEL"))
    _send(
        registration,
        "changed",
        attachments,
        booked=_session_lines(registration, list(booked)),
        updated=_session_lines(registration, list(updated)),
        cancelled=_session_lines(registration, list(cancelled)),
        waitlisted=lines(registration, [booking.session for booking in waitlisted]),
        lines=lines(registration),
    )


def cancelled(registration, sessions):
    attachments = [invitation_part(registration, sessions, "CANCEL")] if sessions else []
    _send(registration, "cancelled", attachments, cancelled=_session_lines(registration, sessions))


def promoted(registration, session):
    _send(
        registration,
        "promoted",
        [invitation_part(registration, [session], "REQUEST")],
        session=_session_lines(registration, [session])[0],
    )


def new_links(registration, manage_token, feed_token):
    _send(registration, "new_links", **links(registration, manage_token, feed_token))


def reminder(registration):
    _send(registration, "reminder", lines=lines(registration))
