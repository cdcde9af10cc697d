"""Light or dark, as the system is set: the Fusion style with a palette for each, and tones for
notices, warnings and deadlines that stay readable in both.

Why it is shaped like this:
- Agents work long shifts and many keep their system dark. Qt 6.5+ reports the system's scheme
  (`QStyleHints.colorScheme`) and signals a change; the desk builds its own dark palette then,
  because Fusion's own follows the scheme on some platforms only.
- `GDPR_DESK_THEME=dark|light` (or the setting "appearance/theme") overrides the system, for
  testing and for the person who prefers one; "system" or anything else follows the system.
- The notice styles (common.py, login.py) use translucent backgrounds over the palette and the
  palette's own text colour, so one style sheet reads well in both. A text that must stand out
  in colour (a countdown, days overdue) takes a *tone* with a colour chosen per scheme; labels
  given a tone with `set_tone` are re-styled when the scheme changes, and table models ask
  `tone()` when they paint, so nothing keeps a light colour on a dark background.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from desktop import settings as options
from desktop.ui.qt_compat import emit
from desktop.ui.settings_store import desk_settings

THEME_ENV = "GDPR_DESK_THEME"
#: Declared in desktop.settings; named here for the tests and tools that set it.
THEME_KEY = options.THEME.key
LIGHT, DARK, SYSTEM = "light", "dark", "system"
#: The dynamic property `set_tone` leaves on a widget, so a change of scheme can style it again.
TONE_PROPERTY = "gdprTone"
TONE_BOLD_PROPERTY = "gdprToneBold"


class Tone(NamedTuple):
    """Text, background and border of one kind of message, for the scheme in use."""

    text: QColor
    background: QColor
    border: QColor


#: name -> ((text, background, border) on light, (text, background, border) on dark).
#: Every text/background pair has a contrast of at least 7:1 (WCAG AAA); see tests/ui/test_theme.py.
_TONES: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    "danger": (("#8b1a1a", "#fdecea", "#d32f2f"), ("#ffb4ab", "#4a1d1d", "#e57373")),
    "warning": (("#5a3300", "#fff4e5", "#f57c00"), ("#ffd8a8", "#45300f", "#ffb74d")),
    "ok": (("#1e4620", "#e6f4ea", "#2e7d32"), ("#b9e6bf", "#1c3b22", "#66bb6a")),
    "info": (("#0d3c61", "#e3f2fd", "#1976d2"), ("#c2e0ff", "#15314f", "#64b5f6")),
    "neutral": (("#263238", "#eceff1", "#607d8b"), ("#e3e8eb", "#353f45", "#90a4ae")),
    # Hints and secondary text: readable, unlike a disabled label's grey.
    "muted": (("#4a4a4a", "#ffffff", "#9e9e9e"), ("#c4c4c4", "#1e1e1e", "#757575")),
}
TONE_NAMES = tuple(_TONES)


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette in use is a dark one (light text on a dark window)."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


#: Made tones by (name, dark): table models ask per painted cell, and making the QColors cost more
#: than the rest of the paint. Emptied when the scheme changes. Callers must not change the colours.
_TONE_CACHE: dict[tuple[str, bool], Tone] = {}


def tone(name: str, *, dark: bool | None = None) -> Tone:
    """The colours of a tone for the palette in use (or the scheme asked for)."""
    dark = is_dark() if dark is None else dark
    made = _TONE_CACHE.get((name, dark))
    if made is None:
        light_values, dark_values = _TONES[name]
        made = Tone(*(QColor(v) for v in (dark_values if dark else light_values)))
        _TONE_CACHE[(name, dark)] = made
    return made


def text_style(name: str, *, bold: bool = False) -> str:
    """A label's style sheet for text in a tone, for the scheme in use."""
    weight = " font-weight: bold;" if bold else ""
    return f"QLabel {{ color: {tone(name).text.name()};{weight} }}"


def badge_style(name: str) -> str:
    """A small framed label (a request's state) in a tone, for the scheme in use."""
    t = tone(name)
    return (f"QLabel {{ background: {t.background.name()}; color: {t.text.name()}; border: 1px solid "
            f"{t.border.name()}; padding: 2px 8px; border-radius: 3px; font-weight: bold; }}")


def set_tone(widget: QWidget, name: str | None, *, bold: bool = False, badge: bool = False) -> None:
    """Colour a label's text in a tone (None: the palette's own), and keep it right when the scheme changes."""
    widget.setProperty(TONE_PROPERTY, None if name is None else f"{'badge:' if badge else ''}{name}")
    widget.setProperty(TONE_BOLD_PROPERTY, bold)
    _apply_tone(widget)


def _apply_tone(widget: QWidget) -> None:
    value = widget.property(TONE_PROPERTY)
    if not value:
        widget.setStyleSheet("")
        return
    name = str(value)
    if name.startswith("badge:"):
        widget.setStyleSheet(badge_style(name.removeprefix("badge:")))
    else:
        widget.setStyleSheet(text_style(name, bold=bool(widget.property(TONE_BOLD_PROPERTY))))


# --- palettes --------------------------------------------------------------------------------------


def light_palette() -> QPalette:
    """Fusion's light palette, with white on the selection and disabled text above 3:1 (Fusion's are lower)."""
    app = QApplication.instance()
    style = app.style() if isinstance(app, QApplication) else None
    if style is not None and style.name().lower() == "fusion":
        palette = QPalette(style.standardPalette())  # the style ThemeManager.apply sets
    else:
        made = QStyleFactory.create("Fusion")  # before the application has its style
        try:
            palette = QPalette(made.standardPalette())
        finally:
            made.deleteLater()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#1f6fb8"))
        palette.setColor(group, QPalette.ColorRole.Accent, QColor("#1f6fb8"))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7b7b7b"))
    # The search box's hint is the agent's instruction: readable, not half-transparent text.
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#6b6b6b"))
    return palette


def dark_palette() -> QPalette:
    """A dark palette for Fusion; text on window, base and button stays above 7:1, disabled text above 3:1."""
    colours: dict[QPalette.ColorRole, str] = {
        QPalette.ColorRole.Window: "#2b2b2e",
        QPalette.ColorRole.WindowText: "#ececec",
        QPalette.ColorRole.Base: "#1e1e20",
        QPalette.ColorRole.AlternateBase: "#28282b",
        QPalette.ColorRole.ToolTipBase: "#3b3b3f",
        QPalette.ColorRole.ToolTipText: "#f2f2f2",
        QPalette.ColorRole.PlaceholderText: "#a3a3a3",
        QPalette.ColorRole.Text: "#ececec",
        QPalette.ColorRole.Button: "#38383c",
        QPalette.ColorRole.ButtonText: "#ececec",
        QPalette.ColorRole.BrightText: "#ff8a80",
        QPalette.ColorRole.Light: "#4f4f54",
        QPalette.ColorRole.Midlight: "#414145",
        QPalette.ColorRole.Mid: "#303033",
        QPalette.ColorRole.Dark: "#18181a",
        QPalette.ColorRole.Shadow: "#0b0b0c",
        QPalette.ColorRole.Highlight: "#2f65b8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4ff",
        QPalette.ColorRole.LinkVisited: "#c8a2ff",
        QPalette.ColorRole.Accent: "#2f65b8",
    }
    palette = QPalette()
    for role, value in colours.items():
        palette.setColor(role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(disabled, role, QColor("#8e8e93"))
    palette.setColor(disabled, QPalette.ColorRole.Base, QColor("#262628"))
    palette.setColor(disabled, QPalette.ColorRole.Button, QColor("#313134"))
    palette.setColor(disabled, QPalette.ColorRole.Highlight, QColor("#47474c"))
    palette.setColor(disabled, QPalette.ColorRole.HighlightedText, QColor("#b0b0b0"))
    palette.setColor(disabled, QPalette.ColorRole.PlaceholderText, QColor("#7a7a7e"))
    return palette


# --- which scheme --------------------------------------------------------------------------------


def chosen_theme() -> str:
    """light, dark or system: the environment first, then the setting."""
    value = os.environ.get(THEME_ENV, "").strip().lower()
    if value not in (LIGHT, DARK):
        value = options.THEME.read(desk_settings())
    return value if value in (LIGHT, DARK) else SYSTEM


def wants_dark(app: QGuiApplication) -> bool:
    choice = chosen_theme()
    if choice != SYSTEM:
        return choice == DARK
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


class ThemeManager(QObject):
    """Keeps the application's palette in step with the system (or the override)."""

    #: The palette changed; True when it is now dark.
    changed = Signal(bool)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("gdpr-desk-theme")
        self.app = app
        self.dark: bool | None = None
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply())

    def apply(self, dark: bool | None = None) -> None:
        """Set Fusion and the palette for `dark` (default: what is wanted now); tones follow."""
        dark = wants_dark(self.app) if dark is None else dark
        if self.app.style().name().lower() != "fusion":
            self.app.setStyle("Fusion")
        if dark == self.dark:
            return
        self.dark = dark
        _TONE_CACHE.clear()
        self.app.setPalette(dark_palette() if dark else light_palette())
        for widget in self.app.allWidgets():
            if widget.property(TONE_PROPERTY):
                _apply_tone(widget)
        emit(self.changed, dark)


def install_theme(app: QApplication) -> ThemeManager:
    """The application's theme manager (made once), applied now."""
    manager = theme_manager(app)
    if manager is None:
        manager = ThemeManager(app)
    manager.apply()
    return manager


def theme_manager(app: QApplication | None = None) -> ThemeManager | None:
    instance = app if app is not None else QApplication.instance()
    if not isinstance(instance, QApplication):
        return None
    return instance.findChild(ThemeManager, "gdpr-desk-theme")
