# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The INI store editor (see editors.py).

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import configparser
import re

from ansible_collections.vads.shop.plugins.module_utils.editors import FileFormatError, _check_value, _newline


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
