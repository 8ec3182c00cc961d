"""The admin logins (Wagtail's and Django's) refuse to guess passwords for long.

Failed attempts are counted three ways; over any limit the form says how long to wait,
and does not even try the password. A correct password costs nothing against them.

- one account name from one address (5): someone guessing a moderator's password;
- one address, any account (20): someone trying many names;
- one account name from anywhere (100): guessing spread over many addresses. It is
  high so that a stranger who knows a moderator's name cannot lock them out with a
  few wrong passwords, which a per-account limit of 5 allowed.
"""

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from core import ratelimit


def _limits(username, request):
    """(scope, identity, limit) for each count a failed sign-in adds to."""
    account = (username or "").strip().lower()
    address = ratelimit.client_ip(request) if request else None
    return (
        ("admin-login-user-ip", f"{account} {address}" if address else None,
         settings.XARXA_LOGIN_FAILURES_PER_ACCOUNT_AND_IP),
        ("admin-login-ip", address, settings.XARXA_LOGIN_FAILURES_PER_IP),
        ("admin-login-user", account, settings.XARXA_LOGIN_FAILURES_PER_ACCOUNT),
    )  # fmt: skip


class Throttled:
    """For any login form built on Django's AuthenticationForm."""

    def clean(self):
        for scope, identity, limit in _limits(self.data.get("username"), self.request):
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
