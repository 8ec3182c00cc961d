"""The personal calendar box on the delegate's manage page, and the same links in emails."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from core.models import OutboxMessage
from events.domain import registration as domain
from events.models import ConferencePage
from tests.shared import app_links, calendar_box, check_links

pytestmark = pytest.mark.django_db


def test_the_manage_page_gives_the_calendar_address_and_keeps_its_own_link(
    client, conference, bookable, delegate
):
    session = bookable("mine")
    registration = delegate("cal@example.org", [session])
    manage, old_feed = domain.renew_links(registration)
    page = f"{conference.url}registration/{manage}/"

    # Only the feed's hash is kept: the page offers to make an address it can show.
    box = calendar_box(client.get(page))
    assert not box.select(".calendar-box__apps a")
    assert box.select_one('button[name="action"]')["value"] == "calendar"

    response = client.post(page, {"action": "calendar"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    box = calendar_box(response)
    said = (
        "Subscribe once: sessions you add or cancel appear in your calendar the next time it "
        "refreshes (Google Calendar can take a few hours)."
    )
    assert said in box.get_text(" ", strip=True)
    feed_url = box.select_one("textarea#calendar-address").get_text(strip=True)
    assert box.select_one("textarea#calendar-address").has_attr("readonly")
    check_links(app_links(box), feed_url, conference.title)

    feed = client.get(urlsplit(feed_url).path)
    assert feed.status_code == 200
    assert feed["Content-Type"] == "text/calendar; charset=utf-8"
    assert "Session mine" in feed.content.decode()
    # The address in the confirmation email is replaced; the manage link still works.
    old = client.get(f"{conference.url}registration/{old_feed}/calendar.ics")
    assert old.status_code == 404
    assert client.get(page).status_code == 200


def test_in_catalan_the_box_and_its_feed_are_catalan(client, conference, delegate):
    ca = ConferencePage.objects.get(
        translation_key=conference.translation_key, locale__language_code="ca"
    )
    manage, _feed = domain.renew_links(delegate("ca@example.org", language="ca"))
    response = client.post(f"{ca.url}registration/{manage}/", {"action": "calendar"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.html["lang"] == "ca"
    box = calendar_box(response)
    feed_url = box.select_one("textarea").get_text(strip=True)
    assert urlsplit(feed_url).path.startswith(f"{ca.url}registration/")
    check_links(app_links(box), feed_url, ca.title)
    assert client.get(urlsplit(feed_url).path).status_code == 200


def test_renewing_the_feed_alone_leaves_the_manage_link(conference, delegate):
    registration = delegate("alone@example.org")
    manage, old_feed = domain.renew_links(registration)
    new_feed = domain.renew_feed_link(registration)
    assert new_feed != old_feed
    assert domain.registration_for_feed(old_feed) is None
    assert domain.registration_for_feed(new_feed).pk == registration.pk
    assert domain.registration_for_manage(manage).pk == registration.pk


def test_the_confirmation_email_has_the_same_buttons(conference, delegate):
    registration = delegate("mail@example.org")
    email = OutboxMessage.objects.filter(to=registration.email, template__endswith="confirmed")
    soup = BeautifulSoup(email.latest("pk").html, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in soup.find_all("a")}
    feed_url = soup.select_one("a.address")["href"]
    assert feed_url.endswith("/calendar.ics")
    assert parse_qs(urlsplit(links["Google Calendar"]).query)["cid"] == [
        "webcal://" + feed_url.split("://", 1)[1]
    ]
    assert parse_qs(urlsplit(links["Outlook"]).query)["url"] == [feed_url]
    assert links["Apple Calendar"].startswith("webcal://")
