"""The workstation's settings: which database, how e-mail goes out, the language, the idle lock.

Reachable from the sign-in screen as well as the main window, so a new workstation can be pointed
at the team server before anyone can sign in. "Test connection" runs the real check on a worker
thread with exactly what is typed (nothing is saved or created by it), so a wrong password or an
unreachable server is found here, with a sentence that says what to do, and not at the next start.
Passwords go to the OS keyring only (`SettingsStore`): a password field shows whether one is stored,
never the password, and an empty field keeps the stored one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.errors import DeskError
from desktop.paths import default_database_path
from desktop.services.connection import ConnectionReport, Verdict, check_connection
from desktop.settings import mail_config
from desktop.ui.common import busy_bar
from desktop.ui.dialogs import DialogService
from desktop.ui.operations import Operations, error_text
from desktop.ui.settings_store import (
    DEFAULT_PG_PORT,
    IDLE_LOCK_MAX,
    IDLE_LOCK_MIN,
    SMTP_DEFAULT_PORTS,
    SMTP_KEYRING_ENTRY,
    DeskSettings,
    SecretChange,
    SettingsStore,
    keyring_help,
)
from desktop.ui.styles import ERROR_STYLE, INFO_STYLE, NOTICE_STYLE, OK_STYLE, notice
from desktop.ui.theme import set_tone

if TYPE_CHECKING:
    from collections.abc import Callable

TAB_DATABASE, TAB_EMAIL, TAB_GENERAL = range(3)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class _Secret:
    """One password field and what the keyring holds for it."""

    def __init__(self, edit: QLineEdit, state: QLabel, forget: QCheckBox) -> None:
        self.edit, self.state, self.forget = edit, state, forget
        #: True/False, or None when there is no keyring to ask.
        self.stored: bool | None = False

    def change(self) -> SecretChange:
        if self.edit.text():
            return SecretChange(new_value=self.edit.text())
        return SecretChange(forget=self.forget.isChecked() and bool(self.stored))


class SettingsDialog(QDialog):
    """Edit and save the settings; `saved` holds what was written once the dialog is accepted."""

    def __init__(self, *, store: SettingsStore | None = None, dialogs: DialogService | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store or SettingsStore()
        self.dialogs = dialogs or DialogService(self)
        self.initial = self.store.load()
        self.saved: DeskSettings | None = None
        self.last_report: ConnectionReport | None = None
        self._field_errors: dict[QWidget, QLabel] = {}
        self.keyring_ok = self.store.keyring_available()

        self.setWindowTitle(self.tr("Settings - {app}").format(app=APP_NAME))

        self.keyring_notice = notice(NOTICE_STYLE, self.tr("Keyring notice"))
        self.keyring_notice.setText(keyring_help())
        self.keyring_notice.setVisible(not self.keyring_ok)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Settings sections"))
        self.tabs.addTab(self._database_page(), self.tr("&Database"))
        self.tabs.addTab(self._email_page(), self.tr("&E-mail"))
        self.tabs.addTab(self._general_page(), self.tr("&General"))

        self.error_label = notice(ERROR_STYLE, self.tr("Error"))
        self.worker = Operations(self, errors=self.error_label)
        self.worker.busy_changed.connect(self._busy)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save settings"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel without saving"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.keyring_notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.resize(max(640, self.sizeHint().width()), self.sizeHint().height())

        self._fill(self.initial)
        self._kind_changed()
        self._refresh_secret_states()
        (self.pg_radio if self.initial.uses_postgresql else self.sqlite_radio).setFocus()

    # --- building ----------------------------------------------------------------------------

    def _fit(self) -> None:
        """Grow to fit wrapped text and messages at the current width.

        Qt sizes a window by its minimum size, which does not count the extra lines wrapped text
        takes at a given width, so the form would be squeezed under a new message.
        """
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        need = max(need, layout.totalMinimumSize().height())
        if self.minimumHeight() != need:
            self.setMinimumHeight(need)
        if self.height() < need:
            self.resize(self.width(), need)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _field(self, form: QFormLayout, text: str, field: QWidget, name: str, *,
               extra: QWidget | None = None, validated: bool = False) -> QVBoxLayout | None:
        """A form row whose label is the field's buddy, with room for an inline message under it."""
        field.setAccessibleName(name)
        label = QLabel(text)
        label.setBuddy(field)
        row: QWidget = field
        box: QVBoxLayout | None = None
        if extra is not None or validated:
            row = QWidget()
            box = QVBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            line = QHBoxLayout()
            line.addWidget(field, 1)
            if extra is not None:
                line.addWidget(extra)
            box.addLayout(line)
            if validated:
                message = QLabel()
                set_tone(message, "danger")
                message.setWordWrap(True)
                message.setAccessibleName(self.tr("{field}: problem").format(field=name))
                message.hide()
                box.addWidget(message)
                self._field_errors[field] = message
        form.addRow(label, row)
        return box

    def _secret_row(self, form: QFormLayout, text: str, name: str, forget_name: str) -> _Secret:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(1024)
        self._field(form, text, edit, name, validated=True)
        state = QLabel()
        state.setWordWrap(True)
        set_tone(state, "muted")
        state.setAccessibleName(self.tr("{field}: stored state").format(field=name))
        forget = QCheckBox(self.tr("Remove the stored password when saving"))
        forget.setAccessibleName(forget_name)
        forget.hide()
        form.addRow("", state)
        form.addRow("", forget)
        return _Secret(edit, state, forget)

    def _database_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr(
            "Where this workstation keeps the desk's data. A change here takes effect the next time "
            "{app} starts."
        ).format(app=APP_NAME))
        intro.setWordWrap(True)

        self.sqlite_radio = QRadioButton(self.tr("E&mbedded database on this computer (SQLite)"))
        self.sqlite_radio.setAccessibleName(self.tr("Embedded database on this computer"))
        self.pg_radio = QRadioButton(self.tr("&Team server (PostgreSQL)"))
        self.pg_radio.setAccessibleName(self.tr("Team server"))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.sqlite_radio)
        self.kind_group.addButton(self.pg_radio)
        self.sqlite_radio.toggled.connect(self._kind_changed)

        self.sqlite_box = QGroupBox(self.tr("Embedded database"))
        sqlite_form = QFormLayout(self.sqlite_box)
        self.sqlite_path_edit = QLineEdit()
        self.sqlite_path_edit.setPlaceholderText(self.tr("Default: {path}").format(path=self._default_path()))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setAccessibleName(self.tr("Choose the database file"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self._browse)
        self._field(sqlite_form, self.tr("Database &file:"), self.sqlite_path_edit, self.tr("Database file"),
                    extra=self.browse_button, validated=True)
        hint = QLabel(self.tr("Leave empty for the default file in the data folder. A file that does not "
                              "exist yet is created at the next start."))
        hint.setWordWrap(True)
        set_tone(hint, "muted")
        sqlite_form.addRow("", hint)

        self.pg_box = QGroupBox(self.tr("Team server"))
        pg_form = QFormLayout(self.pg_box)
        self.pg_host_edit = QLineEdit()
        self.pg_host_edit.setPlaceholderText(self.tr("e.g. db.example.internal"))
        self.pg_port_edit = QLineEdit()
        self.pg_port_edit.setMaxLength(5)
        self.pg_port_edit.setPlaceholderText(str(DEFAULT_PG_PORT))
        self.pg_name_edit = QLineEdit()
        self.pg_user_edit = QLineEdit()
        self._field(pg_form, self.tr("&Host:"), self.pg_host_edit, self.tr("Server host"), validated=True)
        self._field(pg_form, self.tr("P&ort:"), self.pg_port_edit, self.tr("Server port"), validated=True)
        self._field(pg_form, self.tr("Database &name:"), self.pg_name_edit, self.tr("Database name"), validated=True)
        self._field(pg_form, self.tr("&User:"), self.pg_user_edit, self.tr("Database user"), validated=True)
        self.pg_secret = self._secret_row(pg_form, self.tr("&Password:"), self.tr("Database password"),
                                          self.tr("Remove the stored database password"))
        for edit in (self.pg_host_edit, self.pg_port_edit, self.pg_name_edit, self.pg_user_edit):
            edit.editingFinished.connect(self._refresh_secret_states)

        self.test_button = QPushButton(self.tr("Test &connection"))
        self.test_button.setAccessibleName(self.tr("Test the database connection"))
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test_connection)
        self.test_busy = busy_bar(self.tr("Testing the connection"))
        self.test_result = notice(INFO_STYLE, self.tr("Connection test result"))
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_busy, 1)
        test_row.addStretch(0)

        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.sqlite_radio)
        layout.addWidget(self.pg_radio)
        layout.addWidget(self.sqlite_box)
        layout.addWidget(self.pg_box)
        layout.addLayout(test_row)
        layout.addWidget(self.test_result)
        layout.addStretch(1)
        return page

    def _email_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr(
            "The mail server that sends one-time codes to customers. Leave the server empty if this "
            "workstation does not send e-mail."
        ))
        intro.setWordWrap(True)
        form = QFormLayout()
        self.smtp_host_edit = QLineEdit()
        self.smtp_host_edit.setPlaceholderText(self.tr("e.g. smtp.example.com"))
        self.smtp_tls_combo = QComboBox()
        for mode, text in (("starttls", self.tr("STARTTLS (usually port 587)")),
                           ("ssl", self.tr("TLS from the start (usually port 465)")),
                           ("none", self.tr("None: unencrypted (only inside a trusted network)"))):
            self.smtp_tls_combo.addItem(text, mode)
        self.smtp_tls_combo.currentIndexChanged.connect(self._tls_changed)
        self.smtp_port_edit = QLineEdit()
        self.smtp_port_edit.setMaxLength(5)
        self.smtp_user_edit = QLineEdit()
        self.smtp_sender_edit = QLineEdit()
        self.smtp_sender_edit.setPlaceholderText(self.tr("e.g. privacy@example.com"))
        self._field(form, self.tr("&Server:"), self.smtp_host_edit, self.tr("Mail server"), validated=True)
        self._field(form, self.tr("En&cryption:"), self.smtp_tls_combo, self.tr("Encryption"))
        self._field(form, self.tr("P&ort:"), self.smtp_port_edit, self.tr("Mail server port"), validated=True)
        self._field(form, self.tr("&User:"), self.smtp_user_edit, self.tr("Mail user"), validated=True)
        self.smtp_secret = self._secret_row(form, self.tr("&Password:"), self.tr("Mail password"),
                                            self.tr("Remove the stored mail password"))
        self._field(form, self.tr("Se&nder address:"), self.smtp_sender_edit, self.tr("Sender address"),
                    validated=True)
        self.mail_button = QPushButton(self.tr("Send a &test mail…"))
        self.mail_button.setAccessibleName(self.tr("Send a test mail with these settings"))
        self.mail_button.setAutoDefault(False)
        self.mail_button.clicked.connect(self.send_test_mail)
        self.mail_busy = busy_bar(self.tr("Sending the test mail"))
        self.mail_result = notice(INFO_STYLE, self.tr("Test mail result"))
        mail_row = QHBoxLayout()
        mail_row.addWidget(self.mail_button)
        mail_row.addWidget(self.mail_busy, 1)
        mail_row.addStretch(0)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(mail_row)
        layout.addWidget(self.mail_result)
        layout.addStretch(1)
        return page

    def _general_page(self) -> QWidget:
        page = QWidget()
        language_box = QGroupBox(self.tr("Language"))
        language_form = QFormLayout(language_box)
        self.language_combo = QComboBox()
        # Each language is named in itself, so someone who cannot read the current one finds theirs.
        for code, text in (("system", self.tr("System default")), ("nb", self.tr("Norsk bokmål")),
                           ("en", self.tr("English")), ("sv", self.tr("Svenska"))):
            self.language_combo.addItem(text, code)
        self._field(language_form, self.tr("&Interface language:"), self.language_combo,
                    self.tr("Interface language"))
        language_hint = QLabel(self.tr("Takes effect the next time {app} starts.").format(app=APP_NAME))
        set_tone(language_hint, "muted")
        language_form.addRow("", language_hint)

        session_box = QGroupBox(self.tr("Session"))
        session_form = QFormLayout(session_box)
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(IDLE_LOCK_MIN, IDLE_LOCK_MAX)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setMaximumWidth(self.idle_spin.fontMetrics().horizontalAdvance("0000 minutes") + 40)
        self._field(session_form, self.tr("&Lock after idle:"), self.idle_spin,
                    self.tr("Lock the desk after this many idle minutes"))
        idle_hint = QLabel(self.tr(
            "The desk locks itself when nobody has used it for this long ({low} to {high} minutes)."
        ).format(low=IDLE_LOCK_MIN, high=IDLE_LOCK_MAX))
        idle_hint.setWordWrap(True)
        set_tone(idle_hint, "muted")
        session_form.addRow("", idle_hint)

        layout = QVBoxLayout(page)
        layout.addWidget(language_box)
        layout.addWidget(session_box)
        layout.addStretch(1)
        return page

    @staticmethod
    def _default_path() -> str:
        return str(default_database_path())

    # --- filling and reading -------------------------------------------------------------------

    def _fill(self, values: DeskSettings) -> None:
        (self.pg_radio if values.uses_postgresql else self.sqlite_radio).setChecked(True)
        self.sqlite_path_edit.setText(values.sqlite_path)
        self.pg_host_edit.setText(values.pg_host)
        self.pg_port_edit.setText(str(values.pg_port))
        self.pg_name_edit.setText(values.pg_name)
        self.pg_user_edit.setText(values.pg_user)
        self.smtp_host_edit.setText(values.smtp_host)
        self.smtp_tls_combo.setCurrentIndex(max(0, self.smtp_tls_combo.findData(values.smtp_tls)))
        self.smtp_port_edit.setText("" if values.smtp_port is None else str(values.smtp_port))
        self.smtp_user_edit.setText(values.smtp_user)
        self.smtp_sender_edit.setText(values.smtp_sender)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(values.language)))
        self.idle_spin.setValue(values.idle_lock_minutes)
        self._tls_changed()

    def _kind_changed(self) -> None:
        sqlite = self.sqlite_radio.isChecked()
        self.sqlite_box.setEnabled(sqlite)
        self.pg_box.setEnabled(not sqlite)
        self.test_result.hide()

    def _tls_changed(self) -> None:
        mode = str(self.smtp_tls_combo.currentData())
        self.smtp_port_edit.setPlaceholderText(str(SMTP_DEFAULT_PORTS.get(mode, 587)))

    def _browse(self) -> None:
        start = self.sqlite_path_edit.text().strip() or self._default_path()
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Choose the database file"), start,
            self.tr("SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.sqlite_path_edit.setText(path)
            self.test_result.hide()

    def _pg_values(self) -> DeskSettings:
        """What the database fields say now (only meaningful once they validate)."""
        port = self.pg_port_edit.text().strip()
        return replace(self.initial, db_kind="postgresql", pg_host=self.pg_host_edit.text().strip(),
                       pg_port=int(port) if port.isdigit() else DEFAULT_PG_PORT,
                       pg_name=self.pg_name_edit.text().strip(), pg_user=self.pg_user_edit.text().strip())

    def _sqlite_path(self) -> str:
        text = self.sqlite_path_edit.text().strip()
        return str(Path(text).expanduser()) if text else ""

    def values(self) -> DeskSettings:
        port = self.smtp_port_edit.text().strip()
        current = self._pg_values()
        return replace(
            current,
            db_kind="postgresql" if self.pg_radio.isChecked() else "sqlite",
            sqlite_path=self._sqlite_path(),
            smtp_host=self.smtp_host_edit.text().strip(),
            smtp_port=int(port) if port.isdigit() else None,
            smtp_tls=str(self.smtp_tls_combo.currentData()),
            smtp_user=self.smtp_user_edit.text().strip(),
            smtp_sender=self.smtp_sender_edit.text().strip(),
            language=str(self.language_combo.currentData()),
            idle_lock_minutes=self.idle_spin.value(),
        )

    # --- the keyring state ---------------------------------------------------------------------

    def _refresh_secret_states(self) -> None:
        entries = ((self.pg_secret, self._pg_values().pg_keyring_entry()),
                   (self.smtp_secret, "smtp"))
        for secret, entry in entries:
            secret.stored = self.store.has_secret(entry) if self.keyring_ok else None
            if secret.stored is None:
                text = self.tr("No keyring: a password cannot be stored on this computer.")
                placeholder = ""
            elif secret.stored:
                text = self.tr("A password is stored in the keyring. Leave the field empty to keep it.")
                placeholder = self.tr("Stored in the keyring")
            else:
                text = self.tr("No password is stored.")
                placeholder = self.tr("Not stored")
            secret.state.setText(text)
            secret.edit.setPlaceholderText(placeholder)
            secret.edit.setAccessibleDescription(text)
            secret.forget.setVisible(bool(secret.stored))
            if not secret.stored:
                secret.forget.setChecked(False)
        self._fit()

    # --- validation ----------------------------------------------------------------------------

    def _set_error(self, field: QWidget, text: str | None) -> None:
        label = self._field_errors[field]
        label.setText(text or "")
        label.setVisible(bool(text))
        field.setAccessibleDescription(text or "")

    def _port_error(self, text: str, *, required: bool) -> str | None:
        if not text:
            return self.tr("Enter the port number.") if required else None
        if not text.isdigit() or not 1 <= int(text) <= 65535:
            return self.tr("The port must be a whole number from 1 to 65535.")
        return None

    def _host_error(self, text: str, *, required: bool) -> str | None:
        if not text:
            return self.tr("Enter the server's host name or address.") if required else None
        if any(c.isspace() for c in text) or "/" in text:
            return self.tr("A host name has no spaces or slashes, e.g. db.example.internal.")
        return None

    def _database_errors(self) -> list[tuple[QWidget, str | None]]:
        checks: list[tuple[QWidget, str | None]] = []
        if self.sqlite_radio.isChecked():
            text = self.sqlite_path_edit.text().strip()
            error = None
            if text:
                path = Path(text).expanduser()
                if not path.is_absolute():
                    error = self.tr("Enter the full path of the file, or choose it with Browse….")
                elif path.is_dir():
                    error = self.tr("This is a folder. Enter the path of a database file in it.")
            checks.append((self.sqlite_path_edit, error))
            return checks
        checks.append((self.pg_host_edit, self._host_error(self.pg_host_edit.text().strip(), required=True)))
        checks.append((self.pg_port_edit, self._port_error(self.pg_port_edit.text().strip(), required=True)))
        checks.append((self.pg_name_edit, None if self.pg_name_edit.text().strip()
                       else self.tr("Enter the name of the database on the server.")))
        checks.append((self.pg_user_edit, None if self.pg_user_edit.text().strip()
                       else self.tr("Enter the database user name.")))
        return checks

    def _email_errors(self) -> list[tuple[QWidget, str | None]]:
        host = self.smtp_host_edit.text().strip()
        checks: list[tuple[QWidget, str | None]] = [
            (self.smtp_host_edit, self._host_error(host, required=False)),
            (self.smtp_port_edit, self._port_error(self.smtp_port_edit.text().strip(), required=False)),
        ]
        sender = self.smtp_sender_edit.text().strip()
        checks.append((self.smtp_sender_edit, None if not sender or _EMAIL.match(sender)
                       else self.tr("Enter one e-mail address, e.g. privacy@example.com.")))
        user_error = None
        if self.smtp_secret.edit.text() and not self.smtp_user_edit.text().strip():
            user_error = self.tr("A password needs a user name.")
        checks.append((self.smtp_user_edit, user_error))
        if not host and any(w.text().strip() for w in (self.smtp_user_edit, self.smtp_sender_edit,
                                                       self.smtp_secret.edit)):
            checks[0] = (self.smtp_host_edit, self.tr("Enter the mail server, or clear the other e-mail fields."))
        return checks

    def _show_errors(self, checks: list[tuple[QWidget, str | None]]) -> QWidget | None:
        """Show each field's message (or clear it); returns the first field with a problem."""
        first: QWidget | None = None
        for field, error in checks:
            self._set_error(field, error)
            if error and first is None:
                first = field
        self._fit()
        return first

    def validate(self) -> bool:
        """Show every problem at once; move to the first one so it can be fixed from the keyboard."""
        for field in self._field_errors:
            self._set_error(field, None)
        firsts = [(tab, self._show_errors(checks))
                  for tab, checks in ((TAB_DATABASE, self._database_errors()), (TAB_EMAIL, self._email_errors()))]
        for tab, first in firsts:
            if first is not None:
                self.tabs.setCurrentIndex(tab)
                first.setFocus()
                return False
        return True

    # --- testing the connection ----------------------------------------------------------------

    def test_connection(self) -> None:
        if self.worker.is_busy():
            return
        self._refresh_secret_states()
        first = self._show_errors(self._database_errors())
        if first is not None:
            first.setFocus()
            return
        values = self.values()
        url = values.database_url() or f"sqlite:///{self._default_path()}"
        typed = self.pg_secret.edit.text() if values.uses_postgresql else ""
        entry = values.pg_keyring_entry() if values.uses_postgresql and self.pg_secret.stored else None
        store = self.store

        def check() -> ConnectionReport:
            password = typed or None
            if password is None and entry is not None:
                try:
                    password = store.secret(entry)
                except DeskError:
                    password = None
            return check_connection(url, password)

        self.test_result.setStyleSheet(INFO_STYLE)
        target = (f"{values.pg_host}:{values.pg_port}/{values.pg_name}" if values.uses_postgresql
                  else values.sqlite_path or self._default_path())
        self.test_result.setText(self.tr("Testing the connection to {target}…").format(target=target))
        self.test_result.show()
        self.test_busy.show()
        self._fit()
        self.worker.run(check, self._tested, on_error=self._test_failed)

    def _busy(self, busy: bool) -> None:
        # One worker runs both tests, one at a time; each bar shows only while its own test runs.
        if not busy:
            self.test_busy.hide()
            self.mail_busy.hide()
        self.test_button.setEnabled(not busy)
        self.mail_button.setEnabled(not busy)

    def _tested(self, report: ConnectionReport) -> None:
        self.last_report = report
        style = OK_STYLE if report.verdict is Verdict.OK else INFO_STYLE if report.usable else ERROR_STYLE
        self.test_result.setStyleSheet(style)
        self.test_result.setText(self.report_text(report))
        self.test_result.show()
        self._fit()
        if report.verdict in (Verdict.WRONG_PASSWORD, Verdict.PASSWORD_REQUIRED):
            self.pg_secret.edit.setFocus()
        else:
            self.test_button.setFocus()

    def _test_failed(self, exc: BaseException) -> None:
        self.test_result.setStyleSheet(ERROR_STYLE)
        self.test_result.setText(error_text(exc))
        self.test_result.show()
        self._fit()

    def report_text(self, report: ConnectionReport) -> str:
        """The verdict as a sentence that says what to do next."""
        pg = report.backend == "postgresql"
        user = self.pg_user_edit.text().strip()
        texts: dict[Verdict, Callable[[], str]] = {
            Verdict.OK: lambda: (
                self.tr("Connected to PostgreSQL {version} at {target}. The GDPR Desk tables are up to date "
                        "and the server writes safely to disk (fsync on).")
                if pg else
                self.tr("This is a GDPR Desk database and it is up to date (SQLite {version}): {target}")
            ).format(version=(report.server_version or "").split(" ")[0], target=report.target),
            Verdict.NEW_DATABASE: lambda: self.tr(
                "There is no database at {target} yet. A new, empty one will be created there the next "
                "time {app} starts."
            ).format(target=report.target, app=APP_NAME),
            Verdict.FILE_NOT_WRITABLE: lambda: self.tr(
                "{app} may not write to {target} or to its folder. Choose another place, or ask IT for "
                "write access."
            ).format(target=report.target, app=APP_NAME),
            Verdict.NOT_A_DATABASE: lambda: self.tr(
                "{target} is not a database, or it is damaged. Choose another file."
            ).format(target=report.target),
            Verdict.UNREACHABLE: lambda: self.tr(
                "The server at {target} does not answer ({detail}). Check the host name and the port, and "
                "that the server is running and lets this computer in; then test again."
            ).format(target=report.target, detail=report.detail),
            Verdict.WRONG_PASSWORD: lambda: self.tr(
                "The server refused the user name or password for {user}. Type the password again and "
                "test again."
            ).format(user=user),
            Verdict.PASSWORD_REQUIRED: lambda: self.tr(
                "The server asks for a password for {user}, and none is stored. Type it in the Password "
                "field and test again."
            ).format(user=user),
            Verdict.ACCESS_DENIED: lambda: self.tr(
                "The server does not let {user} in ({detail}). Check the user name, or ask the database "
                "administrator to give this user access from this computer."
            ).format(user=user, detail=report.detail),
            Verdict.DATABASE_MISSING: lambda: self.tr(
                "The server has no database called {name}. Check the name, or ask the database "
                "administrator to create it and run 'gdpr-desk db init-team' on it."
            ).format(name=self.pg_name_edit.text().strip()),
            Verdict.SCHEMA_MISSING: lambda: (
                self.tr("Connected, but the database has no GDPR Desk tables yet. Ask the database "
                        "administrator to run 'gdpr-desk db init-team' on it.")
                if pg else
                self.tr("{target} is a database, but not a GDPR Desk one. Choose another file.")
            ).format(target=report.target),
            Verdict.SCHEMA_OUTDATED: lambda: self.tr(
                "The database needs an upgrade (it has schema {found}, this version needs {needed}). Run "
                "'gdpr-desk db upgrade' (on a team server, as the database owner)."
            ).format(found=report.schema_version or "", needed=report.expected_schema or ""),
            Verdict.SCHEMA_NEWER: lambda: self.tr(
                "The database was upgraded by a newer {app} (schema {found}). Install the newer version on "
                "this computer."
            ).format(app=APP_NAME, found=report.schema_version or ""),
            Verdict.UNSAFE_SERVER: lambda: self.tr(
                "The server runs with {setting}: a crash could lose access-log entries, so {app} will not "
                "use it. Ask the database administrator to turn it on."
            ).format(setting=report.unsafe_setting or "", app=APP_NAME),
            Verdict.FAILED: lambda: self.tr("The connection test failed: {detail}").format(detail=report.detail),
        }
        return texts[report.verdict]()

    # --- the test mail -------------------------------------------------------------------------

    def send_test_mail(self) -> None:
        """Send one mail with exactly what is typed, so a wrong password shows now, not at a customer's call."""
        if self.worker.is_busy():
            return
        checks = self._email_errors()
        if not self.smtp_host_edit.text().strip():
            checks[0] = (self.smtp_host_edit, self.tr("Enter the mail server."))
        first = self._show_errors(checks)
        if first is not None:
            first.setFocus()
            return
        values = self.values()
        config = mail_config(values)
        if config is None:  # no server typed: refused above, with the field marked
            return
        default_to = values.smtp_sender or (values.smtp_user if "@" in values.smtp_user else "")
        to = self.dialogs.ask_text(self, self.tr("Send a test mail"), self.tr("Send the test mail to:"),
                                   text=default_to)
        if to is None:
            return
        to = to.strip()
        if not _EMAIL.match(to):
            self._mail_done(self.tr("Enter one e-mail address, e.g. privacy@example.com."), ok=False)
            return
        typed = self.smtp_secret.edit.text()
        use_stored = not typed and bool(self.smtp_secret.stored) and bool(values.smtp_user)
        store = self.store
        subject = self.tr("{app}: test mail").format(app=APP_NAME)
        body = self.tr("This is a test mail from {app}. The e-mail settings of this workstation work.").format(
            app=APP_NAME)

        def send() -> str:
            from desktop.services.verification import SmtpMailer  # lazy: startup time

            password = typed or (store.secret(SMTP_KEYRING_ENTRY) if use_stored else None)
            SmtpMailer(config.host, config.port, starttls=config.starttls, ssl=config.ssl,
                       username=config.username, password=password, sender=config.sender,
                       ).send_mail(to, subject, body)
            return to

        self.mail_result.setStyleSheet(INFO_STYLE)
        self.mail_result.setText(self.tr("Sending a test mail to {to}…").format(to=to))
        self.mail_result.show()
        self.mail_busy.show()
        self._fit()
        self.worker.run(
            send,
            lambda sent: self._mail_done(self.tr("The test mail was sent to {to}. Check that it arrived.").format(
                to=sent), ok=True),
            on_error=lambda exc: self._mail_done(self.tr("The test mail could not be sent: {reason}").format(
                reason=error_text(exc)), ok=False),
        )

    def _mail_done(self, text: str, *, ok: bool) -> None:
        self.mail_result.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.mail_result.setText(text)
        self.mail_result.show()
        self._fit()

    # --- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        self.worker.clear_error()
        if not self.validate():
            return
        values = self.values()
        pg_change = self.pg_secret.change() if values.uses_postgresql else SecretChange()
        # No mail server, no use for its password: a cleared server takes the stored password with it.
        smtp_change = (self.smtp_secret.change() if values.smtp_host
                       else SecretChange(forget=self.smtp_secret.stored is True))
        try:
            self.saved = self.store.save(values, pg_password=pg_change, smtp_password=smtp_change)
        except DeskError as exc:
            self.worker.show_error(exc)
            self.keyring_notice.setVisible(not self.store.keyring_available())
            self._fit()
            return
        self.pg_secret.edit.clear()
        self.smtp_secret.edit.clear()
        restart = (self.saved.database_identity() != self.initial.database_identity()
                   or self.saved.language != self.initial.language)
        if restart:
            self.dialogs.info(self, self.tr("Settings saved"), self.tr(
                "The settings are saved. The new database or language is used the next time {app} starts."
            ).format(app=APP_NAME))
        self.accept()


def open_settings(parent: QWidget, dialogs: DialogService | None = None) -> SettingsDialog:
    """Open the dialog window-modal without blocking, so the caller's event loop keeps running."""
    dialog = SettingsDialog(dialogs=dialogs, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
