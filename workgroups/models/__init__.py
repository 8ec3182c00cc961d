from .members import MeetingNotice, Membership
from .pages import (
    CoordinatingOrganisation,
    MeetingPage,
    OccurrenceChange,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)

__all__ = [
    "CoordinatingOrganisation",
    "MeetingNotice",
    "MeetingPage",
    "Membership",
    "OccurrenceChange",
    "WorkingGroupIndexPage",
    "WorkingGroupPage",
]
