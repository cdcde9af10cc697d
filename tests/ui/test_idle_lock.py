"""The idle lock walked as it happens: the agent leaves, the desk hides, the agent comes back."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import desk_settings
from desktop.services.accounts import MAX_FAILURES, AccountService
from desktop.settings import IDLE_LOCK_MINUTES
from desktop.ui.idle_lock import IdleLock
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.settings_store import IDLE_LOCK_DEFAULT, SettingsStore
from tests.helpers.dialogs import RecordingDialogs


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def open_kari(qtbot: QtBot, window: MainWindow, people: dict[str, int]) -> None:
    window.open_customer(people["Ødegård"])
    qtbot.waitUntil(lambda: window.profile.header is not None and not window.profile.is_busy(), timeout=5000)


def unlock(qtbot: QtBot, lock: IdleLock, password: str) -> None:
    """Type the password into the lock and wait for the answer (it is checked off the GUI thread)."""
    dialog = lock.dialog
    assert dialog is not None
    dialog.password_edit.setText(password)
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: not lock.worker.is_busy() and (lock.dialog is None or dialog.error_label.isVisible()),
                    timeout=5000)


def error_shown(lock: IdleLock) -> str:
    assert lock.dialog is not None and lock.dialog.error_label.isVisible()
    return lock.dialog.error_label.text()


# --- locking -------------------------------------------------------------------------------------


def test_idle_time_hides_every_window_of_the_desk(qtbot: QtBot, window: MainWindow) -> None:
    queue = window.requests_ui.show_queue()
    qtbot.waitExposed(queue)
    lock = window.idle_lock
    assert lock.is_running and not lock.is_locked
    lock.timeout_ms = 30  # instead of 15 minutes
    lock.touch()
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)
    assert lock.dialog is not None
    assert visible_windows() == [lock.dialog]
    assert not window.isVisible() and not queue.isVisible()
    assert {window, queue} <= set(lock.hidden_windows())
    assert re.fullmatch(r"Låst – Agent Test – .+|Locked – Agent Test – sign in again to continue",
                        lock.dialog.message_label.text())


def test_a_window_opened_while_locked_goes_out_of_sight_and_comes_back(qtbot: QtBot, window: MainWindow) -> None:
    lock = window.idle_lock
    lock.lock_now()
    queue = window.requests_ui.show_queue()  # as a background answer opening a request would
    qtbot.waitUntil(lambda: not queue.isVisible(), timeout=5000)
    assert queue in lock.hidden_windows() and visible_windows() == [lock.dialog]
    unlock(qtbot, lock, "demo")
    assert queue.isVisible() and window.isVisible()


def test_a_wrong_password_keeps_the_desk_hidden_and_the_right_one_restores_the_work(
        qtbot: QtBot, window: MainWindow, people: dict[str, int]) -> None:
    qtbot.keyClicks(window.search_edit, "odegard")
    qtbot.waitUntil(lambda: not window.model.is_busy(), timeout=5000)
    open_kari(qtbot, window, people)
    profile = window.profile
    masked = profile.nid_value.text()

    # A reveal started and half written when the agent walks away.
    profile.reveal_button.click()
    half = profile.reveal_dialog
    assert half is not None and half.isVisible()
    qtbot.keyClicks(half.reason_edit, "Halvskrevet grunn")
    half.password_edit.setText("typed-before-lock")

    window.lock_action.trigger()  # Ctrl+L
    lock = window.idle_lock
    assert lock.is_locked
    assert not window.isVisible() and not half.isVisible()
    assert visible_windows() == [lock.dialog]

    unlock(qtbot, lock, "wrong")
    assert error_shown(lock) == "Feil brukernavn eller passord."
    assert lock.is_locked and not window.isVisible() and not half.isVisible()
    assert lock.dialog is not None and lock.dialog.password_edit.text() == ""

    unlock(qtbot, lock, "demo")
    assert not lock.is_locked
    assert window.isVisible() and half.isVisible()
    assert window.search_edit.text() == "odegard"
    assert profile.header is not None and profile.header.name == "Kari Ødegård"
    assert profile.nid_value.text() == masked
    assert half.reason_edit.text() == "Halvskrevet grunn"
    assert half.password_edit.text() == "typed-before-lock"
    assert lock.is_running  # watching again


def test_a_revealed_number_is_masked_again_when_the_desk_locks(qtbot: QtBot, window: MainWindow,
                                                              people: dict[str, int]) -> None:
    open_kari(qtbot, window, people)
    profile = window.profile
    masked = profile.nid_value.text()
    profile.reveal_button.click()
    dialog = profile.reveal_dialog
    assert dialog is not None
    dialog.reason_edit.setText("Bekrefte nummeret")
    dialog.password_edit.setText("demo")
    dialog.show_button.click()
    qtbot.waitUntil(lambda: profile.revealed is not None, timeout=5000)
    assert re.fullmatch(r"\d{6} \d{5}", profile.nid_value.text())

    window.idle_lock.lock_now()
    assert profile.revealed is None and profile.nid_value.text() == masked
    unlock(qtbot, window.idle_lock, "demo")
    assert profile.nid_value.text() == masked  # shown again only by asking again


def test_a_half_filled_request_dialog_comes_back_as_it_was(qtbot: QtBot, window: MainWindow,
                                                           people: dict[str, int]) -> None:
    open_kari(qtbot, window, people)
    dialog = window.requests_ui.new_request()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.type_combo.setCurrentIndex(2)
    chosen = dialog.type_combo.currentText()
    qtbot.keyClicks(dialog.notes_edit, "Ringte om sletting")
    geometry = dialog.geometry()

    window.idle_lock.lock_now()
    assert not dialog.isVisible()
    unlock(qtbot, window.idle_lock, "demo")
    assert dialog.isVisible() and dialog.result() == 0  # neither filed nor cancelled
    assert dialog.type_combo.currentText() == chosen
    assert dialog.notes_edit.toPlainText() == "Ringte om sletting"
    assert dialog.geometry() == geometry
    assert window.requests_ui.file_dialog is dialog


def test_a_dialog_in_its_own_event_loop_is_emptied_not_ended(qtbot: QtBot, window: MainWindow) -> None:
    """A question asked with exec() would end if hidden: it stays up, empty, and answers as before."""
    lock = window.idle_lock
    box = QInputDialog(window)
    box.setWindowTitle("Avvis planen")
    box.setLabelText("Hvorfor?")
    box.setTextValue("Kunden har en åpen reklamasjon")
    seen: dict[str, Any] = {}

    def while_asking() -> None:
        try:
            lock.lock_now()
            seen["locked_visible"] = [w for w in visible_windows() if w is not lock.dialog]
            seen["contents_visible"] = [c for c in box.findChildren(QWidget) if c.isVisible()]
            seen["locked_title"] = box.windowTitle()
            unlock(qtbot, lock, "demo")
            seen["unlocked"] = not lock.is_locked
            seen["title"] = box.windowTitle()
            seen["text_visible"] = any(c.isVisible() for c in box.findChildren(QWidget))
        finally:
            box.done(QDialog.DialogCode.Accepted)

    QTimer.singleShot(0, while_asking)
    assert box.exec() == QDialog.DialogCode.Accepted
    assert seen["locked_visible"] == [box] and seen["contents_visible"] == []
    assert seen["locked_title"] != "Avvis planen"
    assert seen["unlocked"] and seen["title"] == "Avvis planen" and seen["text_visible"]
    assert box.textValue() == "Kunden har en åpen reklamasjon"


# --- what keeps the desk open --------------------------------------------------------------------


def test_the_persons_input_restarts_the_idle_time(qtbot: QtBot, window: MainWindow, desk: Any, agent: Any,
                                                  dialogs: RecordingDialogs) -> None:
    now = [1000.0]
    lock = IdleLock(desk, agent, dialogs, sign_out=window.close, timeout_ms=60_000, clock=lambda: now[0],
                    parent=window)
    lock.start()
    try:
        now[0] += 50
        qtbot.keyClick(window.search_edit, Qt.Key.Key_A)  # typing
        now[0] += 20
        lock.check()
        assert not lock.is_locked  # 20 s since the key, not 70 s since the start

        now[0] += 35
        qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton)  # a click
        now[0] += 59
        lock.check()
        assert not lock.is_locked

        now[0] += 10
        qtbot.mouseMove(window.table.viewport(), QPoint(20, 20))  # the pointer moves
        now[0] += 59
        lock.check()
        assert not lock.is_locked

        now[0] += 10
        qtbot.mouseMove(window.table.viewport(), QPoint(20, 20))  # a "move" to where it already is
        QApplication.sendEvent(window.search_edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_B,
                                                             Qt.KeyboardModifier.NoModifier, "b"))  # the program's own
        lock.check()
        assert lock.is_locked  # 69 s without the person
        unlock(qtbot, lock, "demo")
    finally:
        lock.stop()


def test_the_minutes_come_from_the_settings(qtbot: QtBot, window: MainWindow) -> None:
    lock = window.idle_lock
    assert lock.timeout_ms is None
    assert lock.idle_limit_ms() == IDLE_LOCK_DEFAULT * 60_000 == 15 * 60_000
    settings = desk_settings()
    settings.setValue(IDLE_LOCK_MINUTES.key, 5)
    assert lock.idle_limit_ms() == 5 * 60_000  # read when armed: no restart needed
    # The lock cannot be switched off: nothing, zero or nonsense is the default.
    for nonsense in ("0", "-3", "soon", "2,5", "100000", ""):
        settings.setValue(IDLE_LOCK_MINUTES.key, nonsense)
        assert lock.idle_limit_ms() == 15 * 60_000, nonsense


@pytest.mark.parametrize("minutes", [1, 45, 240])
def test_what_the_settings_dialog_saves_is_what_the_lock_uses(
    qtbot: QtBot, window: MainWindow, dialogs: RecordingDialogs, minutes: int
) -> None:
    dialog = SettingsDialog(store=SettingsStore(), dialogs=dialogs)
    qtbot.addWidget(dialog)
    dialog.idle_spin.setValue(minutes)
    assert dialog.idle_spin.value() == minutes  # within what the dialog offers
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert window.idle_lock.idle_limit_ms() == minutes * 60_000
    dialog.worker.wait(10000)


# --- who may come back ---------------------------------------------------------------------------


def test_a_disabled_account_is_signed_out_at_the_lock(qtbot: QtBot, window: MainWindow, desk: Any,
                                                      dialogs: RecordingDialogs) -> None:
    lock = window.idle_lock
    lock.lock_now()
    AccountService(desk).set_disabled("agent")
    with qtbot.waitSignal(window.closed, timeout=5000):
        unlock(qtbot, lock, "demo")
    assert not lock.is_locked and not lock.is_running
    [(_, _, text)] = dialogs.of_kind("error")
    assert "deaktivert" in text
    assert not window.isVisible()
    assert all(not w.isVisible() for w in QApplication.topLevelWidgets())


def test_repeated_failures_lock_the_account_even_for_the_right_password(qtbot: QtBot, window: MainWindow) -> None:
    lock = window.idle_lock
    lock.lock_now()
    for _ in range(MAX_FAILURES - 1):
        unlock(qtbot, lock, "wrong")
        assert error_shown(lock) == "Feil brukernavn eller passord."
    unlock(qtbot, lock, "wrong")
    assert error_shown(lock) == "For mange mislykkede forsøk: kontoen er låst i 15 minutter."
    unlock(qtbot, lock, "demo")
    assert error_shown(lock).startswith("For mange mislykkede forsøk. Prøv igjen om")
    assert lock.is_locked and not window.isVisible()


def test_an_empty_password_asks_for_one_and_esc_does_not_leave(qtbot: QtBot, window: MainWindow) -> None:
    lock = window.idle_lock
    lock.lock_now()
    dialog = lock.dialog
    assert dialog is not None
    dialog.unlock_button.click()
    assert dialog.error_label.isVisible() and not lock.worker.is_busy()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert lock.is_locked and dialog.isVisible() and not window.isVisible()


def test_sign_out_ends_the_session_like_quitting(qtbot: QtBot, window: MainWindow) -> None:
    lock = window.idle_lock
    lock.lock_now()
    dialog = lock.dialog
    assert dialog is not None
    with qtbot.waitSignal(window.closed, timeout=5000):
        dialog.sign_out_button.click()
    assert not lock.is_running and not lock.is_locked and not dialog.isVisible()
    assert window.profile.header is None  # the contact ended, as on quitting


def test_lock_and_unlock_are_logged_without_names(qtbot: QtBot, window: MainWindow, agent: Any,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="desktop.ui.idle_lock")
    window.idle_lock.lock_now()
    unlock(qtbot, window.idle_lock, "wrong")
    unlock(qtbot, window.idle_lock, "demo")
    messages = [r.getMessage() for r in caplog.records if r.name == "desktop.ui.idle_lock"]
    assert [m.split(" (")[0] for m in messages] == ["session locked", "unlock refused", "session unlocked"]
    assert all(f"account {agent.account_id}" in m for m in messages)
    assert not any("Agent" in m or "agent" in m for m in messages)
