"""The member's page shows their private calendar's address with one-tap buttons."""

from urllib.parse import urlsplit

import pytest

from tests.shared import app_links, calendar_box, check_links

pytestmark = pytest.mark.django_db


def test_the_member_page_shows_the_new_calendar_address(client, observatories, member):
    _membership, manage, old_feed = member(language="en")
    page = f"{observatories.url}member/{manage}/"
    box = calendar_box(client.get(page))
    assert box.select_one('button[name="action"]')["value"] == "reset_feed"
    response = client.post(page, {"action": "reset_feed"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    box = calendar_box(response)
    feed_url = box.select_one("textarea").get_text(strip=True)
    check_links(app_links(box), feed_url, observatories.title)
    feed = client.get(urlsplit(feed_url).path)
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("text/calendar")
    assert client.get(f"{observatories.url}member/{old_feed}/calendar.ics").status_code == 404
    assert client.get(page).status_code == 200
