"""Members hear of a new, changed or cancelled meeting once per burst of edits."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from workgroups.domain import notices
from workgroups.models import MeetingPage, Membership

pytestmark = pytest.mark.django_db


def later(minutes=10):
    return timezone.now() + datetime.timedelta(minutes=minutes)


def active_members(group):
    return Membership.objects.filter(group=group, status="active")


def test_several_saves_send_one_notice_per_member_in_their_language(
    monthly, observatories, django_capture_on_commit_callbacks
):
    for _save in range(3):
        page = MeetingPage.objects.get(pk=monthly.pk)
        page.start = page.start + datetime.timedelta(hours=1)
        page.end = page.end + datetime.timedelta(hours=1)
        page.save_revision().publish()
    # Nothing leaves while the meeting is still being edited.
    assert notices.send_due(now=timezone.now()) == 0
    with django_capture_on_commit_callbacks(execute=True):
        sent = notices.send_due(now=later())
    members = list(active_members(observatories))
    assert sent == len(members) == len(mail.outbox)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(m.email for m in members)
    french = next(m for m in mail.outbox if m.to == ["aminata.diop@delegates.example.org"])
    assert french.subject.startswith("Modifi")
    (invitation,) = french.attachments
    assert invitation.get_param("method") == "REQUEST"
    content = invitation.get_payload(decode=True).decode()
    page = MeetingPage.objects.get(pk=monthly.pk)
    assert f"SEQUENCE:{page.sequence}" in content and page.sequence >= 3
    assert "RRULE:FREQ=MONTHLY" in content
    # Sent once: running again finds nothing due.
    assert notices.send_due(now=later(20)) == 0


def test_publishing_without_a_change_tells_nobody(monthly):
    MeetingPage.objects.get(pk=monthly.pk).save_revision().publish()
    assert notices.send_due(now=later()) == 0


def test_a_cancelled_meeting_sends_a_cancellation(monthly, django_capture_on_commit_callbacks):
    page = MeetingPage.objects.get(pk=monthly.pk)
    page.status = "cancelled"
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        notices.send_due(now=later())
    methods = {m.attachments[0].get_param("method") for m in mail.outbox}
    assert methods == {"CANCEL"}


def test_a_new_meeting_is_announced(observatories, django_capture_on_commit_callbacks):
    start = timezone.now() + datetime.timedelta(days=20)
    observatories.add_child(
        instance=MeetingPage(
            title="Extraordinary meeting",
            slug="extraordinary",
            start=start,
            end=start + datetime.timedelta(hours=1),
            time_zone="Africa/Dakar",
            format="online",
            online_link="https://meet.example.org/extra",
        )
    ).save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        notices.send_due(now=later())
    spanish = next(m for m in mail.outbox if m.to == ["carmen.ruiz.herrera@delegates.example.org"])
    assert "Extraordinary meeting" in spanish.subject
    assert "https://meet.example.org/extra" in spanish.body
    # The zone in words (its city), not the database's "Africa/Dakar".
    assert "Dakar" in spanish.body and "Africa/Dakar" not in spanish.body
