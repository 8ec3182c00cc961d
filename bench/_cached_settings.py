"""The test settings with the caches production runs when it has Redis: django-redis on
the redis-server the bench starts (settings.base.redis_caches, page copies in a database
of their own) and the page cache on for production's default 300 seconds.

Shared by the bench process, whose edits start the page cache's new generation, and the
gunicorn workers it starts, which serve the copies.
"""

import os

from config.settings.test import *  # noqa: F403

_redis = os.environ["XARXA_BENCH_REDIS_URL"]
CACHES = redis_caches(_redis, pages_url=_redis.rsplit("/", 1)[0] + "/1")  # noqa: F405
XARXA_PAGE_CACHE_SECONDS = 300
