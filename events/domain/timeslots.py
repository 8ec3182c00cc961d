"""Local times with the zone named: what delegates read, whatever the server's zone."""

import datetime
from dataclasses import dataclass

from django.utils.dates import WEEKDAYS
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.dates import long_date


@dataclass(frozen=True)
class LocalSlot:
    start: datetime.datetime
    end: datetime.datetime

    @classmethod
    def of(cls, start, end, zone):
        return cls(start.astimezone(zone), end.astimezone(zone))

    @property
    def day(self):
        return self.start.date()

    @property
    def zone_abbreviation(self):
        return self.start.strftime("%Z")

    @property
    def label(self):
        """'16:00–20:00 WEST', or with the end's date when it ends on another day."""
        if self.end.date() == self.start.date():
            return f"{self.start:%H:%M}–{self.end:%H:%M} {self.zone_abbreviation}"
        return (
            f"{self.start:%H:%M} – {day_label(self.end.date())} {self.end:%H:%M} "
            f"{self.end.strftime('%Z')}"
        )

    @property
    def duration(self):
        return self.end - self.start


def day_label(day):
    weekday = str(WEEKDAYS[day.weekday()])
    # Only English capitalises weekdays; ca, es, fr and pt write them in lower case.
    if not (get_language() or "en").startswith("en"):
        weekday = weekday.lower()
    return f"{weekday}, {long_date(day)}"


def utc_offset_label(moment):
    """'UTC+1', 'UTC-3', 'UTC+5:30': the offset as people write it, minutes only if any."""
    offset = moment.utcoffset() or datetime.timedelta(0)
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    return f"UTC{sign}{hours}:{minutes:02d}" if minutes else f"UTC{sign}{hours}"


def zone_in_words(zone, moment):
    """'Lisbon time (WEST, UTC+1)', 'Casablanca time (UTC+1)': the zone as readers say it,
    with the abbreviation and offset in force at that moment (summer time changes both).

    Database names such as 'Europe/Lisbon' are jargon; their last part is a city.
    Zones without a customary abbreviation only have a numeric one ('+01'), which
    would repeat the offset, so it is left out.
    """
    local = moment.astimezone(zone)
    city = str(zone).rsplit("/", 1)[-1].replace("_", " ")
    abbreviation = local.strftime("%Z")
    offset = utc_offset_label(local)
    if abbreviation and not abbreviation.startswith(("+", "-")) and abbreviation != "UTC":
        details = f"{abbreviation}, {offset}"
    else:
        details = offset
    return _("%(city)s time (%(details)s)") % {"city": city, "details": details}


def zone_on(zone, day):
    """The zone in words as it stands on that day (at noon, clear of any change at night)."""
    return zone_in_words(zone, datetime.datetime.combine(day, datetime.time(12), tzinfo=zone))


def zone_note(zone, day):
    """'All times are Lisbon time (WEST, UTC+1), where the conference takes place.'"""
    return _("All times are %(zone)s, where the conference takes place.") % {
        "zone": zone_on(zone, day)
    }
