import re
from html.parser import HTMLParser

import pytest

from core.models import NewsPage, StandardPage

pytestmark = pytest.mark.django_db


class AssetCollector(HTMLParser):
    """Everything a browser would fetch or run on its own from a page."""

    def __init__(self):
        super().__init__()
        self.fetched = []
        self.inline_scripts = 0
        self.inline_handlers = []
        self.style_attributes = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "img", "iframe", "source", "video", "audio"} and attrs.get("src"):
            self.fetched.append(attrs["src"])
        if tag == "script" and not attrs.get("src") and attrs.get("type") != "application/json":
            self.inline_scripts += 1
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload", "manifest"}:
            self.fetched.append(attrs["href"])
        if tag == "img" and attrs.get("srcset"):
            self.fetched.extend(part.split()[0] for part in attrs["srcset"].split(","))
        self.inline_handlers.extend(name for name in attrs if name.startswith("on"))
        if "style" in attrs:
            self.style_attributes += 1


def public_pages():
    about = StandardPage.objects.get(locale__language_code="ca", slug="sobre-la-xarxa")
    news = NewsPage.objects.filter(locale__language_code="en").first()
    return ["/en/", "/ca/", about.url, news.url, news.get_parent().url, "/es/search/?q=Dakar"]


def test_public_pages_fetch_nothing_from_another_host_and_run_no_inline_code(client, demo):
    for url in public_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        collector = AssetCollector()
        collector.feed(response.content.decode())
        assert collector.fetched, url
        assert all(src.startswith("/") and not src.startswith("//") for src in collector.fetched), (
            url,
            collector.fetched,
        )
        assert collector.inline_scripts == 0, url
        assert collector.inline_handlers == [], url
        assert collector.style_attributes == 0, url


def test_public_pages_carry_a_strict_content_security_policy(client, demo):
    response = client.get("/ca/")
    policy = dict(
        (directive.split()[0], directive.split()[1:])
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    )
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_admin_is_left_to_wagtail_own_policy(admin_client, demo):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def test_production_sends_hsts_and_secure_cookies(client, demo, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    login = client.get("/admin/login/", secure=True)
    assert re.search(r"csrftoken=[^;]+;.*Secure", str(login.cookies["csrftoken"]), re.I)
