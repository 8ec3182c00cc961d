"""The next edition of a conference: a draft copy with its sessions moved in time."""

import datetime
import re

from django.core.exceptions import PermissionDenied
from django.db import transaction

from events.models import ConferencePage, SessionPage


def shift(value, delta):
    return value + delta if value else value


def may_copy_as_next_edition(conference, user):
    """The next edition is a new page beside this one: copying it needs the right to
    add a page under the parent, not only to edit this conference (a translator may
    edit her locale's conference but not create conferences)."""
    permissions = conference.permissions_for_user(user)
    return permissions.can_copy_to(conference.get_parent(), recursive=True)


@transaction.atomic
def copy_as_next_edition(conference, *, days, title, slug, edition, user=None):
    """Copy `conference` and its sessions as drafts, `days` later. Returns the new page.

    The copy gets fresh translation keys: it is a new conference, not a translation,
    and its sessions get new frab/iCal identifiers.
    """
    if user is not None and not may_copy_as_next_edition(conference, user):
        raise PermissionDenied
    delta = datetime.timedelta(days=days)
    copy = conference.copy(
        recursive=True,
        to=conference.get_parent(),
        update_attrs={
            "title": title,
            "slug": slug,
            "edition": edition,
            "acronym": re.sub(r"\d+$", "", conference.acronym) + str(edition),
            "start_date": conference.start_date + delta,
            "end_date": conference.end_date + delta,
            "registration_opens": shift(conference.registration_opens, delta),
            "registration_closes": shift(conference.registration_closes, delta),
        },
        keep_live=False,
        user=user,
        copy_revisions=False,
        reset_translation_key=True,
        log_action="wagtail.copy",
    ).specific
    copy.save_revision(user=user, log_action=False)
    for session in SessionPage.objects.child_of(copy):
        session.start += delta
        session.end += delta
        session.save()
        session.save_revision(user=user, log_action=False)
    return ConferencePage.objects.get(pk=copy.pk)
