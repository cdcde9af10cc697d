"""Pieces every screen shares: the background service worker, error text, notices and formats.

Service calls run off the GUI thread and their answers come back on it, so widgets are touched
only in callbacks (docs/architecture.md: slow work leaves the GUI thread).
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QPushButton, QToolButton

from desktop.errors import DeskError
from desktop.ui.formatting import format_local_date, format_number, format_time, to_local
from desktop.ui.i18n import current_lang
from desktop.ui.qt_compat import emit

if TYPE_CHECKING:
    import logging

T = TypeVar("T")


def _log() -> logging.Logger:
    import logging

    return logging.getLogger(__name__)


# Tinted over the palette, in the palette's text colour: readable light and dark (see login.NOTICE_STYLE).
OK_STYLE = "QLabel { background: rgba(46, 125, 50, 22%); border: 1px solid #2e7d32; padding: 6px; }"
INFO_STYLE = "QLabel { background: rgba(25, 118, 210, 20%); border: 1px solid #1976d2; padding: 6px; }"


# --- the worker ------------------------------------------------------------------------------------


class _Relay(QObject):
    """Lives in the GUI thread; a worker's emit is queued into it."""

    finished = Signal(int, object, object)  # job id, result, exception or None


class _Job(QRunnable):
    def __init__(self, relay: _Relay, job_id: int, call: Callable[[], object]) -> None:
        super().__init__()
        # The worker holds the job until its answer is back: a queued Python runnable nobody
        # references can be collected before the pool runs it ("pure virtual method called").
        self.setAutoDelete(False)
        self.relay, self.job_id, self.call = relay, job_id, call

    def run(self) -> None:
        result: object = None
        error: BaseException | None = None
        try:
            result = self.call()
        except Exception as exc:
            if not isinstance(exc, DeskError):
                _log().exception("a background service call failed")
            error = exc
        # RuntimeError: the window closed while this ran; nobody is waiting for the answer.
        with contextlib.suppress(RuntimeError):
            emit(self.relay.finished, self.job_id, result, error)


class ServiceWorker(QObject):
    """Runs service calls on one private thread and hands each answer back on the GUI thread.

    Callbacks run in the GUI thread, so they are the only place widgets are touched. Calls run in
    the order submitted.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The pool is created before the relay: children are destroyed in order, so the pool's
        # destructor waits for a running call before the relay it emits through goes away.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None]]] = {}
        self._jobs: dict[int, _Job] = {}
        self._next_id = 0

    def submit(self, call: Callable[[], T], on_done: Callable[[T], None],
               on_error: Callable[[BaseException], None]) -> None:
        self._next_id += 1
        was_idle = not self._callbacks
        self._callbacks[self._next_id] = (on_done, on_error)
        job = _Job(self._relay, self._next_id, call)
        self._jobs[self._next_id] = job
        self._pool.start(job)
        if was_idle:
            emit(self.busy_changed, True)

    def is_busy(self) -> bool:
        return bool(self._callbacks)

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the queued calls have run (their callbacks arrive with the next events)."""
        return bool(self._pool.waitForDone(timeout_ms))

    def _finished(self, job_id: int, result: object, error: BaseException | None) -> None:
        # The job's run() may still be returning on the worker thread; its own frame keeps it alive.
        self._jobs.pop(job_id, None)
        callbacks = self._callbacks.pop(job_id, None)
        try:
            if callbacks is not None:
                if error is None:
                    callbacks[0](result)
                else:
                    callbacks[1](error)
        finally:
            if not self._callbacks:
                emit(self.busy_changed, False)


def error_text(exc: BaseException) -> str:
    """The service's own message in the interface language; a plain sentence for the unexpected."""
    if isinstance(exc, DeskError):
        return exc.text(current_lang())
    return QCoreApplication.translate(
        "ServiceWorker", "Something went wrong unexpectedly ({error}). Try again; if it keeps failing, tell IT."
    ).format(error=type(exc).__name__)


# --- small formatting helpers ----------------------------------------------------------------------


def local_date(value: datetime) -> str:
    """Stored times are naive UTC; the agent reads the local calendar date, written the locale's way."""
    return format_local_date(value)


def local_time(value: datetime) -> str:
    return format_time(to_local(value))


def count_text(n: int) -> str:
    """Grouped the way the reader expects: 19 686 in Bokmål and Swedish, 19,686 in English."""
    return format_number(n)


def notice(style: str, name: str) -> QLabel:
    widget = QLabel()
    widget.setWordWrap(True)
    widget.setStyleSheet(style)
    widget.setAccessibleName(name)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    widget.hide()
    return widget


def field_line(name: str, value: str) -> str:
    """One "name: value" line of rich text; both are escaped, as policy text may hold < or &."""
    return f"<b>{html.escape(name)}</b> {html.escape(value)}"


def busy_bar(name: str) -> QProgressBar:
    """A thin indeterminate bar: the window stays usable, and the agent sees work is under way."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setFixedHeight(6)
    bar.setAccessibleName(name)
    bar.hide()
    return bar


# --- the keyboard ----------------------------------------------------------------------------------


class EnterActivatesButtons(QObject):
    """Enter on a focused push or tool button clicks it, as Space does.

    Qt clicks a focused button on Enter only when it is a dialog's auto-default one. Elsewhere
    Enter did nothing, and in a dialog it pressed the *default* button instead: an agent who
    tabbed to "Cancel" and pressed Enter filed the request. Installed once, on the application.
    """

    _ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and isinstance(watched, QPushButton | QToolButton) and event.key() in self._ENTER
                and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
                and watched.hasFocus() and watched.isEnabled()):
            if not event.isAutoRepeat():
                watched.click()
            return True
        return False  # QObject's own filter lets everything through; no call back into C++ per event


def install_enter_activates_buttons(app: QApplication) -> EnterActivatesButtons:
    """The application's one Enter filter (made on the first call)."""
    existing = app.findChild(EnterActivatesButtons, "gdpr-desk-enter")
    if existing is not None:
        return existing
    keys = EnterActivatesButtons(app)
    keys.setObjectName("gdpr-desk-enter")
    app.installEventFilter(keys)
    return keys
