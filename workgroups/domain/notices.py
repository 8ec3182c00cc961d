"""Change notices for meetings: one email per member per burst of edits.

Publishing a meeting (new, or with a new SEQUENCE) pushes its notice's due time back by
QUIET; the notice goes out once the meeting has been left alone that long, so an editor
who saves five times in a minute sends members one email describing the final state.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from workgroups.domain.membership import current
from workgroups.domain.membership_mail import meeting_notice
from workgroups.models import MeetingNotice, MeetingPage, Membership

#: How long a meeting must stay unedited before members are told.
QUIET = datetime.timedelta(minutes=3)


def meeting_published(meeting, now=None):
    """Called after a default-language meeting is published. Returns when the notice is due,
    or None when members already know this version."""
    now = now or timezone.now()
    with transaction.atomic():
        notice, _created = MeetingNotice.objects.select_for_update().get_or_create(
            meeting_id=meeting.pk
        )
        if meeting.sequence <= notice.notified_sequence and not notice.due_at:
            return None
        notice.due_at = now + QUIET
        notice.save(update_fields=["due_at"])
    return notice.due_at


def send_due(now=None):
    """Send every notice whose quiet time has passed. Returns how many emails were queued."""
    now = now or timezone.now()
    due = MeetingNotice.objects.filter(due_at__lte=now).values_list("meeting_id", flat=True)
    return sum(send_one(meeting_id, now) for meeting_id in list(due))


def send_one(meeting_id, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        notice = MeetingNotice.objects.select_for_update().filter(meeting_id=meeting_id).first()
        if notice is None or notice.due_at is None or notice.due_at > now:
            return 0
        meeting = MeetingPage.objects.filter(pk=meeting_id).live().first()
        notice.due_at = None
        if meeting is None or meeting.sequence <= notice.notified_sequence:
            notice.save(update_fields=["due_at"])
            return 0
        new = notice.notified_sequence < 0
        notice.notified_sequence = meeting.sequence
        notice.save(update_fields=["due_at", "notified_sequence"])
        group = meeting.get_parent().specific
        members = current(Membership.objects.filter(group=group), timezone.localdate(now))
        count = 0
        for member in members:
            meeting_notice(member, meeting, new=new, source_pk=meeting.pk)
            count += 1
        return count
