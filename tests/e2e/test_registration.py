import re

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from events.models import ConferencePage, Registration, SessionPage
from tests.e2e.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
#: The manage page, and its question before a seat is cancelled.
MANAGE = re.compile(r"/registration/[^/?]+/$")
ASKING = re.compile(r"/registration/[^/?]+/\?.*confirm=cancel")


def test_a_delegate_registers_in_catalan_confirms_and_cancels_a_session(phone_page, live_demo):
    page = phone_page
    conference = ConferencePage.objects.get(locale__language_code="ca", acronym="oidp13")
    visit = SessionPage.objects.get(locale__language_code="ca", slug="study-visit-pb")
    workshop = SessionPage.objects.get(locale__language_code="ca", slug="local-observatories")
    page.goto(conference.url + "register/")
    assert page.locator("h1").inner_text().startswith("Inscripció")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(page) == []

    # Sent empty: every problem is named next to its field.
    page.locator("form.form button[type=submit]").click()
    assert page.locator(".form-errors").is_visible()
    assert page.locator("#id_name_error").is_visible()
    assert page.locator("#id_consent_error").is_visible()
    screenshot(page, "register-ca-phone-errors")
    assert axe_violations(page) == []

    page.fill("#id_name", "Montserrat Roca")
    page.fill("#id_email", "montserrat.roca@example.org")
    page.fill("#id_organisation_name", "Ajuntament de Manresa")
    page.select_option("#id_country", "ES")
    for session in (visit, workshop):
        # Bookings point at the English pages, whatever the language of the form.
        source = SessionPage.objects.get(
            translation_key=session.translation_key, locale__language_code="en"
        )
        page.locator(f"input[name=sessions][value='{source.pk}']").check()
    page.locator("#id_consent").check()
    screenshot(page, "register-ca-phone-filled")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url("**/register/?sent=1")
    assert page.locator(".notice--success").is_visible()
    screenshot(page, "register-ca-phone-sent")

    (please_confirm,) = [m for m in mail.outbox if m.to == ["montserrat.roca@example.org"]]
    assert please_confirm.subject.startswith("Confirmeu")
    link = re.search(r"https?://\S+/register/confirm/\S+/", please_confirm.body).group(0)
    page.goto(link.split("testserver", 1)[-1] if "testserver" in link else link)
    screenshot(page, "register-ca-phone-confirm")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/registration/*/")
    assert Registration.objects.get(email="montserrat.roca@example.org").status == "confirmed"
    assert page.locator(".messages").is_visible()
    booked = page.locator(".option", has_text=visit.title)
    assert booked.locator(".booking-status").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "manage-ca-phone")
    assert axe_violations(page) == []

    # Cancelling asks first; "No, keep it" leaves the seat where it was.
    registration = Registration.objects.get(email="montserrat.roca@example.org")
    booked.locator("button[value=cancel]").tap()
    page.wait_for_url(ASKING)
    question = page.locator(".ask-first")
    assert visit.title in question.locator("h2").inner_text()
    assert page.locator("html").get_attribute("lang") == "ca"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "manage-ca-phone-ask-cancel")
    assert axe_violations(page) == []
    question.locator("a.button").tap()
    page.wait_for_url(MANAGE)
    assert booked.locator(".booking-status").is_visible()
    assert registration.bookings.get(session__slug="study-visit-pb").status == "confirmed"

    booked.locator("button[value=cancel]").tap()
    page.wait_for_url(ASKING)
    page.locator(".ask-first button[type=submit]").tap()
    page.wait_for_url(MANAGE)
    with translation.override("ca"):
        left = gettext("You no longer have a seat in “%(session)s”.") % {"session": visit.title}
    assert left in page.locator(".messages").inner_text()
    assert set(registration.bookings.values_list("session__slug", "status")) == {
        ("study-visit-pb", "cancelled"),
        ("local-observatories", "confirmed"),
    }
    screenshot(page, "manage-ca-phone-after-cancel")
    assert page.watcher.foreign_requests == []
    assert page.watcher.console_errors == []
