"""iCalendar feeds and invitations, as pure functions over plain items.

Every app turns its pages into `CalendarItem`s; this module alone knows RFC 5545.
What calendar clients trip on is handled here once: a VTIMEZONE for every TZID,
UIDs that never change, a SEQUENCE that goes up when time, place or status change,
plain-text descriptions and cancelled items kept (as CANCELLED) for a while.
"""

import datetime
import zoneinfo
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from icalendar import Calendar, Event, vText
from wagtail.models import Locale

PRODID = "-//Xarxa//Network calendar//EN"
#: Clients that honour it re-fetch hourly; the same figure goes in Cache-Control.
REFRESH = datetime.timedelta(hours=1)
#: How long a cancelled item stays in feeds so subscribed calendars remove it.
CANCELLED_KEPT_FOR = datetime.timedelta(days=30)
#: Zones written as UTC ("Z"): zoneinfo's names for it, and None for datetime.UTC.
UTC_NAMES = {None, "UTC", "Etc/UTC"}


@dataclass
class CalendarItem:
    uid: str
    summary: str
    start: object  # aware datetime, or a date for all-day items
    end: object  # aware datetime, or the (exclusive) day after an all-day item
    url: str = ""
    description: str = ""
    location: str = ""
    geo: tuple | None = None
    categories: list = field(default_factory=list)
    cancelled: bool = False
    #: A place on a waiting list: in the delegate's calendar, but not a seat.
    tentative: bool = False
    sequence: int = 0
    last_modified: datetime.datetime | None = None
    #: Private details (an online link, for members) stay out of public feeds.
    private_note: str = ""
    #: A repeating item: its RRULE value, the original starts of cancelled occurrences,
    #: and the last moment of the series (for the VTIMEZONE's range).
    rrule: str = ""
    exdates: tuple = ()
    series_end: datetime.datetime | None = None
    #: For one moved occurrence of a repeating item: the start the rule gave it.
    recurrence_id: datetime.datetime | None = None
    #: Only invitations (iMIP) carry these.
    organizer: str = ""
    attendee: str = ""


def uid(kind, identifier):
    """`session-42@host`: the same in every language and across republishing."""
    return f"{kind}-{identifier}@{_host(settings.XARXA_BASE_URL)}"


@lru_cache(maxsize=8)
def _host(base_url):
    return urlsplit(base_url).hostname or "xarxa.localhost"


@lru_cache(maxsize=64)
def vtimezone(tzid, first_year, last_year):
    """The VTIMEZONE for a zone over whole years, built once per process."""
    scratch = Calendar()
    event = Event()
    event.start = datetime.datetime(first_year, 6, 1, 12, tzinfo=zoneinfo.ZoneInfo(tzid))
    scratch.add_component(event)
    scratch.add_missing_timezones(
        first_date=datetime.date(first_year, 1, 1), last_date=datetime.date(last_year + 1, 1, 1)
    )
    return scratch.timezones[0].to_ical()


def _zones_and_years(items):
    zones, years = set(), set()
    for item in items:
        moments = [item.start, item.end, *item.exdates, item.recurrence_id, item.series_end]
        for moment in [m for m in moments if m is not None]:
            if isinstance(moment, datetime.datetime):
                zone = getattr(moment.tzinfo, "key", None)
                # UTC times are written with Z and need no VTIMEZONE.
                if not writes_as_utc(zone):
                    zones.add(zone)
                years.add(moment.year)
    return zones, years


CONTROL_CHARACTERS = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def escape_text(value):
    """RFC 5545 3.3.11 TEXT: backslash, semicolon, comma and newlines escaped; other
    control characters, which no calendar line may hold, dropped."""
    return (
        str(value)
        .translate(CONTROL_CHARACTERS)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


class _PlainText(HTMLParser):
    BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "tr"}
    LISTS = {"ul", "ol"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.words, self.prefix, self.depth = [], [], "", 0

    def end_line(self):
        text = " ".join("".join(self.words).split())
        if text:
            self.lines.append(self.prefix + text)
        self.words, self.prefix = [], ""

    def handle_starttag(self, tag, attrs):
        if tag in self.LISTS:
            self.end_line()
            self.depth += 1
        elif tag == "li":
            self.end_line()
            self.prefix = "  " * max(self.depth - 1, 0) + "- "
        elif tag == "br" or tag in self.BLOCKS:
            self.end_line()

    def handle_endtag(self, tag):
        if tag in self.LISTS:
            self.depth = max(self.depth - 1, 0)
        if tag in self.LISTS or tag == "li" or tag in self.BLOCKS:
            self.end_line()

    def handle_data(self, data):
        self.words.append(data)


def plain_text(rich_text):
    """Rich text as a DESCRIPTION shows it: a line per paragraph, heading or list item
    ("- " before items), entities decoded. Dropping the tags alone ran a list's items
    together ("News from each observatoryShared indicators")."""
    parser = _PlainText()
    parser.feed(str(rich_text or ""))
    parser.close()
    parser.end_line()
    return "\n".join(parser.lines)


def fold(line):
    """One content line as bytes, folded at 75 octets without splitting a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data + b"\r\n"
    parts, limit = [], 75
    while len(data) > limit:
        cut = limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: back up to the start
            cut -= 1
        parts.append(data[:cut])
        data = data[cut:]
        limit = 74  # continuation lines start with a space
    parts.append(data)
    return b"\r\n ".join(parts) + b"\r\n"


@lru_cache(maxsize=256)
def writes_as_utc(zone):
    """Zones that keep UTC all year (Africa/Dakar, Atlantic/Reykjavik) are written with Z,
    as icalendar does: it makes no VTIMEZONE for them, and a TZID needs one."""
    if zone in UTC_NAMES:
        return True

    tz = zoneinfo.ZoneInfo(zone)
    return all(
        datetime.datetime(year, month, 1, tzinfo=tz).utcoffset() == datetime.timedelta(0)
        for year in range(2000, 2041)
        for month in (1, 7)
    )


def _moment(name, value):
    if not isinstance(value, datetime.datetime):
        return f"{name};VALUE=DATE:{value:%Y%m%d}"
    zone = getattr(value.tzinfo, "key", None)
    if writes_as_utc(zone):
        return f"{name}:{value.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}"
    return f"{name};TZID={zone}:{value:%Y%m%dT%H%M%S}"


def _utc(value):
    return f"{value.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}"


def _status(item):
    if item.cancelled:
        return "CANCELLED"
    return "TENTATIVE" if item.tentative else "CONFIRMED"


def _event(item, stamp, include_private):
    """One VEVENT, written directly: building icalendar objects for a thousand events
    costs several times what serializing them does."""
    lines = ["BEGIN:VEVENT", f"UID:{escape_text(item.uid)}", f"DTSTAMP:{_utc(stamp)}"]
    if item.last_modified:
        lines.append(f"LAST-MODIFIED:{_utc(item.last_modified)}")
    lines += [
        f"SEQUENCE:{int(item.sequence)}",
        f"SUMMARY:{escape_text(item.summary)}",
        _moment("DTSTART", item.start),
        _moment("DTEND", item.end),
        f"STATUS:{_status(item)}",
    ]
    if item.recurrence_id is not None:
        lines.append(_moment("RECURRENCE-ID", item.recurrence_id))
    if item.rrule:
        lines.append(f"RRULE:{item.rrule}")
    for excluded in item.exdates:
        lines.append(_moment("EXDATE", excluded))
    description = item.description
    if include_private and item.private_note:
        description = f"{description}\n\n{item.private_note}".strip()
    if item.url:
        lines.append(f"URL:{item.url}")
        description = f"{description}\n\n{item.url}".strip()
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if item.location:
        lines.append(f"LOCATION:{escape_text(item.location)}")
    if item.geo:
        lines.append(f"GEO:{item.geo[0]:.6f};{item.geo[1]:.6f}")
    categories = [escape_text(c) for c in item.categories if c]
    if categories:
        lines.append("CATEGORIES:" + ",".join(categories))
    if item.organizer:
        lines.append(f"ORGANIZER:mailto:{item.organizer}")
    if item.attendee:
        lines.append(f"ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:{item.attendee}")
    # All-day items (conferences, external events) do not block the day in a calendar.
    all_day = not isinstance(item.start, datetime.datetime)
    lines += [f"TRANSP:{'TRANSPARENT' if all_day else 'OPAQUE'}", "END:VEVENT"]
    return b"".join(fold(line) for line in lines)


def build(items, *, name, description="", method=None, include_private=False, now=None):
    """An RFC 5545 calendar, as bytes with CRLF line endings and folded lines."""
    now = now or datetime.datetime.now(datetime.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    # icalendar escapes TEXT only for the properties it knows the type of: not NAME
    # (RFC 7986) nor the X-WR- ones, where a comma would start a second value.
    name, description = (
        vText(str(text).translate(CONTROL_CHARACTERS)) for text in (name, description)
    )
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    zones, years = _zones_and_years(items)
    ical = [calendar.to_ical().rsplit(b"END:VCALENDAR", 1)[0]]
    if zones:
        first, last = min(years), max(years)
        ical += [vtimezone(zone, first, last) for zone in sorted(zones)]
    stamp = now.replace(microsecond=0)
    ical += [_event(item, item.last_modified or stamp, include_private) for item in items]
    ical.append(b"END:VCALENDAR\r\n")
    return b"".join(ical)


def keep_in_feed(cancelled, last_modified, now=None):
    """Scheduled items always; cancelled ones for CANCELLED_KEPT_FOR after the change."""
    if not cancelled:
        return True
    now = now or datetime.datetime.now(datetime.UTC)
    return last_modified is not None and now - last_modified <= CANCELLED_KEPT_FOR


def next_sequence(previous, current, watched):
    """SEQUENCE after a save: up by one when time, place or status changed (RFC 5546).

    `previous` is what the database held (None for a new item), `current` what is
    being saved. The stored number wins over the one being saved, which may come
    from an older revision.
    """
    if previous is None:
        return current.get("sequence") or 0
    changed = any(previous[key] != current[key] for key in watched)
    return previous["sequence"] + 1 if changed else previous["sequence"]


class SequencedMixin:
    """For models whose calendar SEQUENCE follows `sequence_watched` fields."""

    #: The fields whose change is a change of time, place or status.
    sequence_watched = ()

    def update_sequence(self):
        names = [*self.sequence_watched, "sequence"]
        previous = None
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).select_for_update()
            previous = stored.values(*names).first()
        current = {name: getattr(self, name) for name in names}
        self.sequence = next_sequence(previous, current, self.sequence_watched)

    def save_with_sequence(self, save, *args, **kwargs):
        # The row stays locked from the read to the write, so two editors publishing
        # at once both count: SEQUENCE is a read-increment-write.
        with transaction.atomic():
            self.update_sequence()
            return save(*args, **kwargs)


@dataclass(frozen=True)
class Invitation:
    """An iMIP (RFC 6047) calendar part for an email: content and its MIME type."""

    content: bytes
    method: str

    @property
    def mimetype(self):
        return f"text/calendar; method={self.method}; charset=utf-8"


def invitation(items, *, method, organizer_email, attendee_email, name):
    """METHOD:REQUEST (book or change) or METHOD:CANCEL, with the feeds' UID and SEQUENCE,
    so the attendee's client updates the event it already has instead of adding one."""
    if method not in {"REQUEST", "CANCEL"}:
        raise ValueError(f"iMIP method must be REQUEST or CANCEL, not {method}")
    addressed = [
        replace(
            item,
            cancelled=item.cancelled or method == "CANCEL",
            organizer=organizer_email,
            attendee=attendee_email,
        )
        for item in items
    ]
    return Invitation(content=build(addressed, name=name, method=method), method=method)


def sources(model, pages):
    """translation_key -> (pk, sequence) of the default-language page, in one query.

    UIDs and SEQUENCE come from the source page so that every language's feed
    describes the same event in the same version.
    """
    keys = [page.translation_key for page in pages]
    rows = model.objects.filter(translation_key__in=keys, locale=Locale.get_default())
    return {
        key: (pk, sequence)
        for key, pk, sequence in rows.values_list("translation_key", "pk", "sequence")
    }


def source_of(page, found):
    return found.get(page.translation_key, (page.pk, page.sequence))
