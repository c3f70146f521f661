# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""In-place editors for hand-written configuration files: dotenv, YAML, JSON and INI.

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

import configparser
import copy
import json
import re

# PyYAML is imported by the first YAML editor (_require_yaml): most module calls edit no YAML file, and the
# import cost every module process 15-25 ms.
yaml = None


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


# ---------------------------------------------------------------------------------------------
# YAML (read through PyYAML's own node tree; edited in place at the positions PyYAML reports)

_YAML_WORDS = ("y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf")
_MERGE_TAG = "tag:yaml.org,2002:merge"
_NULL_TAG = "tag:yaml.org,2002:null"
_PLAIN_TAGS = tuple("tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "timestamp"))
# The keys PyYAML's constructor rewrites in the node tree it reads (SafeConstructor.flatten_mapping).
_REWRITTEN_KEY_TAGS = (_MERGE_TAG, "tag:yaml.org,2002:value")


def _rewritten_by_constructor(root):
    """Whether constructing this node tree would change it: only merge (<<) and value (=) keys do."""
    seen = set()
    todo = [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:  # an alias is the same node object
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.tag in _REWRITTEN_KEY_TAGS:
                    return True
                todo.append(key)
                todo.append(value)
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
    return False


def _yaml_error(exc):
    mark = getattr(exc, "problem_mark", None)
    where = " at line %d" % (mark.line + 1) if mark is not None else ""
    # PyYAML's problem text names the construct, never the value; the context snippet is dropped.
    return FileFormatError("not valid YAML%s: %s" % (where, getattr(exc, "problem", None) or "syntax error"))


def _line(node):
    return node.start_mark.line + 1


def _require_yaml():
    global yaml  # pylint: disable=global-statement
    if yaml is None:
        try:
            import yaml as pyyaml  # pylint: disable=import-outside-toplevel
        except ImportError:  # pragma: no cover - PyYAML ships with ansible-core
            raise FileFormatError("PyYAML is required to edit YAML files")
        yaml = pyyaml


def _is_null(node):
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG


class YamlEditor(object):
    """YAML block or flow mappings (JSON included), read as PyYAML reads them.

    Names are dotted paths; a key that is itself written with dots (``payzen.key_prod:`` at the top
    level) is found as such, and new names follow the style of their neighbours (or ``flat``).
    Multi-line scalars are read whole and replaced whole; merge keys (``<<``) are read through.
    """

    kind = "yaml"

    def __init__(self, text, flat=None):
        _require_yaml()
        self.text = text
        self.flat = flat
        self._cache = (None, None)
        self._data = (None, None)
        self._root()
        self.data()

    # -- reading ---------------------------------------------------------------------------
    def data(self):
        """The document as yaml.safe_load reads it, once per version of the text.

        Constructed from the node tree _root() parsed (PyYAML's pure-Python scanner is most of the cost
        of a YAML store); from a copy of it where the constructor would rewrite it (merge keys), since
        edits need the tree as parsed. Copying every tree cost more than constructing it.
        """
        if self._data[0] is self.text:
            return self._data[1]
        root = self._root()
        if root is not None and _rewritten_by_constructor(root):
            root = copy.deepcopy(root)
        try:
            data = {} if root is None else yaml.SafeLoader("").construct_document(root)
        except yaml.YAMLError as exc:
            raise _yaml_error(exc)
        if not isinstance(data, dict):
            raise FileFormatError("its top level is not a mapping")
        self._data = (self.text, data)
        return data

    def _root(self):
        if self._cache[0] is self.text:
            return self._cache[1]
        try:
            nodes = [n for n in yaml.compose_all(self.text, Loader=yaml.SafeLoader) if n is not None and not _is_null(n)]
        except yaml.YAMLError as exc:
            raise _yaml_error(exc)
        if len(nodes) > 1:
            raise FileFormatError("holds several YAML documents; only one is supported")
        root = nodes[0] if nodes else None
        if root is not None and not isinstance(root, yaml.MappingNode):
            raise FileFormatError("its top level is not a mapping")
        self._cache = (self.text, root)
        return root

    @staticmethod
    def _merge_sources(mapping):
        out = []
        for key, value in mapping.value:
            if key.tag != _MERGE_TAG:
                continue
            items = value.value if isinstance(value, yaml.SequenceNode) else [value]
            out.extend(item for item in items if isinstance(item, yaml.MappingNode))
        return out

    def _member(self, mapping, name, depth=0):
        """(key node, value node, via a merge key) for name in mapping, or None."""
        direct = [(k, v) for k, v in mapping.value
                  if k.tag != _MERGE_TAG and isinstance(k, yaml.ScalarNode) and k.value == name]
        if len(direct) > 1:
            raise FileFormatError("%s is written twice in one mapping (lines %d and %d): applications disagree on "
                                  "which one counts; keep one" % (name, _line(direct[0][0]), _line(direct[-1][0])))
        if direct:
            return direct[0][0], direct[0][1], False
        if depth < 20:
            for source in self._merge_sources(mapping):  # the first source wins, as in PyYAML
                hit = self._member(source, name, depth + 1)
                if hit:
                    return hit[0], hit[1], True
        return None

    def _walk(self, node, rest):
        """Follow the parts of a dotted name: ([(mapping, key, value, merged, part)], parts not found)."""
        if not rest or not isinstance(node, yaml.MappingNode):
            return [], rest
        options = []
        for n in range(len(rest), 0, -1):  # a flat key written with dots first, then nested keys
            part = ".".join(rest[:n])
            hit = self._member(node, part)
            if hit:
                sub, left = self._walk(hit[1], rest[n:])
                options.append(([(node, hit[0], hit[1], hit[2], part)] + sub, left))
        if not options:
            return [], rest
        complete = [o for o in options if not o[1]]
        if len(complete) > 1:
            raise FileFormatError("%s is written both as one dotted key and as nested keys (lines %d and %d): the "
                                  "application reads only one of them; remove the other"
                                  % (".".join(rest), _line(complete[0][0][-1][1]), _line(complete[1][0][-1][1])))
        return complete[0] if complete else min(options, key=lambda o: len(o[1]))

    def _found(self, dotted):
        trail, rest = self._walk(self._root(), dotted.split("."))
        return trail if not rest else None

    def _scalar(self, node, dotted):
        if isinstance(node, yaml.MappingNode):
            raise FileFormatError("%s (line %d) holds a nested block, not a value" % (dotted, _line(node)))
        if isinstance(node, yaml.SequenceNode):
            raise FileFormatError("%s (line %d) holds a list, not a value" % (dotted, _line(node)))
        if node.tag == _NULL_TAG:
            return None
        if node.tag not in _PLAIN_TAGS:
            raise FileFormatError("%s (line %d) has the tag %s, which this collection does not read"
                                  % (dotted, _line(node), node.tag))
        return node.value  # the characters as written (multi-line scalars folded as YAML says)

    def get(self, dotted):
        trail = self._found(dotted)
        return None if trail is None else self._scalar(trail[-1][2], dotted)

    def has(self, dotted):
        return self._found(dotted) is not None

    def names(self):
        return sorted(_flatten(self.data(), keep_null=True))

    def snapshot(self):
        return _flatten(self.data())

    # -- writing ---------------------------------------------------------------------------
    @staticmethod
    def _token(value, style=None, json_like=False):
        if style == '"' or json_like:
            return json.dumps(value)
        if style == "'":
            return "'%s'" % value.replace("'", "''")
        # Plain only when every YAML parser (1.1 and 1.2) reads a string: no leading digit or sign,
        # no boolean-like word. Keys such as 0987654321098765 are numbers to YAML 1.2 parsers.
        if (re.match(r"^[A-Za-z_./@][A-Za-z0-9_./@+-]*$", value) and yaml.safe_load(value) == value
                and value.lower() not in _YAML_WORDS):
            return value
        return "'%s'" % value.replace("'", "''")

    @staticmethod
    def _key_token(name, json_like=False):
        if not json_like and re.match(r"^[A-Za-z0-9_][A-Za-z0-9_./-]*$", name) and name.lower() not in _YAML_WORDS:
            return name
        return json.dumps(name)

    def _unit(self):
        lines = [x for x in self.text.splitlines() if x.strip() and not x.lstrip().startswith("#")]
        indents = sorted(set(len(x) - len(x.lstrip(" ")) for x in lines) - {0})
        return indents[0] if indents else 2

    def _end_of_line(self, pos):
        """Index just after the line break that ends the line holding pos (text length if none)."""
        if pos > 0 and self.text[pos - 1] == "\n":
            return pos
        nl = self.text.find("\n", pos)
        return len(self.text) if nl < 0 else nl + 1

    def _last_end(self, node):
        if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
            key, value = node.value[-1]
            if value.start_mark.index < key.end_mark.index:  # an alias of an earlier node
                return key.end_mark.index
            return self._last_end(value)
        if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
            return self._last_end(node.value[-1])
        return node.end_mark.index

    def _json_like(self, mapping):
        keys = [k for k, _v in mapping.value if isinstance(k, yaml.ScalarNode)]
        if keys:
            return all(k.style == '"' for k in keys)
        return self.text.lstrip("\ufeff \t\r\n").startswith("{")

    def _replace(self, start, end, new):
        self.text = self.text[:start] + new + self.text[end:]

    def set(self, dotted, value):
        _check_value(dotted, value)
        root = self._root()
        path = dotted.split(".")
        trail, rest = self._walk(root, path)
        if not rest:
            mapping, key, node, merged, part = trail[-1]
            if merged:
                # The value comes from a merge key (<<): a key of the mapping itself overrides it.
                return self._insert(mapping, [part], value, dotted)
            return self._set_scalar(key, node, value, dotted, mapping.flow_style and self._json_like(mapping))
        if trail:
            _mapping, key, node, merged, part = trail[-1]
            if merged:
                raise FileFormatError("%s comes from a merge key (<<) at line %d: edit the mapping it comes from"
                                      % (".".join(path[:len(path) - len(rest)]), _line(node)))
            if isinstance(node, yaml.MappingNode):
                return self._insert(node, rest, value, dotted)
            if not _is_null(node):
                raise FileFormatError("%s (line %d) is a value, not a mapping"
                                      % (".".join(path[:len(path) - len(rest)]), _line(key)))
            return self._under_null(key, node, rest, value, dotted)
        if root is None or (not root.value and self.text.strip("\ufeff \t\r\n") == "{}"):
            # An empty document (or just {}) becomes a block mapping.
            bom = "\ufeff" if self.text.startswith("\ufeff") else ""
            body = "".join(x for x in self.text.lstrip("\ufeff").splitlines(True) if x.strip() != "{}")
            if body and not body.endswith("\n"):
                body += _newline(self.text)
            self.text = bom + body + self._block_lines(rest, value, 0, _newline(self.text))
            return None
        return self._insert(root, rest, value, dotted)

    def _set_scalar(self, key, node, value, dotted, json_like):
        if not isinstance(node, yaml.ScalarNode):
            self._scalar(node, dotted)  # raises the precise reason
        start, end = node.start_mark.index, node.end_mark.index
        if start < key.end_mark.index:
            raise FileFormatError("%s (line %d) is an alias (*) of a value written elsewhere: edit that value, or "
                                  "write the value in place of the alias" % (dotted, _line(key)))
        raw = self.text[start:end]
        if raw[:1] in ("&", "!"):
            raise FileFormatError("%s (line %d) has an anchor or a tag: edit it by hand" % (dotted, _line(key)))
        if node.tag not in _PLAIN_TAGS + (_NULL_TAG,):
            self._scalar(node, dotted)
        if start == end:  # `name:` with nothing after it
            return self._replace(start, end, " " + self._token(value, json_like=json_like))
        style = node.style if node.style in ("'", '"') else None
        token = self._token(value, None if _is_null(node) else style, json_like)
        if node.style in ("|", ">") and raw.endswith("\n"):
            token += _newline(self.text)  # a block scalar's span ends with its line break
        return self._replace(start, end, token)

    def _nested(self, rest, value, json_like):
        if len(rest) == 1:
            return "%s: %s" % (self._key_token(rest[0], json_like), self._token(value, json_like=json_like))
        return "%s: {%s}" % (self._key_token(rest[0], json_like), self._nested(rest[1:], value, json_like))

    def _parts(self, mapping, rest):
        """New names as one dotted key (flat) or nested keys, following the mapping's own style."""
        flat = self.flat
        if flat is None:
            flat = len(rest) > 1 and any(
                isinstance(k, yaml.ScalarNode) and k.value.startswith(rest[0] + ".") for k, _v in mapping.value)
        return [".".join(rest)] if flat else rest

    def _block_lines(self, rest, value, indent, nl):
        unit = self._unit()
        lines = []
        for depth, part in enumerate(rest):
            pad = " " * (indent + depth * unit)
            if depth == len(rest) - 1:
                lines.append("%s%s: %s%s" % (pad, self._key_token(part), self._token(value), nl))
            else:
                lines.append("%s%s:%s" % (pad, self._key_token(part), nl))
        return "".join(lines)

    def _insert(self, mapping, rest, value, dotted):
        rest = self._parts(mapping, rest)
        nl = _newline(self.text)
        if mapping.flow_style:
            json_like = self._json_like(mapping)
            member = self._nested(rest, value, json_like)
            if not mapping.value:
                close = mapping.end_mark.index - 1
                if self.text[close:close + 1] != "}":
                    raise FileFormatError("%s: cannot find the end of the mapping at line %d" % (dotted, _line(mapping)))
                return self._replace(close, close, member)
            last_key, last = mapping.value[-1]
            end = max(last.end_mark.index, last_key.end_mark.index)
            between = self.text[mapping.start_mark.index:mapping.value[0][0].start_mark.index]
            if "\n" in between:  # one member per line: follow the indentation of the last one
                line_start = self.text.rfind("\n", 0, last_key.start_mark.index) + 1
                sep = "," + nl + self.text[line_start:last_key.start_mark.index]
            else:
                sep = ", "
            return self._replace(end, end, sep + member)
        first = mapping.value[0][0]
        indent = first.start_mark.column
        line_start = self.text.rfind("\n", 0, first.start_mark.index) + 1
        if self.text[line_start:first.start_mark.index].strip("\ufeff \t"):
            raise FileFormatError("%s: the mapping at line %d does not start its own line (a list item?): edit it "
                                  "by hand" % (dotted, _line(first)))
        at = self._end_of_line(self._last_end(mapping))
        prefix = nl if at == len(self.text) and self.text and not self.text.endswith("\n") else ""
        return self._replace(at, at, prefix + self._block_lines(rest, value, indent, nl))

    def _under_null(self, key, node, rest, value, dotted):
        """`name:` or `name: ~` becomes a mapping holding the new names."""
        line_start = self.text.rfind("\n", 0, key.start_mark.index) + 1
        if self.text[line_start:key.start_mark.index].strip("\ufeff \t"):
            raise FileFormatError("%s: line %d holds more than one key: edit it by hand" % (dotted, _line(key)))
        start, end = node.start_mark.index, node.end_mark.index
        self._replace(start, end, "")
        at = self._end_of_line(start)
        prefix = _newline(self.text) if at == len(self.text) and not self.text.endswith("\n") else ""
        lines = self._block_lines(rest, value, key.start_mark.column + self._unit(), _newline(self.text))
        self._replace(at, at, prefix + lines)

    def delete(self, dotted):
        trail = self._found(dotted)
        if trail is None:
            return
        mapping, key, node, merged, _part = trail[-1]
        if merged:
            raise FileFormatError("%s comes from a merge key (<<) at line %d: it cannot be removed here"
                                  % (dotted, _line(node)))
        if not isinstance(node, yaml.ScalarNode):
            self._scalar(node, dotted)
        index = [k for k, _v in mapping.value].index(key)
        value_end = node.end_mark.index if node.start_mark.index >= key.end_mark.index else key.end_mark.index
        if mapping.flow_style:
            if index + 1 < len(mapping.value):
                return self._replace(key.start_mark.index, mapping.value[index + 1][0].start_mark.index, "")
            if index > 0:
                return self._replace(mapping.value[index - 1][1].end_mark.index, value_end, "")
            return self._replace(key.start_mark.index, value_end, "")
        line_start = self.text.rfind("\n", 0, key.start_mark.index) + 1
        if self.text[line_start:key.start_mark.index].strip("\ufeff \t"):
            raise FileFormatError("%s: line %d holds more than one key: edit it by hand" % (dotted, _line(key)))
        if line_start == 0 and self.text.startswith("\ufeff"):
            line_start = 1  # the byte-order mark stays
        return self._replace(line_start, self._end_of_line(value_end), "")


def _flatten(data, prefix="", keep_null=False):
    out = {}
    for key, value in data.items():
        name = "%s%s" % (prefix, key)
        if isinstance(value, dict):
            out.update(_flatten(value, name + ".", keep_null))
        elif value is not None or keep_null:
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


# ---------------------------------------------------------------------------------------------
# INI

_INI_SECTION = re.compile(r"^\s*\[(?P<name>[^\]]+)\]\s*(?:[#;].*)?$")
_INI_OPTION = re.compile(r"^(?P<lead>[ \t]*)(?P<name>[^=:\s;#\[][^=:]*?)(?P<eq>[ \t]*[=:][ \t]*)(?P<rest>.*)$")


class IniEditor(object):
    """INI files; names are ``section.option`` (split at the last dot).

    Lines are read as configparser reads them: an indented line after an option continues its value.
    A setting whose value continues on other lines is refused, never read as its first line.
    """

    kind = "ini"

    def __init__(self, text, flat=None):
        self.text = text
        self._cache = (None, None)
        self.snapshot()
        self._scan()

    @staticmethod
    def _split(dotted):
        if "." not in dotted:
            raise FileFormatError("INI setting %r must be written section.option" % dotted)
        section, option = dotted.rsplit(".", 1)
        return section, option

    def _scan(self):
        """[(section, option or None, line index, match, [continuation line indexes])] in file order."""
        if self._cache[0] is self.text:
            return self._cache[1]
        out = []
        section = None
        current = None  # the option whose value an indented line would continue, and its indent
        for i, line in enumerate(self.text.splitlines(True)):
            body = line.rstrip("\r\n")
            if i == 0:
                body = body.lstrip("\ufeff")
            s = body.strip()
            indent = len(body) - len(body.lstrip())
            if not s:
                continue
            if s[0] in "#;":
                continue
            if current is not None and indent > current[1]:
                current[0][4].append(i)  # configparser: a continuation line of the value above
                continue
            m = _INI_SECTION.match(body)
            if m:
                section = m.group("name").strip()
                out.append((section, None, i, m, []))
                current = None
                continue
            m = _INI_OPTION.match(body)
            if m and section is not None:
                entry = (section, m.group("name").strip(), i, m, [])
                out.append(entry)
                current = (entry, indent)
            else:
                raise FileFormatError("line %d is neither a [section], an option nor a comment" % (i + 1))
        self._cache = (self.text, out)
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
        if len(hits) > 1:
            raise FileFormatError("%s is set more than once (lines %s): INI readers disagree on which one counts; "
                                  "keep one" % (dotted, ", ".join(str(e[2] + 1) for e in hits)))
        if hits and hits[0][4]:
            raise FileFormatError("%s (line %d) continues on line %d (a multi-line value): a setting must be one line"
                                  % (dotted, hits[0][2] + 1, hits[0][4][0] + 1))
        return hits[0] if hits else None

    def get(self, dotted):
        hit = self._option(dotted)
        if hit is None:
            return None
        value = self._value(hit[3].group("rest"))[1]
        return value if value != "" else None

    def has(self, dotted):
        return self._option(dotted) is not None

    def names(self):
        return sorted("%s.%s" % (e[0], e[1]) for e in self._scan() if e[1] is not None)

    def set(self, dotted, value):
        _check_value(dotted, value)
        section, option = self._split(dotted)
        lines = self.text.splitlines(True)
        nl = _newline(self.text)
        hit = self._option(dotted)
        if hit is not None:
            _s, _o, i, m, _cont = hit
            body = lines[i].rstrip("\r\n")
            lead = body[:len(body) - len(body.lstrip("\ufeff"))] if i == 0 else ""
            quote, _old, end = self._value(m.group("rest"))
            rest = m.group("rest")
            lines[i] = lead + m.string[:m.start("rest")] + quote + value + quote + rest[end:] + lines[i][len(body):]
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
            last = in_section[-1]
            at = (last[4][-1] if last[4] else last[2]) + 1
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
        bom = "\ufeff" if hit[2] == 0 and self.text.startswith("\ufeff") else ""
        lines[hit[2]:hit[2] + 1] = [bom] if bom else []
        self.text = "".join(lines)

    def snapshot(self):
        parser = configparser.ConfigParser(interpolation=None, strict=False, default_section="\x00")
        parser.optionxform = str
        try:
            parser.read_string(self.text.lstrip("\ufeff"))
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
