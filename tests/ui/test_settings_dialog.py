"""The settings dialog: filled and saved by keyboard, bad input caught inline, passwords only in the keyring."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from desktop.app import desk_settings
from desktop.services.connection import Verdict
from desktop.ui.main_window import MainWindow
from desktop.ui.qt_compat import emit
from desktop.ui.settings_dialog import TAB_DATABASE, TAB_EMAIL, SettingsDialog
from desktop.ui.settings_store import KEYRING_SERVICE, SMTP_KEYRING_ENTRY, DeskSettings, SecretChange, SettingsStore
from tests.helpers.dialogs import RecordingDialogs
from tests.helpers.memory_keyring import MemoryKeyring, lose_keyring
from tests.helpers.smtp import Inbox, free_port

PG_ENTRY = "postgresql:desk@db.example.internal:5433/gdpr"


@pytest.fixture
def make_dialog(qtbot: QtBot, dialogs: RecordingDialogs) -> Iterator[Any]:
    made: list[SettingsDialog] = []

    def make() -> SettingsDialog:
        dialog = SettingsDialog(store=SettingsStore(), dialogs=dialogs)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        dialog.worker.wait(10000)


def _settings_file() -> str:
    settings = desk_settings()
    settings.sync()
    path = Path(settings.fileName())
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _fill_team_server(dialog: SettingsDialog, *, port: str = "5433", password: str = "") -> None:
    dialog.tabs.setCurrentIndex(TAB_DATABASE)
    dialog.pg_radio.setChecked(True)
    dialog.pg_host_edit.setText("db.example.internal")
    dialog.pg_port_edit.setText(port)
    dialog.pg_name_edit.setText("gdpr")
    dialog.pg_user_edit.setText("desk")
    dialog.pg_secret.edit.setText(password)


def _error(dialog: SettingsDialog, field: Any) -> str:
    label = dialog._field_errors[field]
    return label.text() if not label.isHidden() else ""


def test_saving_writes_the_settings_and_keeps_passwords_out_of_the_file(
    make_dialog: Any, memory_keyring: MemoryKeyring, dialogs: RecordingDialogs
) -> None:
    dialog = make_dialog()
    _fill_team_server(dialog, password="synthetic-pg-secret")
    dialog.smtp_host_edit.setText("smtp.example.com")
    dialog.smtp_tls_combo.setCurrentIndex(dialog.smtp_tls_combo.findData("ssl"))
    dialog.smtp_port_edit.setText("465")
    dialog.smtp_user_edit.setText("desk@example.com")
    dialog.smtp_secret.edit.setText("synthetic-smtp-secret")
    dialog.smtp_sender_edit.setText("privacy@example.com")
    dialog.save()

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    settings = desk_settings()
    assert settings.value("database/kind") == "postgresql"
    assert (settings.value("database/pg_host"), str(settings.value("database/pg_port"))) == \
        ("db.example.internal", "5433")
    assert (settings.value("smtp/host"), settings.value("smtp/tls"), str(settings.value("smtp/port"))) == \
        ("smtp.example.com", "ssl", "465")
    assert "synthetic" not in _settings_file()
    assert memory_keyring.store[(KEYRING_SERVICE, PG_ENTRY)] == "synthetic-pg-secret"
    assert memory_keyring.store[(KEYRING_SERVICE, SMTP_KEYRING_ENTRY)] == "synthetic-smtp-secret"
    # The password fields are emptied once the keyring has them.
    assert dialog.pg_secret.edit.text() == dialog.smtp_secret.edit.text() == ""
    # A new database takes effect at the next start, and the dialog says so.
    infos = dialogs.of_kind("info")
    assert len(infos) == 1 and "GDPR Desk" in infos[0][2]


@pytest.mark.parametrize(("port", "shown"), [("abc", True), ("70000", True), ("0", True), ("", True),
                                             ("5433", False)])
def test_a_bad_port_is_caught_inline_and_nothing_is_saved(make_dialog: Any, port: str, shown: bool) -> None:
    dialog = make_dialog()
    _fill_team_server(dialog, port=port)
    dialog.tabs.setCurrentIndex(TAB_EMAIL)
    dialog.save()
    if not shown:
        assert dialog.result() == SettingsDialog.DialogCode.Accepted
        return
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert _error(dialog, dialog.pg_port_edit)
    assert dialog.pg_port_edit.accessibleDescription() == _error(dialog, dialog.pg_port_edit)
    # The person is taken to the problem.
    assert dialog.tabs.currentIndex() == TAB_DATABASE
    assert dialog.focusWidget() is dialog.pg_port_edit
    assert "database/kind" not in _settings_file()


def test_every_missing_server_field_is_named_at_once(make_dialog: Any) -> None:
    dialog = make_dialog()
    dialog.pg_radio.setChecked(True)
    for edit in (dialog.pg_host_edit, dialog.pg_port_edit, dialog.pg_name_edit, dialog.pg_user_edit):
        edit.clear()
    dialog.smtp_sender_edit.setText("not an address")
    dialog.save()
    for edit in (dialog.pg_host_edit, dialog.pg_port_edit, dialog.pg_name_edit, dialog.pg_user_edit,
                 dialog.smtp_host_edit, dialog.smtp_sender_edit):
        assert _error(dialog, edit), edit.accessibleName()
    assert dialog.focusWidget() is dialog.pg_host_edit
    dialog.pg_host_edit.setText("db with spaces")
    dialog.save()
    assert _error(dialog, dialog.pg_host_edit) and _error(dialog, dialog.pg_host_edit) != ""


def test_e_mail_problems_take_the_person_to_the_e_mail_tab(make_dialog: Any) -> None:
    dialog = make_dialog()
    dialog.smtp_host_edit.setText("smtp.example.com")
    dialog.smtp_port_edit.setText("58x7")
    dialog.smtp_secret.edit.setText("synthetic-smtp-secret")
    dialog.save()
    assert dialog.tabs.currentIndex() == TAB_EMAIL
    assert _error(dialog, dialog.smtp_port_edit) and _error(dialog, dialog.smtp_user_edit)
    assert dialog.focusWidget() is dialog.smtp_port_edit
    assert "smtp" not in _settings_file()


def test_a_relative_sqlite_path_or_a_folder_is_refused(make_dialog: Any, tmp_path: Path) -> None:
    dialog = make_dialog()
    dialog.sqlite_path_edit.setText("desk.sqlite3")
    dialog.save()
    assert _error(dialog, dialog.sqlite_path_edit)
    dialog.sqlite_path_edit.setText(str(tmp_path))
    dialog.save()
    assert _error(dialog, dialog.sqlite_path_edit)
    dialog.sqlite_path_edit.setText(str(tmp_path / "desk.sqlite3"))
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert desk_settings().value("database/sqlite_path") == str(tmp_path / "desk.sqlite3")


def test_without_a_keyring_the_dialog_says_how_to_fix_it_and_writes_nothing(
    make_dialog: Any, dialogs: RecordingDialogs
) -> None:
    SettingsStore().save(DeskSettings(language="nb"))
    before = _settings_file()
    lose_keyring()
    dialog = make_dialog()
    assert not dialog.keyring_notice.isHidden()
    assert "GNOME Keyring" in dialog.keyring_notice.text()
    assert dialog.pg_secret.stored is None
    _fill_team_server(dialog, password="synthetic-pg-secret")
    dialog.save()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert not dialog.error_label.isHidden() and "GNOME Keyring" in dialog.error_label.text()
    assert _settings_file() == before
    # The typed password is kept, so nothing is lost while the keyring is being set up.
    assert dialog.pg_secret.edit.text() == "synthetic-pg-secret"
    assert dialogs.of_kind("info") == []


def test_a_stored_password_shows_as_stored_is_kept_when_empty_and_can_be_removed(
    make_dialog: Any, memory_keyring: MemoryKeyring
) -> None:
    SettingsStore().save(DeskSettings(db_kind="postgresql", pg_host="db.example.internal", pg_port=5433,
                                      pg_name="gdpr", pg_user="desk"),
                         pg_password=SecretChange(new_value="synthetic-pg-secret"))
    dialog = make_dialog()
    assert dialog.pg_secret.stored is True
    assert dialog.pg_secret.edit.text() == ""
    assert "synthetic" not in dialog.pg_secret.edit.placeholderText() + dialog.pg_secret.state.text()
    assert not dialog.pg_secret.forget.isHidden()
    dialog.save()
    assert memory_keyring.store[(KEYRING_SERVICE, PG_ENTRY)] == "synthetic-pg-secret"

    dialog = make_dialog()
    dialog.pg_secret.forget.setChecked(True)
    dialog.save()
    assert (KEYRING_SERVICE, PG_ENTRY) not in memory_keyring.store
    assert desk_settings().value("database/pg_password_stored") in (False, "false")


def test_clearing_the_mail_server_forgets_its_password(make_dialog: Any, memory_keyring: MemoryKeyring) -> None:
    SettingsStore().save(DeskSettings(smtp_host="smtp.example.com", smtp_user="desk@example.com"),
                         smtp_password=SecretChange(new_value="synthetic-smtp-secret"))
    dialog = make_dialog()
    assert dialog.smtp_secret.stored is True
    dialog.smtp_host_edit.clear()
    dialog.smtp_user_edit.clear()
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert desk_settings().value("smtp/host") in ("", None)
    assert (KEYRING_SERVICE, SMTP_KEYRING_ENTRY) not in memory_keyring.store


def test_a_kept_mail_server_keeps_its_password(make_dialog: Any, memory_keyring: MemoryKeyring) -> None:
    SettingsStore().save(DeskSettings(smtp_host="smtp.example.com", smtp_user="desk@example.com"),
                         smtp_password=SecretChange(new_value="synthetic-smtp-secret"))
    dialog = make_dialog()
    dialog.smtp_sender_edit.setText("privacy@example.com")
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert memory_keyring.store[(KEYRING_SERVICE, SMTP_KEYRING_ENTRY)] == "synthetic-smtp-secret"


@pytest.mark.parametrize("value", ["nb_NO", "no", "nb-NO"])
def test_a_hand_written_bokmal_shows_as_bokmal_and_survives_a_save(make_dialog: Any, value: str) -> None:
    from desktop.ui import i18n

    desk_settings().setValue("ui/language", value)
    assert i18n.configured_language() == "nb"
    dialog = make_dialog()
    assert dialog.language_combo.currentData() == "nb"
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert i18n.configured_language() == "nb"


def test_another_server_shows_its_own_password_state(make_dialog: Any) -> None:
    SettingsStore().save(DeskSettings(db_kind="postgresql", pg_host="db.example.internal", pg_port=5433,
                                      pg_name="gdpr", pg_user="desk"),
                         pg_password=SecretChange(new_value="synthetic-pg-secret"))
    dialog = make_dialog()
    dialog.pg_user_edit.setText("someone-else")
    emit(dialog.pg_user_edit.editingFinished)
    assert dialog.pg_secret.stored is False
    assert dialog.pg_secret.forget.isHidden()


def test_language_and_idle_minutes_are_saved(make_dialog: Any, dialogs: RecordingDialogs) -> None:
    dialog = make_dialog()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("sv"))
    dialog.idle_spin.setValue(45)
    dialog.save()
    settings = desk_settings()
    assert settings.value("ui/language") == "sv"
    assert int(settings.value("session/idle_lock_minutes")) == 45  # type: ignore[call-overload]
    assert len(dialogs.of_kind("info")) == 1  # the language changes at the next start
    again = make_dialog()
    assert again.language_combo.currentData() == "sv" and again.idle_spin.value() == 45
    assert (again.idle_spin.minimum(), again.idle_spin.maximum()) == (1, 240)


def test_only_idle_minutes_changed_needs_no_restart_notice(make_dialog: Any, dialogs: RecordingDialogs) -> None:
    dialog = make_dialog()
    dialog.idle_spin.setValue(5)
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert dialogs.of_kind("info") == []


def test_testing_a_sqlite_desk_reports_success(make_dialog: Any, qtbot: QtBot, desk: Any) -> None:
    dialog = make_dialog()
    dialog.sqlite_path_edit.setText(str(desk.db.sqlite_path))
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.last_report is not None and not dialog.worker.is_busy(), timeout=10000)
    assert dialog.last_report.verdict is Verdict.OK
    assert not dialog.test_result.isHidden() and str(desk.db.sqlite_path) in dialog.test_result.text()
    assert dialog.test_button.isEnabled() and dialog.test_busy.isHidden()
    assert "database/kind" not in _settings_file()


def test_testing_a_missing_file_says_it_will_be_created_and_creates_nothing(
    make_dialog: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "later.sqlite3"
    dialog = make_dialog()
    dialog.sqlite_path_edit.setText(str(path))
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.last_report is not None and not dialog.worker.is_busy(), timeout=10000)
    assert dialog.last_report.verdict is Verdict.NEW_DATABASE
    assert str(path) in dialog.test_result.text()
    assert not path.exists()


def test_testing_an_unreachable_server_says_what_to_check(make_dialog: Any, qtbot: QtBot) -> None:
    dialog = make_dialog()
    _fill_team_server(dialog, port="1")
    dialog.pg_host_edit.setText("127.0.0.1")
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.last_report is not None and not dialog.worker.is_busy(), timeout=15000)
    assert dialog.last_report.verdict is Verdict.UNREACHABLE
    assert "127.0.0.1:1/gdpr" in dialog.test_result.text()
    # Retrying is one press away.
    assert dialog.test_button.isEnabled()


def test_a_bad_port_stops_the_test_before_it_starts(make_dialog: Any) -> None:
    dialog = make_dialog()
    _fill_team_server(dialog, port="http")
    dialog.test_connection()
    assert not dialog.worker.is_busy() and dialog.last_report is None
    assert _error(dialog, dialog.pg_port_edit)


def test_every_verdict_has_its_own_sentence(make_dialog: Any) -> None:
    from desktop.services.connection import ConnectionReport

    dialog = make_dialog()
    texts = {dialog.report_text(ConnectionReport(v, "db:5432/gdpr", detail="d", backend="postgresql"))
             for v in Verdict}
    assert len(texts) == len(Verdict)


def test_escape_cancels_and_writes_nothing(make_dialog: Any, qtbot: QtBot) -> None:
    dialog = make_dialog()
    _fill_team_server(dialog, password="synthetic-pg-secret")
    QTest.keyClick(dialog.pg_host_edit, Qt.Key.Key_Escape)
    assert dialog.result() == SettingsDialog.DialogCode.Rejected
    assert "database" not in _settings_file()


def test_every_control_is_named_and_every_label_leads_to_its_field(make_dialog: Any) -> None:
    dialog = make_dialog()
    for kind in (QLineEdit, QComboBox, QSpinBox, QAbstractButton):
        for widget in dialog.findChildren(kind):
            if widget.parent() is dialog.tabs.tabBar() or "qt_" in widget.objectName():
                continue
            assert widget.accessibleName(), f"{type(widget).__name__} {widget.objectName()} has no accessible name"
    mnemonics = [label for label in dialog.findChildren(QLabel) if "&" in label.text()]
    assert len(mnemonics) >= 12
    for label in mnemonics:
        assert label.buddy() is not None, label.text()


def test_the_keyboard_reaches_every_field_in_order(make_dialog: Any) -> None:
    dialog = make_dialog()
    dialog.pg_radio.setChecked(True)
    dialog.pg_host_edit.setFocus()
    order = [dialog.pg_host_edit]
    for _ in range(5):
        order.append(order[-1].nextInFocusChain())
        while not (order[-1].focusPolicy() & Qt.FocusPolicy.TabFocus) or not order[-1].isEnabled():
            order[-1] = order[-1].nextInFocusChain()
    assert order[:5] == [dialog.pg_host_edit, dialog.pg_port_edit, dialog.pg_name_edit, dialog.pg_user_edit,
                         dialog.pg_secret.edit]


# --- where it is opened from -----------------------------------------------------------------------


def test_the_main_window_opens_it_with_ctrl_comma(window: MainWindow, qtbot: QtBot) -> None:
    assert window.settings_action.shortcut() == QKeySequence("Ctrl+,")
    window.settings_action.trigger()
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible() and dialog.parent() is window
    assert dialog.dialogs is window.dialogs
    dialog.reject()


def test_the_sign_in_screen_opens_it_before_anyone_signs_in(qtbot: QtBot) -> None:
    from desktop.ui.login import LoginDialog

    login = LoginDialog(database_name="/tmp/x.sqlite3")
    qtbot.addWidget(login)
    login.show()
    assert login.settings_button.accessibleName()
    login.settings_button.click()
    dialog = login.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    qtbot.waitExposed(dialog)
    dialog.reject()


def test_the_check_reads_a_sqlite_file_without_changing_it(make_dialog: Any, qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    before = path.read_bytes()
    dialog = make_dialog()
    dialog.sqlite_path_edit.setText(str(path))
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.last_report is not None and not dialog.worker.is_busy(), timeout=10000)
    assert dialog.last_report.verdict is Verdict.SCHEMA_MISSING
    assert path.read_bytes() == before


# --- the test mail ---------------------------------------------------------------------------------


def _fill_mail(dialog: SettingsDialog, port: int) -> None:
    dialog.tabs.setCurrentIndex(TAB_EMAIL)
    dialog.smtp_host_edit.setText("127.0.0.1")
    dialog.smtp_tls_combo.setCurrentIndex(dialog.smtp_tls_combo.findData("none"))
    dialog.smtp_port_edit.setText(str(port))
    dialog.smtp_sender_edit.setText("privacy@example.com")


def test_a_test_mail_goes_out_with_what_is_typed(make_dialog: Any, qtbot: QtBot, dialogs: RecordingDialogs,
                                                 smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    dialogs.text_answer = "agent@example.com"
    dialog = make_dialog()
    _fill_mail(dialog, port)
    dialog.send_test_mail()
    qtbot.waitUntil(lambda: not dialog.worker.is_busy() and "agent@example.com" in dialog.mail_result.text()
                    and len(inbox.messages) == 1, timeout=10000)
    assert dialogs.of_kind("ask_text")
    recipients, message = inbox.recipients[0], inbox.messages[0]
    assert recipients == ["agent@example.com"] and message["From"] == "privacy@example.com"
    assert "GDPR Desk" in message["Subject"]
    assert dialog.mail_button.isEnabled() and dialog.mail_busy.isHidden()
    # Sending tests the settings; it does not save them.
    assert "smtp" not in _settings_file()


def test_a_test_mail_to_a_dead_server_says_so(make_dialog: Any, qtbot: QtBot, dialogs: RecordingDialogs) -> None:
    dialogs.text_answer = "agent@example.com"
    dialog = make_dialog()
    _fill_mail(dialog, free_port())
    dialog.send_test_mail()
    qtbot.waitUntil(lambda: not dialog.worker.is_busy() and "…" not in dialog.mail_result.text(), timeout=15000)
    assert "127.0.0.1" in dialog.mail_result.text(), dialog.mail_result.text()
    assert dialog.mail_button.isEnabled()


def test_a_test_mail_needs_a_server_and_a_valid_recipient(make_dialog: Any, dialogs: RecordingDialogs) -> None:
    dialog = make_dialog()
    dialog.send_test_mail()
    assert _error(dialog, dialog.smtp_host_edit) and dialogs.of_kind("ask_text") == []
    _fill_mail(dialog, 2525)
    dialogs.text_answer = "not an address"
    dialog.send_test_mail()
    assert not dialog.worker.is_busy() and not dialog.mail_result.isHidden()
    assert dialog.mail_result.text() != ""
