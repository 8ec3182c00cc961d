"""Tests: fast hashing, tasks run at once, mail captured by anymail's test backend.

DATABASE_URL switches the suite to PostgreSQL (make test does this for its second pass).
"""

import copy
import os

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# make test's Redis pass: the caches (rate limits, health, pages) on a real Redis server, and
# RQ queues the `redis` tests send tasks through.
if REDIS_URL := os.environ.get("XARXA_TEST_REDIS_URL"):
    # Page copies in the next database: the page-cache tests empty theirs (FLUSHDB).
    CACHES = redis_caches(REDIS_URL, pages_url=REDIS_URL.rsplit("/", 1)[0] + "/1")  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]  # noqa: F405
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}
EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
ANYMAIL = {"WEBHOOK_SECRET": "xarxa:test-webhook-secret"}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
XARXA_BASE_URL = WAGTAILADMIN_BASE_URL

# The site's handlers, which redact, only quieter.
LOGGING = copy.deepcopy(LOGGING)  # noqa: F405
LOGGING["root"]["level"] = "WARNING"
LOGGING["loggers"]["django"]["level"] = "WARNING"
LOGGING["loggers"]["django.server"]["level"] = "WARNING"
