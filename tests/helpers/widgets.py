"""Reading widgets in tests, typed: Qt returns Optional where a test knows the item is there."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QTreeWidgetItem, QWidget


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """An item's children in order (for a tree's top level, pass `tree.invisibleRootItem()`)."""
    found = [item.child(i) for i in range(item.childCount())]
    assert all(c is not None for c in found)
    return [c for c in found if c is not None]


def focused() -> QWidget:
    """The widget with keyboard focus; fails the test if focus was lost."""
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget
