"""The Qt half of `gdpr-desk self-test`: the windows are built and shown once, offscreen.

A bundle can lack a Qt plugin (the SVG icon engine, the offscreen platform), a compiled
catalog or the PDF module while every import at the top still succeeds; building the real
windows is the shortest way to find out. Runs after `desktop.selftest.run_core`, on its
throw-away desk, with the settings pointed into the same temporary folder. Each check imports
what it checks inside itself, so a module that fails to import is that check's finding, not a
self-test that cannot start.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSettings, QSize, qVersion
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QWidget

from desktop import APP_NAME
from desktop.selftest import SelfTest, SelfTestDesk
from desktop.ui.dialogs import DialogService

_WAIT_S = 10.0


class _NoDialogs(DialogService):
    """A window that opens a message box during the self-test would hang it offscreen: record instead."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.asked.append(f"{title}: {text}")

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.asked.append(f"{title}: {text}")

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.asked.append(f"{title}: {text}")
        return False

    def ask_text(self, parent: QWidget | None, title: str, label: str, *, text: str = "",
                 password: bool = False) -> str | None:
        self.asked.append(f"{title}: {label}")
        return None


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def check_qt(root: Path) -> tuple[QApplication, str]:
    """The application as the desk makes it, but offscreen and with its settings in the temporary folder."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    settings = root / "settings"
    settings.mkdir(exist_ok=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(settings))
    import PySide6

    from desktop.ui.application import make_application

    app = make_application()
    return app, f"Qt {qVersion()}, PySide6 {PySide6.__version__}, platform {app.platformName()}"


def check_translations(app: QApplication) -> tuple[bool, str]:
    """Every catalog shipped loads, and Bokmål, the first language, is installed again at the end."""
    from PySide6.QtCore import QTranslator

    from desktop.paths import resources_dir
    from desktop.ui.i18n import CATALOG, DEFAULT_LANG, compiled_catalog, install_translator

    folder = resources_dir() / "translations"
    langs = sorted({p.stem.removeprefix(f"{CATALOG}_") for p in folder.glob(f"{CATALOG}_*.*")
                    if p.suffix in (".ts", ".qm")})
    if DEFAULT_LANG not in langs:
        raise FileNotFoundError(f"no {DEFAULT_LANG} catalog in {folder}")
    loaded: list[str] = []
    for lang in langs:
        qm = compiled_catalog(lang)
        if qm is None:
            raise RuntimeError(f"the {lang} catalog could not be compiled or found")
        translator = QTranslator()
        if not translator.load(str(qm)):
            raise RuntimeError(f"the {lang} catalog {qm} does not load")
        # An English catalog may rightly be empty: the source text is English.
        loaded.append(f"{lang} (empty)" if translator.isEmpty() else lang)
    if not install_translator(app, DEFAULT_LANG):
        raise RuntimeError(f"the {DEFAULT_LANG} catalog could not be installed")
    source = "Password"
    if QCoreApplication.translate("LoginDialog", source) == source:
        raise RuntimeError(f"the {DEFAULT_LANG} catalog does not translate the login window")
    return True, f"{', '.join(loaded)}; {DEFAULT_LANG} installed"


def check_icon(app: QApplication) -> tuple[bool, str]:
    icon = app.windowIcon()
    sizes = (16, 32, 256)
    if icon.isNull() or any(icon.pixmap(QSize(n, n)).isNull() for n in sizes):
        raise RuntimeError("the window icon is missing or cannot be drawn")
    return True, "window icon drawn at " + ", ".join(f"{n} px" for n in sizes)


def check_login_window(app: QApplication) -> tuple[bool, str]:
    from desktop.ui.login import LoginDialog

    dialog = LoginDialog(database_name="self-test")
    try:
        dialog.show()
        _settle(app)
        if not dialog.isVisible():
            raise RuntimeError("the login window did not show")
        title = dialog.windowTitle()
        if title == f"Sign in - {APP_NAME}":
            raise RuntimeError("the login window is not translated")
    finally:
        dialog.hide()
        dialog.deleteLater()
    return True, f"shown, title '{title}'"


def check_main_window(app: QApplication, desk: SelfTestDesk) -> tuple[bool, str]:
    """Built, shown and put away again without closing, so no window layout is saved anywhere."""
    from desktop.bootstrap import build_services
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings_store import desk_settings

    dialogs = _NoDialogs()
    window = MainWindow(desk.ctx, desk.actor, build_services(desk.ctx, desk_settings), dialogs=dialogs)
    try:
        window.show()
        _settle(app)
        if not window.isVisible():
            raise RuntimeError("the main window did not show")
        if dialogs.asked:
            raise RuntimeError(f"the main window showed a message: {dialogs.asked[0]}")
        title = window.windowTitle()
    finally:
        window.hide()
        window.shutdown()
        window.deleteLater()
        _settle(app)
    return True, f"shown as {desk.actor.username}, title '{title}'"


def check_pdf_viewer(app: QApplication, pdf: bytes) -> tuple[bool, str]:
    """QtPdf opens and draws the register copy made earlier, as the copy's preview does."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    deadline = time.monotonic() + _WAIT_S
    while document.status() == QPdfDocument.Status.Loading and time.monotonic() < deadline:
        app.processEvents()
    if document.status() != QPdfDocument.Status.Ready:
        raise RuntimeError(f"QtPdf could not open the register copy ({document.error().name})")
    image = document.render(0, QSize(210, 297))
    if image.isNull():
        raise RuntimeError("QtPdf could not draw the first page")
    pages = document.pageCount()
    document.close()
    return True, f"QtPdf opened {pages} pages and drew page 1"


def check_printing(root: Path) -> tuple[bool, str]:
    """QtPrintSupport prints to a PDF file, the path the print button takes short of a real printer."""
    from PySide6.QtPrintSupport import QPrinter

    target = root / "print-test.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the printer could not be opened")
    painter.drawText(100, 100, APP_NAME)
    painter.end()
    size = target.stat().st_size if target.exists() else 0
    if size == 0:
        raise RuntimeError("printing to a PDF file wrote nothing")
    return True, f"printed one page to PDF ({size:,} bytes)"


def run_ui(test: SelfTest, root: Path, desk: SelfTestDesk | None) -> None:
    app = test.check("qt", lambda: check_qt(root))
    if app is None:
        test.skip("translations", "icon", "login window", "main window", "pdf viewer", "printing")
        return
    test.check("translations", lambda: check_translations(app))
    test.check("icon", lambda: check_icon(app))
    test.check("login window", lambda: check_login_window(app))
    if desk is None:
        test.skip("main window", "pdf viewer")
    else:
        test.check("main window", lambda: check_main_window(app, desk))
        test.check("pdf viewer", lambda: check_pdf_viewer(app, desk.pdf))
    test.check("printing", lambda: check_printing(root))
