"""The programme in the frab formats conference apps read (Giggity, ConfClerk,
EventFahrplan): schedule.json first, schedule.xml written from the same data.

guids come from translation keys, so an event keeps its guid in every language and
across republishing; its numeric id is that of the default-language page.
"""

import datetime
import re
import uuid
import xml.etree.ElementTree as ET

from django.conf import settings
from django.utils.text import slugify
from wagtail.models import Locale

from events.domain.programme import conference_days, conference_sessions
from events.domain.timeslots import LocalSlot
from events.enums import SessionStatus
from events.models import SessionPage

GENERATOR = "Xarxa"
PERSON_GUID_NAMESPACE = uuid.UUID("5e2b6b8e-4a0d-4c34-8b7d-3f7b9e9d2a11")
ROOM_GUID_NAMESPACE = uuid.UUID("a3d7c1f2-6b5e-4f8a-9c0d-1e2f3a4b5c6d")


def hh_mm(delta):
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def default_language_ids(sessions):
    """translation_key -> pk of the default-language page, in one query."""
    keys = [session.translation_key for session in sessions]
    return dict(
        SessionPage.objects.filter(
            translation_key__in=keys, locale=Locale.get_default()
        ).values_list("translation_key", "pk")
    )


def room_name(session, conference):
    if session.room_id:
        return session.room.name
    return conference.venue.name if conference.venue_id else conference.title


def person_data(speaker):
    person = speaker.person
    return {
        "id": person.pk,
        "guid": str(uuid.uuid5(PERSON_GUID_NAMESPACE, str(person.translation_key))),
        "public_name": person.name,
    }


def event_data(session, conference, numeric_id, conference_url):
    """Only keys that schedule.xml's event also has: c3voc's JSON-to-XML conversion makes
    an element of each key, and one the XSD lacks (`end`) breaks the result."""
    slot = LocalSlot.of(session.start, session.end, conference.zone)
    page_slug = slugify(session.slug) or "session"
    return {
        "guid": session.guid,
        "id": numeric_id,
        "date": slot.start.isoformat(),
        "start": f"{slot.start:%H:%M}",
        "duration": hh_mm(slot.duration),
        "room": room_name(session, conference),
        "slug": f"{conference.acronym}-{numeric_id}-{page_slug}",
        # A session's URL path is its conference's plus its slug.
        "url": f"{conference_url}{session.slug}/",
        "title": session.title,
        "subtitle": session.status_note if session.status == SessionStatus.MOVED else "",
        "track": session.track or None,
        "type": session.kind,
        "language": session.languages[0] if session.languages else None,
        "abstract": session.abstract,
        "description": session.abstract,
        "persons": [person_data(speaker) for speaker in session.speakers.all()],
        "links": [],
        "attachments": [],
    }


def schedule(conference, request):
    """The frab schedule.json document (c3voc schema, 2026)."""
    sessions = [s for s in conference_sessions(conference) if not s.is_cancelled]
    conference_url = conference.get_full_url(request)
    ids = default_language_ids(sessions)
    zone = conference.zone
    by_day = {day: {} for day in conference_days(conference)}
    rooms = {}
    for session in sessions:
        day = session.start.astimezone(zone).date()
        name = room_name(session, conference)
        rooms.setdefault(name, str(uuid.uuid5(ROOM_GUID_NAMESPACE, name)))
        numeric_id = ids.get(session.translation_key, session.pk)
        event = event_data(session, conference, numeric_id, conference_url)
        by_day.setdefault(day, {}).setdefault(name, []).append(event)
    days = []
    for index, (day, day_rooms) in enumerate(sorted(by_day.items()), start=1):
        day_start = datetime.datetime.combine(day, datetime.time(0), tzinfo=zone)
        day_end = day_start + datetime.timedelta(days=1, seconds=-1)
        days.append(
            {
                "index": index,
                "date": day.isoformat(),
                "day_start": day_start.isoformat(),
                "day_end": day_end.isoformat(),
                "rooms": day_rooms,
            }
        )
    published = [conference.last_published_at] + [s.last_published_at for s in sessions]
    version = max((p for p in published if p), default=None)
    return {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": GENERATOR, "version": "1", "url": settings.XARXA_BASE_URL},
        "schedule": {
            "version": version.isoformat() if version else "draft",
            "base_url": conference_url,
            "conference": {
                "acronym": conference.acronym,
                "title": conference.title,
                "start": conference.start_date.isoformat(),
                "end": conference.end_date.isoformat(),
                "daysCount": len(days),
                "timeslot_duration": "00:15",
                "time_zone_name": conference.time_zone,
                "url": conference_url,
                "rooms": [{"name": name, "guid": guid} for name, guid in sorted(rooms.items())],
                "tracks": [
                    {"name": track} for track in sorted({s.track for s in sessions if s.track})
                ],
                "days": days,
            },
        },
    }


def _text(parent, tag, value, **attributes):
    element = ET.SubElement(parent, tag, {k: str(v) for k, v in attributes.items()})
    if value is not None:
        element.text = str(value)
    return element


def schedule_xml(data):
    """schedule.xml from the schedule.json document, so both say the same."""
    schedule_data = data["schedule"]
    conference = schedule_data["conference"]
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name=GENERATOR, version=data["generator"]["version"])
    _text(root, "url", re.sub(r"/$", "/schedule.xml", conference["url"]))
    _text(root, "version", schedule_data["version"])
    conf = ET.SubElement(root, "conference")
    for tag in ("acronym", "title", "start", "end"):
        _text(conf, tag, conference[tag])
    _text(conf, "days", conference["daysCount"])
    _text(conf, "timeslot_duration", conference["timeslot_duration"])
    _text(conf, "base_url", schedule_data["base_url"])
    _text(conf, "url", conference["url"])
    _text(conf, "time_zone_name", conference["time_zone_name"])
    for track in conference["tracks"]:
        _text(conf, "track", None, name=track["name"])
    guids = {room["name"]: room["guid"] for room in conference["rooms"]}
    for day in conference["days"]:
        day_element = ET.SubElement(
            root,
            "day",
            index=str(day["index"]),
            date=day["date"],
            start=day["day_start"],
            end=day["day_end"],
        )
        for room, events in day["rooms"].items():
            room_element = ET.SubElement(day_element, "room", name=room, guid=guids[room])
            for event in events:
                element = ET.SubElement(
                    room_element, "event", guid=event["guid"], id=str(event["id"])
                )
                for tag in ("date", "start", "duration", "room", "slug", "url", "title"):
                    _text(element, tag, event[tag])
                _text(element, "subtitle", event["subtitle"])
                _text(element, "track", event["track"] or "")
                _text(element, "type", event["type"])
                _text(element, "language", event["language"] or "")
                _text(element, "abstract", event["abstract"])
                _text(element, "description", event["description"])
                persons = ET.SubElement(element, "persons")
                for person in event["persons"]:
                    _text(
                        persons,
                        "person",
                        person["public_name"],
                        id=person["id"],
                        guid=person["guid"],
                    )
                ET.SubElement(element, "links")
                ET.SubElement(element, "attachments")
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8")
