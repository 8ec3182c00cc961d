"""ics_check: reads iCalendar files the way calendar clients will.

    python -m tests.ics_check FILE...

Three independent parsers must read every event alike: the Python `icalendar` library
(Xarxa writes its feeds with it), `vobject` (the parser behind the Radicale CalDAV
server) and `ical.js` (the parser inside Mozilla Thunderbird, installed by `npm ci`
from package-lock.json). They must agree on each event's UID, its start and end as
instants, its text and the first occurrences of a recurring event. On top of that the
file must keep the RFC 5545 rules clients trip on (see rules.py): CRLF, lines folded at
75 octets, a VTIMEZONE for every TZID, UID and DTSTAMP on every event, escaped commas
and semicolons in text.

Without Node.js or ical.js the third parser is left out and the report says so;
under CI=true that is a failure.
"""

import os
from pathlib import Path

from . import readers, rules

FIELDS = ("uid", "recurrence_id", "start", "end", "summary", "location", "description")


class Report:
    def __init__(self, path):
        self.path = Path(path)
        self.problems = []
        self.events = 0

    @property
    def ok(self):
        return not self.problems

    def __str__(self):
        if self.ok:
            return f"OK {self.path}: {self.events} events"
        return "\n".join([f"FAIL {self.path}"] + [f"  {problem}" for problem in self.problems])


def check(paths, require_icaljs=None):
    """One Report per file."""
    if require_icaljs is None:
        require_icaljs = os.environ.get("CI") == "true"
    paths = [Path(path) for path in paths]
    reports = [Report(path) for path in paths]
    third = None
    if readers.node():
        third = readers.with_icaljs(paths)
    elif require_icaljs:
        for report in reports:
            report.problems.append("ical.js is not installed (needs node and `npm ci`)")
    for report in reports:
        data = report.path.read_bytes()
        report.problems += rules.problems(data)
        readings = {}
        for name, read in (
            ("icalendar", readers.with_icalendar),
            ("vobject", readers.with_vobject),
        ):
            try:
                readings[name] = read(data)
            except Exception as error:  # a parser that gives up is the finding
                report.problems.append(f"{name} cannot read it: {type(error).__name__}: {error}")
        if third is not None:
            reading = third.get(str(report.path), {"error": "no answer"})
            if "error" in reading:
                report.problems.append(f"ical.js cannot read it: {reading['error']}")
            else:
                readings["ical.js"] = reading["events"]
        report.problems += disagreements(readings)
        report.events = max((len(events) for events in readings.values()), default=0)
    return reports


def disagreements(readings):
    """Where the parsers read the same file differently, event by event."""
    found = []
    keyed = {
        name: {(event["uid"], event["recurrence_id"]): event for event in events}
        for name, events in readings.items()
    }
    names = list(keyed)
    first = names[0] if names else None
    for other in names[1:]:
        for key in sorted(set(keyed[first]) ^ set(keyed[other]), key=str):
            reader = first if key in keyed[first] else other
            found.append(f"event {key[0]} at recurrence {key[1]} is read by {reader} only")
        for key in set(keyed[first]) & set(keyed[other]):
            event, theirs = keyed[first][key], keyed[other][key]
            for field in (*FIELDS, "occurrences"):
                if event[field] != theirs[field]:
                    found.append(
                        f"event {key[0]}: {field} is {event[field]!r} to {first}"
                        f" but {theirs[field]!r} to {other}"
                    )
    return found
