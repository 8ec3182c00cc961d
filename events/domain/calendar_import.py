"""Importing a partner's .ics feed: match by UID, update what changed, remove what was
withdrawn. A feed that cannot be fetched or read changes nothing."""

import datetime
import urllib.request
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from icalendar import Calendar

MAX_FEED_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 20


class ImportProblem(Exception):
    """Why a feed was not imported, in words an editor can act on."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    removed: int = 0


def fetch(url):
    if not url.startswith(("http://", "https://")):
        raise ImportProblem(f"Only http and https addresses can be imported, not {url}.")
    request = urllib.request.Request(url, headers={"User-Agent": "Xarxa calendar import"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            content = response.read(MAX_FEED_BYTES + 1)
    except OSError as error:  # URLError, HTTPError, timeouts and refused connections
        raise ImportProblem(f"The feed could not be fetched: {error}.") from error
    if len(content) > MAX_FEED_BYTES:
        raise ImportProblem("The feed is larger than 5 MB.")
    return content


def _aware(value):
    if isinstance(value, datetime.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value, datetime.UTC)
    return datetime.datetime.combine(value, datetime.time.min, tzinfo=datetime.UTC)


def parse(content):
    """Events keyed by UID. Recurring events are imported as their first occurrence."""
    try:
        calendar = Calendar.from_ical(content)
    except ValueError as error:
        raise ImportProblem(f"The file is not a valid iCalendar feed: {error}.") from error
    if calendar.name != "VCALENDAR":
        raise ImportProblem("The file is not a valid iCalendar feed: no VCALENDAR.")
    events = {}
    for event in calendar.walk("VEVENT"):
        if "UID" not in event or "DTSTART" not in event or "RECURRENCE-ID" in event:
            continue
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND") if "DTEND" in event else start
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        events[str(event["UID"])] = {
            "summary": str(event.get("SUMMARY", ""))[:500],
            "description": str(event.get("DESCRIPTION", "")),
            "location": str(event.get("LOCATION", ""))[:500],
            "url": str(event.get("URL", ""))[:500],
            "start": _aware(start),
            "end": _aware(end),
            "all_day": not isinstance(start, datetime.datetime),
            "sequence": int(event.get("SEQUENCE", 0)),
        }
    return events


@transaction.atomic
def apply(subscription, events):
    existing = {e.uid: e for e in subscription.events.select_for_update()}
    result = ImportResult()
    for uid, fields in events.items():
        current = existing.get(uid)
        if current is None:
            subscription.events.create(uid=uid, **fields)
            result.created += 1
        elif any(getattr(current, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(current, name, value)
            current.save()
            result.updated += 1
    withdrawn = set(existing) - set(events)
    if withdrawn:
        result.removed = subscription.events.filter(uid__in=withdrawn).delete()[0]
    return result


def import_subscription(subscription):
    """Fetch, parse and apply; record the outcome on the subscription."""
    now = timezone.now()
    try:
        result = apply(subscription, parse(fetch(subscription.url)))
    except ImportProblem as problem:
        subscription.last_checked_at = now
        subscription.last_error = str(problem)
        subscription.save(update_fields=["last_checked_at", "last_error"])
        return None
    subscription.last_checked_at = subscription.last_success_at = now
    subscription.last_error = ""
    subscription.save(update_fields=["last_checked_at", "last_success_at", "last_error"])
    return result
