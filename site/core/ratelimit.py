"""Fixed-window attempt counters in the cache, for public forms that send email."""

import hashlib
import ipaddress
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _


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


def network(ip):
    """What a per-address limit counts: the address itself for IPv4, its /64 for IPv6,
    since one IPv6 subscriber is usually given a whole /64 to pick addresses from."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip or None
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def refuse_form(form, scope, *, ip, email):
    """For a public form that sends email: count the attempt, and when a limit is reached
    put the wait on the form. Returns True when refused.

    Every POST counts against the client's address, so a script hammering the form is
    stopped; its limit leaves room for a venue or city hall full of delegates. Only a
    submission without form errors counts against the email address, as only that one
    can send it anything: a delegate correcting their mistakes is not an abuser."""
    per_email = settings.XARXA_RATE_LIMIT_PER_EMAIL
    wait = hit(f"{scope}-ip", network(ip), settings.XARXA_RATE_LIMIT_PER_IP)
    wait = wait or waiting(f"{scope}-email", email, per_email)
    if not wait and form.is_valid():
        wait = hit(f"{scope}-email", email, per_email)
    if not wait:
        return False
    form.is_valid()
    form.add_error(
        None, _("Too many attempts. Try again in %(minutes)s minutes.") % {"minutes": wait}
    )
    # For the page (includes/form_errors.html): a refusal is no mistake to correct, and
    # the reader is told how long to wait with what they typed kept.
    form.throttled_minutes = wait
    return True


def client_ip(request):
    """The visitor's address, for consent records and rate limits.

    Behind XARXA_PROXY_HOPS trusted proxies it is that many entries from the right of
    X-Forwarded-For; the entries further left are whatever the client sent."""
    hops = settings.XARXA_PROXY_HOPS
    if hops:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        if len(forwarded) >= hops and forwarded[-hops]:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR") or None


def waiting(scope, value, limit):
    """Minutes to wait if `value` is already over its limit in `scope`; counts nothing."""
    count, window = limit
    if not count or not value:
        return None
    key, remaining = _key(scope, value, window)
    if (cache.get(key) or 0) >= count:
        return max(1, math.ceil(remaining / 60))
    return None
