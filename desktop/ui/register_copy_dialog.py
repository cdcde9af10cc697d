"""The register copy in the desk: review, preview, print, save, post or e-mail it (GDPR Art. 15).

The agent first reads the free texts that may name other people (Art. 15(4)): suspicious spans
are highlighted, and a selected span is redacted with a reason, which the service records. The
preview is the very PDF that goes out, shown with QtPdf. Nothing here decides what is sent or
marks a request as answered: the service does, and only after the printer, the file system or the
SMTP server has done its part. Collecting and rendering run on a worker thread (a long-time
customer's copy takes seconds); widgets are touched only in the callbacks.

Every modal question goes through the `DialogService` seam; the print dialog and the file dialog
are seams of their own (`choose_printer`, `choose_file`), so tests print to a PDF file and save
without a window popping up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.bootstrap import UnconfiguredMailer
from desktop.domain.contact import mask_email
from desktop.errors import DeskError
from desktop.services.register_copy import RegisterCopyService, ReviewItem
from desktop.ui.common import busy_bar
from desktop.ui.formatting import date_hint, format_date, parse_date
from desktop.ui.icons import icon
from desktop.ui.operations import Operations
from desktop.ui.qt_compat import emit
from desktop.ui.styles import ERROR_STYLE, NOTICE_STYLE, OK_STYLE, notice

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.reports.model import Redaction, RegisterCopyData
    from desktop.services.context import DeskContext
    from desktop.services.register_copy import AttachmentMailer
    from desktop.services.requests import RequestView
    from desktop.ui.dialogs import DialogService

__all__ = ["RegisterCopyDialog", "python_index", "qt_position"]

#: Printing renders each page as an image; more than this many dots per inch only costs memory.
PRINT_DPI = 200
_FLAG_BACKGROUND = QColor("#ffe082")
_REDACTED_BACKGROUND = QColor("#212121")
#: Marked spans keep dark text on their yellow, whatever the palette's text colour is.
_FLAG_TEXT = QColor("#1a1a1a")


def python_index(text: str, position: int) -> int:
    """A Qt text position (UTF-16 code units) as an index into the Python string (code points)."""
    return len(text.encode("utf-16-le")[: 2 * position].decode("utf-16-le", errors="ignore"))


def qt_position(text: str, index: int) -> int:
    """A Python string index as a Qt text position, for highlighting spans the service found."""
    return len(text[:index].encode("utf-16-le")) // 2


def _choose_printer(parent: QWidget) -> QPrinter | None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def _choose_file(parent: QWidget, suggested: str) -> str | None:
    title = QCoreApplication.translate("RegisterCopyDialog", "Save register copy")
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "PDF (*.pdf)")
    return path or None


class RegisterCopyDialog(QDialog):
    """One person's register copy, for one access request (or none, for a copy on paper only)."""

    #: The request was answered (posted or e-mailed); carries the service's RequestView.
    completed = Signal(object)
    #: A new PDF is in the preview (after loading, a language change or a redaction).
    rendered = Signal()

    def __init__(  # noqa: PLR0917 - the signature the profile and request screens open it with
                 self, ctx: DeskContext, actor: Actor, customer_id: int, request_id: int | None,
                 dialogs: DialogService, parent: QWidget | None = None, *,
                 service: RegisterCopyService | None = None, mailer: AttachmentMailer | None = None,
                 choose_printer: Callable[[QWidget], QPrinter | None] = _choose_printer,
                 choose_file: Callable[[QWidget, str], str | None] = _choose_file) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.customer_id = customer_id
        self.request_id = request_id
        self.dialogs = dialogs
        self.service = service or RegisterCopyService(ctx)
        # A dialog handed no mailer cannot mail, and says so; the desk hands it the configured one.
        self.mailer: AttachmentMailer = mailer or UnconfiguredMailer()
        self.choose_printer = choose_printer
        self.choose_file = choose_file
        self.data: RegisterCopyData | None = None
        self.pdf: bytes | None = None
        self.redactions: list[Redaction] = []
        self.items: list[ReviewItem] = []
        self.answered = False
        self._buffer: QBuffer | None = None

        self.setWindowTitle(self.tr("Register copy"))
        self.resize(1280, 860)
        title = QLabel(self.tr("Register copy (GDPR Article 15)"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the copy"))
        for label, code in ((self.tr("Norwegian (Bokmål)"), "nb"), (self.tr("English"), "en"),
                            (self.tr("Swedish"), "sv")):
            self.language.addItem(label, code)
        self.language.currentIndexChanged.connect(self._load)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language)
        top.addWidget(language_label)
        top.addWidget(self.language)

        self.postal_notice = notice(NOTICE_STYLE, self.tr("No postal address"))
        self.postal_notice.setText(self.tr(
            "No postal address is registered for this person: the copy cannot be posted in a window envelope. "
            "Send it encrypted by e-mail."
        ))
        self.done_notice = notice(OK_STYLE, self.tr("Request completed"))
        self.done_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label = notice(ERROR_STYLE, self.tr("Error"))
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.worker = Operations(self, errors=self.error_label)
        self.busy = busy_bar(self.tr("Working"))
        self.worker.busy_changed.connect(self._busy)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._review_panel())
        self.splitter.addWidget(self._preview_panel())
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.postal_notice)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.done_notice)
        layout.addWidget(self._password_row())
        layout.addWidget(self.error_label)
        layout.addLayout(self._buttons())
        self.review_list.setFocus()  # the agent's first task: read the texts that may name others
        self._set_enabled()
        self._load()

    # --- layout ----------------------------------------------------------------------------------

    def _review_panel(self) -> QWidget:
        panel = QWidget()
        heading = QLabel(self.tr("Review before sending"))
        heading.setStyleSheet("font-weight: bold")
        intro = QLabel(self.tr(
            "These texts may name other people. Yellow marks what looks like a name, an e-mail address, a "
            "telephone number or an identity number. Select what belongs to someone else and press Redact."
        ))
        intro.setWordWrap(True)
        self.review_list = QListWidget()
        self.review_list.setAccessibleName(self.tr("Texts to review"))
        self.review_list.currentRowChanged.connect(self._show_item)
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setAccessibleName(self.tr("Text under review"))
        self.changed_label = notice(NOTICE_STYLE, self.tr("Changed since redaction"))
        self.changed_label.setText(self.tr(
            "This text has changed since it was redacted, so the copy withholds all of it. Redact it again."
        ))
        self.redact_button = QPushButton(self.tr("&Redact"))
        self.redact_button.setToolTip(self.tr("Withhold the selected text from the copy, with a reason"))
        self.redact_button.clicked.connect(self.redact_selection)
        self.no_request_label = QLabel(self.tr("Redactions are recorded on an access request; open the copy from "
                                               "the request to redact."))
        self.no_request_label.setWordWrap(True)
        self.no_request_label.setVisible(self.request_id is None)
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(heading)
        box.addWidget(intro)
        box.addWidget(self.review_list, 2)
        box.addWidget(self.text_view, 3)
        box.addWidget(self.changed_label)
        box.addWidget(self.no_request_label)
        box.addWidget(self.redact_button, 0, Qt.AlignmentFlag.AlignRight)
        return panel

    def _preview_panel(self) -> QWidget:
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setAccessibleName(self.tr("Preview of the register copy"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # The page is rendered for the viewport's width; a scroll bar appearing afterwards narrows
        # it and the rendered page is scaled down, which blurs the letters. Keep the bar there.
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.view.setPageSpacing(12)
        # QtPdf renders pages transparent: a white background makes them read as paper.
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.white)
        palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.white)
        palette.setColor(QPalette.ColorRole.Dark, Qt.GlobalColor.white)
        self.view.setPalette(palette)
        self.view.setBackgroundRole(QPalette.ColorRole.Base)
        self.view.viewport().setAutoFillBackground(True)
        self.view.viewport().setPalette(palette)
        self.document.statusChanged.connect(self._document_status)
        self.pages_label = QLabel()
        panel = QWidget()
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.view, 1)
        box.addWidget(self.pages_label)
        return panel

    def _password_row(self) -> QWidget:
        self.password_row = QWidget()
        self.password_label = QLabel(self.tr("Password for the PDF – give it by SMS or read it out, never by e-mail:"))
        self.password_label.setWordWrap(True)
        self.password_field = QLineEdit()
        self.password_field.setReadOnly(True)
        self.password_field.setAccessibleName(self.tr("Password"))
        font = QFont(self.password_field.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setFamily("DejaVu Sans Mono")
        self.password_field.setFont(font)
        row = QHBoxLayout(self.password_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.password_label)
        row.addWidget(self.password_field, 1)
        self.password_row.hide()
        return self.password_row

    def _buttons(self) -> QHBoxLayout:
        self.print_button = QPushButton(icon("print"), self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_copy)
        self.save_button = QPushButton(icon("save"), self.tr("&Save…"))
        self.save_button.clicked.connect(self.save_copy)
        self.posted_button = QPushButton(icon("send"), self.tr("Mark as p&osted"))
        self.posted_button.clicked.connect(self.mark_posted)
        self.channel = QComboBox()
        self.channel.setAccessibleName(self.tr("How the password reaches the person"))
        for label, code in ((self.tr("Password by SMS"), "sms"), (self.tr("Password by telephone"), "phone"),
                            (self.tr("Password by letter"), "letter"), (self.tr("Password at the counter"), "counter")):
            self.channel.addItem(label, code)
        self.email_button = QPushButton(icon("mail"), self.tr("Send encrypted &e-mail…"))
        self.email_button.clicked.connect(self.send_email)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        for widget in (self.print_button, self.save_button, self.posted_button):
            widget.setAutoDefault(False)
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.channel)
        row.addWidget(self.email_button)
        row.addWidget(close)
        return row

    # --- state -----------------------------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self._set_enabled()

    def _set_enabled(self) -> None:
        ready = self.pdf is not None and not self.worker.is_busy()
        open_request = self.request_id is not None and not self.answered
        postal = self.data is not None and self.data.addressee.postal
        has_email = self.data is not None and bool(self.data.addressee.email)
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.posted_button.setEnabled(ready and open_request and postal)
        self.email_button.setEnabled(ready and open_request and has_email)
        self.channel.setEnabled(ready and open_request and has_email)
        self.redact_button.setEnabled(ready and open_request and bool(self.items))
        self.language.setEnabled(not self.worker.is_busy())

    def _failed(self, exc: BaseException) -> None:
        self.worker.show_error(exc)
        self._set_enabled()

    def _clear_error(self) -> None:
        self.worker.clear_error()

    # --- loading and preview ---------------------------------------------------------------------

    def _load(self) -> None:
        """Collect (one logged read) and render in the chosen language."""
        self._clear_error()
        lang = str(self.language.currentData())
        service, actor, customer_id, request_id = self.service, self.actor, self.customer_id, self.request_id

        def work() -> tuple[RegisterCopyData, bytes, list[ReviewItem]]:
            data = service.collect(actor, customer_id, request_id=request_id, lang=lang)
            return data, service.render(data, data.redactions), service.review_items(data)

        self.worker.run(work, self._loaded, on_error=self._failed)

    def _loaded(self, result: tuple[RegisterCopyData, bytes, list[ReviewItem]]) -> None:
        data, pdf, items = result
        self.data = data
        self.redactions = list(data.redactions)
        self.items = items
        self.setWindowTitle(self.tr("Register copy – {reference}").format(reference=data.reference))
        self.postal_notice.setVisible(not data.addressee.postal)
        self._fill_review()
        self._show_pdf(pdf)

    def _show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        previous = self._buffer
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        if previous is not None:
            previous.close()
            previous.deleteLater()
        self._set_enabled()

    def _document_status(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            self.pages_label.setText(self.tr("{pages} pages").format(pages=self.document.pageCount()))
            emit(self.rendered)
        elif status == QPdfDocument.Status.Error:
            self._failed(DeskError("The preview could not show the PDF.", "Forhåndsvisningen kunne ikke vise PDF-en."))

    def _render_again(self) -> None:
        data, redactions, service = self.data, list(self.redactions), self.service
        if data is None:
            return
        self.worker.run(lambda: service.render(data, redactions), self._show_pdf, on_error=self._failed)

    # --- review and redaction --------------------------------------------------------------------

    def _fill_review(self) -> None:
        self.review_list.clear()
        for item in self.items:
            marks = len(item.flags)
            label = item.title if not marks else self.tr("{title} – {count} to check").format(title=item.title,
                                                                                             count=marks)
            if item.redacted:
                label += " " + self.tr("(redacted)")
            entry = QListWidgetItem(label)
            entry.setToolTip(item.text[:500])
            if marks or item.changed_since_redaction:
                entry.setBackground(_FLAG_BACKGROUND.lighter(115))
                entry.setForeground(_FLAG_TEXT)  # dark on yellow in the dark palette too
            self.review_list.addItem(entry)
        if self.items:
            self.review_list.setCurrentRow(0)
        else:
            self.text_view.setPlainText(self.tr("No free texts in this copy."))
        self._set_enabled()

    def _show_item(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        self.text_view.setPlainText(item.text)
        self.changed_label.setVisible(item.changed_since_redaction)
        selections: list[QTextEdit.ExtraSelection] = []
        for start, end, colour, text_colour in (
            *((f.start, f.end, _FLAG_BACKGROUND, _FLAG_TEXT) for f in item.flags),
            *((a, b, _REDACTED_BACKGROUND, QColor("white")) for a, b in item.redacted),
        ):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text_view.document())
            cursor.setPosition(qt_position(item.text, start))
            cursor.setPosition(qt_position(item.text, end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(colour)
            if text_colour is not None:
                fmt.setForeground(text_colour)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.text_view.setExtraSelections(selections)

    def select_span(self, start: int, end: int) -> None:
        """Select a span of the text under review (Python indices): for the agent's keyboard and for tests."""
        item = self.current_item()
        if item is None:
            return
        cursor = self.text_view.textCursor()
        cursor.setPosition(qt_position(item.text, start))
        cursor.setPosition(qt_position(item.text, end), QTextCursor.MoveMode.KeepAnchor)
        self.text_view.setTextCursor(cursor)

    def current_item(self) -> ReviewItem | None:
        row = self.review_list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def redact_selection(self) -> None:
        item = self.current_item()
        if item is None or self.request_id is None:
            return
        cursor = self.text_view.textCursor()
        if not cursor.hasSelection():
            self.dialogs.info(self, self.tr("Redact"), self.tr("Select the text to redact first."))
            return
        start = python_index(item.text, cursor.selectionStart())
        end = python_index(item.text, cursor.selectionEnd())
        reason = self.dialogs.ask_text(self, self.tr("Redact"), self.tr(
            "Why is this withheld? Say whose data it is (for example “the partner's name”)."))
        if reason is None or not reason.strip():
            return
        self._clear_error()
        service, actor, request_id = self.service, self.actor, self.request_id
        self.worker.run(lambda: service.redact(actor, request_id, item.item_id, [(start, end)], reason),
                           lambda made: self._redacted(item, made), on_error=self._failed)

    def _redacted(self, item: ReviewItem, made: Sequence[Redaction]) -> None:
        self.redactions += made
        spans = tuple(sorted({*item.redacted, *((r.start, r.end) for r in made)}))
        row = self.items.index(item)
        self.items[row] = replace(item, redacted=spans)
        current = self.review_list.currentRow()
        self._fill_review()
        self.review_list.setCurrentRow(current)
        self._render_again()

    # --- print, save ------------------------------------------------------------------------------

    def print_copy(self) -> None:
        """Print the previewed pages; a printer that is gone is a message, and nothing is marked."""
        if self.document.status() != QPdfDocument.Status.Ready:
            return
        printer = self.choose_printer(self)
        if printer is None:
            return
        self._clear_error()
        printed = self._paint(printer)
        if printed == 0:
            name = printer.printerName() or printer.outputFileName() or self.tr("the printer")
            self.dialogs.error(self, self.tr("Not printed"), self.tr(
                "{printer} is not available. Nothing was printed, and nothing is marked as sent."
            ).format(printer=name))
            return
        service, actor, request_id, customer_id = self.service, self.actor, self.request_id, self.customer_id
        self.worker.run(lambda: service.log_printed(actor, request_id, printed, customer_id=customer_id),
                           lambda _: self.dialogs.info(self, self.tr("Printed"), self.tr(
                               "{pages} pages went to the printer. When the letter has gone, press "
                               "“Mark as posted”.").format(pages=printed)), on_error=self._failed)

    def _paint(self, printer: QPrinter) -> int:
        """Each page as an image scaled onto the printer's page; returns how many pages were printed."""
        painter = QPainter()
        if not printer.isValid() or not painter.begin(printer):
            return 0
        count = self.document.pageCount()
        first = max(1, printer.fromPage() or 1)
        last = min(count, printer.toPage() or count)
        dpi = min(printer.resolution(), PRINT_DPI)
        printed = 0
        try:
            for index in range(first - 1, last):
                if printed and not printer.newPage():
                    break
                size = self.document.pagePointSize(index)
                area = QRectF(painter.viewport())
                scale = min(area.width() / size.width(), area.height() / size.height())
                target = QRectF(area.x(), area.y(), size.width() * scale, size.height() * scale)
                image = self.document.render(index, QSize(round(size.width() * dpi / 72),
                                                          round(size.height() * dpi / 72)))
                painter.fillRect(target, Qt.GlobalColor.white)
                painter.drawImage(target, image)
                printed += 1
        finally:
            painter.end()
        return printed

    def save_copy(self) -> None:
        if self.pdf is None or self.data is None:
            return
        path = self.choose_file(self, f"registerutskrift-{self.data.reference}.pdf")
        if not path:
            return
        self._clear_error()
        service, actor, request_id, customer_id, pdf = (self.service, self.actor, self.request_id, self.customer_id,
                                                        self.pdf)
        self.worker.run(lambda: service.save(actor, request_id, pdf, Path(path), customer_id=customer_id),
                           lambda saved: self.dialogs.info(self, self.tr("Saved"), self.tr(
                               "The register copy was saved to {path}.").format(path=saved)), on_error=self._failed)

    # --- answering ---------------------------------------------------------------------------------

    def mark_posted(self) -> None:
        if self.request_id is None or self.data is None:
            return
        answer = self.dialogs.ask_text(self, self.tr("Mark as posted"),
                                       self.tr("Posted on ({format}):").format(format=date_hint()),
                                       text=format_date(date.today()))
        if answer is None:
            return
        posted = parse_date(answer)
        if posted is None:
            self.dialogs.error(self, self.tr("Mark as posted"), self.tr("“{text}” is not a date; write it as {format}.")
                               .format(text=answer, format=date_hint()))
            return
        self._clear_error()
        service, actor, request_id = self.service, self.actor, self.request_id
        self.worker.run(lambda: service.mark_posted(actor, request_id, posted), self._completed, on_error=self._failed)

    def send_email(self) -> None:
        if self.request_id is None or self.data is None or self.pdf is None:
            return
        channel = str(self.channel.currentData())
        address = mask_email(self.data.addressee.email)
        if not self.dialogs.confirm(self, self.tr("Send encrypted e-mail"), self.tr(
            "Send the register copy, encrypted, to the registered address {address}? You will see the password "
            "afterwards: give it to the person another way ({channel}), never in the e-mail."
        ).format(address=address, channel=self.channel.currentText())):
            return
        self._clear_error()
        service, actor, request_id, pdf, mailer = self.service, self.actor, self.request_id, self.pdf, self.mailer
        lang = self.data.lang

        def work() -> tuple[RequestView, str]:
            locked, password = service.encrypt(pdf)
            return service.email(actor, request_id, locked, channel, mailer, lang=lang), password

        self.worker.run(work, self._emailed, on_error=self._failed)

    def _emailed(self, result: tuple[RequestView, str]) -> None:
        view, password = result
        self.password_field.setText(password)
        self.password_row.show()
        self._completed(view)
        self.dialogs.info(self, self.tr("E-mail sent"), self.tr(
            "The encrypted copy was sent. Give the person this password another way than e-mail ({channel}): "
            "{password}"
        ).format(channel=self.channel.currentText(), password=password))

    def _completed(self, view: RequestView) -> None:
        self.answered = True
        self.done_notice.setText(self.tr("Request {reference} is completed: {summary}").format(
            reference=view.reference, summary=view.completion_summary or ""))
        self.done_notice.show()
        self._set_enabled()
        emit(self.completed, view)
