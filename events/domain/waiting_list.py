"""Waiting lists and clashes: who may be seated when a seat frees up or a clash goes away.

A delegate whose other sessions overlap a session waits for it, keeping their place;
`promote` is the one way from a list to a seat, and it asks `clash` each time."""

from django.db import transaction
from django.utils import timezone

from events.domain import registration_mail
from events.domain.seats import SEATED, claim_seat
from events.enums import BookingStatus, RegistrationStatus
from events.models import Booking, SessionPage


def overlaps(session, other):
    """The one rule for clashing sessions, which the registration form and the manage
    page's hints ask too: times that cross (one ending as the next starts is fine), and
    a cancelled session clashes with nothing, as it takes no time any more."""
    return (
        session.pk != other.pk
        and not session.is_cancelled
        and not other.is_cancelled
        and session.start < other.end
        and other.start < session.end
    )


def clash(registration, session):
    """The booking of `registration` whose session overlaps `session`, if any."""
    seated = (
        registration.bookings.filter(status__in=SEATED)
        .select_related("session")
        .order_by("session__start", "pk")
    )
    return first_overlap(seated, session)


def first_overlap(bookings, session):
    """The first of `bookings` (in the order given) holding a seat in a session that
    overlaps `session`."""
    return next((b for b in bookings if b.status in SEATED and overlaps(b.session, session)), None)


def seat_waiting(registrations, now=None):
    """A clash that kept these delegates waiting may be gone (they cancelled a session, or
    an editor cancelled or moved one): every session they wait for seats whoever it can,
    in the usual order and with the usual email (`promote` asks `clash` again).

    Callers run it once their own transaction has committed, and each session here has
    a transaction of its own: holding one session's seat row while claiming another's
    would deadlock with a delegate whose clash runs the other way round."""
    sessions = list(
        SessionPage.objects.filter(
            bookings__status=BookingStatus.WAITLISTED, bookings__registration__in=registrations
        )
        .distinct()
        .order_by("pk")
    )
    for session in sessions:
        with transaction.atomic():
            promote(session, now)


def promote(session, now=None):
    """Give free seats to the waiting list, first come first served. A delegate whose
    other sessions overlap this one is passed over and keeps their place. A session
    that is cancelled, unpublished or over seats nobody: its list only waits."""
    if session.is_cancelled or not session.live or session.end <= (now or timezone.now()):
        return []
    promoted = []
    waiting = (
        Booking.objects.filter(session=session, status=BookingStatus.WAITLISTED)
        .select_related("registration")
        .order_by("queued_at", "pk")
    )
    for candidate in waiting:
        if clash(candidate.registration, session):
            continue
        # Only the booking about to be seated is locked, and skipped if another
        # transaction holds it (a delegate cancelling their own waiting booking holds it
        # while waiting for this seat row). Locking the ones passed over too made a
        # concurrent cancellation that cleared their clash skip them: they stayed
        # waiting with every seat free.
        booking = (
            Booking.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk=candidate.pk, status=BookingStatus.WAITLISTED)
            .select_related("registration")
            .first()
        )
        if booking is None:
            continue
        if not claim_seat(session.pk, session.capacity, session.sequence):
            break
        confirmed = booking.registration.status == RegistrationStatus.CONFIRMED
        booking.status = BookingStatus.CONFIRMED if confirmed else BookingStatus.HELD
        booking.queued_at = None
        booking.save(update_fields=["status", "queued_at", "updated_at"])
        promoted.append(booking)
        if confirmed:
            registration_mail.promoted(booking.registration, session)
    return promoted
