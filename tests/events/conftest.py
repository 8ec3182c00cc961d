import datetime

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


@pytest.fixture
def bookable(conference):
    """Make a session that takes bookings, at an hour no demo session uses."""

    def make(slug, *, capacity=2, day=3, start=(19, 0), end=(20, 0), **fields):
        first = conference.start_date + datetime.timedelta(days=day)
        session = SessionPage(
            title=fields.pop("title", f"Session {slug}"),
            slug=slug,
            kind="workshop",
            start=datetime.datetime.combine(first, datetime.time(*start), conference.zone),
            end=datetime.datetime.combine(first, datetime.time(*end), conference.zone),
            abstract="A session for registration tests.",
            registration_required=True,
            capacity=capacity,
            **fields,
        )
        conference.add_child(instance=session)
        return session

    return make


@pytest.fixture
def delegate(conference):
    """Register (and by default confirm) a delegate through the domain."""
    from events.domain import registration as domain

    def make(email, sessions=(), *, confirmed=True, organisation=None, language="en"):
        registration = domain.register(
            conference,
            {
                "name": email.split("@")[0].title(),
                "email": email,
                "organisation": organisation,
                "organisation_name": "" if organisation else "Somewhere City Council",
                "country": "PT",
                "position": "",
                "language": language,
                "interpretation": [],
                "accessibility_needs": "",
                "dietary_needs": "",
                "newsletter_opt_in": False,
            },
            list(sessions),
            privacy_version="2027-1",
        )
        if confirmed:
            domain.confirm(registration)
            registration.refresh_from_db()
        return registration

    return make
