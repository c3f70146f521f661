"""`vads-sandbox` command line: serve, shop create/list, receiver."""
from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
from typing import Optional, Sequence

from . import __version__, signature
from .faults import FaultError, Faults, parse_cli
from .store import Store, StoreError
from .util import is_loopback


def _schedule(text: str) -> list[float]:
    try:
        delays = [float(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("comma-separated seconds, e.g. 900,900,900,900") from None
    if any(d < 0 for d in delays) or len(delays) > 10:
        raise argparse.ArgumentTypeError("0 to 10 non-negative delays")
    return delays


def _algo(text: str) -> str:
    try:
        return signature.normalize_algorithm(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _token_from_file(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            token = fh.read().strip()
        if token:
            return token
    except FileNotFoundError:
        pass
    token = secrets.token_urlsafe(24)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(token + "\n")
    return token


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vads-sandbox",
                                description="Loopback simulator of the Lyra payment platform.")
    p.add_argument("--version", action="version", version=__version__)
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("serve", help="run the sandbox HTTP server")
    s.add_argument("--db", required=True, help="SQLite file holding all state")
    s.add_argument("--host", default="127.0.0.1", help="loopback address only")
    s.add_argument("--port", type=int, default=0, help="0 picks a free port")
    tok = s.add_mutually_exclusive_group()
    tok.add_argument("--token", help="operator token (default: stored in the database)")
    tok.add_argument("--token-file", help="read the token from FILE, or create FILE with a new one")
    s.add_argument("--retry-schedule", type=_schedule, default=[900.0] * 4,
                   help="seconds between notification attempts, one per retry (default 900,900,900,900)")
    s.add_argument("--notify-timeout", type=float, default=10.0,
                   help="notification attempt timeout in seconds (default 10)")
    s.add_argument("--fault", action="append", default=[],
                   help="GROUP:key=value,... e.g. rest:status=503,count=2 (repeatable)")
    s.add_argument("--access-log", action="store_true", help="log requests (no query strings) to stderr")

    shop = sub.add_parser("shop", help="manage shops directly in the database")
    shop_sub = shop.add_subparsers(dest="shop_command", required=True)
    c = shop_sub.add_parser("create", help="create a shop with a random TEST key")
    c.add_argument("--db", required=True)
    c.add_argument("--site-id", required=True)
    c.add_argument("--brand", default="payzen")
    c.add_argument("--name")
    c.add_argument("--sign-algo", type=_algo, default=signature.HMAC_SHA_256)
    c.add_argument("--test-key")
    c.add_argument("--contact-email")
    ls = shop_sub.add_parser("list", help="list shops")
    ls.add_argument("--db", required=True)

    r = sub.add_parser("receiver", help="DEMO merchant notification receiver")
    r.add_argument("--host", default="127.0.0.1")
    r.add_argument("--port", type=int, default=0)
    keys = r.add_mutually_exclusive_group(required=True)
    keys.add_argument("--key-file", help="bare key, or JSON {mode: key} or {site_id: {mode: key}}")
    keys.add_argument("--key", help="one key for every site and mode")
    r.add_argument("--sign-algo", type=_algo, default=signature.HMAC_SHA_256)
    r.add_argument("--record", help="append each notification as a JSON line to this file")
    r.add_argument("--fail", type=int, default=0, help="answer 500 to the first N notifications")
    r.add_argument("--redirect", help="answer 302 to this Location")
    sc = sub.add_parser("schema", help="print the JSON Schema of the REST API V4 answers")
    sc.add_argument("--path", action="store_true", help="print the file's path instead")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "serve":
        if not is_loopback(args.host):
            print(json.dumps({"error": "bad_host", "message": "the sandbox listens on loopback only"}),
                  file=sys.stderr)
            return 2
        faults = Faults()
        try:
            for spec in args.fault:
                group, settings = parse_cli(spec)
                faults.set(group, settings)
        except FaultError as exc:
            print(json.dumps({"error": "bad_fault", "message": str(exc)}), file=sys.stderr)
            return 2
        from .server import serve
        if args.token:
            token, source = args.token, "cli"
        elif args.token_file:
            token, source = _token_from_file(args.token_file), "file"
        else:
            token, source = "", "db"
        return serve(args.db, args.host, args.port, token, args.retry_schedule,
                     args.notify_timeout, faults, args.access_log, source)
    if args.command == "shop":
        from .api import certificates_json, shop_json
        store = Store(args.db)
        try:
            if args.shop_command == "create":
                row = store.create_shop(args.site_id, brand=args.brand, name=args.name,
                                        sign_algo=args.sign_algo, test_key=args.test_key,
                                        contact_email=args.contact_email)
                out = shop_json(row, "")
                out.pop("payment_url")  # unknown outside `serve`
                out["certificates"] = certificates_json(row)
                print(json.dumps(out, indent=2))
            else:
                shops = []
                for row in store.list_shops():
                    item = shop_json(row, "")
                    item.pop("payment_url")
                    shops.append(item)
                print(json.dumps({"shops": shops}, indent=2))
        except StoreError as exc:
            print(json.dumps({"error": exc.error, "message": exc.message}), file=sys.stderr)
            return 1
        finally:
            store.close()
        return 0
    if args.command == "schema":
        from . import schema_path
        if args.path:
            print(schema_path())
        else:
            with open(schema_path(), encoding="utf-8") as fh:
                sys.stdout.write(fh.read())
        return 0
    if args.command == "receiver":
        if not is_loopback(args.host):
            print(json.dumps({"error": "bad_host", "message": "loopback only"}), file=sys.stderr)
            return 2
        from .receiver import run_receiver
        return run_receiver(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
