# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Signature of a payment form or a notification, as the gateway computes it.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from ansible_collections.vads.shop.plugins.module_utils.rules import normalize_algo


class SignatureError(ValueError):
    pass


def signed_string(fields, key):
    """vads_* values sorted by field name, joined with '+', then '+' and the key."""
    names = sorted(name for name in fields if str(name).startswith("vads_"))
    values = ["" if fields[name] is None else str(fields[name]) for name in names]
    return "+".join(values + [key])


def sign(fields, key, algo="HMAC-SHA-256"):
    """The `signature` field for these form fields; only vads_* fields count."""
    normalized = normalize_algo(algo)
    if normalized is None:
        raise SignatureError("unknown signature algorithm %r: use HMAC-SHA-256 or SHA-1" % (algo,))
    if not key:
        raise SignatureError("no key to sign with")
    message = signed_string(fields, key).encode("utf-8")
    if normalized == "SHA-1":
        return hashlib.sha1(message).hexdigest()
    digest = hmac.new(key.encode("utf-8"), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def verify(fields, key, algo="HMAC-SHA-256"):
    """True when fields['signature'] matches; compared in constant time."""
    given = fields.get("signature") or ""
    return hmac.compare_digest(str(given), sign(fields, key, algo))
