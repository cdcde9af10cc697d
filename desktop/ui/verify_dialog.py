"""Checking who is calling, with the least intrusive method that removes reasonable doubt.

One page per method (RULEBOOK §4): questions answered from the record, a one-time code to the
*registered* e-mail or phone, an ID document seen at the counter, an electronic-ID reference. No
page asks for the full identity number, because no method needs it. The dialog shows what the
service decides: attempts left, a lockout and its minutes, and the service's own message for every
refusal, in red. Every call runs on the profile's worker thread (an SMTP server may take seconds
to answer), and the dialog closes itself on success so the profile unlocks at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.verification import (
    ELECTRONIC_ID_PROVIDERS,
    ID_DOCUMENT_KINDS,
    QUESTION_KINDS,
    FileSmsGateway,
    VerificationFailed,
    VerificationLocked,
    label,
)
from desktop.ui.common import busy_bar, local_time
from desktop.ui.i18n import current_lang
from desktop.ui.icons import icon
from desktop.ui.operations import error_text
from desktop.ui.qt_compat import emit
from desktop.ui.styles import ERROR_STYLE, NOTICE_STYLE, OK_STYLE, notice

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from desktop.domain.roles import Actor
    from desktop.services.profile import ProfileHeader
    from desktop.services.verification import ContactRef, SentCode, VerificationService, VerificationState
    from desktop.ui.operations import Operations

TAB_QUESTIONS, TAB_CODE, TAB_DOCUMENT, TAB_EID = range(4)


def minutes_left(until: datetime, now: datetime) -> int:
    """Whole minutes, rounded up: "1 minute" until the lock has really gone."""
    seconds = (until - now).total_seconds()
    return max(1, int(-(-seconds // 60)))


class VerifyDialog(QDialog):
    """Verify the caller for one contact; emits `verified` with the new state and closes."""

    verified = Signal(object)  # VerificationState
    #: Any state read while the dialog is open (attempts left, a lockout), for the profile header.
    state_read = Signal(object)  # VerificationState

    def __init__(self, verification: VerificationService, actor: Actor, contact: ContactRef,
                 header: ProfileHeader, worker: Operations, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verification = verification
        self.actor = actor
        self.contact = contact
        self.header = header
        self.worker = worker
        self.state: VerificationState | None = header.verification
        self.hints: list[str] | None = None
        self.sent: SentCode | None = None
        self._working = False
        lang = current_lang()
        self.setWindowTitle(self.tr("Verify identity – {name}").format(name=header.name))
        self.setMinimumWidth(560)

        title = QLabel(self.tr("Who is calling? {name}, {number}").format(name=header.name,
                                                                          number=header.customer_number))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        intro = QLabel(self.tr(
            "Use the least intrusive method that removes reasonable doubt. "
            "None of them needs the identity number: do not ask for it."
        ))
        intro.setWordWrap(True)
        self.attempts_label = QLabel()
        self.attempts_label.setAccessibleName(self.tr("Attempts left"))
        self.lock_label = notice(ERROR_STYLE, self.tr("Lockout"))

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Methods"))
        # Alt and the underlined letter opens a method's page; Ctrl+Tab walks them.
        self.tabs.addTab(self._questions_page(lang), self.tr("&Questions"))
        self.tabs.addTab(self._code_page(), self.tr("One-time &code"))
        self.tabs.addTab(self._document_page(lang), self.tr("ID &document"))
        self.tabs.addTab(self._eid_page(), self.tr("&Electronic ID"))

        self.error_label = notice(ERROR_STYLE, self.tr("Error"))
        self.info_label = notice(OK_STYLE, self.tr("Message"))
        self.busy = busy_bar(self.tr("Working"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.attempts_label)
        layout.addWidget(self.lock_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.info_label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

        self._show_state()
        self._load_hints()
        # The agent starts typing the first answer at once (the questions are the usual method).
        self.answer_edits[QUESTION_KINDS[0]].setFocus()

    # --- the pages ---------------------------------------------------------------------------

    def _questions_page(self, lang: str) -> QWidget:
        page = QWidget()
        self.hints_label = QLabel(self.tr("Finding out which questions the record can answer…"))
        self.hints_label.setWordWrap(True)
        self.hints_label.setAccessibleName(self.tr("Questions the record can answer"))
        self.answer_edits: dict[str, QLineEdit] = {}
        placeholders = {
            "order_number": "TP-1234567",
            "delivery_address": self.tr("Street or postcode"),
            "order_date": "31.12.2025",
            "order_amount": "1 299,00",
        }
        form = QFormLayout()
        for kind in QUESTION_KINDS:
            edit = QLineEdit()
            edit.setMaxLength(120)
            edit.setPlaceholderText(placeholders[kind])
            edit.setAccessibleName(label(kind, lang))
            edit.returnPressed.connect(self.check_answers)
            self.answer_edits[kind] = edit
            form.addRow(label(kind, lang) + ":", edit)
        note = QLabel(self.tr(
            "Ask at least two. If an answer is wrong, do not say which one: that would help someone guessing."
        ))
        note.setWordWrap(True)
        note.setEnabled(False)
        self.answers_button = QPushButton(self.tr("Check the &answers"))
        self.answers_button.clicked.connect(self.check_answers)
        box = QVBoxLayout(page)
        box.addWidget(self.hints_label)
        box.addLayout(form)
        box.addWidget(note)
        box.addWidget(self.answers_button, 0, Qt.AlignmentFlag.AlignRight)
        box.addStretch(1)
        return page

    def _code_page(self) -> QWidget:
        page = QWidget()
        header = self.header
        self.email_radio = QRadioButton(
            self.tr("E-mail to {address}").format(address=header.masked_email) if header.masked_email
            else self.tr("E-mail (none registered)")
        )
        self.sms_radio = QRadioButton(
            self.tr("SMS to {number}").format(number=header.masked_phone) if header.masked_phone
            else self.tr("SMS (no mobile number registered)")
        )
        self.email_radio.setEnabled(bool(header.masked_email))
        self.sms_radio.setEnabled(bool(header.masked_phone))
        self.channel_group = QButtonGroup(self)
        self.channel_group.addButton(self.email_radio)
        self.channel_group.addButton(self.sms_radio)
        (self.email_radio if header.masked_email else self.sms_radio).setChecked(True)
        self.send_button = QPushButton(icon("send"), self.tr("&Send code"))
        self.send_button.setEnabled(bool(header.masked_email or header.masked_phone))
        self.send_button.clicked.connect(self.send_code)
        self.sent_label = QLabel()
        self.sent_label.setWordWrap(True)
        self.sent_label.setAccessibleName(self.tr("Code sent"))
        self.sent_label.hide()
        outbox = self.verification.sms.path if isinstance(self.verification.sms, FileSmsGateway) else None
        self.outbox_label = QLabel(
            self.tr("Test set-up: text messages are written to the file {path}").format(path=outbox)
            if outbox is not None else ""
        )
        self.outbox_label.setWordWrap(True)
        self.outbox_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outbox_label.setStyleSheet(NOTICE_STYLE)
        self.outbox_label.setVisible(outbox is not None)
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(9)
        self.code_edit.setPlaceholderText("123 456")
        self.code_edit.setAccessibleName(self.tr("Code the customer reads out"))
        self.code_edit.returnPressed.connect(self.check_code)
        self.code_button = QPushButton(self.tr("Con&firm"))
        self.code_button.setEnabled(False)
        self.code_button.clicked.connect(self.check_code)
        code_row = QHBoxLayout()
        code_label = QLabel(self.tr("C&ode:"))
        code_label.setBuddy(self.code_edit)
        code_row.addWidget(code_label)
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.code_button)
        box = QVBoxLayout(page)
        box.addWidget(QLabel(self.tr("Send a code to what is registered, never to an address the caller gives:")))
        box.addWidget(self.email_radio)
        box.addWidget(self.sms_radio)
        box.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.sent_label)
        box.addWidget(self.outbox_label)
        box.addLayout(code_row)
        box.addStretch(1)
        return page

    def _document_page(self, lang: str) -> QWidget:
        page = QWidget()
        at_counter = self.contact.channel == "counter"
        note = QLabel(self.tr(
            "Only when the customer is at the counter. Look at the document and compare photo and name. "
            "Record its kind and last digits; no copy or image is stored."
        ))
        note.setWordWrap(True)
        self.counter_label = QLabel(self.tr(
            "This contact is by {channel}. Choose the channel \"{counter}\" in the profile to use this method."
        ).format(channel=label(self.contact.channel, lang).lower(), counter=label("counter", lang)))
        self.counter_label.setWordWrap(True)
        self.counter_label.setStyleSheet(NOTICE_STYLE)
        self.counter_label.setVisible(not at_counter)
        self.kind_combo = QComboBox()
        for kind in ID_DOCUMENT_KINDS:
            self.kind_combo.addItem(label(kind, lang), kind)
        self.kind_combo.setAccessibleName(self.tr("Document kind"))
        self.digits_edit = QLineEdit()
        self.digits_edit.setMaxLength(4)
        self.digits_edit.setPlaceholderText("1234")
        self.digits_edit.setAccessibleName(self.tr("Last digits of the document number"))
        form = QFormLayout()
        form.addRow(self.tr("Doc&ument:"), self.kind_combo)
        form.addRow(self.tr("&Last 2–4 digits:"), self.digits_edit)
        self.document_button = QPushButton(icon("approve"), self.tr("Document &matches"))
        self.document_button.clicked.connect(lambda: self.check_document(matched=True))
        self.mismatch_button = QPushButton(icon("reject"), self.tr("Does &not match"))
        self.mismatch_button.setAutoDefault(False)
        self.mismatch_button.clicked.connect(lambda: self.check_document(matched=False))
        for widget in (self.kind_combo, self.digits_edit, self.document_button, self.mismatch_button):
            widget.setEnabled(at_counter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.mismatch_button)
        row.addWidget(self.document_button)
        box = QVBoxLayout(page)
        box.addWidget(note)
        box.addWidget(self.counter_label)
        box.addLayout(form)
        box.addLayout(row)
        box.addStretch(1)
        return page

    def _eid_page(self) -> QWidget:
        page = QWidget()
        note = QLabel(self.tr(
            "When the customer has signed in with an electronic ID, record the provider and the "
            "transaction reference it gave. Not the identity number."
        ))
        note.setWordWrap(True)
        self.provider_combo = QComboBox()
        self.provider_combo.addItems(list(ELECTRONIC_ID_PROVIDERS))
        self.provider_combo.setAccessibleName(self.tr("Provider"))
        self.reference_edit = QLineEdit()
        self.reference_edit.setMaxLength(100)
        self.reference_edit.setAccessibleName(self.tr("Reference"))
        self.reference_edit.returnPressed.connect(self.check_eid)
        form = QFormLayout()
        form.addRow(self.tr("&Provider:"), self.provider_combo)
        form.addRow(self.tr("&Reference:"), self.reference_edit)
        self.eid_button = QPushButton(self.tr("Con&firm"))
        self.eid_button.clicked.connect(self.check_eid)
        box = QVBoxLayout(page)
        box.addWidget(note)
        box.addLayout(form)
        box.addWidget(self.eid_button, 0, Qt.AlignmentFlag.AlignRight)
        box.addStretch(1)
        return page

    # --- state -------------------------------------------------------------------------------

    def _action_buttons(self) -> list[QPushButton]:
        buttons = [self.answers_button, self.send_button, self.code_button, self.eid_button]
        if self.contact.channel == "counter":
            buttons += [self.document_button, self.mismatch_button]
        return buttons

    def _show_state(self) -> None:
        """Attempts left, or the lockout with its minutes; a lock disables every method."""
        state = self.state
        locked = state is not None and state.locked_until is not None
        if state is not None and state.locked_until is not None:
            minutes = minutes_left(state.locked_until, self.verification.clock())
            self.lock_label.setText(self.tr(
                "Verification is locked after three failed attempts: {minutes} min left (until {time})."
            ).format(minutes=minutes, time=local_time(state.locked_until)))
            self.attempts_label.setText(self.tr("No attempts left."))
        else:
            left = state.attempts_left if state is not None else 3
            self.attempts_label.setText(self.tr("1 attempt left before verification is locked.") if left == 1
                                        else self.tr("{count} attempts left before verification is locked.")
                                        .format(count=left))
        self.lock_label.setVisible(locked)
        for button in self._action_buttons():
            enabled = not locked and not self._working
            if button is self.code_button:
                enabled = enabled and self.sent is not None
            if button is self.send_button:
                enabled = enabled and bool(self.header.masked_email or self.header.masked_phone)
            button.setEnabled(enabled)

    def _load_hints(self) -> None:
        contact_id = self.contact.contact_id

        def job() -> tuple[list[str], VerificationState]:
            return (self.verification.question_hints(self.actor, contact_id),
                    self.verification.is_verified(contact_id))

        def done(result: tuple[list[str], VerificationState]) -> None:
            hints, self.state = result
            self.hints = hints
            lang = current_lang()
            if hints:
                self.hints_label.setText(self.tr("The record can answer: {kinds}.").format(
                    kinds=", ".join(label(k, lang) for k in hints)))
            else:
                self.hints_label.setText(self.tr(
                    "The record has no orders or deliveries to ask about: choose another method."
                ))
            for kind, edit in self.answer_edits.items():
                edit.setEnabled(kind in hints)
            self._show_state()
            emit(self.state_read, self.state)

        self.worker.run(job, done, on_error=self._failed)

    # --- the attempts ------------------------------------------------------------------------

    def _run(self, call: Callable[[], VerificationState]) -> None:
        """One attempt: success closes the dialog; a failure shows the service's reason."""
        self._working = True
        self.error_label.hide()
        self.busy.show()
        self._show_state()
        self.worker.run(call, self._succeeded, on_error=self._failed)

    def _succeeded(self, state: VerificationState) -> None:
        self._working = False
        self.busy.hide()
        self.state = state
        emit(self.verified, state)
        self.accept()

    def _show_error(self, error: BaseException | str) -> None:
        """In this dialog's own label: its calls run on the profile's thread, whose label is the profile's."""
        self.error_label.setText(error if isinstance(error, str) else error_text(error))
        self.error_label.show()

    def _failed(self, exc: BaseException) -> None:
        self._working = False
        self.busy.hide()
        self._show_error(exc)
        if isinstance(exc, VerificationFailed | VerificationLocked):
            self._refresh_state()
        else:
            self._show_state()

    def _refresh_state(self) -> None:
        contact_id = self.contact.contact_id

        def done(state: VerificationState) -> None:
            self.state = state
            self._show_state()
            emit(self.state_read, state)

        self.worker.run(lambda: self.verification.is_verified(contact_id), done,
                        on_error=lambda _exc: self._show_state())

    def check_answers(self) -> None:
        answers = {kind: edit.text().strip() for kind, edit in self.answer_edits.items()
                   if edit.isEnabled() and edit.text().strip()}
        if len(answers) < 2:
            self._show_error(self.tr("Fill in at least two answers."))
            return
        contact_id = self.contact.contact_id
        self._run(lambda: self.verification.verify_by_questions(self.actor, contact_id, answers))

    def send_code(self) -> None:
        channel = "email" if self.email_radio.isChecked() else "sms"
        contact_id = self.contact.contact_id
        self._working = True
        self.error_label.hide()
        self.info_label.hide()
        self.busy.show()
        self._show_state()

        def done(sent: SentCode) -> None:
            self._working = False
            self.busy.hide()
            self.sent = sent
            how = self.tr("e-mail") if sent.channel == "email" else self.tr("SMS")
            self.sent_label.setText(self.tr(
                "A code was sent by {how} to {to}. It is valid until {time}; ask the customer to read it out."
            ).format(how=how, to=sent.sent_to, time=local_time(sent.expires_at)))
            self.sent_label.show()
            self._show_state()
            self.code_edit.setFocus()

        self.worker.run(lambda: self.verification.send_code(self.actor, contact_id, channel), done,
                        on_error=self._failed)

    def check_code(self) -> None:
        code = self.code_edit.text().strip()
        if not code:
            self._show_error(self.tr("Type the code the customer reads out."))
            return
        contact_id = self.contact.contact_id
        self._run(lambda: self.verification.verify_code(self.actor, contact_id, code))

    def check_document(self, *, matched: bool) -> None:
        kind = str(self.kind_combo.currentData())
        digits = self.digits_edit.text().strip()
        contact_id = self.contact.contact_id
        self._run(lambda: self.verification.verify_id_document(self.actor, contact_id, kind, digits,
                                                               matched=matched))

    def check_eid(self) -> None:
        provider = self.provider_combo.currentText()
        reference = self.reference_edit.text().strip()
        contact_id = self.contact.contact_id
        self._run(lambda: self.verification.verify_electronic_id(self.actor, contact_id, provider, reference))
