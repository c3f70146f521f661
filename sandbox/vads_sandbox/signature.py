"""Signature of vads_* forms and notifications, as the platform computes it.

Written independently of the collection's own implementation on purpose: the sandbox plays the
gateway, so a shared bug would hide itself.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Iterable, Mapping, Tuple, Union

HMAC_SHA_256 = "HMAC-SHA-256"
SHA_1 = "SHA-1"
ALGORITHMS = (HMAC_SHA_256, SHA_1)

# Spellings seen in merchant software, mapped to the two real algorithms.
_ALIASES = {
    "HMAC-SHA-256": HMAC_SHA_256,
    "HMAC-SHA256": HMAC_SHA_256,
    "HMAC_SHA_256": HMAC_SHA_256,
    "SHA-256": HMAC_SHA_256,
    "SHA256": HMAC_SHA_256,
    "SHA-1": SHA_1,
    "SHA1": SHA_1,
}

Fields = Union[Mapping[str, str], Iterable[Tuple[str, str]]]


def normalize_algorithm(name: str) -> str:
    """Return the canonical algorithm name or raise ValueError."""
    try:
        return _ALIASES[name.strip().upper()]
    except KeyError:
        raise ValueError(f"unknown signature algorithm {name!r}; use HMAC-SHA-256 or SHA-1") from None


def signing_string(fields: Fields, key: str) -> str:
    """vads_* values sorted by field name, joined by '+', then '+' and the key."""
    items = fields.items() if isinstance(fields, Mapping) else fields
    vads = sorted((k, v) for k, v in items if k.startswith("vads_"))
    return "+".join([v for _, v in vads] + [key])


def compute(fields: Fields, key: str, algorithm: str = HMAC_SHA_256) -> str:
    algo = normalize_algorithm(algorithm)
    message = signing_string(fields, key).encode("utf-8")
    if algo == HMAC_SHA_256:
        digest = hmac.new(key.encode("utf-8"), message, hashlib.sha256).digest()
        return base64.b64encode(digest).decode("ascii")
    return hashlib.sha1(message).hexdigest()


def verify(fields: Fields, key: str, algorithm: str, signature: str) -> bool:
    # Constant-time compare: the sandbox should not teach timing-leaky habits.
    return hmac.compare_digest(compute(fields, key, algorithm).encode(), (signature or "").encode())
