"""Helpers for the benchmarks: an in-memory keyring, percentiles, one-line figures."""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def use_memory_keyring() -> None:
    import keyring

    from tests.helpers.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def describe_ms(name: str, seconds: list[float], baseline: list[float] | None = None) -> str:
    ms = [s * 1000 for s in seconds]
    line = (f"{name:<34} n={len(ms):<5} p50={pct(ms, 50):8.3f} ms  p95={pct(ms, 95):8.3f} ms  "
            f"mean={statistics.mean(ms):8.3f} ms")
    if baseline:
        base = [s * 1000 for s in baseline]
        line += f"   baseline p50={pct(base, 50):7.3f} ms  ratio p50={pct(ms, 50) / max(pct(base, 50), 1e-9):5.2f}x"
    return line
