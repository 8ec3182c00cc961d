import pytest

from events.models import ConferencePage, SessionPage


@pytest.fixture
def conference(demo):
    """The demo's 13th conference, in English."""
    return ConferencePage.objects.get(locale__language_code="en", acronym="oidp13")


@pytest.fixture
def members_session(conference):
    return SessionPage.objects.child_of(conference).get(slug="members-session")


@pytest.fixture
def empty_conference(conference):
    """A live conference with the demo's dates and no sessions, for query-count guards."""

    def make(slug, edition):
        page = ConferencePage(
            title=f"Guard {slug}",
            slug=slug,
            edition=edition,
            acronym=slug.replace("-", "_"),
            start_date=conference.start_date,
            end_date=conference.end_date,
            time_zone="Europe/Lisbon",
        )
        conference.get_parent().add_child(instance=page)
        return page

    return make
