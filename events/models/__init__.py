from .agenda import AgendaPage
from .conferences import ConferenceIndexPage, ConferencePage, ConferencePartner
from .external import EventIndexPage, EventPage
from .imports import CalendarSubscription, ImportedEvent
from .registration import Booking, Registration, Seats
from .sessions import SessionPage, SessionPageTag, SessionSpeaker
from .venues import Room, Venue

__all__ = [
    "AgendaPage",
    "Booking",
    "Registration",
    "Seats",
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
