"""A reader who follows a dead link, and one who searches from a phone."""

import pytest

from events.models import ConferencePage
from tests.e2e.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def read_missing_page(page, url, name):
    response = page.goto(url)
    assert response.status == 404
    heading = page.get_by_role("heading", level=1).inner_text()
    next_steps = page.locator("#next-steps").inner_text()
    # The search box of the page itself (the header has its own), and a way home.
    assert page.get_by_role("searchbox", name=page.locator("#error-search-label").inner_text())
    assert page.locator("main .next-steps a").count() >= 3
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert axe_violations(page) == [], url
    screenshot(page, name)
    assert page.watcher.foreign_requests == []
    # The one complaint is the page's own status: nothing it loads is missing.
    assert page.watcher.console_errors == [
        "Failed to load resource: the server responded with a status of 404 (Not Found)"
    ]
    return heading, next_steps


def test_a_missing_page_on_a_computer_says_what_to_do(browser_page, live_demo):
    heading, next_steps = read_missing_page(browser_page, "/en/no-such-page/", "404-en-1280")
    assert heading == "Page not found"
    assert next_steps == "What you can do"
    lead = browser_page.locator("main .lead").inner_text()
    assert lead.startswith("The page you asked for is not here.")
    browser_page.get_by_role("link", name="Go to the home page").click()
    browser_page.wait_for_url("**/en/")


def test_a_missing_page_on_a_phone_is_in_the_readers_language(phone_page, live_demo):
    heading, _next_steps = read_missing_page(phone_page, "/ca/no-existeix/", "404-ca-390")
    assert heading == "No s'ha trobat la pàgina"
    assert phone_page.locator("html").get_attribute("lang") == "ca"
    phone_page.locator("#error-search").fill("cascais")
    phone_page.locator("#error-search").press("Enter")
    phone_page.wait_for_url("**/ca/search/?q=cascais")


def test_searching_from_the_header_on_a_phone_finds_the_conference(phone_page, live_demo):
    page = phone_page
    cascais = ConferencePage.objects.get(locale__language_code="ca", depth=4)
    page.goto("/ca/")
    header_search = page.get_by_role("navigation", name="Principal").get_by_role("searchbox")
    header_search.fill("Cascais")
    header_search.press("Enter")
    page.wait_for_url("**/ca/search/?q=Cascais")
    first = page.locator(".search-result").first
    assert first.get_by_role("heading", level=2).inner_text() == cascais.title
    meta = first.locator(".search-result__meta").inner_text()
    assert meta.startswith("Conferència · ")
    assert f"de juliol de {cascais.start_date.year}" in meta
    assert first.locator(".search-result__summary").inner_text().startswith("La 13a conferència")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(page) == []
    screenshot(page, "search-ca-390")
    first.get_by_role("link").click()
    page.wait_for_url(f"**{cascais.url}")
