"""Keys and primitives for personal data: AES-256-GCM encryption and an HMAC blind index.

Keys come from settings, read on each use (never at import time):

``WAISHI_PII_KEYS``
    A list of ``"<key id>:<base64 of 32 random bytes>"``. The first key encrypts; every key
    in the list decrypts, so a new key is rotated in by putting it first and running
    ``waishi rotate_pii_keys``; an old key may be removed once nothing uses it.
``WAISHI_PII_INDEX_KEY``
    Base64 of 32 random bytes, the HMAC key of the blind index. Changing it needs
    ``waishi rotate_pii_keys --reindex``.

When a setting is empty (development and tests), the key is derived from ``SECRET_KEY``
with HKDF under the key id ``dev``; ``manage.py check --deploy`` warns about it.

A stored value reads ``pii1$<key id>$<base64url(nonce ‖ ciphertext ‖ tag)>``. The header is
authenticated as associated data, so it cannot be altered to point at another key.
"""

import base64
import binascii
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "pii1"
SEPARATOR = "$"
DEV_KEY_ID = "dev"
NONCE_BYTES = 12
KEY_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


class DecryptionError(Exception):
    """A stored value could not be decrypted (unknown key id, tampered or not ours)."""


@dataclass(frozen=True)
class KeyRing:
    current_id: str
    keys: dict[str, AESGCM]


def _derive(secret: str, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(
        secret.encode()
    )


def _decode_key(text: str, what: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except binascii.Error as error:
        raise ImproperlyConfigured(f"{what} is not valid base64") from error
    if len(key) != 32:
        raise ImproperlyConfigured(f"{what} must be 32 bytes (AES-256), got {len(key)}")
    return key


@lru_cache(maxsize=8)
def _ring(entries: tuple[str, ...], secret_key: str) -> KeyRing:
    if not entries:
        key = _derive(secret_key, b"waishi-pii-encryption")
        return KeyRing(DEV_KEY_ID, {DEV_KEY_ID: AESGCM(key)})
    keys: dict[str, AESGCM] = {}
    for entry in entries:
        key_id, sep, material = entry.partition(":")
        if not sep or not KEY_ID_PATTERN.match(key_id):
            raise ImproperlyConfigured(
                "WAISHI_PII_KEYS entries are '<key id>:<base64 key>' with a key id of "
                "letters, digits, '-' or '_'"
            )
        if key_id in keys:
            raise ImproperlyConfigured(f"WAISHI_PII_KEYS names key id {key_id!r} twice")
        keys[key_id] = AESGCM(_decode_key(material, f"WAISHI_PII_KEYS[{key_id}]"))
    return KeyRing(entries[0].partition(":")[0], keys)


def key_ring() -> KeyRing:
    """The configured keys; the first is the one that encrypts."""
    entries = getattr(settings, "WAISHI_PII_KEYS", None) or []
    return _ring(tuple(entries), settings.SECRET_KEY)


@lru_cache(maxsize=8)
def _index_key(configured: str, secret_key: str) -> bytes:
    if not configured:
        return _derive(secret_key, b"waishi-pii-blind-index")
    return _decode_key(configured, "WAISHI_PII_INDEX_KEY")


def index_key() -> bytes:
    return _index_key(getattr(settings, "WAISHI_PII_INDEX_KEY", "") or "", settings.SECRET_KEY)


def keys_are_derived() -> bool:
    """True when either key still comes from SECRET_KEY (fine for development only)."""
    return not getattr(settings, "WAISHI_PII_KEYS", None) or not getattr(
        settings, "WAISHI_PII_INDEX_KEY", ""
    )


def new_key() -> str:
    """A fresh random key in the base64 form the settings expect."""
    return base64.b64encode(os.urandom(32)).decode()


def _header(key_id: str) -> str:
    return f"{PREFIX}{SEPARATOR}{key_id}{SEPARATOR}"


def encrypt(plaintext: str) -> str:
    """Encrypt with the current key and a fresh random nonce."""
    ring = key_ring()
    header = _header(ring.current_id)
    nonce = os.urandom(NONCE_BYTES)
    sealed = ring.keys[ring.current_id].encrypt(nonce, plaintext.encode(), header.encode())
    return header + base64.urlsafe_b64encode(nonce + sealed).decode().rstrip("=")


def is_encrypted(value: str) -> bool:
    return value.startswith(PREFIX + SEPARATOR)


def key_id_of(stored: str) -> str | None:
    """The key id a stored value was encrypted under (None for anything else)."""
    if not is_encrypted(stored):
        return None
    parts = stored.split(SEPARATOR)
    return parts[1] if len(parts) == 3 else None


def decrypt(stored: str) -> str:
    """Decrypt a value written by ``encrypt`` under any configured key."""
    parts = stored.split(SEPARATOR)
    if len(parts) != 3 or parts[0] != PREFIX:
        raise DecryptionError("not an encrypted value")
    key_id, body = parts[1], parts[2]
    key = key_ring().keys.get(key_id)
    if key is None:
        raise DecryptionError(f"no key with id {key_id!r} is configured")
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        plain = key.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], _header(key_id).encode())
    except (InvalidTag, ValueError, binascii.Error) as error:
        raise DecryptionError("the value does not decrypt under its key") from error
    return plain.decode()


def normalise_for_index(value: str) -> str:
    """Upper case without white space or hyphens: how a number is compared for exact search.

    "441202 19900101 123x" and "44120219900101123X" are the same ID number; "138-1234-5678"
    and "13812345678" the same phone.
    """
    return "".join(value.split()).replace("-", "").upper()


def blind_index(value: str, *, scope: str) -> str:
    """HMAC-SHA256 of the normalised value, separated by ``scope`` (e.g. ``id``, ``phone``).

    Equal numbers give equal digests, so the digest column answers exact-match searches
    without the database ever holding the number itself.
    """
    message = f"{scope}\x00{normalise_for_index(value)}".encode()
    return hmac.new(index_key(), message, hashlib.sha256).hexdigest()
