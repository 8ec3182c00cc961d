import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision, Site

from core.models import HomePage, NewsPage, Organisation, Region

pytestmark = pytest.mark.django_db


def counts():
    models = [
        m for m in apps.get_models() if m._meta.app_label in {"core", "wagtailcore", "taggit"}
    ]
    return {m._meta.label: m.objects.count() for m in models}


def test_second_run_changes_nothing(demo, tmp_path, settings, capsys):
    # The test database already holds the first run (tests/conftest.py).
    settings.VAR_DIR = tmp_path
    first = counts()
    call_command("load_demo")
    first_output = capsys.readouterr().out
    call_command("load_demo")
    second_output = capsys.readouterr().out
    assert counts() == first
    assert "0 objects created" in first_output
    assert "0 objects created" in second_output
    # The generated password is kept in var/ so a second run can print it again.
    password = (tmp_path / "demo-admin-password").read_text().strip()
    assert f"Admin password: {password}" in first_output
    assert f"Admin password: {password}" in second_output


def test_admin_password_comes_from_the_environment(tmp_path, settings, monkeypatch):
    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("XARXA_ADMIN_PASSWORD", "cascais-2013-delegates")
    call_command("load_demo", stdout=open("/dev/null", "w"))
    from django.contrib.auth import authenticate

    assert authenticate(username="admin", password="cascais-2013-delegates") is not None
    assert not (tmp_path / "demo-admin-password").exists()


def test_demo_network_comes_from_the_work_plan(demo):
    assert HomePage.objects.live().count() == 5
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.locale.language_code == "en"
    # Wagtail's placeholder page is gone: every page under the root is ours.
    assert not Page.objects.filter(depth=2).exclude(content_type__app_label="core").exists()
    regions = set(Region.objects.filter(locale__language_code="ca").values_list("name", flat=True))
    assert {"Amèrica Llatina", "Àfrica", "Europa", "Amèrica del Nord"} <= regions
    assert Region.objects.get(locale__language_code="en", name="Africa").office.startswith(
        "African platform in Dakar"
    )
    barcelona = Organisation.objects.get(locale__language_code="ca", name="Ajuntament de Barcelona")
    assert barcelona.is_member and barcelona.country.code == "ES"
    assert Organisation.objects.filter(locale__language_code="en", kind="partner").exists()
    for language in ("en", "ca", "es"):
        assert NewsPage.objects.live().filter(locale__language_code=language).count() >= 3
    assert Revision.objects.exists() and PageLogEntry.objects.exists()
