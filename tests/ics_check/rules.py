"""The RFC 5545 rules calendar clients trip on, checked on the file's own octets.

Parsers are lenient in different ways, so a feed that breaks one of these rules may
read fine in one client and lose events or text in another.
"""

import re

LIMIT = 75  # octets per line, without the CRLF (RFC 5545, 3.1)

# Single TEXT values: a bare comma or semicolon is a list or a parameter separator to
# a strict parser, so it must be escaped.
TEXT = {
    "SUMMARY",
    "DESCRIPTION",
    "LOCATION",
    "COMMENT",
    "CONTACT",
    "TZNAME",
    "X-WR-CALNAME",
    "X-WR-CALDESC",
}
# TEXT lists: commas separate the items, semicolons must still be escaped.
TEXT_LISTS = {"CATEGORIES", "RESOURCES"}
ESCAPES = set("\\;,nN")
NAME = re.compile(r"^[A-Za-z0-9-]+")


def physical_lines(data):
    """The file's lines with their numbers, and what is wrong with its line endings."""
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    lines = data.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: a bare LF or CR ends a line (RFC 5545 wants CRLF)")
        if len(line) > LIMIT:
            problems.append(f"line {number}: {len(line)} octets, longer than {LIMIT} (fold it)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: not UTF-8 on its own (a fold splits a character)")
    return lines, problems


def content_lines(lines):
    """Unfolded content lines as (first physical line number, text)."""
    unfolded = []
    for number, raw in enumerate(lines, 1):
        line = raw.replace(b"\n", b"").replace(b"\r", b"").decode("utf-8", "replace")
        if line[:1] in (" ", "\t") and unfolded:
            unfolded[-1][1] += line[1:]
        elif line:
            unfolded.append([number, line])
    return unfolded


def split(line):
    """(NAME, {PARAM: value}, value) of one content line; quoted values may hold : ; ,"""
    match = NAME.match(line)
    if not match:
        return None
    name, rest, params = match.group().upper(), line[match.end() :], {}
    while rest.startswith(";"):
        param = re.match(r';([A-Za-z0-9-]+)=("[^"]*"|[^;:,]*(?:,(?:"[^"]*"|[^;:,]*))*)', rest)
        if not param:
            return None
        params[param.group(1).upper()] = param.group(2).strip('"')
        rest = rest[param.end() :]
    if not rest.startswith(":"):
        return None
    return name, params, rest[1:]


def escaping_problem(name, value):
    """What is wrong with the escaping of a TEXT value, or None."""
    index = 0
    while index < len(value):
        char = value[index]
        if char == "\\":
            following = value[index + 1 : index + 2]
            if following not in ESCAPES:
                return f"{name}: '\\{following}' is not an escape (only \\\\ \\; \\, \\n)"
            index += 2
            continue
        if char == ";" or (char == "," and name in TEXT):
            return f"{name}: unescaped '{char}' in text (write \\{char})"
        index += 1
    return None


def problems(data):
    """Every rule the file breaks, as sentences naming the line."""
    lines, found = physical_lines(data)
    stack, tzids_used, tzids_defined, keys = [], {}, set(), set()
    calendar = {"VERSION": None, "PRODID": None}
    event = None
    for number, line in content_lines(lines):
        parts = split(line)
        if parts is None:
            found.append(f"line {number}: not a content line: {line[:40]!r}")
            continue
        name, params, value = parts
        if name == "BEGIN":
            stack.append(value.upper())
            if value.upper() == "VEVENT":
                event = {"line": number}
            continue
        if name == "END":
            if not stack or stack[-1] != value.upper():
                found.append(
                    f"line {number}: END:{value} does not close {stack[-1:] or 'anything'}"
                )
            else:
                stack.pop()
            if value.upper() == "VEVENT" and event is not None:
                found += _event_problems(event, keys)
                event = None
            continue
        if "TZID" in params and name != "TZID":
            tzids_used.setdefault(params["TZID"], number)
        if stack == ["VCALENDAR", "VTIMEZONE"] and name == "TZID":
            tzids_defined.add(value)
        if stack == ["VCALENDAR"] and name in calendar:
            calendar[name] = value
        if event is not None and stack[-1:] == ["VEVENT"]:
            event[name] = value
        if name in TEXT or name in TEXT_LISTS:
            problem = escaping_problem(name, value)
            if problem:
                found.append(f"line {number}: {problem}")
    if stack:
        found.append(f"BEGIN:{stack[-1]} is never closed")
    if calendar["VERSION"] != "2.0":
        found.append("VCALENDAR has no VERSION:2.0")
    if not calendar["PRODID"]:
        found.append("VCALENDAR has no PRODID")
    for tzid, number in tzids_used.items():
        if tzid not in tzids_defined:
            found.append(f"line {number}: TZID={tzid} has no VTIMEZONE in the file")
    return found


def _event_problems(event, keys):
    found = []
    for required in ("UID", "DTSTAMP", "DTSTART"):
        if not event.get(required):
            found.append(f"line {event['line']}: VEVENT without {required}")
    key = (event.get("UID"), event.get("RECURRENCE-ID"))
    if event.get("UID") and key in keys:
        found.append(f"line {event['line']}: UID {event['UID']} is used twice")
    keys.add(key)
    return found
