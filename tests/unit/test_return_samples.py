"""Every value a module returns is documented with a sample (ansible-doc shows them), the `shops` lists included,
and a list's sample holds the keys its `contains` documents."""

from __future__ import annotations

import ast

import pytest
import yaml

from support.runner import REPO

MODULES = sorted((REPO / "plugins" / "modules").glob("*.py"))


def _return(path):
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "RETURN":
            return yaml.safe_load(node.value.value)
    raise AssertionError("%s has no RETURN" % path.name)


def _missing(entries, path=""):
    for name, entry in entries.items():
        where = path + name
        if "sample" not in entry:
            yield where
        elif entry.get("contains") and entry.get("type") in ("list", "dict"):
            sample = entry["sample"]
            item = sample[0] if entry["type"] == "list" else sample
            assert isinstance(item, dict) and set(item) == set(entry["contains"]), where
        yield from _missing(entry.get("contains") or {}, where + ".")


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
def test_every_returned_value_has_a_sample(path):
    doc = _return(path)
    assert list(_missing(doc)) == []
    if "shops" in doc:
        assert doc["shops"]["type"] == "list" and doc["shops"]["sample"]
