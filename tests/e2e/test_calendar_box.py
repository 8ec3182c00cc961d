"""A delegate gets their calendar's address on their phone, inside the screen."""

from urllib.parse import parse_qs, urlsplit

import pytest

from events.domain import registration as domain
from events.models import ConferencePage
from tests.e2e.conftest import SCREENSHOTS, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_calendar_box_fits_a_phone(phone_page, live_demo):
    page = phone_page
    conference = ConferencePage.objects.get(locale__language_code="en", acronym="oidp13")
    catalan = ConferencePage.objects.get(locale__language_code="ca", acronym="oidp13")
    registration = domain.register(
        conference,
        {
            "name": "Núria Vilaseca",
            "email": "nuria.vilaseca@example.org",
            "organisation": None,
            "organisation_name": "Ajuntament de Terrassa",
            "country": "ES",
            "position": "",
            "language": "ca",
            "interpretation": [],
            "accessibility_needs": "",
            "dietary_needs": "",
            "newsletter_opt_in": False,
        },
        [],
        privacy_version="2027-1",
    )
    domain.confirm(registration)
    manage, _feed = domain.renew_links(registration)

    page.goto(f"{catalan.url}registration/{manage}/")
    assert page.locator("html").get_attribute("lang") == "ca"
    page.locator(".calendar-box button[value=calendar]").click()
    page.wait_for_selector(".calendar-box textarea")
    box = page.locator(".calendar-box")
    box.scroll_into_view_if_needed()
    address = box.locator("textarea").input_value()
    assert address.startswith("http") and address.endswith("/calendar.ics")
    assert f"{catalan.url}registration/" in address
    buttons = {
        link.inner_text(): link.get_attribute("href") for link in box.locator("a.button").all()
    }
    assert buttons["Apple Calendar"] == "webcal://" + address.split("://", 1)[1]
    google = parse_qs(urlsplit(buttons["Google Calendar"]).query)
    assert google == {"cid": [buttons["Apple Calendar"]]}
    assert parse_qs(urlsplit(buttons["Outlook"]).query)["url"] == [address]

    # The long address wraps inside its box: nothing sticks out of a 390 px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for part in (box, box.locator("textarea")):
        bounds = part.bounding_box()
        assert bounds["x"] >= 0 and bounds["x"] + bounds["width"] <= 390
    field = box.locator("textarea")
    assert field.evaluate("el => el.scrollWidth <= el.clientWidth")
    screenshot(page, "calendar-box-ca-390")
    box.screenshot(path=str(SCREENSHOTS / "calendar-box-ca-390-box.png"))
