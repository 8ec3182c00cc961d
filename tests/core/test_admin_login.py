"""The admin login stops password guessing: per account name from one address, per
address, and per account name from anywhere; a stranger cannot lock a moderator out."""

import pytest
from django.contrib.auth.models import User

pytestmark = [pytest.mark.django_db, pytest.mark.cache]
PASSWORD = "a-long-test-password"


def sign_in(client, username, password, ip="203.0.113.7"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_five_failures_lock_the_account_there_even_for_the_right_password(client):
    User.objects.create_superuser("moderator", "m@example.org", PASSWORD)
    for _attempt in range(5):
        response = sign_in(client, "moderator", "guess")
        assert "didn&#x27;t match" in response.content.decode()
    response = sign_in(client, "Moderator", PASSWORD)  # the right one, any case
    assert response.status_code == 200
    assert "Too many failed sign-ins. Try again in" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked out by it.
    User.objects.create_superuser("editor", "e@example.org", PASSWORD)
    assert sign_in(client, "editor", PASSWORD).status_code == 302
    client.logout()
    # Nor is the moderator, at their own address: the guesser cannot lock them out.
    assert sign_in(client, "moderator", PASSWORD, ip="198.51.100.20").status_code == 302


def test_guessing_one_account_from_many_addresses_is_stopped(client, settings):
    settings.XARXA_LOGIN_FAILURES_PER_ACCOUNT = (6, 900)
    User.objects.create_superuser("moderator", "m@example.org", PASSWORD)
    for address in range(6):
        sign_in(client, "moderator", "guess", ip=f"198.51.100.{address}")
    response = sign_in(client, "moderator", PASSWORD, ip="192.0.2.1")
    assert "Too many failed sign-ins" in response.content.decode()


def test_one_address_trying_many_accounts_is_stopped(client, settings):
    settings.XARXA_LOGIN_FAILURES_PER_IP = (3, 900)
    for name in ("anna", "berta", "carles"):
        sign_in(client, name, "guess")
    response = sign_in(client, "dolors", "guess")
    assert "Too many failed sign-ins" in response.content.decode()
    User.objects.create_superuser("elena", "el@example.org", PASSWORD)
    assert sign_in(client, "elena", PASSWORD, ip="198.51.100.2").status_code == 302


def test_successful_sign_ins_do_not_count(client):
    User.objects.create_superuser("moderator", "m@example.org", PASSWORD)
    for _attempt in range(8):
        assert sign_in(client, "moderator", PASSWORD).status_code == 302
        client.logout()


def test_the_django_admin_login_is_no_way_around_it(client):
    User.objects.create_superuser("moderator", "m@example.org", PASSWORD)
    for _attempt in range(5):
        sign_in(client, "moderator", "guess")
    response = client.post(
        "/django-admin/login/",
        {"username": "moderator", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 200
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_moderator_still_signs_in_where_they_always_do(client, settings):
    """Guessing from many addresses locks the account name, but not at an address it
    has signed in from: a stranger cannot lock a moderator out."""
    settings.XARXA_LOGIN_FAILURES_PER_ACCOUNT = (6, 900)
    User.objects.create_superuser("moderator", "m@example.org", PASSWORD)
    assert sign_in(client, "moderator", PASSWORD, ip="192.0.2.10").status_code == 302
    client.logout()
    for address in range(6):
        sign_in(client, "moderator", "guess", ip=f"198.51.100.{address}")
    response = sign_in(client, "moderator", PASSWORD, ip="192.0.2.99")
    assert "Too many failed sign-ins" in response.content.decode()
    assert sign_in(client, "moderator", PASSWORD, ip="192.0.2.10").status_code == 302


def test_an_ipv6_guesser_cannot_change_address_within_its_64(client, settings):
    settings.XARXA_LOGIN_FAILURES_PER_IP = (3, 900)
    for n, name in enumerate(("anna", "berta", "carles")):
        sign_in(client, name, "guess", ip=f"2001:db8:1:2::{n + 1}")
    response = sign_in(client, "dolors", "guess", ip="2001:db8:1:2:ffff::9")
    assert "Too many failed sign-ins" in response.content.decode()
    User.objects.create_superuser("elena", "el@example.org", PASSWORD)
    assert sign_in(client, "elena", PASSWORD, ip="2001:db8:1:3::1").status_code == 302
