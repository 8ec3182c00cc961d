"""The page cache: anonymous readers of public pages get a stored copy, which no change
outlives, and nothing made for one visitor is ever stored (core.domain.page_cache).
Marked `cache`: the Redis pass runs it again with the cache on a real Redis server."""

import datetime
import socket

import pytest
from django.core.cache import caches
from wagtail.models import Page, PageViewRestriction

from core.domain import page_cache
from events.models import ConferencePage, SessionPage

pytestmark = [pytest.mark.django_db, pytest.mark.cache]


@pytest.fixture
def cached(settings):
    settings.XARXA_PAGE_CACHE_SECONDS = 300
    caches[page_cache.ALIAS].clear()
    yield
    caches[page_cache.ALIAS].clear()


def conference():
    return ConferencePage.objects.get(locale__language_code="en", slug="13th-conference-cascais")


def an_english_session():
    return SessionPage.objects.filter(locale__language_code="en").live().first()


def test_a_second_reader_gets_the_copy_without_a_query(
    demo, cached, client, django_assert_num_queries
):
    programme = conference().url + "programme/"
    first = client.get(programme)
    assert first.status_code == 200 and first[page_cache.HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get(programme)
    assert second[page_cache.HEADER] == "hit"
    assert second.content == first.content
    # The copy still goes out with the headers the outer middleware adds to any answer.
    for header in ("Content-Type", "Referrer-Policy", "X-Content-Type-Options"):
        assert second[header] == first[header], header
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_publishing_a_session_starts_a_new_generation(
    demo, cached, client, django_capture_on_commit_callbacks
):
    session = an_english_session()
    programme = conference().url + "programme/"
    client.get(programme)
    client.get(session.url)
    session.title = "A title no reader has seen"
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision().publish()
    for url in (programme, session.url):
        response = client.get(url)
        assert response[page_cache.HEADER] == "miss", url
        assert "A title no reader has seen" in response.content.decode()


def test_a_draft_changes_nothing_readers_see(
    demo, cached, client, django_capture_on_commit_callbacks
):
    session = an_english_session()
    client.get(session.url)
    session.title = "Only a draft"
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision()
    response = client.get(session.url)
    assert response[page_cache.HEADER] == "hit"
    assert "Only a draft" not in response.content.decode()


def test_a_renamed_room_and_an_unpublished_page_are_seen_at_once(
    demo, cached, client, django_capture_on_commit_callbacks
):
    session = SessionPage.objects.filter(locale__language_code="en", room__isnull=False).live()[0]
    client.get(session.url)
    room = session.room
    room.name = "Sala Nova"
    with django_capture_on_commit_callbacks(execute=True):
        room.save()
    assert "Sala Nova" in client.get(session.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        session.unpublish()
    assert client.get(session.url).status_code == 404


EXPORTS = ("calendar.ics", "schedule.xml", "schedule.json")


@pytest.mark.parametrize("export", EXPORTS)
def test_an_export_is_kept_and_a_poll_with_its_etag_gets_a_304_from_the_copy(
    demo, cached, client, export, django_assert_num_queries
):
    url = conference().url + export
    first = client.get(url)
    assert first.status_code == 200 and first[page_cache.HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
        not_modified = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        stale = client.get(url, HTTP_IF_NONE_MATCH='"an-etag-from-before"')
    assert second[page_cache.HEADER] == "hit" and second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert not_modified.status_code == 304 and not_modified[page_cache.HEADER] == "hit"
    assert not_modified["ETag"] == first["ETag"] and not not_modified.content
    assert not_modified.get("Cache-Control") == first.get("Cache-Control")
    assert stale.status_code == 200 and stale.content == first.content
    # Only the ETag decides, as in the view: a date says nothing of a renamed room.
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 200


def edit_title(session):
    session.title = "A title no calendar has seen"


def edit_time(session):
    session.start += datetime.timedelta(minutes=35)
    session.end += datetime.timedelta(minutes=35)


def edit_cancel(session):
    session.status = "cancelled"
    session.status_note = "The speaker cannot travel."


@pytest.mark.parametrize("edit", [edit_title, edit_time, edit_cancel])
@pytest.mark.parametrize("export", EXPORTS)
def test_an_edited_session_is_in_the_next_export(
    demo, cached, client, settings, export, edit, django_capture_on_commit_callbacks
):
    session = SessionPage.objects.child_of(conference()).get(slug="keynote")
    url = conference().url + export
    before = client.get(url)
    assert client.get(url)[page_cache.HEADER] == "hit"
    edit(session)
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision().publish()
    after = client.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after[page_cache.HEADER] == "miss"
    assert after.content != before.content and after["ETag"] != before["ETag"]
    # The copy is what the view builds now, with no cache at all.
    settings.XARXA_PAGE_CACHE_SECONDS = 0
    built = client.get(url)
    assert page_cache.HEADER not in built
    assert after.content == built.content and after["ETag"] == built["ETag"]
    if edit is edit_title:
        assert "A title no calendar has seen" in after.content.decode()


def test_a_change_rolled_back_keeps_the_generation(
    demo, cached, client, django_capture_on_commit_callbacks
):
    session = an_english_session()
    client.get(session.url)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        session.save_revision().publish()
    # Not run: the transaction never commits, so readers keep the copy.
    assert callbacks
    assert client.get(session.url)[page_cache.HEADER] == "hit"


def test_nothing_made_for_one_visitor_is_stored(demo, cached, client, admin_client):
    register = conference().url + "register/"
    for _ in range(2):
        response = client.get(register)
        assert response.status_code == 200
        assert page_cache.HEADER not in response  # a form: its CSRF token is this visitor's
    session = an_english_session()
    for _ in range(2):
        response = admin_client.get(session.url)
        assert page_cache.HEADER not in response  # a signed-in editor, with the user bar
    assert b"wagtail-userbar" in response.content
    client.get(session.url)
    client.cookies["sessionid"] = "someone"
    assert page_cache.HEADER not in client.get(session.url)


def test_a_token_page_and_a_post_are_never_stored(demo, cached, client):
    token_page = conference().url + "registration/not-a-real-token/"
    for _ in range(2):
        response = client.get(token_page)
        assert page_cache.HEADER not in response
        assert "no-store" in response["Cache-Control"]
    session = an_english_session()
    response = client.post(session.url)
    assert page_cache.HEADER not in response


@pytest.mark.parametrize("restriction", ["password", "login"])
def test_a_page_made_private_is_no_longer_served_from_the_cache(
    demo, cached, client, restriction, django_capture_on_commit_callbacks
):
    page = Page.objects.get(locale__language_code="en", depth=3, slug="about")
    client.get(page.url)
    assert client.get(page.url)[page_cache.HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=restriction, password="pw")
    for _ in range(2):
        response = client.get(page.url)
        assert page_cache.HEADER not in response
        assert response.status_code == (200 if restriction == "password" else 302)


def test_only_the_parameters_pages_read_make_copies(demo, cached, client):
    """`?x=<random>` would fill the cache with copies of one page."""
    programme = conference().url + "programme/"
    assert client.get(programme + "?day=2013-11-14")[page_cache.HEADER] == "miss"
    assert client.get(programme + "?day=2013-11-14")[page_cache.HEADER] == "hit"
    for query in ("?x=1", "?day=" + "9" * 100, "?utm_source=mail"):
        response = client.get(programme + query)
        assert response.status_code == 200 and page_cache.HEADER not in response, query


def test_off_when_the_time_to_live_is_zero(demo, settings, client):
    settings.XARXA_PAGE_CACHE_SECONDS = 0
    url = an_english_session().url
    assert page_cache.HEADER not in client.get(url)
    assert page_cache.HEADER not in client.get(url)


def test_readers_still_get_pages_when_redis_is_gone(demo, settings, client):
    """django-redis with IGNORE_EXCEPTIONS: no Redis means rendering, not an error."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    settings.CACHES = {**settings.CACHES, "pages": settings_redis_caches(port)["pages"]}
    settings.XARXA_PAGE_CACHE_SECONDS = 300
    url = an_english_session().url
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert page_cache.HEADER not in response  # rendered, and nothing kept


def settings_redis_caches(port):
    from config.settings.base import redis_caches

    return redis_caches(f"redis://127.0.0.1:{port}/0")
