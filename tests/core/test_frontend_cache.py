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


def test_publishing_a_page_purges_its_url(demo, settings, django_capture_on_commit_callbacks):
    server = HTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    try:
        session = SessionPage.objects.filter(locale__language_code="ca").live().first()
        session.abstract = "Resum nou."
        with django_capture_on_commit_callbacks(execute=True):
            session.save_revision().publish()
    finally:
        server.shutdown()
    assert ("testserver", session.url) in Proxy.purged
    # And what lists it: the conference, its programme and exports, the section, home.
    conference = session.get_parent().specific
    for path in ("", "programme/", "speakers/", "schedule.json", "schedule.xml", "calendar.ics"):
        assert ("testserver", conference.url + path) in Proxy.purged, path
    assert ("testserver", conference.get_parent().url) in Proxy.purged
    assert ("testserver", "/ca/") in Proxy.purged
    assert not any("{" in path or "(" in path for _host, path in Proxy.purged)
