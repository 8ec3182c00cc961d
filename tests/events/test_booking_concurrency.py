"""Seats under load, on PostgreSQL: every thread has its own connection and transaction."""

import datetime
import threading

import pytest
from django.db import connection

from events.domain import registration as domain
from events.domain import registration_reports as reports
from events.enums import BookingStatus
from events.models import Booking, ConferencePage, Registration, Seats, SessionPage

SEATS = 10


def make_session(slug, capacity):
    conference = ConferencePage.objects.get(locale__language_code="en", acronym="oidp13")
    day = conference.start_date + datetime.timedelta(days=3)
    session = SessionPage(
        title=f"Load {slug}",
        slug=slug,
        kind="workshop",
        start=datetime.datetime.combine(day, datetime.time(21), conference.zone),
        end=datetime.datetime.combine(day, datetime.time(22), conference.zone),
        abstract="Concurrency test.",
        registration_required=True,
        capacity=capacity,
    )
    conference.add_child(instance=session)
    return conference, session


def confirmed_delegates(conference, count, prefix):
    delegates = []
    for n in range(count):
        registration = domain.register(
            conference,
            {
                "name": f"Delegate {prefix}{n}",
                "email": f"{prefix}{n}@load.example.org",
                "organisation": None,
                "organisation_name": "Load City",
                "country": "PT",
                "position": "",
                "language": "en",
                "interpretation": [],
                "accessibility_needs": "",
                "dietary_needs": "",
                "newsletter_opt_in": False,
            },
            [],
            privacy_version="2027-1",
        )
        domain.confirm(registration)
        delegates.append(registration)
    return delegates


def run_at_once(jobs):
    """Start every job at the same moment, each in its own thread and connection."""
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait(timeout=60)
            job()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return errors


def seated(session):
    return Booking.objects.filter(session=session, status__in=domain.SEATED).count()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_delegates_booking_ten_seats_at_once(live_demo):
    """Exactly ten get seats and forty wait, with no error.

    Shown to fail without the conditional UPDATE in seats.claim_seat: replaced by
    reading `taken`, comparing it with the capacity and saving `taken + 1`, the threads
    read the same count and all 50 got "confirmed", in each of three runs.
    """
    conference, session = make_session("fifty", SEATS)
    delegates = confirmed_delegates(conference, 50, "f")

    errors = run_at_once([lambda r=r: domain.book(r, session) for r in delegates])

    assert errors == []
    statuses = Booking.objects.filter(session=session).values_list("status", flat=True)
    assert sorted(statuses).count(BookingStatus.CONFIRMED) == SEATS
    assert sorted(statuses).count(BookingStatus.WAITLISTED) == 50 - SEATS
    assert Seats.objects.get(page=session).taken == SEATS
    positions = reports.waitlist_positions([session.pk])
    assert sorted(positions.values()) == list(range(1, 50 - SEATS + 1))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_cancellations_and_bookings_keep_the_counts(live_demo):
    """Ten holders cancel while ten newcomers book a full session with ten waiting.

    Every freed seat goes to the waiting list, and the seat counter agrees with the
    bookings. Shown to fail when promotion runs after the cancelling transaction commits
    (on_commit) instead of inside it: a newcomer took a freed seat ahead of the people
    waiting, in one of two runs.
    """
    conference, session = make_session("churn", SEATS)
    holders = confirmed_delegates(conference, SEATS, "h")
    waiting = confirmed_delegates(conference, 10, "w")
    newcomers = confirmed_delegates(conference, 10, "n")
    for registration in [*holders, *waiting]:
        domain.book(registration, session)
    assert seated(session) == SEATS

    jobs = [lambda r=r: domain.cancel_booking(r.bookings.get(session=session)) for r in holders]
    jobs += [lambda r=r: domain.book(r, session) for r in newcomers]
    errors = run_at_once(jobs)

    assert errors == []
    assert seated(session) == SEATS == Seats.objects.get(page=session).taken
    confirmed = set(
        Registration.objects.filter(
            bookings__session=session, bookings__status=BookingStatus.CONFIRMED
        ).values_list("email", flat=True)
    )
    # The ten who were waiting first had priority over anyone who came later.
    assert confirmed == {r.email for r in waiting}
    assert Booking.objects.filter(session=session, status=BookingStatus.WAITLISTED).count() == 10


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_mirrored_clashes_cancelled_at_once_do_not_deadlock(live_demo):
    """A delegate seated in A and waiting for B (which overlaps A), and another seated in
    B and waiting for A, cancel at the same moment. Before, each served the waiting lists
    inside its own cancellation: a review feared a deadlock (each holding one seat row and
    claiming the other's); the test saw the other way it goes wrong: each transaction's
    scan of a waiting list locked the other delegate's waiting booking, so the other
    skipped it, and a delegate stayed 'waitlisted' with every seat free. Now the waiting
    lists are served once the cancellation has committed, one session at a time."""
    for round_ in range(3):
        conference, first = make_session(f"mirror-a{round_}", capacity=5)
        _conference, second = make_session(f"mirror-b{round_}", capacity=5)
        one, other = confirmed_delegates(conference, 2, f"mirror{round_}-")
        domain.book(one, first)
        domain.book(other, second)
        domain.book(one, second, waitlist=True)
        domain.book(other, first, waitlist=True)
        seated = [one.bookings.get(session=first), other.bookings.get(session=second)]
        errors = run_at_once(
            [lambda booking=booking: domain.cancel_booking(booking) for booking in seated]
        )
        assert errors == [], (round_, errors)
        # Each cleared the other's clash: both end up seated where they waited.
        assert one.bookings.get(session=second).status == BookingStatus.CONFIRMED
        assert other.bookings.get(session=first).status == BookingStatus.CONFIRMED
