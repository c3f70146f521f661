# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The YAML store editor (see editors.py): read through PyYAML's own node tree, edited in place at the
positions PyYAML reports.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import copy
import json
import re

from ansible_collections.vads.shop.plugins.module_utils.editors import (
    FileFormatError,
    _check_value,
    _flatten,
    _newline,
)

# PyYAML is imported by the first YAML editor (_require_yaml): most module calls edit no YAML file, and the
# import cost every module process 15-25 ms.
yaml = None


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
