"""Coordinators edit their own group's meetings and members, and no one else's."""

import pytest
from django.contrib.auth.models import User

from workgroups.domain.groups import ensure_coordinator_group
from workgroups.models import MeetingPage, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client, observatories):
    user = User.objects.create_user("coord", "coord@example.org", "pw")
    user.groups.add(ensure_coordinator_group(observatories))
    client.force_login(user)
    return client


def test_a_coordinator_edits_their_group_meetings(coordinator, monthly):
    assert coordinator.get(f"/admin/pages/{monthly.pk}/edit/").status_code == 200


def test_a_coordinator_is_refused_on_another_group(coordinator, budgeting):
    meeting = MeetingPage.objects.child_of(budgeting).first()
    response = coordinator.get(f"/admin/pages/{meeting.pk}/edit/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    other = Membership.objects.filter(group=budgeting).first()
    assert coordinator.get(f"/admin/memberships/edit/{other.pk}/").status_code in (302, 403, 404)
    other.status = "requested"
    other.save()
    response = coordinator.post(f"/admin/memberships/decide/{other.pk}/", {"decision": "approve"})
    assert response.status_code != 200
    other.refresh_from_db()
    assert other.status == "requested"


def test_a_coordinator_sees_only_their_members(coordinator, observatories, budgeting):
    listing = coordinator.get("/admin/memberships/").content.decode()
    assert "Aminata Diop" in listing
    assert "João Pedro Marques" not in listing


def test_each_group_has_its_coordinators_group(observatories, budgeting):
    first, second = ensure_coordinator_group(observatories), ensure_coordinator_group(budgeting)
    assert first != second
    assert (
        first.name == "Working group coordinators: Local Observatories of Participatory Democracy"
    )
