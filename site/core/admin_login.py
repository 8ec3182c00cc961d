"""The admin logins (Wagtail's and Django's) refuse to guess passwords for long.

Failed attempts are counted three ways; over any limit the form says how long to wait,
and does not even try the password. A correct password costs nothing against them.

- one account name from one address (5): someone guessing a moderator's password;
- one address, any account (20): someone trying many names;
- one account name from anywhere (100): guessing spread over many addresses. It is
  high, and it does not apply at an address the account has signed in from in the
  last 30 days, so a stranger who knows a moderator's name cannot lock them out.

An address is an IPv4 address or an IPv6 /64 (core.ratelimit.network).
"""

import hashlib

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from core import ratelimit

KNOWN_FOR = 30 * 24 * 60 * 60


def _account(username):
    return (username or "").strip().lower()


def _address(request):
    return ratelimit.network(ratelimit.client_ip(request)) if request else None


def _known_key(account, address):
    # Hashed, as the counters are: the cache holds no account name or address in clear.
    digest = hashlib.sha256(f"admin-login-known:{account} {address}".encode()).hexdigest()
    return f"admin-login-known:{digest[:32]}"


def _limits(username, request):
    """(scope, identity, limit) for each count a failed sign-in adds to."""
    account, address = _account(username), _address(request)
    return (
        ("admin-login-user-ip", f"{account} {address}" if address else None,
         settings.XARXA_LOGIN_FAILURES_PER_ACCOUNT_AND_IP),
        ("admin-login-ip", address, settings.XARXA_LOGIN_FAILURES_PER_IP),
        ("admin-login-user", account, settings.XARXA_LOGIN_FAILURES_PER_ACCOUNT),
    )  # fmt: skip


class Throttled:
    """For any login form built on Django's AuthenticationForm."""

    def clean(self):
        account, address = _account(self.data.get("username")), _address(self.request)
        known = address is not None and cache.get(_known_key(account, address)) is not None
        for scope, identity, limit in _limits(self.data.get("username"), self.request):
            if scope == "admin-login-user" and known:
                continue  # the account's own usual place is not locked by strangers
            wait = ratelimit.waiting(scope, identity, limit)
            if wait:
                raise ValidationError(
                    _("Too many failed sign-ins. Try again in %(minutes)s minutes."),
                    code="throttled",
                    params={"minutes": wait},
                )
        return super().clean()


class ThrottledLoginForm(Throttled, LoginForm):
    """Wagtail's admin login (WAGTAILADMIN_USER_LOGIN_FORM)."""


class ThrottledDjangoAdminLoginForm(Throttled, AdminAuthenticationForm):
    """Django's admin login at /django-admin/, which must not be a way around the limit."""


@receiver(user_login_failed, dispatch_uid="count-failed-admin-logins")
def count_failure(sender, credentials, request=None, **kwargs):
    for scope, identity, limit in _limits(credentials.get("username"), request):
        ratelimit.hit(scope, identity, limit)


@receiver(user_logged_in, dispatch_uid="remember-admin-sign-in-addresses")
def remember_address(sender, request, user, **kwargs):
    address = _address(request)
    if address is not None:
        cache.set(_known_key(_account(user.get_username()), address), 1, timeout=KNOWN_FOR)
