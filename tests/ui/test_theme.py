"""Light and dark: the palette follows the system (or the override), and everything stays readable.

Contrast is measured the way WCAG defines it, on the colours the desk really uses: the palettes,
the tones of notices and deadlines, and a notice label as it is painted.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop import APP_NAME, ORG
from desktop.domain.deadlines import DeadlineState
from desktop.paths import resources_dir
from desktop.ui import icons, theme
from desktop.ui.common import EnterActivatesButtons
from desktop.ui.qt_compat import emit
from desktop.ui.request_queue import RequestQueueModel
from desktop.ui.styles import ERROR_STYLE, INFO_STYLE, NOTICE_STYLE, OK_STYLE


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio: 4.5 is the floor for text, 7 the enhanced level."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


PALETTES = {"light": theme.light_palette, "dark": theme.dark_palette}


@pytest.fixture
def restore_theme(qapp: QApplication) -> Iterator[None]:
    """The application's palette and managers as they were: other tests expect the light default."""
    palette, style = QPalette(qapp.palette()), qapp.style().name()
    yield
    for manager in qapp.findChildren(theme.ThemeManager):
        manager.setObjectName("")
        manager.setParent(None)
    for keys in qapp.findChildren(EnterActivatesButtons):
        qapp.removeEventFilter(keys)
        keys.setObjectName("")
        keys.setParent(None)
    gc.collect()
    qapp.setStyle(style)
    qapp.setPalette(palette)


# --- which scheme --------------------------------------------------------------------------------


def test_the_override_beats_the_setting_which_beats_the_system(monkeypatch: pytest.MonkeyPatch,
                                                               qapp: QApplication) -> None:
    monkeypatch.delenv(theme.THEME_ENV, raising=False)
    assert theme.chosen_theme() == theme.SYSTEM
    assert theme.wants_dark(qapp) is (qapp.styleHints().colorScheme() == Qt.ColorScheme.Dark)
    QSettings(ORG, APP_NAME).setValue(theme.THEME_KEY, "dark")
    assert theme.chosen_theme() == theme.DARK and theme.wants_dark(qapp)
    monkeypatch.setenv(theme.THEME_ENV, "Light ")
    assert theme.chosen_theme() == theme.LIGHT and not theme.wants_dark(qapp)
    monkeypatch.setenv(theme.THEME_ENV, "sepia")  # not a theme: the setting decides
    assert theme.chosen_theme() == theme.DARK
    QSettings(ORG, APP_NAME).setValue(theme.THEME_KEY, "purple")
    assert theme.chosen_theme() == theme.SYSTEM


def test_install_sets_fusion_and_the_dark_palette(monkeypatch: pytest.MonkeyPatch, qapp: QApplication,
                                                 restore_theme: None) -> None:
    monkeypatch.setenv(theme.THEME_ENV, "dark")
    manager = theme.install_theme(qapp)
    assert theme.theme_manager(qapp) is manager and theme.install_theme(qapp) is manager  # made once
    assert qapp.style().name().lower() == "fusion"
    assert theme.is_dark() and qapp.palette().color(QPalette.ColorRole.Window) == QColor("#2b2b2e")
    monkeypatch.setenv(theme.THEME_ENV, "light")
    manager.apply()
    assert not theme.is_dark()


def test_make_application_installs_the_theme_and_the_enter_key(monkeypatch: pytest.MonkeyPatch, qapp: QApplication,
                                                               restore_theme: None) -> None:
    from desktop.app import make_application

    monkeypatch.setenv(theme.THEME_ENV, "dark")
    qapp.setStyle("Windows")
    assert make_application() is qapp
    assert qapp.style().name().lower() == "fusion"  # set once, by the theme
    assert theme.theme_manager(qapp) is not None and theme.is_dark()
    assert qapp.findChild(EnterActivatesButtons, "gdpr-desk-enter") is not None


def test_a_change_of_the_system_scheme_restyles_the_open_windows(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                                 qapp: QApplication, restore_theme: None) -> None:
    monkeypatch.setenv(theme.THEME_ENV, "system")
    scheme = {"dark": False}
    monkeypatch.setattr(theme, "wants_dark", lambda _app: scheme["dark"])
    manager = theme.install_theme(qapp)
    label = QLabel("3 overdue")
    qtbot.addWidget(label)
    theme.set_tone(label, "danger", bold=True)
    assert theme.tone("danger", dark=False).text.name() in label.styleSheet()
    changes: list[bool] = []
    manager.changed.connect(changes.append)
    scheme["dark"] = True
    emit(qapp.styleHints().colorSchemeChanged, Qt.ColorScheme.Dark)  # as the desktop would on a switch
    assert changes == [True] and theme.is_dark()
    assert theme.tone("danger", dark=True).text.name() in label.styleSheet() and "bold" in label.styleSheet()
    theme.set_tone(label, None)
    assert label.styleSheet() == "" and not label.property(theme.TONE_PROPERTY)


# --- readable in both ----------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", PALETTES)
def test_palette_contrast(scheme: str) -> None:
    p = PALETTES[scheme]()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    assert contrast(p.color(role.WindowText), p.color(role.Window)) >= 7
    assert contrast(p.color(role.Text), p.color(role.Base)) >= 7
    assert contrast(p.color(role.Text), p.color(role.AlternateBase)) >= 7
    assert contrast(p.color(role.ButtonText), p.color(role.Button)) >= 7
    assert contrast(p.color(role.ToolTipText), p.color(role.ToolTipBase)) >= 7
    assert contrast(p.color(role.HighlightedText), p.color(role.Highlight)) >= 4.5
    assert contrast(p.color(role.PlaceholderText), p.color(role.Base)) >= 4.5
    assert contrast(p.color(role.Link), p.color(role.Base)) >= 4.5
    assert contrast(p.color(group.Disabled, role.WindowText), p.color(role.Window)) >= 3  # still legible


@pytest.mark.parametrize("scheme", PALETTES)
@pytest.mark.parametrize("name", theme.TONE_NAMES)
def test_every_tone_reads_on_its_own_background_and_on_the_window(scheme: str, name: str) -> None:
    p = PALETTES[scheme]()
    t = theme.tone(name, dark=scheme == "dark")
    assert contrast(t.text, t.background) >= 7
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        assert contrast(t.text, p.color(role)) >= 4.5, role


def test_the_tones_differ_between_light_and_dark() -> None:
    for name in theme.TONE_NAMES:
        assert theme.tone(name, dark=True).text != theme.tone(name, dark=False).text


@pytest.mark.parametrize("scheme", PALETTES)
@pytest.mark.parametrize("style", [NOTICE_STYLE, ERROR_STYLE, OK_STYLE, INFO_STYLE])
def test_a_painted_notice_reads_in_both_palettes(qtbot: QtBot, qapp: QApplication, restore_theme: None,
                                                 scheme: str, style: str) -> None:
    """The notice styles set no text colour of their own: the palette's, on a tint of the palette."""
    assert not re.search(r"(?<![-\w])color\s*:", style)
    qapp.setPalette(PALETTES[scheme]())
    holder = QWidget()
    holder.setAutoFillBackground(True)
    qtbot.addWidget(holder)
    label = QLabel("Demodatabase: nøklene ligger i en fil")
    label.setStyleSheet(style)
    QVBoxLayout(holder).addWidget(label)
    holder.resize(420, 80)
    holder.show()
    qtbot.waitExposed(holder)
    image = holder.grab().toImage()
    inside = label.geometry().topLeft() * holder.devicePixelRatioF()
    background = image.pixelColor(inside.x() + 3, inside.y() + 3)
    text = label.palette().color(QPalette.ColorRole.WindowText)
    assert text == qapp.palette().color(QPalette.ColorRole.WindowText)
    assert background != qapp.palette().color(QPalette.ColorRole.Window)  # tinted
    assert contrast(text, background) >= 7, (scheme, background.name())


def test_queue_rows_take_the_colours_of_the_palette_in_use(qapp: QApplication, restore_theme: None) -> None:
    overdue: Any = SimpleNamespace(deadline_state=DeadlineState.OVERDUE)
    background, text = RequestQueueModel._colours(overdue)
    assert background is not None and text is not None
    light = theme.tone("danger", dark=False)
    assert background.color() == light.background and text.color() == light.text
    qapp.setPalette(theme.dark_palette())
    background, text = RequestQueueModel._colours(overdue)
    assert background is not None and text is not None
    assert background.color() == theme.tone("danger", dark=True).background
    assert contrast(text.color(), background.color()) >= 7


# --- icons -----------------------------------------------------------------------------------------


def icon_files() -> dict[str, Path]:
    return {p.stem: p for p in (resources_dir() / "icons").glob("*.svg") if p.stem != "gdpr-desk"}


def test_every_icon_is_a_24px_stroke_drawing_in_the_current_colour() -> None:
    assert set(icon_files()) == set(icons.ICON_NAMES)
    for name, path in icon_files().items():
        svg = path.read_text(encoding="utf-8")
        assert 'viewBox="0 0 24 24"' in svg and 'stroke="currentColor"' in svg and 'fill="none"' in svg, name
        assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgb\(", svg), f"{name} has a colour of its own"
    with pytest.raises(icons.UnknownIcon):
        icons.icon("no-such-icon")


def opaque_pixels(image: QImage) -> list[QColor]:
    return [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200]


@pytest.mark.parametrize(("size", "scale"), [(16, 1.0), (24, 2.0), (48, 1.5), (32, 3.0)])
def test_icons_are_drawn_sharp_at_every_size_and_density(qapp: QApplication, size: int, scale: float) -> None:
    icon = icons.icon("search")
    gc.collect()  # the engine belongs to the icon, not to Python
    pixmap = icon.pixmap(QSize(size, size), scale)
    assert pixmap.devicePixelRatio() == scale
    assert pixmap.width() == round(size * scale) and pixmap.height() == round(size * scale)
    assert len(opaque_pixels(pixmap.toImage())) > size * scale  # drawn from the vector, not blank


def test_icons_take_the_palette_colour_for_their_mode(qapp: QApplication, restore_theme: None) -> None:
    for palette in (theme.light_palette(), theme.dark_palette()):
        qapp.setPalette(palette)
        icon = icons.icon("lock")
        for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active),
                            (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
            pixels = opaque_pixels(icon.pixmap(QSize(24, 24), 2.0, mode).toImage())
            expected = palette.color(group, QPalette.ColorRole.ButtonText)
            assert pixels and all(abs(p.lightness() - expected.lightness()) < 30 for p in pixels), mode
        selected = opaque_pixels(icon.pixmap(QSize(24, 24), 1.0, QIcon.Mode.Selected).toImage())
        assert selected and all(p.lightness() > 200 for p in selected)  # white on the selection


def test_an_icon_parses_its_drawing_once_per_colour_and_follows_a_switch(
    qapp: QApplication, restore_theme: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[bytes] = []
    real = QSvgRenderer

    def counting(data: QByteArray) -> Any:
        parsed.append(bytes(data.data()))
        return real(data)

    monkeypatch.setattr(icons, "QSvgRenderer", counting)
    qapp.setPalette(theme.light_palette())
    icon = icons.icon("lock")
    target = QPixmap(QSize(48, 48))
    for _ in range(5):  # a table or menu repainting
        target.fill(Qt.GlobalColor.transparent)
        painter = QPainter(target)
        icon.paint(painter, QRect(0, 0, 24, 24))
        painter.end()
    light_colour = qapp.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    drawn = opaque_pixels(target.toImage())
    assert len(parsed) == 1 and drawn
    assert all(abs(p.lightness() - light_colour.lightness()) < 30 for p in drawn)
    first = icon.pixmap(QSize(24, 24), 1.0)
    assert icon.pixmap(QSize(24, 24), 1.0).toImage() == first.toImage() and len(parsed) == 1

    qapp.setPalette(theme.dark_palette())  # the same icon object, now on a dark palette
    dark = opaque_pixels(icon.pixmap(QSize(24, 24), 2.0).toImage())
    dark_colour = qapp.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    assert dark and all(abs(p.lightness() - dark_colour.lightness()) < 30 for p in dark)
    assert len(parsed) == 2 and light_colour.name().encode() in parsed[0] and dark_colour.name().encode() in parsed[1]


def test_tones_are_made_once_per_scheme_and_forgotten_on_a_switch(qapp: QApplication,
                                                                  restore_theme: None) -> None:
    manager = theme.install_theme(qapp)
    manager.apply(dark=False)
    assert theme.tone("danger") is theme.tone("danger")  # made once, asked per painted cell
    assert theme.tone("danger").background == QColor("#fdecea")
    assert theme.tone("danger", dark=True).background == QColor("#4a1d1d")
    before = theme.tone("warning")
    manager.apply(dark=True)
    assert theme.tone("warning").text == QColor("#ffd8a8")  # follows the palette in use
    manager.apply(dark=False)
    after = theme.tone("warning")
    assert after is not before and after == before  # made again after the switch, same colours


def test_a_missing_drawing_leaves_an_empty_icon(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GDPR_DESK_RESOURCES", str(tmp_path))
    icons.icon_source.cache_clear()
    try:
        assert icons.icon("print").isNull()
    finally:
        icons.icon_source.cache_clear()


def test_the_erasure_plan_recolours_its_decisions_on_a_switch(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                              qapp: QApplication, restore_theme: None, desk: Any,
                                                              agent: Any, people: dict[str, int]) -> None:
    from desktop.services.erasure import ErasureService
    from desktop.services.requests import RequestService
    from desktop.ui.erasure_ui import ErasurePlanDialog
    from tests.helpers.dialogs import RecordingDialogs
    from tests.helpers.widgets import children

    monkeypatch.setenv(theme.THEME_ENV, "light")
    manager = theme.install_theme(qapp)
    requests = RequestService(desk)
    rid = requests.file(agent, "erasure", people["Nordmann"], channel="email").id
    requests.verify_identity(agent, rid, note="one-time code to the registered e-mail")
    dialog = ErasurePlanDialog(desk, agent, rid, RecordingDialogs(), service=ErasureService(desk))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded is not None and not dialog.is_busy(), timeout=10000)

    def decision_colours() -> set[str]:
        return {c.foreground(1).color().name() for h in children(dialog.tree.invisibleRootItem()) for c in children(h)}

    light = {theme.tone(n, dark=False).text.name() for n in ("danger", "warning", "ok")}
    dark = {theme.tone(n, dark=True).text.name() for n in ("danger", "warning", "ok")}
    assert decision_colours() and decision_colours() <= light
    monkeypatch.setenv(theme.THEME_ENV, "dark")
    manager.apply()
    assert decision_colours() <= dark
    for colour in decision_colours():
        assert contrast(QColor(colour), qapp.palette().color(QPalette.ColorRole.Base)) >= 4.5
    dialog.close()
