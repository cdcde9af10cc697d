"""The register-copy dialog driven like an agent would: preview, review and redact, print, save, post, e-mail."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.domain.requests import RequestState
from desktop.models import AccessLogEntry
from desktop.models.register_copy import RegisterCopyRedaction
from desktop.services.register_copy import WORDS
from desktop.services.requests import RequestService
from desktop.ui.register_copy_dialog import RegisterCopyDialog, python_index, qt_position
from tests.helpers.dialogs import RecordingDialogs
from tests.unit.test_register_copy import access_request, add_person

LOAD_MS = 60_000


class FakeMailer:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    def send_with_attachment(self, to: str, subject: str, body: str, *, filename: str, data: bytes,
                             mimetype: str) -> None:
        self.sent.append({"to": to, "subject": subject, "body": body, "filename": filename, "data": data})


class Printers:
    """The print dialog's seam: hands out the printer a test prepared."""

    def __init__(self, printer: QPrinter | None = None) -> None:
        self.printer = printer
        self.asked = 0

    def __call__(self, parent: QWidget) -> QPrinter | None:
        self.asked += 1
        return self.printer


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.fixture
def person(desk: Any) -> int:
    return add_person(desk, orders=3)


@pytest.fixture
def request_id(desk: Any, agent: Any, person: int) -> int:
    return access_request(desk, agent, person)


@pytest.fixture
def printers() -> Printers:
    return Printers()


@pytest.fixture
def mailer() -> FakeMailer:
    return FakeMailer()


@pytest.fixture
def saved_to(tmp_path: Path) -> Path:
    return tmp_path / "saved.pdf"


@pytest.fixture
def dialog(qtbot: QtBot, desk: Any, agent: Any, person: int, request_id: int, dialogs: RecordingDialogs,
           printers: Printers, mailer: FakeMailer, saved_to: Path) -> Iterator[RegisterCopyDialog]:
    dlg = RegisterCopyDialog(desk, agent, person, request_id, dialogs, mailer=mailer, choose_printer=printers,
                             choose_file=lambda parent, suggested: str(saved_to))
    qtbot.addWidget(dlg)
    dlg.show()
    wait_ready(qtbot, dlg)
    yield dlg
    dlg.worker.wait(LOAD_MS)


def wait_ready(qtbot: QtBot, dlg: RegisterCopyDialog) -> None:
    qtbot.waitUntil(lambda: dlg.document.status() == QPdfDocument.Status.Ready and dlg.document.pageCount() > 0
                    and not dlg.worker.is_busy(), timeout=LOAD_MS)


def wait_idle(qtbot: QtBot, dlg: RegisterCopyDialog) -> None:
    qtbot.waitUntil(lambda: not dlg.worker.is_busy(), timeout=LOAD_MS)


def log(desk: Any, action: str) -> list[AccessLogEntry]:
    with desk.db.transaction() as s:
        return list(s.execute(select(AccessLogEntry).where(AccessLogEntry.action == action)).scalars())


def test_preview_shows_the_copy_that_goes_out(qtbot: QtBot, dialog: RegisterCopyDialog) -> None:
    assert dialog.pdf is not None
    assert dialog.document.pageCount() == len(PdfReader(io.BytesIO(dialog.pdf)).pages)
    assert dialog.windowTitle().endswith("GDPR-000001")
    assert dialog.pages_label.text() == f"{dialog.document.pageCount()} sider"

    def painted() -> bool:
        image = dialog.view.viewport().grab().toImage()
        return any(image.pixelColor(x, y).lightness() < 100 for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7))

    qtbot.waitUntil(painted, timeout=LOAD_MS)  # QPdfView renders asynchronously
    assert dialog.print_button.isEnabled() and dialog.posted_button.isEnabled() and dialog.email_button.isEnabled()
    assert not dialog.postal_notice.isVisible()
    assert dialog.review_list.count() >= 5 and dialog.current_item() is not None
    assert dialog.current_item().flags  # type: ignore[union-attr]


def test_print_to_a_pdf_file_through_the_seam(qtbot: QtBot, desk: Any, agent: Any, request_id: int,
                                              dialog: RegisterCopyDialog, dialogs: RecordingDialogs,
                                              printers: Printers, tmp_path: Path) -> None:
    target = tmp_path / "printed.pdf"
    printers.printer = pdf_printer(target)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.of_kind("info")), timeout=LOAD_MS)
    assert printers.asked == 1
    assert dialogs.of_kind("info")[0][1] == "Skrevet ut"
    printed = PdfReader(str(target))
    assert len(printed.pages) == dialog.document.pageCount()
    entries = log(desk, "register_copy_print")
    assert len(entries) == 1 and entries[0].request_id == request_id
    assert f"pages={dialog.document.pageCount()}" in (entries[0].detail or "")
    assert RequestService(desk).get(agent, request_id).state is RequestState.IDENTITY_VERIFIED


def test_a_printer_that_is_gone_is_a_message_and_nothing_is_marked(qtbot: QtBot, desk: Any, agent: Any,
                                                                   request_id: int, dialog: RegisterCopyDialog,
                                                                   dialogs: RecordingDialogs, printers: Printers,
                                                                   tmp_path: Path) -> None:
    printers.printer = pdf_printer(tmp_path / "no-such-folder" / "printed.pdf")
    dialog.print_button.click()
    wait_idle(qtbot, dialog)
    errors = dialogs.of_kind("error")
    assert len(errors) == 1 and "ingenting er merket som sendt" in errors[0][2]
    assert log(desk, "register_copy_print") == []
    assert RequestService(desk).get(agent, request_id).state is RequestState.IDENTITY_VERIFIED


def test_cancelled_print_dialog_does_nothing(qtbot: QtBot, desk: Any, dialog: RegisterCopyDialog,
                                             dialogs: RecordingDialogs, printers: Printers) -> None:
    dialog.print_button.click()
    wait_idle(qtbot, dialog)
    assert printers.asked == 1 and dialogs.shown == [] and log(desk, "register_copy_print") == []


def test_save(qtbot: QtBot, desk: Any, dialog: RegisterCopyDialog, dialogs: RecordingDialogs,
              saved_to: Path) -> None:
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.of_kind("info")), timeout=LOAD_MS)
    assert saved_to.read_bytes() == dialog.pdf
    assert len(log(desk, "register_copy_save")) == 1


def test_mark_posted_completes_the_request(qtbot: QtBot, desk: Any, agent: Any, request_id: int,
                                           dialog: RegisterCopyDialog, dialogs: RecordingDialogs) -> None:
    dialogs.text_answer = date.today().strftime("%d.%m.%Y")
    with qtbot.waitSignal(dialog.completed, timeout=LOAD_MS) as blocker:
        dialog.posted_button.click()
    view = blocker.args[0]
    assert view.state is RequestState.DONE and view.completion_channel == "letter"
    assert RequestService(desk).get(agent, request_id).completion_sent_on == date.today()
    assert dialog.done_notice.isVisible() and not dialog.posted_button.isEnabled()
    assert not dialog.email_button.isEnabled()


def test_a_date_that_is_not_a_date_marks_nothing(qtbot: QtBot, desk: Any, agent: Any, request_id: int,
                                                 dialog: RegisterCopyDialog, dialogs: RecordingDialogs) -> None:
    dialogs.text_answer = "i går"
    dialog.posted_button.click()
    assert dialogs.of_kind("error") and not dialog.answered
    assert RequestService(desk).get(agent, request_id).state is RequestState.IDENTITY_VERIFIED


def test_redact_a_selection(qtbot: QtBot, desk: Any, dialog: RegisterCopyDialog, dialogs: RecordingDialogs) -> None:
    row = next(i for i, item in enumerate(dialog.items) if item.record_kind == "service_case")
    dialog.review_list.setCurrentRow(row)
    item = dialog.items[row]
    start = item.text.index("Jon Rasmussen")
    dialog.select_span(start, start + len("Jon Rasmussen"))
    dialogs.text_answer = "samboerens navn"
    with qtbot.waitSignal(dialog.rendered, timeout=LOAD_MS):
        dialog.redact_button.click()
    wait_ready(qtbot, dialog)
    with desk.db.transaction() as s:
        rows = list(s.execute(select(RegisterCopyRedaction)).scalars())
    assert [(r.span_start, r.span_end, r.reason) for r in rows] == [(start, start + 13, "samboerens navn")]
    assert dialog.pdf is not None
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(dialog.pdf)).pages)
    assert "Jon Rasmussen" not in text and "[sladdet]" in text
    assert dialog.items[row].redacted == ((start, start + 13),)


def test_redact_without_a_selection_asks_for_one(qtbot: QtBot, desk: Any, dialog: RegisterCopyDialog,
                                                 dialogs: RecordingDialogs) -> None:
    dialog.redact_button.click()
    assert dialogs.of_kind("info") and not dialogs.of_kind("ask_text")


def test_send_encrypted_email_shows_the_password(qtbot: QtBot, desk: Any, agent: Any, request_id: int,
                                                 dialog: RegisterCopyDialog, dialogs: RecordingDialogs,
                                                 mailer: FakeMailer) -> None:
    with qtbot.waitSignal(dialog.completed, timeout=LOAD_MS):
        dialog.email_button.click()
    assert dialogs.of_kind("confirm") and "o***" in dialogs.of_kind("confirm")[0][2]
    password = dialog.password_field.text()
    assert dialog.password_row.isVisible() and all(w in WORDS for w in password.split("-")[:-1])
    assert len(mailer.sent) == 1 and mailer.sent[0]["to"] == "oyvind.aero@example.com"
    assert password not in mailer.sent[0]["body"]
    reader = PdfReader(io.BytesIO(mailer.sent[0]["data"]))
    assert reader.is_encrypted and reader.decrypt(password) != 0
    assert RequestService(desk).get(agent, request_id).completion_channel == "email"


def test_switching_language_renders_again(qtbot: QtBot, dialog: RegisterCopyDialog) -> None:
    with qtbot.waitSignal(dialog.rendered, timeout=LOAD_MS):
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
    wait_ready(qtbot, dialog)
    assert dialog.data is not None and dialog.data.lang == "en"
    assert dialog.pdf is not None
    assert "Page 1 of" in PdfReader(io.BytesIO(dialog.pdf)).pages[0].extract_text()


def test_email_only_person_cannot_be_posted(qtbot: QtBot, desk: Any, agent: Any,
                                            dialogs: RecordingDialogs) -> None:
    cid = add_person(desk, orders=1, number="K7000005", street=None, postcode=None, city=None, nid=None)
    rid = access_request(desk, agent, cid)
    dlg = RegisterCopyDialog(desk, agent, cid, rid, dialogs, mailer=FakeMailer())
    qtbot.addWidget(dlg)
    dlg.show()
    wait_ready(qtbot, dlg)
    assert dlg.postal_notice.isVisible() and "vinduskonvolutt" in dlg.postal_notice.text()
    assert not dlg.posted_button.isEnabled() and dlg.email_button.isEnabled()


def test_without_a_request_only_paper_and_file(qtbot: QtBot, desk: Any, agent: Any, person: int,
                                               dialogs: RecordingDialogs) -> None:
    dlg = RegisterCopyDialog(desk, agent, person, None, dialogs, mailer=FakeMailer())
    qtbot.addWidget(dlg)
    dlg.show()
    wait_ready(qtbot, dlg)
    assert dlg.print_button.isEnabled() and dlg.save_button.isEnabled()
    assert not dlg.posted_button.isEnabled() and not dlg.email_button.isEnabled()
    assert not dlg.redact_button.isEnabled() and dlg.no_request_label.isVisible()


def test_positions_convert_between_qt_and_python() -> None:
    text = "Hei 😀 Jon"
    assert qt_position(text, text.index("Jon")) == 7  # the emoji is two UTF-16 units
    assert python_index(text, 7) == text.index("Jon")
