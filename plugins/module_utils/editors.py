# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""In-place editors for hand-written configuration files: dotenv here, YAML, JSON and INI in editors_yaml,
editors_json and editors_ini (imported through EDITORS the first time their kind is asked for).

Each editor changes only the value it is asked to change and keeps every other byte: comments,
order, blank lines, quoting style, ``export`` prefixes, a byte-order mark. After editing, the new
text is parsed by an independent parser (PyYAML, json, configparser, or a fresh dotenv parse) and
compared with what the edit meant to do; any difference is an error and nothing is written.

Reading follows the application's parser or refuses: a value that spans lines is read whole (YAML,
quoted dotenv) or refused (an INI continuation), a name written twice is refused (loaders disagree
on which one wins), a dotted name is found whether it is nested or one flat key. Errors name the
line and the setting, never a value.

Values are read as the human wrote them: an unquoted ``12345678`` or ``0123456789abcdef`` is the
string of those characters, never a number.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping


class FileFormatError(ValueError):
    """The file cannot be read or edited safely; the message says where and why (never a value)."""


def _newline(text):
    return "\r\n" if "\r\n" in text else "\n"


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _check_value(name, value):
    """No setting holds a control character: a NUL or a line break in a value is an injection."""
    if _CONTROL.search(value):
        raise FileFormatError("the new value of %s holds a control character (a NUL, a line break...): refused"
                              % name)


# ---------------------------------------------------------------------------------------------
# dotenv

_ENV_LINE = re.compile(r"^(?P<lead>[ \t]*)(?P<export>export[ \t]+)?(?P<name>[A-Za-z_][A-Za-z0-9_.]*)"
                       r"(?P<eq>[ \t]*=[ \t]*)(?P<rest>.*)$", re.S)
_ENV_PLAIN_SAFE = re.compile(r"^[A-Za-z0-9_./:@+,-]*$")
_ENV_COMMENT = re.compile(r"[ \t]+#")


def _split_env_value(rest, lineno):
    """Split what follows '=' into (quote, value, token_end); None when a quote is still open."""
    if rest.startswith('"'):
        i = 1
        out = []
        while i < len(rest):
            c = rest[i]
            if c == "\\" and i + 1 < len(rest):
                nxt = rest[i + 1]
                out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(nxt, "\\" + nxt))
                i += 2
                continue
            if c == '"':
                return '"', "".join(out), i + 1
            out.append(c)
            i += 1
        return None
    if rest.startswith("'"):
        end = rest.find("'", 1)
        if end < 0:
            return None
        return "'", rest[1:end], end + 1
    first = rest.split("\n", 1)[0]
    m = _ENV_COMMENT.search(first)
    token = first[:m.start()] if m else first.rstrip(" \t\r")
    return "", token, len(token)


class DotenvEditor(object):
    """KEY=value files as read by dotenv loaders (Symfony, Laravel, Node, docker compose).

    A quoted value may span lines (it is read whole, as loaders do); a name assigned twice is an
    error, since loaders do not all agree on which assignment wins.
    """

    kind = "dotenv"

    def __init__(self, text, flat=None):
        self.text = text
        self._cache = (None, None)
        self._entries()  # validate now: a malformed file fails before any change

    def _entries(self):
        # Parsed once per version of the text: a fleet call reads every setting of 1,000 files.
        if self._cache[0] is self.text:
            return self._cache[1]
        entries = self._parse()
        self._cache = (self.text, entries)
        return entries

    def _parse(self):
        """{name: [(first line index, last line index, quote, value, match)]} in file order."""
        entries = {}
        lines = self.text.splitlines(True)
        i = 0
        while i < len(lines):
            body = lines[i].rstrip("\r\n")
            if i == 0:
                body = body.lstrip("\ufeff")  # a byte-order mark is kept, never part of a name
            stripped = body.strip()
            if not stripped or stripped.startswith("#"):
                i += 1
                continue
            m = _ENV_LINE.match(body)
            if not m:
                raise FileFormatError("line %d is neither a comment nor NAME=value" % (i + 1))
            last = i
            rest = m.group("rest")
            # Most values are plain words: what _split_env_value returns for them, at a fraction of its cost.
            split = ("", rest, len(rest)) if _ENV_PLAIN_SAFE.fullmatch(rest) else _split_env_value(rest, i + 1)
            while split is None:  # a quoted value continues on the next line
                if last + 1 >= len(lines):
                    raise FileFormatError("line %d: a %s quote is opened and never closed"
                                          % (i + 1, "double" if m.group("rest").startswith('"') else "single"))
                last += 1
                body = body + "\n" + lines[last].rstrip("\r\n")
                m = _ENV_LINE.match(body)
                split = _split_env_value(m.group("rest"), i + 1)
            quote, value, end = split
            trail = m.group("rest")[end:]
            if trail.strip() and not trail.strip().startswith("#"):
                raise FileFormatError("line %d has text after the closing quote" % (last + 1))
            entries.setdefault(m.group("name"), []).append((i, last, quote, value, m))
            i = last + 1
        return entries

    def _entry(self, name):
        found = self._entries().get(name)
        if not found:
            return None
        if len(found) > 1:
            raise FileFormatError("%s is assigned more than once (lines %s): dotenv loaders do not all "
                                  "agree on which one wins (older phpdotenv kept the first); keep one"
                                  % (name, ", ".join(str(e[0] + 1) for e in found)))
        return found[0]

    def values(self):
        return dict((name, e[-1][3]) for name, e in self._entries().items())

    def get(self, name):
        entry = self._entry(name)
        return None if entry is None else entry[3]

    def has(self, name):
        return name in self._entries()

    def names(self):
        return sorted(self._entries())

    def _style(self):
        quotes = [e[2] for found in self._entries().values() for e in found]
        return max(set(quotes), key=quotes.count) if quotes else ""

    @staticmethod
    def _token(value, quote):
        if quote == "'" and "'" not in value and "\n" not in value:
            return "'%s'" % value
        if quote == "" and _ENV_PLAIN_SAFE.match(value):
            return value
        escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return '"%s"' % escaped

    def set(self, name, value):
        _check_value(name, value)
        entry = self._entry(name)
        lines = self.text.splitlines(True)
        if entry is not None:
            first, last, quote, _old, m = entry
            ending = lines[last][len(lines[last].rstrip("\r\n")):]
            lead = lines[first][:len(lines[first]) - len(lines[first].lstrip("\ufeff"))] if first == 0 else ""
            _q, _v, end = _split_env_value(m.group("rest"), first + 1)
            rest = m.group("rest")
            new_body = lead + m.string[:m.start("rest")] + self._token(value, quote) + rest[end:]
            lines[first:last + 1] = [new_body + ending]
        else:
            nl = _newline(self.text)
            if lines and not lines[-1].endswith(("\n", "\r")):
                lines[-1] += nl
            lines.append("%s=%s%s" % (name, self._token(value, self._style()), nl))
        self.text = "".join(lines)

    def delete(self, name):
        entry = self._entry(name)
        if entry is None:
            return
        first, last = entry[0], entry[1]
        lines = self.text.splitlines(True)
        bom = "\ufeff" if first == 0 and self.text.startswith("\ufeff") else ""
        lines[first:last + 1] = [bom] if bom else []
        self.text = "".join(lines)

    def snapshot(self):
        return self.values()


def _flatten(data, prefix="", keep_null=False):
    out = {}
    for key, value in data.items():
        name = "%s%s" % (prefix, key)
        if isinstance(value, dict):
            out.update(_flatten(value, name + ".", keep_null))
        elif value is not None or keep_null:
            out[name] = value
    return out


class _Editors(Mapping):
    """kind -> editor class, each editor's module imported the first time its kind is asked for.

    A module process compiles every module it imports from its payload (see compile_once.py), and
    the YAML, JSON and INI editors were two thirds of this file: a fleet of one store type needs one.
    """

    _KINDS = ("dotenv", "yaml", "json", "ini")

    def __getitem__(self, kind):
        # Static imports, so that ansible-core puts these modules in the payload.
        # pylint: disable=import-outside-toplevel
        if kind == "dotenv":
            return DotenvEditor
        if kind == "yaml":
            from ansible_collections.vads.shop.plugins.module_utils.editors_yaml import YamlEditor
            return YamlEditor
        if kind == "json":
            from ansible_collections.vads.shop.plugins.module_utils.editors_json import JsonEditor
            return JsonEditor
        if kind == "ini":
            from ansible_collections.vads.shop.plugins.module_utils.editors_ini import IniEditor
            return IniEditor
        raise KeyError(kind)

    def __iter__(self):
        return iter(self._KINDS)

    def __len__(self):
        return len(self._KINDS)


EDITORS = _Editors()


def edit(kind, text, changes, flat=None):
    """Apply {name: value or None (delete)} to text; return the new text, checked independently."""
    return edit_checked(kind, text, changes, flat).text


def edit_checked(kind, text, changes, flat=None, parsed=None):
    """Like edit(), but return an editor on the new text (already parsed, ready to read).

    parsed: an editor already on this very text (a store read it), used instead of parsing it again;
    edits never change it (they replace the copy's text). The result is still parsed afresh.
    """
    if parsed is not None and parsed.text is text and isinstance(parsed, EDITORS[kind]):
        editor = copy.copy(parsed)
    else:
        editor = EDITORS[kind](text, flat=flat)
    before = editor.snapshot()
    for name, value in changes.items():
        if value is None:
            editor.delete(name)
        else:
            editor.set(name, value)
    new_text = editor.text
    if text.startswith("\ufeff") and not new_text.startswith("\ufeff"):
        raise FileFormatError("the edit could not be made safely (the byte-order mark would be lost)")
    after = EDITORS[kind](new_text, flat=flat)
    expected = dict(before)  # a fresh flat dict: only its top level changes below
    for name, value in changes.items():
        key = _snapshot_name(kind, name)
        if value is None:
            expected.pop(key, None)
        else:
            expected[key] = value
    got = after.snapshot()
    if got != expected:
        wrong = sorted(set(k for k in set(got) | set(expected) if got.get(k) != expected.get(k)))
        raise FileFormatError("the edit could not be made safely (would also change: %s)" % ", ".join(wrong[:5]))
    for name, value in changes.items():
        if after.get(name) != value:
            raise FileFormatError("the edit could not be made safely (%s does not read back)" % name)
    return after


def _snapshot_name(kind, name):
    if kind == "ini":
        section, option = name.rsplit(".", 1)
        return "%s.%s" % (section, option.lower())
    return name
