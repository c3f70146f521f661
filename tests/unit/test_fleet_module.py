"""FleetModule validates a call's shops with ansible-core's own validator, on the options they give.

The shortcut (batch.used_options) must not change any outcome: for every module of the collection,
the same parameters, the same no_log values and the same failure as validating the whole spec, on
valid and invalid items alike. Also the batch's file writing in threads (batch.run_in_shares) and
its one fsync per folder.
"""

from __future__ import annotations

import contextlib
import copy
import importlib
import json
import os
import subprocess
import sys
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansible.module_utils import basic
from ansible_collections.vads.shop.plugins.module_utils import batch

from support.stores import run_batch

MODULES = ("audit", "backoffice_certificate", "certificate", "ctx_mode", "notification_url", "payment_probe",
           "rest_keys", "shop_info", "transaction")


@contextlib.contextmanager
def module_args(args):
    """The arguments an AnsibleModule created inside reads (ansible-core 2.17 to 2.21)."""
    try:
        from ansible.module_utils.testing import patch_module_args  # pylint: disable=import-outside-toplevel
    except ImportError:  # before 2.19
        patch_module_args = None
    if patch_module_args is not None:
        with patch_module_args(args):
            yield
        return
    old = basic._ANSIBLE_ARGS
    basic._ANSIBLE_ARGS = json.dumps({"ANSIBLE_MODULE_ARGS": args}).encode()
    try:
        yield
    finally:
        basic._ANSIBLE_ARGS = old


class _Captured(Exception):
    pass


def module_spec(name):
    """The argument spec the module's main() hands to FleetModule."""
    module = importlib.import_module("ansible_collections.vads.shop.plugins.modules." + name)
    seen = {}

    def capture(self, argument_spec, **kwargs):
        seen["spec"] = argument_spec
        seen["kwargs"] = kwargs
        raise _Captured()

    original = module.FleetModule.__init__
    module.FleetModule.__init__ = capture
    try:
        with pytest.raises(_Captured):
            module.main()
    finally:
        module.FleetModule.__init__ = original
    return seen["spec"], seen["kwargs"]


SPECS = dict((name, module_spec(name)) for name in MODULES)


def validate(name, args, trimmed, capsys, monkeypatch):
    """(params, no_log values) after validation, or ('failed', message)."""
    spec, kwargs = SPECS[name]
    if not trimmed:
        monkeypatch.setattr(batch, "used_options", lambda options, items: None)
    try:
        with module_args(copy.deepcopy(args)):
            module = batch.FleetModule(argument_spec=copy.deepcopy(spec), **kwargs)
    except SystemExit:
        out = capsys.readouterr().out
        return "failed", json.loads(out)["msg"]
    finally:
        monkeypatch.undo()
    assert module.argument_spec == spec  # the whole spec again once validated
    return module.params, sorted(module.no_log_values)


# --- values for an option of a spec, good and bad ---------------------------------------------------

def good_value(option):
    kind = option.get("type", "str")
    if option.get("choices"):
        return st.sampled_from(option["choices"])
    return {
        "str": st.sampled_from(["boutique-lyon", "40127895", "PRODUCTION", "a b", "5"]),
        "path": st.sampled_from(["/srv/lyon/.env", "~/shop.env", "relative/x.yml"]),
        "bool": st.sampled_from([True, False, "yes", "no", 1, 0]),
        "int": st.sampled_from([5, "7", 0]),
        "float": st.sampled_from([1.5, "2", 3]),
        "raw": st.sampled_from(["0600", 384, "u=rw,g=r"]),
        "list": st.sampled_from([["one"], "a,b", []]),
        "dict": st.sampled_from([{"key_prod": "MY_KEY"}, {}]),
    }.get(kind, st.just("x"))


def bad_value(option):
    kind = option.get("type", "str")
    if option.get("choices"):
        return st.just("NOT-A-CHOICE")
    return {"bool": st.just("perhaps"), "int": st.just("seven"), "float": st.just("1,5"),
            "dict": st.just(17), "list": st.just({"a": 1})}.get(kind, st.just({"not": "a string"}))


@st.composite
def item_of(draw, options, allow_bad):
    item = {}
    for name in draw(st.lists(st.sampled_from(sorted(options)), unique=True, max_size=6)):
        option = options[name]
        key = name
        if option.get("aliases") and draw(st.booleans()):
            key = draw(st.sampled_from(option["aliases"]))
        if option.get("options"):
            value = draw(st.one_of(st.none(), item_of(option["options"], allow_bad)))
        elif allow_bad and draw(st.integers(0, 9)) == 0:
            value = draw(bad_value(option))
        else:
            value = draw(st.one_of(st.none(), good_value(option)))
        item[key] = value
    if allow_bad and draw(st.integers(0, 9)) == 0:
        item["no_such_option"] = "x"
    return item


@st.composite
def call_of(draw, name, allow_bad):
    spec = SPECS[name][0]
    options = spec["shops"]["options"]
    items = draw(st.lists(item_of(options, allow_bad), min_size=1, max_size=5))
    if allow_bad and draw(st.integers(0, 9)) == 0:
        items.append(draw(st.sampled_from(["name=x", 7, ["a"]])))
    args = {"shops": items}
    if "store" in spec:
        args["store"] = {"type": "dotenv"}
    return args


@pytest.mark.parametrize("name", MODULES)
@pytest.mark.parametrize("allow_bad", [False, True], ids=["valid", "invalid"])
def test_validating_given_options_only_changes_no_outcome(name, allow_bad, capsys, monkeypatch):
    @settings(max_examples=60)
    @given(args=call_of(name, allow_bad))
    def check(args):
        full = validate(name, args, False, capsys, monkeypatch)
        fast = validate(name, args, True, capsys, monkeypatch)
        assert fast == full

    check()  # pylint: disable=no-value-for-parameter


def test_the_shortcut_validates_only_the_given_options():
    options = SPECS["ctx_mode"][0]["shops"]["options"]
    used = batch.used_options(options, [{"name": "a", "store": {"path": "/x", "mode": "0600"}}, {"mode": "TEST"}])
    assert sorted(used) == ["mode", "name", "store"]
    assert sorted(used["store"]["options"]) == ["file_mode", "path"]  # an alias names its option
    # Anything that might need the whole spec (or ansible-core's message listing every option) gets it.
    assert batch.used_options(options, [{"name": "a", "typo": 1}]) is None
    assert batch.used_options(options, [{"store": {"pth": "/x"}}]) is None
    assert batch.used_options(options, ["name=a"]) is None
    assert batch.used_options(options, [{"store": "path=/x"}]) is None
    assert batch.used_options({"a": {"type": "str", "required": True}}, [{}]) is None
    assert batch.used_options({"a": {"type": "str", "default": "x"}}, [{}]) is None


def test_an_unknown_shop_option_gets_ansible_cores_whole_message(capsys, monkeypatch):
    outcome = validate("ctx_mode", {"shops": [{"name": "a", "store": {"type": "dotenv", "pth": "/x"}}]}, True,
                       capsys, monkeypatch)
    assert outcome[0] == "failed"
    assert "shops.store.pth" in outcome[1] or "pth" in outcome[1], outcome
    assert "path" in outcome[1] and "login_host" in outcome[1]  # the supported options, all of them


# --- writing in threads, one fsync per folder -------------------------------------------------------

def test_shares_keep_order_and_stop_at_the_first_failure():
    items = list(range(23))
    done, error = batch.run_in_shares(lambda i: i * i, items, 4, (ValueError,))
    assert error is None and done == [(i, i * i) for i in items]

    def fail_on_seven(i):
        if i == 7:
            raise ValueError("seven")
        return i

    done, error = batch.run_in_shares(fail_on_seven, items, 4, (ValueError,))
    assert str(error) == "seven"
    finished = [i for i, _r in done]
    assert 7 not in finished and 6 in finished and 8 not in finished  # its share stops there
    assert all(i in finished for i in range(12, 23))  # the other shares run to their end
    done, error = batch.run_in_shares(fail_on_seven, items, 1, (ValueError,))
    assert [i for i, _r in done] == list(range(7)) and str(error) == "seven"
    with pytest.raises(KeyError):  # not ours to catch: a bug shows as itself
        batch.run_in_shares(lambda i: {}[i], items, 4, (ValueError,))


def test_threads_only_where_the_first_files_were_slow():
    """Staging runs in threads only when the probed calls took SLOW seconds or more each (a real disk)."""
    items = list(range(100))

    def run(seconds_per_call):
        now = [0.0]
        threads = set()

        def call(i):
            threads.add(threading.get_ident())
            now[0] += seconds_per_call
            return -i

        done, error, threaded = batch.run_while_waiting(call, items, 4, (ValueError,), clock=lambda: now[0])
        assert error is None and done == [(i, -i) for i in items]  # in order, every one
        return threaded, len(threads)

    threaded, threads = run(batch.SLOW * 3)
    assert threaded and threads > 1  # the probing thread, then the pool's
    assert run(batch.SLOW / 5) == (False, 1)
    assert batch.run_while_waiting(lambda i: i, items[:2 * batch.PROBE], 4, (ValueError,),
                                   clock=iter(range(10 ** 6)).__next__)[2] is False  # too few to probe

    def fail_on(bad):
        def call(i):
            if i == bad:
                raise ValueError(bad)
            return i
        return call

    done, error, threaded = batch.run_while_waiting(fail_on(3), items, 4, (ValueError,))
    assert [i for i, _r in done] == [0, 1, 2] and str(error) == "3" and not threaded  # stops in the probe
    done, error, _threaded = batch.run_while_waiting(fail_on(50), items, 4, (ValueError,),
                                                     clock=iter(range(0, 10 ** 6, 10)).__next__)
    assert str(error) == "50" and 50 not in [i for i, _r in done] and 49 in [i for i, _r in done]


def test_a_fleet_in_one_folder_syncs_the_folder_once(tmp_path, monkeypatch):
    shops = []
    for i in range(40):
        path = tmp_path / ("shop%02d.env" % i)
        path.write_text("VADS_CTX_MODE=TEST\nVADS_KEY_TEST=T%015d\nVADS_KEY_PROD=P%015d\n" % (i, i))
        shops.append({"name": "shop%02d" % i, "store": {"type": "dotenv", "path": str(path)}, "mode": "PRODUCTION"})
    synced = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(os.path.isdir("/proc/self/fd/%d" % fd)) or real(fd))
    result = run_batch("ctx_mode", shops)
    assert all(s["changed"] for s in result["shops"])
    assert synced.count(False) == 40 and synced.count(True) == 1  # each new file, then the folder once
    for shop in shops:
        assert "VADS_CTX_MODE=PRODUCTION" in open(shop["store"]["path"]).read()


@pytest.mark.parametrize("verbosity,echoed", [(0, False), (2, False), (3, True), (4, True)])
def test_the_shops_are_echoed_where_ansible_shows_the_echo(verbosity, echoed, capsys):
    spec, kwargs = SPECS["shop_info"]
    args = {"store": {"type": "dotenv"}, "shops": [{"name": "a", "store": {"path": "/nonexistent/a.env"}}],
            "_ansible_verbosity": verbosity}
    with module_args(args):
        module = batch.FleetModule(argument_spec=copy.deepcopy(spec), **kwargs)
        with pytest.raises(SystemExit):
            module.exit_json(changed=False)
    echo = json.loads(capsys.readouterr().out).get("invocation", {}).get("module_args")
    if echo is None:  # ansible-core 2.21 sends no echo unless the controller asks for one
        return
    assert echo["store"] == {"type": "dotenv"}
    assert ("shops" in echo) is echoed
    if echoed:
        assert echo["shops"] == [{"name": "a", "store": {"path": "/nonexistent/a.env"}}]


def test_database_store_code_loads_only_for_a_database_store(tmp_path):
    script = (
        "import sys\n"
        "from ansible_collections.vads.shop.plugins.module_utils import batch, store\n"
        "name = 'ansible_collections.vads.shop.plugins.module_utils.store_db'\n"
        "store.ShopStore({'type': 'dotenv', 'path': %r})\n"
        "print(name in sys.modules)\n"
        "try:\n"
        "    store.ShopStore({'type': 'nosuch'})\n"
        "except store.StoreError as exc:\n"
        "    print(exc)\n"
        "print(name in sys.modules)\n"
        "try:\n"
        "    store.ShopStore({'type': 'woocommerce', 'login_db': 'wp'})\n"
        "except store.StoreError as exc:\n"
        "    print(exc)\n"
        "print(name in sys.modules, store.BACKENDS['woocommerce'].__name__)\n"
        "print(sorted(batch.argument_spec({})['store']['options']) == sorted(store.STORE_OPTIONS))\n"
        "print('login_host' in store.STORE_OPTIONS and 'magento_root' in store.STORE_OPTIONS)\n"
    ) % str(tmp_path / "shop.env")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "False"  # a file store: the database code is not even imported
    assert "unknown" in out[1] and "magento2" in out[1] and "woocommerce" in out[1] and "dotenv" in out[1]
    assert out[2] == "False"
    assert "login_user is required" in out[3]  # checked by the database store's own code, loaded on demand
    assert out[4] == "True DatabaseBackend"
    assert out[5:] == ["True", "True"]  # every module's spec knows the database options all the same
