"""Fixed-window attempt counters in the cache, for public forms that send email."""

import hashlib
import math
import time

from django.core.cache import cache


def _key(scope, value, window):
    bucket = int(time.time() // window)
    # Hashed: the cache (Redis in production) holds no email addresses or IPs in clear.
    digest = hashlib.sha256(f"{scope}:{value}".encode()).hexdigest()[:32]
    return f"ratelimit:{digest}:{bucket}", window - time.time() % window


def hit(scope, value, limit):
    """Count an attempt. Returns None when allowed, or the minutes to wait."""
    count, window = limit
    if not count or not value:
        return None
    key, remaining = _key(scope, value, window)
    cache.add(key, 0, timeout=int(remaining) + 1)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=int(remaining) + 1)
        attempts = 1
    if attempts > count:
        return max(1, math.ceil(remaining / 60))
    return None
