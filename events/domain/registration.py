"""Registration rules: seats, waiting lists, clashes, members-only sessions and holds.

Every operation that changes a delegate's bookings runs in one transaction and first
locks that delegate's registration row, so one delegate's requests apply one after
another. A seat is claimed with a conditional UPDATE (`taken < capacity`), which
PostgreSQL re-evaluates after waiting on a concurrent claim of the same row: two
requests can never both take the last seat, and the CHECK constraint on `Seats`
backs that up. Freeing a seat and promoting the next person on the waiting list
happen in the same transaction, so a newcomer cannot slip in between.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant

from core import tokens
from events.domain.seats import claim_seat, release_seat
from events.enums import BookingStatus, RegistrationStatus

#: Bookings that hold a seat.
SEATED = (BookingStatus.HELD, BookingStatus.CONFIRMED)
MANAGE = "xarxa.registration.manage"
FEED = "xarxa.registration.feed"
CONFIRM = "xarxa.registration.confirm"


class Refusal(Exception):
    """A booking the rules do not allow, with a message for the delegate."""

    CLASH = "clash"
    MEMBERS_ONLY = "members_only"
    CANCELLED = "cancelled"
    NOT_BOOKABLE = "not_bookable"
    CLOSED = "closed"
    CONFERENCE_FULL = "conference_full"
    DUPLICATE = "duplicate"

    def __init__(self, reason, message, *, other=None):
        super().__init__(message)
        self.reason = reason
        self.message = message
        #: For a clash: the session the delegate already holds.
        self.other = other


def hold_period():
    return datetime.timedelta(hours=settings.XARXA_PENDING_HOLD_HOURS)


# --- registration window -------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    state: str  # "open", "not_yet" or "closed"
    opens: datetime.datetime | None
    closes: datetime.datetime | None

    @property
    def is_open(self):
        return self.state == "open"


def window(conference, now=None):
    now = now or timezone.now()
    opens, closes = conference.registration_opens, conference.registration_closes
    if opens is None and closes is None:
        # A conference that never set dates takes no registrations.
        return Window("closed", None, None)
    if opens and now < opens:
        return Window("not_yet", opens, closes)
    if closes and now >= closes:
        return Window("closed", opens, closes)
    return Window("open", opens, closes)


# --- pages in the default language ----------------------------------------------------


def source(page):
    """The default-language page that registrations and bookings point at."""
    # One query whether or not `page` is that page: the default locale's code needs none.
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    found = (
        type(page)
        .objects.filter(translation_key=page.translation_key, locale__language_code=default)
        .first()
    )
    return page if found is not None and found.pk == page.pk else found


def bookable_sessions(conference):
    from events.models import SessionPage

    return (
        SessionPage.objects.child_of(conference)
        .live()
        .filter(registration_required=True)
        .order_by("start", "pk")
    )


def _locked(registration):
    from events.models import Registration

    locked = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=registration.pk)
    )
    if Registration.conference.is_cached(registration):
        locked.conference = registration.conference  # a page is not what the lock guards
    return locked


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
    from events.models import SessionPage

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


def title(session):
    """The session's title in the language being spoken (messages name it)."""
    from django.utils.translation import get_language

    from events.feeds import in_language
    from events.models import SessionPage

    found = in_language(SessionPage, [session], get_language() or "en")
    return found[session.translation_key].title


def check_bookable(registration, session):
    if session.is_cancelled:
        raise Refusal(
            Refusal.CANCELLED,
            _("“%(session)s” is cancelled and cannot be booked.") % {"session": title(session)},
        )
    if (
        not session.registration_required
        or not session.live
        or not session.path.startswith(registration.conference.path)
    ):
        raise Refusal(
            Refusal.NOT_BOOKABLE,
            _("“%(session)s” is not a session of this conference that takes bookings.")
            % {"session": title(session)},
        )
    if session.members_only and not registration.may_book_members_only:
        raise Refusal(
            Refusal.MEMBERS_ONLY,
            _(
                "“%(session)s” is for delegates of member organisations only. If you think "
                "you should attend, write to the organisers: they can make an exception."
            )
            % {"session": title(session)},
        )


def book(registration, session, *, waitlist=False, now=None):
    """Book `session` for the delegate: a seat (held until they confirm) or, when it is
    full, a place on its waiting list. With `waitlist`, join the list even though the
    session overlaps one the delegate holds. Raises Refusal."""
    from events.models import Booking

    now = now or timezone.now()
    with transaction.atomic():
        registration = _locked(registration)
        check_bookable(registration, session)
        booking = Booking.objects.filter(registration=registration, session=session).first()
        if booking and booking.status in SEATED:
            return booking
        booking = booking or Booking(registration=registration, session=session)
        other = clash(registration, session)
        if place(registration, session, booking, other, waitlist=waitlist, now=now):
            booking.save()
        return booking


def place(registration, session, booking, other, *, waitlist, now):
    """Seat a booking of `session` not holding one, or queue it: the rule `book` and
    `register` share. `other` is the delegate's seated booking that overlaps the
    session, if any. True when the booking changed (and needs saving); False when it
    stays as it was."""
    waiting = booking.pk is not None and booking.status == BookingStatus.WAITLISTED
    if waiting and other:
        return False  # still waiting for the reason they joined the list
    if other and not waitlist:
        raise Refusal(
            Refusal.CLASH,
            _(
                "“%(session)s” overlaps “%(other)s”, which you already have. Cancel that "
                "one first, or join the waiting list of this one."
            )
            % {"session": title(session), "other": title(other.session)},
            other=other.session,
        )
    if not other and claim_seat(session.pk, session.capacity, session.sequence):
        booking.status = (
            BookingStatus.CONFIRMED
            if registration.status == RegistrationStatus.CONFIRMED
            else BookingStatus.HELD
        )
        booking.queued_at = None
    elif waiting:
        return False  # keeps its place in the queue
    else:
        booking.status = BookingStatus.WAITLISTED
        booking.queued_at = now
    return True


def add_session(registration, session, *, waitlist=False, now=None):
    """A confirmed delegate adds a session from their manage page, and is told by email."""
    from events.domain import registration_mail

    with transaction.atomic():
        booking = book(registration, session, waitlist=waitlist, now=now)
        registration = booking.registration
        if booking.status == BookingStatus.CONFIRMED:
            registration_mail.changed(registration, booked=[session])
        elif booking.status == BookingStatus.WAITLISTED:
            registration_mail.changed(registration, waitlisted=[booking])
    return booking


def promote(session, now=None):
    """Give free seats to the waiting list, first come first served. A delegate whose
    other sessions overlap this one is passed over and keeps their place. A session
    that is cancelled, unpublished or over seats nobody: its list only waits."""
    from events.domain import registration_mail
    from events.models import Booking

    if session.is_cancelled or not session.live or session.end <= (now or timezone.now()):
        return []
    promoted = []
    waiting = (
        # Only the booking rows, and skipping any another transaction holds: a delegate
        # cancelling their own waiting booking holds it while waiting for this seat row.
        Booking.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(session=session, status=BookingStatus.WAITLISTED)
        .select_related("registration")
        .order_by("queued_at", "pk")
    )
    for booking in waiting:
        if clash(booking.registration, session):
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


def _drop(booking, now):
    """Cancel one booking inside the caller's transaction; True when it held a seat."""
    seated = booking.status in SEATED
    booking.status = BookingStatus.CANCELLED
    booking.queued_at = None
    booking.save(update_fields=["status", "queued_at", "updated_at"])
    if seated:
        release_seat(booking.session_id)
        promote(booking.session, now)
    return seated


def cancel_booking(booking, *, now=None, notify=True):
    """The delegate or an editor cancels one booking; the next person waiting moves up."""
    from events.domain import registration_mail
    from events.models import Booking

    now = now or timezone.now()
    with transaction.atomic():
        registration = _locked(booking.registration)
        booking = Booking.objects.select_related("session").get(pk=booking.pk)
        if booking.status == BookingStatus.CANCELLED:
            return booking
        was_confirmed = booking.status == BookingStatus.CONFIRMED
        freed = _drop(booking, now)
        if notify and registration.status == RegistrationStatus.CONFIRMED:
            registration_mail.changed(
                registration, cancelled=[booking.session] if was_confirmed else []
            )
    if freed:
        seat_waiting([registration], now)
    return booking


def move_booking(booking, session, *, now=None):
    """An editor moves a delegate to another session: a seat there, or its waiting list."""
    from events.domain import registration_mail
    from events.models import Booking

    now = now or timezone.now()
    with transaction.atomic():
        registration = _locked(booking.registration)
        booking = Booking.objects.select_related("session").get(pk=booking.pk)
        was_confirmed = booking.status == BookingStatus.CONFIRMED
        old_session = booking.session
        freed = booking.status != BookingStatus.CANCELLED and _drop(booking, now)
        new = book(registration, session, waitlist=True, now=now)
        if registration.status == RegistrationStatus.CONFIRMED:
            registration_mail.changed(
                registration,
                booked=[session] if new.status == BookingStatus.CONFIRMED else [],
                waitlisted=[new] if new.status == BookingStatus.WAITLISTED else [],
                cancelled=[old_session] if was_confirmed else [],
            )
    if freed:
        # After the new booking: the editor's choice comes before an old waiting list.
        seat_waiting([registration], now)
    return new


# --- the registration as a whole -----------------------------------------------------


def register(conference, details, sessions, *, ip=None, privacy_version, now=None):
    """A pending registration with its seats held. `conference` and `sessions` are the
    default-language pages; `details` the delegate's answers. Raises Refusal."""
    from events.domain import registration_mail
    from events.models import Booking, Registration

    now = now or timezone.now()
    if not window(conference, now).is_open:
        raise Refusal(Refusal.CLOSED, _("Registration for this conference is not open."))
    email = details["email"].strip().lower()
    token, token_hash = tokens.issue(CONFIRM)
    try:
        with transaction.atomic():
            # The unique constraint on live registrations is the check, and it makes a
            # double click's second request wait for the first and refuses it. A new
            # registration is locked by its own uncommitted row: nobody else sees it.
            registration = Registration.objects.create(
                conference=conference,
                email=email,
                privacy_version=privacy_version,
                consented_at=now,
                consent_ip=ip,
                hold_expires_at=now + hold_period(),
                confirm_token_hash=token_hash,
                **{key: value for key, value in details.items() if key != "email"},
            )
            bookings = []
            for session in sessions:
                check_bookable(registration, session)
                booking = Booking(registration=registration, session=session)
                seated = sorted(bookings, key=lambda b: b.session.start)
                other = first_overlap(seated, session)
                place(registration, session, booking, other, waitlist=False, now=now)
                bookings.append(booking)
            Booking.objects.bulk_create(bookings)
            # Every live registration holds a conference place, capped or not, so a
            # capacity an organiser sets later counts everyone already in. Claimed last:
            # every registration shares this row, and its lock lasts until the commit.
            if not claim_seat(conference.pk, conference.capacity):
                raise Refusal(
                    Refusal.CONFERENCE_FULL,
                    _("The conference is full: all %(count)s places are taken.")
                    % {"count": conference.capacity},
                )
    except IntegrityError:
        if Registration.objects.filter(
            conference=conference,
            email=email,
            status__in=[RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED],
        ).exists():
            raise Refusal(
                Refusal.DUPLICATE,
                _(
                    "This email address is already registered for the conference. Use the "
                    "link in the email we sent you to change your sessions."
                ),
            ) from None
        raise
    # Written once the seats are committed: rendered inside, it kept the session's seat
    # row locked, and every other delegate booking that session waited for it.
    after_commit(lambda: registration_mail.please_confirm(registration, token, bookings))
    return registration


#: How long a request keeps trying to queue an email for what it has committed while the
#: database is away (a restart, a failover): the delegate was told nothing yet.
QUEUE_RETRY_SECONDS = 20


def after_commit(queue_email):
    """Queue an email for a transaction that has committed. The email must not be lost
    to a database that went away in between: the delegate's answer would say nothing
    was saved while their registration stands. So a lost connection is opened again and
    the email queued once the database answers. Inside a caller's transaction the email
    simply joins it."""
    import logging
    import time

    from django.db import InterfaceError, OperationalError, connection

    deadline = time.monotonic() + QUEUE_RETRY_SECONDS
    while True:
        try:
            return queue_email()
        except (OperationalError, InterfaceError):
            if connection.in_atomic_block or time.monotonic() > deadline:
                raise
            logging.getLogger(__name__).warning(
                "database unavailable while queueing an email; trying again"
            )
            connection.close()
            time.sleep(0.5)


def registration_for_confirmation(token):
    """The registration a confirmation link stands for, or None if tampered with or unknown.
    Expiry is the hold's: the page says so."""
    from events.models import Registration

    digest = tokens.hash_of(token, CONFIRM)
    if digest is None:
        return None
    return Registration.objects.filter(confirm_token_hash=digest).first()


def confirm(registration, *, now=None):
    """Pending -> confirmed: held seats become bookings. Returns the new manage token,
    or None when there was nothing to confirm."""
    from events.domain import registration_mail

    now = now or timezone.now()
    with transaction.atomic():
        registration = _locked(registration)
        if registration.status != RegistrationStatus.PENDING:
            return None
        if registration.hold_expires_at and registration.hold_expires_at < now:
            # The periodic release has not run yet; the rule is the same.
            end_registration(registration, RegistrationStatus.EXPIRED, now)
            return None
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
        registration.hold_expires_at = None
        token, registration.manage_token_hash = tokens.issue(MANAGE)
        feed_token, registration.feed_token_hash = tokens.issue(FEED)
        registration.save()
        registration.bookings.filter(status=BookingStatus.HELD).update(
            status=BookingStatus.CONFIRMED, updated_at=now
        )
        registration_mail.confirmed(registration, token, feed_token)
        if registration.newsletter_opt_in:
            from events.forms import NEWSLETTER_OPT_IN
            from newsletter.domain.subscriptions import subscribe_delegate

            subscribe_delegate(registration, NEWSLETTER_OPT_IN)
    return token


def registration_for_manage(token):
    from events.models import Registration

    digest = tokens.hash_of(token, MANAGE)
    if digest is None:
        return None
    return (
        Registration.objects.filter(manage_token_hash=digest, anonymised_at__isnull=True)
        .select_related("organisation", "conference")
        .first()
    )


def registration_for_feed(token):
    from events.models import Registration

    digest = tokens.hash_of(token, FEED)
    if digest is None:
        return None
    return Registration.objects.filter(
        feed_token_hash=digest, status=RegistrationStatus.CONFIRMED
    ).first()


def renew_links(registration):
    """Revoke the manage link and personal feed and send new ones."""
    from events.domain import registration_mail

    with transaction.atomic():
        registration = _locked(registration)
        token, registration.manage_token_hash = tokens.issue(MANAGE)
        feed_token, registration.feed_token_hash = tokens.issue(FEED)
        registration.save(update_fields=["manage_token_hash", "feed_token_hash"])
        registration_mail.new_links(registration, token, feed_token)
    return token, feed_token


def end_registration(registration, status, now):
    """Drop every booking (promoting waiting lists) and give back the conference place."""
    cancelled_sessions = []
    for booking in registration.bookings.exclude(status=BookingStatus.CANCELLED).select_related(
        "session"
    ):
        if booking.status == BookingStatus.CONFIRMED:
            cancelled_sessions.append(booking.session)
        _drop(booking, now)
    if registration.status in (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED):
        release_seat(registration.conference_id)
    registration.status = status
    registration.cancelled_at = now
    registration.hold_expires_at = None
    registration.save(update_fields=["status", "cancelled_at", "hold_expires_at"])
    return cancelled_sessions


def cancel_registration(registration, *, now=None):
    from events.domain import registration_mail

    now = now or timezone.now()
    with transaction.atomic():
        registration = _locked(registration)
        if registration.status not in (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED):
            return registration
        was_confirmed = registration.status == RegistrationStatus.CONFIRMED
        sessions = end_registration(registration, RegistrationStatus.CANCELLED, now)
        if was_confirmed:
            registration_mail.cancelled(registration, sessions)
    return registration


def erase(registration, *, now=None):
    """Everything about the delegate goes, including the emails we kept; seats are freed."""
    from core.models import OutboxMessage

    now = now or timezone.now()
    with transaction.atomic():
        registration = _locked(registration)
        if registration.status in (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED):
            end_registration(registration, RegistrationStatus.CANCELLED, now)
        OutboxMessage.objects.filter(reference=reference(registration)).delete()
        registration.delete()


def reference(registration):
    return f"registration:{registration.pk}"
