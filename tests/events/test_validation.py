"""Editorial rules, exercised through the Wagtail admin's real page forms."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.models import Person
from events.models import Room, SessionPage

pytestmark = pytest.mark.django_db


def session_form(
    conference,
    *,
    title="Test session",
    start="10:00",
    end="11:00",
    day=0,
    room=None,
    speakers=(),
    **extra,
):
    date = conference.start_date + datetime.timedelta(days=day)
    data = {
        "title": title,
        "slug": title.lower().replace(" ", "-"),
        "kind": "workshop",
        "track": "",
        "start": f"{date.isoformat()} {start}",
        "end": f"{date.isoformat()} {end}",
        "room": room.pk if room else "",
        "status": "scheduled",
        "status_note": "",
        "speakers": inline_formset([{"person": p.pk, "role": "speaker"} for p in speakers]),
        "capacity": "",
        "abstract": "An abstract.",
        "body": streamfield([]),
        "documents": streamfield([]),
        "tags": "",
        "seo_title": "",
        "search_description": "",
        "action-publish": "publish",
    }
    data.update(extra)
    return nested_form_data(data)


def add_session(admin_client, conference, **kwargs):
    url = reverse("wagtailadmin_pages:add", args=("events", "sessionpage", conference.pk))
    return admin_client.post(url, session_form(conference, **kwargs), follow=True)


def form_errors(response):
    form = response.context["form"]
    return {name: [str(e) for e in errors] for name, errors in form.errors.items()}


def test_a_session_saved_in_lisbon_time_is_stored_in_utc(admin_client, conference):
    response = add_session(
        admin_client, conference, title="Lisbon time", start="16:00", end="17:30"
    )
    assert response.status_code == 200
    session = SessionPage.objects.get(slug="lisbon-time")
    # July in Lisbon is UTC+1.
    assert (session.start.astimezone(datetime.UTC).hour, session.start.minute) == (15, 0)


def test_edit_form_shows_times_in_the_conference_zone(admin_client, members_session):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[members_session.pk]))
    html = response.content.decode()
    assert "16:00" in html and "In the conference&#x27;s time zone, Europe/Lisbon." in html


def test_session_must_end_after_it_starts(admin_client, conference):
    response = add_session(admin_client, conference, start="11:00", end="10:00")
    assert form_errors(response)["end"] == ["The session must end after it starts."]
    assert not SessionPage.objects.filter(slug="test-session").exists()


def test_session_must_fall_within_the_conference_dates(admin_client, conference):
    response = add_session(admin_client, conference, day=-1)
    errors = form_errors(response)
    first, last = conference.start_date.isoformat(), conference.end_date.isoformat()
    assert errors["start"] == [
        f"The conference runs from {first} to {last}: start the session within those days."
    ]
    add_session(admin_client, conference, title="Last night", day=3, start="23:00", end="23:30")
    assert SessionPage.objects.filter(slug="last-night").exists()
    response = add_session(admin_client, conference, title="Day after", day=4)
    assert "start" in form_errors(response)
    assert not SessionPage.objects.filter(slug="day-after").exists()


def test_cancelling_needs_a_reason(admin_client, conference):
    response = add_session(admin_client, conference, status="cancelled")
    assert form_errors(response)["status_note"] == [
        "Tell delegates why it is cancelled, or where it moved."
    ]


def test_double_booked_room_warns_and_names_the_other_session(admin_client, conference):
    auditorium = Room.objects.get(locale__language_code="en", name="Auditorium")
    response = add_session(
        admin_client, conference, title="Clashing talk", start="10:30", end="11:00", room=auditorium
    )
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert SessionPage.objects.filter(slug="clashing-talk").exists()
    assert (
        "Auditorium is also booked for “Opening plenary: citizenship for sustainability” "
        "at 10:00–11:30 WEST."
    ) in messages


def test_speaker_in_two_places_warns_and_names_the_other_session(admin_client, conference):
    jordi = Person.objects.get(locale__language_code="en", name="Jordi Serra")
    room_1 = Room.objects.get(locale__language_code="en", name="Room 1")
    response = add_session(
        admin_client,
        conference,
        title="Second place",
        start="17:00",
        end="18:00",
        room=room_1,
        speakers=[jordi],
    )
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Jordi Serra is also in “Internal members' session” at 16:00–20:00 WEST." in messages


def test_no_warning_without_a_clash(admin_client, conference):
    room_1 = Room.objects.get(locale__language_code="en", name="Room 1")
    response = add_session(
        admin_client, conference, title="Quiet slot", day=3, start="18:00", end="19:00", room=room_1
    )
    assert SessionPage.objects.filter(slug="quiet-slot").exists()
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_capacity_needs_registration(admin_client, conference):
    response = add_session(admin_client, conference, capacity="30")
    assert form_errors(response)["registration_required"] == [
        "A capacity only counts when registration is required: tick this box."
    ]


def conference_form(conference, **extra):
    data = {
        "title": "Draft conference",
        "slug": "draft-conference",
        "edition": "20",
        "acronym": "oidp20",
        "theme": "",
        "intro": "",
        "start_date": "2030-07-05",
        "end_date": "2030-07-02",
        "time_zone": "Europe/Lisbon",
        "venue": "",
        "region": "",
        "host_organisation": "",
        "partners": inline_formset([]),
        "hero_image": "",
        "hero_image_alt_text": "",
        "body": streamfield([]),
        "registration_opens": "2030-03-01 09:00",
        "registration_closes": "2030-02-01 09:00",
        "seo_title": "",
        "search_description": "",
    }
    data.update(extra)
    return nested_form_data(data)


def test_conference_dates_and_registration_window_are_checked(admin_client, conference):
    index = conference.get_parent()
    url = reverse("wagtailadmin_pages:add", args=("events", "conferencepage", index.pk))
    response = admin_client.post(url, conference_form(conference, acronym="OIDP-20"))
    errors = form_errors(response)
    assert errors["end_date"] == ["The last day cannot come before the first day."]
    assert errors["registration_closes"] == ["Registration must close after it opens."]
    assert errors["acronym"] == [
        "Use at least four lower-case letters, digits or underscores, e.g. oidp13."
    ]


def test_unknown_time_zone_is_refused(admin_client, conference):
    index = conference.get_parent()
    url = reverse("wagtailadmin_pages:add", args=("events", "conferencepage", index.pk))
    response = admin_client.post(
        url, conference_form(conference, time_zone="Mars/Olympus", end_date="2030-07-08")
    )
    assert "time_zone" in form_errors(response)
