"""The desk's message styles in one place, beside `desktop.ui.theme` (which owns the palettes).

Every notice is a translucent tint over the palette with the palette's own text colour, so it reads
in the light and the dark scheme alike (the contrast is checked in tests/ui/test_theme.py). A screen
takes a style from here and a label from `notice()`, never a stylesheet of its own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

#: Something to heed (a demo database, a restriction, a warning).
NOTICE_STYLE = "QLabel { background: rgba(245, 124, 0, 28%); border: 1px solid #f57c00; padding: 6px; }"
#: Something failed, or input is refused.
ERROR_STYLE = "QLabel { background: rgba(211, 47, 47, 20%); border: 1px solid #d32f2f; padding: 6px; }"
#: Something worked.
OK_STYLE = "QLabel { background: rgba(46, 125, 50, 22%); border: 1px solid #2e7d32; padding: 6px; }"
#: Work under way, or information.
INFO_STYLE = "QLabel { background: rgba(25, 118, 210, 20%); border: 1px solid #1976d2; padding: 6px; }"


def compact(style: str) -> str:
    """The same tint with less padding, for a notice in a status bar."""
    return style.replace("padding: 6px", "padding: 1px 6px")


def notice(style: str, name: str) -> QLabel:
    """A hidden, word-wrapped, selectable label in `style`, named for screen readers."""
    widget = QLabel()
    widget.setWordWrap(True)
    widget.setStyleSheet(style)
    widget.setAccessibleName(name)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    widget.hide()
    return widget
