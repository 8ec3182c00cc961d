"""Production: every secret and host-specific value comes from the environment.

A missing required variable stops start-up with a message that names it.
"""

import copy
import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def require(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production; "
            "see 'Configuration' in the README."
        )
    return value


def split_list(value):
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = False
SECRET_KEY = require("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = split_list(require("DJANGO_ALLOWED_HOSTS"))
CSRF_TRUSTED_ORIGINS = split_list(require("DJANGO_CSRF_TRUSTED_ORIGINS"))
DATABASES = {"default": dj_database_url.parse(require("DATABASE_URL"), conn_max_age=60)}
XARXA_BASE_URL = require("XARXA_BASE_URL").rstrip("/")
WAGTAILADMIN_BASE_URL = XARXA_BASE_URL
WAGTAILAPI_BASE_URL = XARXA_BASE_URL
DEFAULT_FROM_EMAIL = require("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Without an engine configured, the editor offers no machine translation at all.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(allow_dummy=False)  # noqa: F405

# Any anymail ESP: ANYMAIL_ESP=mailgun takes MAILGUN_API_KEY, MAILGUN_SENDER_DOMAIN, ...
ANYMAIL_ESP = require("ANYMAIL_ESP").lower()
EMAIL_BACKEND = f"anymail.backends.{ANYMAIL_ESP}.EmailBackend"
_esp_prefix = ANYMAIL_ESP.upper() + "_"
ANYMAIL = {key: value for key, value in os.environ.items() if key.startswith(_esp_prefix)}
# "user:password" the ESP's tracking webhooks send as basic auth to /anymail/<esp>/tracking/;
# ESPs that sign their webhooks are checked too (e.g. MAILGUN_WEBHOOK_SIGNING_KEY above).
ANYMAIL["WEBHOOK_SECRET"] = require("ANYMAIL_WEBHOOK_SECRET")

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }

# TLS ends at the proxy in front of gunicorn, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# One JSON object per line on stderr, for journald or the platform's log collector.
LOGGING = copy.deepcopy(LOGGING)  # noqa: F405  (base's dict stays as it is)
LOGGING["handlers"]["console"]["formatter"] = "json"
