"""Help → About: what is running, read from what is loaded, and one button to copy it for support."""

from __future__ import annotations

import platform
import re
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop import __version__
from desktop.policy import load_policy
from desktop.policy.loader import default_policy_path
from desktop.storage.migrate import head_revision
from desktop.ui import about_dialog
from desktop.ui.about_dialog import AboutDialog, font_licence_text


def policy_with_version(tmp_path: Path, version: str) -> Any:
    """The shipped policy with another version: proof the dialog reads it instead of knowing it."""
    text = default_policy_path().read_text(encoding="utf-8")
    changed, count = re.subn(r'(?m)^version = "[^"]*"$', f'version = "{version}"', text, count=1)
    assert count == 1
    target = tmp_path / "other-shop.toml"
    target.write_text(changed, encoding="utf-8")
    return load_policy(target)


def make(qtbot: QtBot, desk: Any) -> AboutDialog:
    dialog = AboutDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def value(dialog: AboutDialog, name: str) -> str:
    for label, text in dialog.rows:
        if label == name:
            return text
    raise AssertionError(f"no row {name!r} in {[label for label, _ in dialog.rows]}")


def test_the_policy_lines_come_from_the_loaded_policy(qtbot: QtBot, desk: Any, tmp_path: Path) -> None:
    shipped = make(qtbot, desk)
    assert desk.policy.version in shipped.support_text()
    desk.policy = policy_with_version(tmp_path, "2031-12-24")
    dialog = make(qtbot, desk)
    versions = [text for _, text in dialog.rows if text == "2031-12-24"]
    assert versions == ["2031-12-24"]
    assert dialog.value_labels[dialog.rows[2][0]].text() == "2031-12-24"  # shown, not only copied
    policy_line = dialog.rows[1][1]
    assert desk.policy.title.get("nb") in policy_line and "TP E-commerce Norway" in policy_line
    assert "other-shop.toml" in policy_line  # which file is in force


def test_versions_database_and_font(qtbot: QtBot, desk: Any) -> None:
    dialog = make(qtbot, desk)
    text = dialog.support_text()
    assert text.startswith(f"GDPR Desk {__version__}\n")
    for expected in (qVersion(), PySide6.__version__, platform.python_version(), head_revision(),
                     desk.db.display_name(), "SQLite", "DejaVu Sans", "Bitstream Vera"):
        assert expected in text, expected
    assert "Bitstream" in font_licence_text()  # the licence itself ships and can be read
    assert dialog.licence_view.isHidden()
    dialog.licence_button.click()
    assert dialog.licence_view.isVisible() and "Bitstream" in dialog.licence_view.toPlainText()


def test_copy_for_support_puts_the_lines_on_the_clipboard(qtbot: QtBot, desk: Any) -> None:
    QGuiApplication.clipboard().clear()
    dialog = make(qtbot, desk)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    assert not dialog.copy_button.shortcut().isEmpty()  # Alt and its underlined letter, in any language
    QTest.keySequence(dialog, dialog.copy_button.shortcut())
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == dialog.support_text(), timeout=2000)
    assert desk.policy.version in QGuiApplication.clipboard().text()
    assert dialog.copied_label.text()


def test_esc_and_enter_close_it(qtbot: QtBot, desk: Any) -> None:
    dialog = make(qtbot, desk)
    assert dialog.close_button.isDefault() and dialog.focusWidget() is dialog.close_button
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    again = make(qtbot, desk)
    QTest.keyClick(again, Qt.Key.Key_Return)
    assert not again.isVisible() and again.result() == AboutDialog.DialogCode.Accepted


def test_a_missing_licence_file_is_said_not_hidden(qtbot: QtBot, desk: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(about_dialog, "FONT_LICENCE", ("fonts", "NO-SUCH-LICENCE"))
    assert font_licence_text() == ""
    dialog = make(qtbot, desk)
    assert dialog.licence_view.toPlainText().strip()  # a sentence saying so, not an empty box
