# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Read and patch PHP-serialized arrays (WordPress options) without disturbing what we do not change.

WooCommerce keeps a payment plugin's settings as one PHP-serialized array in ``wp_options``. Only the
entries we map may change: every other entry must stay byte for byte, whatever it holds (nested arrays,
objects, floats, UTF-8 text). So instead of decoding and re-encoding the whole array, the parser records
where each top-level entry starts and ends, and the patcher splices new ``s:<bytes>:"...";`` values in.
String lengths are byte counts, as PHP counts them.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import re

_INT = re.compile(br"-?[0-9]+")
_FLOAT = re.compile(br"-?(?:INF|NAN|[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?)")


class PhpSerializeError(ValueError):
    """The data is not a PHP-serialized value we can read; the message never quotes a value."""


class Entry(object):
    """One top-level entry of a serialized array: its key, its value, and the byte span of both."""

    __slots__ = ("key", "value", "start", "value_start", "end")

    def __init__(self, key, value, start, value_start, end):
        self.key = key
        self.value = value
        self.start = start
        self.value_start = value_start
        self.end = end

    def __repr__(self):
        return "Entry(%r, %d:%d)" % (self.key, self.start, self.end)


class _Reader(object):
    def __init__(self, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        self.data = data
        self.pos = 0

    def fail(self, what):
        raise PhpSerializeError("%s at byte %d" % (what, self.pos))

    def expect(self, token):
        if self.data[self.pos:self.pos + len(token)] != token:
            self.fail("expected %r" % token.decode("ascii"))
        self.pos += len(token)

    def number(self, pattern=_INT):
        match = pattern.match(self.data, self.pos)
        if not match:
            self.fail("expected a number")
        self.pos = match.end()
        return match.group(0)

    def count(self):
        text = self.number()
        if text.startswith(b"-"):
            self.fail("negative length")
        return int(text)

    def raw_string(self):
        """``<len>:"<bytes>"`` (after the type letter and colon): the bytes."""
        length = self.count()
        self.expect(b':"')
        end = self.pos + length
        if end + 1 > len(self.data) or self.data[end:end + 1] != b'"':
            self.fail("string length does not match its content")
        value = self.data[self.pos:end]
        self.pos = end + 1
        return value

    def value(self):
        """Parse one value; returns it as Python (bytes for strings, dict of pairs for arrays, ...)."""
        if self.pos >= len(self.data):
            self.fail("unexpected end of data")
        kind = self.data[self.pos:self.pos + 1]
        self.pos += 1
        if kind == b"N":
            self.expect(b";")
            return None
        self.expect(b":")
        if kind == b"b":
            flag = self.number()
            if flag not in (b"0", b"1"):
                self.fail("bad boolean")
            self.expect(b";")
            return flag == b"1"
        if kind == b"i":
            value = int(self.number())
            self.expect(b";")
            return value
        if kind == b"d":
            text = self.number(_FLOAT)
            self.expect(b";")
            return float(text.replace(b"INF", b"inf").replace(b"NAN", b"nan"))
        if kind == b"s":
            value = self.raw_string()
            self.expect(b";")
            return value
        if kind in (b"r", b"R"):
            value = int(self.number())
            self.expect(b";")
            return ("reference", value)
        if kind == b"E":
            value = self.raw_string()
            self.expect(b";")
            return ("enum", value)
        if kind == b"a":
            return self.pairs()
        if kind == b"O":
            name = self.raw_string()
            self.expect(b":")
            return ("object", name, self.pairs())
        if kind == b"C":
            name = self.raw_string()
            self.expect(b":")
            length = self.count()
            self.expect(b":{")
            end = self.pos + length
            if self.data[end:end + 1] != b"}":
                self.fail("custom object length does not match its content")
            payload = self.data[self.pos:end]
            self.pos = end + 1
            return ("custom", name, payload)
        self.pos -= 1
        self.fail("unknown type %r" % kind.decode("ascii", "replace"))
        return None  # not reached

    def key(self):
        kind = self.data[self.pos:self.pos + 1]
        if kind not in (b"i", b"s"):
            self.fail("an array key must be an integer or a string")
        return self.value()

    def pairs(self, entries=None):
        """``<n>:{key value ...}`` (after ``a:`` or the class name): a dict; fills entries when given."""
        count = self.count()
        self.expect(b":{")
        out = {}
        for _index in range(count):
            start = self.pos
            key = self.key()
            value_start = self.pos
            value = self.value()
            out[key] = value
            if entries is not None:
                entries.append(Entry(key, value, start, value_start, self.pos))
        self.expect(b"}")
        return out


def _text_key(key):
    """PHP array keys as text: integer keys are their decimal form, string keys are decoded."""
    if isinstance(key, int):
        return str(key)
    return key.decode("utf-8", "surrogateescape")


def entries(data):
    """The top-level entries of a serialized array (list of Entry); raises PhpSerializeError."""
    reader = _Reader(data)
    if reader.data[:2] != b"a:":
        raise PhpSerializeError("the value is not a serialized PHP array")
    reader.pos = 2
    found = []
    reader.pairs(found)
    if reader.pos != len(reader.data):
        raise PhpSerializeError("unexpected data after the array at byte %d" % reader.pos)
    return found


def loads(data):
    """Decode any serialized value (strings stay bytes, arrays become dicts). For tests and reading."""
    reader = _Reader(data)
    value = reader.value()
    if reader.pos != len(reader.data):
        raise PhpSerializeError("unexpected data after the value at byte %d" % reader.pos)
    return value


def get_strings(data, keys):
    """{key: text or None} for the given top-level keys; a value that is not a string or number fails."""
    found = {}
    for entry in entries(data):
        found[_text_key(entry.key)] = entry.value
    out = {}
    for key in keys:
        value = found.get(key)
        if value is None:
            out[key] = None
        elif isinstance(value, bytes):
            try:
                out[key] = value.decode("utf-8")
            except UnicodeDecodeError:
                raise PhpSerializeError("entry %r is not UTF-8 text" % key)
        elif isinstance(value, bool):
            raise PhpSerializeError("entry %r is a boolean, not text" % key)
        elif isinstance(value, int):
            out[key] = str(value)
        else:
            raise PhpSerializeError("entry %r is not a string" % key)
    return out


def dumps(value):
    """Serialize a Python value as PHP does: str/bytes, int, float, bool, None, dict or list (arrays)."""
    if value is None:
        return b"N;"
    if isinstance(value, bool):
        return b"b:1;" if value else b"b:0;"
    if isinstance(value, int):
        return b"i:%d;" % value
    if isinstance(value, float):
        text = repr(value)
        if text == "inf":
            text = "INF"
        elif text == "-inf":
            text = "-INF"
        elif text == "nan":
            text = "NAN"
        return b"d:" + text.encode("ascii") + b";"
    if isinstance(value, str):
        value = value.encode("utf-8")
    if isinstance(value, bytes):
        return b"s:%d:\"" % len(value) + value + b"\";"
    if isinstance(value, (list, tuple)):
        value = dict(enumerate(value))
    if isinstance(value, dict):
        parts = [b"a:%d:{" % len(value)]
        for key, item in value.items():
            if isinstance(key, bool) or not isinstance(key, (int, str, bytes)):
                raise PhpSerializeError("an array key must be an integer or a string")
            parts.append(dumps(key))
            parts.append(dumps(item))
        parts.append(b"}")
        return b"".join(parts)
    raise PhpSerializeError("cannot serialize a %s" % type(value).__name__)


def patch(data, changes):
    """Set top-level string entries; returns new bytes. Untouched entries are kept byte for byte.

    ``changes`` maps a key to its new text, or to None to remove the entry. A key that is not there yet
    is appended at the end of the array (the array's count grows).
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    found = entries(data)
    by_key = {}
    for entry in found:
        by_key[_text_key(entry.key)] = entry  # PHP keeps the last of duplicate keys
    pieces = []
    pos = 0
    count = len(found)
    header_end = data.index(b":{") + 2
    removed = 0
    for entry in found:
        key = _text_key(entry.key)
        if key not in changes or by_key[key] is not entry:
            continue
        value = changes[key]
        pieces.append(data[pos:entry.start] if pos else data[header_end:entry.start])
        if value is None:
            removed += 1
        else:
            pieces.append(data[entry.start:entry.value_start])
            pieces.append(dumps(_as_text(key, value)))
        pos = entry.end
    body_start = pos if pos else header_end
    tail_end = len(data) - 1  # the closing brace
    pieces.append(data[body_start:tail_end])
    added = 0
    for key, value in changes.items():
        if key in by_key or value is None:
            continue
        pieces.append(dumps(key))
        pieces.append(dumps(_as_text(key, value)))
        added += 1
    new_count = count - removed + added
    return b"a:%d:{" % new_count + b"".join(pieces) + b"}"


def _as_text(key, value):
    if not isinstance(value, str):
        raise PhpSerializeError("the new value of %r must be text" % key)
    return value
