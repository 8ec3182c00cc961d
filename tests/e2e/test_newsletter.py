import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from newsletter.domain import scheduling, sending
from newsletter.models import NewsletterIndexPage, NewsletterIssuePage, Subscriber
from tests.e2e.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EMAIL = "leitora.cascais@exemplo.pt"


def path_of(url):
    return urlsplit(url).path


def test_subscribe_in_portuguese_confirm_and_unsubscribe_with_one_click(
    phone_page, browser, live_server, live_demo
):
    page = phone_page
    page.goto("/pt/newsletter/subscribe/")
    assert page.locator("html").get_attribute("lang") == "pt"
    page.locator("form.form button[type=submit]").click()
    # Nothing filled in: the errors say what to do, and nothing is stored.
    assert page.locator("#form-errors").is_visible()
    screenshot(page, "newsletter-subscribe-errors-pt-phone")
    assert axe_violations(page) == []
    page.fill("#id_email", EMAIL)
    page.get_by_label("Notícias da rede").check()
    page.get_by_label("A conferência de Cascais").check()
    page.locator("#id_consent").check()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "newsletter-subscribe-pt-phone")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url("**/newsletter/subscribe/?sent=1")
    assert Subscriber.objects.get(email=EMAIL).status == "pending"

    (confirmation,) = [m for m in mail.outbox if m.to == [EMAIL]]
    link = re.search(r"https?://\S+/newsletter/confirm/\S+/", confirmation.body).group(0)
    page.goto(path_of(link))
    page.get_by_role("button", name="Confirmar a minha subscrição").click()
    page.wait_for_url("**/newsletter/preferences/**")
    assert Subscriber.objects.get(email=EMAIL).status == "confirmed"
    screenshot(page, "newsletter-preferences-pt-phone")
    assert axe_violations(page) == []
    preferences = page.url

    issue = NewsletterIssuePage.objects.get(slug="on-the-way-to-cascais")
    issue.save_revision().publish()
    sending.run(scheduling.schedule(issue, fallback=True).pk)
    (received,) = [m for m in mail.outbox if EMAIL in m.to and m.subject == issue.subject]
    headers = received.merge_headers[EMAIL]
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click = headers["List-Unsubscribe"].strip("<>")
    # What a mail client does: a bare POST, with no cookie and no CSRF token.
    client = browser.new_context(base_url=live_server.url)
    answer = client.request.post(path_of(one_click), form={"List-Unsubscribe": "One-Click"})
    assert answer.status == 200
    client.close()
    assert Subscriber.objects.get(email=EMAIL).status == "unsubscribed"

    page.goto(preferences)
    assert "Não recebe nenhum boletim neste endereço." in page.content()
    screenshot(page, "newsletter-unsubscribed-pt-phone")
    assert page.watcher.foreign_requests == []
    assert page.watcher.console_errors == []


def test_no_accessibility_violations_on_subscribe_and_archive_pages(browser_page, live_demo):
    page = browser_page
    for archive in NewsletterIndexPage.objects.all():
        page.goto(archive.url)
        assert axe_violations(page) == [], archive.url
        language = archive.locale.language_code
        page.goto(f"/{language}/newsletter/subscribe/")
        assert axe_violations(page) == [], language
    issue = NewsletterIssuePage.objects.get(slug="pla-de-treball-2013")
    page.goto(issue.url)
    assert axe_violations(page) == []
    screenshot(page, "newsletter-issue-ca")
    page.goto(NewsletterIndexPage.objects.get(locale__language_code="ca").url)
    screenshot(page, "newsletter-archive-ca")
    assert page.watcher.console_errors == []
