"""The desk's icons: simple stroke drawings (resources/icons/*.svg) in the palette's text colour.

The drawings say `stroke="currentColor"`, which Qt's SVG renderer does not understand, so the
engine here puts in the colour of the palette in use when it paints: the button text on an
ordinary button, the highlighted text in a selected menu entry, the disabled text when the
control is disabled. An icon therefore follows a change from light to dark without being made
again, and it is drawn from the vector at the size and device-pixel ratio asked for, so it is
sharp on every screen. Each engine keeps what it has drawn, keyed by colour, size, ratio and
mode: a table or menu repaints often, and parsing the SVG on every paint showed in profiles.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop.paths import resources_dir

if TYPE_CHECKING:
    import logging

#: The drawings this module knows; each is resources/icons/<name>.svg.
ICON_NAMES = (
    "about", "approve", "copy", "customer", "end-call", "erasure", "keyboard", "lock", "log", "mail", "print",
    "queue", "quit", "reason", "refresh", "reject", "request", "reveal", "save", "search", "send", "settings",
    "verify",
)
#: Drawn pixmaps one engine keeps before it starts again (a few sizes x modes x two palettes).
_PIXMAP_CACHE_LIMIT = 32
_CURRENT_COLOUR = re.compile(rb"currentColor")


class UnknownIcon(KeyError):
    """A name with no drawing: a typo in the code, so it fails loudly in the tests."""


@functools.cache
def icon_source(name: str) -> bytes:
    """The SVG text of one drawing (read once)."""
    if name not in ICON_NAMES:
        raise UnknownIcon(name)
    return (resources_dir() / "icons" / f"{name}.svg").read_bytes()


def icon_colour(mode: QIcon.Mode, palette: QPalette | None = None) -> str:
    """The palette's colour for an icon in `mode`, as #rrggbb."""
    palette = palette if palette is not None else QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        colour = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    elif mode == QIcon.Mode.Selected:
        colour = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    else:
        colour = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    return str(colour.name())


class SvgIconEngine(QIconEngine):
    """Draws one SVG in the palette's colour for the mode, at whatever size is asked."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self._source = icon_source(name)
        #: One parsed drawing per colour; the colour is part of every key, so a light/dark switch misses.
        self._renderers: dict[str, QSvgRenderer] = {}
        self._pixmaps: dict[tuple[str, int, int, float, int, int], QPixmap] = {}

    def _renderer(self, colour: str) -> QSvgRenderer:
        renderer = self._renderers.get(colour)
        if renderer is None:
            renderer = QSvgRenderer(QByteArray(_CURRENT_COLOUR.sub(colour.encode(), self._source)))
            self._renderers[colour] = renderer
        return renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        side = min(rect.width(), rect.height())
        if side <= 0:
            return
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        square = QRectF(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side)
        pixmap = self.scaledPixmap(QSize(side, side), mode, state, scale)
        painter.drawPixmap(square, pixmap, QRectF(pixmap.rect()))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        colour = icon_colour(mode)
        key = (colour, size.width(), size.height(), scale, mode.value, state.value)
        cached = self._pixmaps.get(key)
        if cached is not None:
            return QPixmap(cached)  # a shared copy: a caller changing it leaves the cache alone
        pixmap = QPixmap(QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale))))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(pixmap.width(), pixmap.height())
        self._renderer(colour).render(painter, QRectF((pixmap.width() - side) / 2, (pixmap.height() - side) / 2,
                                                      side, side))
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        if len(self._pixmaps) >= _PIXMAP_CACHE_LIMIT:
            self._pixmaps.clear()
        self._pixmaps[key] = pixmap
        return QPixmap(pixmap)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self.name)

    def key(self) -> str:
        return "gdpr-desk-svg"

    def iconName(self) -> str:
        return self.name

    def isNull(self) -> bool:
        return False


def icon(name: str) -> QIcon:
    """The named drawing as an icon in the palette's colours, sharp at any size.

    A drawing missing from the install gives an empty icon (the text stays), never a failed window.
    """
    try:
        return QIcon(SvgIconEngine(name))
    except OSError:
        _log().warning("icon %s is missing from %s", name, resources_dir() / "icons")
        return QIcon()


def _log() -> logging.Logger:
    import logging  # lazy: startup time

    return logging.getLogger(__name__)
