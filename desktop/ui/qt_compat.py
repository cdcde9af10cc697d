"""Work-arounds for the Qt binding, in one place so every screen uses them.

PySide6 6.12 on Python 3.11: `SignalInstance.emit()` returns `True` without a new reference, so
every emit from Python code takes one reference away from `True`; after about a thousand emits
the interpreter frees `True` and aborts ("bool_dealloc: deallocating True or False"). 6.11 is not
affected but has no separate PySide6-Pdf wheel; Python 3.12+ makes `True` immortal. Rule for all
UI code: emit with `emit(signal, ...)` from here, never `signal.emit(...)`, and never call
`.disconnect()` (same return path).
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBE_EMITS = 64


class _Probe(QObject):
    ping = Signal()


def _emit_steals_true() -> bool:
    """PySide6 6.12's `SignalInstance.emit()` returns `True` without a new reference.

    On Python 3.11 `True` is an ordinary refcounted object, so every emit from Python code takes
    one reference away from it, and after a few thousand emits (a morning of searching) the
    interpreter frees `True` and aborts ("bool_dealloc: deallocating True or False"). Python 3.12+
    makes `True` immortal, and a fixed PySide6 returns a proper reference; the probe tells.
    """
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBE_EMITS):
        probe.ping.emit()
    # Half as margin: another thread may take or drop references to True meanwhile.
    steals = sys.getrefcount(True) <= before - _PROBE_EMITS // 2
    if steals:
        for _ in range(_PROBE_EMITS):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return steals


_EMIT_STEALS_TRUE = _emit_steals_true()


def emit(signal: SignalInstance, *args: object) -> None:
    """Emit a signal from Python; use this instead of `.emit()` everywhere in the UI."""
    # The stubs say None; at run time emit returns a bool, the object whose reference it took.
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]
    if _EMIT_STEALS_TRUE and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
