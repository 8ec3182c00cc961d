"""What a delegate is told and quotes: how long seats are held until they confirm, and
the reference their registration's emails carry (the outbox finds them by it)."""

import datetime

from django.conf import settings


def hold_period():
    return datetime.timedelta(hours=settings.XARXA_PENDING_HOLD_HOURS)


def reference(registration):
    return f"registration:{registration.pk}"
