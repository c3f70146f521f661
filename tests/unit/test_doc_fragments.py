"""The generated doc fragments match their definitions, and match the modules' argument specs."""

import subprocess
import sys
from pathlib import Path

import yaml

from ansible_collections.vads.shop.plugins.doc_fragments import store as fragment
from ansible_collections.vads.shop.plugins.module_utils.batch import argument_spec
from ansible_collections.vads.shop.plugins.module_utils.merchant import Certificate, CtxMode, ShopInfo

REPO = Path(__file__).resolve().parents[2]


def test_generated_fragment_is_current():
    proc = subprocess.run([sys.executable, str(REPO / "tools" / "docgen.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _names(options):
    return {name: _names(spec.get("suboptions") or spec.get("options") or {}) for name, spec in options.items()}


def test_documented_options_are_the_argument_spec():
    for attribute, operation in (("CTX_MODE", CtxMode), ("CERTIFICATE", Certificate), ("SHOP_INFO", ShopInfo)):
        documented = yaml.safe_load(getattr(fragment.ModuleDocFragment, attribute))["options"]
        spec = argument_spec(operation.options, writes=operation.writes)
        assert _names(documented) == _names(spec), attribute
