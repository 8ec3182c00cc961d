"""Who publishes directly and who submits for review, as the README's table says: only
the Moderators, who do the review, publish; every other role that edits pages submits
them to "Review and publish"."""

import pytest
from django.contrib.auth.models import User

from tests.editorial.conftest import person
from workgroups.domain.groups import ensure_coordinator_group
from workgroups.models import MeetingPage

pytestmark = pytest.mark.django_db

PUBLISH, SUBMIT, NEITHER = "publishes", "submits for review", "cannot edit"


@pytest.fixture
def pages(session, locales, monthly):
    return {
        "session (en)": session,
        "session (ca)": session.get_translation(locales["ca"]),
        "meeting": monthly,
    }


@pytest.fixture
def monthly(observatories):
    return MeetingPage.objects.child_of(observatories).get(slug="monthly-online-meeting")


def user_for(role, observatories):
    if role == "Coordinators":
        user = User.objects.create_user("coord", "coord@example.org", "pw")
        user.groups.add(ensure_coordinator_group(observatories))
        return user
    return person("someone", role)


def what_they_may_do(user, page):
    """Wagtail's own answer, the one its edit view follows for the action menu."""
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit():
        return NEITHER
    if permissions.can_publish():
        return PUBLISH
    assert permissions.can_submit_for_moderation(), "editable with neither publish nor submit"
    return SUBMIT


@pytest.mark.parametrize(
    ("role", "page", "expected"),
    [
        ("Moderators", "session (en)", PUBLISH),
        ("Moderators", "session (ca)", PUBLISH),
        ("Moderators", "meeting", PUBLISH),
        ("Editors", "session (en)", SUBMIT),
        ("Editors", "session (ca)", SUBMIT),
        ("Editors", "meeting", SUBMIT),
        ("Translators (ca)", "session (ca)", SUBMIT),
        ("Translators (ca)", "session (en)", NEITHER),
        ("Translators (es)", "session (ca)", NEITHER),
        ("Coordinators", "meeting", SUBMIT),
        ("Coordinators", "session (en)", NEITHER),
        ("Registration managers", "session (en)", NEITHER),
        ("Newsletter senders", "meeting", NEITHER),
    ],
)
def test_who_publishes_and_who_submits_for_review(pages, observatories, role, page, expected):
    """Before the fix a coordinator's meeting page offered "Publish" (its coordinators'
    group held publish_page on the group's page), bypassing the moderators' review."""
    assert what_they_may_do(user_for(role, observatories), pages[page]) == expected


def test_a_coordinators_edit_page_offers_submit_and_not_publish(client, monthly, observatories):
    """Before the fix the meeting's edit page had the "Publish" button."""
    client.force_login(user_for("Coordinators", observatories))
    body = client.get(f"/admin/pages/{monthly.pk}/edit/").content.decode()
    assert 'name="action-submit"' in body
    assert 'name="action-publish"' not in body


def test_the_migration_takes_publish_back_from_existing_coordinators(observatories, monthly):
    """Databases made before the change: their coordinators' groups held publish_page.
    Without the migration the coordinator below could still publish."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    auth_group = ensure_coordinator_group(observatories)
    GroupPagePermission.objects.create(
        group=auth_group,
        page=observatories,
        permission=Permission.objects.get(codename="publish_page"),
    )
    user = user_for("Coordinators", observatories)
    assert what_they_may_do(user, monthly) == PUBLISH
    migration = importlib.import_module("workgroups.migrations.0003_coordinators_submit_for_review")
    migration.take_back_publish(apps, None)
    user = User.objects.get(pk=user.pk)
    assert what_they_may_do(user, MeetingPage.objects.get(pk=monthly.pk)) == SUBMIT
