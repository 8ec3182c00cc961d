import datetime
import re
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from events.domain.timeslots import zone_in_words
from events.models import ConferencePage, EventPage, SessionPage
from tests.factories.events import add_sessions

pytestmark = pytest.mark.django_db


def programme_url(conference):
    return conference.url + "programme/"


def session_titles(html):
    return re.findall(r'class="session__title" id="session-\d+"><a href="[^"]+">([^<]+)</a>', html)


def test_members_session_shows_local_time_with_the_zone_named(client, members_session):
    conference = members_session.get_parent().specific
    html = client.get(programme_url(conference)).content.decode()
    assert "16:00–20:00 WEST" in html
    assert "All times are Lisbon time (WEST, UTC+1), where the conference takes place." in html
    assert "Europe/Lisbon" not in html


def visible_text(html):
    """What a reader sees: the body without its tags (attributes and URLs go with them)."""
    body = html.split("<body", 1)[1]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return re.sub(r"<[^>]+>", " ", body)


def test_conference_page_names_the_zone_in_words_and_keeps_app_formats_aside(client, conference):
    html = client.get(conference.url).content.decode()
    text = visible_text(html)
    assert "Lisbon time (WEST, UTC+1)" in text
    assert "Europe/Lisbon" not in html
    assert "frab" not in text.lower()
    assert "For apps and developers" in text
    # The files themselves stay where apps already look for them.
    assert f'href="{conference.url}schedule.xml"' in html
    assert f'href="{conference.url}schedule.json"' in html


def test_external_event_names_the_zone_in_words(client, demo):
    event = EventPage.objects.get(locale__language_code="en", time_zone="Africa/Casablanca")
    html = client.get(event.url).content.decode()
    assert "Casablanca time (UTC+1)" in html or "Casablanca time (UTC+0)" in html
    assert "Africa/Casablanca" not in html


@pytest.mark.parametrize(
    ("zone", "moment", "words"),
    [
        ("Europe/Lisbon", (2027, 7, 5, 12), "Lisbon time (WEST, UTC+1)"),
        ("Europe/Lisbon", (2027, 1, 5, 12), "Lisbon time (WET, UTC+0)"),
        ("America/Sao_Paulo", (2027, 1, 5, 12), "Sao Paulo time (UTC-3)"),
        ("Asia/Kolkata", (2027, 1, 5, 12), "Kolkata time (IST, UTC+5:30)"),
        ("America/Argentina/Buenos_Aires", (2027, 1, 5, 12), "Buenos Aires time (UTC-3)"),
    ],
)
def test_zone_in_words_uses_the_city_and_the_offset_of_that_date(zone, moment, words):
    tz = zoneinfo.ZoneInfo(zone)
    assert zone_in_words(tz, datetime.datetime(*moment, tzinfo=tz)) == words


@pytest.mark.parametrize("server_zone", ["UTC", "America/Sao_Paulo", "Asia/Tokyo"])
def test_times_are_in_lisbon_whatever_the_server_zone(client, members_session, server_zone):
    conference = members_session.get_parent().specific
    with override_settings(TIME_ZONE=server_zone), timezone.override(server_zone):
        programme = client.get(programme_url(conference)).content.decode()
        session = client.get(members_session.url).content.decode()
    assert "16:00–20:00 WEST" in programme
    assert "16:00–20:00 WEST" in session
    local = members_session.start.astimezone(zoneinfo.ZoneInfo("Europe/Lisbon"))
    assert (local.hour, local.minute) == (16, 0)


def test_programme_groups_sessions_by_day_in_order(client, conference):
    html = client.get(programme_url(conference)).content.decode()
    days = re.findall(r'<h2 id="day-(\d{4}-\d\d-\d\d)">', html)
    assert len(days) == 4 and days == sorted(days)
    titles = session_titles(html)
    assert titles[0] == "Opening plenary: citizenship for sustainability"
    assert len(titles) == SessionPage.objects.child_of(conference).live().count()


def test_filter_by_day(client, conference):
    day = conference.start_date.isoformat()
    html = client.get(programme_url(conference), {"day": day}).content.decode()
    assert re.findall(r'<h2 id="day-([\d-]+)">', html) == [day]
    assert "Internal members&#x27; session" in html


def test_filter_by_kind(client, conference):
    html = client.get(programme_url(conference), {"kind": "visit"}).content.decode()
    titles = session_titles(html)
    assert len(titles) == 2 and all(title.startswith("Study visit") for title in titles)


def test_filter_by_track(client, conference):
    html = client.get(programme_url(conference), {"track": "Local observatories"}).content.decode()
    assert session_titles(html) == ["Rethinking the Local Observatories of Participatory Democracy"]


def test_filter_by_language_counts_interpretation(client, conference):
    html = client.get(programme_url(conference), {"language": "fr"}).content.decode()
    titles = session_titles(html)
    # Spoken in French, or interpreted into it.
    assert "Participation in access to basic services" in titles
    assert "Opening plenary: citizenship for sustainability" in titles
    assert "Digital tools for participation" not in titles


def test_filters_combine_and_say_when_nothing_matches(client, conference):
    html = client.get(
        programme_url(conference), {"kind": "social", "language": "fr"}
    ).content.decode()
    assert session_titles(html) == []
    assert "No session matches these filters" in html


def test_unknown_filter_value_is_explained_not_a_500(client, conference):
    response = client.get(programme_url(conference), {"day": "1999-01-01", "kind": "<script>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters were not understood" in html
    assert len(session_titles(html)) == SessionPage.objects.child_of(conference).live().count()


def test_filters_are_labelled_and_work_without_javascript(client, conference):
    html = client.get(programme_url(conference)).content.decode()
    form = re.search(r'<form class="filters" method="get".*?</form>', html, re.S).group(0)
    for name in ("day", "kind", "track", "language"):
        assert f'<label for="id_{name}">' in form
        assert f'name="{name}" id="id_{name}"' in form
    assert '<button type="submit">' in form
    assert "<script" not in html


def test_cancelled_session_is_marked_not_hidden(client, conference):
    html = client.get(programme_url(conference)).content.decode()
    assert "Crowdfunding the network" in html
    assert "session--cancelled" in html
    assert "The workshop moves to the members&#x27; online meeting in September." in html


def test_programme_in_catalan(client, demo):
    conference = ConferencePage.objects.get(locale__language_code="ca", acronym="oidp13")
    html = client.get(programme_url(conference)).content.decode()
    assert "Sessió interna de membres" in html
    weekday = ["dilluns", "dimarts", "dimecres", "dijous", "divendres", "dissabte", "diumenge"][
        conference.start_date.weekday()
    ]
    assert f"{weekday}, 2 de juliol de {conference.start_date.year}" in html
    # The language switcher keeps the sub-page.
    assert 'href="/en/conferences/13th-conference-cascais/programme/" hreflang="en"' in html


def test_speakers_page_lists_people_with_their_sessions(client, conference):
    html = client.get(conference.url + "speakers/").content.decode()
    assert "Jordi Serra" in html and "Coordinator of the technical secretariat" in html
    jordi = re.search(r'<li class="speaker".*?Jordi Serra.*?</li>\s*</ul>', html, re.S).group(0)
    assert "Internal members&#x27; session" in jordi
    assert "(moderator)" in jordi


def query_counts(client, conference):
    counts = {}
    for route in ("programme/", "speakers/", "schedule.xml", "schedule.json"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(conference.url + route).status_code == 200
        counts[route] = len(queries)
    return counts


def test_query_counts_are_the_same_for_3_and_300_sessions(client, empty_conference):
    from core.models import Person

    conference = empty_conference("query-guard", 99)
    people = list(Person.objects.filter(locale__language_code="en")[:3])
    add_sessions(conference, people, 0, 3)
    client.get(conference.url + "programme/")  # warm the site-root and locale caches
    with_3 = query_counts(client, conference)
    add_sessions(conference, people, 3, 300)
    with_300 = query_counts(client, conference)
    assert SessionPage.objects.child_of(conference).count() == 300
    assert with_300 == with_3
