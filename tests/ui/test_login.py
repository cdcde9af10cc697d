"""Signing in and creating the first administrator, as a person at the keyboard does it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.services.accounts import AccountService
from desktop.services.context import open_desk
from desktop.services.setup import SetupService
from desktop.ui.login import FirstAdminDialog, LoginDialog, elide_middle
from tests.helpers.memory_keyring import lose_keyring

DEMO_NOTICE = "Demodatabase: nøklene ligger i en fil ved siden av databasen (kun for demo)"


def _dialog(qtbot: QtBot, ctx: Any = None, **kw: Any) -> LoginDialog:
    dialog = LoginDialog(ctx, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_login_success(qtbot: QtBot, desk: Any) -> None:
    dialog = _dialog(qtbot, desk)
    assert dialog.windowTitle() == "Logg inn – GDPR Desk"
    assert str(desk.db.display_name()) in dialog.database_label.toolTip()
    qtbot.keyClicks(dialog.username_edit, "agent")
    qtbot.keyClicks(dialog.password_edit, "demo")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # Enter submits
    assert dialog.actor is not None and dialog.actor.username == "agent"
    assert dialog.password_edit.text() == ""


def test_wrong_password_keeps_the_dialog_open(qtbot: QtBot, desk: Any) -> None:
    dialog = _dialog(qtbot, desk, username="agent")
    qtbot.keyClicks(dialog.password_edit, "wrong")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    # The password is checked off the GUI thread; the refusal arrives as an answer.
    qtbot.waitUntil(lambda: not dialog.worker.is_busy(), timeout=5000)
    assert dialog.login_button.isEnabled()
    assert dialog.isVisible() and dialog.result() == 0 and dialog.actor is None
    assert not dialog.error_label.isHidden()
    assert dialog.error_label.text() == "Feil brukernavn eller passord."
    assert dialog.password_edit.text() == ""
    assert dialog.focusWidget() is dialog.password_edit
    # And the right password still works afterwards.
    qtbot.keyClicks(dialog.password_edit, "demo")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def test_empty_user_name_is_asked_for(qtbot: QtBot, desk: Any) -> None:
    dialog = _dialog(qtbot, desk)
    dialog.login_button.click()
    assert dialog.error_label.text() == "Skriv inn brukernavnet ditt."
    assert dialog.isVisible()


def test_enter_before_the_database_is_open_signs_in_when_it_arrives(qtbot: QtBot, desk: Any) -> None:
    dialog = _dialog(qtbot, None, database_name="/data/gdpr-desk.sqlite3")
    assert dialog.status_label.text() == "Åpner databasen …"
    assert dialog.database_label.text() == "Database: /data/gdpr-desk.sqlite3"
    qtbot.keyClicks(dialog.username_edit, "agent")
    qtbot.keyClicks(dialog.password_edit, "demo")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.actor is None
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.set_context(desk)
    assert dialog.actor is not None and dialog.actor.username == "agent"


def test_keyring_database_shows_no_demo_notice(qtbot: QtBot, desk: Any) -> None:
    assert not desk.keys.demo_only
    dialog = _dialog(qtbot, desk)
    assert dialog.demo_notice.isHidden()


def test_demo_keys_in_a_file_are_announced(qtbot: QtBot, tmp_path: Path) -> None:
    lose_keyring()
    ctx = open_desk(f"sqlite:///{tmp_path / 'demo.sqlite3'}", migrate=True, demo=True, create_keys=True)
    try:
        assert ctx.keys.demo_only
        dialog = _dialog(qtbot, ctx)
        assert dialog.demo_notice.isVisible()
        assert dialog.demo_notice.text() == DEMO_NOTICE
    finally:
        ctx.close()


def test_long_database_paths_keep_their_file_name() -> None:
    path = "/home/agent/" + "deep/" * 30 + "gdpr-desk.sqlite3"
    short = elide_middle(path)
    assert len(short) <= 64 and short.startswith("/home/agent/") and short.endswith("gdpr-desk.sqlite3")
    assert elide_middle("kort.sqlite3") == "kort.sqlite3"


@pytest.fixture
def empty_desk(tmp_path: Path) -> Any:
    ctx = open_desk(f"sqlite:///{tmp_path / 'new.sqlite3'}", migrate=True, create_keys=True)
    yield ctx
    ctx.close()


def test_first_admin_dialog_creates_an_admin_who_can_sign_in(qtbot: QtBot, empty_desk: Any) -> None:
    assert not SetupService(empty_desk).has_accounts()
    dialog = FirstAdminDialog(empty_desk)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Opprett den første administratoren – GDPR Desk"
    qtbot.keyClicks(dialog.username_edit, "ingrid")
    qtbot.keyClicks(dialog.display_name_edit, "Ingrid Ås")
    qtbot.keyClicks(dialog.password_edit, "hemmelig-1")
    qtbot.keyClicks(dialog.repeat_edit, "hemmelig-2")
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "De to passordene er ikke like."
    assert not SetupService(empty_desk).has_accounts()

    qtbot.keyClicks(dialog.password_edit, "hemmelig-1")
    qtbot.keyClicks(dialog.repeat_edit, "hemmelig-1")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert dialog.username == "ingrid"
    actor = AccountService(empty_desk).login("ingrid", "hemmelig-1")
    assert actor.role == "admin" and actor.display_name == "Ingrid Ås"


def test_first_admin_shows_the_services_rules(qtbot: QtBot, empty_desk: Any) -> None:
    dialog = FirstAdminDialog(empty_desk)
    qtbot.addWidget(dialog)
    dialog.username_edit.setText("ikke gyldig!")
    dialog.password_edit.setText("hemmelig-1")
    dialog.repeat_edit.setText("hemmelig-1")
    dialog.create_button.click()
    assert "brukernavn" in dialog.error_label.text().lower()
    assert not SetupService(empty_desk).has_accounts()


def test_first_admin_is_refused_once_accounts_exist(qtbot: QtBot, desk: Any) -> None:
    assert SetupService(desk).has_accounts()
    dialog = FirstAdminDialog(desk)
    qtbot.addWidget(dialog)
    dialog.username_edit.setText("mallory")
    dialog.password_edit.setText("hemmelig-1")
    dialog.repeat_edit.setText("hemmelig-1")
    dialog.create_button.click()
    assert dialog.result() == 0
    assert dialog.error_label.text() == "Databasen har allerede brukerkontoer; en administrator legger til nye."
    with pytest.raises(Exception, match="Wrong user name"):
        AccountService(desk).login("mallory", "hemmelig-1")


def test_the_password_is_checked_off_the_gui_thread(qtbot: QtBot, desk: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    threads: list[threading.Thread] = []
    real_login = AccountService.login

    def login(self: AccountService, username: str, password: str) -> Any:
        threads.append(threading.current_thread())
        return real_login(self, username, password)

    monkeypatch.setattr(AccountService, "login", login)
    dialog = _dialog(qtbot, desk, username="agent")
    qtbot.keyClicks(dialog.password_edit, "demo")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        assert not dialog.login_button.isEnabled()  # busy until the answer is back
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
