"""The translation-status dashboard: per page and locale, filters, totals, fixed queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.domain import translations
from events.models import SessionPage
from tests.editorial.conftest import person
from tests.factories.events import add_sessions

pytestmark = pytest.mark.django_db


def test_translators_see_their_language_and_link_to_the_editor(
    session, locales, translator, client
):
    client.force_login(translator)
    response = client.get(reverse("translation_status"))
    assert response.status_code == 200
    html = response.content.decode()
    catalan = session.get_translation(locales["ca"])
    assert reverse("wagtailadmin_pages:edit", args=[catalan.pk]) in html
    assert 'data-locale="es"' not in html  # opens on the translator's own language
    assert response.context["form"]["locale"].value() == "ca"


def test_filters_by_locale_section_and_status(session, locales, moderator, client):
    client.force_login(moderator)
    session.title = "Opening plenary: a new English title"
    session.save_revision().publish()
    translations.source_published(session)

    response = client.get(reverse("translation_status"), {"locale": "ca", "status": "outdated"})
    titles = [row.page["title"] for row in response.context["rows"]]
    assert titles == ["Opening plenary: a new English title"]
    [(locale, counts)] = response.context["totals"]
    assert locale.language_code == "ca"
    assert dict((key, count) for _label, key, count in counts)["outdated"] == 1

    section = session.get_ancestors().get(depth=3)
    other = next(s for s in translations.source_pages().filter(depth=3) if s.pk != section.pk)
    response = client.get(
        reverse("translation_status"), {"locale": "ca", "section": other.pk, "status": "outdated"}
    )
    assert list(response.context["rows"]) == []
    # French has no translation of the sessions at all in the demo.
    response = client.get(
        reverse("translation_status"), {"locale": "fr", "section": section.pk, "status": "missing"}
    )
    assert any(row.page["id"] == session.pk for row in response.context["rows"])


def test_the_number_of_queries_does_not_grow_with_pages(conference, moderator, client):
    from core.models import Person

    client.force_login(moderator)
    people = list(Person.objects.filter(locale=conference.locale)[:3])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("translation_status")).status_code == 200
        return len(queries)

    before = count()
    add_sessions(conference, people, 0, 30)
    for page in SessionPage.objects.filter(slug__startswith="generated-"):
        translations.track_existing_translations(page)
    assert count() == before


def test_only_people_with_admin_access_see_it(demo, client):
    assert client.get(reverse("translation_status")).status_code == 302  # to the login
    client.force_login(person("reader"))  # an account in no group
    assert client.get(reverse("translation_status")).status_code == 302


def test_a_translator_finds_submit_for_review_in_the_page_tree_and_dashboard(
    session, locales, translator, client
):
    client.force_login(translator)
    catalan = session.get_translation(locales["ca"])
    submit = reverse("translation_submit", args=[catalan.pk])
    listing = client.get(reverse("wagtailadmin_explore", args=[catalan.get_parent().pk]))
    assert submit in listing.content.decode()
    assert submit in client.get(reverse("translation_status")).content.decode()
    page = client.get(submit)
    assert page.status_code == 200
    assert "4 de 4 segments traduïts." in page.content.decode()
    # Not for a page in another language.
    spanish = session.get_translation(locales["es"])
    assert client.get(reverse("translation_submit", args=[spanish.pk])).status_code == 302


def test_the_page_tree_asks_once_per_listing_not_once_per_page(
    conference, locales, translator, client
):
    """The "Submit for review" item sits in every row's menu of the page tree: what it
    asks costs the same for a listing of 1 and of 9 pages (Wagtail's own rows cost more)."""
    from core.models import Person
    from core.wagtail_hooks import submit_translation_button

    people = list(Person.objects.filter(locale=conference.locale)[:3])
    add_sessions(conference, people, 0, 8)
    for page in SessionPage.objects.filter(slug__startswith="generated-"):
        translations.source_published(page)  # drafts in every language, Catalan too
    catalan = list(SessionPage.objects.filter(locale=locales["ca"]).order_by("path")[:9])
    english = list(SessionPage.objects.filter(locale=locales["en"]).order_by("path")[:9])
    assert len(catalan) == 9

    def cost(pages):
        user = type(translator).objects.get(pk=translator.pk)  # a new request's user
        with CaptureQueriesContext(connection) as queries:
            buttons = [list(submit_translation_button(page, user)) for page in pages]
        return len(queries), sum(map(len, buttons))

    assert cost(catalan[:1])[0] == cost(catalan)[0]
    assert cost(catalan)[1] == 9  # a translator of Catalan: every row has the item
    assert cost(english) == (cost(english[:1])[0], 0)
