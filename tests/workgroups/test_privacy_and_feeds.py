"""Online links and draft minutes reach members only; every feed reads in every client."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import HomePage
from tests.shared import ics_check
from workgroups.models import MeetingPage, WorkingGroupIndexPage, WorkingGroupPage

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/oidp-observatoris"
DRAFT = "Draft: the indicators are not agreed yet"


@pytest.fixture
def draft_minutes(monthly):
    monthly.minutes = f"<p>{DRAFT}</p>"
    monthly.minutes_published = False
    monthly.save_revision().publish()
    return monthly


def public_urls(group, meeting):
    home = HomePage.objects.get(locale__language_code="en")
    return [
        group.url,
        meeting.url,
        f"{group.url}calendar.ics",
        f"{home.url}calendar.ics",
        WorkingGroupIndexPage.objects.get(locale__language_code="en").url,
        "/en/agenda/",
        f"/api/v2/pages/{meeting.pk}/",
        "/api/v2/pages/?type=workgroups.MeetingPage&fields=*",
        f"/en/search/?q={DRAFT.split()[1]}",
    ]


def test_public_pages_feeds_and_api_never_show_private_details(
    client, observatories, draft_minutes
):
    for url in public_urls(observatories, draft_minutes):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert LINK not in content, url
        assert DRAFT not in content, url


def test_members_get_them_in_their_feed_and_page(client, observatories, draft_minutes, member):
    _membership, manage, feed = member()
    private_feed = client.get(f"{observatories.url}member/{feed}/calendar.ics")
    assert private_feed["Cache-Control"] == "private, no-store"
    text = private_feed.content.decode().replace("\r\n ", "")
    assert LINK in text and DRAFT in text
    page = client.get(f"{observatories.url}member/{manage}/").content.decode()
    assert LINK in page and DRAFT in page


def test_published_minutes_are_public(client, monthly):
    monthly.minutes = "<p>Agreed: four shared indicators.</p>"
    monthly.minutes_published = True
    monthly.save_revision().publish()
    assert "four shared indicators" in client.get(monthly.url).content.decode()


def test_listed_members_only_on_the_group_page(client, observatories):
    content = client.get(observatories.url).content.decode()
    assert "Aminata Diop" in content
    assert "Carmen Ruiz Herrera" not in content  # did not agree to be listed
    assert "@" not in content.split("<main", 1)[1].split("mailto:", 1)[0]


def test_every_feed_passes_ics_check(client, observatories, member, tmp_path):
    _membership, _manage, feed = member()
    files = []
    for language in ("en", "ca", "es"):
        group = WorkingGroupPage.objects.get(
            translation_key=observatories.translation_key, locale__language_code=language
        )
        home = HomePage.objects.get(locale__language_code=language)
        for name, url in {
            "group": f"{group.url}calendar.ics",
            "network": f"{home.url}calendar.ics",
            "member": f"{group.url}member/{feed}/calendar.ics",
        }.items():
            response = client.get(url)
            assert response.status_code == 200, url
            path = tmp_path / f"{language}-{name}.ics"
            path.write_bytes(response.content)
            files.append(path)
    assert ics_check(*files).count("OK") == len(files)


def test_uids_are_the_same_in_every_language(client, observatories):
    import icalendar

    uids = {}
    for language in ("en", "ca", "es"):
        group = WorkingGroupPage.objects.get(
            translation_key=observatories.translation_key, locale__language_code=language
        )
        parsed = icalendar.Calendar.from_ical(client.get(f"{group.url}calendar.ics").content)
        uids[language] = sorted({str(e["UID"]) for e in parsed.walk("VEVENT")})
    assert uids["en"] == uids["ca"] == uids["es"]


def test_public_meetings_are_in_the_agenda(client):
    agenda = client.get("/en/agenda/?type=meeting").content.decode()
    assert "Monthly online meeting" in agenda


def add_meetings(group, count):
    add_meetings_from(group, 0, count)


def add_meetings_from(group, first, last):
    start = datetime.datetime(2027, 2, 1, 10, tzinfo=datetime.UTC)
    for n in range(first, last):
        group.add_child(
            instance=MeetingPage(
                title=f"Extra meeting {n}",
                slug=f"extra-{n}",
                start=start + datetime.timedelta(days=n),
                end=start + datetime.timedelta(days=n, hours=1),
                time_zone="Europe/Madrid",
                repeat="weekly" if n % 2 else "none",
                until=datetime.date(2027, 6, 1),
                format="online",
                online_link="https://meet.example.org/x",
            )
        )


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_group_page_makes_a_fixed_number_of_queries(client, observatories):
    add_meetings(observatories, 1)
    few = queries_for(client, observatories.url)
    add_meetings_from(observatories, 1, 15)
    assert queries_for(client, observatories.url) == few


def test_the_index_makes_a_fixed_number_of_queries(client, observatories):
    index = WorkingGroupIndexPage.objects.get(locale__language_code="en")
    few = queries_for(client, index.url)
    for n in range(6):
        index.add_child(
            instance=WorkingGroupPage(
                title=f"Group {n}", slug=f"group-{n}", mandate="A mandate.", aims="<p>Aims</p>"
            )
        )
    assert queries_for(client, index.url) == few


def test_a_meeting_in_dakar_is_written_in_utc(client, observatories, tmp_path):
    # Africa/Dakar keeps UTC all year; icalendar makes no VTIMEZONE for it, so no TZID.
    start = datetime.datetime(2027, 3, 2, 15, tzinfo=datetime.UTC)
    observatories.add_child(
        instance=MeetingPage(
            title="Regional platform Africa",
            slug="africa-platform",
            start=start,
            end=start + datetime.timedelta(hours=1),
            time_zone="Africa/Dakar",
            repeat="weekly",
            interval=2,
            until=datetime.date(2027, 4, 30),
            format="online",
            online_link="https://meet.example.org/dakar",
        )
    ).save_revision().publish()
    content = client.get(f"{observatories.url}calendar.ics").content
    assert b"DTSTART:20270302T150000Z" in content
    assert b"TZID=Africa/Dakar" not in content
    path = tmp_path / "dakar.ics"
    path.write_bytes(content)
    ics_check(path)


def descriptions(content, title):
    import icalendar

    parsed = icalendar.Calendar.from_ical(content)
    return [str(e["DESCRIPTION"]) for e in parsed.walk("VEVENT") if str(e["SUMMARY"]) == title]


def test_an_agenda_keeps_one_line_per_item_in_the_feed(client, observatories, monthly):
    """Before the fix the items ran together: 'News from each observatoryShared
    indicators: draft for discussionPreparing Cascais' (strip_tags), and the assertion
    on the list lines failed."""
    found = descriptions(client.get(f"{observatories.url}calendar.ics").content, monthly.title)
    assert found
    for description in found:
        assert (
            "- News from each observatory\n"
            "- Shared indicators: draft for discussion\n"
            "- Preparing Cascais"
        ) in description


def test_draft_minutes_keep_their_paragraphs_and_items_in_the_member_feed(
    client, observatories, monthly, member
):
    """Before the fix the member feed ran them together ('...Four indicatorsA shared
    glossary'), and the assertion failed."""
    monthly.minutes = (
        "<p>Agreed &amp; noted.</p><ul><li>Four indicators</li><li>A shared glossary</li></ul>"
    )
    monthly.minutes_published = False
    monthly.save_revision().publish()
    _membership, _manage, feed = member()
    content = client.get(f"{observatories.url}member/{feed}/calendar.ics").content
    [description, *_] = descriptions(content, monthly.title)
    assert "Draft minutes:\nAgreed & noted.\n- Four indicators\n- A shared glossary" in description


def test_the_group_description_is_escaped_text(client, observatories):
    """RFC 5545 TEXT: commas, semicolons and backslashes escaped in X-WR-CALDESC (and the
    calendar's name). Before the fix the feed held
    'X-WR-CALDESC:Indicators, budgets; and a \\ slash' unescaped, so a client reads
    three values cut at the comma."""
    observatories.title = "Observatories, local; and \\ regional"
    observatories.mandate = "Indicators, budgets; and a \\ slash"
    observatories.save_revision().publish()
    content = client.get(f"{observatories.url}calendar.ics").content.replace(b"\r\n ", b"")
    assert b"X-WR-CALDESC:Indicators\\, budgets\\; and a \\\\ slash\r\n" in content
    assert b"X-WR-CALNAME:Observatories\\, local\\; and \\\\ regional\r\n" in content
    assert b"\r\nNAME:Observatories\\, local\\; and \\\\ regional\r\n" in content


def test_the_group_feed_is_not_a_304_after_its_group_or_a_sessions_room_changes(
    client, observatories
):
    """The group feed's ETag came from its meetings only. Before the fix the conditional
    GET after the group's new mandate answered 304 (assert 304 == 200), and so did the
    one after the conference room of its meeting at Cascais was renamed."""
    url = f"{observatories.url}calendar.ics"
    first = client.get(url)
    observatories.mandate = "A renewed mandate, agreed in Cascais."
    observatories.save_revision().publish()
    after_mandate = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert after_mandate.status_code == 200
    assert b"A renewed mandate" in after_mandate.content.replace(b"\r\n ", b"")

    meeting = MeetingPage.objects.child_of(observatories).get(slug="meeting-at-cascais")
    assert not meeting.place and meeting.session.room_id
    room = meeting.session.room
    room.name = "Auditorium Zero"
    room.save()
    after_room = client.get(url, HTTP_IF_NONE_MATCH=after_mandate["ETag"])
    assert after_room.status_code == 200
    assert b"Auditorium Zero" in after_room.content.replace(b"\r\n ", b"")
