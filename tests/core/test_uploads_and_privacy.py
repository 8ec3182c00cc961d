"""Uploads cannot carry scripts, documents cannot run in the site's origin, and pages
behind a login or password are never cached."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.models import Page, PageViewRestriction

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("programme.html", "text/html"),
        ("logo.svg", "image/svg+xml"),
        ("page.htm", "text/html"),
        ("script.js", "text/javascript"),
    ],
)
def test_documents_that_a_browser_would_run_are_refused(admin_client, name, content_type):
    upload = SimpleUploadedFile(name, b"<script>alert(1)</script>", content_type=content_type)
    response = admin_client.post("/admin/documents/add/", {"title": name, "file": upload})
    assert response.status_code == 200
    assert "file" in response.context["form"].errors, response.context["form"].errors
    assert not Document.objects.filter(title=name).exists()


def test_svg_images_are_refused(admin_client):
    upload = SimpleUploadedFile(
        "logo.svg", b"<svg onload='alert(1)'/>", content_type="image/svg+xml"
    )
    response = admin_client.post("/admin/images/add/", {"title": "logo", "file": upload})
    assert response.status_code == 200
    assert "file" in response.context["form"].errors, response.context["form"].errors


def test_uploads_are_capped(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    upload = SimpleUploadedFile(
        "minutes.pdf", b"%PDF-1.4\n" + b"0" * 2048, content_type="application/pdf"
    )
    response = admin_client.post("/admin/documents/add/", {"title": "minutes", "file": upload})
    assert response.status_code == 200
    assert not Document.objects.filter(title="minutes").exists()


def test_served_documents_cannot_run_anything(admin_client, client, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    upload = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    admin_client.post("/admin/documents/add/", {"title": "minutes", "file": upload})
    document = Document.objects.get(title="minutes")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    upload = SimpleUploadedFile("list.csv", b"name\nAnna\n", content_type="text/csv")
    admin_client.post("/admin/documents/add/", {"title": "list", "file": upload})
    response = client.get(Document.objects.get(title="list").url)
    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("restriction", ["password", "login"])
def test_private_pages_are_never_cached(demo, client, restriction):
    page = Page.objects.get(locale__language_code="en", depth=3, slug="about").specific
    PageViewRestriction.objects.create(page=page, restriction_type=restriction, password="pw")
    response = client.get(page.url)
    assert response.status_code in (200, 302)
    assert "no-store" in response.get("Cache-Control", "") or "private" in response.get(
        "Cache-Control", ""
    ), response.get("Cache-Control")
