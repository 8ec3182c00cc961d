"""Settings for bench/registration.py: the test settings, on PostgreSQL, with the floor's URL.

Shared by the bench process (migrate, demo, checks) and the gunicorn workers, so both see
the same database and code paths.
"""

import os

import dj_database_url

from config.settings.test import *  # noqa: F403

# Required, never a silent fall-back to SQLite; persistent connections as in production
# (conn_max_age=60), so each request does not pay a PostgreSQL connect, floor included.
DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
ROOT_URLCONF = "_registration_urls"
# Production's queue, not the test settings' ImmediateBackend: a request queues its email
# (one row) and the worker, not running here, delivers it, so no request waits on delivery.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Production's caches on Redis, when the bench gives one: production runs more than one
# web process, so it has REDIS_URL, and with it the page cache (which also keeps the
# routes Wagtail found, so a POST skips the walk down the page tree).
if BENCH_REDIS_URL := os.environ.get("XARXA_BENCH_REDIS_URL"):
    CACHES = redis_caches(BENCH_REDIS_URL)  # noqa: F405

# The test settings leave the root logger without handlers; print warnings and errors
# (a 500's traceback among them) to stderr, which is gunicorn's log.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
