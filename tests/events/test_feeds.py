import datetime
import zoneinfo

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.domain import calendar
from core.models import HomePage
from events.models import ConferencePage, SessionPage
from tests.shared import ics_check

pytestmark = pytest.mark.django_db

LISBON = zoneinfo.ZoneInfo("Europe/Lisbon")


def feed_urls(language):
    conference = ConferencePage.objects.get(locale__language_code=language, acronym="oidp13")
    session = SessionPage.objects.child_of(conference).get(slug="members-session")
    home = HomePage.objects.get(locale__language_code=language)
    return {
        "network": home.url + "calendar.ics",
        "conference": conference.url + "calendar.ics",
        "session": session.url + "calendar.ics",
    }


def events_of(content):
    parsed = icalendar.Calendar.from_ical(content)
    return {str(e["UID"]): e for e in parsed.walk("VEVENT")}


def test_every_feed_passes_ics_check_in_three_languages(client, demo, tmp_path):
    files = []
    for language in ("en", "ca", "es"):
        for name, url in feed_urls(language).items():
            response = client.get(url)
            assert response.status_code == 200, url
            assert response["Content-Type"] == "text/calendar; charset=utf-8"
            path = tmp_path / f"{language}-{name}.ics"
            path.write_bytes(response.content)
            files.append(path)
    output = ics_check(*files)
    assert output.count("OK") == len(files)


def test_feed_content_follows_the_rules_clients_need(client, demo):
    content = client.get(feed_urls("ca")["conference"]).content
    parsed = icalendar.Calendar.from_ical(content)
    assert str(parsed["X-WR-CALNAME"]) == "13a Conferència de l'OIDP" == str(parsed["NAME"])
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H" in content
    assert b"X-PUBLISHED-TTL:PT1H" in content
    assert [str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")] == ["Europe/Lisbon"]
    members = next(
        e for e in parsed.walk("VEVENT") if str(e["SUMMARY"]) == "Sessió interna de membres"
    )
    assert members.decoded("DTSTART") == members.decoded("DTSTART").astimezone(LISBON)
    assert members["DTSTART"].params["TZID"] == "Europe/Lisbon"
    assert (members.decoded("DTSTART").hour, members.decoded("DTEND").hour) == (16, 20)
    assert "DTSTAMP" in members and "LAST-MODIFIED" in members
    assert str(members["STATUS"]) == "CONFIRMED"
    assert str(members["URL"]).endswith("/ca/conferencies/13a-conferencia-cascais/members-session/")
    assert "Sala 2, Centre de Congressos d'Estoril, Avenida Clotilde" in str(members["LOCATION"])
    assert members["GEO"].latitude == pytest.approx(38.7046)
    assert "<" not in str(members["DESCRIPTION"])
    assert "Jordi Serra" in str(members["DESCRIPTION"])
    assert set(members["CATEGORIES"].cats) == {"Reunió de membres", "Vida de la xarxa"}


def test_uids_are_the_same_in_every_language(client, demo):
    uids = {
        language: set(events_of(client.get(feed_urls(language)["network"]).content))
        for language in ("en", "ca", "es")
    }
    assert uids["en"] == uids["ca"] == uids["es"]
    assert any(uid.startswith("session-") for uid in uids["en"])


def test_cancelled_session_stays_as_cancelled_then_leaves(client, conference):
    url = conference.url + "calendar.ics"
    crowdfunding = SessionPage.objects.child_of(conference).get(slug="crowdfunding")
    event = next(
        e
        for e in events_of(client.get(url).content).values()
        if str(e["SUMMARY"]) == crowdfunding.title
    )
    assert str(event["STATUS"]) == "CANCELLED"
    SessionPage.objects.filter(pk=crowdfunding.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=31)
    )
    titles = {str(e["SUMMARY"]) for e in events_of(client.get(url).content).values()}
    assert crowdfunding.title not in titles


def test_sequence_goes_up_on_time_place_or_status_change_only(client, conference):
    session = SessionPage.objects.child_of(conference).get(slug="keynote")
    assert session.sequence == 0
    session.title = "Keynote (new title)"
    session.save_revision().publish()
    session.refresh_from_db()
    assert session.sequence == 0
    session.start += datetime.timedelta(minutes=30)
    session.end += datetime.timedelta(minutes=30)
    session.save_revision().publish()
    session.refresh_from_db()
    assert session.sequence == 1
    session.status = "cancelled"
    session.status_note = "Speaker unwell."
    session.save_revision().publish()
    session.refresh_from_db()
    assert session.sequence == 2
    # Every language's feed carries the source's SEQUENCE.
    ca = ConferencePage.objects.get(locale__language_code="ca", acronym="oidp13")
    ca_events = events_of(client.get(ca.url + "calendar.ics").content)
    en_events = events_of(client.get(conference.url + "calendar.ics").content)
    uid = calendar.uid("session", session.pk)
    assert int(en_events[uid]["SEQUENCE"]) == int(ca_events[uid]["SEQUENCE"]) == 2


def test_conditional_get_is_a_304_and_head_works(client, conference):
    url = conference.url + "calendar.ics"
    first = client.get(url)
    assert first["Cache-Control"] == "public, max-age=3600"
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    # Only the ETag decides: a venue's change leaves Last-Modified as it was.
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 200
    head = client.head(url)
    assert head.status_code == 200 and head["Content-Type"] == "text/calendar; charset=utf-8"
    # A change gives a new ETag.
    session = SessionPage.objects.child_of(conference).get(slug="keynote")
    session.save_revision().publish()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    # So does a change to the conference itself, and a session's own feed follows it.
    conference.save_revision().publish()
    assert client.get(url, HTTP_IF_NONE_MATCH=changed["ETag"]).status_code == 200
    own = client.get(session.url + "calendar.ics")
    assert (
        client.get(session.url + "calendar.ics", HTTP_IF_NONE_MATCH=own["ETag"]).status_code == 304
    )
    session.save_revision().publish()
    assert (
        client.get(session.url + "calendar.ics", HTTP_IF_NONE_MATCH=own["ETag"]).status_code == 200
    )


def test_conference_feed_queries_do_not_grow_with_sessions(client, empty_conference):
    from core.models import Person
    from tests.factories.events import add_sessions

    conference = empty_conference("feed-guard", 98)
    people = list(Person.objects.filter(locale__language_code="en")[:3])
    add_sessions(conference, people, 0, 10)
    SessionPage.objects.child_of(conference).update(last_published_at=timezone.now())
    url = conference.url + "calendar.ics"
    client.get(url)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    with_10 = count()
    add_sessions(conference, people, 10, 300)
    assert count() == with_10


TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r"),
    max_size=300,
) | st.sampled_from(
    ["Sessió d'obertura; «amb», comes, i \\ barres\ninterpretació", "Ação: São Paulo, 15h; çà"]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(summary=TEXT, description=TEXT, location=TEXT)
def test_any_text_survives_a_round_trip(summary, description, location):
    start = datetime.datetime(2027, 7, 2, 16, tzinfo=LISBON)
    item = calendar.CalendarItem(
        uid="session-1@example.org",
        summary=summary,
        start=start,
        end=start + datetime.timedelta(hours=4),
        description=description,
        location=location,
    )
    content = calendar.build([item], name="Test")
    assert all(len(line) <= 75 for line in content.split(b"\r\n"))
    [event] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert str(event.get("SUMMARY", "")) == summary
    assert str(event.get("DESCRIPTION", "")) == description
    assert str(event.get("LOCATION", "")) == location


def test_tricky_text_passes_ics_check(tmp_path):
    start = datetime.datetime(2027, 3, 28, 0, 30, tzinfo=LISBON)
    text = "Sessió «d'obertura»; comes, punts i coma; \\ barra\nsegona línia amb ç, ã i ü " * 4
    item = calendar.CalendarItem(
        uid="session-2@example.org",
        summary=text[:120],
        start=start,
        end=start + datetime.timedelta(hours=3),
        description=text,
        location="Cascais, Portugal",
    )
    path = tmp_path / "tricky.ics"
    path.write_bytes(calendar.build([item], name="Prova; «cometes», i \\"))
    ics_check(path)


@pytest.mark.parametrize("method", ["REQUEST", "CANCEL"])
def test_invitations_carry_the_feed_uid_and_sequence(client, members_session, tmp_path, method):
    from events.domain.calendar_items import feed_sessions, session_items

    conference = members_session.get_parent().specific
    items = session_items(
        feed_sessions(SessionPage.objects.filter(pk=members_session.pk)),
        {conference.path: conference},
        None,
    )
    invitation = calendar.invitation(
        items,
        method=method,
        organizer_email="secretariat@oidp.example",
        attendee_email="delegate@cascais.example",
        name=conference.title,
    )
    assert invitation.mimetype == f"text/calendar; method={method}; charset=utf-8"
    parsed = icalendar.Calendar.from_ical(invitation.content)
    assert str(parsed["METHOD"]) == method
    [event] = parsed.walk("VEVENT")
    feed = events_of(client.get(conference.url + "calendar.ics").content)
    assert str(event["UID"]) in feed
    assert int(event["SEQUENCE"]) == int(feed[str(event["UID"])]["SEQUENCE"])
    assert str(event["STATUS"]) == ("CANCELLED" if method == "CANCEL" else "CONFIRMED")
    assert str(event["ORGANIZER"]) == "mailto:secretariat@oidp.example"
    path = tmp_path / f"{method}.ics"
    path.write_bytes(invitation.content)
    ics_check(path)


def test_the_conference_description_is_escaped_text(client, conference):
    """RFC 5545 TEXT in X-WR-CALDESC: before the fix the line read
    'X-WR-CALDESC:Cities, citizens; and \\ democracy', the comma unescaped, and the
    assertion failed."""
    conference.theme = "Cities, citizens; and \\ democracy"
    conference.save_revision().publish()
    content = client.get(conference.url + "calendar.ics").content.replace(b"\r\n ", b"")
    assert b"\r\nX-WR-CALDESC:Cities\\, citizens\\; and \\\\ democracy\r\n" in content


def unfolded(response):
    return response.content.replace(b"\r\n ", b"").decode()


def rename_room(session):
    session.room.name = "Auditorium Zero"
    session.room.save()
    return "Auditorium Zero"


def rename_venue(session):
    session.room.venue.name = "Palácio da Cidadela"
    session.room.venue.save()
    return "Palácio da Cidadela"


def rename_speaker(session):
    person = session.speakers.first().person
    person.name = "Joana Speaker-Renamed"
    person.save()
    return "Joana Speaker-Renamed"


@pytest.mark.parametrize("change", [rename_room, rename_venue, rename_speaker])
@pytest.mark.parametrize("feed", ["network", "conference", "session"])
def test_a_feed_is_not_a_304_after_a_room_venue_or_speaker_changes(
    client, members_session, feed, change
):
    """The ETag came from the page rows only. Before the fix the conditional GET after
    each change answered 304 (assert 304 == 200), and the feed kept the old name."""
    url = feed_urls("en")[feed]
    first = client.get(url)
    assert first.status_code == 200
    new_value = change(members_session)
    assert new_value not in unfolded(first)
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert new_value in unfolded(again)
    assert client.get(url, HTTP_IF_NONE_MATCH=again["ETag"]).status_code == 304


def test_if_modified_since_alone_is_not_a_304_after_a_venue_changes(client, members_session):
    """Last-Modified comes from the pages, which a venue's change leaves as they were.
    Before the fix If-Modified-Since alone answered 304 after the rename."""
    url = feed_urls("en")["conference"]
    first = client.get(url)
    new_value = rename_venue(members_session)
    again = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200 and new_value in unfolded(again)


def test_a_translated_feed_follows_its_source_page(client, members_session):
    """A translation's feed writes the source page's SEQUENCE. Before the fix, after the
    English session moved (its translation not yet synchronised), the Catalan feed's
    conditional GET answered 304 with the old SEQUENCE."""
    url = feed_urls("ca")["conference"]
    first = client.get(url)
    uid = calendar.uid("session", members_session.pk)
    assert int(events_of(first.content)[uid]["SEQUENCE"]) == 0
    members_session.start += datetime.timedelta(minutes=30)
    members_session.end += datetime.timedelta(minutes=30)
    members_session.save_revision().publish()
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert int(events_of(again.content)[uid]["SEQUENCE"]) == 1
