"""Property: on odd but valid stores of every type, the collection reads what the reference parser reads,
and an edit changes that value only.

Reference parsers: PyYAML (yaml.safe_load), json, configparser (the INI grammar documented in
docs/stores.md: surrounding quotes and `` ;``/`` #`` comments are not part of a value), python-dotenv.
The hypothesis profile (tests/conftest.py) is deterministic and keeps no example database.
"""

import configparser
import io
import json
import string

import yaml
from dotenv import dotenv_values
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ansible_collections.vads.shop.plugins.module_utils.editors import EDITORS, edit

NEW = "Zy9Xw8Vu7Ts6Rq5P"
BUDGET = settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])

words = st.text(alphabet=string.ascii_letters, min_size=1, max_size=8).filter(
    lambda w: w.lower() not in ("y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"))
names = st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=8).filter(lambda s: not s.startswith("vads"))
keys = st.text(alphabet=string.ascii_letters + string.digits, min_size=16, max_size=24).map(lambda s: "K" + s)
comments = st.text(alphabet=string.ascii_letters + " #:='\"é", max_size=16).map(lambda s: "# " + s)


def flatten(data, prefix=""):
    out = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out.update(flatten(value, "%s%s." % (prefix, key)))
        else:
            out["%s%s" % (prefix, key)] = value
    return out


# --- YAML -------------------------------------------------------------------------------------

def yaml_scalar(draw, indent, value=None):
    """A scalar in one of YAML's styles (the value PyYAML reads is checked, not assumed)."""
    value = value if value is not None else " ".join(draw(st.lists(words, min_size=1, max_size=3)))
    parts = value.split(" ")
    pad = " " * (indent + 2)
    style = draw(st.sampled_from(["plain", "single", "double", "plain-lines", "single-lines", "double-lines",
                                  "double-escaped-break", "literal", "folded", "folded-strip"]))
    if style == "plain" or (style.endswith("-lines") and len(parts) == 1 and style == "plain-lines"):
        return value
    if style == "single":
        return "'%s'" % value.replace("'", "''")
    if style == "double":
        return json.dumps(value)
    if style == "plain-lines":
        return parts[0] + "".join("\n%s%s" % (pad, p) for p in parts[1:])
    if style == "single-lines":
        return "'" + parts[0] + "".join("\n%s%s" % (pad, p) for p in parts[1:]) + "'"
    if style == "double-lines":
        return '"' + parts[0] + "".join("\n%s%s" % (pad, p) for p in parts[1:]) + '"'
    if style == "double-escaped-break":
        return '"' + parts[0] + "".join("\\\n%s%s" % (pad, p) for p in parts[1:]) + '"'
    header = {"literal": "|", "folded": ">", "folded-strip": ">-"}[style]
    return header + "".join("\n%s%s" % (pad, p) for p in parts)


@st.composite
def yaml_stores(draw):
    lines = []
    for _entry in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["comment", "scalar", "block", "flow", "blank"]))
        name = draw(names)
        if kind == "comment":
            lines.append(draw(comments))
        elif kind == "blank":
            lines.append("")
        elif kind == "scalar":
            lines.append("%s: %s" % (name, yaml_scalar(draw, 0)))
        elif kind == "block":
            lines.append("%s:  %s\n  %s: %s" % (name, draw(comments), draw(names), yaml_scalar(draw, 2)))
        else:
            lines.append("%s: {%s: %s, %s: '%s'}" % (name, draw(names) + "a", draw(words), draw(names) + "b", draw(words)))
    form = draw(st.sampled_from(["nested", "flat", "flow", "absent"]))
    target = draw(keys) if draw(st.booleans()) else " ".join(draw(st.lists(keys, min_size=2, max_size=3)))
    if form == "nested":
        entry = "vads:\n  ctx_mode: TEST  %s\n  key_prod: %s" % (draw(comments), yaml_scalar(draw, 2, target))
    elif form == "flat":
        entry = "vads.ctx_mode: TEST\nvads.key_prod: %s" % yaml_scalar(draw, 0, target)
    elif form == "flow":
        entry = "vads: {ctx_mode: TEST, key_prod: %s}" % json.dumps(target)
    else:
        entry = None
    if entry is not None:
        lines.insert(draw(st.integers(0, len(lines))), entry)
    bom = "\ufeff" if draw(st.booleans()) else ""
    return bom + "\n".join(lines) + "\n"


def yaml_reference(text):
    data = yaml.safe_load(text) or {}
    # A dotted name is the nested path or the flat key, whichever the file has.
    return flatten(data)


@BUDGET
@given(yaml_stores())
def test_property_yaml_reads_as_pyyaml_and_edits_one_value(text):
    before = yaml_reference(text)
    assert EDITORS["yaml"](text).get("vads.key_prod") == before.get("vads.key_prod")
    assert EDITORS["yaml"](text).get("vads.ctx_mode") == before.get("vads.ctx_mode")
    new = edit("yaml", text, {"vads.key_prod": NEW})
    assert new.startswith("\ufeff") == text.startswith("\ufeff")
    expected = dict(before, **{"vads.key_prod": NEW})
    assert yaml_reference(new) == expected


# --- JSON -------------------------------------------------------------------------------------

@st.composite
def json_stores(draw):
    data = draw(st.dictionaries(names, st.one_of(st.integers(), words, st.none(), st.booleans(),
                                                 st.dictionaries(names, words, max_size=2)), max_size=4))
    form = draw(st.sampled_from(["nested", "flat", "absent"]))
    if form == "nested":
        data["vads"] = {"ctx_mode": "TEST", "key_prod": draw(keys)}
    elif form == "flat":
        data["vads.ctx_mode"] = "TEST"
        data["vads.key_prod"] = draw(keys)
    text = json.dumps(data, indent=draw(st.sampled_from([None, 2, 4, "\t"])), ensure_ascii=draw(st.booleans()))
    return ("\ufeff" if draw(st.booleans()) else "") + text + draw(st.sampled_from(["", "\n", "\r\n"]))


@BUDGET
@given(json_stores())
def test_property_json_reads_as_json_and_edits_one_value(text):
    before = flatten(json.loads(text.lstrip("\ufeff")))
    assert EDITORS["json"](text).get("vads.key_prod") == before.get("vads.key_prod")
    new = edit("json", text, {"vads.key_prod": NEW})
    assert flatten(json.loads(new.lstrip("\ufeff"))) == dict(before, **{"vads.key_prod": NEW})
    assert new.startswith("\ufeff") == text.startswith("\ufeff")


# --- INI --------------------------------------------------------------------------------------

@st.composite
def ini_stores(draw):
    lines = []
    sections = draw(st.lists(st.sampled_from(["app", "db", "log", "vads"]), unique=True, max_size=3))
    for section in sections:
        lines.append("[%s]%s" % (section, draw(st.sampled_from(["", "  ; note"]))))
        for option in draw(st.lists(names, unique=True, max_size=3)):
            eq = draw(st.sampled_from(["=", " = ", ": ", "\t=\t"]))
            value = draw(words)
            if draw(st.booleans()):
                value += "\n    " + draw(words)  # a continuation line (configparser joins it)
            lines.append("%s%s%s" % (option, eq, value))
            if draw(st.booleans()):
                lines.append(draw(st.sampled_from(["; ", "# "])) + draw(words))
        if section == "vads" and draw(st.booleans()):
            lines.append("key_prod%s%s" % (draw(st.sampled_from(["=", " = "])), draw(keys)))
        lines.append("")
    return ("\ufeff" if draw(st.booleans()) else "") + "\n".join(lines)


def ini_reference(text):
    parser = configparser.ConfigParser(interpolation=None, default_section="\x00")
    parser.optionxform = str
    parser.read_string(text.lstrip("\ufeff"))
    return dict(("%s.%s" % (s, o), v) for s in parser.sections() for o, v in parser.items(s, raw=True))


@BUDGET
@given(ini_stores())
def test_property_ini_reads_as_configparser_and_edits_one_value(text):
    before = ini_reference(text)
    assert EDITORS["ini"](text).get("vads.key_prod") == before.get("vads.key_prod")
    new = edit("ini", text, {"vads.key_prod": NEW})
    assert ini_reference(new) == dict(before, **{"vads.key_prod": NEW})


# --- dotenv -----------------------------------------------------------------------------------

def env_value(draw, value):
    style = draw(st.sampled_from(["plain", "single", "double", "double-escapes", "double-lines", "single-lines"]))
    if style == "plain":
        return value.replace(" ", "_")
    if style == "single":
        return "'%s'" % value
    if style == "double":
        return '"%s"' % value
    if style == "double-escapes":
        return '"%s"' % (value.replace(" ", "\\n", 1).replace(" ", '\\"', 1).replace(" ", "\\\\", 1))
    if style == "double-lines":
        return '"%s"' % value.replace(" ", "\n")
    return "'%s'" % value.replace(" ", "\n")


@st.composite
def dotenv_stores(draw):
    lines = []
    used = set()
    for _entry in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["comment", "blank", "assign"]))
        if kind == "comment":
            lines.append(draw(comments))
        elif kind == "blank":
            lines.append(draw(st.sampled_from(["", "   "])))
        else:
            name = draw(names).upper()
            if name in used:
                continue
            used.add(name)
            prefix = draw(st.sampled_from(["", "export ", "  "]))
            eq = draw(st.sampled_from(["=", " = ", "= "]))
            value = env_value(draw, " ".join(draw(st.lists(words, min_size=1, max_size=3))))
            trail = draw(st.sampled_from(["", "  # note", " "]))
            lines.append("%s%s%s%s%s" % (prefix, name, eq, value, trail))
    if draw(st.booleans()):
        prefix = draw(st.sampled_from(["", "export "]))
        eq = draw(st.sampled_from(["=", " = "]))
        lines.insert(draw(st.integers(0, len(lines))), "%sVADS_KEY_PROD%s%s" % (prefix, eq, env_value(draw, draw(keys))))
    bom = "\ufeff" if draw(st.booleans()) else ""
    return bom + "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


def dotenv_reference(text):
    # python-dotenv reads the file's characters; the BOM is the encoding's, not part of the first name.
    return dict(dotenv_values(stream=io.StringIO(text.lstrip("\ufeff")), interpolate=False))


@BUDGET
@given(dotenv_stores())
def test_property_dotenv_reads_as_python_dotenv_and_edits_one_value(text):
    before = dotenv_reference(text)
    editor = EDITORS["dotenv"](text)
    assert editor.values() == before
    new = edit("dotenv", text, {"VADS_KEY_PROD": NEW})
    assert dotenv_reference(new) == dict(before, VADS_KEY_PROD=NEW)
    assert new.startswith("\ufeff") == text.startswith("\ufeff")
