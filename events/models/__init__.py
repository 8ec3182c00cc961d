from .agenda import AgendaPage
from .conferences import ConferenceIndexPage, ConferencePage, ConferencePartner
from .external import EventIndexPage, EventPage
from .imports import CalendarSubscription, ImportedEvent
from .sessions import SessionPage, SessionPageTag, SessionSpeaker
from .venues import Room, Venue

__all__ = [
    "AgendaPage",
    "CalendarSubscription",
    "ImportedEvent",
    "ConferenceIndexPage",
    "ConferencePage",
    "ConferencePartner",
    "EventIndexPage",
    "EventPage",
    "Room",
    "SessionPage",
    "SessionPageTag",
    "SessionSpeaker",
    "Venue",
]
