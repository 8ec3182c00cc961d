"""Language prefixes, the switcher and hreflang alternates, against the demo network."""

import re

import pytest
from django.conf import settings

from core.models import NewsPage, StandardPage

pytestmark = pytest.mark.django_db


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {code: url for url, code in re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)"', nav)}


def hreflangs(html):
    pattern = r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)"'
    return dict(re.findall(pattern, html))


def test_root_redirects_by_accept_language(client, demo):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ca-ES,ca;q=0.9,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/ca/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr").headers["Location"] == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de").headers["Location"] == "/en/"


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_every_locale_has_a_home_in_its_language(client, demo, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert f'<html lang="{code}">' in response.content.decode()


def test_switcher_leads_to_the_translation_of_the_current_page(client, demo):
    about_ca = StandardPage.objects.get(locale__language_code="ca", slug="sobre-la-xarxa")
    html = client.get(about_ca.url).content.decode()
    links = switcher_links(html)
    assert links["en"] == "/en/about/"
    assert links["es"] == "/es/sobre-la-red/"
    assert links["fr"] == "/fr/a-propos/"
    assert links["pt"] == "/pt/sobre-a-rede/"
    assert links["ca"] == "/ca/sobre-la-xarxa/"
    assert 'aria-current="page">Català' in html


def test_switcher_falls_back_to_the_locale_home_without_a_translation(client, demo):
    # The demo's news items exist in en, ca and es only.
    news_en = NewsPage.objects.get(locale__language_code="en", slug="regional-offices")
    html = client.get(news_en.url).content.decode()
    links = switcher_links(html)
    assert links["ca"] == "/ca/noticies/antenes-regionals/"
    assert links["fr"] == "/fr/"
    assert links["pt"] == "/pt/"
    alternates = hreflangs(html)
    assert set(alternates) == {"en", "es", "ca", "x-default"}
    assert alternates["ca"] == "http://testserver/ca/noticies/antenes-regionals/"
    assert alternates["x-default"] == alternates["en"]


def test_interface_strings_follow_the_language(client, demo):
    assert "Vés al contingut principal" in client.get("/ca/").content.decode()
    assert "Ir al contenido principal" in client.get("/es/").content.decode()
    assert "Aller au contenu principal" in client.get("/fr/").content.decode()
    assert "Saltar para o conteúdo principal" in client.get("/pt/").content.decode()


def test_search_page_exists_in_every_language_and_finds_pages_in_it(client, demo):
    response = client.get("/ca/search/", {"q": "Dakar"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "antenes-regionals" in html
    assert "regional-offices" not in html
    assert switcher_links(html)["en"].startswith("/en/search/")
