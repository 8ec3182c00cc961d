import json
import xml.etree.ElementTree as etree

import jsonschema
import pytest
import xmlschema

from events.models import ConferencePage, SessionPage
from tests.shared import FRAB

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def xsd():
    return xmlschema.XMLSchema(str(FRAB / "schedule.xml.xsd"))


@pytest.fixture(scope="module")
def json_validator():
    schema = json.loads((FRAB / "schedule.schema.json").read_text())
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def fetch(client, conference, name):
    response = client.get(conference.url + name)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("language", ["en", "ca", "es"])
def test_schedule_xml_validates_against_the_frab_xsd(client, demo, xsd, language):
    conference = ConferencePage.objects.get(locale__language_code=language, acronym="oidp13")
    response = fetch(client, conference, "schedule.xml")
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    errors = [f"{e.path}: {e.reason}" for e in xsd.iter_errors(response.content.decode())]
    assert errors == []


@pytest.mark.parametrize("language", ["en", "ca", "es"])
def test_schedule_json_validates_against_the_frab_schema(client, demo, json_validator, language):
    conference = ConferencePage.objects.get(locale__language_code=language, acronym="oidp13")
    data = json.loads(fetch(client, conference, "schedule.json").content)
    errors = [f"{list(e.path)}: {e.message}" for e in json_validator.iter_errors(data)]
    assert errors == []
    schedule = data["schedule"]["conference"]
    assert schedule["time_zone_name"] == "Europe/Lisbon"
    assert schedule["daysCount"] == 4
    first_day = schedule["days"][0]
    members = [e for events in first_day["rooms"].values() for e in events if e["start"] == "16:00"]
    assert members and members[0]["date"].endswith("T16:00:00+01:00")
    assert members[0]["duration"] == "04:00"


def events_from_xml(content):
    root = etree.fromstring(content)
    return {
        event.get("guid"): (event.findtext("title"), event.findtext("date"), event.get("id"))
        for event in root.iter("event")
    }


def events_from_json(content):
    days = json.loads(content)["schedule"]["conference"]["days"]
    return {
        event["guid"]: (event["title"], event["date"], str(event["id"]))
        for day in days
        for events in day["rooms"].values()
        for event in events
    }


def test_xml_and_json_carry_the_same_events(client, conference):
    xml_events = events_from_xml(fetch(client, conference, "schedule.xml").content)
    json_events = events_from_json(fetch(client, conference, "schedule.json").content)
    assert xml_events == json_events
    scheduled = SessionPage.objects.child_of(conference).live().exclude(status="cancelled")
    assert set(json_events) == {session.guid for session in scheduled}


def test_guids_and_ids_are_the_same_in_every_language(client, demo):
    by_language = {}
    for language in ("en", "ca", "es"):
        conference = ConferencePage.objects.get(locale__language_code=language, acronym="oidp13")
        events = events_from_json(fetch(client, conference, "schedule.json").content)
        by_language[language] = {guid: numeric_id for guid, (_t, _d, numeric_id) in events.items()}
    assert by_language["en"] == by_language["ca"] == by_language["es"]


def test_guids_survive_republishing(client, conference):
    before = set(events_from_json(fetch(client, conference, "schedule.json").content))
    session = SessionPage.objects.child_of(conference).get(slug="keynote")
    session.title = "Keynote: democracy at the scale of the city (updated)"
    session.save_revision().publish()
    after = events_from_json(fetch(client, conference, "schedule.json").content)
    assert set(after) == before
    assert after[session.guid][0].endswith("(updated)")


def test_cancelled_sessions_are_left_out_of_app_exports(client, conference):
    crowdfunding = SessionPage.objects.child_of(conference).get(slug="crowdfunding")
    assert crowdfunding.guid not in events_from_json(
        fetch(client, conference, "schedule.json").content
    )


def test_api_exposes_conference_session_and_event_fields(client, demo):
    sessions = client.get(
        "/api/v2/pages/",
        {"type": "events.SessionPage", "locale": "ca", "fields": "start,end,kind,guid,languages"},
    ).json()["items"]
    assert len(sessions) >= 15
    assert {"start", "end", "kind", "guid", "languages"} <= set(sessions[0])
    conferences = client.get(
        "/api/v2/pages/", {"type": "events.ConferencePage", "fields": "time_zone,start_date"}
    ).json()["items"]
    assert {c["time_zone"] for c in conferences} == {"Europe/Lisbon"}
    events = client.get(
        "/api/v2/pages/", {"type": "events.EventPage", "fields": "city,network_role"}
    ).json()["items"]
    assert {"Chicago", "Rabat"} <= {e["city"] for e in events}


def xsd_event_names(xsd):
    """What an <event> of schedule.xml may hold: its child elements and attributes."""
    event = xsd.types["event"]
    return {child.local_name for child in event.content.iter_elements()} | set(event.attributes)


def test_json_events_hold_only_what_the_schema_and_the_xml_define(
    client, conference, xsd, json_validator
):
    """c3voc's JSON-to-XML conversion (voc.tools.dict_to_schedule_xml) writes each key of
    an event as an element of the same name, so a key the XSD's event lacks breaks it.
    The JSON schema alone does not catch it (its Event lists `end`), hence the key set.

    Before the fix every event carried `end`, which the XSD's event does not have: the
    assertion failed with {'end'} on the first event."""
    allowed = set(json_validator.schema["definitions"]["Event"]["properties"])
    convertible = allowed & xsd_event_names(xsd)
    data = json.loads(fetch(client, conference, "schedule.json").content)
    events = [
        event
        for day in data["schedule"]["conference"]["days"]
        for room_events in day["rooms"].values()
        for event in room_events
    ]
    assert events
    for event in events:
        assert set(event) - convertible == set(), event["guid"]


@pytest.mark.parametrize("name", ["schedule.xml", "schedule.json"])
def test_a_schedule_export_answers_a_conditional_get_until_something_in_it_changes(
    client, demo, name
):
    """Schedule apps poll these exports. Before, they sent no ETag, so every poll got the
    whole schedule rebuilt; now a client holding the current one gets a 304, and a room
    renamed since, which the export names, gets the new one."""
    from events.models import Room

    conference = ConferencePage.objects.get(locale__language_code="ca", acronym="oidp13")
    first = fetch(client, conference, name)
    etag = first["ETag"]
    assert etag
    again = client.get(conference.url + name, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and not again.content
    session = SessionPage.objects.child_of(conference).live().exclude(room=None).first()
    room = Room.objects.get(pk=session.room_id)
    room.name = "Sala Nova"
    room.save()
    changed = client.get(conference.url + name, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Sala Nova" in changed.content.decode()
