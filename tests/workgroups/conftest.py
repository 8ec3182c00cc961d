import pytest

from workgroups.models import MeetingPage, WorkingGroupPage


@pytest.fixture
def budgeting(demo):
    return WorkingGroupPage.objects.get(locale__language_code="en", slug="participatory-budgeting")


@pytest.fixture
def monthly(observatories):
    return MeetingPage.objects.child_of(observatories).get(slug="monthly-online-meeting")
