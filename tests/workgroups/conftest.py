import pytest

from workgroups.domain import membership as domain
from workgroups.models import MeetingPage, WorkingGroupPage


@pytest.fixture
def observatories(demo):
    return WorkingGroupPage.objects.get(locale__language_code="en", slug="local-observatories")


@pytest.fixture
def budgeting(demo):
    return WorkingGroupPage.objects.get(locale__language_code="en", slug="participatory-budgeting")


@pytest.fixture
def monthly(observatories):
    return MeetingPage.objects.child_of(observatories).get(slug="monthly-online-meeting")


@pytest.fixture
def member(observatories):
    """An approved member and their two tokens: (membership, manage token, feed token)."""

    def make(email="new.member@example.org", language="es", group=None):
        membership = domain.request_to_join(
            group or observatories,
            {
                "name": "Nova Membre",
                "email": email,
                "organisation": None,
                "organisation_name": "Ajuntament de Girona",
                "language": language,
                "motivation": "We ran an observatory in 2005.",
                "show_on_page": False,
            },
            privacy_version="2027-1",
        )
        from core.models import OutboxMessage

        domain.approve(membership)
        welcome = OutboxMessage.objects.filter(to=email).latest("pk").text
        import re

        manage = re.search(r"/member/([\w\-]+)/\n", welcome).group(1)
        feed = re.search(r"/member/([\w\-]+)/calendar\.ics", welcome).group(1)
        membership.refresh_from_db()
        return membership, manage, feed

    return make
