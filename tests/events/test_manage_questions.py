"""Destructive actions on the delegate's manage page ask first: cancelling a seat,
leaving a waiting list, cancelling the registration. Only the confirmed POST acts."""

import datetime

import pytest
from django.utils import timezone

from events.models import ConferencePage
from tests.events.test_registration_views import catalan
from tests.events.test_waiting_lists import manage_page as manage_path

pytestmark = pytest.mark.django_db


def test_cancelling_a_seat_asks_first_and_says_it_can_be_booked_again(
    client, conference, bookable, delegate
):
    """Before, one tap on "Cancel my seat" cancelled it, and the message read as if the
    session itself was cancelled: "“Session workshop” is cancelled."."""
    workshop = bookable("workshop", capacity=5)
    registration = delegate("laura@example.org", [workshop])
    url = manage_path(conference, registration)
    page = client.get(url).content.decode()
    assert '<button type="submit" name="confirm" value="cancel"' in page

    asked = client.get(f"{url}?confirm=cancel&session={workshop.pk}")
    assert asked.status_code == 200
    assert asked["Cache-Control"] == "private, no-store"
    assert asked["X-Robots-Tag"] == "noindex, nofollow"
    text = asked.content.decode()
    assert "Cancel your seat in “Session workshop”?" in text
    assert "You can book it again while seats are free." in text
    assert 'name="confirmed" value="1"' in text and "Yes, cancel my seat" in text
    assert f'<a href="{url}" class="button button--secondary">No, keep it</a>' in text
    assert registration.bookings.get().status == "confirmed"

    # A POST without the question's answer (an old page, a script) only asks.
    unasked = client.post(url, {"action": "cancel", "session": workshop.pk})
    assert unasked.status_code == 200
    assert "Cancel your seat in “Session workshop”?" in unasked.content.decode()
    assert unasked["Cache-Control"] == "private, no-store"
    assert registration.bookings.get().status == "confirmed"

    done = client.post(
        url, {"action": "cancel", "session": workshop.pk, "confirmed": "1"}, follow=True
    )
    assert registration.bookings.get().status == "cancelled"
    text = done.content.decode()
    assert "You no longer have a seat in “Session workshop”." in text
    assert "is cancelled" not in text


def test_leaving_a_waiting_list_asks_first_and_says_what_happened(
    client, conference, bookable, delegate
):
    full = bookable("full", capacity=1, title="Study visit")
    delegate("first@example.org", [full])
    registration = delegate("second@example.org", [full])
    assert registration.bookings.get().status == "waitlisted"
    url = manage_path(conference, registration)
    asked = client.get(f"{url}?confirm=cancel&session={full.pk}").content.decode()
    assert "Leave the waiting list of “Study visit”?" in asked
    assert "If you join it again, you go to the end of the list." in asked
    assert "Yes, leave the waiting list" in asked and "No, stay on it" in asked
    assert registration.bookings.get().status == "waitlisted"
    done = client.post(url, {"action": "cancel", "session": full.pk, "confirmed": "1"}, follow=True)
    assert registration.bookings.get().status == "cancelled"
    assert "You left the waiting list of “Study visit”." in done.content.decode()


def test_cancelling_the_registration_asks_first_and_says_it_cannot_be_undone(
    client, conference, bookable, delegate
):
    workshop = bookable("workshop", capacity=5)
    registration = delegate("laura@example.org", [workshop])
    url = manage_path(conference, registration)
    page = client.get(url).content.decode()
    assert '<button type="submit" name="confirm" value="cancel_registration"' in page
    asked = client.get(f"{url}?confirm=cancel_registration").content.decode()
    assert f"Cancel your registration for “{conference.title}”?" in asked
    assert "you would need to register again" in asked
    unasked = client.post(url, {"action": "cancel_registration"})
    assert unasked.status_code == 200
    assert "Yes, cancel my registration" in unasked.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    done = client.post(url, {"action": "cancel_registration", "confirmed": "1"}, follow=True)
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert registration.bookings.get().status == "cancelled"
    assert "To come back you would need to register again." in done.content.decode()


def test_the_question_after_registration_closed_says_it_cannot_be_booked_again(
    client, conference, bookable, delegate
):
    workshop = bookable("workshop", capacity=5)
    registration = delegate("laura@example.org", [workshop])
    url = manage_path(conference, registration)
    ConferencePage.objects.filter(translation_key=conference.translation_key).update(
        registration_closes=timezone.now() - datetime.timedelta(days=1)
    )
    asked = client.get(f"{url}?confirm=cancel&session={workshop.pk}").content.decode()
    assert "Registration has closed: you could not book it again." in asked
    assert "while seats are free" not in asked


def test_the_question_in_catalan(client, conference, bookable, delegate):
    workshop = bookable("workshop", capacity=5)
    registration = delegate("laura@example.org", [workshop], language="ca")
    path = manage_path(catalan(conference), registration)
    assert path.startswith("/ca/")
    asked = client.get(f"{path}?confirm=cancel&session={workshop.pk}")
    assert asked.status_code == 200
    assert '<html lang="ca">' in asked.content.decode()
    unasked = client.post(path, {"action": "cancel", "session": workshop.pk})
    assert '<html lang="ca">' in unasked.content.decode()
    assert registration.bookings.get().status == "confirmed"


@pytest.mark.parametrize("query", ["?confirm=cancel&session=999999", "?confirm=cancel&session=x"])
def test_a_question_about_a_session_not_held_asks_nothing(
    client, conference, bookable, delegate, query
):
    workshop = bookable("workshop", capacity=5)
    registration = delegate("laura@example.org", [workshop])
    url = manage_path(conference, registration)
    response = client.get(url + query, follow=True)
    assert "Choose the session again" in response.content.decode()
    assert "Yes, cancel" not in response.content.decode()
    assert registration.bookings.get().status == "confirmed"
