"""The one rule for clashing sessions (events.domain.waiting_list.overlaps), which the
registration form, the manage page's hints, booking and the waiting lists all ask.
Before it was one function, the form and the manage page each had a copy, and they
disagreed about cancelled sessions."""

import datetime
from dataclasses import dataclass

import pytest

from events.domain.waiting_list import overlaps

DAY = datetime.datetime(2027, 6, 3, tzinfo=datetime.UTC)


@dataclass
class Session:
    """What the rule reads of a session page: its id, its times and whether it is off."""

    pk: int
    start: datetime.datetime
    end: datetime.datetime
    is_cancelled: bool = False


def at(hour, minute=0):
    return DAY + datetime.timedelta(hours=hour, minutes=minute)


#: (case, first session, second session, clash?)
TABLE = [
    ("the same times", (10, 12), (10, 12), True),
    ("one inside the other", (9, 13), (10, 11), True),
    ("the second starts before the first ends", (10, 12), (11, 13), True),
    ("the second ends after the first starts", (11, 13), (10, 12), True),
    ("a minute in common", (10, 12), ((11, 59), 13), True),
    ("one ends as the next starts", (10, 12), (12, 14), False),
    ("one after the other with a gap", (10, 11), (14, 15), False),
    ("the second before the first", (14, 15), (10, 11), False),
]


def session(pk, times, cancelled=False):
    start, end = ((t if isinstance(t, tuple) else (t,)) for t in times)
    return Session(pk, at(*start), at(*end), cancelled)


@pytest.mark.parametrize(
    ("first", "second", "clash"), [row[1:] for row in TABLE], ids=[row[0] for row in TABLE]
)
def test_times_that_cross_clash(first, second, clash):
    one, other = session(1, first), session(2, second)
    assert overlaps(one, other) is clash
    assert overlaps(other, one) is clash  # the rule is symmetric


@pytest.mark.parametrize(
    ("first_cancelled", "second_cancelled"), [(True, False), (False, True), (True, True)]
)
def test_a_cancelled_session_clashes_with_nothing(first_cancelled, second_cancelled):
    one = session(1, (10, 12), first_cancelled)
    other = session(2, (10, 12), second_cancelled)
    assert not overlaps(one, other)
    assert not overlaps(other, one)


def test_a_session_does_not_clash_with_itself():
    one = session(1, (10, 12))
    assert not overlaps(one, session(1, (10, 12)))
