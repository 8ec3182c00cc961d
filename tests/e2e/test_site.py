import pytest

from core.models import NewsPage, StandardPage
from events.models import ConferencePage
from tests.e2e.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_home_in_english_switches_to_catalan(browser_page, live_demo):
    page = browser_page
    page.goto("/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Cities working together for participatory democracy"
    )
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Català").click()
    page.wait_for_url("**/ca/")
    assert page.locator("html").get_attribute("lang") == "ca"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Ciutats que treballen juntes per la democràcia participativa"
    )
    assert (
        page.get_by_role("navigation", name="Principal")
        .get_by_role("link", name="Sobre la xarxa")
        .is_visible()
    )
    assert screenshot(page, "home-ca").stat().st_size > 10_000
    assert page.watcher.foreign_requests == []
    assert page.watcher.console_errors == []


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(browser_page, live_demo):
    page = browser_page
    page.goto("/ca/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Vés al contingut principal")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_phone_layout_reads_without_sideways_scrolling(phone_page, live_demo):
    page = phone_page
    about = StandardPage.objects.get(locale__language_code="ca", slug="sobre-la-xarxa")
    page.goto(about.url)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    screenshot(page, "about-ca-phone")
    assert page.watcher.foreign_requests == []


@pytest.mark.parametrize("language", ["en", "ca"])
def test_no_accessibility_violations(browser_page, live_demo, language):
    page = browser_page
    standard = StandardPage.objects.get(locale__language_code=language, depth=3)
    news = NewsPage.objects.filter(locale__language_code=language).order_by("-date").first()
    for url in (f"/{language}/", standard.url, news.url):
        page.goto(url)
        assert axe_violations(page) == [], url
    screenshot(page, f"news-{language}")
    assert page.watcher.foreign_requests == []
    assert page.watcher.console_errors == []


#: WCAG 2.5.5's size for a target a thumb can hit without hitting its neighbour.
TAP = 44


def header_targets_smaller_than_a_thumb(page):
    small = []
    for target in page.locator(".site-header a, .site-header button").all():
        box = target.bounding_box()
        if box is None:  # not rendered (none today); nothing to tap
            continue
        if box["height"] < TAP or box["width"] < TAP:
            small.append((target.inner_text(), round(box["width"]), round(box["height"])))
    return small


def test_header_targets_fit_a_thumb_without_sideways_scrolling(phone_page, live_demo):
    page = phone_page
    for width in (390, 360, 768):
        page.set_viewport_size({"width": width, "height": 844})
        for language in ("en", "ca"):
            page.goto(f"/{language}/")
            assert header_targets_smaller_than_a_thumb(page) == [], (width, language)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
                width,
                language,
            )
            screenshot(page, f"home-{language}-{width}")
    assert page.watcher.foreign_requests == []


def test_conference_on_a_phone_keeps_the_app_files_folded_away(phone_page, live_demo):
    page = phone_page
    conference = ConferencePage.objects.get(locale__language_code="en", acronym="oidp13")
    page.goto(conference.url)
    assert "Lisbon time (" in page.locator(".facts").inner_text()
    link = page.get_by_role("link", name="schedule.xml")
    assert not link.is_visible()
    summary = page.get_by_text("For apps and developers")
    assert summary.bounding_box()["height"] >= TAP
    summary.click()
    assert link.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "conference-en-phone")
