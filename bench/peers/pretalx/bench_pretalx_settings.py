"""pretalx's own settings for the peer benchmark, changed only where the brief says: no
Redis (its default cache and session store), so each process keeps its cache in memory
and sessions in the database. DEBUG, SQLite and the paths come from PRETALX_* variables
that bench.py sets."""

from pretalx.settings import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
