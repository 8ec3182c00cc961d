"""What applicants and members are told, in their language, through core.mail."""

from django.utils import translation

from core import mail
from core.domain import calendar
from core.domain.calendar_links import calendar_links
from core.domain.translations import in_language
from workgroups.domain import meetings as meeting_domain
from workgroups.domain.membership import reference
from workgroups.models import MeetingPage, WorkingGroupPage


def _group(membership):
    group = membership.group
    return in_language(WorkingGroupPage, [group], membership.language)[group.translation_key]


def _send(membership, template, attachments=(), **context):
    group = _group(membership)
    mail.queue(
        f"workgroups/{template}",
        to=membership.email,
        language=membership.language,
        context={
            "member": membership,
            "group": group,
            "group_url": group.get_full_url(),
            **context,
        },
        attachments=attachments,
        reference=reference(membership),
    )


def links(membership, manage=None, feed=None):
    group = _group(membership)
    base = group.get_full_url()
    found = {}
    if manage:
        found["member_url"] = f"{base}member/{manage}/"
    if feed:
        found["feed_url"] = f"{base}member/{feed}/calendar.ics"
        found["calendar_links"] = calendar_links(found["feed_url"], group.title)
    return found


def received(membership):
    _send(membership, "received")


def welcome(membership, manage, feed):
    _send(membership, "welcome", **links(membership, manage, feed))


def declined(membership):
    _send(membership, "declined")


def ended(membership):
    _send(membership, "ended", reason=membership.end_reason)


def new_feed(membership, feed):
    _send(membership, "new_feed", **links(membership, feed=feed))


def meeting_notice(membership, meeting, *, new, source_pk):
    """One member's notice of a new, changed or cancelled meeting, with the invitation."""
    with translation.override(membership.language):
        shown = in_language(MeetingPage, [meeting], membership.language)[meeting.translation_key]
        group = _group(membership)
        method = "CANCEL" if meeting.is_cancelled else "REQUEST"
        items = meeting_domain.items(
            shown, source_pk, meeting.sequence, shown.get_full_url(), group.title
        )
        invitation = calendar.invitation(
            items,
            method=method,
            organizer_email=mail.sender_address(),
            attendee_email=membership.email,
            name=group.title,
        )
        upcoming = meeting_domain.upcoming(shown, limit=3)
        _send(
            membership,
            "meeting_cancelled"
            if meeting.is_cancelled
            else ("meeting_new" if new else "meeting_changed"),
            [mail.calendar_attachment(invitation)],
            meeting=shown,
            meeting_url=shown.get_full_url(),
            when=[meeting_domain.when_label(o) for o in upcoming if not o.cancelled],
            where=meeting_domain.where_label(shown),
            online_link=shown.online_link,
            zone_note=meeting_domain.zone_note(shown),
        )
