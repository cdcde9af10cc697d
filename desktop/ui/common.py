"""Pieces every screen shares: the background service worker, error text, notices and formats.

Service calls run off the GUI thread and their answers come back on it, so widgets are touched
only in callbacks (DESIGN: slow work leaves the GUI thread).
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QProgressBar, QPushButton, QToolButton

from desktop.ui.formatting import format_local_date, format_number, format_time, to_local

if TYPE_CHECKING:
    import logging

T = TypeVar("T")


def _log() -> logging.Logger:
    import logging  # lazy: startup time

    return logging.getLogger(__name__)


# --- small formatting helpers ----------------------------------------------------------------------


def local_date(value: datetime) -> str:
    """Stored times are naive UTC; the agent reads the local calendar date, written the locale's way."""
    return format_local_date(value)


def local_time(value: datetime) -> str:
    return format_time(to_local(value))


def count_text(n: int) -> str:
    """Grouped the way the reader expects: 19 686 in Bokmål and Swedish, 19,686 in English."""
    return format_number(n)


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
