"""Seats on a session or a conference, one counter row each (events.models.Seats).

A seat is claimed with a conditional UPDATE (`taken < capacity`), which PostgreSQL
re-evaluates after waiting on a concurrent claim of the same row, and the CHECK
constraint backs it up: two requests never both take the last seat.
"""

from django.db.models import F

from events.enums import BookingStatus
from events.models import Seats

#: The booking statuses that hold a seat.
SEATED = (BookingStatus.HELD, BookingStatus.CONFIRMED)


def claim_seat(page_id, capacity, sequence=0):
    """Take one seat if one is free. True when taken."""
    rows = Seats.objects.filter(page_id=page_id)
    if capacity is not None:
        rows = rows.filter(taken__lt=capacity)
    if rows.update(taken=F("taken") + 1, capacity=capacity) == 1:
        return True
    # No seat free, or no row yet: the first booking ever makes it. Delegates book the
    # session as it is now: only later changes are news to them.
    Seats.objects.get_or_create(page_id=page_id, defaults={"notified_sequence": sequence})
    return rows.update(taken=F("taken") + 1, capacity=capacity) == 1


def release_seat(page_id):
    Seats.objects.filter(page_id=page_id, taken__gt=0).update(taken=F("taken") - 1)
