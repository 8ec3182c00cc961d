"""Helpers tests share: the calendar check, c3voc's frab schemas, a closed port, the
personal calendar box."""

import socket
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# c3voc's frab schemas, kept as test data (see SOURCE.md beside them).
FRAB = ROOT / "tests" / "data" / "frab"


def ics_check(*paths):
    """Three parsers must agree on every file, and each keeps the RFC rules clients trip
    on (tests/ics_check). Returns the report, one OK line per file."""
    from tests.ics_check import check

    reports = check(paths)
    output = "\n".join(map(str, reports))
    assert all(report.ok for report in reports), output
    return output


def closed_port():
    """A loopback port nothing listens on: a server that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def calendar_box(response):
    box = BeautifulSoup(response.content.decode(), "html.parser").select_one(".calendar-box")
    assert box is not None
    return box


def app_links(box):
    return {a.get_text(strip=True): a["href"] for a in box.select(".calendar-box__apps a")}


def check_links(links, feed_url, name):
    """The three buttons carry the feed: webcal as it is, Google's and Outlook's encoded."""
    assert set(links) == {"Apple Calendar", "Google Calendar", "Outlook"}
    assert feed_url.startswith("http://testserver/")
    webcal = "webcal://" + feed_url.removeprefix("http://")
    assert links["Apple Calendar"] == webcal
    google = urlsplit(links["Google Calendar"])
    assert (google.scheme, google.netloc, google.path) == (
        "https",
        "calendar.google.com",
        "/calendar/render",
    )
    assert parse_qs(google.query) == {"cid": [webcal]}
    outlook = urlsplit(links["Outlook"])
    assert (outlook.netloc, outlook.path) == ("outlook.live.com", "/calendar/0/addfromweb")
    assert parse_qs(outlook.query) == {"url": [feed_url], "name": [name]}
