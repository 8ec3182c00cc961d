"""Waiting lists from the delegate's manage page: a clash that goes away seats them,
a cancelled session seats nobody and clashes with nothing, Book takes a free seat."""

import datetime

import pytest
from django.core import mail

from events.models import Booking, SessionPage

pytestmark = pytest.mark.django_db


def manage_page(conference, registration):
    from events.domain import registration as domain

    token, _feed = domain.renew_links(registration)
    return f"{conference.url}registration/{token}/"


def test_cancelling_the_clash_seats_the_delegate_on_the_list_they_joined(
    client, conference, bookable, delegate, django_capture_on_commit_callbacks
):
    """Before the fix the delegate stayed "number 1 on the waiting list" of a session with
    every seat free: cancelling A promoted A's list only (B's booking stayed 'waitlisted',
    no email)."""
    morning = bookable("morning", capacity=5, start=(10, 0), end=(12, 0), title="Morning")
    late = bookable("late", capacity=5, start=(11, 0), end=(13, 0), title="Late morning")
    registration = delegate("laura@example.org", [morning])
    url = manage_page(conference, registration)
    client.post(url, {"action": "waitlist", "session": late.pk})
    assert registration.bookings.get(session=late).status == "waitlisted"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "cancel", "session": morning.pk, "confirmed": "1"})
    assert response.status_code == 302
    assert registration.bookings.get(session=late).status == "confirmed"
    assert registration.bookings.get(session=morning).status == "cancelled"
    assert Booking.objects.filter(session=late, status="confirmed").count() == 1
    told = [m for m in mail.outbox if m.to == ["laura@example.org"]]
    assert any("Late morning" in m.body and m.attachments for m in told)
    page = client.get(url).content.decode()
    assert "You are number" not in page


def test_cancelling_the_clash_seats_nobody_in_a_cancelled_session(
    client, conference, bookable, delegate, django_capture_on_commit_callbacks
):
    """Seen in review: B, which the delegate waited for, was cancelled by an editor; when
    the delegate then cancelled A, the waiting list of B seated them and the email said
    "A seat is yours: Late morning" for a session that will not take place."""
    morning = bookable("morning", capacity=5, start=(10, 0), end=(12, 0), title="Morning")
    late = bookable("late", capacity=5, start=(11, 0), end=(13, 0), title="Late morning")
    registration = delegate("laura@example.org", [morning])
    url = manage_page(conference, registration)
    client.post(url, {"action": "waitlist", "session": late.pk})
    late = SessionPage.objects.get(pk=late.pk)
    late.status = "cancelled"
    with django_capture_on_commit_callbacks(execute=True):
        late.save_revision().publish()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "cancel", "session": morning.pk, "confirmed": "1"})
    assert registration.bookings.get(session=late).status == "waitlisted"
    assert not [m for m in mail.outbox if "A seat is yours" in m.subject]


def test_book_from_the_waiting_list_takes_a_free_seat(
    client, conference, bookable, delegate, django_capture_on_commit_callbacks
):
    """An editor moved the clashing session away; until the worker runs the session task,
    the delegate is still waiting with every seat free, and presses Book.

    Before the fix Book returned the waiting booking unchanged: the assertion that it is
    'confirmed' failed (it was still 'waitlisted')."""
    morning = bookable("morning", capacity=5, start=(10, 0), end=(12, 0))
    late = bookable("late", capacity=5, start=(11, 0), end=(13, 0))
    registration = delegate("laura@example.org", [morning])
    url = manage_page(conference, registration)
    client.post(url, {"action": "waitlist", "session": late.pk})
    # The live row as publishing leaves it; the after-publish task has not run yet.
    SessionPage.objects.filter(pk=morning.pk).update(
        start=morning.start - datetime.timedelta(hours=2),
        end=morning.end - datetime.timedelta(hours=2),
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "book", "session": late.pk}, follow=True)
    assert registration.bookings.get(session=late).status == "confirmed"
    assert registration.bookings.get(session=morning).status == "confirmed"
    assert "is booked" in response.content.decode()


def test_a_cancelled_session_clashes_with_nothing_on_the_manage_page(
    client, conference, bookable, delegate
):
    """The hint, the form and the booking rule are one function now.

    Before the fix the manage page's own copy of the rule still named the cancelled
    session ("Overlaps “Morning”") and offered only "Join the waiting list", while the
    domain would have given a seat."""
    morning = bookable("morning", capacity=5, start=(10, 0), end=(12, 0), title="Morning")
    late = bookable("late", capacity=5, start=(11, 0), end=(13, 0), title="Late morning")
    registration = delegate("laura@example.org", [morning])
    SessionPage.objects.filter(pk=morning.pk).update(status="cancelled")
    url = manage_page(conference, registration)
    page = client.get(url).content.decode()
    assert "Overlaps “Morning”" not in page
    assert (
        f'name="session" value="{late.pk}"><button type="submit" name="action" value="book"' in page
    )
    client.post(url, {"action": "book", "session": late.pk})
    assert registration.bookings.get(session=late).status == "confirmed"
