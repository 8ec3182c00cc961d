"""What each role may do: groups come from a data migration, nobody sets them up."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from core.roles import roles
from events.models import SessionPage
from tests.editorial.conftest import person

pytestmark = pytest.mark.django_db


def test_every_role_exists_after_migrating(demo):
    names = set(Group.objects.values_list("name", flat=True))
    assert set(roles()) <= names
    assert {
        "Editors",
        "Moderators",
        "Translators (ca)",
        "Translators (es)",
        "Translators (fr)",
        "Translators (pt)",
        "Registration managers",
        "Newsletter senders",
    } <= names
    # One coordinators group per working group, made when the group is published.
    assert any(name.startswith("Working group coordinators: ") for name in names)


@pytest.mark.parametrize(
    ("group", "language", "edit", "publish"),
    [
        ("Editors", "en", True, False),
        ("Editors", "ca", True, False),
        ("Moderators", "en", True, True),
        ("Moderators", "ca", True, True),
        ("Translators (ca)", "ca", True, False),
        ("Translators (ca)", "en", False, False),
        ("Translators (ca)", "es", False, False),
        ("Translators (es)", "es", True, False),
        ("Registration managers", "en", False, False),
        ("Newsletter senders", "en", False, False),
    ],
)
def test_who_may_edit_and_publish_a_session(session, locales, group, language, edit, publish):
    user = person("someone", group)
    page = session if language == "en" else session.get_translation(locales[language])
    permissions = page.permissions_for_user(user)
    assert permissions.can_edit() is edit
    assert permissions.can_publish() is publish


@pytest.mark.parametrize(
    ("group", "allowed", "refused"),
    [
        (
            "Editors",
            ["core.change_organisation", "core.add_glossaryterm"],
            ["events.view_registration", "newsletter.send_issue"],
        ),
        (
            "Moderators",
            ["events.change_room"],
            ["events.view_registration", "newsletter.view_subscriber"],
        ),
        (
            "Translators (ca)",
            ["wagtailadmin.access_admin"],
            ["core.change_organisation", "events.view_registration"],
        ),
        (
            "Registration managers",
            ["events.view_registration", "events.change_booking"],
            ["newsletter.view_subscriber", "core.change_organisation"],
        ),
        (
            "Newsletter senders",
            ["newsletter.send_issue", "newsletter.view_subscriber"],
            ["events.view_registration"],
        ),
    ],
)
def test_model_permissions_of_each_role(demo, group, allowed, refused):
    user = person("someone", group)
    for permission in allowed:
        assert user.has_perm(permission), permission
    for permission in refused:
        assert not user.has_perm(permission), permission


def test_nobody_but_superusers_may_resync_translations_over_translators_work(demo):
    # wagtail-localize's "Sync translated pages" rewrites translations from the source.
    holders = Group.objects.filter(permissions__codename="submit_translation")
    assert not holders.exists()


def test_a_coordinator_edits_their_group_only(demo):
    from workgroups.domain.groups import coordinator_group_name
    from workgroups.models import WorkingGroupPage

    groups = list(WorkingGroupPage.objects.filter(locale__language_code="en").order_by("title"))
    coordinator = person("coordinator", coordinator_group_name(groups[0]))
    assert groups[0].permissions_for_user(coordinator).can_edit()
    assert not groups[1].permissions_for_user(coordinator).can_edit()
    assert not SessionPage.objects.first().permissions_for_user(coordinator).can_edit()


def test_review_and_publish_covers_every_page_in_every_locale(demo):
    pages = Page.objects.filter(depth__gt=1)
    assert pages.values("locale").distinct().count() == 5
    for page in pages:
        workflow = page.get_workflow()
        assert workflow.name == "Review and publish", page
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


def test_translators_get_a_new_locales_home_page(demo, locales):
    """A home page made later (a new language's tree) gives its translators their locale."""
    from wagtail.models import GroupPagePermission

    home = Page.objects.get(depth=2, locale=locales["pt"])
    assert GroupPagePermission.objects.filter(
        group__name="Translators (pt)", page=home, permission__codename="change_page"
    ).exists()
