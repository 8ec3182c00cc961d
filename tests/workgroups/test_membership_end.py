"""A membership ends on its "member until" date, or when an editor or coordinator ends it:
from then on the member's links answer like an invalid link and notices stop."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.utils import timezone

from core.models import OutboxMessage
from workgroups.domain import notices
from workgroups.domain.groups import ensure_coordinator_group
from workgroups.models import MeetingPage, Membership

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


def login(client, username, auth_group):
    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(auth_group)
    client.force_login(user)
    return user


def not_found(response, url):
    """A 404 under /admin/: Django's LocaleMiddleware answers it with a redirect to the
    language-prefixed address, where no page exists either."""
    return response.status_code == 404 or (
        response.status_code == 302 and response["Location"] == f"/en{url}"
    )


def test_past_member_until_closes_the_member_page_and_private_feed(client, member, observatories):
    """Before the fix both answered 200 with the private meeting details: only the public
    list of members looked at "member until"."""
    membership, manage, feed = member()
    assert client.get(f"{observatories.url}member/{manage}/").status_code == 200
    Membership.objects.filter(pk=membership.pk).update(until=YESTERDAY)
    page = client.get(f"{observatories.url}member/{manage}/")
    assert page.status_code == 404
    assert "https://meet.example.org/oidp-observatoris" not in page.content.decode()
    assert client.get(f"{observatories.url}member/{feed}/calendar.ics").status_code == 404


def test_a_former_member_whose_date_has_passed_may_ask_to_join_again(client, member, observatories):
    """Seen in review: once "member until" had passed the links were dead, yet the join
    form answered "This email address has already asked to join or is a member" and the
    database refused a new request (the old row still said active)."""
    from tests.workgroups.test_membership import join_data

    membership, _manage, _feed = member(email="rosa.martinez@example.org")
    Membership.objects.filter(pk=membership.pk).update(until=YESTERDAY)
    response = client.post(f"{observatories.url}join/", join_data())
    assert response.status_code == 302
    rows = Membership.objects.filter(email="rosa.martinez@example.org", group=observatories)
    assert sorted(rows.values_list("status", flat=True)) == ["ended", "requested"]


def test_a_member_until_today_still_has_their_links(client, member, observatories):
    membership, manage, _feed = member()
    Membership.objects.filter(pk=membership.pk).update(until=timezone.localdate())
    assert client.get(f"{observatories.url}member/{manage}/").status_code == 200


def test_ex_members_get_no_meeting_notices(
    member, monthly, observatories, django_capture_on_commit_callbacks
):
    """Before the fix the notice went to every member with status "active", so the
    ex-member's address was among the recipients."""
    membership, _manage, _feed = member(email="former@example.org")
    Membership.objects.filter(pk=membership.pk).update(until=YESTERDAY)
    mail.outbox.clear()
    page = MeetingPage.objects.get(pk=monthly.pk)
    page.start += datetime.timedelta(hours=1)
    page.end += datetime.timedelta(hours=1)
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        sent = notices.send_due(now=timezone.now() + datetime.timedelta(minutes=10))
    recipients = [m.to[0] for m in mail.outbox]
    assert sent == len(recipients) > 0
    assert "former@example.org" not in recipients


def test_a_coordinator_ends_a_membership_and_the_member_is_told_in_their_language(
    client, member, observatories, django_capture_on_commit_callbacks
):
    """Before the fix there was no way to end a membership in the admin: end/<pk>/ was
    a 404 and the member kept their links."""
    membership, manage, feed = member(language="es")
    coordinator = login(client, "coord", ensure_coordinator_group(observatories))
    edit = client.get(f"/admin/memberships/edit/{membership.pk}/")
    assert f"/admin/memberships/end/{membership.pk}/" in edit.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/memberships/end/{membership.pk}/",
            {"reason": "Su ayuntamiento dejó la red."},
        )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == "ended" and membership.until == timezone.localdate()
    assert membership.decided_by == coordinator
    told = OutboxMessage.objects.filter(to=membership.email).latest("pk")
    assert told.language == "es" and told.template == "workgroups/ended"
    # The outbox keeps no body once sent; what went out is in the ESP's hands.
    (sent,) = [m for m in mail.outbox if m.to == [membership.email] and m.subject == told.subject]
    assert "Su ayuntamiento dejó la red." in sent.body
    client.logout()
    assert client.get(f"{observatories.url}member/{manage}/").status_code == 404
    assert client.get(f"{observatories.url}member/{feed}/calendar.ics").status_code == 404


def test_ending_needs_a_reason(client, member, observatories):
    membership, _manage, _feed = member()
    login(client, "editor", Group.objects.get(name="Editors"))
    client.post(f"/admin/memberships/end/{membership.pk}/", {"reason": "  "})
    membership.refresh_from_db()
    assert membership.status == "active"


def test_a_coordinator_cannot_end_another_groups_membership(client, budgeting, observatories):
    other = Membership.objects.filter(group=budgeting, status="active").first()
    login(client, "coord", ensure_coordinator_group(observatories))
    url = f"/admin/memberships/end/{other.pk}/"
    assert not_found(client.post(url, {"reason": "No."}), url)
    other.refresh_from_db()
    assert other.status == "active"


@pytest.mark.parametrize(
    "role", ["Translators (es)", "Newsletter senders", "Registration managers"]
)
def test_other_roles_cannot_end_a_membership(client, member, role):
    membership, _manage, _feed = member()
    login(client, "someone", Group.objects.get(name=role))
    url = f"/admin/memberships/end/{membership.pk}/"
    response = client.post(url, {"reason": "No."})
    assert response.status_code == 403 or not_found(response, url)
    membership.refresh_from_db()
    assert membership.status == "active"


def test_membership_log_entries_written_before_their_table_are_moved_to_it(observatories):
    """The migration that made MembershipLogEntry; without it, older entries stayed in
    Wagtail's generic table, where every coordinator's site history showed them."""
    import importlib

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    from workgroups.models import MembershipLogEntry

    membership = Membership.objects.filter(group=observatories).first()
    ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Membership),
        object_id=str(membership.pk),
        label=str(membership),
        action="wagtail.edit",
        timestamp=timezone.now(),
    )
    migration = importlib.import_module("workgroups.migrations.0004_membership_log_entries")
    migration.move_membership_entries(apps, None)
    assert not ModelLogEntry.objects.filter(object_id=str(membership.pk)).exists()
    moved = MembershipLogEntry.objects.get(object_id=str(membership.pk))
    assert moved.action == "wagtail.edit" and moved.label == str(membership)
