"""A CDN or caching proxy in front hears of every change: publishing a page sends a
PURGE for its URL, and for the pages that list it (XARXA_CACHE_PURGE_URL in production)."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from events.models import SessionPage

pytestmark = pytest.mark.django_db


class Proxy(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        type(self).purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    """A caching proxy on loopback that records the PURGE requests Wagtail sends it."""
    server = HTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    Proxy.purged = []
    yield Proxy.purged
    server.shutdown()


def test_publishing_a_page_purges_its_url(demo, cdn, django_capture_on_commit_callbacks):
    session = SessionPage.objects.filter(locale__language_code="ca").live().first()
    session.abstract = "Resum nou."
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision().publish()
    assert ("testserver", session.url) in Proxy.purged
    # And what lists it: the conference, its programme and exports, the section, home.
    conference = session.get_parent().specific
    for path in ("", "programme/", "speakers/", "schedule.json", "schedule.xml", "calendar.ics"):
        assert ("testserver", conference.url + path) in Proxy.purged, path
    assert ("testserver", conference.get_parent().url) in Proxy.purged
    assert ("testserver", "/ca/") in Proxy.purged
    assert not any("{" in path or "(" in path for _host, path in Proxy.purged)


def test_moving_a_page_purges_its_old_addresses(demo, cdn, django_capture_on_commit_callbacks):
    """Before the fix a move sent no PURGE at all (Wagtail purges on publish and unpublish
    only), so a CDN kept serving the conference at its old address, programme included."""
    from wagtail.models import Page

    from events.models import ConferencePage

    conference = ConferencePage.objects.get(locale__language_code="ca", acronym="oidp13")
    old_section = conference.get_parent().specific
    session = conference.get_children().live().first()
    old_conference_url, old_session_url = conference.url, session.url
    home = old_section.get_parent()
    new_section = home.add_child(
        instance=Page(title="Arxiu", slug="arxiu", locale=conference.locale)
    )
    with django_capture_on_commit_callbacks(execute=True):
        conference.move(new_section, pos="last-child")
    purged = {path for _host, path in Proxy.purged}
    for path in ("", "programme/", "schedule.xml", "calendar.ics"):
        assert old_conference_url + path in purged, path
    assert old_session_url in purged
    assert old_section.url in purged and new_section.url in purged
    conference.refresh_from_db()
    assert conference.url.startswith("/ca/arxiu/") and conference.url + "programme/" in purged
