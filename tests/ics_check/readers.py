"""Each parser's reading of a file, in one shape, so that their readings can be compared:
a list of events with uid, recurrence_id, start, end, summary, location, description and
the first occurrences of a recurring event. Instants are UTC (`...Z`), all-day values
dates, floating times `floating:...`."""

import datetime as dt
import json
import os
import shutil
import subprocess
from itertools import islice
from pathlib import Path

OCCURRENCES = 50
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
NODE_MODULES = ROOT / "node_modules"


def instant(value):
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return "floating:" + value.strftime("%Y%m%dT%H%M%S")
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return None


def _text(value):
    return None if value is None else str(value)


def with_icalendar(data):
    import icalendar
    from dateutil.rrule import rruleset, rrulestr

    events = []
    for vevent in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        start = vevent.decoded("DTSTART")
        end = None
        if "DTEND" in vevent:
            end = vevent.decoded("DTEND")
        elif "DURATION" in vevent:
            end = start + vevent.decoded("DURATION")
        occurrences = []
        if "RRULE" in vevent or "RDATE" in vevent:
            # icalendar reads RRULE but does not expand it; dateutil does, from the
            # DTSTART icalendar decoded, so the time zone is still icalendar's reading.
            rules = rruleset()
            for rrule in _all(vevent.get("RRULE")):
                rules.rrule(rrulestr(rrule.to_ical().decode(), dtstart=start))
            for field, add in (("RDATE", rules.rdate), ("EXDATE", rules.exdate)):
                for values in _all(vevent.get(field)):
                    for value in values.dts:
                        add(value.dt)
            occurrences = [instant(when) for when in islice(rules, OCCURRENCES)]
        recurrence_id = vevent.decoded("RECURRENCE-ID") if "RECURRENCE-ID" in vevent else None
        events.append(
            {
                "uid": _text(vevent.get("UID")),
                "recurrence_id": instant(recurrence_id),
                "start": instant(start),
                "end": instant(end),
                "summary": _text(vevent.get("SUMMARY")),
                "location": _text(vevent.get("LOCATION")),
                "description": _text(vevent.get("DESCRIPTION")),
                "occurrences": occurrences,
            }
        )
    return events


def with_vobject(data):
    import vobject
    from vobject import icalendar as vobject_icalendar

    # vobject keeps every TZID it has met in one map for the process, and takes a file's
    # VTIMEZONE only for a TZID it has not met: each file must start from an empty map,
    # or one file's zone (or pytz's, which rrule expands without DST) reads the next.
    known = vars(vobject_icalendar)["__tzidMap"]
    known.clear()
    vobject_icalendar.registerTzid("UTC", vobject_icalendar.utc)
    calendar = next(vobject.readComponents(data.decode("utf-8")))
    events = []
    for vevent in calendar.contents.get("vevent", []):
        contents = vevent.contents
        start = vevent.dtstart.value
        end = None
        if "dtend" in contents:
            end = vevent.dtend.value
        elif "duration" in contents:
            end = start + vevent.duration.value
        occurrences = []
        if "rrule" in contents or "rdate" in contents:
            occurrences = [
                instant(_wall_time(when))
                for when in islice(vevent.getrruleset(addRDate=True), OCCURRENCES)
            ]
        events.append(
            {
                "uid": _value(contents, "uid"),
                "recurrence_id": instant(contents["recurrence-id"][0].value)
                if "recurrence-id" in contents
                else None,
                "start": instant(start),
                "end": instant(end),
                "summary": _value(contents, "summary"),
                "location": _value(contents, "location"),
                "description": _value(contents, "description"),
                "occurrences": occurrences,
            }
        )
    return events


def _wall_time(when):
    """vobject reads a known TZID as a pytz zone and hands it to dateutil's rrule, which
    keeps DTSTART's UTC offset for every occurrence (pytz zones must be given a time
    through `localize`). The wall time is what vobject read: place it in its zone."""
    zone = getattr(when, "tzinfo", None)
    if hasattr(zone, "localize"):
        return zone.localize(when.replace(tzinfo=None))
    return when


def node():
    """The node binary and whether ical.js is installed (make test runs npm ci)."""
    binary = shutil.which("node")
    return binary if binary and (NODE_MODULES / "ical.js").is_dir() else None


def with_icaljs(paths):
    """{path: {"events": [...]} or {"error": "..."}} as Thunderbird's parser reads them."""
    result = subprocess.run(
        [node(), str(HERE / "icaljs.mjs"), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "ICS_CHECK_OCCURRENCES": str(OCCURRENCES)},
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise RuntimeError("ical.js did not run: " + result.stderr.strip())
    return json.loads(result.stdout)


def _all(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _value(contents, name):
    return str(contents[name][0].value) if name in contents else None
