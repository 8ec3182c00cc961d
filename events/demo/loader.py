"""Adds the Cascais conference, its sessions and the external events to the demo."""

import datetime
import unicodedata
import zoneinfo

from django.db import transaction
from django.utils import timezone

from core.demo.loader import demo_key
from core.models import Organisation, OutboxMessage, Person, PrivacyNotice, Region
from events.demo import content, delegates
from events.demo.sessions import SESSIONS
from events.domain import registration as domain
from events.models import (
    AgendaPage,
    ConferenceIndexPage,
    ConferencePage,
    EventIndexPage,
    EventPage,
    Registration,
    Room,
    SessionPage,
    SessionSpeaker,
    Venue,
)

CONFERENCE_LANGUAGES = ("en", "ca", "es")


#: Registration closes this many days before the first day.
REGISTRATION_CLOSES_BEFORE = datetime.timedelta(days=2)


def demo_year(as_in_2013, today=None):
    """2013, or the first year whose registration is still open, so a newcomer can register."""
    if as_in_2013:
        return 2013
    today = today or timezone.localdate()
    first_day = datetime.date(
        today.year, content.CONFERENCE["month"], content.CONFERENCE["first_day"]
    )
    # A day's margin: the server's date (UTC) can lag the conference's.
    closes = first_day - REGISTRATION_CLOSES_BEFORE - datetime.timedelta(days=1)
    return today.year if today < closes else today.year + 1


def parse_time(value):
    hours, minutes = value.split(":")
    return datetime.time(int(hours), int(minutes))


class EventsDemo:
    def __init__(self, loader, homes, *, as_in_2013=False):
        self.loader = loader
        self.homes = homes
        self.year = demo_year(as_in_2013)
        self.zone = zoneinfo.ZoneInfo(content.CONFERENCE["time_zone"])

    def run(self):
        venues, rooms = self.load_venue()
        people = self.load_people()
        indexes = self.load_indexes()
        for language in CONFERENCE_LANGUAGES:
            conference = self.load_conference(indexes["conferences"][language], language, venues)
            self.load_sessions(conference, language, rooms, people)
            self.load_external_events(indexes["external-events"][language], language)
            if language == "en":
                load_delegates(self.loader, conference)

    def snippet(self, model, demo_name, language, **fields):
        return self.loader.ensure_snippet(model, demo_name, language, **fields)

    def load_venue(self):
        venues, rooms = {}, {}
        for language in CONFERENCE_LANGUAGES:
            venue = self.snippet(
                Venue,
                content.VENUE["key"],
                language,
                address=content.VENUE["address"],
                country=content.VENUE["country"],
                map_url=content.VENUE["map_url"],
                latitude=content.VENUE["latitude"],
                longitude=content.VENUE["longitude"],
                **content.VENUE[language],
            )
            venues[language] = venue
            for key, (capacity, names, access) in content.ROOMS.items():
                rooms[key, language] = self.snippet(
                    Room,
                    key,
                    language,
                    venue=venue,
                    name=names[language],
                    capacity=capacity,
                    accessibility=access.get(language, ""),
                )
        return venues, rooms

    def load_people(self):
        people = {}
        for key, (name, organisation, positions) in content.PEOPLE.items():
            for language in CONFERENCE_LANGUAGES:
                people[key, language] = self.snippet(
                    Person,
                    key,
                    language,
                    name=name,
                    organisation=self.organisation(organisation, language),
                    position=positions[language],
                )
        return people

    def organisation(self, key, language):
        return Organisation.objects.get(
            translation_key=self.loader_key(Organisation, key),
            locale=self.loader.locales[language],
        )

    def loader_key(self, model, name):
        return demo_key(f"{model._meta.label}:{name}")

    def region(self, key, language):
        return Region.objects.get(
            translation_key=self.loader_key(Region, key), locale=self.loader.locales[language]
        )

    def load_indexes(self):
        models = {
            "conferences": ConferenceIndexPage,
            "agenda": AgendaPage,
            "external-events": EventIndexPage,
        }
        indexes = {}
        for name, languages in content.INDEXES.items():
            indexes[name] = {}
            for language, (title, slug, intro) in languages.items():
                indexes[name][language] = self.loader.ensure_page(
                    self.homes[language],
                    models[name],
                    name,
                    language,
                    title=title,
                    slug=slug,
                    intro=intro,
                    show_in_menus=name != "external-events",
                )
        return indexes

    def day(self, offset):
        first = datetime.date(
            self.year, content.CONFERENCE["month"], content.CONFERENCE["first_day"]
        )
        return first + datetime.timedelta(days=offset)

    def local(self, offset, clock):
        return datetime.datetime.combine(self.day(offset), parse_time(clock), tzinfo=self.zone)

    def registration_window(self):
        start = self.local(0, "00:00")
        if self.year == 2013:
            return self.local(-120, "09:00"), start - REGISTRATION_CLOSES_BEFORE
        opens = min(timezone.now(), start - datetime.timedelta(days=180))
        return opens, start - REGISTRATION_CLOSES_BEFORE

    def load_conference(self, index, language, venues):
        conf = content.CONFERENCE
        opens, closes = self.registration_window()
        last = datetime.date(self.year, conf["month"], conf["last_day"])
        return self.loader.ensure_page(
            index,
            ConferencePage,
            "conference:13",
            language,
            edition=conf["edition"],
            acronym=conf["acronym"],
            start_date=self.day(0),
            end_date=last,
            time_zone=conf["time_zone"],
            venue=venues[language],
            host_organisation=self.organisation("cascais", language),
            region=self.region("europe", language),
            registration_opens=opens,
            registration_closes=closes,
            **conf[language],
        )

    def load_sessions(self, conference, language, rooms, people):
        tracks = content.TRACKS
        for session in SESSIONS:
            title, abstract, *note = session[language]
            self.loader.ensure_page(
                conference,
                SessionPage,
                f"session:{session['key']}",
                language,
                title=title,
                slug=session["key"],
                kind=session["kind"],
                start=self.local(session["day"], session["start"]),
                end=self.local(session["day"], session["end"]),
                room=rooms[session["room"], language],
                track=tracks[session["track"]][language],
                languages=session["languages"],
                interpretation=session["interpretation"],
                capacity=session.get("capacity"),
                registration_required=session.get("registration_required", False),
                members_only=session.get("members_only", False),
                status=session.get("status", "scheduled"),
                status_note=note[0] if note else "",
                abstract=abstract,
                speakers=[
                    SessionSpeaker(person=people[person, language], role=role, sort_order=order)
                    for order, (person, role) in enumerate(session["speakers"])
                ],
            )

    def load_external_events(self, index, language):
        for event in content.EXTERNAL_EVENTS:
            fields = event[language]
            self.loader.ensure_page(
                index,
                EventPage,
                f"event:{event['key']}",
                language,
                start_date=datetime.date(self.year, *event["start"]),
                end_date=datetime.date(self.year, *event["end"]),
                country=event["country"],
                time_zone=event["time_zone"],
                network_role=event["role"],
                region=self.region(event["region"], language),
                **fields,
            )


def email_of(name):
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return ".".join(part for part in plain.replace("'", "").split() if part != "i") + (
        "@delegates.example.org"
    )


def load_delegates(loader, conference):
    """Registrations through the real rules (seats, waiting lists), without their emails."""
    notices = [
        loader.ensure_snippet(
            PrivacyNotice,
            f"privacy:{delegates.PRIVACY_VERSION}",
            language,
            version=delegates.PRIVACY_VERSION,
            effective_from=datetime.date(2026, 11, 1),
            text=text,
        )
        for language, text in delegates.PRIVACY_NOTICE.items()
    ]
    if Registration.objects.filter(conference=conference).exists():
        return
    if not domain.window(conference).is_open:
        return
    sessions = {s.slug: s for s in domain.bookable_sessions(conference)}
    organisations = {
        key: Organisation.objects.get(
            translation_key=demo_key(f"{Organisation._meta.label}:{key}"),
            locale=loader.locales["en"],
        )
        for key in ("barcelona", "cascais", "porto-alegre", "dakar", "ces", "giz")
    }
    for name, organisation, country, language, codes, state in delegates.DELEGATES:
        with transaction.atomic():
            registration = domain.register(
                conference,
                {
                    "name": name,
                    "email": email_of(name),
                    "organisation": organisations.get(organisation),
                    "organisation_name": "" if organisation in organisations else organisation,
                    "country": country,
                    "position": "",
                    "language": language,
                    "interpretation": [],
                    "accessibility_needs": "",
                    "dietary_needs": "",
                    "newsletter_opt_in": False,
                },
                [
                    sessions[delegates.SESSION_KEYS[code]]
                    for code in codes
                    if delegates.SESSION_KEYS[code] in sessions
                    and (code != "m" or organisations[organisation].is_member)
                ],
                privacy_version=notices[0].version,
            )
            if state in ("confirmed", "cancelled"):
                domain.confirm(registration)
            if state == "cancelled":
                domain.cancel_registration(registration)
            # Demo delegates have made-up addresses: they get no email.
            OutboxMessage.objects.filter(reference=domain.reference(registration)).delete()
            loader.created += 1
