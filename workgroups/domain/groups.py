"""What the group and meeting pages show, in a fixed number of queries."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.db.models import Count, Prefetch
from django.utils.translation import get_language
from wagtail.models import GroupPagePermission, Locale

from core.domain.translations import source_page
from core.models import Organisation, Region
from core.roles import COORDINATOR_PAGE_PERMISSIONS
from events.models import ImportedEvent
from workgroups.domain import meetings as meeting_domain
from workgroups.domain.membership import current
from workgroups.domain.recurrence import describe
from workgroups.models import (
    CoordinatingOrganisation,
    MeetingPage,
    Membership,
    OccurrenceChange,
    WorkingGroupPage,
)


def source_of(page):
    return source_page(page) or page


def group_cards(index):
    coordinators = CoordinatingOrganisation.objects.select_related("organisation").order_by(
        "sort_order"
    )
    return (
        WorkingGroupPage.objects.live()
        .public()
        .child_of(index)
        .prefetch_related(Prefetch("coordinators", queryset=coordinators), "regions")
        .order_by("status", "title")
    )


def public_members(group):
    """Members who agreed to be listed; memberships belong to the default-language page."""
    return (
        current(Membership.objects.filter(group=source_of(group), show_on_page=True))
        .select_related("organisation")
        .order_by("role", "name")
    )


def localized_organisations(members):
    """Set `organisation_shown` on each membership: its organisation's name in the
    language being read, in one query."""
    members = list(members)
    keys = {m.organisation.translation_key for m in members if m.organisation_id}
    names = dict(
        Organisation.objects.filter(
            translation_key__in=keys, locale__language_code=get_language()
        ).values_list("translation_key", "name")
    )
    for m in members:
        if m.organisation_id:
            m.organisation_shown = names.get(m.organisation.translation_key, m.organisation.name)
        else:
            m.organisation_shown = m.organisation_name
    return members


def meeting_rows(group, now=None):
    """(meeting, next occurrences) for the group's public meetings, soonest first."""
    changes = OccurrenceChange.objects.order_by("original_date")
    found = (
        MeetingPage.objects.live()
        .public()
        .child_of(group)
        .filter(public=True)
        .select_related("session__room")
        .prefetch_related(Prefetch("changes", queryset=changes))
        .order_by("start")
    )
    rows = []
    for meeting in found:
        upcoming = meeting_domain.upcoming(meeting, now)
        rows.append(
            {
                "meeting": meeting,
                "next": upcoming[:3],
                "past": not upcoming,
                "zone_note": meeting_domain.zone_note(meeting),
            }
        )
    return rows


def group_page_context(group, request):
    rows = meeting_rows(group)
    return {
        "upcoming_meetings": [row for row in rows if not row["past"]],
        "past_meetings": [row for row in rows if row["past"]],
        "members": localized_organisations(public_members(group)),
        "member_count": current(source_of(group).memberships.all()).aggregate(n=Count("pk"))["n"],
        "coordinating": [c.organisation for c in group.coordinators.select_related("organisation")],
        "group_regions": Region.objects.filter(pk__in=group.regions.values("pk")),
        "sessions": group.related_sessions.live().order_by("start"),
        "partner_events": partner_events(group),
    }


def partner_events(group, now=None):
    """Upcoming events from the partner calendars this group follows."""
    now = now or datetime.datetime.now(datetime.UTC)
    return ImportedEvent.objects.filter(
        subscription__active=True, subscription__working_group=source_of(group), end__gte=now
    ).order_by("start")[:10]


def meeting_page_context(meeting):
    found = meeting_domain.occurrences(meeting)
    now = datetime.datetime.now(datetime.UTC)
    return {
        "occurrences": [o for o in found if o.end >= now][:12],
        "past_count": sum(1 for o in found if o.end < now),
        "rule_label": describe(
            meeting_domain.rule_of(meeting), meeting.start.astimezone(meeting.zone)
        ),
        "where": meeting_domain.where_label(meeting),
        "zone_note": meeting_domain.zone_note(meeting),
        "group": meeting.get_parent().specific,
    }


#: Each working group has an auth group of this name plus its title. Its members may
#: edit that group's page and meetings (a page permission on its subtree) and submit them
#: for review, decide on its memberships, and nothing of any other group.
COORDINATORS = "Working group coordinators"


def coordinator_group_name(group):
    return f"{COORDINATORS}: {group.title}"[:150]


def ensure_coordinator_group(group):
    auth_group = (
        Group.objects.filter(page_permissions__page=group, name__startswith=COORDINATORS).first()
        or Group.objects.get_or_create(name=coordinator_group_name(group))[0]
    )
    for codename in ("access_admin", "view_membership", "change_membership"):
        auth_group.permissions.add(*Permission.objects.filter(codename=codename))
    for codename in COORDINATOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(
            group=auth_group, page=group, permission=permission
        )
    return auth_group


def groups_user_may_manage(user):
    """The (default-language) working groups whose members `user` may see and decide on:
    those whose page they may edit. Editors may edit them all; a coordinator only theirs."""
    pages = WorkingGroupPage.objects.filter(locale=Locale.get_default())
    return [page for page in pages if page.permissions_for_user(user).can_edit()]
