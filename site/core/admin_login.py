"""The admin logins (Wagtail's and Django's) refuse to guess passwords for long.

Failed attempts are counted per account name and per address; over either limit the
form says how long to wait, and does not even try the password. A correct password
costs nothing against the limit.
"""

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from core import ratelimit


def _limits():
    return (
        ("admin-login-user", settings.XARXA_LOGIN_FAILURES_PER_ACCOUNT),
        ("admin-login-ip", settings.XARXA_LOGIN_FAILURES_PER_IP),
    )


class Throttled:
    """For any login form built on Django's AuthenticationForm."""

    def clean(self):
        identities = {
            "admin-login-user": (self.data.get("username") or "").strip().lower(),
            "admin-login-ip": ratelimit.client_ip(self.request) if self.request else None,
        }
        for scope, limit in _limits():
            wait = ratelimit.waiting(scope, identities[scope], limit)
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
    identities = {
        "admin-login-user": (credentials.get("username") or "").strip().lower(),
        "admin-login-ip": ratelimit.client_ip(request) if request else None,
    }
    for scope, limit in _limits():
        ratelimit.hit(scope, identities[scope], limit)
