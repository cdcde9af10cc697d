"""The idle lock: after a quiet spell the desk hides every window and asks for the password again.

Why it is shaped like this:
- One application-wide event filter sees the person's own input in every window of the desk:
  keys, mouse buttons, the wheel, touch, and mouse moves that actually move the pointer. Events
  the program sends itself are not spontaneous and do not count, nor do the synthetic moves Qt
  sends when a widget appears under a still pointer, so a busy bar or a refreshing queue never
  keeps an empty desk open.
- The quiet spell is measured on a clock that keeps running while the machine sleeps (Linux
  CLOCK_BOOTTIME), and checked at least every 15 seconds, so a laptop opened after lunch locks at
  once. The minutes come from the settings (`settings_store.read_settings`, 15 by default) each
  time the timer is armed, so a change in the settings applies without a restart. The lock cannot
  be switched off: a missing, zero or nonsense value means the default.
- Locking hides, it does not close: every window keeps what was typed in it, the open customer
  stays open, and all of it comes back as it was. A full identity number on show goes back to its
  masked form first. A modal dialog that runs its own event loop (a question, a message, the
  register copy) would end if it were hidden, so it stays up as an empty frame titled "Locked"
  and gets its contents and title back on unlock. A window the program opens while locked (a
  background answer) is hidden as it appears and comes back with the rest.
- Unlocking is a sign-in of the same account through the accounts service, so the throttle after
  failed attempts applies and is logged like any sign-in. A disabled account is not let back in:
  it is told so and signed out, which closes the desk the way quitting does.
- The application log gets one line per lock, unlock, refusal and sign-out, with the account id
  and never a name.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.errors import AuthenticationFailed
from desktop.settings import IDLE_LOCK_MINUTES
from desktop.ui.common import busy_bar
from desktop.ui.operations import Operations, error_text
from desktop.ui.qt_compat import emit
from desktop.ui.settings_store import desk_settings
from desktop.ui.styles import ERROR_STYLE, notice

if TYPE_CHECKING:
    import logging

    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext
    from desktop.ui.dialogs import DialogService

__all__ = [
    "AccountDisabled",
    "IdleLock",
    "LockDialog",
    "install_idle_lock",
]

#: The idle time is looked at least this often, so a machine waking from sleep locks promptly.
CHECK_MS = 15_000

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress, QEvent.Type.TabletMove,
})


def _log() -> logging.Logger:
    import logging  # lazy: startup time

    return logging.getLogger(__name__)


def _clock() -> float:
    """Seconds on a clock that also counts time asleep, where the system has one."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        return time.clock_gettime(boottime)
    return time.monotonic()


class AccountDisabled(AuthenticationFailed):
    """The account was disabled while the desk stood locked: it signs out instead of unlocking."""


# --- the dialog ----------------------------------------------------------------------------------


class LockDialog(QDialog):
    """The only window while locked: whose desk it is, a password field, Unlock and Sign out.

    Esc and the window's close button do nothing: the desk is left by unlocking or signing out.
    """

    unlock_requested = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Locked – {app}").format(app=APP_NAME))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setMinimumWidth(440)
        self.message_label = QLabel(self.tr("Locked – {user} – sign in again to continue").format(user=who))
        self.message_label.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.password_edit.returnPressed.connect(self.submit)
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password_edit)
        self.error_label = notice(ERROR_STYLE, self.tr("Unlock error"))
        self.busy = busy_bar(self.tr("Checking the password"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.setAutoDefault(False)
        self.sign_out_button.clicked.connect(lambda: emit(self.sign_out_requested))
        field_row = QHBoxLayout()
        field_row.addWidget(password_label)
        field_row.addWidget(self.password_edit, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sign_out_button)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 14)
        layout.addWidget(self.message_label)
        layout.addLayout(field_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)
        self.password_edit.setFocus()

    def submit(self) -> None:
        password = self.password_edit.text()
        if not password:
            self.show_error(self.tr("Enter your password."))
            return
        emit(self.unlock_requested, password)

    def set_busy(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.unlock_button.setEnabled(not on)
        self.password_edit.setEnabled(not on)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.password_edit.clear()
        self.password_edit.setFocus()

    def reject(self) -> None:
        """Esc does not leave the lock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()


# --- the lock ------------------------------------------------------------------------------------


@dataclass
class _Hidden:
    """A window taken off the screen, and what it needs to come back exactly as it was."""

    widget: QWidget
    depth: int
    geometry: QByteArray | None = None
    #: For a dialog in its own event loop: its title, and the contents hidden instead of it.
    title: str | None = None
    contents: list[QWidget] = field(default_factory=list)


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth


def _runs_own_loop(widget: QWidget) -> bool:
    """`exec()` makes a dialog application-modal; `open()` makes it window-modal and may be hidden."""
    return isinstance(widget, QDialog) and widget.windowModality() == Qt.WindowModality.ApplicationModal


class IdleLock(QObject):
    """Locks the desk after the idle time, or at once on `lock()`; install one per signed-in session."""

    locked = Signal()
    unlocked = Signal()
    signed_out = Signal()

    def __init__(self, ctx: DeskContext, actor: Actor, dialogs: DialogService, *,
                 sign_out: Callable[[], object], timeout_ms: int | None = None,
                 clock: Callable[[], float] = _clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.dialogs = dialogs
        self._sign_out = sign_out
        #: Overrides the setting (tests use a few milliseconds).
        self.timeout_ms = timeout_ms
        self._clock = clock
        self._last_input = clock()
        self._last_pointer: QPointF | None = None
        self._active = False
        self._hidden: list[_Hidden] = []
        self._focus: QWidget | None = None
        self._active_window: QWidget | None = None
        self.dialog: LockDialog | None = None
        self.worker = Operations(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)

    # --- watching --------------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    @property
    def is_running(self) -> bool:
        return self._active

    def idle_limit_ms(self) -> int:
        if self.timeout_ms is not None:
            return max(1, self.timeout_ms)
        # The settings dialog's own reading, so the lock uses exactly what was saved there; a missing,
        # zero or out-of-range value reads as the default, so the lock cannot be switched off.
        return IDLE_LOCK_MINUTES.read(desk_settings()) * 60_000

    def start(self) -> None:
        """Start watching the person's input in every window of the application."""
        app = QCoreApplication.instance()
        if self._active or app is None:
            return
        self._active = True
        app.installEventFilter(self)
        self.touch()

    def stop(self) -> None:
        """The session is over: stop watching, and take the lock away with it (idempotent)."""
        self._timer.stop()
        dialog, self.dialog = self.dialog, None
        self._hidden = []
        self._active_window = self._focus = None
        if dialog is not None:
            dialog.done(QDialog.DialogCode.Rejected)
            dialog.deleteLater()
        if not self._active:
            return
        self._active = False
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def touch(self) -> None:
        """The person did something: the idle time starts again."""
        self._last_input = self._clock()
        if self._active and not self.is_locked:
            self._arm(self.idle_limit_ms())

    def _arm(self, remaining_ms: float) -> None:
        self._timer.start(max(1, min(int(remaining_ms), CHECK_MS)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT_EVENTS:
            if event.spontaneous() and not self.is_locked:
                self._last_input = self._clock()
        elif (kind == QEvent.Type.MouseMove and event.spontaneous() and isinstance(event, QMouseEvent)
              and not self.is_locked):
            pointer = event.globalPosition()
            if pointer != self._last_pointer:  # Qt's own moves under a still pointer do not count
                self._last_pointer = pointer
                self._last_input = self._clock()
        elif (kind == QEvent.Type.Show and self.is_locked and isinstance(watched, QWidget) and watched.isWindow()
              and watched is not self.dialog):
            # A window the program opens while locked (a background answer) goes out of sight too;
            # a question in its own event loop stays, since it must be answered to reach the lock.
            QTimer.singleShot(0, lambda: self._hide_late(watched))
        return False

    def _hide_late(self, widget: QWidget) -> None:
        if (not self.is_locked or not shiboken6.isValid(widget) or not widget.isVisible() or _runs_own_loop(widget)
                or widget.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
                or any(entry.widget is widget for entry in self._hidden)):
            return
        self._hidden.append(_Hidden(widget, _depth(widget), geometry=widget.saveGeometry()))
        widget.hide()

    def check(self) -> None:
        """The timer: lock if the idle time has run out, otherwise look again later."""
        if not self._active or self.is_locked:
            return
        limit = self.idle_limit_ms()
        idle_ms = (self._clock() - self._last_input) * 1000
        if idle_ms >= limit:
            self.lock(reason="idle")
        else:
            self._arm(limit - idle_ms)

    # --- locking -----------------------------------------------------------------------------

    def lock_now(self) -> None:
        """The "Lock now" action."""
        self.lock(reason="by the user")

    def lock(self, *, reason: str = "by the user") -> None:
        if self.is_locked or not self._active:
            return
        self._timer.stop()
        self._active_window = QApplication.activeWindow()
        self._focus = QApplication.focusWidget()
        self._conceal_and_close_popups()
        dialog = LockDialog(self.actor.display_name or self.actor.username)
        dialog.unlock_requested.connect(self._unlock)
        dialog.sign_out_requested.connect(self.sign_out)
        self.dialog = dialog
        hidden: list[_Hidden] = []
        for widget in QApplication.topLevelWidgets():
            if widget is dialog or not widget.isVisible():
                continue
            if _runs_own_loop(widget):
                contents = [child for child in widget.findChildren(
                    QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                    if not child.isWindow() and not child.isHidden()]
                hidden.append(_Hidden(widget, _depth(widget), title=widget.windowTitle(), contents=contents))
                for child in contents:
                    child.hide()
                widget.setWindowTitle(dialog.windowTitle())
            else:
                hidden.append(_Hidden(widget, _depth(widget), geometry=widget.saveGeometry()))
                widget.hide()
        self._hidden = hidden
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.password_edit.setFocus()
        _log().info("session locked (account %s, %s; %s windows hidden)", self.actor.account_id, reason,
                    len(hidden))
        emit(self.locked)

    def _conceal_and_close_popups(self) -> None:
        from desktop.ui.profile_view import ProfileView  # lazy: startup time

        QToolTip.hideText()
        for _ in range(20):  # nested menus close one at a time
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        for widget in QApplication.topLevelWidgets():
            for view in widget.findChildren(ProfileView):
                view.conceal()

    def hidden_windows(self) -> list[QWidget]:
        return [entry.widget for entry in self._hidden]

    # --- unlocking ---------------------------------------------------------------------------

    def _unlock(self, password: str) -> None:
        dialog = self.dialog
        if dialog is None or self.worker.is_busy():
            return
        dialog.set_busy(True)
        ctx, actor = self.ctx, self.actor

        def job() -> int | None:
            from desktop.services.accounts import AccountService  # lazy: startup time

            accounts = AccountService(ctx)
            try:
                return accounts.login(actor.username, password).account_id
            except AuthenticationFailed as refused:
                try:
                    accounts.ensure_active(actor)
                except AuthenticationFailed as disabled:
                    raise AccountDisabled(disabled.message, disabled.message_nb) from refused
                raise

        self.worker.run(job, self._unlocked, on_error=self._refused)

    def _unlocked(self, account_id: int | None) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        if account_id != self.actor.account_id:
            self._refused(AuthenticationFailed("This is not the account that is signed in.",
                                               "Dette er ikke kontoen som er logget inn."))
            return
        self.dialog = None
        self._restore()
        dialog.done(QDialog.DialogCode.Accepted)
        dialog.deleteLater()
        _log().info("session unlocked (account %s)", self.actor.account_id)
        self.touch()
        emit(self.unlocked)

    def _refused(self, exc: BaseException) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        dialog.set_busy(False)
        _log().info("unlock refused (account %s, %s)", self.actor.account_id, type(exc).__name__)
        if isinstance(exc, AccountDisabled):
            self.dialogs.error(dialog, self.tr("Signed out"), self.tr("{reason} You are signed out.").format(
                reason=error_text(exc)))
            self.sign_out()
            return
        dialog.show_error(error_text(exc))

    def _restore(self) -> None:
        for entry in sorted(self._hidden, key=lambda e: e.depth):
            widget = entry.widget
            if not shiboken6.isValid(widget):
                continue  # deleted while locked (its parent closed)
            if entry.title is not None:
                for child in entry.contents:
                    if shiboken6.isValid(child):
                        child.show()
                widget.setWindowTitle(entry.title)
            else:
                if entry.geometry is not None:
                    widget.restoreGeometry(entry.geometry)
                widget.show()
        self._hidden = []
        window, focus = self._active_window, self._focus
        self._active_window = self._focus = None
        if window is not None and shiboken6.isValid(window) and window.isVisible():
            window.raise_()
            window.activateWindow()
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- signing out -------------------------------------------------------------------------

    def sign_out(self) -> None:
        """End the session from the lock: the way quitting ends it, nothing shown again."""
        _log().info("signed out at the lock (account %s)", self.actor.account_id)
        self.worker.wait()
        for entry in self._hidden:
            # A dialog in its own event loop is answered "cancel" so the code waiting on it returns.
            if entry.title is not None and shiboken6.isValid(entry.widget) and isinstance(entry.widget, QDialog):
                entry.widget.reject()
        self.stop()
        emit(self.signed_out)
        self._sign_out()


def install_idle_lock(window: QWidget, ctx: DeskContext, actor: Actor, dialogs: DialogService) -> IdleLock:
    """Start the idle lock for this session; closing `window` (the main window) ends it."""
    lock = IdleLock(ctx, actor, dialogs, sign_out=window.close, parent=window)
    lock.start()
    window.installEventFilter(_EndOnClose(lock, window))
    return lock


class _EndOnClose(QObject):
    """Stops the lock when the main window closes, before the desk behind it is closed."""

    def __init__(self, lock: IdleLock, window: QWidget) -> None:
        super().__init__(window)
        self.lock = lock

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.lock.stop()
        return False
