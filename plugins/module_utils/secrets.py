# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The ``secrets`` option: every shop's keys and passwords in one no_log value, scrubbed here.

Why: ansible-core masks each ``no_log`` value in every string a module returns or logs, one
``str.replace`` per value and string. A call carrying one key per shop therefore costs
O(shops x output), i.e. O(shops^2): at 1,000 shops that masking was half of the module's time.
With the keys in one bundle (one no_log value for ansible-core), the module masks the individual
values itself, in one pass over its output with set look-ups: linear in the output.

The bundle maps each shop's name to its secret options, for example
``{"lyon": {"value": "..."}}`` (a dict option, such as the three REST API keys, maps its sub-options
to strings), encoded by the ``vads.shop.secrets`` filter as an opaque string (so
that no templating engine turns it back into a dict, which ansible-core would then mask value by
value). Plain JSON text is accepted too.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import base64
import binascii
import json
import re

PREFIX = "vads-secrets:v1:"
MASK = "********"
WHOLE = "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"  # what ansible-core shows for a whole no_log value

SECRETS_OPTION = {"type": "str", "no_log": True}


class SecretsError(ValueError):
    """A malformed bundle; the message never quotes a value."""


def encode(mapping):
    """The opaque text of a bundle {shop name: {option: value}}."""
    text = json.dumps(mapping, sort_keys=True, separators=(",", ":"))
    return PREFIX + base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii")


def decode(text, allowed=None):
    """{shop name: {option: value}} from the bundle's text; SecretsError naming what is wrong.

    allowed: the secret options of the module (secret_options()): any other is refused, and each value
    must have its option's form (a string, or for a dict option a dict of its sub-options' strings).
    """
    if text is None or text == "":
        return {}
    if not isinstance(text, str):
        raise SecretsError("secrets must be the text made by the vads.shop.secrets filter (or JSON text), "
                           "not a %s" % type(text).__name__)
    if text.startswith(PREFIX):
        try:
            raw = base64.b64decode(text[len(PREFIX):].encode("ascii"), altchars=b"-_", validate=True).decode("utf-8")
        except (binascii.Error, ValueError, UnicodeError):
            raise SecretsError("secrets is not a valid bundle (damaged base64 after %r)" % PREFIX)
    else:
        raw = text
    try:
        data = json.loads(raw)
    except ValueError:
        raise SecretsError("secrets must be the text made by the vads.shop.secrets filter or a JSON object "
                           "{shop name: {option: value}}")
    if not isinstance(data, dict):
        raise SecretsError("secrets must map each shop's name to its secret options")
    out = {}
    for name, options in data.items():
        if not isinstance(options, dict):
            raise SecretsError("secrets[%r] must be a dict of options" % (name,))
        clean = {}
        for option, value in options.items():
            if allowed is not None and option not in allowed:
                raise SecretsError("secrets[%r] gives %r, which is not a secret option of this module (%s)"
                                   % (name, option, ", ".join(sorted(allowed)) or "none"))
            if value is None:
                continue
            parts = allowed.get(option) if isinstance(allowed, dict) else None
            value = _in_form(name, option, value, parts, checked=allowed is not None)
            clean[option] = value
        out[str(name)] = clean
    return out


def _in_form(name, option, value, parts, checked):
    """value as its option takes it: a string or, for a dict option (parts: its keys), a dict of strings.
    Unchecked (the module checked the bundle already), a dict is taken as it is."""
    if isinstance(value, dict) and (parts or not checked):
        unknown = sorted(set(value) - set(parts or value))
        if unknown:
            raise SecretsError("secrets[%r][%r] gives %s, which %s not among its keys (%s)"
                               % (name, option, ", ".join(map(repr, unknown)), "is" if len(unknown) == 1 else "are",
                                  ", ".join(parts)))
        if not all(isinstance(v, str) or v is None for v in value.values()):
            raise SecretsError("secrets[%r][%r] must map each of its keys to a string" % (name, option))
        return dict((k, v) for k, v in value.items() if v is not None)
    if parts:
        raise SecretsError("secrets[%r][%r] must be a dict of %s" % (name, option, ", ".join(parts)))
    if not isinstance(value, str):
        raise SecretsError("secrets[%r][%r] must be a string" % (name, option))
    return value


def secret_options(spec):
    """The top-level options of an argument spec that hold secrets (no_log), each with the names of its
    sub-options where it is a dict (the REST API keys), else None."""
    return dict((name, sorted(opts["options"]) if opts.get("type") == "dict" and opts.get("options") else None)
                for name, opts in sorted(spec.items()) if opts.get("no_log") is True and name != "secrets")


def apply(items, bundle):
    """Give each item of ``shops`` its options from the bundle, by name. Returns the new items.

    An option given both inline and in the bundle, or a bundle entry that names no shop, is an error
    (a misspelt name must not leave a shop without its key).
    """
    if not bundle:
        return items
    names = set()
    out = []
    for item in items:
        item = dict(item)
        name = item.get("name")
        names.add(name)
        for option, value in (bundle.get(name) or {}).items():
            if item.get(option) is not None:
                raise SecretsError("shop %r: %s is given both in the shop and in secrets" % (name, option))
            item[option] = value
        out.append(item)
    unknown = sorted(set(bundle) - names)
    if unknown:
        raise SecretsError("secrets names shop(s) that are not in shops: %s" % ", ".join(unknown))
    return out


def values(bundle):
    out = []
    for options in bundle.values():
        for value in options.values():
            out.extend(value.values() if isinstance(value, dict) else [value])
    return [value for value in out if value]


# ------------------------------------------------------------------------------------------ scrubbing
_TOKEN = re.compile(r"[A-Za-z0-9_]+")


class Scrubber(object):
    """Masks known secret strings anywhere in a result, in time linear in the result's size.

    Secrets made of letters, digits and underscores (keys, REST passwords) are found as, or inside,
    such runs of the output with set look-ups; the few others (a token with other characters) are
    searched with ``str.replace``, as ansible-core does.
    """

    def __init__(self, secrets):
        secrets = set(s for s in secrets if s)
        self.words = set(s for s in secrets if _TOKEN.fullmatch(s))
        self.others = sorted(secrets - self.words, key=len, reverse=True)
        self.lengths = sorted(set(len(s) for s in self.words))
        self.shortest = self.lengths[0] if self.lengths else 0
        self.whole = secrets

    def __bool__(self):
        return bool(self.whole)

    def _word(self, match):
        run = match.group(0)
        if len(run) < self.shortest:
            return run
        if run in self.words:
            return MASK
        # a secret inside a longer run: look at every window of every secret length
        for length in self.lengths:
            if length >= len(run):
                break
            for start in range(len(run) - length + 1):
                if run[start:start + length] in self.words:
                    return self._word_in(run)
        return run

    def _word_in(self, run):
        for secret in sorted((s for s in self.words if s in run), key=len, reverse=True):
            run = run.replace(secret, MASK)
        return run

    def text(self, value):
        if value in self.whole:
            return WHOLE
        if self.words and len(value) >= self.shortest:
            value = _TOKEN.sub(self._word, value)
        for secret in self.others:
            if secret in value:
                value = value.replace(secret, MASK)
        return value

    def scrub(self, value):
        """A copy of value (dicts, lists, strings) with every secret masked."""
        if not self:
            return value
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return dict((self.scrub(k) if isinstance(k, str) else k, self.scrub(v)) for k, v in value.items())
        if isinstance(value, (list, tuple)):
            return [self.scrub(v) for v in value]
        if isinstance(value, bytes):
            return self.text(value.decode("utf-8", "replace"))
        return value
