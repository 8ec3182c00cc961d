from .agenda import AgendaPage
from .conferences import ConferenceIndexPage, ConferencePage, ConferencePartner
from .external import EventIndexPage, EventPage
from .sessions import SessionPage, SessionPageTag, SessionSpeaker
from .venues import Room, Venue

__all__ = [
    "AgendaPage",
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
