import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_a_chosen_password_retires_the_generated_one(demo, tmp_path, settings, monkeypatch):
    """Before the fix the file kept the generated password after XARXA_ADMIN_PASSWORD had
    replaced it, and the next run without the variable printed it as 'Admin password'
    though it no longer signed in."""
    from django.contrib.auth import authenticate
    from django.contrib.auth.models import User

    settings.VAR_DIR = tmp_path
    User.objects.filter(username="admin").delete()
    out = tmp_path / "out.txt"
    call_command("load_demo", stdout=out.open("w"))
    generated = (tmp_path / "demo-admin-password").read_text().strip()

    monkeypatch.setenv("XARXA_ADMIN_PASSWORD", "cascais-2013-delegates")
    call_command("load_demo", stdout=out.open("w"))
    monkeypatch.delenv("XARXA_ADMIN_PASSWORD")
    call_command("load_demo", stdout=out.open("w"))

    printed = out.read_text()
    assert generated not in printed
    assert "Admin password unchanged" in printed
    assert authenticate(username="admin", password="cascais-2013-delegates") is not None
