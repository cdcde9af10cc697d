"""Help → About: what is running, in the words support asks for, with one button to copy it all.

Support's first questions are which version, which privacy policy, which database and which Qt,
so they are all here and "Copy for support" puts them on the clipboard as plain lines. The policy
lines are read from the policy the desk loaded (its title, file and version), never written in,
so the dialog says which policy is really in force.
"""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.paths import resources_dir
from desktop.ui.i18n import current_lang
from desktop.ui.icons import icon

if TYPE_CHECKING:
    from desktop.services.context import DeskContext

FONT_LICENCE = ("fonts", "LICENSE")


def font_licence_text() -> str:
    """The bundled font's licence as shipped; empty when the file is missing from the install."""
    try:
        return resources_dir().joinpath(*FONT_LICENCE).read_text(encoding="utf-8")
    except OSError:
        return ""


class AboutDialog(QDialog):
    """App, policy, database, Qt, Python and the font's licence; Copy for support; Esc closes."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        self.setMinimumWidth(560)

        title = QLabel(f"{APP_NAME} {__version__}")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        title.setAccessibleName(self.tr("Program and version"))
        intro = QLabel(self.tr(
            "The customer-service desk for data-protection requests. Every look at a customer's data is "
            "written to the access log."
        ))
        intro.setWordWrap(True)

        self.rows = self.facts()
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.value_labels: dict[str, QLabel] = {}
        for name, value in self.rows:
            label = QLabel(value)
            label.setWordWrap(True)
            label.setAccessibleName(name.rstrip(":"))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.value_labels[name] = label
            form.addRow(name, label)

        self.licence_view = QPlainTextEdit(font_licence_text() or self.tr("The licence file is missing."))
        self.licence_view.setReadOnly(True)
        self.licence_view.setAccessibleName(self.tr("Font licence"))
        self.licence_view.setTabChangesFocus(True)
        self.licence_view.setMinimumHeight(self.fontMetrics().height() * 10)
        self.licence_view.hide()

        self.copy_button = QPushButton(icon("copy"), self.tr("&Copy for support"))
        self.copy_button.setToolTip(self.tr("Put these lines on the clipboard, to paste into a message to support"))
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.licence_button = QPushButton(self.tr("Font &licence"))
        self.licence_button.setCheckable(True)
        self.licence_button.setAutoDefault(False)
        self.licence_button.toggled.connect(self._show_licence)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        self.copied_label = QLabel()
        self.copied_label.setAccessibleName(self.tr("Status"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.licence_button)
        buttons.addWidget(self.copied_label, 1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.licence_view, 1)
        layout.addLayout(buttons)
        self.close_button.setFocus()

    def facts(self) -> list[tuple[str, str]]:
        """(label, value) for each line shown and copied; the policy's own fields, as loaded."""
        policy, db = self.ctx.policy, self.ctx.db
        lang = current_lang()
        if db.is_sqlite:
            kind = self.tr("SQLite on this computer")
        elif db.is_postgres:
            kind = self.tr("PostgreSQL team server")
        else:
            kind = db.url.get_backend_name()
        return [
            (self.tr("Version:"), __version__),
            (self.tr("Privacy policy:"), self.tr("{title}, {company} ({file})").format(
                title=policy.title.get(lang), company=policy.company.name, file=policy.source or policy.id)),
            (self.tr("Policy version:"), policy.version),
            (self.tr("Database:"), f"{kind}: {db.display_name()}"),
            (self.tr("Database schema:"), self.ctx.schema_revision()),
            (self.tr("Qt / PySide6:"), f"{qVersion()} / {_pyside_version()}"),
            (self.tr("Python:"), f"{platform.python_version()} ({platform.system()} {platform.machine()})"),
            (self.tr("Font:"), self.tr(
                "DejaVu Sans, under the Bitstream Vera font licence; the DejaVu changes are in the public domain")),
        ]

    def support_text(self) -> str:
        """The facts as plain lines, for a message to support."""
        return "\n".join([f"{APP_NAME} {__version__}", *(f"{name} {value}" for name, value in self.rows)])

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.support_text())
        self.copied_label.setText(self.tr("Copied."))

    def _show_licence(self, on: bool) -> None:
        self.licence_view.setVisible(on)
        if on:
            self.licence_view.setFocus()
        self.adjustSize()


def _pyside_version() -> str:
    import PySide6  # lazy: startup time

    return str(PySide6.__version__)
