# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""In-place editors for hand-written configuration files: dotenv, YAML, JSON and INI.

Each editor changes only the value it is asked to change and keeps every other byte: comments,
order, blank lines, quoting style, ``export`` prefixes. After editing, the new text is parsed by an
independent parser (PyYAML, json, configparser, or a fresh dotenv parse) and compared with what the
edit meant to do; any difference is an error and nothing is written.

Values are read as the human wrote them: an unquoted ``12345678`` or ``0123456789abcdef`` is the
string of those characters, never a number.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import configparser
import copy
import json
import re

try:
    import yaml
    HAS_YAML = True
except ImportError:  # pragma: no cover - PyYAML ships with ansible-core
    HAS_YAML = False


class FileFormatError(ValueError):
    """The file cannot be read or edited safely; the message says where and why (never a value)."""


def _newline(text):
    return "\r\n" if "\r\n" in text else "\n"


# ---------------------------------------------------------------------------------------------
# dotenv

_ENV_LINE = re.compile(r"^(?P<lead>[ \t]*)(?P<export>export[ \t]+)?(?P<name>[A-Za-z_][A-Za-z0-9_.]*)"
                       r"(?P<eq>[ \t]*=[ \t]*)(?P<rest>.*)$")
_ENV_PLAIN_SAFE = re.compile(r"^[A-Za-z0-9_./:@+,-]*$")
_ENV_COMMENT = re.compile(r"[ \t]+#")


def _split_env_value(rest, lineno):
    """Split what follows '=' into (quote, value, token_end)."""
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
        raise FileFormatError("line %d: a double quote is opened and never closed" % lineno)
    if rest.startswith("'"):
        end = rest.find("'", 1)
        if end < 0:
            raise FileFormatError("line %d: a single quote is opened and never closed" % lineno)
        return "'", rest[1:end], end + 1
    m = _ENV_COMMENT.search(rest)
    token = rest[:m.start()] if m else rest.rstrip(" \t")
    return "", token, len(token)


class DotenvEditor(object):
    """KEY=value files as read by dotenv loaders (Symfony, Laravel, Node, docker compose)."""

    kind = "dotenv"

    def __init__(self, text):
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
        entries = {}
        for lineno, line in enumerate(self.text.splitlines(True), start=1):
            body = line.rstrip("\r\n")
            stripped = body.strip()
            if not stripped or stripped.startswith("#"):
                continue
            m = _ENV_LINE.match(body)
            if not m:
                raise FileFormatError("line %d is neither a comment nor NAME=value" % lineno)
            quote, value, end = _split_env_value(m.group("rest"), lineno)
            trail = m.group("rest")[end:]
            if trail.strip() and not trail.strip().startswith("#"):
                raise FileFormatError("line %d has text after the closing quote" % lineno)
            entries[m.group("name")] = (lineno - 1, quote, value, m)  # the last one wins, as in loaders
        return entries

    def values(self):
        return dict((name, e[2]) for name, e in self._entries().items())

    def get(self, name):
        entry = self._entries().get(name)
        return None if entry is None else entry[2]

    def _style(self):
        quotes = [e[1] for e in self._entries().values()]
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
        entries = self._entries()
        lines = self.text.splitlines(True)
        if name in entries:
            index, quote, old, m = entries[name]
            line = lines[index]
            body = line.rstrip("\r\n")
            ending = line[len(body):]
            rest = m.group("rest")
            _q, _v, end = _split_env_value(rest, index + 1)
            new_body = body[:m.start("rest")] + self._token(value, quote) + rest[end:]
            lines[index] = new_body + ending
        else:
            nl = _newline(self.text)
            if lines and not lines[-1].endswith(("\n", "\r")):
                lines[-1] += nl
            lines.append("%s=%s%s" % (name, self._token(value, self._style()), nl))
        self.text = "".join(lines)

    def delete(self, name):
        entries = self._entries()
        if name not in entries:
            return
        lines = self.text.splitlines(True)
        # Remove every assignment of the name, or an earlier one would come back to life.
        keep = []
        for line in lines:
            m = _ENV_LINE.match(line.rstrip("\r\n"))
            if m and m.group("name") == name:
                continue
            keep.append(line)
        self.text = "".join(keep)

    def snapshot(self):
        return DotenvEditor(self.text).values()


# ---------------------------------------------------------------------------------------------
# YAML (block mappings edited line by line)

_YAML_KEY = re.compile(r"^(?P<indent> *)(?P<key>\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'"
                       r"|[^\s#'\"{}\[\],&*!|>%@`?:-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?=[ \t]|$)(?P<rest>.*)$")
_YAML_VALUE = re.compile(r"^(?P<sp>[ \t]*)(?P<val>\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'|[^#\s](?:[^#]*?[^\s#])?)?"
                         r"(?P<trail>[ \t]+#.*|[ \t]*)$")
_YAML_NULLS = ("", "~", "null", "Null", "NULL")
_YAML_WORDS = ("y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf")


def _yaml_key_name(raw):
    if raw.startswith('"'):
        return json.loads(raw)
    if raw.startswith("'"):
        return raw[1:-1].replace("''", "'")
    return raw


def _is_content(line):
    s = line.strip()
    return bool(s) and not s.startswith("#") and s not in ("---", "...")


class YamlEditor(object):
    kind = "yaml"

    def __init__(self, text):
        if not HAS_YAML:
            raise FileFormatError("PyYAML is required to edit YAML files")
        self.text = text
        self.data()

    def data(self):
        try:
            docs = list(yaml.safe_load_all(self.text))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = " at line %d" % (mark.line + 1) if mark is not None else ""
            raise FileFormatError("not valid YAML%s: %s" % (where, getattr(exc, "problem", None) or "syntax error"))
        docs = [d for d in docs if d is not None]
        if len(docs) > 1:
            raise FileFormatError("holds several YAML documents; only one is supported")
        data = docs[0] if docs else {}
        if not isinstance(data, dict):
            raise FileFormatError("its top level is not a mapping")
        return data

    def _lines(self):
        return [line.rstrip("\r\n") for line in self.text.splitlines(True)]

    def _block_end(self, lines, index, indent):
        """Index after the last content line that belongs under the key at lines[index]."""
        last = index
        for j in range(index + 1, len(lines)):
            if not _is_content(lines[j]):
                continue
            cur = len(lines[j]) - len(lines[j].lstrip(" "))
            if cur <= indent and not (cur == indent and lines[j].lstrip(" ").startswith("- ")):
                break
            last = j
        return last + 1

    def _find(self, path):
        """Walk the path; return (found_parts, [(line_index, indent, match)] for each found part)."""
        lines = self._lines()
        start, end, parent_indent = 0, len(lines), -1
        trail = []
        for part in path:
            child_indent = None
            hit = None
            for j in range(start, end):
                if not _is_content(lines[j]):
                    continue
                cur = len(lines[j]) - len(lines[j].lstrip(" "))
                if child_indent is None:
                    if cur <= parent_indent:
                        break
                    child_indent = cur
                if cur != child_indent:
                    continue
                m = _YAML_KEY.match(lines[j])
                if m and _yaml_key_name(m.group("key")) == part:
                    hit = (j, cur, m)  # the last duplicate wins, as in PyYAML
            if hit is None:
                break
            trail.append(hit)
            j, cur, m = hit
            start, end, parent_indent = j + 1, self._block_end(lines, j, cur), cur
        return lines, trail

    def _scalar(self, m, dotted):
        vm = _YAML_VALUE.match(m.group("rest"))
        if vm is None:
            raise FileFormatError("%s is not a plain value" % dotted)
        return vm

    def get(self, dotted):
        path = dotted.split(".")
        lines, trail = self._find(path)
        if len(trail) < len(path):
            return None
        j, indent, m = trail[-1]
        vm = self._scalar(m, dotted)
        val = vm.group("val") or ""
        if val in _YAML_NULLS:
            if self._block_end(lines, j, indent) > j + 1:
                raise FileFormatError("%s holds a nested block, not a value" % dotted)
            return None
        if val[0] in "|>{[&*!":
            raise FileFormatError("%s is not a plain value (block, flow, anchor or tag)" % dotted)
        if val.startswith("'"):
            return val[1:-1].replace("''", "'")
        if val.startswith('"'):
            return yaml.safe_load(val)
        return val

    @staticmethod
    def _token(value, old_val):
        if old_val.startswith("'"):
            return "'%s'" % value.replace("'", "''")
        if old_val.startswith('"'):
            return json.dumps(value)
        # Plain only when every YAML parser (1.1 and 1.2) reads a string: no leading digit or sign,
        # no boolean-like word. Keys such as 0987654321098765 are numbers to YAML 1.2 parsers.
        if (re.match(r"^[A-Za-z_./@][A-Za-z0-9_./@+-]*$", value) and yaml.safe_load(value) == value
                and value.lower() not in _YAML_WORDS):
            return value
        return "'%s'" % value.replace("'", "''")

    def _unit(self, lines):
        indents = sorted(set(len(x) - len(x.lstrip(" ")) for x in lines if _is_content(x)) - {0})
        return indents[0] if indents else 2

    def _flow_root(self):
        content = [line.strip() for line in self._lines() if _is_content(line)]
        if content == ["{}"]:
            # An empty flow mapping is the one flow form we rewrite: into an empty block document.
            self.text = "".join(x for x in self.text.splitlines(True) if x.strip() != "{}")
        elif content and content[0][:1] in "{[":
            raise FileFormatError("is written in flow style ({...}); only block mappings are edited in place")

    def set(self, dotted, value):
        self._flow_root()
        path = dotted.split(".")
        lines, trail = self._find(path)
        nl = _newline(self.text)
        raw_lines = self.text.splitlines(True)
        if len(trail) == len(path):
            j, indent, m = trail[-1]
            vm = self._scalar(m, dotted)
            old_val = vm.group("val") or ""
            if old_val and old_val[0] in "|>{[&*!":
                raise FileFormatError("%s is not a plain value (block, flow, anchor or tag)" % dotted)
            if old_val in _YAML_NULLS and self._block_end(lines, j, indent) > j + 1:
                raise FileFormatError("%s holds a nested block, not a value" % dotted)
            rest_start = m.start("rest")
            sp = vm.group("sp") or " "
            new = lines[j][:rest_start] + sp + self._token(value, old_val if old_val not in _YAML_NULLS else "") + vm.group("trail")
            raw_lines[j] = new + raw_lines[j][len(lines[j]):]
            self.text = "".join(raw_lines)
            return
        unit = self._unit(lines)
        if trail:
            j, indent, m = trail[-1]
            vm = _YAML_VALUE.match(m.group("rest"))
            pval = (vm.group("val") or "") if vm else "?"
            if pval not in _YAML_NULLS and pval != "{}":
                raise FileFormatError("%s is a value, not a mapping" % ".".join(path[:len(trail)]))
            if pval:  # an explicit null or {} parent becomes a mapping header
                raw_lines[j] = lines[j][:m.start("rest")] + vm.group("trail") + raw_lines[j][len(lines[j]):]
            after = self._block_end(lines, j, indent)
            child = None
            for k in range(j + 1, after):
                if _is_content(lines[k]):
                    child = len(lines[k]) - len(lines[k].lstrip(" "))
                    break
            indent = child if child is not None else indent + unit
        else:
            after = len(raw_lines)
            indent = 0
        new_lines = []
        for depth, part in enumerate(path[len(trail):]):
            pad = " " * (indent + depth * unit)
            key = part if re.match(r"^[A-Za-z0-9_][A-Za-z0-9_./-]*$", part) else json.dumps(part)
            if depth == len(path) - len(trail) - 1:
                new_lines.append("%s%s: %s%s" % (pad, key, self._token(value, ""), nl))
            else:
                new_lines.append("%s%s:%s" % (pad, key, nl))
        if after > 0 and not raw_lines[after - 1].endswith(("\n", "\r")):
            raw_lines[after - 1] += nl
        raw_lines[after:after] = new_lines
        self.text = "".join(raw_lines)

    def delete(self, dotted):
        path = dotted.split(".")
        lines, trail = self._find(path)
        if len(trail) < len(path):
            return
        j, indent, m = trail[-1]
        if self._block_end(lines, j, indent) > j + 1:
            raise FileFormatError("%s holds a nested block, not a value" % dotted)
        raw_lines = self.text.splitlines(True)
        del raw_lines[j]
        self.text = "".join(raw_lines)

    def snapshot(self):
        return _flatten(self.data())


def _flatten(data, prefix=""):
    out = {}
    for key, value in data.items():
        name = "%s%s" % (prefix, key)
        if isinstance(value, dict):
            out.update(_flatten(value, name + "."))
        elif value is not None:
            out[name] = value
    return out


# ---------------------------------------------------------------------------------------------
# JSON (a scanner that keeps the position of every member)

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

    def string(self):
        start = self.pos
        self.pos += 1
        while self.pos < len(self.text):
            c = self.text[self.pos]
            if c == "\\":
                self.pos += 2
                continue
            if c == '"':
                self.pos += 1
                return start, self.pos
            self.pos += 1
        self.fail("unterminated string")

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
    kind = "json"

    def __init__(self, text):
        self.text = text
        self._root()
        self.snapshot()  # json's own parser too: the scanner is lenient on escapes and numbers

    def _root(self):
        if not self.text.strip():
            root = _Node("object", 0)
            root.end = 0
            return root
        root = _JsonScanner(self.text).document()
        if root.kind != "object":
            raise FileFormatError("its top level is not an object")
        return root

    def _find(self, path):
        node = self._root()
        trail = [node]
        for part in path:
            if node.kind != "object":
                break
            hits = [m for m in node.members if m[0] == part]
            if not hits:
                break
            node = hits[-1][2]
            trail.append(node)
        return trail

    def get(self, dotted):
        path = dotted.split(".")
        trail = self._find(path)
        if len(trail) <= len(path):
            return None
        node = trail[-1]
        raw = self.text[node.start:node.end]
        if node.kind == "string":
            return json.loads(raw)
        if node.kind == "null":
            return None
        if node.kind == "scalar":
            return raw
        raise FileFormatError("%s is not a plain value" % dotted)

    def _indent_of_line(self, pos):
        line_start = self.text.rfind("\n", 0, pos) + 1
        line = self.text[line_start:]
        return line[:len(line) - len(line.lstrip(" \t"))]

    def _unit(self, root):
        for _key, ks, _v in root.members:
            ind = self._indent_of_line(ks)
            if ind:
                return ind
        return "  "

    def set(self, dotted, value):
        path = dotted.split(".")
        trail = self._find(path)
        if not self.text.strip():
            self.text = json.dumps(_nest(path, value), indent=2) + "\n"
            return
        if len(trail) > len(path):
            node = trail[-1]
            if node.kind in ("object", "array"):
                raise FileFormatError("%s is not a plain value" % dotted)
            self.text = self.text[:node.start] + json.dumps(value, ensure_ascii=False) + self.text[node.end:]
            return
        parent = trail[-1]
        if parent.kind != "object":
            raise FileFormatError("%s is a value, not an object" % ".".join(path[:len(trail) - 1]))
        rest = path[len(trail) - 1:]
        unit = self._unit(trail[0])
        sep = ": "
        if parent.members:
            _k, ks, first = parent.members[0]
            colon_area = self.text[self.text.find('"', ks + 1) + 1:first.start]
            sep = colon_area if colon_area.strip() == ":" else ": "
            _lk, lks, last = parent.members[-1]
            gap = self.text[parent.start + 1:ks]
            multiline = "\n" in gap
            indent = self._indent_of_line(lks) if multiline else ""
            member = self._member(rest, value, indent, unit, sep, multiline)
            joiner = ("," + _newline(self.text) + indent) if multiline else ", "
            self.text = self.text[:last.end] + joiner + member + self.text[last.end:]
        else:
            outer = self._indent_of_line(parent.start)
            indent = outer + unit
            nl = _newline(self.text)
            member = self._member(rest, value, indent, unit, sep, True)
            self.text = (self.text[:parent.start] + "{" + nl + indent + member + nl + outer + "}"
                         + self.text[parent.end:])

    @staticmethod
    def _member(rest, value, indent, unit, sep, multiline):
        nested = _nest(rest[1:], value) if len(rest) > 1 else value
        if multiline:
            body = json.dumps(nested, indent=len(unit.expandtabs(4)), ensure_ascii=False, separators=(",", sep))
            body = body.replace("\n", "\n" + indent)
        else:
            body = json.dumps(nested, ensure_ascii=False, separators=(", ", sep))
        return json.dumps(rest[0]) + sep + body

    def delete(self, dotted):
        path = dotted.split(".")
        trail = self._find(path)
        if len(trail) <= len(path):
            return
        parent = trail[-2]
        index = max(i for i, m in enumerate(parent.members) if m[0] == path[-1])
        _key, ks, node = parent.members[index]
        if len(parent.members) == 1:
            self.text = self.text[:parent.start + 1] + self.text[parent.end - 1:]
        elif index > 0:
            prev = parent.members[index - 1][2]
            self.text = self.text[:prev.end] + self.text[node.end:]
        else:
            nxt = parent.members[1][1]
            self.text = self.text[:ks] + self.text[nxt:]

    def snapshot(self):
        if not self.text.strip():
            return {}
        try:
            return _flatten(json.loads(self.text))
        except ValueError as exc:
            raise FileFormatError("not valid JSON: %s" % exc)


def _nest(path, value):
    for part in reversed(path):
        value = {part: value}
    return value


# ---------------------------------------------------------------------------------------------
# INI

_INI_SECTION = re.compile(r"^\s*\[(?P<name>[^\]]+)\]\s*(?:[#;].*)?$")
_INI_OPTION = re.compile(r"^(?P<lead>[ \t]*)(?P<name>[^=:\s;#\[][^=:]*?)(?P<eq>[ \t]*[=:][ \t]*)(?P<rest>.*)$")


class IniEditor(object):
    """INI files; names are ``section.option`` (split at the last dot)."""

    kind = "ini"

    def __init__(self, text):
        self.text = text
        self.snapshot()
        self._scan()

    @staticmethod
    def _split(dotted):
        if "." not in dotted:
            raise FileFormatError("INI setting %r must be written section.option" % dotted)
        section, option = dotted.rsplit(".", 1)
        return section, option

    def _scan(self):
        """[(section, option or None, line index, match)] in file order."""
        out = []
        section = None
        for i, line in enumerate(self.text.splitlines(True)):
            body = line.rstrip("\r\n")
            s = body.strip()
            if not s or s[0] in "#;":
                continue
            m = _INI_SECTION.match(body)
            if m:
                section = m.group("name").strip()
                out.append((section, None, i, m))
                continue
            m = _INI_OPTION.match(body)
            if m and section is not None:
                out.append((section, m.group("name").strip(), i, m))
            elif not body[:1].isspace():
                raise FileFormatError("line %d is neither a [section], an option nor a comment" % (i + 1))
        return out

    @staticmethod
    def _value(rest):
        m = re.search(r"[ \t]+[#;]", rest)
        token = rest[:m.start()] if m else rest.rstrip()
        if len(token) >= 2 and token[0] == token[-1] and token[0] in "'\"":
            return token[0], token[1:-1], len(token)
        return "", token, len(token)

    def _option(self, dotted):
        section, option = self._split(dotted)
        hits = [e for e in self._scan() if e[0] == section and e[1] is not None and e[1].lower() == option.lower()]
        return hits[-1] if hits else None

    def get(self, dotted):
        hit = self._option(dotted)
        if hit is None:
            return None
        value = self._value(hit[3].group("rest"))[1]
        return value if value != "" else None

    def set(self, dotted, value):
        section, option = self._split(dotted)
        lines = self.text.splitlines(True)
        nl = _newline(self.text)
        hit = self._option(dotted)
        if hit is not None:
            _s, _o, i, m = hit
            body = lines[i].rstrip("\r\n")
            quote, _old, end = self._value(m.group("rest"))
            rest = m.group("rest")
            lines[i] = body[:m.start("rest")] + quote + value + quote + rest[end:] + lines[i][len(body):]
            self.text = "".join(lines)
            return
        entries = self._scan()
        in_section = [e for e in entries if e[0] == section]
        # Spacing around '=' follows the section's own options, else the file's first option.
        styled = [e for e in in_section if e[1] is not None] or [e for e in entries if e[1] is not None]
        eq = styled[-1][3].group("eq") if styled else " = "
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += nl
        if in_section:
            at = in_section[-1][2] + 1
            lines[at:at] = ["%s%s%s%s" % (option, eq, value, nl)]
        else:
            if lines and lines[-1].strip():
                lines.append(nl)
            lines.extend(["[%s]%s" % (section, nl), "%s%s%s%s" % (option, eq, value, nl)])
        self.text = "".join(lines)

    def delete(self, dotted):
        hit = self._option(dotted)
        if hit is None:
            return
        lines = self.text.splitlines(True)
        del lines[hit[2]]
        self.text = "".join(lines)

    def snapshot(self):
        parser = configparser.ConfigParser(interpolation=None, strict=False, default_section="\x00")
        parser.optionxform = str
        try:
            parser.read_string(self.text)
        except configparser.Error as exc:
            raise FileFormatError("not valid INI: %s" % str(exc).splitlines()[0])
        out = {}
        for section in parser.sections():
            for option, raw in parser.items(section, raw=True):
                out["%s.%s" % (section, option.lower())] = self._value(raw.replace("\n", " "))[1]
        return out


EDITORS = {
    "dotenv": DotenvEditor,
    "yaml": YamlEditor,
    "json": JsonEditor,
    "ini": IniEditor,
}


def edit(kind, text, changes):
    """Apply {name: value or None (delete)} to text; return the new text, checked independently."""
    return edit_checked(kind, text, changes).text


def edit_checked(kind, text, changes):
    """Like edit(), but return an editor on the new text (already parsed, ready to read)."""
    editor = EDITORS[kind](text)
    before = editor.snapshot()
    for name, value in changes.items():
        if value is None:
            editor.delete(name)
        else:
            editor.set(name, value)
    new_text = editor.text
    after = EDITORS[kind](new_text)
    expected = copy.deepcopy(before)
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
