import datetime

import pytest
from django.urls import reverse

from events.models import ConferencePage, SessionPage

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
