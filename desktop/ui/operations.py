"""One way to run a service call off the GUI thread (the shape of Anki's `aqt/operations`).

Every screen that calls a service makes one `Operations` and hands it its busy bar and its error
label; `run()` then does, in one place, what each screen used to wire by hand:
- the call runs on the screen's own worker thread (one at a time, in the order asked), and its
  answer comes back on the GUI thread, the only place widgets are touched;
- the busy bar shows while anything is under way;
- `run` is a call; made with a `key` it is a look-up that supersedes the earlier calls with the same key: their
  answers are dropped, and one still waiting in the queue is not run at all (so a superseded
  look-up reads nothing and writes no access-log entry). This replaces the generation counters
  screens kept. `supersede=False` joins the key's current look-up instead (a detail read for the
  record on screen), dropped with it;
- `change` is a write: it always runs, its answer is dropped like a joined look-up's if the screen
  moved on meanwhile, and `on_changed` (or the screen's `refresh`) follows every success, so what
  shows the changed data is refreshed even then;
- a failure goes to `on_error` if given, otherwise into the error label as the service's own
  message (`error_text`); an unexpected exception is logged with its traceback first.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.errors import DeskError
from desktop.ui.i18n import current_lang
from desktop.ui.qt_compat import emit

if TYPE_CHECKING:
    import logging

T = TypeVar("T")

__all__ = ["Operations", "error_text"]


def _log() -> logging.Logger:
    import logging  # lazy: startup time (~15 ms before the first window)

    return logging.getLogger(__name__)


def error_text(exc: BaseException) -> str:
    """The service's own message in the interface language; a plain sentence for the unexpected."""
    if isinstance(exc, DeskError):
        return exc.text(current_lang())
    return QCoreApplication.translate(
        "ServiceWorker", "Something went wrong unexpectedly ({error}). Try again; if it keeps failing, tell IT."
    ).format(error=type(exc).__name__)


class _Superseded(Exception):
    """A queued call whose key was used again before it ran: it was skipped."""


class _Relay(QObject):
    """Lives in the GUI thread; a worker's emit is queued into it."""

    finished = Signal(int, object, object)  # ticket, result, exception or None


class _Job(QRunnable):
    def __init__(self, relay: _Relay, ticket: int, call: Callable[[], object], wanted: Callable[[], bool]) -> None:
        super().__init__()
        # The owner holds the job until its answer is back: a queued Python runnable nobody
        # references can be collected before the pool runs it ("pure virtual method called").
        self.setAutoDelete(False)
        self.relay, self.ticket, self.call, self.wanted = relay, ticket, call, wanted

    def run(self) -> None:
        result: object = None
        error: BaseException | None = None
        if not self.wanted():
            error = _Superseded()
        else:
            try:
                result = self.call()
            except Exception as exc:
                if not isinstance(exc, DeskError):
                    _log().exception("a background service call failed")
                error = exc
        # RuntimeError: the window closed while this ran; nobody is waiting for the answer.
        with contextlib.suppress(RuntimeError):
            emit(self.relay.finished, self.ticket, result, error)


@dataclass
class _Pending:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    key: str | None
    generation: int
    #: Called on every success, current or not (a change's refresh); None for a look-up.
    on_changed: Callable[[Any], None] | None


class Operations(QObject):
    """A screen's background calls: its thread, busy bar, stale answers, error label and refresh."""

    #: True when the first call starts, False when the last answer has been handled.
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, busy: QWidget | None = None,
                 errors: QLabel | None = None, refresh: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        # The pool is created before the relay: children are destroyed in order, so the pool's
        # destructor waits for a running call before the relay it emits through goes away.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._pending: dict[int, _Pending] = {}
        self._jobs: dict[int, _Job] = {}
        self._generations: dict[str, int] = {}
        self._next_ticket = 0
        self.errors = errors
        self._refresh = refresh
        if busy is not None:
            self.busy_changed.connect(busy.setVisible)

    # --- running -------------------------------------------------------------------------------

    def run(self, call: Callable[[], T], on_done: Callable[[T], None] | None = None, *,
            on_error: Callable[[BaseException], None] | None = None, key: str | None = None,
            supersede: bool = True) -> None:
        """Look something up off the GUI thread; `on_done(result)` or the error handling follows on it.

        With a `key`, this call supersedes the earlier ones made with the same key, or with
        `supersede=False` joins the current one (see the module).
        """
        generation = self._generation_for(key, bump=supersede)
        self._start(call, _Pending(on_done, on_error, key, generation, None), skip_when_stale=True)

    def change(self, call: Callable[[], T], on_done: Callable[[T], None] | None = None, *,
               on_error: Callable[[BaseException], None] | None = None, key: str | None = None,
               on_changed: Callable[[T], None] | None = None) -> None:
        """Change something off the GUI thread: always carried out, then refreshed (see the module)."""
        refresh = self._refresh
        changed: Callable[[Any], None] = on_changed if on_changed is not None else (
            (lambda _result: refresh()) if refresh is not None else (lambda _result: None))
        generation = self._generation_for(key, bump=False)
        self._start(call, _Pending(on_done, on_error, key, generation, changed), skip_when_stale=False)

    def _start(self, call: Callable[[], object], pending: _Pending, *, skip_when_stale: bool) -> None:
        self._next_ticket += 1
        ticket = self._next_ticket
        was_idle = not self._pending
        self._pending[ticket] = pending
        wanted = self._wanted(pending.key, pending.generation) if skip_when_stale else (lambda: True)
        job = _Job(self._relay, ticket, call, wanted)
        self._jobs[ticket] = job
        self._pool.start(job)
        if was_idle:
            emit(self.busy_changed, True)

    def invalidate(self, key: str) -> None:
        """Drop the answers of every call made with `key` so far (the screen was cleared)."""
        self._bump(key)

    def current(self, key: str) -> Callable[[], bool]:
        """A check that stays true until a call with `key` supersedes what is current now.

        For an answer that arrives another way (a dialog's signal) or a job that must look before
        it acts; safe to call on the worker thread.
        """
        return self._wanted(key, self._generations.get(key, 0))

    def is_busy(self) -> bool:
        return bool(self._pending)

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the queued calls have run (their answers arrive with the next events)."""
        return bool(self._pool.waitForDone(timeout_ms))

    # --- the error label -----------------------------------------------------------------------

    def show_error(self, error: BaseException | str) -> None:
        text = error if isinstance(error, str) else error_text(error)
        if self.errors is None:
            _log().warning("unshown error: %s", text)
            return
        self.errors.setText(text)
        self.errors.show()

    def clear_error(self) -> None:
        if self.errors is not None:
            self.errors.hide()

    # --- inside --------------------------------------------------------------------------------

    def _generation_for(self, key: str | None, *, bump: bool) -> int:
        if key is None:
            return 0
        return self._bump(key) if bump else self._generations.get(key, 0)

    def _bump(self, key: str) -> int:
        generation = self._generations.get(key, 0) + 1
        self._generations[key] = generation
        return generation

    def _wanted(self, key: str | None, generation: int) -> Callable[[], bool]:
        """Read on the worker thread: a dict look-up, atomic under the GIL."""
        if key is None:
            return lambda: True
        generations = self._generations
        return lambda: generations.get(key, 0) == generation

    def _finished(self, ticket: int, result: object, error: BaseException | None) -> None:
        # The job's run() may still be returning on the worker thread; its own frame keeps it alive.
        self._jobs.pop(ticket, None)
        pending = self._pending.pop(ticket, None)
        try:
            if pending is None or isinstance(error, _Superseded):
                return
            if error is None and pending.on_changed is not None:
                pending.on_changed(result)
            if pending.key is not None and self._generations.get(pending.key, 0) != pending.generation:
                return  # superseded while it ran: nobody wants this answer
            if error is not None:
                if pending.on_error is not None:
                    pending.on_error(error)
                else:
                    self.show_error(error)
                return
            if pending.on_done is not None:
                pending.on_done(result)
        finally:
            if not self._pending:
                emit(self.busy_changed, False)
