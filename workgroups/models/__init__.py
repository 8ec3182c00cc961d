from .members import MeetingNotice, Membership, MembershipLogEntry
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
    "MembershipLogEntry",
    "OccurrenceChange",
    "WorkingGroupIndexPage",
    "WorkingGroupPage",
]
