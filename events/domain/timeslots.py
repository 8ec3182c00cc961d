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
    offset = moment.utcoffset() or datetime.timedelta(0)
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def zone_note(zone, day):
    """'Times are local to the conference: Europe/Lisbon (WEST, UTC+01:00).'"""
    noon = datetime.datetime.combine(day, datetime.time(12), tzinfo=zone)
    return _("Times are local to the conference: %(zone)s (%(abbreviation)s, %(offset)s).") % {
        "zone": str(zone),
        "abbreviation": noon.strftime("%Z"),
        "offset": utc_offset_label(noon),
    }
