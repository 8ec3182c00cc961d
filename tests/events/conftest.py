import pytest

from events.models import ConferencePage, SessionPage


@pytest.fixture
def conference(demo):
    """The demo's 13th conference, in English."""
    return ConferencePage.objects.get(locale__language_code="en", acronym="oidp13")


@pytest.fixture
def members_session(conference):
    return SessionPage.objects.child_of(conference).get(slug="members-session")
