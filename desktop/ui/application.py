"""The QApplication as the desk makes it: names, theme, keyboard filter, icon and translator.

Here rather than in `desktop.app`, so the self-test and tools can make the same application
without importing the composition root.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import APP_ID, APP_NAME, ORG, __version__
from desktop.paths import resources_dir
from desktop.ui.common import install_enter_activates_buttons
from desktop.ui.i18n import install_translator
from desktop.ui.theme import install_theme


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(ORG)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    install_theme(app)  # light or dark as the system is (GDPR_DESK_THEME overrides), following changes
    install_enter_activates_buttons(app)
    app.setWindowIcon(app_icon())
    # Wayland finds the launcher entry (installer/linux/gdpr-desk.desktop), and so the icon, by this name.
    app.setDesktopFileName(APP_ID)
    install_translator(app)
    return app


def app_icon() -> QIcon:
    """The SVG scales to every size; empty (Qt's default) if the file was removed, never a failed start."""
    return QIcon(str(resources_dir() / "icons" / f"{APP_ID}.svg"))


