"""Secrets for links that stand in for a login: confirmation and manage links, personal feeds.

A token is 128 random bits followed by an HMAC of them under SECRET_KEY and a purpose,
both base64url, so it is one URL path segment that Wagtail's page routes accept. Only
the SHA-256 of the random part is stored, so a database leak gives no working link; a
tampered token is refused before any query. Revoking is replacing the stored hash.
"""

import base64
import hashlib
import secrets

from django.utils.crypto import constant_time_compare, salted_hmac

SECRET_LENGTH = 22  # 16 bytes in unpadded base64url


def _b64(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _mac(secret, purpose):
    return _b64(salted_hmac(purpose, secret, algorithm="sha256").digest()[:16])


def digest(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def issue(purpose):
    """(token for the link, hash to store)."""
    secret = _b64(secrets.token_bytes(16))
    return secret + _mac(secret, purpose), digest(secret)


def hash_of(token, purpose):
    """The stored hash a token stands for, or None when it was not made by us."""
    secret, mac = token[:SECRET_LENGTH], token[SECRET_LENGTH:]
    if len(secret) != SECRET_LENGTH or not constant_time_compare(mac, _mac(secret, purpose)):
        return None
    return digest(secret)
