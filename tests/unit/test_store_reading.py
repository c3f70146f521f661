"""Stores are read as the application's own parser reads them, or refused with the line; never misread.

Each case: the value read equals the reference parser's (PyYAML, json, configparser, python-dotenv),
an edit replaces the whole value and nothing else, and an error names the line without any value.
"""

import configparser
import io
import json

import pytest
import yaml
from dotenv import dotenv_values

from ansible_collections.vads.shop.plugins.module_utils.editors import EDITORS, FileFormatError, edit

KEY = "AbCd1234EfGh5678"
NEW = "Zy9Xw8Vu7Ts6Rq5P"


def refused(kind, text, action, fragment):
    """The action fails with a message holding fragment and no key text; the editor's text is unchanged."""
    editor = EDITORS[kind](text)
    with pytest.raises(FileFormatError) as caught:
        action(editor)
    message = str(caught.value)
    assert fragment in message, message
    for secret in (KEY, "AbCd1234", "EfGh5678", NEW):
        assert secret not in message
    assert editor.text == text
    return message


# --- YAML multi-line scalars: read whole, replaced whole --------------------------------------

MULTILINE_YAML = {
    "plain": "vads:\n  key_prod: AbCd1234\n    EfGh5678\n  ctx_mode: TEST\n",
    "folded": "vads:\n  key_prod: >-\n    AbCd1234\n    EfGh5678\n  ctx_mode: TEST\n",
    "folded-keep": "vads:\n  key_prod: >\n    AbCd1234EfGh5678\n\n  ctx_mode: TEST\n",
    "literal": "vads:\n  key_prod: |\n    AbCd1234\n    EfGh5678\n  ctx_mode: TEST\n",
    "double-folded": 'vads:\n  key_prod: "AbCd1234\n    EfGh5678"\n  ctx_mode: TEST\n',
    "double-escaped-break": 'vads:\n  key_prod: "AbCd1234\\\n    EfGh5678"\n  ctx_mode: TEST\n',
    "single-folded": "vads:\n  key_prod: 'AbCd1234\n    EfGh5678'\n  ctx_mode: TEST\n",
    "single-two-breaks": "vads:\n  key_prod: 'AbCd1234\n\n    EfGh5678'\n  ctx_mode: TEST\n",
}


@pytest.mark.parametrize("style", sorted(MULTILINE_YAML))
def test_yaml_multiline_scalars_read_as_pyyaml_reads_them(style):
    text = MULTILINE_YAML[style]
    editor = EDITORS["yaml"](text)
    assert editor.get("vads.key_prod") == yaml.safe_load(text)["vads"]["key_prod"]
    assert editor.get("vads.ctx_mode") == "TEST"
    new = edit("yaml", text, {"vads.key_prod": NEW})
    assert yaml.safe_load(new) == {"vads": {"key_prod": NEW, "ctx_mode": "TEST"}}
    assert "EfGh5678" not in new and "AbCd1234" not in new  # the whole old value went, not its first line
    assert new.endswith("  ctx_mode: TEST\n")


def test_yaml_escaped_line_break_joins_the_key_and_multiline_keys_fail_validation_not_silently():
    from ansible_collections.vads.shop.plugins.module_utils.rules import production_key_problem
    assert EDITORS["yaml"](MULTILINE_YAML["double-escaped-break"]).get("vads.key_prod") == KEY
    # Folded with a space: the application signs with "AbCd1234 EfGh5678"; the collection says so.
    folded = EDITORS["yaml"](MULTILINE_YAML["plain"]).get("vads.key_prod")
    problem = production_key_problem(folded, None)
    assert "white space" in problem and "AbCd" not in problem


# --- YAML dotted names, merge keys, flow mappings, JSON written as YAML -------------------------

def test_yaml_flat_dotted_names_are_read_and_edited_in_place():
    text = "# app\npayzen.site_id: '12345678'\npayzen.key_prod: AbCd1234EfGh5678\nother: 1\n"
    editor = EDITORS["yaml"](text)
    assert editor.get("payzen.key_prod") == KEY and editor.get("payzen.site_id") == "12345678"
    new = edit("yaml", text, {"payzen.key_prod": NEW, "payzen.ctx_mode": "PRODUCTION"})
    assert yaml.safe_load(new) == {"payzen.site_id": "12345678", "payzen.key_prod": NEW, "other": 1,
                                   "payzen.ctx_mode": "PRODUCTION"}  # a new name follows its neighbours: flat
    assert "payzen:" not in new


def test_yaml_flat_option_and_nested_default():
    assert yaml.safe_load(edit("yaml", "app: 1\n", {"payzen.key_prod": NEW}, flat=True)) == \
        {"app": 1, "payzen.key_prod": NEW}
    assert yaml.safe_load(edit("yaml", "app: 1\n", {"payzen.key_prod": NEW})) == {"app": 1, "payzen": {"key_prod": NEW}}


def test_yaml_flat_and_nested_spelling_of_one_name_is_refused():
    text = "payzen.key_prod: AbCd1234EfGh5678\npayzen:\n  key_prod: Zy9Xw8Vu7Ts6Rq5P\n"
    refused("yaml", text, lambda e: e.get("payzen.key_prod"), "both as one dotted key and as nested keys (lines 1 and 3)")


def test_yaml_merge_keys_are_read_through_and_overridden_locally():
    text = ("base: &base\n  site_id: '12345678'\n  key_prod: AbCd1234EfGh5678\n"
            "vads:\n  <<: *base\n  ctx_mode: TEST\n")
    editor = EDITORS["yaml"](text)
    assert editor.get("vads.key_prod") == yaml.safe_load(text)["vads"]["key_prod"] == KEY
    new = edit("yaml", text, {"vads.key_prod": NEW})
    data = yaml.safe_load(new)
    assert data["vads"]["key_prod"] == NEW and data["base"]["key_prod"] == KEY  # the anchor is not touched
    refused("yaml", text, lambda e: e.delete("vads.key_prod"), "comes from a merge key (<<)")


def test_yaml_flow_mappings_are_read_and_edited():
    text = "app: {name: shop}\nvads: {site_id: '12345678', key_prod: AbCd1234EfGh5678, ctx_mode: TEST}\n"
    assert EDITORS["yaml"](text).get("vads.key_prod") == KEY
    new = edit("yaml", text, {"vads.key_prod": NEW, "vads.sign_algo": "SHA-1"})
    assert new.startswith("app: {name: shop}\nvads: {site_id: '12345678', key_prod: %s, ctx_mode: TEST, " % NEW)
    assert yaml.safe_load(new)["vads"]["sign_algo"] == "SHA-1"
    gone = edit("yaml", text, {"vads.key_prod": None})
    assert yaml.safe_load(gone)["vads"] == {"site_id": "12345678", "ctx_mode": "TEST"}


def test_yaml_store_written_as_json_is_read_and_stays_json():
    text = json.dumps({"vads": {"site_id": "12345678", "ctx_mode": "TEST", "key_test": KEY}}, indent=2) + "\n"
    editor = EDITORS["yaml"](text)
    assert editor.get("vads.ctx_mode") == "TEST" and editor.get("vads.key_test") == KEY
    new = edit("yaml", text, {"vads.ctx_mode": "PRODUCTION", "vads.key_prod": NEW})
    assert json.loads(new) == {"vads": {"site_id": "12345678", "ctx_mode": "PRODUCTION", "key_test": KEY,
                                        "key_prod": NEW}}


def test_yaml_alias_anchor_and_tags_are_refused_for_edits():
    text = "k: &k AbCd1234EfGh5678\nvads:\n  key_prod: *k\n"
    assert EDITORS["yaml"](text).get("vads.key_prod") == KEY
    refused("yaml", text, lambda e: e.set("vads.key_prod", NEW), "is an alias (*)")
    refused("yaml", "vads:\n  key_prod: !!binary QWJDZA==\n", lambda e: e.get("vads.key_prod"), "has the tag")
    with pytest.raises(FileFormatError, match="line 2: could not determine a constructor"):
        EDITORS["yaml"]("vads:\n  key_prod: !secret AbCd1234EfGh5678\n")


# --- byte-order marks ---------------------------------------------------------------------------

BOM_FILES = {
    "dotenv": ("\ufeffVADS_KEY_PROD=AbCd1234EfGh5678\nVADS_CTX_MODE=TEST\n", "VADS_KEY_PROD"),
    "yaml": ("\ufeffvads:\n  key_prod: AbCd1234EfGh5678\n  ctx_mode: TEST\n", "vads.key_prod"),
    "json": ('\ufeff{"vads": {"key_prod": "AbCd1234EfGh5678", "ctx_mode": "TEST"}}', "vads.key_prod"),
    "ini": ("\ufeff[vads]\nkey_prod = AbCd1234EfGh5678\nctx_mode = TEST\n", "vads.key_prod"),
}


@pytest.mark.parametrize("kind", sorted(BOM_FILES))
def test_byte_order_mark_is_kept_and_never_part_of_a_name(kind):
    text, name = BOM_FILES[kind]
    editor = EDITORS[kind](text)
    assert editor.get(name) == KEY
    assert all(not n.startswith("\ufeff") for n in editor.names())
    new = edit(kind, text, {name: NEW})
    assert new.startswith("\ufeff") and new.count("\ufeff") == 1
    assert EDITORS[kind](new).get(name) == NEW
    assert new.replace(NEW, KEY) == text
    gone = edit(kind, text, {name: None})
    assert gone.startswith("\ufeff") and EDITORS[kind](gone).get(name) is None


# --- duplicates -------------------------------------------------------------------------------

@pytest.mark.parametrize("kind,text,name,lines", [
    ("yaml", "vads:\n  key_prod: AbCd1234EfGh5678\n  key_prod: Zy9Xw8Vu7Ts6Rq5P\n", "vads.key_prod", "lines 2 and 3"),
    ("json", '{"vads": {"key_prod": "AbCd1234EfGh5678",\n "key_prod": "Zy9Xw8Vu7Ts6Rq5P"}}', "vads.key_prod",
     "lines 1 and 2"),
    ("ini", "[vads]\nkey_prod = AbCd1234EfGh5678\nKEY_PROD = Zy9Xw8Vu7Ts6Rq5P\n", "vads.key_prod", "lines 2, 3"),
    ("dotenv", "VADS_KEY_PROD=AbCd1234EfGh5678\nexport VADS_KEY_PROD=Zy9Xw8Vu7Ts6Rq5P\n", "VADS_KEY_PROD",
     "lines 1, 2"),
])
def test_duplicate_names_are_refused(kind, text, name, lines):
    for action in (lambda e: e.get(name), lambda e: e.set(name, NEW), lambda e: e.delete(name)):
        message = refused(kind, text, action, lines)
        assert "Zy9Xw8Vu7Ts6Rq5P" not in message


# --- INI continuation lines -------------------------------------------------------------------

def test_ini_continuation_line_is_refused_not_truncated():
    text = "[vads]\nkey_prod = AbCd1234\n   EfGh5678\nctx_mode = TEST\n"
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(text)
    assert parser["vads"]["key_prod"] == "AbCd1234\nEfGh5678"  # what a Python application reads
    for action in (lambda e: e.get("vads.key_prod"), lambda e: e.set("vads.key_prod", NEW)):
        refused("ini", text, action, "vads.key_prod (line 2) continues on line 3")
    assert EDITORS["ini"](text).get("vads.ctx_mode") == "TEST"


def test_ini_indented_option_after_an_option_is_a_continuation_as_configparser_says():
    text = "[vads]\nctx_mode = TEST\n  key_prod = AbCd1234EfGh5678\n"
    editor = EDITORS["ini"](text)
    assert not editor.has("vads.key_prod")  # configparser reads no key_prod option here
    refused("ini", text, lambda e: e.get("vads.ctx_mode"), "continues on line 3")


# --- dotenv quoted values across lines, control characters ----------------------------------------

def test_dotenv_quoted_values_across_lines_are_read_whole_as_python_dotenv_does():
    text = 'A=1\nCERT="-----BEGIN-----\nabc\n-----END-----"\nVADS_KEY_PROD=AbCd1234EfGh5678\nB=\'x\ny\'\n'
    editor = EDITORS["dotenv"](text)
    reference = dotenv_values(stream=io.StringIO(text), interpolate=False)
    for name in ("A", "CERT", "VADS_KEY_PROD", "B"):
        assert editor.get(name) == reference[name]
    new = edit("dotenv", text, {"VADS_KEY_PROD": NEW, "B": "z"})
    assert dotenv_values(stream=io.StringIO(new), interpolate=False) == dict(reference, VADS_KEY_PROD=NEW, B="z")


def test_dotenv_unclosed_quote_is_refused_with_its_line():
    with pytest.raises(FileFormatError, match="line 2: a double quote is opened and never closed"):
        EDITORS["dotenv"]('A=1\nVADS_KEY_PROD="AbCd1234EfGh5678\nB=2\n')


@pytest.mark.parametrize("kind,name", [("dotenv", "VADS_KEY_PROD"), ("ini", "vads.key_prod"),
                                       ("yaml", "vads.key_prod"), ("json", "vads.key_prod")])
@pytest.mark.parametrize("bad", ["AbCd1234\x00EfGh5678", "AbCd1234EfGh5678\nVADS_CTX_MODE=PRODUCTION",
                                 "https://x.example/\r\nX: y", "a\x1bb"])
def test_control_characters_are_never_written(kind, name, bad):
    text = BOM_FILES[kind][0].lstrip("\ufeff")
    message = refused(kind, text, lambda e: e.set(name, bad), "holds a control character")
    assert bad not in message


@pytest.mark.parametrize("kind,text,name", [
    ("yaml", "\ufeffkey_prod_top: AbCd1234EfGh5678\nother: 1\n", "key_prod_top"),
    ("dotenv", "\ufeffVADS_KEY_PROD=AbCd1234EfGh5678\nB=1\n", "VADS_KEY_PROD"),
    ("ini", "\ufeff[vads]\nkey_prod = AbCd1234EfGh5678\n", "vads.key_prod"),
])
def test_removing_or_adding_next_to_a_byte_order_mark_keeps_it(kind, text, name):
    gone = edit(kind, text, {name: None})
    assert gone.startswith("\ufeff") and EDITORS[kind](gone).get(name) is None
    back = edit(kind, gone, {name: KEY})
    assert back.startswith("\ufeff") and back.count("\ufeff") == 1 and EDITORS[kind](back).get(name) == KEY
