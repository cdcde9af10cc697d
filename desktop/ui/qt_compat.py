"""Work-arounds for the Qt binding, in one place so every screen uses them.

PySide6 6.12's stable-ABI wheel returns `None`, `True` and `False` without taking a reference,
as Python 3.12+ allows because those objects are immortal there. On Python 3.11 every such call
(`setText`, `update`, `emit` ...) takes one reference away, and after a few thousand the
interpreter frees `None` or `True` and aborts ("none_dealloc: deallocating None"). PySide6 6.11
does not do this but has no separate PySide6-Pdf wheel. So, on 3.11 only and only when a probe
shows the loss, the three singletons are given a reference count so large that no session can
spend it: what 3.12 does by design. The bootstrap prefers Python 3.12+, where this is a no-op.
`emit()` below stays the way to emit a signal from Python.
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


def _binding_steals_none() -> bool:
    if sys.version_info >= (3, 12):
        return False
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_EMITS):
        probe.setObjectName("probe")
    return sys.getrefcount(None) <= before - _PROBE_EMITS // 2


_IMMORTAL_MARGIN = 1 << 40


def _make_singletons_immortal() -> None:
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _IMMORTAL_MARGIN


SINGLETONS_PATCHED = _binding_steals_none()
if SINGLETONS_PATCHED:
    _make_singletons_immortal()

_EMIT_STEALS_TRUE = not SINGLETONS_PATCHED and _emit_steals_true()


def emit(signal: SignalInstance, *args: object) -> None:
    """Emit a signal from Python; use this instead of `.emit()` everywhere in the UI."""
    # The stubs say None; at run time emit returns a bool, the object whose reference it took.
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]
    if _EMIT_STEALS_TRUE and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
