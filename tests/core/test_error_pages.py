"""The error pages: the site's design, in the reader's language, saying what happened
and what to do next, with the right status, under DEBUG False as in production.

Translations of the new strings come later (the lead's .po files), so headings are
checked in English; in the other languages the page's `lang` and its translated
navigation show that it was built for that reader."""

import re

import pytest
from django.test import Client

from core.models import StandardPage

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "es", "fr", "pt", "ca"]


def html_lang(response):
    return re.search(r'<html lang="([\w-]+)"', response.content.decode()).group(1)


def h1(response):
    return re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S).group(1).strip()


def about_title(language):
    """A section of that language's main menu, with its title in that language."""
    return StandardPage.objects.get(locale__language_code=language, depth=3).title


def assert_site_page_in(response, language):
    body = response.content.decode()
    assert html_lang(response) == language
    assert 'class="site-header"' in body and 'class="site-footer"' in body
    assert about_title(language) in body
    # The search box asks in the reader's language.
    assert f'action="/{language}/search/"' in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_is_a_404_in_the_readers_language(client, demo, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert_site_page_in(response, language)
    if language == "en":
        assert h1(response) == "Page not found"
        assert "What you can do" in response.content.decode()
        assert "Go to the home page" in response.content.decode()
    if language == "ca":  # translated before this page was redone
        assert h1(response) == "No s'ha trobat la pàgina"


@pytest.mark.parametrize(
    ("accept", "language"), [("es-ES,es;q=0.9", "es"), ("de-DE,de;q=0.9", "en"), ("", "en")]
)
def test_without_a_language_in_the_address_the_browsers_language_is_used(
    client, demo, accept, language
):
    # /media/ has no language prefix and is not redirected to one.
    response = client.get("/media/images/missing.png", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 404
    assert html_lang(response) == language


@pytest.fixture
def error_urls(settings):
    settings.ROOT_URLCONF = "tests.core.error_urls"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_server_error_page_needs_no_database(error_urls, django_db_blocker, language):
    client = Client(raise_request_exception=False)
    # Any query now raises: the page must come out without one.
    with django_db_blocker.block():
        response = client.get(f"/{language}/fail/")
    assert response.status_code == 500
    assert html_lang(response) == language
    body = response.content.decode()
    assert f'href="/{language}/"' in body  # home, in the reader's language
    assert f'action="/{language}/search/"' in body
    assert 'class="site-header"' in body and 'class="site-footer"' in body
    if language == "en":
        assert h1(response) == "Something went wrong on our side"
        assert "try again in a few minutes" in body


def test_a_server_error_before_the_language_is_known_reads_the_browsers(error_urls):
    from django.test import RequestFactory

    from core.views import server_error

    request = RequestFactory().get("/fail/", HTTP_ACCEPT_LANGUAGE="pt-PT,pt;q=0.9")
    assert html_lang(server_error(request)) == "pt"
    assert html_lang(server_error(None)) == "en"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_refusal_is_a_403_in_the_site(error_urls, demo, language):
    response = Client().get(f"/{language}/refuse/")
    assert response.status_code == 403
    assert_site_page_in(response, language)
    if language == "en":
        assert h1(response) == "You cannot open this page"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_request_the_site_cannot_read_is_a_400_in_the_site(client, demo, language, settings):
    # More fields than DATA_UPLOAD_MAX_NUMBER_FIELDS: Django refuses to read them.
    query = "&".join(["a=1"] * (settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.get(f"/{language}/search/?{query}")
    assert response.status_code == 400
    assert_site_page_in(response, language)
    if language == "en":
        assert h1(response) == "The request could not be understood"


def test_a_host_the_site_does_not_serve_gets_a_400_without_the_site_behind_it(client, demo):
    response = client.get("/es/", HTTP_HOST="elsewhere.example")
    assert response.status_code == 400
    assert html_lang(response) == "es"
    assert "elsewhere.example" not in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_form_without_its_cookie_says_to_allow_cookies_and_send_again(demo, language):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{language}/newsletter/subscribe/", {"email": "a@example.org"})
    assert response.status_code == 403
    assert_site_page_in(response, language)
    if language == "en":
        body = response.content.decode()
        assert h1(response) == "Your form could not be sent"
        assert "reload the page" in body
        assert "Your browser sent no cookie: allow cookies for this site" in body


def test_a_form_from_an_old_page_says_to_reload_and_send_again(demo):
    client = Client(enforce_csrf_checks=True)
    client.get("/en/newsletter/subscribe/")  # sets the CSRF cookie
    assert "csrftoken" in client.cookies
    response = client.post(
        "/en/newsletter/subscribe/", {"email": "a@example.org", "csrfmiddlewaretoken": "x" * 64}
    )
    assert response.status_code == 403
    body = response.content.decode()
    assert "Send the form again." in body
    assert "If it fails again, allow cookies for this site" in body


@pytest.mark.cache
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_throttled_form_says_how_long_to_wait_and_keeps_what_was_typed(
    client, demo, language, settings
):
    settings.XARXA_RATE_LIMIT_PER_IP = (1, 15 * 60)
    url = f"/{language}/newsletter/subscribe/"
    client.post(url, {"email": "first@example.org"})
    response = client.post(url, {"email": "reader@example.org"})
    assert response.status_code == 429
    assert_site_page_in(response, language)
    body = response.content.decode()
    assert 'value="reader@example.org"' in body
    assert "Correct what is marked below" not in body
    if language == "en":
        assert re.search(
            r"This form was sent too many times in a short while\. Wait \d+ minutes?, "
            r"then send it again: what you typed is kept below\.",
            body,
        )
