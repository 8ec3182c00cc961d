"""Settings for the real `db_worker` the crash drill starts: the test settings, on the test
run's PostgreSQL database, with the database task queue and the outbox-folder ESP."""

import os

import dj_database_url

from config.settings.test import *  # noqa: F403

DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "core.outbox_backend.EmailBackend"
EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
XARXA_NEWSLETTER_BATCH = int(os.environ["XARXA_NEWSLETTER_BATCH"])
XARXA_NEWSLETTER_LEASE = int(os.environ["XARXA_NEWSLETTER_LEASE"])
