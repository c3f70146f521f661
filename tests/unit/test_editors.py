"""In-place editors: values read as written, edits touch one value, everything else survives."""

import difflib
import json
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ansible_collections.vads.shop.plugins.module_utils.editors import (
    EDITORS,
    FileFormatError,
    edit,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "stores"
CASES = {
    "dotenv": ("shop.env", "VADS_CTX_MODE", "VADS_KEY_TEST", "VADS_SITE_ID", "VADS_KEY_PROD"),
    "yaml": ("shop.yaml", "vads.ctx_mode", "vads.key_test", "vads.site_id", "vads.key_prod"),
    "json": ("shop.json", "vads.ctx_mode", "vads.key_test", "vads.site_id", "vads.key_prod"),
    "ini": ("shop.ini", "vads.ctx_mode", "vads.key_test", "vads.site_id", "vads.key_prod"),
}


def changed_lines(old, new):
    """(old lines replaced or deleted, new lines added)."""
    removed, added = [], []
    a, b = old.splitlines(True), new.splitlines(True)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            removed += a[i1:i2]
            added += b[j1:j2]
    return removed, added


@pytest.mark.parametrize("kind", sorted(CASES))
def test_hand_written_values_read_as_strings(kind):
    name, mode, key_test, site_id, key_prod = CASES[kind]
    editor = EDITORS[kind]((FIXTURES / name).read_text())
    assert editor.get(mode) == "TEST"
    # Unquoted in yaml/json/ini: must not become the number 123456789012345 (leading zero lost).
    assert editor.get(key_test) == "0123456789012345"
    assert editor.get(site_id) == "40127895"
    assert editor.get(key_prod) is None


@pytest.mark.parametrize("kind", sorted(CASES))
def test_set_existing_changes_one_line_only(kind):
    name, mode = CASES[kind][:2]
    old = (FIXTURES / name).read_text()
    new = edit(kind, old, {mode: "PRODUCTION"})
    removed, added = changed_lines(old, new)
    assert len(removed) == 1 and len(added) == 1
    assert "TEST" in removed[0] and "PRODUCTION" in added[0]
    # Quoting style and trailing comment kept.
    assert removed[0].replace("TEST", "PRODUCTION", 1) == added[0]
    assert EDITORS[kind](new).get(mode) == "PRODUCTION"


@pytest.mark.parametrize("kind", sorted(CASES))
def test_insert_numeric_key_reads_back_as_string(kind):
    name, _mode, _kt, _sid, key_prod = CASES[kind]
    old = (FIXTURES / name).read_text()
    new = edit(kind, old, {key_prod: "0987654321098765"})
    removed, added = changed_lines(old, new)
    assert removed == [] or (kind == "json" and len(removed) == 1)
    assert EDITORS[kind](new).get(key_prod) == "0987654321098765"
    if kind == "yaml":
        assert yaml.safe_load(new)["vads"]["key_prod"] == "0987654321098765"
        assert "    key_prod: '0987654321098765'\n" in added  # the block's own indentation
    if kind == "json":
        assert json.loads(new)["vads"]["key_prod"] == "0987654321098765"
    # idempotent: a second edit with the same value changes nothing
    assert edit(kind, new, {key_prod: "0987654321098765"}) == new


def test_dotenv_export_prefix_and_comment_kept():
    text = "export VADS_CTX_MODE=TEST # go-live\n"
    assert edit("dotenv", text, {"VADS_CTX_MODE": "PRODUCTION"}) == "export VADS_CTX_MODE=PRODUCTION # go-live\n"


def test_dotenv_duplicate_names_are_refused_naming_the_lines():
    text = "VADS_CTX_MODE=TEST\nX=1\nVADS_CTX_MODE=PRODUCTION\n"
    for action in (lambda e: e.get("VADS_CTX_MODE"), lambda e: e.set("VADS_CTX_MODE", "TEST"),
                   lambda e: e.delete("VADS_CTX_MODE")):
        editor = EDITORS["dotenv"](text)
        with pytest.raises(FileFormatError, match=r"assigned more than once \(lines 1, 3\)"):
            action(editor)
        assert editor.text == text
    assert EDITORS["dotenv"](text).get("X") == "1"  # other names stay readable


def test_dotenv_new_line_added_after_missing_final_newline():
    assert edit("dotenv", "A=1", {"VADS_CTX_MODE": "TEST"}) == "A=1\nVADS_CTX_MODE=TEST\n"


def test_crlf_files_keep_crlf():
    text = "A=1\r\nVADS_CTX_MODE=TEST\r\n"
    assert edit("dotenv", text, {"VADS_CTX_MODE": "PRODUCTION", "VADS_KEY_PROD": "AbCd1234EfGh5678"}) == \
        "A=1\r\nVADS_CTX_MODE=PRODUCTION\r\nVADS_KEY_PROD=AbCd1234EfGh5678\r\n"


def test_yaml_creates_missing_section_at_end():
    text = "# app\napp:\n  name: x\n"
    new = edit("yaml", text, {"vads.ctx_mode": "TEST"})
    assert new == "# app\napp:\n  name: x\nvads:\n  ctx_mode: TEST\n"


def test_yaml_null_parent_gets_children():
    new = edit("yaml", "vads:\nother: 1\n", {"vads.ctx_mode": "TEST"})
    assert yaml.safe_load(new) == {"vads": {"ctx_mode": "TEST"}, "other": 1}


def test_yaml_double_quoted_style_kept():
    new = edit("yaml", 'vads:\n  key_prod: "2222222222222222"\n', {"vads.key_prod": "AbCd1234EfGh5678"})
    assert new == 'vads:\n  key_prod: "AbCd1234EfGh5678"\n'


def test_json_inline_object_kept_inline():
    new = edit("json", '{"vads": {"ctx_mode": "TEST"}}', {"vads.key_prod": "0987654321098765"})
    assert new == '{"vads": {"ctx_mode": "TEST", "key_prod": "0987654321098765"}}'


def test_json_empty_object_and_missing_parent():
    new = edit("json", '{\n    "app": {}\n}\n', {"vads.ctx_mode": "TEST"})
    assert json.loads(new) == {"app": {}, "vads": {"ctx_mode": "TEST"}}
    assert '\n    "vads": {\n        "ctx_mode": "TEST"\n    }\n' in new


def test_ini_new_section_and_delete():
    new = edit("ini", "[app]\nname = x\n", {"vads.ctx_mode": "TEST"})
    assert new == "[app]\nname = x\n\n[vads]\nctx_mode = TEST\n"
    assert edit("ini", new, {"vads.ctx_mode": None}) == "[app]\nname = x\n\n[vads]\n"


@pytest.mark.parametrize("kind,text,fragment", [
    ("dotenv", "A=1\nthis is not an assignment\n", "line 2"),
    ("dotenv", 'A="unterminated\n', "never closed"),
    ("yaml", "vads:\n  ctx_mode: [TEST\n", "not valid YAML"),
    ("yaml", "- a\n- b\n", "not a mapping"),
    ("yaml", "a: 1\n---\nb: 2\n", "several YAML documents"),
    ("json", '{"vads": {"ctx_mode": "TEST",}}', "not valid JSON"),
    ("json", "[1, 2]", "not an object"),
    ("json", '{"va\\qds": 1}', "not valid JSON"),
    ("json", '{"vads": {"site_id": 012}}', "not valid JSON"),
    ("ini", "ctx_mode = TEST\n", "not valid INI"),
    ("ini", "[vads\nctx_mode = TEST\n", "not valid INI"),
])
def test_malformed_files_are_reported(kind, text, fragment):
    with pytest.raises(FileFormatError, match=fragment):
        EDITORS[kind](text)


@pytest.mark.parametrize("kind,text,name", [
    ("yaml", "vads:\n  ctx_mode:\n    nested: 1\n", "vads.ctx_mode"),
    ("yaml", "vads: 12\n", "vads.ctx_mode"),
    ("json", '{"vads": {"ctx_mode": {"a": 1}}}', "vads.ctx_mode"),
    ("json", '{"vads": "x"}', "vads.ctx_mode"),
])
def test_refuses_to_overwrite_structures(kind, text, name):
    with pytest.raises(FileFormatError):
        edit(kind, text, {name: "PRODUCTION"})


# --- property-based: editing never alters unrelated content ---------------------------------

names = st.text(alphabet=string.ascii_uppercase + "_", min_size=1, max_size=10).filter(lambda s: s[0] != "_")
plain_values = st.text(alphabet=string.ascii_letters + string.digits + "./:-", max_size=12)
comments = st.text(alphabet=string.ascii_letters + " #=:'\"é日", max_size=20).map(lambda s: "#" + s)
TARGET = "VADS_CTX_MODE"


@st.composite
def dotenv_files(draw):
    lines = []
    for _line in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["comment", "blank", "plain", "double", "single", "export", "spaced"]))
        name = draw(names)
        if name == TARGET:
            name = "X" + name
        value = draw(plain_values)
        lines.append({
            "comment": draw(comments),
            "blank": "",
            "plain": "%s=%s" % (name, value),
            "double": '%s="%s"' % (name, value),
            "single": "%s='%s'" % (name, value),
            "export": "export %s=%s" % (name, value),
            "spaced": "%s = %s   # note" % (name, value),
        }[kind])
    if draw(st.booleans()):
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, draw(st.sampled_from(['VADS_CTX_MODE=TEST', 'export VADS_CTX_MODE="TEST" # x',
                                               "VADS_CTX_MODE = 'TEST'"])))
    return "\n".join(lines) + ("\n" if draw(st.booleans()) else "")


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(dotenv_files(), st.sampled_from(["PRODUCTION", "TEST", "0123456789012345"]))
def test_property_dotenv_edit_touches_only_target(text, value):
    new = edit("dotenv", text, {TARGET: value})
    removed, added = changed_lines(text, new)
    assert all(TARGET in line or line.strip() == "" or not line.endswith("\n") for line in removed)
    assert all(TARGET in line for line in added if line.strip()) or removed
    before = EDITORS["dotenv"](text).values()
    after = EDITORS["dotenv"](new).values()
    before[TARGET] = value
    assert after == before


@settings(max_examples=300)
@given(st.text(alphabet=string.ascii_letters + string.digits + "_./:@+,-# \t'\"\\=", max_size=24))
def test_property_dotenv_plain_values_read_as_the_full_reader_reads_them(rest):
    """The parser's shortcut for plain words gives what the full value reader gives, and only takes them."""
    from ansible_collections.vads.shop.plugins.module_utils import editors  # pylint: disable=import-outside-toplevel
    full = editors._split_env_value(rest, 1)  # pylint: disable=protected-access
    if editors._ENV_PLAIN_SAFE.fullmatch(rest):  # pylint: disable=protected-access
        assert full == ("", rest, len(rest))
    text = "# x\nVADS_A=%s\n" % rest
    full = editors._split_env_value(rest.lstrip(" \t"), 1)  # pylint: disable=protected-access
    try:
        got = EDITORS["dotenv"](text).get("VADS_A")
    except FileFormatError:
        assert full is None or rest[full[2]:].strip()[:1] not in ("", "#")  # an open quote, text after one
    else:
        assert full is not None and got == full[1]


yaml_keys = st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=8)
yaml_scalars = st.one_of(st.integers(0, 10 ** 12), st.booleans(), plain_values.filter(lambda s: s.strip()),
                         st.text(alphabet=string.ascii_letters + " é日", min_size=1, max_size=10))


@st.composite
def yaml_docs(draw):
    data = draw(st.dictionaries(yaml_keys, st.one_of(yaml_scalars, st.dictionaries(yaml_keys, yaml_scalars,
                                                                                   max_size=4)), max_size=5))
    data.pop("vads", None)
    if draw(st.booleans()):
        data["vads"] = draw(st.dictionaries(yaml_keys, yaml_scalars, max_size=3))
    indent = draw(st.sampled_from([2, 4]))
    text = yaml.safe_dump(data, indent=indent, allow_unicode=True, default_flow_style=False, sort_keys=False)
    if draw(st.booleans()):
        text = "# hand-written header\n" + text + "# trailing comment\n"
    return text


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_docs(), st.sampled_from(["PRODUCTION", "0123456789012345", "AbCd1234EfGh5678"]))
@example("vads:\n  key_prod: abc\n  x: 1\n", "AbCd1234EfGh5678")  # the generator drew the target name once
def test_property_yaml_edit_keeps_everything_else(text, value):
    new = edit("yaml", text, {"vads.key_prod": value})
    removed, _added = changed_lines(text, new)
    assert all("key_prod" in line or line.rstrip() in ("vads: {}", "vads:", "{}") for line in removed)
    before = yaml.safe_load(text) or {}
    after = yaml.safe_load(new)
    assert after["vads"]["key_prod"] == value
    after["vads"].pop("key_prod")
    if isinstance(before.get("vads"), dict):
        before["vads"].pop("key_prod", None)  # the generator may draw the target name itself
    if not after["vads"] and not isinstance(before.get("vads"), dict):
        after.pop("vads")
    elif not before.get("vads"):
        before["vads"] = {}
    assert after == before


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(yaml_keys, st.one_of(yaml_scalars, st.dictionaries(yaml_keys, yaml_scalars, max_size=3)),
                       max_size=5),
       st.sampled_from([None, 2, 4, "\t"]), st.sampled_from(["PRODUCTION", "0123456789012345"]))
def test_property_json_edit_keeps_everything_else(data, indent, value):
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    new = edit("json", text, {"vads.ctx_mode": value})
    after = json.loads(new)
    expected = json.loads(text)
    if not isinstance(expected.get("vads"), dict):
        expected["vads"] = {}
    expected["vads"]["ctx_mode"] = value
    assert after == expected
    # The text before the edit point is untouched.
    assert new.startswith(text[:text.rfind("}")].rstrip()[:len(text) // 2])


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["app", "vads", "log", "db"]),
                       st.dictionaries(yaml_keys, plain_values, max_size=4), max_size=4),
       st.sampled_from([" = ", "=", ": "]), st.booleans())
def test_property_ini_edit_touches_only_target(sections, eq, comments_on):
    lines = []
    for section, options in sections.items():
        lines.append("[%s]" % section)
        if comments_on:
            lines.append("; about %s" % section)
        for option, value in options.items():
            lines.append("%s%s%s" % (option, eq, value))
        lines.append("")
    text = "\n".join(lines)
    new = edit("ini", text, {"vads.ctx_mode": "PRODUCTION"})
    removed, added = changed_lines(text, new)
    assert all("ctx_mode" in line or not line.strip() or not line.endswith("\n") for line in removed)
    assert [line for line in added if line.strip() and "ctx_mode" not in line] in ([], ["[vads]\n"]) or removed
    assert EDITORS["ini"](new).get("vads.ctx_mode") == "PRODUCTION"


YAML_AS_LOADED = [
    "vads:\n  site_id: '12345678'\n  ctx_mode: TEST\n",
    "base: &b\n  site_id: '40127895'\n  ctx_mode: TEST\nvads:\n  <<: *b\n  key_test: '1111'\n",
    "a: &a {x: 1}\nb: &b {y: 2}\nvads:\n  <<: [*a, *b]\n  ctx_mode: PRODUCTION\n  x: 3\n",
    "---\n# comment\nvads: {key_prod: \"22\", on: yes, when: 2024-01-02, n: ~, f: 1.5}\n...\n",
    "vads:\n  note: |\n    two\n    lines\n  folded: >\n    one\n    line\nlist: [1, 2, {k: v}]\n",
    "",
    "vads:\n  ctx_mode: TEST\n  =: default value\n",  # a value key, which the constructor also rewrites
    "x: &x {<<: {deep: 1}}\nvads:\n  ctx_mode: TEST\n  list: [*x, {<<: *x}]\n",
    "vads:\n  ctx_mode: TEST\nr: &r [1, {k: &k v}]\ns: [*r, *r, *k]\n",  # aliases: one node, several places
]


@pytest.mark.parametrize("text", YAML_AS_LOADED)
def test_yaml_data_is_what_safe_load_reads_and_leaves_the_node_tree_as_parsed(text):
    # data() is built from the node tree the editor parsed (one scan of the text, not two): the same as
    # yaml.safe_load, and merge keys still read and edited through afterwards (the constructor works on a copy).
    editor = EDITORS["yaml"](text)
    assert editor.data() == (yaml.safe_load(text) or {})
    assert editor.data() is editor.data()  # once per version of the text
    # The tree read is only copied where the constructor would rewrite it, and is left as parsed either way.
    from ansible_collections.vads.shop.plugins.module_utils import editors_yaml  # pylint: disable=import-outside-toplevel
    root = editor._root()  # pylint: disable=protected-access
    if root is not None:
        assert editors_yaml._rewritten_by_constructor(root) == ("<<" in text or "=:" in text)  # pylint: disable=protected-access
        assert yaml.serialize(root) == yaml.serialize(yaml.compose(text, Loader=yaml.SafeLoader))
    if "<<" in text:
        assert editor.get("vads.ctx_mode") == yaml.safe_load(text)["vads"]["ctx_mode"]
        new = edit("yaml", text, {"vads.ctx_mode": "PRODUCTION"})
        assert yaml.safe_load(new)["vads"]["ctx_mode"] == "PRODUCTION"
        assert EDITORS["yaml"](new).data() == yaml.safe_load(new)
