"""module_utils/preflight.py in this process: the paths the integration tests do not take.

The module object is the only stand-in (tests/support/stores.py); the stores are real files.
"""

from __future__ import annotations

from support.stores import StandInModule

from ansible_collections.vads.shop.plugins.module_utils import preflight

KEY_PROD = "Xq7RtY2mN9pL4sKw"
URL = "https://shop.example.com/payzen/ipn"


def store(tmp_path, name, text="VADS_SITE_ID=40127895\nVADS_CTX_MODE=TEST\nVADS_KEY_TEST=0123456789012345\n"):
    path = tmp_path / name
    path.write_text(text)
    return {"type": "dotenv", "path": str(path)}


def shop(name, store_, **extra):
    return dict({"name": name, "store": store_, "site_id": "40127895", "notification_url": URL,
                 "backoffice": {"adapter": "manual"}, "ctx_mode": "PRODUCTION"}, **extra)


def run(shops):
    # In check mode or not, the preflight writes nothing: the stand-in says it is not in check mode.
    return preflight.run(StandInModule({}, check=False), shops)


def test_a_shop_without_a_store_and_a_name_given_twice_are_named(tmp_path):
    good = store(tmp_path, "good.env")
    result = run([shop("twice", good), shop("twice", store(tmp_path, "other.env")), shop("nostore", None)])
    by_name = dict((s["name"], s) for s in result["shops"])
    assert len(result["shops"]) == 2, result["shops"]  # one result a name
    assert any("used by another shop" in p for p in by_name["twice"]["problems"]), by_name["twice"]
    assert by_name["nostore"]["problems"] and "info" not in by_name["nostore"]
    assert any(p.startswith("shop 'nostore': ") and "store" in p for p in result["problems"]), result["problems"]
    assert result["changed"] is False


def test_problems_are_worded_for_the_inventory_and_named_once():
    checks = preflight.StoreChecks()
    problems = checks.option_problems({"key_prod": "Xq7RtY2m N9pL4sKw", "rest_keys_prod": {"private_key": "x"},
                             "ctx_mode": "PROD"})
    assert problems == [
        "14.2 mode: mode 'PROD' is not allowed: use exactly one of TEST, PRODUCTION (the gateway rejects any other "
        "spelling with error 11)",
        # seen by the switch's check and by the certificate's: named once, by its inventory name
        "14.1 production key: key_prod: the key contains white space inside it (a paste error?)",
        "14.2 production REST keys: rest_keys_prod must give public_key, hmac_key (Back Office: Paramétrage > "
        "Boutique > [boutique] > onglet Clés de l'API REST / Settings > Shop > [shop] > REST API keys tab)",
    ]


def test_a_store_the_steps_could_not_read_is_named_and_the_others_still_read(tmp_path):
    text = "VADS_SITE_ID=40127895\nVADS_CTX_MODE=TEST\nVADS_KEY_TEST=0123456789012345\nVADS_CTX_MODE=TEST\n"
    result = run([shop("dup-line", store(tmp_path, "dup.env", text), key_prod=KEY_PROD),
                  shop("fine", store(tmp_path, "fine.env"), key_prod=KEY_PROD)])
    assert len(result["problems"]) == 1, result["problems"]
    assert result["problems"][0].startswith("shop 'dup-line': ") and "assigned more than once" in result["problems"][0]
    fine = result["shops"][1]
    assert fine["problems"] == [] and fine["info"]["ctx_mode"] == "TEST"
    assert fine["would_change"] == ["VADS_CTX_MODE", "VADS_KEY_PROD"]


def test_an_edit_that_cannot_be_rendered_is_a_problem_of_the_host(tmp_path, monkeypatch):
    """A failure while planning the files (not one shop's) is returned, not raised: the role names it."""
    from ansible_collections.vads.shop.plugins.module_utils import store as store_module

    def cannot_render(self):
        raise store_module.StoreError("%s: the edited text does not read back as written" % self.path)

    monkeypatch.setattr(store_module.FileBackend, "plan", cannot_render)
    result = run([shop("a", store(tmp_path, "a.env"), key_prod=KEY_PROD)])
    assert len(result["problems"]) == 1 and "does not read back as written" in result["problems"][0], result
    assert result["shops"][0]["info"]["ctx_mode"] == "TEST"  # the report's "before" is still there


def test_nothing_is_written_and_every_shop_is_read(tmp_path):
    stores = [store(tmp_path, "s%d.env" % i) for i in range(3)]
    before = dict((s["path"], open(s["path"]).read()) for s in stores)
    result = run([shop("s%d" % i, s, key_prod=KEY_PROD) for i, s in enumerate(stores)])
    assert result["problems"] == []
    assert [s["would_change"] for s in result["shops"]] == [["VADS_CTX_MODE", "VADS_KEY_PROD"]] * 3
    assert [s["info"]["ctx_mode"] for s in result["shops"]] == ["TEST"] * 3
    assert dict((s["path"], open(s["path"]).read()) for s in stores) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s0.env", "s1.env", "s2.env"]
