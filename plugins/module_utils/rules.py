# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The platform's rules for modes, keys, site ids and signature algorithms.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit, urlunsplit

MODES = ("TEST", "PRODUCTION")
ALGOS = ("HMAC-SHA-256", "SHA-1")
DEFAULT_ALGO = "HMAC-SHA-256"

# Defaults the official shop plugins ship, meaning "never set".
PLACEHOLDER_KEYS = ("1111111111111111", "2222222222222222")

# The platform's keys are 16 letters and digits; longer ones are accepted for other gateways' keys.
KEY_MIN_LENGTH = 16
KEY_MAX_LENGTH = 64
_KEY_RE = re.compile(r"^[A-Za-z0-9]{%d,%d}$" % (KEY_MIN_LENGTH, KEY_MAX_LENGTH))
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_NOT_SPACE_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
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
    if _CONTROL_NOT_SPACE_RE.search(value):
        return None, "the key contains a control character (a NUL byte, an escape...)"
    key = value.strip()
    if not key:
        return None, "the key is empty"
    if re.search(r"\s", key):
        return None, "the key contains white space inside it (a paste error?)"
    if not _KEY_RE.match(key):
        bad = sorted(set(c for c in key if not c.isascii() or not c.isalnum()))
        if bad:
            return None, "the key contains characters other than letters and digits (%d kinds)" % len(bad)
        return None, ("the key is %d characters long; the platform's keys are %d letters or digits (%d to %d "
                      "accepted)" % (len(key), KEY_MIN_LENGTH, KEY_MIN_LENGTH, KEY_MAX_LENGTH))
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


# ---------------------------------------------------------------------------------------------- URLs
# Shared address space (RFC 6598, carrier-grade NAT): not reachable from the Internet, and not
# is_private in every Python version.
SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")


def mask_url(url):
    """A URL as safe to print: a password written into it is replaced by ********."""
    if not url or not isinstance(url, str):
        return url
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        password = None
        parts = None
    if parts is not None and password is not None:
        userinfo = parts.netloc.rsplit("@", 1)[0]
        user = userinfo.split(":", 1)[0]
        netloc = "%s:********@%s" % (user, parts.netloc.rsplit("@", 1)[1])
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    # Whatever the parser made of it, nothing between "//user:" and "@" is printed.
    return mask_passwords_in(url)


_URL_PASSWORD = re.compile(r"(//[^/@:\s]*:)(?!\*{8}@)[^/\s]*@")


def mask_passwords_in(text):
    """Any text (a message, a result) with the password of every URL in it replaced by ********."""
    if not isinstance(text, str) or "@" not in text:
        return text
    return _URL_PASSWORD.sub(r"\1********@", text)


def address_kind(address):
    """Why an IP address is not on the Internet ('private', 'shared', 'loopback'...), or None."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return None
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_unspecified:
        return "unspecified"
    if ip.version == 4 and ip in SHARED_ADDRESS_SPACE:
        return "shared address space (100.64.0.0/10)"
    if ip.is_private:
        return "private"
    if ip.is_multicast or ip.is_reserved:
        return "reserved"
    return None


def _scripts(label):
    out = set()
    for char in label:
        if char.isalpha():
            name = unicodedata.name(char, "")
            out.add(name.split(" ")[0] if name else "UNKNOWN")
    return out


def url_syntax_problems(url):
    """What makes a URL unsafe to register, whatever the mode: [] when none. Never quotes a password."""
    if _CONTROL_RE.search(url):
        return ["the URL contains a control character (a line break, CR LF, a NUL...): refused, it could inject "
                "a header or a second line"]
    problems = []
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        text = str(exc)
        if "port" in text.lower():
            return ["the URL's port is not a number from 1 to 65535"]
        return ["the URL cannot be parsed (%s)" % ("an unbalanced [ ] in the host" if "IPv6" in text else "bad syntax")]
    if port == 0:
        problems.append("the URL's port is not a number from 1 to 65535")
    host_part = parts.netloc.rsplit("@", 1)[-1]
    if any(c.isspace() for c in host_part):
        problems.append("the URL's host contains a space")
    host = (parts.hostname or "").rstrip(".")
    labels = host.split(".")
    if any(not c.isascii() for c in host):
        problems.append("the URL's host has non-ASCII characters (an internationalized name can imitate another "
                        "one): write its xn-- form if it really is your domain")
    else:
        for label in labels:
            if label.lower().startswith("xn--"):
                try:
                    decoded = label[4:].encode("ascii").decode("punycode")
                except (UnicodeError, ValueError):
                    problems.append("the URL's host has an invalid xn-- label")
                    break
                scripts = _scripts(decoded)
                if len(scripts) > 1 or (scripts & set(("CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE"))
                                        and any(_scripts(x) == set(["LATIN"]) for x in labels if x != label)):
                    problems.append("the URL's host %s mixes scripts (%s): a lookalike of another name"
                                    % (host, ", ".join(sorted(scripts))))
                    break
    return problems


# Site id the official plugins ship (PrestaShop PayzenTools, WooCommerce, Magento etc/config.xml): never set.
PLACEHOLDER_SITE_IDS = ("12345678",)


def site_id_placeholder_problem(site_id):
    """Why this site id cannot go to PRODUCTION (the plugins' placeholder), or None."""
    if site_id is not None and str(site_id).strip() in PLACEHOLDER_SITE_IDS:
        return "the site id is the plugins' placeholder %s, not the shop's own id" % str(site_id).strip()
    return None
