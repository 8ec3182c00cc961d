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
import logging
import time
from dataclasses import dataclass

from django.db import IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core import tokens
from core.domain.translations import in_language
from core.models import OutboxMessage
from events.domain import registration_mail
from events.domain.seats import SEATED, claim_seat, release_seat
from events.domain.terms import hold_period, reference
from events.domain.waiting_list import clash, first_overlap, promote, seat_waiting
from events.enums import BookingStatus, RegistrationStatus
from events.models import Booking, Registration, SessionPage
from newsletter.domain.subscriptions import subscribe_delegate

#: What each kind of link token is for (core.tokens).
MANAGE = "xarxa.registration.manage"
FEED = "xarxa.registration.feed"
CONFIRM = "xarxa.registration.confirm"
#: The newsletter box on the form; a subscription keeps the words the delegate agreed to.
NEWSLETTER_OPT_IN = gettext_lazy("Send me the network's newsletter (we will ask you to confirm).")
#: What a delegate tells about themselves: the form asks it, the admin edits it.
DELEGATE_DETAILS = (
    "name",
    "email",
    "organisation",
    "organisation_name",
    "country",
    "position",
    "language",
    "interpretation",
    "accessibility_needs",
    "dietary_needs",
)


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


def bookable_sessions(conference):
    return (
        SessionPage.objects.child_of(conference)
        .live()
        .filter(registration_required=True)
        .order_by("start", "pk")
    )


def _locked(registration):
    locked = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=registration.pk)
    )
    if Registration.conference.is_cached(registration):
        locked.conference = registration.conference  # a page is not what the lock guards
    return locked


def title(session):
    """The session's title in the language being spoken (messages name it)."""
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
    with transaction.atomic():
        booking = book(registration, session, waitlist=waitlist, now=now)
        registration = booking.registration
        if booking.status == BookingStatus.CONFIRMED:
            registration_mail.changed(registration, booked=[session])
        elif booking.status == BookingStatus.WAITLISTED:
            registration_mail.changed(registration, waitlisted=[booking])
    return booking


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
    digest = tokens.hash_of(token, CONFIRM)
    if digest is None:
        return None
    return Registration.objects.filter(confirm_token_hash=digest).first()


def confirm(registration, *, now=None):
    """Pending -> confirmed: held seats become bookings. Returns the new manage token,
    or None when there was nothing to confirm."""
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
            subscribe_delegate(registration, NEWSLETTER_OPT_IN)
    return token


def registration_for_manage(token):
    digest = tokens.hash_of(token, MANAGE)
    if digest is None:
        return None
    return (
        Registration.objects.filter(manage_token_hash=digest, anonymised_at__isnull=True)
        .select_related("organisation", "conference")
        .first()
    )


def registration_for_feed(token):
    digest = tokens.hash_of(token, FEED)
    if digest is None:
        return None
    return Registration.objects.filter(
        feed_token_hash=digest, status=RegistrationStatus.CONFIRMED
    ).first()


def renew_links(registration):
    """Revoke the manage link and personal feed and send new ones."""
    with transaction.atomic():
        registration = _locked(registration)
        token, registration.manage_token_hash = tokens.issue(MANAGE)
        feed_token, registration.feed_token_hash = tokens.issue(FEED)
        registration.save(update_fields=["manage_token_hash", "feed_token_hash"])
        registration_mail.new_links(registration, token, feed_token)
    return token, feed_token


def renew_feed_link(registration):
    """A new personal feed address, shown on the manage page, which cannot show the
    old one (only its hash is kept). The old address stops working; the manage link
    the delegate came with goes on working."""
    with transaction.atomic():
        registration = _locked(registration)
        feed_token, registration.feed_token_hash = tokens.issue(FEED)
        registration.save(update_fields=["feed_token_hash"])
    return feed_token


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
    now = now or timezone.now()
    with transaction.atomic():
        registration = _locked(registration)
        if registration.status in (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED):
            end_registration(registration, RegistrationStatus.CANCELLED, now)
        OutboxMessage.objects.filter(reference=reference(registration)).delete()
        registration.delete()
