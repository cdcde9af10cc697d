"""Help → Keyboard shortcuts: every key the window answers to, read from the window itself.

Agents work with their hands on the keyboard, many without a mouse at all, so the list has to be
complete and right. It is collected when the dialog opens from what is installed in the window:
the actions of its menus and the window's own actions, its QShortcut objects and the buttons that
carry a shortcut (its secondary windows' too, once they are open). A shortcut added anywhere shows
up here with its action's text; a QShortcut says what it does in its `whatsThis`. A few keys are
not shortcuts but how the search and the tables work (arrow down, Enter); they are listed after.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

CONTEXT = "ShortcutsDialog"

#: Keys that are behaviour, not installed shortcuts: (key, what it does), translated when shown.
NAVIGATION_KEYS: tuple[tuple[object, object], ...] = (
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Down arrow"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "From the search box to the results")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Up arrow"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "From the first result back to the search box")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Enter"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the selected customer or request; press the focused button")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Space"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Press the focused button; tick the focused box")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Tab / Shift+Tab"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Next or previous field")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+Tab"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Next tab, where a view has tabs")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Alt+underlined letter"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "The menu, button or field with that letter")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Esc (in a dialog)"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Close the dialog without doing anything")),
)


@dataclass(frozen=True)
class ShortcutEntry:
    """One row of the list: the key as the platform writes it, and what it does."""

    keys: str
    action: str


_MEDIA_KEYS = (Qt.Key.Key_Find, Qt.Key.Key_Search, Qt.Key.Key_Help)


def _is_media_key(sequence: QKeySequence) -> bool:
    return any(sequence.matches(QKeySequence(key)) == QKeySequence.SequenceMatch.ExactMatch for key in _MEDIA_KEYS)


def plain(text: str) -> str:
    """A menu or button text without its mnemonic marks and the trailing ellipsis."""
    marker = "\0"
    text = text.replace("&&", marker).replace("&", "").replace(marker, "&")
    return text.split("\t")[0].rstrip("…").rstrip(".").strip()


def key_text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def _menu_actions(menu: QMenu, path: tuple[str, ...]) -> list[tuple[QAction, tuple[str, ...]]]:
    found: list[tuple[QAction, tuple[str, ...]]] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += _menu_actions(sub, (*path, plain(sub.title())))
        elif not action.isSeparator():
            found.append((action, path))
    return found


def collect_shortcuts(window: QWidget) -> list[ShortcutEntry]:
    """Every installed shortcut of `window` and of the windows and widgets it owns, in menu order first."""
    entries: list[ShortcutEntry] = []
    seen: set[tuple[str, str]] = set()

    def add(sequence: QKeySequence, action: str) -> None:
        # Standard keys also bind keyboard media keys (Find); a list for agents shows the keys they have.
        if sequence.isEmpty() or _is_media_key(sequence):
            return
        entry = ShortcutEntry(key_text(sequence), action)
        if (entry.keys, entry.action) not in seen:
            seen.add((entry.keys, entry.action))
            entries.append(entry)

    actions: list[tuple[QAction, tuple[str, ...]]] = []
    menu_bar = getattr(window, "menuBar", None)
    if callable(menu_bar):
        for top in menu_bar().actions():
            sub = top.menu()
            if isinstance(sub, QMenu):
                actions += _menu_actions(sub, (plain(sub.title()),))
    listed = {id(a) for a, _ in actions}
    actions += [(a, ()) for a in window.findChildren(QAction) if id(a) not in listed and not a.menu()]
    for action, path in actions:
        for sequence in action.shortcuts():
            add(sequence, " › ".join((*path, plain(action.text()) or plain(action.toolTip()))))
    for shortcut in window.findChildren(QShortcut):
        sequences: list[QKeySequence] = shortcut.keys()
        for sequence in sequences:
            add(sequence, shortcut.whatsThis())
    for button in window.findChildren(QAbstractButton):
        # A mnemonic (Alt+letter from the text's "&") is the "underlined letter" row, not a shortcut.
        if button.shortcut() != QKeySequence.mnemonic(button.text()):
            add(button.shortcut(), button.accessibleName() or plain(button.text()) or button.toolTip())
    return entries


def navigation_entries() -> list[ShortcutEntry]:
    return [ShortcutEntry(QCoreApplication.translate(CONTEXT, str(key)), QCoreApplication.translate(CONTEXT, str(what)))
            for key, what in NAVIGATION_KEYS]


class ShortcutsDialog(QDialog):
    """A two-column table (key, action) of `collect_shortcuts(window)` and the navigation keys."""

    def __init__(self, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.entries = collect_shortcuts(window)
        self.navigation = navigation_entries()

        intro = QLabel(self.tr("What each key does in this window. Menus open with Alt and the underlined letter."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Action")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._fill()

        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(640, 560)
        self.table.setFocus()
        if self.table.rowCount():
            self.table.setCurrentCell(0, 0)

    def _fill(self) -> None:
        bold = self.table.font()
        bold.setBold(True)
        rows = [*self.entries, *self.navigation]
        self.table.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            key = QTableWidgetItem(entry.keys)
            key.setFont(bold)
            action = QTableWidgetItem(entry.action)
            action.setToolTip(entry.action)
            self.table.setItem(row, 0, key)
            self.table.setItem(row, 1, action)
        self.table.resizeRowsToContents()

    def rows(self) -> list[tuple[str, str]]:
        """What the table shows, row by row."""
        return [(self._text(r, 0), self._text(r, 1)) for r in range(self.table.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

