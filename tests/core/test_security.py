import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User

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


#: What production.py sets for transport security, read from it (not restated here).
TRANSPORT = [
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
]


def production_values(names):
    from tests.core.test_settings import PRODUCTION_ENV, manage

    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}))"
    )
    result = manage("shell", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_hsts_and_secure_cookies(client, demo, settings):
    for name, value in production_values(TRANSPORT).items():
        setattr(settings, name, value)
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert client.get("/en/").status_code == 301  # plain http goes to https
    login = client.get("/admin/login/", secure=True)
    assert re.search(r"csrftoken=[^;]+;.*Secure", str(login.cookies["csrftoken"]), re.I)
    User.objects.create_superuser("security", "security@example.org", "a-long-passphrase-9")
    signed_in = client.post(
        "/admin/login/",
        {"username": "security", "password": "a-long-passphrase-9"},
        secure=True,
    )
    assert signed_in.status_code == 302
    session = signed_in.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
