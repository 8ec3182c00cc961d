import pytest

from events.models import AgendaPage, ConferencePage, SessionPage
from tests.e2e.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_programme_in_catalan_on_a_phone_filters_by_kind(phone_page, live_demo):
    page = phone_page
    conference = ConferencePage.objects.get(locale__language_code="ca", acronym="oidp13")
    page.goto(conference.url + "programme/")
    assert page.locator("html").get_attribute("lang") == "ca"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    all_sessions = page.locator("article.session").count()
    assert all_sessions >= 15
    page.locator("#id_kind").select_option("visit")
    page.locator(".filters button[type=submit]").click()
    page.wait_for_url("**/programme/?*kind=visit*")
    titles = page.locator(".session__title").all_inner_texts()
    assert len(titles) == 2 and all(title.startswith("Visita d'estudi") for title in titles)
    assert page.locator(".session__time").first.inner_text().endswith("WEST")
    screenshot(page, "programme-ca-phone-filtered")
    assert page.watcher.foreign_requests == []
    assert page.watcher.console_errors == []


def test_no_accessibility_violations_on_programme_session_and_agenda(browser_page, live_demo):
    page = browser_page
    for language in ("en", "ca"):
        conference = ConferencePage.objects.get(locale__language_code=language, acronym="oidp13")
        session = SessionPage.objects.child_of(conference).get(slug="members-session")
        agenda = AgendaPage.objects.get(locale__language_code=language)
        for url in (conference.url + "programme/", session.url, agenda.url):
            page.goto(url)
            assert axe_violations(page) == [], url
    screenshot(page, "agenda-ca")
    page.goto(session.url)
    screenshot(page, "session-ca")
    assert page.watcher.foreign_requests == []
    assert page.watcher.console_errors == []


def test_subscribe_block_leads_to_a_feed_calendar_apps_read(browser_page, live_demo):
    import icalendar

    page = browser_page
    conference = ConferencePage.objects.get(locale__language_code="ca", acronym="oidp13")
    page.goto(conference.url + "programme/")
    block = page.get_by_role("complementary", name="Subscriviu-vos")
    links = block.get_by_role("link")
    assert links.count() == 4
    webcal = block.get_by_role("link", name="Calendari d'Apple, Thunderbird i altres aplicacions")
    assert webcal.get_attribute("href").startswith("webcal://")
    download = block.get_by_role("link", name="Baixa (.ics)")
    feed = page.request.get(download.get_attribute("href"))
    assert feed.ok and feed.headers["content-type"] == "text/calendar; charset=utf-8"
    parsed = icalendar.Calendar.from_ical(feed.body())
    assert str(parsed["X-WR-CALNAME"]) == conference.title
    assert any(str(e["SUMMARY"]) == "Sessió interna de membres" for e in parsed.walk("VEVENT"))
    block.scroll_into_view_if_needed()
    screenshot(page, "programme-subscribe-ca")
