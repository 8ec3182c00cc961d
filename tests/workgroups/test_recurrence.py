"""One rule, expanded by dateutil for pages and written as RRULE for calendars."""

import datetime
import zoneinfo

import icalendar
import pytest
from dateutil import rrule as dateutil_rrule

from workgroups.domain import recurrence
from workgroups.domain.meetings import occurrences as meeting_occurrences

MADRID = zoneinfo.ZoneInfo("Europe/Madrid")
SAO_PAULO = zoneinfo.ZoneInfo("America/Sao_Paulo")


def local(zone, *parts):
    return datetime.datetime(*parts, tzinfo=zone)


def test_weekly_every_two_weeks_until_a_date():
    start = local(MADRID, 2027, 1, 5, 16)
    rule = recurrence.Rule("weekly", 2, datetime.date(2027, 2, 28))
    found = recurrence.occurrences(rule, start, start + datetime.timedelta(hours=1), MADRID)
    assert [o.start.date() for o in found] == [
        datetime.date(2027, 1, 5),
        datetime.date(2027, 1, 19),
        datetime.date(2027, 2, 2),
        datetime.date(2027, 2, 16),
    ]
    assert recurrence.rrule_text(rule, start.replace(tzinfo=None), MADRID) == (
        "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270228T225959Z"
    )


@pytest.mark.parametrize(
    ("first", "code", "expected"),
    [
        (datetime.date(2027, 1, 12), "2TU", [(2, 9), (3, 9), (4, 13)]),
        (datetime.date(2027, 1, 29), "-1FR", [(2, 26), (3, 26), (4, 30)]),  # a 5th Friday
    ],
)
def test_monthly_on_the_nth_weekday(first, code, expected):
    start = datetime.datetime.combine(first, datetime.time(10), MADRID)
    rule = recurrence.Rule("monthly", 1, datetime.date(2027, 4, 30))
    found = recurrence.occurrences(rule, start, start + datetime.timedelta(hours=1), MADRID)
    assert [(o.start.month, o.start.day) for o in found[1:]] == expected
    assert f"BYDAY={code}" in recurrence.rrule_text(rule, start.replace(tzinfo=None), MADRID)


def test_the_wall_clock_time_survives_daylight_saving_changes():
    # Madrid moves to summer time on 28 March 2027: 16:00 stays 16:00, UTC moves an hour.
    start = local(MADRID, 2027, 3, 9, 16)
    rule = recurrence.Rule("weekly", 1, datetime.date(2027, 4, 6))
    found = recurrence.occurrences(rule, start, start + datetime.timedelta(hours=2), MADRID)
    assert {o.start.hour for o in found} == {16}
    utc_hours = [o.start.astimezone(datetime.UTC).hour for o in found]
    assert utc_hours == [15, 15, 15, 14, 14]
    # Seen from Porto Alegre (no DST since 2019) the meeting moves from 12:00 to 11:00.
    assert [o.start.astimezone(SAO_PAULO).hour for o in found] == [12, 12, 12, 11, 11]


def test_cancelled_and_moved_occurrences():
    start = local(MADRID, 2027, 1, 12, 16)
    rule = recurrence.Rule("monthly", 1, datetime.date(2027, 5, 31))
    moved_to = local(MADRID, 2027, 4, 14, 16)
    found = recurrence.occurrences(
        rule,
        start,
        start + datetime.timedelta(hours=2),
        MADRID,
        [
            recurrence.Change(datetime.date(2027, 3, 9), cancelled=True),
            recurrence.Change(datetime.date(2027, 4, 13), start=moved_to),
        ],
    )
    assert [o.cancelled for o in found] == [False, False, True, False, False]
    moved = found[3]
    assert (
        moved.moved
        and moved.start == moved_to
        and moved.end == moved_to + datetime.timedelta(hours=2)
    )
    assert moved.original_start == local(MADRID, 2027, 4, 13, 16)


def expand_feed(content):
    """What a calendar client does with our feed: RRULE minus EXDATE, with overrides."""
    calendar = icalendar.Calendar.from_ical(content)
    found = {}
    for event in calendar.walk("VEVENT"):
        if "RECURRENCE-ID" in event:
            continue
        start = event.decoded("DTSTART")
        if "RRULE" not in event:
            found[event["UID"], start] = start
            continue
        rule = dateutil_rrule.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
        excluded = set()
        for exdate in (
            event.get("EXDATE", [])
            if isinstance(event.get("EXDATE"), list)
            else [event.get("EXDATE")]
        ):
            if exdate is not None:
                excluded |= {d.dt for d in exdate.dts}
        for moment in rule:
            if moment not in excluded:
                found[event["UID"], moment] = moment
    for event in calendar.walk("VEVENT"):
        if "RECURRENCE-ID" in event:
            found[event["UID"], event.decoded("RECURRENCE-ID")] = event.decoded("DTSTART")
    return sorted(found.values())


@pytest.mark.django_db
def test_the_page_lists_what_the_feed_expands_to(client, monthly, observatories):
    feed = client.get(f"{observatories.url}calendar.ics").content
    from_feed = [moment for moment in expand_feed(feed) if moment.tzinfo.key == "Europe/Madrid"]
    from_pages = [o.start for o in meeting_occurrences(monthly) if not o.cancelled]
    assert from_feed == from_pages
    assert len(from_pages) == 9  # ten months, one cancelled
    page = client.get(monthly.url).content.decode()
    cancelled = [o for o in meeting_occurrences(monthly) if o.cancelled]
    assert len(cancelled) == 1 and "Cancelled" in page


@pytest.mark.parametrize(
    ("zone", "first", "until"),
    [
        # Lisbon goes to summer time on 28 March 2027 and back on 31 October.
        ("Europe/Lisbon", datetime.date(2027, 3, 2), datetime.date(2027, 11, 30)),
        # Porto Alegre has had no summer time since 2019; the rule must not invent one.
        ("America/Sao_Paulo", datetime.date(2027, 1, 5), datetime.date(2027, 12, 31)),
    ],
)
def test_a_feed_keeps_local_time_across_the_year(zone, first, until, tmp_path):
    from core.domain import calendar
    from tests.shared import ics_check

    tz = zoneinfo.ZoneInfo(zone)
    start = datetime.datetime.combine(first, datetime.time(18), tz)
    rule = recurrence.Rule("monthly", 1, until)
    found = recurrence.occurrences(rule, start, start + datetime.timedelta(hours=1), tz)
    item = calendar.CalendarItem(
        uid="meeting-1@example.org",
        summary="Reunião",
        start=start,
        end=start + datetime.timedelta(hours=1),
        rrule=recurrence.rrule_text(rule, start.replace(tzinfo=None), tz),
        series_end=found[-1].end,
    )
    content = calendar.build([item], name="Test")
    path = tmp_path / "series.ics"
    path.write_bytes(content)
    ics_check(path)
    expanded = expand_feed(content)
    assert [moment.hour for moment in expanded] == [18] * len(found)
    assert expanded == [o.start for o in found]
    offsets = {o.start.utcoffset() for o in found}
    assert len(offsets) == (2 if zone == "Europe/Lisbon" else 1)
