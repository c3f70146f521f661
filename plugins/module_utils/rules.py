# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The platform's rules for modes, keys, site ids and signature algorithms.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import hashlib
import re

MODES = ("TEST", "PRODUCTION")
ALGOS = ("HMAC-SHA-256", "SHA-1")
DEFAULT_ALGO = "HMAC-SHA-256"

# Defaults the official shop plugins ship, meaning "never set".
PLACEHOLDER_KEYS = ("1111111111111111", "2222222222222222")

_KEY_RE = re.compile(r"^[A-Za-z0-9]{8,64}$")
_SITE_ID_RE = re.compile(r"^[0-9]{8}$")
_ALGO_SPELLINGS = {
    "HMAC-SHA-256": "HMAC-SHA-256",
    "HMAC-SHA256": "HMAC-SHA-256",
    "HMAC_SHA_256": "HMAC-SHA-256",
    "SHA-256": "HMAC-SHA-256",
    "SHA256": "HMAC-SHA-256",
    "SHA-1": "SHA-1",
    "SHA1": "SHA-1",
}


def fingerprint(key):
    """A short, non-reversible name for a key: safe to print, stable across runs."""
    if key is None or not key.strip():
        return None  # unset: never the fingerprint of the empty string
    return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]


def mode_problem(mode):
    """None when mode is exactly TEST or PRODUCTION, else a sentence saying why not."""
    if mode in MODES:
        return None
    hint = ""
    if isinstance(mode, str) and mode.strip().upper() in ("PROD", "PRODUCTION", "LIVE"):
        hint = " (the gateway rejects any other spelling with error 11)"
    return "mode %r is not allowed: use exactly one of %s%s" % (mode, ", ".join(MODES), hint)


def clean_key(value):
    """Return (key, problem). Surrounding white space is trimmed; the problem never quotes the key."""
    if value is None:
        return None, "no key was given"
    if not isinstance(value, str):
        value = str(value)
    key = value.strip()
    if not key:
        return None, "the key is empty"
    if re.search(r"\s", key):
        return None, "the key contains white space inside it (a paste error?)"
    if not _KEY_RE.match(key):
        bad = sorted(set(c for c in key if not c.isascii() or not c.isalnum()))
        if bad:
            return None, "the key contains characters other than letters and digits (%d kinds)" % len(bad)
        return None, "the key is %d characters long; keys are 8 to 64 letters or digits" % len(key)
    return key, None


def is_placeholder(key):
    """Plugin defaults, or one character repeated: nobody generated that key."""
    return key in PLACEHOLDER_KEYS or (len(key) > 0 and len(set(key)) == 1)


def production_key_problem(key_prod, key_test):
    """Why this production key cannot sign PRODUCTION forms, or None."""
    if key_prod is None or key_prod == "":
        return "the production key is missing"
    key, problem = clean_key(key_prod)
    if problem:
        return "the production key is malformed: " + problem
    if key != key_prod:
        return "the production key has surrounding white space"
    if is_placeholder(key):
        return "the production key is a placeholder (%s), not a generated key" % fingerprint(key)
    if key_test is not None and key == key_test.strip():
        return "the production key is the same as the test key"
    return None


def test_key_problem(key_test):
    if key_test is None or key_test == "":
        return "the test key is missing"
    key, problem = clean_key(key_test)
    if problem:
        return "the test key is malformed: " + problem
    if key != key_test:
        return "the test key has surrounding white space"
    return None


def site_id_problem(site_id):
    if site_id is None or site_id == "":
        return "the site id is missing"
    if not _SITE_ID_RE.match(str(site_id)):
        return "the site id %r is not exactly 8 digits" % (site_id,)
    return None


def normalize_algo(value):
    """Map the spellings merchant software uses to HMAC-SHA-256 or SHA-1 (None when unknown).

    A missing value means the plugins' default, HMAC-SHA-256.
    """
    if value is None or str(value).strip() == "":
        return DEFAULT_ALGO
    return _ALGO_SPELLINGS.get(str(value).strip().upper())
