"""Filing a request for the customer on screen: what they asked for, how, and when it arrived.

Why it is shaped like this:
- The received date is the postmark or the e-mail's date, not the day the agent types it in: the
  clock starts then (Art. 12(3)). It defaults to today and the due date is shown live from the
  same function the service uses, so the agent sees the deadline before filing.
- A date in the future is not blocked by the date widget: the service refuses it with its own
  message, the one the CLI gives, so there is one wording for one rule.
- A second open request of the same type is usually the same request again (a reminder letter);
  the agent is shown the existing one and must say yes before a duplicate is filed.
- Filing runs on the worker thread: it writes the request, its history and the access log.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.deadlines import ReceivedInFuture, response_due, validate_received
from desktop.domain.requests import Channel, RequestType
from desktop.ui.common import busy_bar
from desktop.ui.formatting import date_input_format
from desktop.ui.i18n import current_lang
from desktop.ui.icons import icon
from desktop.ui.operations import Operations, error_text
from desktop.ui.qt_compat import emit
from desktop.ui.request_queue import channel_label, format_day, type_label
from desktop.ui.styles import ERROR_STYLE, NOTICE_STYLE, notice
from desktop.ui.theme import set_tone

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext
    from desktop.services.requests import RequestService, RequestView
    from desktop.ui.dialogs import DialogService

NOTES_MAX_CHARS = 4000
#: Types a marketing channel belongs to (the service refuses it for the others).
MARKETING_TYPES = frozenset({RequestType.OBJECTION_DIRECT_MARKETING, RequestType.WITHDRAW_CONSENT})


class FileRequestDialog(QDialog):
    """Type, channel, received date, notes; the due date live; a duplicate only when confirmed."""

    #: (request id, customer id) of the request just filed.
    request_filed = Signal(int, int)
    #: The agent chose to open the existing request instead of filing a duplicate (request id).
    existing_opened = Signal(int)

    def __init__(self, ctx: DeskContext, actor: Actor, dialogs: DialogService, customer_id: int,
                 customer_name: str, *, service: RequestService | None = None,
                 request_type: RequestType | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.services.requests import RequestService  # lazy: startup time

        self.ctx = ctx
        self.actor = actor
        self.dialogs = dialogs
        self.customer_id = customer_id
        self.customer_name = customer_name
        self.service = service or RequestService(ctx)
        self.filed: RequestView | None = None
        self.existing_id: int | None = None
        self.setWindowTitle(self.tr("New request"))
        self.setMinimumWidth(520)

        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName(self.tr("Request type"))
        for rtype in RequestType:
            self.type_combo.addItem(type_label(rtype), rtype.value)
        if request_type is not None:
            self.type_combo.setCurrentIndex(self.type_combo.findData(request_type.value))
        self.customer_label = QLabel(self.tr("{name} (customer id {id})").format(name=customer_name, id=customer_id))
        self.customer_label.setAccessibleName(self.tr("Customer"))
        self.customer_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.channel_combo = QComboBox()
        self.channel_combo.setAccessibleName(self.tr("Channel"))
        for channel in Channel:
            self.channel_combo.addItem(channel_label(channel), channel.value)
        self.received_edit = QDateEdit(QDate.currentDate())
        self.received_edit.setDisplayFormat(date_input_format())
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setAccessibleName(self.tr("Received on"))
        self.received_edit.setToolTip(self.tr("The day the request reached the shop: the postmark, the e-mail's date"))
        self.due_label = QLabel()
        self.due_label.setAccessibleName(self.tr("Due date"))
        self.due_label.setWordWrap(True)
        self.roll_label = QLabel(self._roll_text())
        self.roll_label.setWordWrap(True)
        set_tone(self.roll_label, "muted")
        self.marketing_label = QLabel(self.tr("Marketing channel:"))
        self.marketing_combo = QComboBox()
        self.marketing_combo.setAccessibleName(self.tr("Marketing channel"))
        self.marketing_combo.addItem(self.tr("All channels"), None)
        for mc in ctx.policy.marketing_channels:
            self.marketing_combo.addItem(mc.label.get(current_lang()), mc.key)
        self.marketing_label.setBuddy(self.marketing_combo)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setPlaceholderText(self.tr("What the person asked for, in their words; no identity numbers"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().height() * 5)

        form = QFormLayout()
        form.addRow(self.tr("&Type:"), self.type_combo)
        form.addRow(self.tr("Customer:"), self.customer_label)
        form.addRow(self.tr("&Channel:"), self.channel_combo)
        form.addRow(self.tr("&Received:"), self.received_edit)
        form.addRow(self.tr("Due:"), self.due_label)
        form.addRow("", self.roll_label)
        form.addRow(self.marketing_label, self.marketing_combo)
        form.addRow(self.tr("&Notes:"), self.notes_edit)

        self.duplicate_label = notice(NOTICE_STYLE, self.tr("Duplicate notice"))
        self.open_existing_button = QPushButton(self.tr("&Open the existing request"))
        self.open_existing_button.setAutoDefault(False)
        self.open_existing_button.clicked.connect(self._open_existing)
        self.open_existing_button.hide()
        self.error_label = notice(ERROR_STYLE, self.tr("Error"))
        self.worker = Operations(self, errors=self.error_label)
        self.busy = busy_bar(self.tr("Filing"))

        self.file_button = QPushButton(icon("request"), self.tr("File request"))
        self.file_button.setDefault(True)
        self.file_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_existing_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.file_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.duplicate_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)

        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.received_edit.dateChanged.connect(self._update_due)
        self.worker.busy_changed.connect(self._busy)
        self._type_changed()
        self._update_due()
        self.type_combo.setFocus()

    # --- reading the form --------------------------------------------------------------------

    @property
    def request_type(self) -> RequestType:
        return RequestType(str(self.type_combo.currentData()))

    @property
    def channel(self) -> Channel:
        return Channel(str(self.channel_combo.currentData()))

    @property
    def received_on(self) -> date:
        value = self.received_edit.date().toPython()
        assert isinstance(value, date)
        return value

    @property
    def marketing_channel(self) -> str | None:
        if self.request_type not in MARKETING_TYPES:
            return None
        value = self.marketing_combo.currentData()
        return str(value) if value else None

    def set_received(self, value: date) -> None:
        self.received_edit.setDate(QDate(value.year, value.month, value.day))

    def _roll_text(self) -> str:
        if self.service.roll_forward:
            return self.tr("A due date on a weekend or Norwegian public holiday moves to the next working day "
                           "(setting).")
        return self.tr("Due dates are not moved off weekends and public holidays (the default setting).")

    def _type_changed(self) -> None:
        wanted = self.request_type in MARKETING_TYPES
        self.marketing_label.setVisible(wanted)
        self.marketing_combo.setVisible(wanted)
        self.duplicate_label.hide()
        self.open_existing_button.hide()
        self.existing_id = None

    def _update_due(self) -> None:
        received = self.received_on
        today = self.service.today()
        try:
            validate_received(received, today)
        except ReceivedInFuture as exc:
            set_tone(self.due_label, "danger")
            self.due_label.setText(exc.message_nb if current_lang() == "nb" else exc.message)
            return
        due = response_due(received, roll_forward=self.service.roll_forward)
        left = (due - today).days
        set_tone(self.due_label, "danger" if left < 0 else None, bold=True)
        if left < 0:
            text = self.tr("{date} (overdue by {days} days)").format(date=format_day(due), days=-left)
        else:
            text = self.tr("{date} ({days} days left)").format(date=format_day(due), days=left)
        self.due_label.setText(text)

    # --- filing ------------------------------------------------------------------------------

    def submit(self, *, allow_duplicate: bool = False) -> None:
        """File with the service; a duplicate is asked about through the dialog seam."""
        if self.worker.is_busy():
            return
        self.worker.clear_error()
        notes = self.notes_edit.toPlainText().strip()
        if len(notes) > NOTES_MAX_CHARS:
            self._show_error(self.tr("The notes are longer than {count} characters.").format(count=NOTES_MAX_CHARS))
            return
        service, actor, customer_id = self.service, self.actor, self.customer_id
        rtype, channel, received, marketing = self.request_type, self.channel, self.received_on, self.marketing_channel

        def job() -> RequestView:
            return service.file(actor, rtype, customer_id, channel=channel, received_on=received, notes=notes,
                                marketing_channel=marketing, allow_duplicate=allow_duplicate)

        self.worker.run(job, self._filed, on_error=self._failed)

    def _filed(self, view: RequestView) -> None:
        self.filed = view
        emit(self.request_filed, view.id, view.customer_id or self.customer_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from desktop.services.requests import DuplicateRequest, reference  # lazy: startup time

        if isinstance(exc, DuplicateRequest):
            self.existing_id = exc.existing_id
            text = error_text(exc)
            self.duplicate_label.setText(text)
            self.duplicate_label.show()
            self.open_existing_button.show()
            if self.dialogs.confirm(self, self.tr("The request is already open"), self.tr(
                "{message}\n\nFile this as a new request anyway? It will be marked as a duplicate of {reference}."
            ).format(message=text, reference=reference(exc.existing_id))):
                self.submit(allow_duplicate=True)
            return
        self._show_error(error_text(exc))

    def _show_error(self, text: str) -> None:
        self.worker.show_error(text)

    def _open_existing(self) -> None:
        if self.existing_id is not None:
            emit(self.existing_opened, self.existing_id)
            self.reject()

    def _busy(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.file_button.setEnabled(not on)

    def done(self, result: int) -> None:
        """Closing waits for a filing under way, so it never outlives the dialog that shows its answer."""
        self.worker.wait()
        super().done(result)
