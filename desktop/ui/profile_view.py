"""The customer opened during a call: who it is, what the shop holds by purpose, and nothing more
than the task needs.

Why it is shaped like this:
- Opening a customer starts a contact (`VerificationService.start_contact`): the unit a
  verification or a recorded reason belongs to. The contact ends when the agent ends the call,
  presses Esc, or opens someone else, so a verification never carries over to the next caller.
- Until the contact is verified, or a reason recorded, the eight purposes show only what the
  policy says about them (basis, retention, recipients, how many records); their records stay
  locked. The service enforces this too (`NeedToKnow`): the lock here only saves a refused call.
- Every service call runs on one private worker thread, so a heavy customer (thousands of orders)
  never freezes the window while the agent is talking. One thread keeps the calls in order: the
  previous contact is ended before the next one starts. Each call checks `Operations.current`
  for the customer it was asked for; an answer for a customer no longer shown is dropped, and a
  contact it started is ended.
- A group is read once per contact when first expanded (one access-log entry); its tables page on
  as they scroll (`canFetchMore`/`fetchMore`), one entry per page, as the service logs them.
- The full identity number takes a reason and the password, then hides itself again on a visible
  countdown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.profile import NeedToKnow, ProfileService
from desktop.services.verification import CHANNELS, label
from desktop.ui.common import busy_bar, local_time
from desktop.ui.dialogs import DialogService
from desktop.ui.i18n import current_lang
from desktop.ui.icons import icon
from desktop.ui.operations import Operations, error_text
from desktop.ui.profile.model import RecordTableModel
from desktop.ui.profile.reveal import RevealDialog
from desktop.ui.profile.section import PurposeSection
from desktop.ui.qt_compat import emit
from desktop.ui.styles import ERROR_STYLE, INFO_STYLE, NOTICE_STYLE, OK_STYLE, notice
from desktop.ui.theme import set_tone

if TYPE_CHECKING:
    import logging

    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext
    from desktop.services.profile import ProfileHeader, PurposeGroup, RecordRow, RevealedId
    from desktop.services.verification import ContactRef, VerificationService, VerificationState
    from desktop.ui.verify_dialog import VerifyDialog


def _log() -> logging.Logger:
    """Imported on first use, as everywhere in the UI."""
    import logging  # lazy: startup time

    return logging.getLogger(__name__)


#: The countdown of a revealed identity number ticks this often (tests shorten it).
REVEAL_TICK_MS = 1000
DEFAULT_CHANNEL = "phone"


#: The key of every call about the customer on screen (`Operations`): a new customer supersedes them.
_CUSTOMER = "customer"


class ProfileView(QWidget):
    """The right-hand pane: the customer opened for the current contact."""

    #: The profile of this customer id is on screen.
    opened = Signal(int)
    #: Opening failed; the text is for the agent.
    open_failed = Signal(str)
    #: The contact ended and the pane is empty again.
    contact_closed = Signal()
    #: The verification state of the contact changed (VerificationState).
    state_changed = Signal(object)
    #: A group's records are on screen (purpose key).
    group_shown = Signal(str)

    def __init__(self, ctx: DeskContext, actor: Actor, verification: VerificationService, *,
                 dialogs: DialogService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.verification = verification
        self.dialogs = dialogs
        self.profiles = ProfileService(ctx, lang=current_lang())
        self.worker = Operations(self)
        self.header: ProfileHeader | None = None
        self.contact: ContactRef | None = None
        self.state: VerificationState | None = None
        self.sections: dict[str, PurposeSection] = {}
        self.verify_dialog: VerifyDialog | None = None
        self.reveal_dialog: RevealDialog | None = None
        self.revealed: RevealedId | None = None
        self._opening: int | None = None
        self._reveal_left = 0
        self.setAccessibleName(self.tr("Customer profile"))

        self.stack = QStackedWidget()
        self.empty_label = QLabel(self.tr(
            "No customer is open.\n\nSearch, pick a person with the arrow keys and press Enter."
        ))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        set_tone(self.empty_label, "muted")
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self._build_profile_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._reveal_timer = QTimer(self)
        self._reveal_timer.timeout.connect(self._reveal_tick)
        self._expiry_timer = QTimer(self)
        self._expiry_timer.setSingleShot(True)
        self._expiry_timer.timeout.connect(self.refresh_state)
        self.worker.busy_changed.connect(self._busy_changed)

    # --- building ----------------------------------------------------------------------------

    def _build_profile_page(self) -> QWidget:
        page = QWidget()
        self.name_label = QLabel()
        self.name_label.setAccessibleName(self.tr("Name"))
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)

        self.number_value = self._value(self.tr("Customer number"))
        self.email_value = self._value(self.tr("E-mail"))
        self.phone_value = self._value(self.tr("Phone"))
        self.nid_value = self._value(self.tr("Identity number"))
        self.reveal_button = QPushButton(icon("reveal"), self.tr("Show"))
        self.reveal_button.setAccessibleName(self.tr("Show the full identity number"))
        self.reveal_button.setToolTip(self.tr("Show the full identity number (takes a reason and your password)"))
        self.reveal_button.setAutoDefault(False)
        self.reveal_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.reveal_button.clicked.connect(self._reveal_clicked)
        self.countdown_label = QLabel()
        self.countdown_label.setAccessibleName(self.tr("Hides in"))
        set_tone(self.countdown_label, "danger", bold=True)
        self.countdown_label.hide()
        nid_row = QHBoxLayout()
        nid_row.setContentsMargins(0, 0, 0, 0)
        nid_row.setSpacing(10)
        nid_row.addWidget(self.nid_value)
        nid_row.addWidget(self.reveal_button)
        nid_row.addWidget(self.countdown_label)
        nid_row.addStretch(1)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.addWidget(QLabel(self.tr("Customer number:")), 0, 0)
        grid.addWidget(self.number_value, 0, 1)
        grid.addWidget(QLabel(self.tr("E-mail:")), 0, 2)
        grid.addWidget(self.email_value, 0, 3)
        grid.addWidget(QLabel(self.tr("Phone:")), 1, 2)
        grid.addWidget(self.phone_value, 1, 3)
        grid.addWidget(QLabel(self.tr("Identity number:")), 1, 0)
        grid.addLayout(nid_row, 1, 1)
        grid.setColumnMinimumWidth(1, self.fontMetrics().horizontalAdvance("000000 00000") + 140)  # + the button
        grid.setColumnStretch(4, 1)

        self.restricted_label = notice(ERROR_STYLE, self.tr("Restriction notice"))
        self.restricted_label.setText(self.tr(
            "Processing is restricted for this customer: the data may be stored, not otherwise used."
        ))
        self.state_label = notice(NOTICE_STYLE, self.tr("Identity status"))
        self.state_label.show()

        self.verify_button = QPushButton(icon("verify"), self.tr("&Verify identity"))
        self.verify_button.setAccessibleName(self.tr("Verify identity"))
        self.verify_button.setAutoDefault(False)
        self.verify_button.clicked.connect(self.open_verify_dialog)
        self.reason_button = QPushButton(icon("reason"), self.tr("Record reas&on"))
        self.reason_button.setToolTip(self.tr(
            "See more without verifying the caller, for example for an internal fraud check; the reason is logged"
        ))
        self.reason_button.setAutoDefault(False)
        self.reason_button.clicked.connect(self.ask_reason)
        self.channel_combo = QComboBox()
        self.channel_combo.setAccessibleName(self.tr("Contact channel"))
        for key in CHANNELS:
            self.channel_combo.addItem(label(key, current_lang()), key)
        self.channel_combo.setCurrentIndex(CHANNELS.index(DEFAULT_CHANNEL))
        self.channel_combo.setToolTip(self.tr("How the customer is in touch; changing it starts a new contact"))
        self.channel_combo.activated.connect(self._channel_chosen)
        self.end_button = QPushButton(icon("end-call"), self.tr("End call"))
        self.end_button.setAccessibleName(self.tr("End call"))
        self.end_button.setToolTip(self.tr("End the contact and close the customer (Esc)"))
        self.end_button.setShortcut(QKeySequence("Ctrl+W"))
        self.end_button.setAutoDefault(False)
        self.end_button.clicked.connect(self.close_contact)
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.verify_button)
        actions.addWidget(self.reason_button)
        channel_label = QLabel(self.tr("Cha&nnel:"))
        channel_label.setBuddy(self.channel_combo)
        actions.addSpacing(8)
        actions.addWidget(channel_label)
        actions.addWidget(self.channel_combo)
        actions.addStretch(1)
        actions.addWidget(self.end_button)

        self.error_label = notice(ERROR_STYLE, self.tr("Error"))
        self.busy = busy_bar(self.tr("Working"))
        self.lock_label = notice(NOTICE_STYLE, self.tr("Locked notice"))
        self.lock_label.setText(self.tr(
            "Verify the identity to see more. Until then only what finds the person is shown."
        ))

        self.groups_box = QVBoxLayout()
        self.groups_box.setContentsMargins(0, 0, 0, 0)
        self.groups_box.setSpacing(6)
        groups = QWidget()
        outer_groups = QVBoxLayout(groups)
        outer_groups.setContentsMargins(0, 0, 4, 0)
        outer_groups.addLayout(self.groups_box)
        outer_groups.addStretch(1)
        self.groups_scroll = QScrollArea()
        self.groups_scroll.setWidgetResizable(True)
        self.groups_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.groups_scroll.setWidget(groups)
        self.groups_scroll.setAccessibleName(self.tr("Purposes"))

        title = QLabel(self.tr("What we hold, by purpose"))
        title_font = QFont(title.font())
        title_font.setBold(True)
        title.setFont(title_font)

        box = QVBoxLayout(page)
        box.setContentsMargins(6, 4, 6, 4)
        box.setSpacing(6)
        box.addWidget(self.name_label)
        box.addLayout(grid)
        box.addWidget(self.restricted_label)
        box.addWidget(self.state_label)
        box.addLayout(actions)
        box.addWidget(self.busy)
        box.addWidget(self.error_label)
        box.addWidget(title)
        box.addWidget(self.lock_label)
        box.addWidget(self.groups_scroll, 1)
        return page

    @staticmethod
    def _value(name: str) -> QLabel:
        widget = QLabel()
        widget.setAccessibleName(name)
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return widget

    # --- state -------------------------------------------------------------------------------

    @property
    def customer_id(self) -> int | None:
        return self.header.customer_id if self.header is not None else None

    @property
    def contact_id(self) -> int | None:
        return self.contact.contact_id if self.contact is not None else None

    @property
    def channel(self) -> str:
        return str(self.channel_combo.currentData() or DEFAULT_CHANNEL)

    def is_busy(self) -> bool:
        return self.worker.is_busy()

    def is_opening(self) -> bool:
        return self._opening is not None

    def _busy_changed(self, on: bool) -> None:
        self.busy.setVisible(on and self.header is not None)

    # --- opening and closing -----------------------------------------------------------------

    def open_customer(self, customer_id: int) -> None:
        """Start a contact with this customer and show the header; the previous contact ends first."""
        if customer_id in (self.customer_id, self._opening):
            return
        self._end_current()
        self._opening = customer_id
        is_current = self.worker.current(_CUSTOMER)
        channel = self.channel
        self.empty_label.setText(self.tr("Opening the customer…"))

        def job() -> tuple[ContactRef, ProfileHeader] | None:
            if not is_current():
                return None  # superseded while queued: no contact, no access-log entry
            ref = self.verification.start_contact(self.actor, customer_id, channel)
            try:
                return ref, self.profiles.open_profile(self.actor, customer_id, ref.contact_id)
            except BaseException:
                self.verification.end_contact(self.actor, ref.contact_id)
                raise

        def done(result: tuple[ContactRef, ProfileHeader] | None) -> None:
            if not is_current():
                if result is not None:
                    self._end_later(result[0])
                return
            self._opening = None
            if result is not None:
                self._show(*result)

        def failed(exc: BaseException) -> None:
            if not is_current():
                return
            self._opening = None
            self._show_empty()
            emit(self.open_failed, error_text(exc))

        self.worker.run(job, done, on_error=failed)

    def close_contact(self) -> None:
        """End the call: the contact ends (its verification with it) and the pane empties."""
        had = self.header is not None or self._opening is not None
        self._end_current()
        if had:
            emit(self.contact_closed)

    def _end_current(self) -> None:
        self.worker.invalidate(_CUSTOMER)
        self._opening = None
        if self.contact is not None:
            self._end_later(self.contact)
        self._clear()

    def _end_later(self, ref: ContactRef) -> None:
        def job() -> None:
            self.verification.end_contact(self.actor, ref.contact_id)

        def failed(exc: BaseException) -> None:
            # The error's class only: a message may quote what was typed (the log holds ids, no data).
            _log().warning("could not end contact %s (%s)", ref.contact_id, type(exc).__name__)

        self.worker.run(job, lambda _: None, on_error=failed)

    def shutdown(self) -> None:
        """Before the desk closes: end the contact and wait until that is written."""
        self._end_current()
        self.worker.wait()

    def _clear(self) -> None:
        self._expiry_timer.stop()
        for dialog in (self.verify_dialog, self.reveal_dialog):
            if dialog is not None:
                dialog.reject()
        self.verify_dialog = self.reveal_dialog = None
        self.header = None
        self.contact = None
        self.state = None
        self._hide_revealed()
        for value in (self.name_label, self.number_value, self.email_value, self.phone_value):
            value.clear()
        for section in self.sections.values():
            # Kept for the next customer (the policy is the same), but locked and emptied now.
            section.set_locked(True)
        self.error_label.hide()
        self._show_empty()

    def _show_empty(self) -> None:
        self.empty_label.setText(self.tr(
            "No customer is open.\n\nSearch, pick a person with the arrow keys and press Enter."
        ))
        self.stack.setCurrentIndex(0)

    def _show(self, ref: ContactRef, header: ProfileHeader) -> None:
        self.contact = ref
        self.header = header
        self.name_label.setText(header.name)
        self.number_value.setText(header.customer_number or "–")
        self.email_value.setText(header.masked_email or "–")
        self.phone_value.setText(header.masked_phone or "–")
        self.nid_value.setText(header.masked_national_id or "–")
        self.reveal_button.setText(self.tr("Show"))
        self.reveal_button.setVisible(bool(header.masked_national_id))
        self.restricted_label.setVisible(header.restricted)
        self.channel_combo.setCurrentIndex(CHANNELS.index(ref.channel) if ref.channel in CHANNELS else 0)
        self._place_sections(header)
        self.stack.setCurrentIndex(1)
        self.groups_scroll.verticalScrollBar().setValue(0)
        if header.verification is not None:
            self.set_state(header.verification)
        emit(self.opened, header.customer_id)

    def _place_sections(self, header: ProfileHeader) -> None:
        """One section per purpose; the policy is the same for every customer, so they are reused."""
        same = [PurposeSection.policy_text(p) for p in header.purposes] == \
            [PurposeSection.policy_text(s.summary) for s in self.sections.values()]
        if same:
            for summary in header.purposes:
                self.sections[summary.key].reuse_for(summary)
            return
        for section in self.sections.values():
            section.unload()
            # Out of the layout is not off the screen: hidden now, deleted when the loop comes round.
            self.groups_box.removeWidget(section)
            section.hide()
            section.deleteLater()
        self.sections = {}
        for summary in header.purposes:
            section = PurposeSection(summary)
            section.toggled.connect(self._section_toggled)
            section.set_locked(True)
            self.groups_box.addWidget(section)
            self.sections[summary.key] = section

    # --- need to know ------------------------------------------------------------------------

    def may_see_more(self) -> bool:
        return self.state is not None and self.state.may_see_more

    def set_state(self, state: VerificationState) -> None:
        """Show where the contact stands and lock or unlock the groups to match."""
        self.state = state
        self.state_label.setText(self.state_text(state))
        if state.verified:
            style = OK_STYLE
        elif state.has_reason:
            style = INFO_STYLE
        elif state.locked:
            style = ERROR_STYLE
        else:
            style = NOTICE_STYLE
        self.state_label.setStyleSheet(style)
        open_ = state.may_see_more
        self.lock_label.setVisible(not open_)
        for section in self.sections.values():
            section.set_locked(not open_)
        self.verify_button.setEnabled(not state.verified and state.contact_open)
        self.reason_button.setEnabled(not open_ and state.contact_open)
        self._expiry_timer.stop()
        until = state.expires_at if state.verified else state.access_reason_until
        if open_ and until is not None:
            ms = (until - self.verification.clock()).total_seconds() * 1000
            # Re-check when the verification lapses; timers cannot wait longer than ~24 days.
            self._expiry_timer.start(int(min(max(ms, 0) + 500, 2**31 - 1)))
        emit(self.state_changed, state)

    def state_text(self, state: VerificationState) -> str:
        """One line for the header. The stored evidence is English (it is the log's), so it stays out."""
        if not state.contact_open:
            return self.tr("The contact has ended.")
        if state.verified and state.expires_at is not None:
            return self.tr("Identity verified ({method}), valid until {time}.").format(
                method=label(state.method or "", current_lang()), time=local_time(state.expires_at))
        if state.access_reason is not None:
            return self.tr("Not verified; reason recorded: {reason}").format(reason=state.access_reason)
        if state.locked_until is not None:
            return self.tr("Not verified; verification is locked until {time}.").format(
                time=local_time(state.locked_until))
        if state.expires_at is not None:
            return self.tr("The verification expired at {time}; verify the identity again.").format(
                time=local_time(state.expires_at))
        return self.tr("Identity not verified.")

    def refresh_state(self) -> None:
        """Read the contact's state again (it logs nothing): a verification may have lapsed."""
        ref = self.contact
        is_current = self.worker.current(_CUSTOMER)
        if ref is None:
            return

        def done(state: VerificationState) -> None:
            if is_current():
                self.set_state(state)

        self.worker.run(lambda: self.verification.is_verified(ref.contact_id), done, on_error=self._action_failed)

    def open_verify_dialog(self) -> None:
        if self.header is None or self.contact is None:
            return
        from desktop.ui.verify_dialog import VerifyDialog  # lazy: startup time

        dialog = VerifyDialog(self.verification, self.actor, self.contact, self.header, self.worker, parent=self)
        dialog.verified.connect(self.set_state)
        dialog.state_read.connect(self.set_state)
        dialog.finished.connect(lambda _result: self._dialog_finished(dialog))
        self.verify_dialog = dialog
        # open(), not exec(): modal for the window, yet the event loop (and the worker's answers) run on.
        dialog.open()

    def _dialog_finished(self, dialog: QDialog) -> None:
        if self.verify_dialog is dialog:
            self.verify_dialog = None
        if self.reveal_dialog is dialog:
            self.reveal_dialog = None
        dialog.deleteLater()

    def ask_reason(self) -> None:
        ref = self.contact
        is_current = self.worker.current(_CUSTOMER)
        if ref is None:
            return
        text = self.dialogs.ask_text(self, self.tr("Record a reason"), self.tr(
            "Why do you need to see more without verifying the caller?\n"
            "For example: internal fraud check of order TP-1234567. The reason is logged."
        ))
        if text is None or not text.strip():
            return
        reason = text.strip()

        def done(state: VerificationState) -> None:
            if is_current():
                self.error_label.hide()
                self.set_state(state)

        self.worker.run(lambda: self.verification.record_access_reason(self.actor, ref.contact_id, reason),
                           done, on_error=self._action_failed)

    def _channel_chosen(self, _index: int) -> None:
        self.set_channel(self.channel)

    def set_channel(self, channel: str) -> None:
        """The contact's channel is part of its record (an ID document needs the counter): a new one starts."""
        if channel not in CHANNELS:
            return
        self.channel_combo.setCurrentIndex(CHANNELS.index(channel))
        ref = self.contact
        is_current = self.worker.current(_CUSTOMER)
        if ref is None or channel == ref.channel:
            return
        self._end_later(ref)
        # Nothing may act on the old contact meanwhile: its verification ends with it.
        self.contact = None
        for section in self.sections.values():
            section.set_locked(True)
        self.verify_button.setEnabled(False)
        self.reason_button.setEnabled(False)

        def job() -> tuple[ContactRef, VerificationState]:
            new = self.verification.start_contact(self.actor, ref.customer_id, channel)
            return new, self.verification.is_verified(new.contact_id)

        def done(result: tuple[ContactRef, VerificationState]) -> None:
            if not is_current():
                self._end_later(result[0])
                return
            self.contact = result[0]
            self.set_state(result[1])

        self.worker.run(job, done, on_error=self._action_failed)

    def _action_failed(self, exc: BaseException) -> None:
        if self.header is None:
            return
        self.error_label.setText(error_text(exc))
        self.error_label.show()

    # --- the groups --------------------------------------------------------------------------

    def _section_toggled(self, key: str, on: bool) -> None:
        section = self.sections.get(key)
        if section is None or not on or section.group is not None or section.loading:
            return
        self.load_group(key)

    def load_group(self, key: str) -> None:
        """Read one purpose's records (one access-log entry), off the GUI thread."""
        section = self.sections.get(key)
        ref, header = self.contact, self.header
        is_current = self.worker.current(_CUSTOMER)
        if section is None or ref is None or header is None:
            return
        if not self.may_see_more():
            section.collapse()
            return
        section.set_loading(True)
        customer_id, contact_id = header.customer_id, ref.contact_id

        def done(group: PurposeGroup) -> None:
            if not is_current() or self.sections.get(key) is not section or self.contact is not ref:
                return
            models = [RecordTableModel(table, self._pager(customer_id, key, table.record_kind, contact_id),
                                       self.worker, page_size=self.profiles.page_size) for table in group.tables]
            section.show_group(group, models)
            emit(self.group_shown, key)

        def failed(exc: BaseException) -> None:
            if not is_current() or self.sections.get(key) is not section:
                return
            section.show_error(error_text(exc))
            if isinstance(exc, NeedToKnow):
                self.refresh_state()

        self.worker.run(lambda: self.profiles.open_group(self.actor, customer_id, key, contact_id), done,
                        on_error=failed)

    def _pager(self, customer_id: int, key: str, kind: str, contact_id: int) -> Callable[[int, int], list[RecordRow]]:
        def fetch(offset: int, limit: int) -> list[RecordRow]:
            return self.profiles.fetch_rows(self.actor, customer_id, key, kind, contact_id, offset=offset, limit=limit)

        return fetch

    # --- the identity number in full ---------------------------------------------------------

    def _reveal_clicked(self) -> None:
        if self.revealed is not None:
            self._hide_revealed()
            return
        self.ask_reveal()

    def ask_reveal(self) -> None:
        ref, header = self.contact, self.header
        is_current = self.worker.current(_CUSTOMER)
        if header is None:
            return
        customer_id, contact_id = header.customer_id, ref.contact_id if ref is not None else None

        def reveal(reason: str, password: str) -> RevealedId:
            return self.profiles.reveal_national_id(self.actor, customer_id, contact_id, reason, password)

        from desktop.services.profile import REVEAL_SECONDS  # lazy: startup time

        dialog = RevealDialog(reveal, self.worker, seconds=REVEAL_SECONDS, parent=self)
        dialog.revealed.connect(lambda revealed: self._show_revealed(revealed, is_current))
        dialog.finished.connect(lambda _result: self._dialog_finished(dialog))
        self.reveal_dialog = dialog
        dialog.open()

    def _show_revealed(self, revealed: RevealedId, is_current: Callable[[], bool]) -> None:
        if not is_current() or self.customer_id != revealed.customer_id:
            return
        self.revealed = revealed
        self.nid_value.setText(revealed.formatted)
        self.reveal_button.setText(self.tr("Hide"))
        self._reveal_left = max(1, revealed.hide_after_seconds)
        self._show_countdown()
        self.countdown_label.show()
        self._reveal_timer.start(REVEAL_TICK_MS)

    def _show_countdown(self) -> None:
        self.countdown_label.setText(self.tr("Hides in {seconds} s").format(seconds=self._reveal_left))

    def _reveal_tick(self) -> None:
        self._reveal_left -= 1
        if self._reveal_left <= 0:
            self._hide_revealed()
        else:
            self._show_countdown()

    def conceal(self) -> None:
        """Before the desk locks: a full identity number on show goes back to its masked form."""
        self._hide_revealed()

    def _hide_revealed(self) -> None:
        self._reveal_timer.stop()
        self.revealed = None
        self.countdown_label.hide()
        self.reveal_button.setText(self.tr("Show"))
        if self.header is not None:
            self.nid_value.setText(self.header.masked_national_id or "–")
        else:
            self.nid_value.clear()
