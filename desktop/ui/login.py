"""Signing in, and creating the first administrator of a fresh database.

The login dialog is the first thing a person sees, so it is built before the database is open
(and before SQLAlchemy is even imported): it paints at once, the user types, and the start-up
code hands it the opened desk with `set_context`. Pressing Enter before then is remembered and
carried out when the desk arrives. The services are imported inside the methods that use them
for the same reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.errors import DeskError
from desktop.ui.i18n import current_lang
from desktop.ui.operations import Operations
from desktop.ui.styles import ERROR_STYLE, NOTICE_STYLE, notice

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext

_MAX_DB_CHARS = 64


def elide_middle(text: str, limit: int = _MAX_DB_CHARS) -> str:
    """Long paths keep their start and their file name, which are the parts a person recognises."""
    if len(text) <= limit:
        return text
    keep = limit - 1
    return text[: keep // 2] + "…" + text[len(text) - (keep - keep // 2):]


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


class LoginDialog(QDialog):
    """User name and password; a refusal keeps the dialog open with the service's reason in red."""

    def __init__(
        self,
        ctx: DeskContext | None = None,
        *,
        database_name: str = "",
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx: DeskContext | None = None
        self.actor: Actor | None = None
        self._pending_submit = False

        self.setWindowTitle(self.tr("Sign in - {app}").format(app=APP_NAME))
        self.setMinimumWidth(440)

        self.username_edit = QLineEdit(username)
        self.username_edit.setAccessibleName(self.tr("User name"))
        self.username_edit.setMaxLength(60)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))

        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)

        self.database_label = QLabel()
        self.database_label.setAccessibleName(self.tr("Database"))
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_notice = notice(NOTICE_STYLE, self.tr("Demo database notice"))
        self.demo_notice.setText(self.tr(
            "Demo database: the keys are kept in a file next to the database (for demos only)"
        ))
        self.error_label = notice(ERROR_STYLE, self.tr("Sign-in error"))
        self.worker = Operations(self, errors=self.error_label)
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_label.setEnabled(False)

        self.login_button = QPushButton(self.tr("Sign in"))
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        # Here as well as in the main window, so a new workstation can be pointed at its database
        # before anyone can sign in.
        self.settings_button = QPushButton(self.tr("&Settings…"))
        self.settings_button.setAccessibleName(self.tr("Settings"))
        self.settings_button.setAutoDefault(False)
        self.settings_button.clicked.connect(self.open_settings)
        self.settings_dialog: QDialog | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.settings_button)
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.login_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(_title(APP_NAME))
        layout.addWidget(QLabel(self.tr("Sign in with your staff account.")))
        layout.addLayout(form)
        layout.addWidget(self.database_label)
        layout.addWidget(self.demo_notice)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self._show_database(database_name)
        (self.password_edit if username else self.username_edit).setFocus()
        if ctx is not None:
            self.set_context(ctx)
        else:
            self.status_label.setText(self.tr("Opening the database…"))

    def set_database_name(self, name: str) -> None:
        """Another database is being opened (after Settings changed it): say which, and wait again."""
        self.ctx = None
        self._show_database(name)
        self.status_label.setText(self.tr("Opening the database…"))

    def _show_database(self, name: str) -> None:
        self.database_label.setText(self.tr("Database: {name}").format(name=elide_middle(name)) if name else "")
        self.database_label.setToolTip(name)

    def open_settings(self) -> None:
        from desktop.ui.settings_dialog import open_settings  # lazy: startup time

        self.settings_dialog = open_settings(self)

    def set_context(self, ctx: DeskContext, *, submit_pending: bool = True) -> None:
        """The desk is open: sign-in can go ahead (at once, if Enter was pressed while waiting)."""
        self.ctx = ctx
        self._show_database(ctx.db.display_name())
        self.demo_notice.setVisible(ctx.keys.demo_only)
        self.status_label.clear()
        if not submit_pending:
            self._pending_submit = False
        if self._pending_submit:
            self._pending_submit = False
            self.submit()

    def set_username(self, username: str) -> None:
        self.username_edit.setText(username)
        self.password_edit.clear()
        self.password_edit.setFocus()

    def submit(self) -> None:
        username = self.username_edit.text().strip()
        if not username:
            self.show_error(self.tr("Enter your user name."))
            self.username_edit.setFocus()
            return
        if self.ctx is None:
            self._pending_submit = True
            self.status_label.setText(self.tr("Opening the database…"))
            return
        if self.worker.is_busy():
            return  # Enter pressed again while the password is being checked
        from desktop.services.accounts import AccountService  # lazy: startup time (SQLAlchemy)

        accounts, password = AccountService(self.ctx), self.password_edit.text()
        # The password hash takes a noticeable moment by design: checked off the GUI thread, so the
        # dialog keeps painting, with the wait cursor and the button off until the answer is back.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.login_button.setEnabled(False)
        self.worker.run(lambda: accounts.login(username, password), self._signed_in, on_error=self._refused,
                     key="login")

    def _checked(self) -> None:
        QGuiApplication.restoreOverrideCursor()
        self.login_button.setEnabled(True)

    def _signed_in(self, actor: Actor) -> None:
        self._checked()
        self.actor = actor
        self.password_edit.clear()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._checked()
        self.worker.show_error(exc)
        self.password_edit.clear()
        self.password_edit.setFocus()

    def show_error(self, text: str) -> None:
        self.worker.show_error(text)


class FirstAdminDialog(QDialog):
    """A fresh database has nobody who can sign in: the person installing it becomes the admin."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.username = ""
        self.setWindowTitle(self.tr("Create the first administrator - {app}").format(app=APP_NAME))
        self.setMinimumWidth(480)

        intro = QLabel(self.tr(
            "This database has no staff accounts yet. Create the first administrator; "
            "that account can then add the other agents."
        ))
        intro.setWordWrap(True)

        self.username_edit = QLineEdit()
        self.username_edit.setAccessibleName(self.tr("User name"))
        self.username_edit.setMaxLength(60)
        self.display_name_edit = QLineEdit()
        self.display_name_edit.setAccessibleName(self.tr("Full name"))
        self.display_name_edit.setMaxLength(120)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setAccessibleName(self.tr("Repeat password"))

        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username_edit)
        form.addRow(self.tr("&Full name:"), self.display_name_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow(self.tr("&Repeat password:"), self.repeat_edit)

        self.demo_notice = notice(NOTICE_STYLE, self.tr("Demo database notice"))
        self.demo_notice.setText(self.tr(
            "Demo database: the keys are kept in a file next to the database (for demos only)"
        ))
        self.demo_notice.setVisible(ctx.keys.demo_only)
        self.error_label = notice(ERROR_STYLE, self.tr("Error"))

        self.create_button = QPushButton(self.tr("Create administrator"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(_title(self.tr("Welcome to {app}").format(app=APP_NAME)))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Database: {name}").format(name=elide_middle(ctx.db.display_name()))))
        layout.addWidget(self.demo_notice)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.username_edit.setFocus()

    def submit(self) -> None:
        if self.password_edit.text() != self.repeat_edit.text():
            self._fail(self.tr("The two passwords are not the same."))
            return
        from desktop.services.setup import SetupService  # lazy: startup time

        try:
            SetupService(self.ctx).create_first_admin(
                self.username_edit.text(), self.password_edit.text(), self.display_name_edit.text()
            )
        except DeskError as exc:
            self._fail(exc.text(current_lang()))
            return
        self.username = self.username_edit.text().strip()
        self.password_edit.clear()
        self.repeat_edit.clear()
        self.accept()

    def _fail(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.password_edit.clear()
        self.repeat_edit.clear()
        self.password_edit.setFocus()
