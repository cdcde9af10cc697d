"""The register copy (GDPR Art. 15) as a PDF: a cover letter for a window envelope, then the copy.

Plain data in (`desktop.reports.model`), bytes out: no database, no Qt, no clock. The same data
renders the same bytes (ReportLab's invariant mode, and the letter's own date as the PDF date),
so a copy can be rebuilt and compared later.

Safety rules, each learnt the hard way (docs/architecture.md: ReportLab traps):

* `Paragraph` parses markup, so every text from the data reaches one only through `_esc`: a
  name such as ``<img src=x>`` would otherwise embed a local file, and ``&`` breaks the build.
  Table cells are plain strings, which ReportLab draws as they are; they are wrapped here.
* Built-in Helvetica lacks letters the shop's customers have, so DejaVu Sans is embedded from
  ``resources/fonts``; a missing file is a `FontMissing` message, never a traceback.
* Page one is the letter. Its address block sits where a C5/E65 window envelope shows it
  (docs/rules.md#r-letters) and nothing identity-like is on that page at all
  (docs/rules.md#r-nid-display): the records, masked identity number included, start on page two.
* The PDF's metadata names the document and the shop, never the person, because metadata
  travels with a file into places (indexes, mail archives) the letter itself never goes.
"""

from __future__ import annotations

import bisect
import functools
import io
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import escapePDF
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from desktop.errors import DeskError
from desktop.paths import resources_dir
from desktop.reports.i18n import count_text, long_date, text
from desktop.reports.model import (
    LANGUAGES,
    AutomatedDecisionData,
    PurposeData,
    RecordTableData,
    RegisterCopyData,
)

__all__ = [
    "FONT_BOLD",
    "FONT_FILES",
    "FONT_REGULAR",
    "PAGE_HEIGHT",
    "PAGE_WIDTH",
    "WINDOW",
    "FontMissing",
    "fonts_dir",
    "register_fonts",
    "render_register_copy",
    "wrap_text",
]

FONT_REGULAR = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_FILES: dict[str, str] = {FONT_REGULAR: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}

PAGE_WIDTH, PAGE_HEIGHT = A4
_MARGIN_X = 20 * mm
_CONTENT_WIDTH = PAGE_WIDTH - 2 * _MARGIN_X
#: The envelope window on page one as (left, top, width, height) from the page's top-left corner:
#: C5/E65 windows sit about 45 mm from the top and 15-20 mm from the left (docs/rules.md#r-letters).
WINDOW: tuple[float, float, float, float] = (20 * mm, 45 * mm, 90 * mm, 40 * mm)
#: The letter text starts below the window and below an E65 envelope's first fold (99 mm).
_LETTER_TOP = 102 * mm
_BODY_TOP = 22 * mm
_BOTTOM = 20 * mm
_RIGHT_COLUMN_X = 125 * mm

_TEXT = 9.5
_TABLE_SIZE = 7.5
_TABLE_LEADING = 9.2
_CELL_PAD = 2.2
_ROW_TOP = 1.6
_ROW_BOTTOM = 2.0
#: DejaVu Sans rises 0.93 em above its baseline.
_ASCENT = 0.93 * _TABLE_SIZE
#: A row taller than this many lines is continued in a further row, so no row outgrows a page.
_MAX_ROW_LINES = 55
#: Records with many fields and few rows read better as field/value blocks than as a wide table.
_BLOCK_MAX_ROWS = 2
_BLOCK_MIN_COLUMNS = 6
#: Width sampling: enough rows to see the typical cell, few enough to stay fast on 10,000 rows.
_SAMPLE_ROWS = 200
#: A word wider than this (a URL, a user agent) may be cut; shorter ones keep a column wide enough.
_MAX_UNBROKEN = 32 * mm
#: Heading words are hyphenated at the first of these widths that leaves long texts room to read.
_HEADING_CAPS = (24 * mm, 17 * mm, 13 * mm)
_ROOM_FOR_TEXT = 0.25
#: Values this short (a date with time, an amount with its currency) are kept on one line.
_SHORT_VALUE = 18
#: No glyph in DejaVu Sans is wider than this many ems, so shorter cells skip measuring.
_MAX_EM = 1.05
_GREY = colors.Color(0.35, 0.35, 0.35)
_RULE = colors.Color(0.7, 0.7, 0.7)
_HEADER_BG = colors.Color(0.9, 0.92, 0.95)
_STRIPE = colors.Color(0.97, 0.97, 0.98)


_A85_LOCK = threading.Lock()


class FontMissing(DeskError):
    """A font the register copy embeds is not installed with the desk."""


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register_fonts(directory: Path | None = None) -> None:
    """Register DejaVu Sans (regular and bold) once per process, checking the files every time.

    Checked every time so a desk whose fonts were removed says so at the next copy instead of
    quietly using what an earlier copy left in ReportLab's registry.
    """
    folder = directory if directory is not None else fonts_dir()
    paths = {name: folder / filename for name, filename in FONT_FILES.items()}
    for path in paths.values():
        if not path.is_file():
            raise FontMissing(
                f"The register copy cannot be made: the font file {path} is missing. "
                "Reinstall GDPR Desk or ask IT to restore the fonts folder.",
                f"Registerutskriften kan ikke lages: skriftfilen {path} mangler. "
                "Installer GDPR Desk på nytt, eller be IT legge tilbake skriftmappen.",
            )
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, path in paths.items():
        if name in registered:
            continue
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except (TTFError, OSError) as exc:
            raise FontMissing(
                f"The register copy cannot be made: the font file {path} is damaged ({exc}).",
                f"Registerutskriften kan ikke lages: skriftfilen {path} er skadet ({exc}).",
            ) from exc
    pdfmetrics.registerFontFamily(FONT_REGULAR, normal=FONT_REGULAR, bold=FONT_BOLD, italic=FONT_REGULAR,
                                  boldItalic=FONT_BOLD)


# --- text helpers ---------------------------------------------------------------------------------


def _esc(value: str) -> str:
    """User text as Paragraph markup that means only itself; line breaks stay line breaks."""
    return escape(value).replace("\r\n", "\n").replace("\n", "<br/>")


@functools.lru_cache(maxsize=65536)
def _width(value: str, font: str, size: float) -> float:
    """Cached: a long table measures the same words (carriers, time zones, browsers) thousands of times."""
    return float(pdfmetrics.stringWidth(value, font, size))


def wrap_text(value: str, width: float, font: str = FONT_REGULAR, size: float = _TABLE_SIZE) -> list[str]:
    """Lines of at most `width` points; words longer than a line (URLs, user agents) are cut."""
    return list(_wrapped(value, width, font, size))


@functools.lru_cache(maxsize=32768)
def _wrapped(value: str, width: float, font: str, size: float) -> tuple[str, ...]:
    lines: list[str] = []
    space = _width(" ", font, size)
    for para in value.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if len(para) * size * _MAX_EM <= width:
            lines.append(para)
            continue
        words: list[str] = []
        used = 0.0
        for word in para.split(" "):
            word_width = _width(word, font, size)
            if words and used + space + word_width <= width:
                words.append(word)
                used += space + word_width
                continue
            if words:
                lines.append(" ".join(words))
            rest = word
            while word_width > width and len(rest) > 1:
                cut = _fitting_prefix(rest, width - _width("-", font, size), font, size)
                if cut > 3 and len(rest) - cut < 3:
                    cut = len(rest) - 3  # never leave one or two letters alone on a line
                # A hyphen where a word of letters is cut; codes and URLs are cut as they are.
                hyphen = "-" if rest[cut - 1].isalpha() and rest[cut].isalpha() else ""
                lines.append(rest[:cut] + hyphen)
                rest = rest[cut:]
                word_width = _width(rest, font, size)
            words, used = [rest], word_width
        lines.append(" ".join(words))
    return tuple(lines)


def _fitting_prefix(word: str, width: float, font: str, size: float) -> int:
    """How many leading characters of `word` fit in `width` (at least one, so cutting ends)."""
    low, high = 1, len(word)
    while low < high:
        mid = (low + high + 1) // 2
        if _width(word[:mid], font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return low


# --- styles ---------------------------------------------------------------------------------------


class _Styles:
    def __init__(self) -> None:
        base = ParagraphStyle("body", fontName=FONT_REGULAR, fontSize=_TEXT, leading=_TEXT * 1.32,
                              spaceAfter=4)
        self.body = base
        self.intro = ParagraphStyle("intro", parent=base, keepWithNext=1)
        self.small = ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=_GREY)
        self.letter_heading = ParagraphStyle("letter_heading", parent=base, fontName=FONT_BOLD, fontSize=13,
                                             leading=16, spaceAfter=8)
        self.h1 = ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=13.5, leading=17, spaceBefore=10,
                                 spaceAfter=6, keepWithNext=1)
        self.h2 = ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=11.5, leading=14.5, spaceBefore=10,
                                 spaceAfter=4, keepWithNext=1, textColor=colors.Color(0.1, 0.2, 0.4))
        self.h3 = ParagraphStyle("h3", parent=base, fontName=FONT_BOLD, fontSize=9.8, leading=12.5, spaceBefore=6,
                                 spaceAfter=2, keepWithNext=1)
        self.label = ParagraphStyle("label", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=11,
                                    spaceBefore=3, spaceAfter=1, keepWithNext=1, textColor=_GREY)
        self.value = ParagraphStyle("value", parent=base, leftIndent=4 * mm, spaceAfter=2)
        self.bullet = ParagraphStyle("bullet", parent=base, leftIndent=8 * mm, bulletIndent=4 * mm, spaceAfter=1.5)
        self.caption = ParagraphStyle("caption", parent=base, fontName=FONT_BOLD, fontSize=8.8, leading=11,
                                      spaceBefore=5, spaceAfter=2, keepWithNext=1)
        self.note = ParagraphStyle("note", parent=base, fontSize=8, leading=10, textColor=_GREY, spaceAfter=2,
                                   keepWithNext=1)


def _p(value: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(_esc(value), style)


def _bullets(items: Sequence[str], styles: _Styles) -> list[Flowable]:
    return [Paragraph(_esc(item), styles.bullet, bulletText="•") for item in items]


def _field(label: str, values: Sequence[str] | str, styles: _Styles, *, bulleted: bool = False) -> list[Flowable]:
    """A label above its text: prose splits across pages where a table row could not."""
    items = [values] if isinstance(values, str) else list(values)
    items = [v for v in items if v]
    if not items:
        return []
    out: list[Flowable] = [_p(label, styles.label)]
    if bulleted:
        out += _bullets(items, styles)
    else:
        out += [_p(v, styles.value) for v in items]
    return out


# --- tables ---------------------------------------------------------------------------------------


def _column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], total: float) -> list[float]:
    """Widths that keep short values (dates, amounts, numbers) on one line and give long texts
    room: a long heading word is hyphenated before the data suffers; the widest give way first."""
    if not header:
        return []
    step = max(1, len(rows) // _SAMPLE_ROWS)
    sample = rows[::step]
    pad = 2 * _CELL_PAD
    natural: list[float] = []
    data_min: list[float] = []
    head_min: list[float] = []
    for i, head in enumerate(header):
        head_min.append(max((_width(w, FONT_BOLD, _TABLE_SIZE) for w in head.split()), default=0.0) + pad)
        widest = _width(head, FONT_BOLD, _TABLE_SIZE)
        unit = 0.0
        for row in sample:
            for line in row[i].split("\n"):
                if not line:
                    continue
                line_width = _width(line, FONT_REGULAR, _TABLE_SIZE)
                widest = max(widest, line_width)
                if line_width <= unit:
                    continue
                if len(line) <= _SHORT_VALUE:
                    unit = line_width
                else:
                    unit = max(unit, *(_width(w, FONT_REGULAR, _TABLE_SIZE) for w in line.split()))
        natural.append(min(widest + pad, total))
        data_min.append(min(unit + pad, _MAX_UNBROKEN))
    if sum(natural) <= total:
        return [w * total / sum(natural) for w in natural]
    minimum: list[float] = []
    for cap in _HEADING_CAPS:
        minimum = [min(max(min(h, cap), d), n) for h, d, n in zip(head_min, data_min, natural, strict=True)]
        wanted = sum(max(0.0, n - m) for n, m in zip(natural, minimum, strict=True))
        if total - sum(minimum) >= min(wanted, total * _ROOM_FOR_TEXT):
            break
    if sum(minimum) > total:
        # The largest cap at which the minimums fit: only the widest columns are cut down.
        low, high = 0.0, max(minimum)
        for _ in range(40):
            mid = (low + high) / 2
            if sum(min(m, mid) for m in minimum) <= total:
                low = mid
            else:
                high = mid
        minimum = [min(m, low) for m in minimum]
    wants = [max(0.0, n - m) for n, m in zip(natural, minimum, strict=True)]
    spare = max(0.0, total - sum(minimum))
    wanted = sum(wants)
    return [m + (spare * w / wanted if wanted else 0.0) for m, w in zip(minimum, wants, strict=True)]


def _cell_rows(values: Sequence[str], widths: Sequence[float], font: str = FONT_REGULAR) -> list[list[str]]:
    """One table row as one or more rows of wrapped text, so no row is taller than a page."""
    return [["\n".join(c) for c in part] for part in _split_row(values, widths, font)]


def _split_row(values: Sequence[str], widths: Sequence[float],
               font: str = FONT_REGULAR) -> list[list[tuple[str, ...]]]:
    """The row's cells as lines; a row taller than a page is continued in further rows. The lines
    are the wrap cache's own tuples, shared, never copied (a long table has 200,000 cells)."""
    wrapped = [_wrapped(v, w - 2 * _CELL_PAD, font, _TABLE_SIZE) for v, w in zip(values, widths, strict=True)]
    height = max((len(c) for c in wrapped), default=1)
    if height <= _MAX_ROW_LINES:
        return [wrapped]
    return [[c[start:start + _MAX_ROW_LINES] for c in wrapped] for start in range(0, height, _MAX_ROW_LINES)]


def _block_style() -> TableStyle:
    """Field names on the left, shaded; values on the right; thin rules as in the long tables."""
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT_REGULAR, _TABLE_SIZE, _TABLE_LEADING),
        ("FONT", (0, 0), (0, -1), FONT_BOLD, _TABLE_SIZE, _TABLE_LEADING),
        ("BACKGROUND", (0, 0), (0, -1), _HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), _ROW_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), _ROW_BOTTOM),
        ("GRID", (0, 0), (-1, -1), 0.25, _RULE),
    ])


class _Grid:
    """A long table, measured once: lines per cell, row heights and their running sums."""

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[str]], width: float) -> None:
        self.widths = _column_widths(header, rows, width)
        self.lefts = [sum(self.widths[:i]) for i in range(len(self.widths))]
        #: The start of each column's text-position operator; the baseline is appended per line.
        self.origins = [f"1 0 0 1 {left + _CELL_PAD:.2f} " for left in self.lefts]
        self.header = [list(_wrapped(h, w - 2 * _CELL_PAD, FONT_BOLD, _TABLE_SIZE))
                       for h, w in zip(header, self.widths, strict=True)]
        self.header_height = self._height(self.header)
        self.rows: list[list[tuple[str, ...]]] = []
        for row in rows:
            self.rows += _split_row(row, self.widths)
        self.heights = [self._height(r) for r in self.rows]
        self.offsets = [0.0]
        for h in self.heights:
            self.offsets.append(self.offsets[-1] + h)

    @staticmethod
    def _height(cells: Sequence[Sequence[str]]) -> float:
        return _ROW_TOP + max((len(c) for c in cells), default=1) * _TABLE_LEADING + _ROW_BOTTOM


class _PagedTable(Flowable):  # type: ignore[misc]
    """Rows `start`..`end` of a grid, header repeated on every page, laid out a page at a time.

    ReportLab's own (Long)Table copies and re-measures every remaining row at each page break,
    which is quadratic: a customer with 10,000 IT records took half a minute. Here heights are
    known in advance, so a page break is a binary search and each page draws only its own rows.
    """

    def __init__(self, grid: _Grid, start: int = 0, end: int | None = None) -> None:
        super().__init__()
        self.grid = grid
        self.start = start
        self.end = len(grid.rows) if end is None else end

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        g = self.grid
        self.width = sum(g.widths)
        self.height = g.header_height + g.offsets[self.end] - g.offsets[self.start]
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        g = self.grid
        limit = g.offsets[self.start] + available_height - g.header_height
        fits = bisect.bisect_right(g.offsets, limit, lo=self.start) - 1
        if fits <= self.start:
            return []
        if fits >= self.end:
            return [self]
        return [_PagedTable(g, self.start, fits), _PagedTable(g, fits, self.end)]

    def draw(self) -> None:
        """One block of PDF operators per page: a table of 10,000 rows draws a million strings, and
        ReportLab's per-call formatting was most of the copy's time; each distinct text is encoded once."""
        g, canvas = self.grid, self.canv
        top = self.height
        width = sum(g.widths)
        bottom = top - g.header_height - (g.offsets[self.end] - g.offsets[self.start])
        ops = ["q", f"{_rgb(_HEADER_BG)} rg", f"0 {top - g.header_height:.2f} {width:.2f} {g.header_height:.2f} re f",
               f"{_rgb(_STRIPE)} rg"]
        y = top - g.header_height
        for i in range(self.start, self.end):
            if (i - self.start) % 2:
                ops.append(f"0 {y - g.heights[i]:.2f} {width:.2f} {g.heights[i]:.2f} re f")
            y -= g.heights[i]
        ops += ["0.25 w", f"{_rgb(_RULE)} RG"]
        y = top
        for h in [g.header_height, *g.heights[self.start:self.end]]:
            ops.append(f"0 {y:.2f} m {width:.2f} {y:.2f} l")
            y -= h
        ops.append(f"0 {bottom:.2f} m {width:.2f} {bottom:.2f} l")
        ops += [f"{x:.2f} {top:.2f} m {x:.2f} {bottom:.2f} l" for x in [*g.lefts, width]]
        ops += ["S", "0 g", "BT"]
        text = _TextOps(canvas)
        self._cells(ops, text, FONT_BOLD, g.header, top)
        y = top - g.header_height
        for i in range(self.start, self.end):
            self._cells(ops, text, FONT_REGULAR, g.rows[i], y)
            y -= g.heights[i]
        ops += ["ET", "Q"]
        canvas.addLiteral("\n".join(ops))

    def _cells(self, ops: list[str], text: _TextOps, font: str, cells: Sequence[Sequence[str]],
               row_top: float) -> None:
        # The baselines of the row's lines, formatted once for all its cells.
        baselines: list[str] = []
        baseline = row_top - _ROW_TOP - _ASCENT
        for _ in range(max((len(c) for c in cells), default=0)):
            baselines.append(f"{baseline:.2f} Tm ")
            baseline -= _TABLE_LEADING
        cache, append = text.cache, ops.append
        for origin, lines in zip(self.grid.origins, cells, strict=True):
            for line, at in zip(lines, baselines, strict=False):  # a cell may have fewer lines
                if line:
                    # The common case inline: a known text in the font already selected.
                    parts = cache.get((font, line))
                    if parts is not None and len(parts) == 1 and parts[0][0] == text.current:
                        append(f"{origin}{at}{parts[0][1]}")
                    else:
                        append(f"{origin}{at}{text.show(font, line)}")


def _rgb(color: colors.Color) -> str:
    return f"{color.red:.3f} {color.green:.3f} {color.blue:.3f}"


class _TextOps:
    """"Show this text" operators for the embedded TrueType fonts, each distinct text encoded once.

    Encoding a string means splitting it into the font's subsets (which registers its glyphs for
    embedding) and escaping it. The cache lives on the canvas, so it never outlives the document
    whose subset names it holds. A font is selected only when it changes.
    """

    def __init__(self, canvas: Canvas) -> None:
        self.doc = canvas._doc
        self.cache: dict[tuple[str, str], tuple[tuple[str, str], ...]] = canvas.__dict__.setdefault(
            "_text_ops_cache", {})
        self.current = ""

    def show(self, font_name: str, value: str) -> str:
        parts = self.cache.get((font_name, value))
        if parts is None:
            font = pdfmetrics.getFont(font_name)
            parts = tuple(
                (f"{font.getSubsetInternalName(subset, self.doc)} {_TABLE_SIZE:g} Tf", f"({escapePDF(part)}) Tj")
                for subset, part in font.splitString(value, self.doc)
            )
            self.cache[(font_name, value)] = parts
        if len(parts) == 1 and parts[0][0] == self.current:
            return parts[0][1]
        self.current = parts[-1][0]
        return " ".join(f"{select} {show}" for select, show in parts)


def _grid(header: Sequence[str], rows: Sequence[Sequence[str]], width: float = _CONTENT_WIDTH) -> Flowable:
    """A long table that repeats its header on every page it runs over."""
    return _PagedTable(_Grid(header, rows, width))


def _blocks(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[Flowable]:
    """Each record as a field/value block: the customer row reads as a card, not a 12-column strip."""
    label_width = 45 * mm
    widths = [label_width, _CONTENT_WIDTH - label_width]
    out: list[Flowable] = []
    for row in rows:
        data: list[list[str]] = []
        for head, value in zip(header, row, strict=True):
            data += _cell_rows([head, value], widths)
        table = Table(data, colWidths=widths, hAlign="LEFT")
        table.setStyle(_block_style())
        out += [table, Spacer(1, 2 * mm)]
    return out


def _record_table(table: RecordTableData, lang: str, styles: _Styles, caption: str | None = None) -> list[Flowable]:
    """One kind of record under one purpose: caption, source, then the rows."""
    title = caption or f"{table.title} ({count_text(len(table.rows), lang)})"
    out: list[Flowable] = [_p(title, styles.caption)]
    if not table.rows:
        out.append(_p(text("no_records", lang), styles.note))
        return out
    sources = {r.source for r in table.rows}
    common = sources.pop() if len(sources) == 1 else None
    header = [*table.columns, text("col_kept_until", lang)]
    if common is None:
        header.append(text("col_source", lang))
    else:
        out.append(_p(text("common_source", lang, source=common), styles.note))
    # What decides "kept until", said once per table: one reason as a note, several numbered.
    reasons = list(dict.fromkeys(r.kept_reason for r in table.rows if r.kept_reason))
    marks = {reason: f" ({i})" for i, reason in enumerate(reasons, start=1)} if len(reasons) > 1 else {}
    if len(reasons) == 1:
        out.append(_p(text("kept_reason_one", lang, reason=reasons[0]), styles.note))
    elif reasons:
        legend = "; ".join(f"({i}) {reason}" for i, reason in enumerate(reasons, start=1))
        out.append(_p(text("kept_reason_many", lang, legend=legend), styles.note))
    rows: list[list[str]] = []
    for r in table.rows:
        kept = [r.kept_until + marks.get(r.kept_reason, "")]
        if r.restricted:
            kept.append(text("restricted", lang))
        if r.legal_hold_until:
            kept.append(text("legal_hold", lang, date=r.legal_hold_until))
        row = [*r.cells, "; ".join(k for k in kept if k)]
        if common is None:
            row.append(r.source)
        rows.append(row)
    if len(rows) <= _BLOCK_MAX_ROWS and len(header) >= _BLOCK_MIN_COLUMNS:
        return out + _blocks(header, rows)
    return [*out, _grid(header, rows), Spacer(1, 2 * mm)]


# --- the pages ------------------------------------------------------------------------------------


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Draws "Side x av y" on every page once the page count is known (pages are kept until save)."""

    def __init__(self, *args: Any, footer: Callable[[int, int], str], pdf_date: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []
        # The letter's own date as the PDF's creation date: fixed input, fixed bytes.
        self.setDateFormatter(lambda *_: pdf_date)

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(FONT_REGULAR, 8)
            self.setFillColor(_GREY)
            self.drawCentredString(PAGE_WIDTH / 2, 10 * mm, self._footer(number, total))
            super().showPage()
        super().save()


def _draw_lines(canvas: Canvas, x: float, top: float, lines: Sequence[tuple[str, bool]], size: float,
                *, right: bool = False) -> None:
    """Plain strings on the canvas (never parsed), from `top` measured from the page's top edge."""
    y = PAGE_HEIGHT - top - size
    for value, bold in lines:
        canvas.setFont(FONT_BOLD if bold else FONT_REGULAR, size)
        if right:
            canvas.drawRightString(x, y, value)
        else:
            canvas.drawString(x, y, value)
        y -= size * 1.28


def _fit_block(lines: Sequence[tuple[str, bool]], width: float, height: float) -> tuple[float, list[tuple[str, bool]]]:
    """The largest size at which the block fits the window, wrapping long lines; never spills out."""
    wrapped: list[tuple[str, bool]] = []
    for size in (10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0):
        wrapped = [(piece, bold) for value, bold in lines
                   for piece in wrap_text(value, width, FONT_BOLD if bold else FONT_REGULAR, size)]
        if len(wrapped) * size * 1.28 <= height:
            return size, wrapped
    return 7.0, wrapped[: int(height // (7.0 * 1.28))]


class _Letter:
    """What page one draws outside the text frame: letterhead, window block, date and reference."""

    def __init__(self, data: RegisterCopyData) -> None:
        self.data = data

    def first_page(self, canvas: Canvas, _doc: Any) -> None:
        data, lang = self.data, self.data.lang
        company = data.company
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.1, 0.2, 0.4))
        _draw_lines(canvas, _MARGIN_X, 16 * mm, [(company.brand or company.name, True)], 16)
        canvas.setFillColor(colors.black)
        _draw_lines(canvas, _MARGIN_X, 24 * mm, [(company.name, False)], 9)
        head = [text("org_no", lang, number=company.organisation_number), company.email, company.website,
                *company.postal_address]
        _draw_lines(canvas, PAGE_WIDTH - _MARGIN_X, 16 * mm, [(h, False) for h in head if h], 8.5, right=True)

        left, top, width, height = WINDOW
        inner_left, inner_width = left + 3 * mm, width - 6 * mm
        y = top + 3 * mm
        if company.postal_address:
            sender = ", ".join((company.name, *company.postal_address))
            sender_line = wrap_text(sender, inner_width, FONT_REGULAR, 6.5)[0]
            canvas.setFillColor(_GREY)
            _draw_lines(canvas, inner_left, y, [(sender_line, False)], 6.5)
            canvas.setLineWidth(0.3)
            canvas.setStrokeColor(_GREY)
            line_y = PAGE_HEIGHT - y - 6.5 - 1.5
            canvas.line(inner_left, line_y, inner_left + _width(sender_line, FONT_REGULAR, 6.5), line_y)
            canvas.setFillColor(colors.black)
            y += 4.5 * mm
        addressee = data.addressee
        block = [(addressee.name, False), *((line, False) for line in addressee.lines)]
        if not addressee.postal:
            block.append((text("no_postal_window", lang), True))
        size, fitted = _fit_block(block, inner_width, top + height - 2 * mm - y)
        _draw_lines(canvas, inner_left, y, fitted, size)

        meta = [(f"{text('date', lang)}: {long_date(data.today, lang)}", False),
                (f"{text('reference', lang)}: {data.reference}", False)]
        _draw_lines(canvas, _RIGHT_COLUMN_X, top + 3 * mm, meta, 9)
        canvas.restoreState()

    def later_page(self, canvas: Canvas, _doc: Any) -> None:
        data, lang = self.data, self.data.lang
        canvas.saveState()
        canvas.setFillColor(_GREY)
        left = f"{data.company.name} – {text('doc_title', lang)}"
        right = f"{text('reference_short', lang)} {data.reference}"
        _draw_lines(canvas, _MARGIN_X, 11 * mm, [(left, False)], 8)
        _draw_lines(canvas, PAGE_WIDTH - _MARGIN_X, 11 * mm, [(right, False)], 8, right=True)
        canvas.setStrokeColor(_RULE)
        canvas.setLineWidth(0.4)
        y = PAGE_HEIGHT - 16 * mm
        canvas.line(_MARGIN_X, y, PAGE_WIDTH - _MARGIN_X, y)
        canvas.restoreState()


# --- the story ------------------------------------------------------------------------------------


def _letter(data: RegisterCopyData, styles: _Styles) -> list[Flowable]:
    lang, company = data.lang, data.company
    authority = data.authority.name
    items = [text("letter_item_purposes", lang), text("letter_item_recipients", lang)]
    if data.automated_decisions:
        items.append(text("letter_item_automated", lang))
    items += [text("letter_item_transfers", lang), text("letter_item_rights", lang, authority=authority),
              text("letter_item_requests", lang), text("letter_item_lookups", lang)]
    story: list[Flowable] = [
        _p(text("letter_heading", lang), styles.letter_heading),
        _p(text("greeting", lang, name=data.addressee.name), styles.body),
        _p(text("letter_intro", lang, company=company.name), styles.body),
        *_bullets(items, styles),
        Spacer(1, 2 * mm),
    ]
    if data.redaction_count:
        key = "letter_redacted_one" if data.redaction_count == 1 else "letter_redacted_many"
        story.append(_p(text(key, lang, count=data.redaction_count), styles.body))
    if not data.addressee.postal:
        story.append(_p(text("letter_no_postal", lang), styles.body))
    story += [
        _p(text("letter_free", lang) + " " + text("letter_contact", lang, email=company.email,
                                                  reference=data.reference), styles.body),
        Spacer(1, 3 * mm),
        _p(text("closing", lang), styles.body),
        _p(company.name, styles.body),
        _p(text("customer_service", lang), styles.body),
    ]
    return story


def _confirmation(data: RegisterCopyData, styles: _Styles) -> list[Flowable]:
    lang = data.lang
    records = sum(p.record_count - sum(r.count for r in p.references) for p in data.purposes)
    story: list[Flowable] = [
        _p(text("h_confirmation", lang), styles.h1),
        _p(text("confirmation", lang, company=data.company.name, number=data.company.organisation_number,
                records=count_text(records, lang), date=long_date(data.today, lang)), styles.body),
    ]
    if data.purposes_without_data:
        story.append(_p(text("without_data", lang, titles=", ".join(data.purposes_without_data)), styles.body))
    # The identity number in full (C-487/21) sits here, after the page break that ends the letter:
    # never on page one, so never in the envelope window.
    identity = [f"{text('f_name', lang)}: {data.addressee.name}"]
    identity.append(f"{data.identity.label}: {data.identity.number}" if data.identity is not None
                    else text("national_id_none", lang))
    story += _field(text("f_identity", lang), identity, styles)
    if data.introduction:
        story.append(_p(data.introduction, styles.body))
    story.append(_p(text("policy_version", lang, version=data.policy_version), styles.small))
    return story


def _recipients(data: RegisterCopyData, styles: _Styles) -> list[Flowable]:
    """Every recipient and which of the person's data it receives (Art. 15(1)(c), C-154/21)."""
    lang = data.lang
    story: list[Flowable] = [_p(text("h_recipients", lang), styles.h1), _p(text("recipients_intro", lang),
                                                                              styles.body)]
    for r in data.recipients:
        story += [
            _p(f"{r.name} ({r.kind})", styles.h3),
            *([_p(r.description, styles.body)] if r.description else []),
            *(_field(text("f_named_companies", lang), ", ".join(r.named), styles) if r.named
              else [_p(text("category_only", lang), styles.note)]),
            *_field(text("f_receives", lang), ", ".join(r.receives), styles),
            *_field(text("f_for_purposes", lang),
                    ", ".join(r.purposes) if r.purposes else text("no_purpose_of_its_own", lang), styles),
        ]
    return story


def _requests(data: RegisterCopyData, styles: _Styles) -> list[Flowable]:
    """The person's own requests: they are the person's data too."""
    lang = data.lang
    story: list[Flowable] = [_p(text("h_requests", lang), styles.h1), _p(text("requests_intro", lang),
                                                                            styles.intro)]
    if not data.requests:
        return [KeepTogether([*story, _p(text("no_requests", lang), styles.body)])]
    header = [text(k, lang) for k in ("col_request", "col_received", "col_due", "col_state", "col_closed",
                                      "col_outcome")]
    rows = [[f"{r.reference}\n{r.kind}", r.received, r.due, r.state, r.closed, r.outcome] for r in data.requests]
    return [*story, _grid(header, rows)]


def _purpose(purpose: PurposeData, lang: str, styles: _Styles) -> list[Flowable]:
    heading = _p(text("purpose_heading", lang, number=purpose.number, title=purpose.title), styles.h2)
    basis = f"{purpose.legal_basis} ({text('article', lang, article=purpose.legal_basis_article)})"
    recipients = [
        f"{r.name} ({r.kind}): {r.description}" if r.description else f"{r.name} ({r.kind})"
        for r in purpose.recipients
    ]
    sources = [f"{s.label}: {s.description}" if s.description else s.label for s in purpose.sources]
    story: list[Flowable] = [
        *_field(text("f_purpose", lang), purpose.purpose, styles),
        *_field(text("f_processing", lang), purpose.processing, styles, bulleted=True),
        *_field(text("f_legal_basis", lang), [basis, purpose.legal_basis_text], styles),
        *_field(text("f_categories", lang), ", ".join(purpose.categories), styles),
        *_field(text("f_recipients", lang), recipients, styles, bulleted=True),
        *_field(text("f_named", lang), ", ".join(purpose.named_in_records), styles),
        *_field(text("f_retention", lang), purpose.retention, styles),
        *_field(text("f_sources", lang), sources, styles, bulleted=True),
        *_field(text("f_consequence", lang), purpose.consequence, styles),
        _p(text("f_records", lang), styles.h3),
    ]
    for table in purpose.tables:
        story += _record_table(table, lang, styles)
    if purpose.references:
        story.append(_p(text("f_references", lang), styles.label))
        story += _bullets([
            text("reference_line", lang, title=r.title, count=count_text(r.count, lang), number=r.purpose_number,
                 purpose=r.purpose_title)
            for r in purpose.references
        ], styles)
    if not purpose.tables and not purpose.references:
        story.append(_p(text("no_records", lang), styles.note))
    return [KeepTogether([heading, *story[:2]]), *story[2:]]


def _automated(decisions: Sequence[AutomatedDecisionData], lang: str, styles: _Styles) -> list[Flowable]:
    story: list[Flowable] = [_p(text("h_automated", lang), styles.h1)]
    if not decisions:
        return [*story, _p(text("no_automated", lang), styles.body)]
    story.append(_p(text("automated_intro", lang), styles.body))
    for d in decisions:
        story += [
            _p(d.label, styles.h2),
            _p(d.description, styles.body),
            *_field(text("f_logic", lang), d.logic, styles),
            *_field(text("f_significance", lang), d.significance, styles),
            *_field(text("f_decision_recipients", lang), ", ".join(d.recipients), styles),
        ]
        if d.decisions is None or not d.decisions.rows:
            story += _field(text("f_your_decisions", lang), text("no_decisions", lang), styles)
        else:
            caption = f"{text('f_your_decisions', lang)} ({count_text(len(d.decisions.rows), lang)})"
            story += _record_table(d.decisions, lang, styles, caption=caption)
    return story


def _transfers(data: RegisterCopyData, styles: _Styles) -> list[Flowable]:
    lang, t = data.lang, data.transfers
    details = ([text("transfer_details_requested", lang)] if t.details_missing else [])
    return [
        _p(text("h_transfers", lang), styles.h1),
        *_field(text("f_location", lang), [t.text, text("own_systems", lang, country=t.own_systems_country)], styles),
        *_field(text("f_outside_eea", lang), [t.transfers_outside_eea, *details], styles),
        *_field(text("f_transfer_countries", lang), ", ".join(t.countries), styles),
        *_field(text("f_transfer_instrument", lang), t.instrument, styles),
        *_field(text("f_safeguards", lang), t.safeguards, styles),
        *_field(text("f_protection", lang), t.protection, styles),
        *_field(text("f_processors", lang), data.sharing_processors, styles),
        *_field(text("f_controllers", lang), data.sharing_controllers, styles),
        *_field(text("f_retention_note", lang), data.retention_note, styles),
        *_field(text("f_national_id", lang), [data.national_id_note, text(
            "national_id_masked" if data.identity is not None else "national_id_none", lang)], styles),
    ]


def _rights(data: RegisterCopyData, styles: _Styles) -> list[Flowable]:
    lang = data.lang
    story: list[Flowable] = [
        _p(text("h_rights", lang), styles.h1),
        _p(text("rights_how", lang, email=data.company.email, reference=data.reference), styles.body),
    ]
    for right in data.rights:
        story += [_p(f"{right.label} ({text('article', lang, article=right.article)})", styles.h3),
                  _p(right.text, styles.body)]
        if right.points:
            story += _bullets(right.points, styles)
        if right.exemptions:
            story += [_p(text("exemptions_label", lang) + ":", styles.body), *_bullets(right.exemptions, styles)]
    a = data.authority
    story.append(KeepTogether([
        _p(text("h_complaint", lang, authority=a.name), styles.h1),
        _p(a.complaint_text, styles.body),
        *_field(a.name, a.description, styles),
        *_field(text("f_address", lang), ", ".join((a.name, *a.postal_address)), styles),
        *_field(text("f_website", lang), a.website, styles),
    ]))
    return story


def _lookups(data: RegisterCopyData, styles: _Styles) -> list[Flowable]:
    lang = data.lang
    story: list[Flowable] = [_p(text("h_lookups", lang), styles.h1), _p(text("lookups_intro", lang), styles.intro)]
    if not data.lookups:
        return [KeepTogether([*story, _p(text("no_lookups", lang), styles.body)])]
    header = [text("col_day", lang), text("col_lookup", lang), text("col_count", lang)]
    rows = [[row.day, row.description, str(row.count)] for row in data.lookups]
    return [*story, _grid(header, rows)]


def _story(data: RegisterCopyData, styles: _Styles) -> list[Flowable]:
    story = [*_letter(data, styles), NextPageTemplate("later"), PageBreak()]
    story += _confirmation(data, styles)
    story += [_p(text("h_purposes", data.lang), styles.h1), _p(text("purposes_intro", data.lang), styles.body)]
    for purpose in data.purposes:
        story += _purpose(purpose, data.lang, styles)
    story += _recipients(data, styles)
    story += _automated(data.automated_decisions, data.lang, styles)
    story += _transfers(data, styles)
    story += _rights(data, styles)
    story += _requests(data, styles)
    story += _lookups(data, styles)
    return story


def render_register_copy(data: RegisterCopyData, *, font_dir: Path | None = None) -> bytes:
    """The register copy as PDF bytes; the same data gives the same bytes."""
    if data.lang not in LANGUAGES:
        raise ValueError(f"unsupported language {data.lang!r}; expected one of {', '.join(LANGUAGES)}")
    register_fonts(font_dir)
    lang = data.lang
    styles = _Styles()
    letter = _Letter(data)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=_MARGIN_X, rightMargin=_MARGIN_X, topMargin=_BODY_TOP,
        bottomMargin=_BOTTOM, title=text("doc_title", lang), author=data.company.name,
        subject=text("doc_subject", lang), creator="GDPR Desk", producer="GDPR Desk (ReportLab)", keywords=[],
        invariant=1, lang={"nb": "nb-NO", "en": "en-GB", "sv": "sv-SE"}[lang], displayDocTitle=1,
        initialFontName=FONT_REGULAR,
    )
    first = Frame(_MARGIN_X, _BOTTOM, _CONTENT_WIDTH, PAGE_HEIGHT - _LETTER_TOP - _BOTTOM, id="letter",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(_MARGIN_X, _BOTTOM, _CONTENT_WIDTH, PAGE_HEIGHT - _BODY_TOP - _BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate(id="first", frames=[first], onPage=letter.first_page, autoNextPageTemplate="later"),
        PageTemplate(id="later", frames=[later], onPage=letter.later_page),
    ])
    pdf_date = f"D:{data.today:%Y%m%d}120000+00'00'"

    def canvasmaker(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, footer=lambda page, pages: text("page", lang, page=page, pages=pages),
                               pdf_date=pdf_date, **kwargs)

    # Binary (Flate) streams instead of ASCII85 text: a third of a heavy copy's time went into the
    # pure-Python ASCII85 encoder. The setting is global in ReportLab, hence the lock.
    with _A85_LOCK:
        before = rl_config.useA85
        rl_config.useA85 = 0
        try:
            doc.build(_story(data, styles), canvasmaker=canvasmaker)
        finally:
            rl_config.useA85 = before
    return buffer.getvalue()

