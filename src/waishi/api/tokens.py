"""Making and checking token strings. A token is ``wst_<prefix>_<secret>``."""

import hashlib
import hmac
import secrets

TOKEN_PREFIX = "wst_"
PREFIX_BYTES = 5
SECRET_BYTES = 32


def hash_token(token: str) -> str:
    """SHA-256 of the whole token. The secret has 256 random bits, so no salt is needed."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh ``(prefix, token)``; the prefix is the public part shown in lists."""
    prefix = TOKEN_PREFIX + secrets.token_hex(PREFIX_BYTES)
    return prefix, f"{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"


def split_token(token: str) -> str | None:
    """The prefix of a well-formed token, else ``None`` (the secret may itself contain ``_``)."""
    cut = len(TOKEN_PREFIX) + 2 * PREFIX_BYTES
    if not token.startswith(TOKEN_PREFIX) or not cut + 1 < len(token) <= 200:
        return None
    if token[cut] != "_":
        return None
    return token[:cut]


def matches(token: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_token(token), stored_hash)
