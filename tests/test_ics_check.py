"""The project's calendar check (tests/ics_check), against good and broken feeds.

Every feed and invitation test relies on it, so it must catch what calendar clients
trip on and accept what they read alike."""

import os
import shutil
import subprocess
import sys

import pytest

from tests.ics_check import check
from tests.shared import ROOT

NEEDS_NODE = pytest.mark.skipif(
    not shutil.which("node") and os.environ.get("CI") != "true",
    reason="ical.js needs Node.js (make test installs it with npm ci)",
)

LISBON = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Lisbon",
    "BEGIN:STANDARD",
    "DTSTART:19701025T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "TZNAME:WET",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19700329T010000",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "TZNAME:WEST",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
]

MEETING = [
    "BEGIN:VEVENT",
    "UID:meeting-1@xarxa.test",
    "DTSTAMP:20270101T120000Z",
    "DTSTART;TZID=Europe/Lisbon:20270304T170000",
    "DTEND;TZID=Europe/Lisbon:20270304T183000",
    # Monthly over the change to summer time: the instants move by an hour in UTC.
    "RRULE:FREQ=MONTHLY;BYDAY=1TH;COUNT=6",
    "EXDATE;TZID=Europe/Lisbon:20270506T170000",
    "SUMMARY:Local observatories\\, monthly call",
    "LOCATION:Online\\; link in the invitation",
    "DESCRIPTION:Agenda:\\n- News from each observatory\\n- Shared indicators",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:meeting-1@xarxa.test",
    "DTSTAMP:20270101T120000Z",
    "RECURRENCE-ID;TZID=Europe/Lisbon:20270401T170000",
    "DTSTART;TZID=Europe/Lisbon:20270402T100000",
    "DTEND;TZID=Europe/Lisbon:20270402T113000",
    "SUMMARY:Local observatories (moved)",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:day-1@xarxa.test",
    "DTSTAMP:20270101T120000Z",
    "DTSTART;VALUE=DATE:20270701",
    "DTEND;VALUE=DATE:20270702",
    "SUMMARY:Welcome day",
    "END:VEVENT",
]


def calendar(*body, head=("X-WR-CALNAME:OIDP\\, the network",), timezone=LISBON):
    return [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Xarxa//tests//EN",
        *head,
        *timezone,
        *body,
        "END:VCALENDAR",
    ]


def write(tmp_path, lines, name="feed.ics", newline=b"\r\n"):
    path = tmp_path / name
    path.write_bytes(newline.join(line.encode() for line in lines) + newline)
    return path


def only(tmp_path, lines, **options):
    (report,) = check([write(tmp_path, lines, **options)], require_icaljs=False)
    return report


@NEEDS_NODE
def test_a_good_feed_reads_alike_in_all_three_parsers(tmp_path):
    """The monthly meeting crosses the change to summer time. Before readers._wall_time,
    vobject (on pytz) put every occurrence at DTSTART's UTC offset, an hour off the
    other two from April, and the tool refused good feeds."""
    (report,) = check([write(tmp_path, calendar(*MEETING))], require_icaljs=True)
    assert report.ok, str(report)
    assert str(report).startswith("OK ") and "3 events" in str(report)


@NEEDS_NODE
def test_the_command_line_answers_like_the_function(tmp_path):
    good = write(tmp_path, calendar(*MEETING), name="good.ics")
    bad = write(tmp_path, calendar(*MEETING), name="bad.ics", newline=b"\n")
    ran = subprocess.run(
        [sys.executable, "-m", "tests.ics_check", str(good), str(bad)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "CI": "true"},
    )
    assert ran.returncode == 1
    assert f"OK {good}: 3 events" in ran.stdout
    assert f"FAIL {bad}" in ran.stdout and "CRLF" in ran.stdout


def test_bare_line_feeds_are_refused(tmp_path):
    report = only(tmp_path, calendar(*MEETING), newline=b"\n")
    assert "the file does not end with CRLF" in report.problems


def test_a_line_over_75_octets_is_refused(tmp_path):
    long = "SUMMARY:" + "Participatory budgeting in Cascais " * 2
    event = [line if not line.startswith("SUMMARY:Welcome") else long for line in MEETING]
    report = only(tmp_path, calendar(*event))
    assert any("octets, longer than 75" in problem for problem in report.problems)


def test_a_fold_inside_a_character_is_refused(tmp_path):
    # "Conferència" folded between the two octets of "è".
    event = MEETING[:-2] + ["SUMMARY:Confer\xe8ncia", "END:VEVENT"]
    lines = calendar(*[line for line in event if line != "SUMMARY:Welcome day"])
    path = tmp_path / "split.ics"
    data = b"\r\n".join(line.encode() for line in lines) + b"\r\n"
    data = data.replace("Confer\xe8ncia".encode(), b"Confer\xc3\r\n \xa8ncia")
    path.write_bytes(data)
    (report,) = check([path], require_icaljs=False)
    assert any("a fold splits a character" in problem for problem in report.problems)


def test_a_good_fold_is_read_back_whole(tmp_path):
    summary = "Participatory budgeting\\, citizens' assemblies and local observatories"
    lines = calendar(*MEETING[:-2], "SUMMARY:" + summary[:60], " " + summary[60:], "END:VEVENT")
    (report,) = check([write(tmp_path, lines)], require_icaljs=False)
    assert report.ok, str(report)


def test_a_tzid_without_its_vtimezone_is_refused(tmp_path):
    report = only(tmp_path, calendar(*MEETING, timezone=()))
    assert any("TZID=Europe/Lisbon has no VTIMEZONE" in problem for problem in report.problems)


@pytest.mark.parametrize("missing", ["UID", "DTSTAMP"])
def test_an_event_without_uid_or_dtstamp_is_refused(tmp_path, missing):
    event = [line for line in MEETING if not line.startswith(missing + ":")]
    report = only(tmp_path, calendar(*event))
    assert any(f"VEVENT without {missing}" in problem for problem in report.problems)


def test_a_uid_used_twice_is_refused(tmp_path):
    twice = [line.replace("day-1@", "meeting-1@") for line in MEETING]
    report = only(tmp_path, calendar(*twice))
    assert "UID meeting-1@xarxa.test is used twice" in " ".join(report.problems)


@pytest.mark.parametrize(
    "line, char",
    [
        ("SUMMARY:Porto Alegre, Dakar and Cascais", ","),
        ("LOCATION:Room 2; first floor", ";"),
    ],
)
def test_unescaped_commas_and_semicolons_in_text_are_refused(tmp_path, line, char):
    name = line.split(":")[0] + ":"
    event = [line if candidate.startswith(name) else candidate for candidate in MEETING]
    report = only(tmp_path, calendar(*event))
    assert f"unescaped '{char}' in text" in " ".join(report.problems)


def test_an_unescaped_comma_in_the_calendar_description_is_refused(tmp_path):
    head = ("X-WR-CALDESC:Conferences, meetings and events",)
    report = only(tmp_path, calendar(*MEETING, head=head))
    assert report.problems == ["line 4: X-WR-CALDESC: unescaped ',' in text (write \\,)"]


def test_commas_separate_categories(tmp_path):
    event = MEETING[:3] + ["CATEGORIES:Working group,Online"] + MEETING[3:]
    assert only(tmp_path, calendar(*event)).ok


@NEEDS_NODE
def test_parsers_that_read_a_time_differently_are_a_failure(tmp_path):
    """A VTIMEZONE that contradicts its IANA name: icalendar and vobject trust the name,
    Thunderbird the definition in the file, so one meeting lands at two instants."""
    lying = [line.replace("+0100", "+0500").replace("+0000", "+0400") for line in LISBON]
    (report,) = check([write(tmp_path, calendar(*MEETING, timezone=lying))], require_icaljs=True)
    assert "to icalendar but" in str(report) or "is read by icalendar only" in str(report)
    assert "ical.js" in str(report)


def test_without_icaljs_ci_fails_and_a_laptop_goes_on(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    path = write(tmp_path, calendar(*MEETING))
    (in_ci,) = check([path], require_icaljs=True)
    assert in_ci.problems == ["ical.js is not installed (needs node and `npm ci`)"]
    (local,) = check([path], require_icaljs=False)
    assert local.ok
