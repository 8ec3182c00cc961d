"""Repeating meetings: one rule, expanded by dateutil for the pages and written as an
RRULE for calendars, so both list the same occurrences.

Occurrences keep their wall-clock time in the meeting's zone across daylight-saving
changes (a 16:00 meeting in Barcelona stays at 16:00), which is what RFC 5545 clients
do with an RRULE on a DTSTART that has a TZID.
"""

import datetime
from dataclasses import dataclass

from dateutil import rrule
from django.utils.dates import WEEKDAYS
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from core.dates import long_date
from events.domain.timeslots import LocalSlot, day_label

WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
#: Meetings shown on pages and written to feeds are capped, whatever the rule.
MAX_OCCURRENCES = 200


@dataclass(frozen=True)
class Rule:
    repeat: str  # "none", "weekly" or "monthly"
    interval: int = 1
    until: datetime.date | None = None

    @property
    def repeats(self):
        return self.repeat in ("weekly", "monthly")


def nth_weekday(day):
    """(n, weekday) of a date: the 1st to 4th, or -1 for a 5th, which is written as the
    last, since not every month has a 5th."""
    n = (day.day - 1) // 7 + 1
    return (-1 if n == 5 else n), day.weekday()


def _until_local(rule):
    return datetime.datetime.combine(rule.until, datetime.time(23, 59, 59))


def expansion(rule, start_local):
    """A dateutil rule over naive local datetimes."""
    if rule.repeat == "weekly":
        return rrule.rrule(
            rrule.WEEKLY,
            interval=max(1, rule.interval),
            dtstart=start_local,
            until=_until_local(rule) if rule.until else None,
            count=None if rule.until else MAX_OCCURRENCES,
        )
    n, weekday = nth_weekday(start_local.date())
    return rrule.rrule(
        rrule.MONTHLY,
        interval=max(1, rule.interval),
        byweekday=rrule.weekday(weekday, n),
        dtstart=start_local,
        until=_until_local(rule) if rule.until else None,
        count=None if rule.until else MAX_OCCURRENCES,
    )


def rrule_text(rule, start_local, zone):
    """The RRULE value for a feed. UNTIL is in UTC, as RFC 5545 asks when DTSTART has a TZID."""
    parts = ["FREQ=WEEKLY" if rule.repeat == "weekly" else "FREQ=MONTHLY"]
    if rule.interval > 1:
        parts.append(f"INTERVAL={rule.interval}")
    if rule.repeat == "monthly":
        n, weekday = nth_weekday(start_local.date())
        parts.append(f"BYDAY={n}{WEEKDAY_CODES[weekday]}")
    if rule.until:
        until = _until_local(rule).replace(tzinfo=zone).astimezone(datetime.UTC)
        parts.append(f"UNTIL={until:%Y%m%dT%H%M%SZ}")
    else:
        parts.append(f"COUNT={MAX_OCCURRENCES}")
    return ";".join(parts)


@dataclass(frozen=True)
class Change:
    """What happens to one occurrence, found by its original local date."""

    original: datetime.date
    cancelled: bool = False
    start: datetime.datetime | None = None  # aware; a moved occurrence's new time
    end: datetime.datetime | None = None
    note: str = ""


@dataclass(frozen=True)
class Occurrence:
    #: When the rule puts it (aware, in the meeting's zone): the RECURRENCE-ID.
    original_start: datetime.datetime
    start: datetime.datetime
    end: datetime.datetime
    cancelled: bool = False
    moved: bool = False
    note: str = ""

    @property
    def label(self):
        """'dimarts, 12 de gener de 2027, 16:00–18:00 CET', in the active language."""
        slot = LocalSlot(self.start, self.end)
        return f"{day_label(slot.day)}, {slot.label}"


def occurrences(rule, start, end, zone, changes=()):
    """Every occurrence of a meeting, with cancelled and moved ones marked."""
    start_local = start.astimezone(zone).replace(tzinfo=None)
    duration = end - start
    if not rule.repeats:
        moments = [start_local]
    else:
        moments = list(expansion(rule, start_local))[:MAX_OCCURRENCES]
    by_date = {change.original: change for change in changes}
    found = []
    for moment in moments:
        original = moment.replace(tzinfo=zone)
        change = by_date.get(moment.date())
        if change and change.cancelled:
            found.append(
                Occurrence(
                    original, original, original + duration, cancelled=True, note=change.note
                )
            )
        elif change and change.start:
            found.append(
                Occurrence(
                    original,
                    change.start.astimezone(zone),
                    (change.end or change.start + duration).astimezone(zone),
                    moved=True,
                    note=change.note,
                )
            )
        else:
            found.append(Occurrence(original, original, original + duration))
    return found


def describe(rule, start_local):
    """'Every 2 weeks on Tuesday, until 30 June 2027', in the active language."""
    weekday = str(WEEKDAYS[start_local.weekday()])
    # Only English capitalises weekdays inside a sentence.
    if not (get_language() or "en").startswith("en"):
        weekday = weekday.lower()
    if rule.repeat == "weekly":
        text = ngettext(
            "Every week on %(weekday)s", "Every %(count)s weeks on %(weekday)s", rule.interval
        ) % {"count": rule.interval, "weekday": weekday}
    elif rule.repeat == "monthly":
        n, _weekday = nth_weekday(start_local.date())
        ordinal = {1: _("first"), 2: _("second"), 3: _("third"), 4: _("fourth"), -1: _("last")}[n]
        text = ngettext(
            "Every month on the %(ordinal)s %(weekday)s",
            "Every %(count)s months on the %(ordinal)s %(weekday)s",
            rule.interval,
        ) % {"count": rule.interval, "ordinal": ordinal, "weekday": weekday}
    else:
        return ""
    if rule.until:
        text = _("%(rule)s, until %(date)s") % {"rule": text, "date": long_date(rule.until)}
    return text
