"""Signed links that stand in for a login: confirming, the preference centre, unsubscribing.

Issues carry a personal link for every recipient, so the link has to be computable at send
time: it is an HMAC (under SECRET_KEY) of the subscriber's id and random key. Replacing the
key revokes every link at once; a database copy without SECRET_KEY forges none.
"""

import datetime
import functools
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare

from newsletter.models import Subscriber

#: How long a confirmation link works.
CONFIRMATION_MAX_AGE = datetime.timedelta(days=7)
_CONFIRM_SALT = "newsletter.confirm"


def new_key():
    return secrets.token_urlsafe(24)


@functools.cache
def _derived_key(secret):
    # The key django.utils.crypto.salted_hmac derives on every call: an issue makes 10,000
    # links under one secret, so it is derived once (the links are the same as before).
    return hashlib.sha1(f"newsletter.subscriber{secret}".encode()).digest()


def _mac(subscriber_id, key):
    message = f"{subscriber_id}:{key}".encode()
    return hmac.digest(_derived_key(settings.SECRET_KEY), message, "sha1").hex()[:32]


def subscriber_token(subscriber):
    return f"{subscriber.pk}-{_mac(subscriber.pk, subscriber.key)}"


def subscriber_for(token):
    """The subscriber a preference or unsubscribe token was made for, or None."""
    subscriber_id, _sep, mac = token.partition("-")
    if not (subscriber_id.isascii() and subscriber_id.isdigit()) or len(mac) != 32:
        return None
    subscriber = Subscriber.objects.filter(pk=int(subscriber_id)).first()
    if subscriber is None or not constant_time_compare(mac, _mac(subscriber.pk, subscriber.key)):
        return None
    return subscriber


def confirmation_token(subscriber):
    return signing.dumps([subscriber.pk, subscriber.key], salt=_CONFIRM_SALT, compress=True)


def confirming(token):
    """(subscriber, expired): expired is True for a genuine link older than seven days."""
    try:
        subscriber_id, key = signing.loads(token, salt=_CONFIRM_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired:
        return None, True
    except (signing.BadSignature, ValueError, TypeError):
        return None, False
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or not constant_time_compare(str(key), subscriber.key):
        return None, False
    return subscriber, False
