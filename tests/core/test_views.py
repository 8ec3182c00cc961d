import json

import pytest

pytestmark = pytest.mark.django_db


def test_sitemap_lists_pages_in_every_language(client, demo):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    for path in ("/en/about/", "/ca/sobre-la-xarxa/", "/es/sobre-la-red/", "/fr/a-propos/"):
        assert f"http://testserver{path}" in body


def test_robots_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_unknown_page_is_a_translated_404(client, demo):
    response = client.get("/ca/no-existeix/")
    assert response.status_code == 404
    assert "No s'ha trobat la pàgina" in response.content.decode()


def test_search_without_words_shows_only_the_form(client, demo):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert b"Words to look for" in response.content
    assert b"match" not in response.content


def test_search_with_no_match_says_what_to_do(client, demo):
    response = client.get("/es/search/", {"q": "zzzyyyxxx"})
    assert "Pruebe con menos palabras" in response.content.decode()


def test_api_lists_pages_images_and_documents(client, demo):
    pages = client.get("/api/v2/pages/", {"type": "core.NewsPage", "fields": "date,intro"})
    assert pages.status_code == 200
    items = json.loads(pages.content)["items"]
    assert len(items) >= 9
    assert {"date", "intro"} <= set(items[0])
    ca_home = client.get(
        "/api/v2/pages/", {"type": "core.HomePage", "locale": "ca", "fields": "network_name"}
    )
    [home] = json.loads(ca_home.content)["items"]
    assert home["network_name"] == "Observatori Internacional de la Democràcia Participativa"
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200
