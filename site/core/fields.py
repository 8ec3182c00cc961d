import zoneinfo
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


@lru_cache(maxsize=1)
def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("“%(value)s” is not a time zone name. Use one like Europe/Lisbon."),
            params={"value": value},
        ) from error


class TimeZoneField(models.CharField):
    """An IANA time zone name, e.g. Europe/Lisbon; `.zone` on the model gives the ZoneInfo."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("choices", time_zone_choices)
        kwargs.setdefault("validators", [validate_time_zone])
        super().__init__(*args, **kwargs)
