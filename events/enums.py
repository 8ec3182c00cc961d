from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary")
    PANEL = "panel", _("Panel")
    WORKSHOP = "workshop", _("Workshop")
    PARALLEL = "parallel", _("Parallel session")
    MEMBERS_MEETING = "members", _("Members' meeting")
    STUDY_VISIT = "visit", _("Study visit")
    SOCIAL = "social", _("Social event")


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    MOVED = "moved", _("Moved")


class SpeakerRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")
    KEYNOTE = "keynote", _("Keynote speaker")
    RAPPORTEUR = "rapporteur", _("Rapporteur")


class NetworkRole(models.TextChoices):
    ORGANISING = "organising", _("Organising")
    PRESENTING = "presenting", _("Presenting")
    ATTENDING = "attending", _("Attending")


class AgendaItemType(models.TextChoices):
    CONFERENCE = "conference", _("Network conference")
    EXTERNAL = "external", _("External event")
    PARTNER = "partner", _("From a partner's calendar")
    MEETING = "meeting", _("Working-group meeting")


#: Languages a session can be held in or interpreted into. Wider than the site's
#: five: delegates speak what they speak.
SPOKEN_LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("pt", _("Portuguese")),
    ("ca", _("Catalan")),
    ("it", _("Italian")),
    ("de", _("German")),
    ("ar", _("Arabic")),
]


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired unconfirmed")


class BookingStatus(models.TextChoices):
    #: A seat kept for a registration that is not confirmed yet.
    HELD = "held", _("Seat held")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
