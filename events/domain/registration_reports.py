"""What delegates and registration managers are shown: waiting-list places, seat counts
and a delegate's own data, each in one query."""

from django.db.models import Count, Q
from wagtail.models import Page

from events.domain.seats import SEATED
from events.enums import BookingStatus
from events.models import Booking, Registration


def waitlist_positions(session_ids):
    """{booking id: place on its session's waiting list}, in one query."""
    positions, counters = {}, {}
    rows = (
        Booking.objects.filter(session_id__in=session_ids, status=BookingStatus.WAITLISTED)
        .order_by("session_id", "queued_at", "pk")
        .values_list("pk", "session_id")
    )
    for pk, session_id in rows:
        counters[session_id] = counters.get(session_id, 0) + 1
        positions[pk] = counters[session_id]
    return positions


def seat_counts(session_ids):
    """{session id: {"seated": n, "waitlisted": n}} in one query."""
    rows = (
        Booking.objects.filter(session_id__in=session_ids)
        .values("session_id")
        .annotate(
            seated=Count("pk", filter=Q(status__in=SEATED)),
            confirmed=Count("pk", filter=Q(status=BookingStatus.CONFIRMED)),
            held=Count("pk", filter=Q(status=BookingStatus.HELD)),
            waitlisted=Count("pk", filter=Q(status=BookingStatus.WAITLISTED)),
        )
    )
    counts = {pk: {"seated": 0, "confirmed": 0, "held": 0, "waitlisted": 0} for pk in session_ids}
    for row in rows:
        counts[row.pop("session_id")] = row
    return counts


def export(registration):
    """Everything we hold about a delegate, for them to download."""
    bookings = registration.bookings.select_related("session").order_by("session__start")
    return {
        "conference": registration.conference.title,
        "status": registration.status,
        "name": registration.name,
        "email": registration.email,
        "organisation": registration.organisation_label,
        "country": str(registration.country),
        "position": registration.position,
        "language": registration.language,
        "interpretation": registration.interpretation,
        "accessibility_needs": registration.accessibility_needs,
        "dietary_needs": registration.dietary_needs,
        "newsletter_opt_in": registration.newsletter_opt_in,
        "consent": {
            "privacy_notice_version": registration.privacy_version,
            "at": registration.consented_at.isoformat(),
            "ip": registration.consent_ip,
        },
        "registered_at": registration.created_at.isoformat(),
        "confirmed_at": registration.confirmed_at and registration.confirmed_at.isoformat(),
        "bookings": [
            {
                "session": booking.session.title,
                "starts": booking.session.start.isoformat(),
                "status": booking.status,
            }
            for booking in bookings
        ],
    }


def delegates_within(page):
    """How many registrations, current or past, are recorded for `page` or the pages
    below it: for a conference there, or with a booking of a session there. The
    database refuses to delete such a page (PROTECT); this is what the admin says."""
    pages = Page.objects.descendant_of(page, inclusive=True).values("pk")
    return (
        Registration.objects.filter(Q(conference_id__in=pages) | Q(bookings__session_id__in=pages))
        .distinct()
        .count()
    )
