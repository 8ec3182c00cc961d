import datetime

import pytest
from django.urls import reverse

from events.models import ConferencePage, SessionPage
from events.wagtail_hooks import NextEditionButton

pytestmark = pytest.mark.django_db


def test_copy_as_next_edition_moves_every_session(admin_client, conference):
    url = reverse("events_next_edition", args=[conference.pk])
    form = admin_client.get(url)
    assert form.status_code == 200
    assert 'value="14"' in form.content.decode()
    response = admin_client.post(
        url,
        {"title": "14th OIDP Conference", "slug": "14th-conference", "edition": 14, "days": 364},
    )
    copy = ConferencePage.objects.get(slug="14th-conference")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[copy.pk])
    assert not copy.live
    assert copy.edition == 14 and copy.acronym == "oidp14"
    assert copy.start_date == conference.start_date + datetime.timedelta(days=364)
    assert copy.start_date.weekday() == conference.start_date.weekday()
    originals = {s.slug: s for s in SessionPage.objects.child_of(conference)}
    copies = {s.slug: s for s in SessionPage.objects.child_of(copy)}
    assert set(copies) == set(originals)
    for slug, session in copies.items():
        assert session.start - originals[slug].start == datetime.timedelta(days=364)
        assert not session.live
        assert session.guid != originals[slug].guid
    # The drafts editors open hold the moved times too.
    draft = copies["members-session"].get_latest_revision_as_object()
    assert draft.start == copies["members-session"].start
    # The original is untouched.
    assert ConferencePage.objects.get(pk=conference.pk).start_date == conference.start_date


def test_next_edition_refuses_a_slug_in_use(admin_client, conference):
    response = admin_client.post(
        reverse("events_next_edition", args=[conference.pk]),
        {"title": "Again", "slug": conference.slug, "edition": 14, "days": 364},
    )
    assert response.status_code == 200
    assert "already uses the slug" in response.content.decode()


def test_the_conference_page_offers_the_action_to_editors(admin_client, conference):
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[conference.pk]))
    assert reverse("events_next_edition", args=[conference.pk]) in edit.content.decode()


@pytest.fixture
def catalan_conference(conference):
    from wagtail.models import Locale

    return conference.get_translation(Locale.objects.get(language_code="ca"))


def test_a_translator_may_not_create_a_conference_as_next_edition(client, catalan_conference):
    """A Catalan translator edits the Catalan conference but may add no page beside it.

    Before the fix the view checked only can_copy (= can edit): the GET answered 200,
    the POST made a new Catalan conference; the header offered the button.
    Wagtail's admin answers a refusal with a redirect to the dashboard.
    """
    from tests.editorial.conftest import person

    translator = person("traductora", "Translators (ca)", language="ca")
    assert catalan_conference.permissions_for_user(translator).can_edit()
    client.force_login(translator)
    url = reverse("events_next_edition", args=[catalan_conference.pk])
    before = ConferencePage.objects.count()
    refused = reverse("wagtailadmin_home")
    form = client.get(url)
    assert (form.status_code, form["Location"]) == (302, refused)
    response = client.post(
        url, {"title": "14a Conferència", "slug": "14a-conferencia", "edition": 14, "days": 364}
    )
    assert (response.status_code, response["Location"]) == (302, refused)
    assert ConferencePage.objects.count() == before
    # wagtail-localize edits a synced translation in its own editor, so the header
    # button is asked directly.
    assert not NextEditionButton(page=catalan_conference).is_shown(translator)


def test_an_editor_may_copy_as_next_edition(client, catalan_conference):
    """Editors hold add_page on the tree: the check keeps them able to do it."""
    from tests.editorial.conftest import person

    editor = person("editor", "Editors")
    client.force_login(editor)
    url = reverse("events_next_edition", args=[catalan_conference.pk])
    assert NextEditionButton(page=catalan_conference).is_shown(editor)
    response = client.post(
        url, {"title": "14a Conferència", "slug": "14a-conferencia", "edition": 14, "days": 364}
    )
    assert response.status_code == 302
    assert ConferencePage.objects.filter(slug="14a-conferencia", live=False).exists()
