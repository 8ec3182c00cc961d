"""The booking rules, driven through the domain functions the views call."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.models import Organisation, OutboxMessage
from events.domain import registration as domain
from events.domain import registration_reports as reports
from events.domain import registration_upkeep as upkeep
from events.models import Booking, Registration, Seats, SessionPage

pytestmark = pytest.mark.django_db


def statuses(session):
    return list(
        Booking.objects.filter(session=session)
        .order_by("pk")
        .values_list("registration__email", "status")
    )


def test_a_full_session_puts_the_next_delegate_on_its_waiting_list(bookable, delegate):
    workshop = bookable("workshop")
    first, second = delegate("a@example.org", [workshop]), delegate("b@example.org", [workshop])
    third = delegate("c@example.org", [workshop])
    fourth = delegate("d@example.org", [workshop])
    assert [status for _email, status in statuses(workshop)] == [
        "confirmed",
        "confirmed",
        "waitlisted",
        "waitlisted",
    ]
    assert Seats.objects.get(page=workshop).taken == 2
    positions = reports.waitlist_positions([workshop.pk])
    assert positions[third.bookings.get().pk] == 1
    assert positions[fourth.bookings.get().pk] == 2
    assert first.bookings.get().status == second.bookings.get().status == "confirmed"


def test_a_cancellation_promotes_the_first_waiting_and_tells_them(
    bookable, delegate, django_capture_on_commit_callbacks
):
    workshop = bookable("workshop")
    first = delegate("a@example.org", [workshop])
    delegate("b@example.org", [workshop])
    waiting = delegate("c@example.org", [workshop], language="ca")
    delegate("d@example.org", [workshop])
    with django_capture_on_commit_callbacks(execute=True):
        domain.cancel_booking(first.bookings.get())
    assert waiting.bookings.get().status == "confirmed"
    assert Seats.objects.get(page=workshop).taken == 2
    assert reports.waitlist_positions([workshop.pk]) == {
        Booking.objects.get(registration__email="d@example.org").pk: 1
    }
    promoted = [m for m in mail.outbox if m.to == ["c@example.org"]]
    assert len(promoted) == 1
    assert promoted[0].subject.startswith("Teniu plaça")
    calendar_part = promoted[0].attachments[0]
    assert calendar_part.get_content_type() == "text/calendar"
    assert calendar_part.get_param("method") == "REQUEST"
    cancelled = [m for m in mail.outbox if m.to == ["a@example.org"]]
    assert [p.get_param("method") for p in cancelled[0].attachments] == ["CANCEL"]


def test_a_delegate_cannot_hold_two_overlapping_sessions_but_may_wait_for_one(bookable, delegate):
    morning = bookable("morning", start=(10, 0), end=(12, 0), title="Morning workshop")
    overlapping = bookable("overlap", start=(11, 0), end=(13, 0), title="Late morning")
    registration = delegate("a@example.org", [morning])
    with pytest.raises(domain.Refusal) as refused:
        domain.book(registration, overlapping)
    assert refused.value.reason == domain.Refusal.CLASH
    assert "Morning workshop" in refused.value.message
    assert refused.value.other.pk == morning.pk
    booking = domain.book(registration, overlapping, waitlist=True)
    assert booking.status == "waitlisted"


def test_a_waiting_delegate_whose_sessions_clash_is_passed_over_and_keeps_their_place(
    bookable, delegate
):
    workshop = bookable("workshop", capacity=1)
    other = bookable("other", start=(19, 30), end=(21, 0))
    holder = delegate("a@example.org", [workshop])
    busy = delegate("b@example.org", [other])
    domain.book(busy, workshop, waitlist=True)
    free = delegate("c@example.org", [workshop])
    domain.cancel_booking(holder.bookings.get())
    assert free.bookings.get().status == "confirmed"
    assert busy.bookings.get(session=workshop).status == "waitlisted"


def test_members_only_sessions_take_members_or_an_exception(conference, members_session, delegate):
    outsider = delegate("outsider@example.org")
    with pytest.raises(domain.Refusal) as refused:
        domain.book(outsider, members_session)
    assert refused.value.reason == domain.Refusal.MEMBERS_ONLY
    assert "member organisations only" in refused.value.message
    outsider.member_exception = True
    outsider.save()
    assert domain.book(outsider, members_session).status == "confirmed"
    member_city = Organisation.objects.get(locale__language_code="en", name__startswith="Barcelona")
    member = delegate("member@example.org", organisation=member_city)
    assert domain.book(member, members_session).status == "confirmed"


def test_cancelled_and_foreign_sessions_cannot_be_booked(bookable, delegate, empty_conference):
    cancelled = bookable("called-off", status="cancelled", status_note="The speaker is ill.")
    registration = delegate("a@example.org")
    with pytest.raises(domain.Refusal) as refused:
        domain.book(registration, cancelled)
    assert refused.value.reason == domain.Refusal.CANCELLED
    other_conference = empty_conference("elsewhere", 99)
    stray = SessionPage(
        title="Elsewhere",
        slug="elsewhere-session",
        kind="panel",
        start=cancelled.start,
        end=cancelled.end,
        abstract="x",
        registration_required=True,
    )
    other_conference.add_child(instance=stray)
    with pytest.raises(domain.Refusal) as refused:
        domain.book(registration, stray)
    assert refused.value.reason == domain.Refusal.NOT_BOOKABLE


def test_the_database_refuses_a_second_booking_and_overbooking(bookable, delegate):
    workshop = bookable("workshop", capacity=1)
    registration = delegate("a@example.org", [workshop])
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(registration=registration, session=workshop, status="confirmed")
    with pytest.raises(IntegrityError), transaction.atomic():
        Seats.objects.filter(page=workshop).update(taken=2)


def test_one_live_registration_per_email_and_conference(conference, delegate):
    delegate("a@example.org")
    with pytest.raises(domain.Refusal) as refused:
        delegate("A@Example.org")
    assert refused.value.reason == domain.Refusal.DUPLICATE


def test_a_conference_with_places_refuses_registrations_once_full(conference, delegate):
    conference.capacity = Registration.objects.filter(
        conference=conference, status__in=["pending", "confirmed"]
    ).count()
    conference.save()
    Seats.objects.update_or_create(page_id=conference.pk, defaults={"taken": conference.capacity})
    with pytest.raises(domain.Refusal) as refused:
        delegate("late@example.org")
    assert refused.value.reason == domain.Refusal.CONFERENCE_FULL


def test_a_capacity_set_later_counts_everyone_already_registered(conference, delegate):
    """Organisers often cap a conference once the venue is known, after registration
    opened: the people already in count against the cap."""
    assert conference.capacity is None
    delegate("early@example.org")
    cancelled = delegate("changed-mind@example.org")
    domain.cancel_registration(cancelled)
    live = Registration.objects.filter(conference=conference, status__in=["pending", "confirmed"])
    assert Seats.objects.get(page_id=conference.pk).taken == live.count()
    conference.capacity = live.count() + 1
    conference.save_revision().publish()
    delegate("last-place@example.org")
    with pytest.raises(domain.Refusal) as refused:
        delegate("one-too-many@example.org")
    assert refused.value.reason == domain.Refusal.CONFERENCE_FULL
    assert live.count() == conference.capacity


def test_unconfirmed_holds_are_released_after_the_hold_and_the_list_moves_up(
    bookable, delegate, settings
):
    workshop = bookable("workshop", capacity=1)
    pending = delegate("slow@example.org", [workshop], confirmed=False)
    waiting = delegate("quick@example.org", [workshop])
    assert pending.bookings.get().status == "held"
    assert waiting.bookings.get().status == "waitlisted"
    later = timezone.now() + datetime.timedelta(hours=settings.XARXA_PENDING_HOLD_HOURS + 1)
    demo_pending = Registration.objects.filter(status="pending").count()
    assert upkeep.release_expired_holds(now=timezone.now()) == 0
    assert upkeep.release_expired_holds(now=later) == demo_pending
    pending.refresh_from_db()
    assert pending.status == "expired"
    assert waiting.bookings.get().status == "confirmed"
    # A confirmation link clicked after the hold confirms nothing.
    assert domain.confirm(pending) is None


def test_the_release_command_runs_the_same_rule(bookable, delegate):
    workshop = bookable("workshop", capacity=1)
    pending = delegate("slow@example.org", [workshop], confirmed=False)
    Registration.objects.filter(pk=pending.pk).update(
        hold_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("release_holds", verbosity=0)
    assert Registration.objects.get(pk=pending.pk).status == "expired"
    assert Seats.objects.get(page=workshop).taken == 0


def test_erasing_frees_the_seat_and_leaves_nothing_behind(bookable, delegate):
    workshop = bookable("workshop", capacity=1)
    registration = delegate("gone@example.org", [workshop])
    waiting = delegate("next@example.org", [workshop])
    assert OutboxMessage.objects.filter(to="gone@example.org").exists()
    domain.erase(registration)
    assert not Registration.objects.filter(email="gone@example.org").exists()
    assert not OutboxMessage.objects.filter(to="gone@example.org").exists()
    assert waiting.bookings.get().status == "confirmed"


def test_anonymising_keeps_statistics_and_drops_identity(conference, delegate, settings):
    registration = delegate("old@example.org")
    months = settings.XARXA_ANONYMISE_AFTER_MONTHS
    ended = conference.end_date + datetime.timedelta(days=31 * months + 1)
    call_command("anonymise_registrations", f"--today={ended.isoformat()}", verbosity=0)
    registration.refresh_from_db()
    assert registration.anonymised_at is not None
    assert registration.email.endswith("@invalid") and "old" not in registration.email
    assert registration.name == "—"
    assert str(registration.country) == "PT"
    assert not OutboxMessage.objects.filter(to="old@example.org").exists()


def test_anonymising_waits_for_the_configured_months(conference, delegate):
    registration = delegate("recent@example.org")
    call_command("anonymise_registrations", f"--today={conference.end_date}", verbosity=0)
    registration.refresh_from_db()
    assert registration.anonymised_at is None


def test_reminders_go_two_days_before_once(
    conference, delegate, django_capture_on_commit_callbacks
):
    delegate("soon@example.org", language="es")
    two_days_before = conference.start_date - datetime.timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        for _run in range(2):
            call_command("send_reminders", f"--today={two_days_before}", verbosity=0)
    reminders = [m for m in mail.outbox if m.to == ["soon@example.org"]]
    assert len(reminders) == 1
    assert "Nos vemos pronto" in reminders[0].subject


def test_a_published_time_change_tells_each_confirmed_delegate_once(
    bookable, delegate, django_capture_on_commit_callbacks
):
    workshop = bookable("workshop", capacity=1)
    delegate("booked@example.org", [workshop], language="pt")
    delegate("waiting@example.org", [workshop])
    page = SessionPage.objects.get(pk=workshop.pk)
    page.start += datetime.timedelta(hours=1)
    page.end += datetime.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    told = [m for m in mail.outbox if m.to == ["booked@example.org"]]
    assert len(told) == 1
    assert not [m for m in mail.outbox if m.to == ["waiting@example.org"]]
    (invitation,) = told[0].attachments
    assert invitation.get_param("method") == "REQUEST"
    content = invitation.get_payload(decode=True).decode()
    page.refresh_from_db()
    assert f"SEQUENCE:{page.sequence}" in content and page.sequence > 0
    # Publishing again without a change of time, place or status tells nobody.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        SessionPage.objects.get(pk=workshop.pk).save_revision().publish()
    assert mail.outbox == []


def test_more_places_go_to_the_waiting_list_when_published(
    bookable, delegate, django_capture_on_commit_callbacks
):
    workshop = bookable("workshop", capacity=1)
    delegate("booked@example.org", [workshop])
    waiting = delegate("waiting@example.org", [workshop])
    page = SessionPage.objects.get(pk=workshop.pk)
    page.capacity = 2
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert waiting.bookings.get().status == "confirmed"
    assert [m.to for m in mail.outbox] == [["waiting@example.org"]]


def test_a_cancelled_session_sends_a_cancellation(
    bookable, delegate, django_capture_on_commit_callbacks
):
    workshop = bookable("workshop", capacity=3)
    delegate("booked@example.org", [workshop], language="fr")
    page = SessionPage.objects.get(pk=workshop.pk)
    page.status = "cancelled"
    page.status_note = "Speaker unwell."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    (told,) = [m for m in mail.outbox if m.to == ["booked@example.org"]]
    assert [part.get_param("method") for part in told.attachments] == ["CANCEL"]


def test_a_cancelled_session_seats_its_delegates_on_the_lists_it_kept_them_on(
    bookable, delegate, django_capture_on_commit_callbacks
):
    """An editor cancels the session a delegate held: the one they waited for because
    of it seats them, and says so by email.

    Before the fix the session task promoted only the cancelled session's own list: the
    delegate stayed 'waitlisted' with every seat of the other session free."""
    morning = bookable("morning", capacity=5, start=(10, 0), end=(12, 0))
    late = bookable("late", capacity=5, start=(11, 0), end=(13, 0), title="Late morning")
    registration = delegate("a@example.org", [morning])
    domain.book(registration, late, waitlist=True)
    morning.status = "cancelled"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        morning.save_revision().publish()
    assert registration.bookings.get(session=late).status == "confirmed"
    assert any("Late morning" in m.body for m in mail.outbox if m.to == ["a@example.org"])


def test_cancelling_a_whole_registration_gives_back_every_seat(bookable, delegate):
    """Cancelling everything must not seat the delegate on the lists they waited on."""
    morning = bookable("morning", capacity=5, start=(10, 0), end=(12, 0))
    late = bookable("late", capacity=5, start=(11, 0), end=(13, 0))
    registration = delegate("a@example.org", [morning])
    domain.book(registration, late, waitlist=True)
    domain.cancel_registration(registration)
    assert set(registration.bookings.values_list("status", flat=True)) == {"cancelled"}
    assert Seats.objects.get(page=morning).taken == 0
    assert Seats.objects.filter(page=late, taken__gt=0).count() == 0
