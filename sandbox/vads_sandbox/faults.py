"""Fault injection per endpoint group, so clients' retry logic can be tested for real.

In memory on purpose: a fault is a test-time setting, and `serve --fault` re-applies it at start.
"""
from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from typing import Any, Optional

GROUPS = ("form", "backoffice", "rest", "demo", "notification")
_INT_KEYS = {"latency_ms", "count", "status", "timeout_count"}
_FLOAT_KEYS = {"error_rate", "timeout_s"}


class FaultError(ValueError):
    pass


@dataclass
class Decision:
    latency_s: float = 0.0
    fail_status: Optional[int] = None   # answer this HTTP status instead of the real thing
    hang_s: Optional[float] = None      # hang that long, then drop the connection


def _validate(group: str, spec: Any) -> dict[str, Any]:
    if group not in GROUPS:
        raise FaultError(f"unknown fault group {group!r}; one of {', '.join(GROUPS)}")
    if spec is None:
        return {}
    if not isinstance(spec, dict):
        raise FaultError(f"fault settings of {group!r} must be an object")
    out: dict[str, Any] = {}
    for key, value in spec.items():
        if key in _INT_KEYS:
            if isinstance(value, bool) or not isinstance(value, (int, str)):
                raise FaultError(f"{group}.{key} must be an integer")
            try:
                out[key] = int(value)
            except ValueError:
                raise FaultError(f"{group}.{key} must be an integer") from None
        elif key in _FLOAT_KEYS:
            try:
                out[key] = float(value)
            except (TypeError, ValueError):
                raise FaultError(f"{group}.{key} must be a number") from None
        else:
            raise FaultError(f"unknown fault key {key!r}; one of "
                             f"{', '.join(sorted(_INT_KEYS | _FLOAT_KEYS))}")
        if out[key] < 0:
            raise FaultError(f"{group}.{key} must not be negative")
    if "status" in out and not 100 <= out["status"] <= 599:
        raise FaultError(f"{group}.status must be an HTTP status code")
    if out.get("error_rate", 0) > 1:
        raise FaultError(f"{group}.error_rate must be between 0 and 1")
    return out


def parse_cli(text: str) -> tuple[str, dict[str, Any]]:
    """'rest:status=503,count=2' -> ('rest', {'status': 503, 'count': 2})."""
    group, sep, rest = text.partition(":")
    if not sep:
        raise FaultError(f"bad --fault {text!r}; expected GROUP:key=value,...")
    spec: dict[str, Any] = {}
    for part in filter(None, (p.strip() for p in rest.split(","))):
        key, eq, value = part.partition("=")
        if not eq:
            raise FaultError(f"bad --fault item {part!r}; expected key=value")
        spec[key.strip()] = value.strip()
    return group.strip(), _validate(group.strip(), spec)


class Faults:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._specs: dict[str, dict[str, Any]] = {g: {} for g in GROUPS}
        self._injected: dict[str, int] = {g: 0 for g in GROUPS}
        self._random = random.Random()

    def set(self, group: str, spec: Any) -> None:
        clean = _validate(group, spec)
        with self._lock:
            self._specs[group] = clean

    def update(self, body: Any) -> None:
        if not isinstance(body, dict):
            raise FaultError("body must be an object {group: settings}")
        cleaned = {g: _validate(g, s) for g, s in body.items()}  # validate all before applying any
        with self._lock:
            self._specs.update(cleaned)

    def clear(self) -> None:
        with self._lock:
            self._specs = {g: {} for g in GROUPS}

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {"faults": {g: dict(s) for g, s in self._specs.items()},
                    "injected": dict(self._injected)}

    def decide(self, group: str) -> Decision:
        """Consume one request's worth of the group's settings."""
        with self._lock:
            spec = self._specs.get(group)
            if not spec:
                return Decision()
            d = Decision(latency_s=spec.get("latency_ms", 0) / 1000.0)
            status = spec.get("status", 503)
            if spec.get("timeout_count", 0) > 0:
                spec["timeout_count"] -= 1
                d.hang_s = spec.get("timeout_s", 30.0)
            elif spec.get("count", 0) > 0:
                spec["count"] -= 1
                d.fail_status = status
            elif spec.get("error_rate", 0) > 0 and self._random.random() < spec["error_rate"]:
                d.fail_status = status
            if d.hang_s is not None or d.fail_status is not None:
                self._injected[group] += 1
            return d
