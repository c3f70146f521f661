# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The JSON store editor (see editors.py): a scanner that keeps the position of every member.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import json
import re

from ansible_collections.vads.shop.plugins.module_utils.editors import (
    FileFormatError,
    _check_value,
    _flatten,
    _newline,
)


class _Node(object):
    def __init__(self, kind, start):
        self.kind = kind
        self.start = start
        self.end = start
        self.members = []  # objects: (key, key_start, value_node)


class _JsonScanner(object):
    _WS = " \t\r\n"

    def __init__(self, text):
        self.text = text
        self.pos = 0

    def fail(self, what):
        line = self.text.count("\n", 0, self.pos) + 1
        raise FileFormatError("not valid JSON at line %d: %s" % (line, what))

    def ws(self):
        while self.pos < len(self.text) and self.text[self.pos] in self._WS:
            self.pos += 1

    def document(self):
        self.ws()
        node = self.value()
        self.ws()
        if self.pos != len(self.text):
            self.fail("text after the end of the document")
        return node

    _STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)

    def string(self):
        m = self._STRING.match(self.text, self.pos)  # one regex step, not a Python loop per character
        if m is None:
            self.fail("unterminated string")
        start, self.pos = self.pos, m.end()
        return start, self.pos

    def value(self):
        if self.pos >= len(self.text):
            self.fail("unexpected end of file")
        c = self.text[self.pos]
        node = _Node("", self.pos)
        if c == "{":
            node.kind = "object"
            self.pos += 1
            self.ws()
            if self.text[self.pos:self.pos + 1] == "}":
                self.pos += 1
            else:
                while True:
                    self.ws()
                    if self.text[self.pos:self.pos + 1] != '"':
                        self.fail("expected a member name")
                    ks, ke = self.string()
                    try:
                        key = json.loads(self.text[ks:ke])
                    except ValueError:
                        self.fail("a member name is not a valid string")
                    self.ws()
                    if self.text[self.pos:self.pos + 1] != ":":
                        self.fail("expected ':'")
                    self.pos += 1
                    self.ws()
                    node.members.append((key, ks, self.value()))
                    self.ws()
                    c = self.text[self.pos:self.pos + 1]
                    self.pos += 1
                    if c == "}":
                        break
                    if c != ",":
                        self.fail("expected ',' or '}'")
        elif c == "[":
            node.kind = "array"
            self.pos += 1
            self.ws()
            if self.text[self.pos:self.pos + 1] == "]":
                self.pos += 1
            else:
                while True:
                    self.ws()
                    self.value()
                    self.ws()
                    c = self.text[self.pos:self.pos + 1]
                    self.pos += 1
                    if c == "]":
                        break
                    if c != ",":
                        self.fail("expected ',' or ']'")
        elif c == '"':
            node.kind = "string"
            self.string()
        else:
            m = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null").match(self.text, self.pos)
            if not m:
                self.fail("unexpected character")
            node.kind = "null" if m.group(0) == "null" else "scalar"
            self.pos = m.end()
        node.end = self.pos
        return node


class JsonEditor(object):
    """JSON objects; names are dotted paths, and a member whose name has dots is found as such."""

    kind = "json"

    def __init__(self, text, flat=None):
        self.text = text
        self.flat = flat
        self._cache = (None, None)
        self._root()
        self.snapshot()  # json's own parser too: the scanner is lenient on escapes and numbers

    def _body_start(self):
        return 1 if self.text.startswith("\ufeff") else 0  # a byte-order mark is kept, never read

    def _root(self):
        if self._cache[0] is self.text:
            return self._cache[1]
        if not self.text.strip("\ufeff \t\r\n"):
            root = _Node("object", self._body_start())
            root.end = root.start
        else:
            scanner = _JsonScanner(self.text)
            scanner.pos = self._body_start()
            root = scanner.document()
            if root.kind != "object":
                raise FileFormatError("its top level is not an object")
        self._cache = (self.text, root)
        return root

    def _line(self, pos):
        return self.text.count("\n", 0, pos) + 1

    def _member(self, node, name):
        hits = [m for m in node.members if m[0] == name]
        if len(hits) > 1:
            raise FileFormatError("%s is written twice in one object (lines %d and %d): applications disagree on "
                                  "which one counts; keep one" % (name, self._line(hits[0][1]), self._line(hits[-1][1])))
        return hits[0] if hits else None

    def _walk(self, node, rest):
        """([(object, member, part)], parts not found), preferring complete matches; see YamlEditor."""
        if not rest or node.kind != "object":
            return [], rest
        options = []
        for n in range(len(rest), 0, -1):
            part = ".".join(rest[:n])
            hit = self._member(node, part)
            if hit:
                sub, left = self._walk(hit[2], rest[n:])
                options.append(([(node, hit, part)] + sub, left))
        if not options:
            return [], rest
        complete = [o for o in options if not o[1]]
        if len(complete) > 1:
            raise FileFormatError("%s is written both as one dotted name and as nested names (lines %d and %d): the "
                                  "application reads only one of them; remove the other"
                                  % (".".join(rest), self._line(complete[0][0][-1][1][1]),
                                     self._line(complete[1][0][-1][1][1])))
        return complete[0] if complete else min(options, key=lambda o: len(o[1]))

    def _found(self, dotted):
        trail, rest = self._walk(self._root(), dotted.split("."))
        return trail if not rest else None

    def get(self, dotted):
        trail = self._found(dotted)
        if trail is None:
            return None
        node = trail[-1][1][2]
        raw = self.text[node.start:node.end]
        if node.kind == "string":
            return json.loads(raw)
        if node.kind == "null":
            return None
        if node.kind == "scalar":
            return raw
        raise FileFormatError("%s (line %d) is not a plain value" % (dotted, self._line(node.start)))

    def has(self, dotted):
        return self._found(dotted) is not None

    def names(self):
        return sorted(_flatten(self._data(), keep_null=True))

    def _indent_of_line(self, pos):
        line_start = self.text.rfind("\n", 0, pos) + 1
        line = self.text[line_start:].lstrip("\ufeff")
        return line[:len(line) - len(line.lstrip(" \t"))]

    def _unit(self, root):
        for _key, ks, _v in root.members:
            ind = self._indent_of_line(ks)
            if ind:
                return ind
        return "  "

    def set(self, dotted, value):
        _check_value(dotted, value)
        path = dotted.split(".")
        root = self._root()
        trail, rest = self._walk(root, path)
        if not self.text.strip("\ufeff \t\r\n"):
            bom = "\ufeff" if self.text.startswith("\ufeff") else ""
            self.text = bom + json.dumps(_nest(self._parts(root, path), value), indent=2) + "\n"
            return
        if not rest:
            node = trail[-1][1][2]
            if node.kind in ("object", "array"):
                raise FileFormatError("%s (line %d) is not a plain value" % (dotted, self._line(node.start)))
            self.text = self.text[:node.start] + json.dumps(value, ensure_ascii=False) + self.text[node.end:]
            return
        parent = trail[-1][1][2] if trail else root
        if parent.kind != "object":
            if parent.kind != "null":
                raise FileFormatError("%s (line %d) is a value, not an object"
                                      % (".".join(path[:len(path) - len(rest)]), self._line(parent.start)))
            # "vads": null becomes an object holding the new names
            nested = _nest(self._parts(parent, rest), value)
            self.text = self.text[:parent.start] + json.dumps(nested, ensure_ascii=False) + self.text[parent.end:]
            return
        rest = self._parts(parent, rest)
        unit = self._unit(root)
        sep = ": "
        if parent.members:
            _k, ks, first = parent.members[0]
            colon_area = self.text[self.text.find('"', ks + 1) + 1:first.start]
            sep = colon_area if colon_area.strip() == ":" else ": "
            _lk, lks, last = parent.members[-1]
            gap = self.text[parent.start + 1:ks]
            multiline = "\n" in gap
            indent = self._indent_of_line(lks) if multiline else ""
            member = self._member_text(rest, value, indent, unit, sep, multiline)
            joiner = ("," + _newline(self.text) + indent) if multiline else ", "
            self.text = self.text[:last.end] + joiner + member + self.text[last.end:]
        else:
            outer = self._indent_of_line(parent.start)
            indent = outer + unit
            nl = _newline(self.text)
            member = self._member_text(rest, value, indent, unit, sep, True)
            self.text = (self.text[:parent.start] + "{" + nl + indent + member + nl + outer + "}"
                         + self.text[parent.end:])

    def _parts(self, parent, rest):
        flat = self.flat
        if flat is None:
            flat = len(rest) > 1 and any(m[0].startswith(rest[0] + ".") for m in parent.members)
        return [".".join(rest)] if flat else list(rest)

    @staticmethod
    def _member_text(rest, value, indent, unit, sep, multiline):
        nested = _nest(rest[1:], value) if len(rest) > 1 else value
        if multiline:
            body = json.dumps(nested, indent=len(unit.expandtabs(4)), ensure_ascii=False, separators=(",", sep))
            body = body.replace("\n", "\n" + indent)
        else:
            body = json.dumps(nested, ensure_ascii=False, separators=(", ", sep))
        return json.dumps(rest[0]) + sep + body

    def delete(self, dotted):
        trail = self._found(dotted)
        if trail is None:
            return
        parent, member, _part = trail[-1]
        index = parent.members.index(member)
        _key, ks, node = member
        if len(parent.members) == 1:
            self.text = self.text[:parent.start + 1] + self.text[parent.end - 1:]
        elif index > 0:
            prev = parent.members[index - 1][2]
            self.text = self.text[:prev.end] + self.text[node.end:]
        else:
            nxt = parent.members[1][1]
            self.text = self.text[:ks] + self.text[nxt:]

    def _data(self):
        if not self.text.strip("\ufeff \t\r\n"):
            return {}
        try:
            return json.loads(self.text[self._body_start():])
        except ValueError as exc:
            raise FileFormatError("not valid JSON: %s" % exc)

    def snapshot(self):
        return _flatten(self._data())


def _nest(path, value):
    for part in reversed(path):
        value = {part: value}
    return value
