from .glossary import GlossaryTerm
from .outbox import OutboxMessage
from .pages import (
    SECTION_FIELDS,
    HomePage,
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
    SectionPage,
    StandardPage,
)
from .privacy import PrivacyNotice
from .settings import NetworkSettings
from .snippets import Organisation, Person, Region

__all__ = [
    "GlossaryTerm",
    "HomePage",
    "NetworkSettings",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "Organisation",
    "OutboxMessage",
    "Person",
    "PrivacyNotice",
    "Region",
    "SECTION_FIELDS",
    "SectionPage",
    "StandardPage",
]
