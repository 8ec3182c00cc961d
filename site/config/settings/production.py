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

# More than one web process needs a shared cache: rate limits count across all of them,
# and a page published through one process is fresh in all the others.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, os.environ.get("XARXA_PAGE_CACHE_REDIS_URL", "").strip())  # noqa: F405
# Without Redis each process would keep its own copies and miss the others' changes.
XARXA_PAGE_CACHE_SECONDS = int(
    os.environ.get("XARXA_PAGE_CACHE_SECONDS", "300" if REDIS_URL else "0")
)

# The task queue: rows in PostgreSQL drained by `db_worker` (default), or Redis drained
# by `rqworker --with-scheduler`. The code enqueues through django-tasks either way.
XARXA_TASK_BACKEND = os.environ.get("XARXA_TASK_BACKEND", "database").strip().lower()
if XARXA_TASK_BACKEND == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("XARXA_TASK_BACKEND=rq needs REDIS_URL; see the README.")
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]  # noqa: F405
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 15 * 60}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif XARXA_TASK_BACKEND != "database":
    raise ImproperlyConfigured(
        f"XARXA_TASK_BACKEND must be 'database' or 'rq', not {XARXA_TASK_BACKEND!r}."
    )

# A host that serves the images: a CDN or the bucket's domain, or, without S3, a web
# server with MEDIA_ROOT as its root. A bare host name is reached over https.
_media_domain = os.environ.get("XARXA_MEDIA_DOMAIN", "").strip().rstrip("/")
_media_origin = None
if _media_domain:
    _media_origin = _media_domain if "://" in _media_domain else f"https://{_media_domain}"
_media_scheme, _, _media_host = (_media_origin or "").partition("://")
#: Hosts the images are linked at, for the Content-Security-Policy.
_media_sources = [_media_origin] if _media_origin else []

# Media on S3-compatible storage. Keys come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, as boto3 reads them. Documents still go through Wagtail's view
# (WAGTAILDOCS_SERVE_METHOD), which adds its `default-src 'none'` policy.
if bucket := os.environ.get("XARXA_S3_BUCKET", "").strip():
    _endpoint = os.environ.get("XARXA_S3_ENDPOINT_URL", "").strip().rstrip("/")
    _region = os.environ.get("XARXA_S3_REGION", "").strip()
    STORAGES = {
        **STORAGES,  # noqa: F405
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": _endpoint or None,
                "region_name": _region or None,
                "custom_domain": _media_host or None,
                "url_protocol": f"{_media_scheme or 'https'}:",
                "file_overwrite": False,
                "querystring_auth": False,
                "default_acl": None,
            },
        },
    }

    if not _media_origin:
        # Images are linked at the bucket itself: path-style on the endpoint, or the
        # bucket's own host name (AWS, and endpoints with virtual-hosted buckets).
        if _endpoint:
            _scheme, _, _host = _endpoint.partition("://")
            _media_sources = [_endpoint, f"{_scheme}://{bucket}.{_host.split('/')[0]}"]
        else:
            _media_sources = [f"https://{bucket}.s3.amazonaws.com"]
            if _region:
                _media_sources.append(f"https://{bucket}.s3.{_region}.amazonaws.com")
elif _media_origin:
    MEDIA_URL = f"{_media_origin}/"
if _media_sources:
    # The browser blocks images from another host unless the policy names it.
    CONTENT_SECURITY_POLICY = copy.deepcopy(CONTENT_SECURITY_POLICY)  # noqa: F405
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] += _media_sources

# A CDN or caching proxy in front: Wagtail purges a page's URL (each language's page has
# its own) when it is published, unpublished or moved.
_frontend_cache = None
if purge := os.environ.get("XARXA_CACHE_PURGE_URL", "").strip():
    _frontend_cache = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": purge,
    }
elif zone := os.environ.get("XARXA_CLOUDFLARE_ZONE_ID", "").strip():
    _frontend_cache = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": zone,
        "BEARER_TOKEN": require("XARXA_CLOUDFLARE_TOKEN"),
    }
elif distribution := os.environ.get("XARXA_CLOUDFRONT_DISTRIBUTION_ID", "").strip():
    _frontend_cache = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": distribution,
    }
if _frontend_cache:
    WAGTAILFRONTENDCACHE = {"cdn": _frontend_cache}

# TLS ends at the proxy in front of gunicorn, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# That proxy appends the client to X-Forwarded-For: without counting it every visitor
# would be the proxy's 127.0.0.1 (one rate limit for the whole site, and in every
# consent record).
XARXA_PROXY_HOPS = int(os.environ.get("XARXA_PROXY_HOPS", "1"))
SECURE_SSL_REDIRECT = True
# A balancer probes gunicorn over plain HTTP: the probe must reach /healthz, not a 301.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# One JSON object per line on stderr, for journald or the platform's log collector.
LOGGING = copy.deepcopy(LOGGING)  # noqa: F405  (base's dict stays as it is)
LOGGING["handlers"]["console"]["formatter"] = "json"
