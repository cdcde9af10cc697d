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
  previous contact is ended before the next one starts. Each answer carries the generation it was
  asked in; an answer for a customer no longer shown is dropped, and a contact it started is ended.
- A group is read once per contact when first expanded (one access-log entry); its tables page on
  as they scroll (`canFetchMore`/`fetchMore`), one entry per page, as the service logs them.
- The full identity number takes a reason and the password, then hides itself again on a visible
  countdown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.profile import PAGE_SIZE, NeedToKnow, ProfileService
from desktop.services.verification import CHANNELS, label
from desktop.ui.common import (
    ServiceWorker,
    busy_bar,
    count_text,
    error_text,
    field_line,
    local_date,
    local_time,
)
from desktop.ui.dialogs import DialogService
from desktop.ui.formatting import format_date
from desktop.ui.i18n import current_lang
from desktop.ui.icons import icon
from desktop.ui.qt_compat import emit
from desktop.ui.styles import ERROR_STYLE, INFO_STYLE, NOTICE_STYLE, OK_STYLE, notice
from desktop.ui.theme import set_tone, tone

__all__ = [  # the shared pieces stay importable from here for screens written against this module
    "INFO_STYLE", "OK_STYLE", "ProfileView", "ServiceWorker", "busy_bar", "count_text", "error_text",
    "field_line", "local_date", "local_time", "notice",
]

if TYPE_CHECKING:
    import logging

    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext
    from desktop.services.profile import ProfileHeader, PurposeGroup, PurposeSummary, RecordRow, RecordTable, RevealedId
    from desktop.services.verification import ContactRef, VerificationService, VerificationState
    from desktop.ui.verify_dialog import VerifyDialog


def _log() -> logging.Logger:
    """Imported on first use, as everywhere in the UI."""
    import logging

    return logging.getLogger(__name__)


T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex

#: The countdown of a revealed identity number ticks this often (tests shorten it).
REVEAL_TICK_MS = 1000
#: Widest a record column starts, so one long browser string does not push the rest off screen.
MAX_COLUMN_WIDTH = 300
DEFAULT_CHANNEL = "phone"



class _Generation:
    """The number of the customer shown; read by the worker thread to skip work nobody will see."""

    def __init__(self) -> None:
        self.value = 0


# --- the record tables -----------------------------------------------------------------------------


class RecordTableModel(QAbstractTableModel):
    """One record kind of one purpose: the first page from `open_group`, further pages on demand.

    The record's own columns come from the service; four columns follow that the policy asks of
    every record: when it was collected, from where, until when it is kept, and whether it is
    restricted or under a legal hold.
    """

    RecordIdRole = Qt.ItemDataRole.UserRole + 1
    RetentionDueRole = Qt.ItemDataRole.UserRole + 2
    MarkedRole = Qt.ItemDataRole.UserRole + 3

    #: A further page failed; the text is for the agent.
    fetch_failed = Signal(str)
    #: A further page is being fetched (True) or has arrived or failed (False).
    loading_changed = Signal(bool)

    def __init__(self, table: RecordTable, fetch_page: Callable[[int, int], list[RecordRow]],
                 worker: ServiceWorker, *, page_size: int = PAGE_SIZE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.record_kind = table.record_kind
        self.title = table.title
        self._columns = table.columns
        self._total = table.total
        self._rows: list[RecordRow] = list(table.rows)
        self._fetch_page = fetch_page
        self._worker = worker
        self._page_size = page_size
        self._loading = False
        self._failed = False
        self._closed = False
        base = len(self._columns)
        self.COL_COLLECTED, self.COL_SOURCE, self.COL_RETENTION, self.COL_MARKERS = base, base + 1, base + 2, base + 3

    @property
    def total(self) -> int:
        return self._total

    def close(self) -> None:
        """The table is going away: an answer still on its way is dropped, and a queued page not read."""
        self._closed = True

    def is_loading(self) -> bool:
        return self._loading

    # --- lazy paging -------------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        return (not parent.isValid() and not self._closed and not self._loading and not self._failed
                and len(self._rows) < self._total)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._loading = True
        emit(self.loading_changed, True)
        offset, limit = len(self._rows), self._page_size

        def job() -> list[RecordRow]:
            return [] if self._closed else self._fetch_page(offset, limit)

        self._worker.submit(job, self._page_arrived, self._page_failed)

    def _page_arrived(self, rows: list[RecordRow]) -> None:
        if self._closed:
            return
        self._loading = False
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        else:
            self._total = len(self._rows)  # fewer records than counted (one was erased meanwhile)
        emit(self.loading_changed, False)

    def _page_failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        self._loading = False
        self._failed = True
        emit(self.loading_changed, False)
        emit(self.fetch_failed, error_text(exc))

    # --- the table ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns) + 4

    def row(self, row: int) -> RecordRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def markers(self, record: RecordRow) -> str:
        parts = []
        if record.restricted:
            parts.append(self.tr("Restricted"))
        if record.legal_hold_until is not None:
            held = format_date(record.legal_hold_until)
            parts.append(self.tr("Legal hold until {date}").format(date=held))
        return "; ".join(parts)

    def _cell(self, record: RecordRow, column: int) -> str:
        if column < len(self._columns):
            return record.values[column] if column < len(record.values) else ""
        if column == self.COL_COLLECTED:
            return local_date(record.collected_at)
        if column == self.COL_SOURCE:
            return record.source
        if column == self.COL_RETENTION:
            return record.retention
        return self.markers(record)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid():
            return None
        record = self.row(index.row())
        if record is None or not 0 <= index.column() < self.columnCount():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(record, index.column())
        marked = record.restricted or record.legal_hold_until is not None
        if role == Qt.ItemDataRole.BackgroundRole and marked:
            return tone("warning").background  # asked at paint time: right in the light and dark palette
        if role == Qt.ItemDataRole.ForegroundRole and marked:
            return tone("warning").text
        if role == self.RecordIdRole:
            return record.record_id
        if role == self.RetentionDueRole:
            return record.retention_due
        if role == self.MarkedRole:
            return marked
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < len(self._columns):
            return self._columns[section].label(current_lang())
        return {
            self.COL_COLLECTED: self.tr("Collected"),
            self.COL_SOURCE: self.tr("Source"),
            self.COL_RETENTION: self.tr("Kept until"),
            self.COL_MARKERS: self.tr("Restriction / legal hold"),
        }.get(section)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def record_view(model: RecordTableModel) -> QTableView:
    view = QTableView()
    view.setAccessibleName(model.title)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table; the arrows walk it
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    view.setMinimumHeight(view.fontMetrics().height() * 12)
    # One page is at most PAGE_SIZE rows, so measuring it is cheap; later pages keep the widths.
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        if header.sectionSize(column) > MAX_COLUMN_WIDTH:
            header.resizeSection(column, MAX_COLUMN_WIDTH)
    return view


# --- one purpose -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _BodyParts:
    busy: QProgressBar
    error_label: QLabel
    purpose_label: QLabel
    empty_label: QLabel
    tabs: QTabWidget
    record_label: QLabel



class PurposeSection(QFrame):
    """A purpose of the policy as a collapsible group: what the policy says, then the records."""

    #: The agent expanded (True) or collapsed (False) the group; the key names the purpose.
    toggled = Signal(str, bool)

    def __init__(self, summary: PurposeSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.key = summary.key
        self.group: PurposeGroup | None = None
        self.models: list[RecordTableModel] = []
        self.loading = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Purpose {number}: {title}").format(number=summary.number,
                                                                          title=summary.title))

        self.toggle_button = QToolButton()
        self.toggle_button.setCheckable(True)
        self.toggle_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle_button.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle_button.setText(f"{summary.number}. {summary.title.replace('&', '&&')}")
        if 0 < summary.number < 10:
            # Alt and the purpose's number opens or closes it (listed under Help, Keyboard shortcuts).
            self.toggle_button.setShortcut(QKeySequence(f"Alt+{summary.number}"))
        self.toggle_button.setAutoRaise(True)
        font = QFont(self.toggle_button.font())
        font.setBold(True)
        self.toggle_button.setFont(font)
        self.toggle_button.setAccessibleName(f"{summary.number}. {summary.title}")
        self.toggle_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toggle_button.toggled.connect(self._toggled)

        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Number of records"))
        self.set_count(summary.record_count)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.toggle_button, 1)
        top.addWidget(self.count_label)

        basis = self.tr("{basis} (GDPR Art. {article})").format(basis=summary.legal_basis,
                                                              article=summary.legal_basis_article)
        recipients = ", ".join(summary.recipients) or self.tr("none")
        self.meta_label = QLabel("<br>".join(field_line(name, value) for name, value in (
            (self.tr("Legal basis:"), basis),
            (self.tr("Retention:"), summary.retention),
            (self.tr("Recipients:"), recipients),
        )))
        self.meta_label.setTextFormat(Qt.TextFormat.RichText)
        self.meta_label.setWordWrap(True)
        self.meta_label.setAccessibleName(self.tr("What the policy says"))
        self.meta_label.setContentsMargins(22, 0, 0, 0)

        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(6, 4, 6, 6)
        self._box.setSpacing(2)
        self._box.addLayout(top)
        self._box.addWidget(self.meta_label)
        # The body (tabs, tables, notices) is built when the group is first expanded: most calls
        # open one or two purposes, and eight unused tab widgets would slow the first paint.
        self._body: QWidget | None = None
        self._parts: _BodyParts | None = None

    def _build_body(self) -> _BodyParts:
        body = QWidget()
        box = QVBoxLayout(body)
        box.setContentsMargins(22, 4, 0, 0)
        busy = busy_bar(self.tr("Loading the records"))
        error_label = notice(ERROR_STYLE, self.tr("Error"))
        purpose_label = QLabel()
        purpose_label.setWordWrap(True)
        purpose_label.setTextFormat(Qt.TextFormat.RichText)
        purpose_label.hide()
        empty_label = QLabel(self.tr("No records are kept for this purpose."))
        set_tone(empty_label, "muted")
        empty_label.hide()
        tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("Record tables"))
        tabs.setUsesScrollButtons(True)
        tabs.setDocumentMode(True)
        tabs.hide()
        tabs.currentChanged.connect(lambda _index: self._describe_current())
        # The table is wide; what the policy says of the chosen row is repeated here, always in view.
        record_label = QLabel()
        record_label.setWordWrap(True)
        record_label.setAccessibleName(self.tr("Selected record"))
        record_label.setStyleSheet(INFO_STYLE)
        record_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        record_label.hide()
        for widget in (busy, error_label, purpose_label, empty_label, tabs, record_label):
            box.addWidget(widget)
        # Into the section first: shown while it had no parent, the body flashed up as a window of its
        # own and took the focus away from the agent's window.
        self._box.addWidget(body)
        body.setVisible(self.expanded)
        self._body = body
        self._parts = _BodyParts(busy, error_label, purpose_label, empty_label, tabs, record_label)
        return self._parts

    @property
    def parts(self) -> _BodyParts:
        return self._parts if self._parts is not None else self._build_body()

    @property
    def busy(self) -> QProgressBar:
        return self.parts.busy

    @property
    def error_label(self) -> QLabel:
        return self.parts.error_label

    @property
    def purpose_label(self) -> QLabel:
        return self.parts.purpose_label

    @property
    def empty_label(self) -> QLabel:
        return self.parts.empty_label

    @property
    def tabs(self) -> QTabWidget:
        return self.parts.tabs

    @property
    def record_label(self) -> QLabel:
        return self.parts.record_label

    @staticmethod
    def policy_text(summary: PurposeSummary) -> tuple[object, ...]:
        """What the section shows that comes from the policy, not from the customer."""
        return (summary.key, summary.number, summary.title, summary.legal_basis, summary.legal_basis_article,
                summary.retention, summary.recipients)

    def set_count(self, n: int) -> None:
        self.count_label.setText(self.tr("1 record") if n == 1 else self.tr("{count} records").format(
            count=count_text(n)))

    def reuse_for(self, summary: PurposeSummary) -> None:
        """The next customer: same purpose and policy text, their own count, nothing read yet."""
        self.summary = summary
        self.set_count(summary.record_count)

    @property
    def expanded(self) -> bool:
        return self.toggle_button.isChecked()

    def set_locked(self, locked: bool) -> None:
        if locked:
            self.collapse()
            self.unload()
        self.toggle_button.setEnabled(not locked)
        self.toggle_button.setToolTip(self.tr("Verify the identity to see more") if locked else "")

    def collapse(self) -> None:
        self.toggle_button.setChecked(False)

    def expand(self) -> None:
        self.toggle_button.setChecked(True)

    def _toggled(self, on: bool) -> None:
        self.toggle_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        if on and self._parts is None:
            self._build_body()
        if self._body is not None:
            self._body.setVisible(on)
        emit(self.toggled, self.key, on)

    def set_loading(self, on: bool) -> None:
        self.loading = on
        self.busy.setVisible(on)
        if on:
            self.error_label.hide()

    def show_error(self, text: str) -> None:
        self.set_loading(False)
        self.error_label.setText(text)
        self.error_label.show()

    def show_group(self, group: PurposeGroup, models: list[RecordTableModel]) -> None:
        self.set_loading(False)
        self.group = group
        self.models = models
        lines = [field_line(self.tr("Purpose:"), group.purpose)]
        if group.sources:
            lines.append(field_line(self.tr("Sources:"), ", ".join(group.sources)))
        self.purpose_label.setText("<br>".join(lines))
        self.purpose_label.show()
        self.empty_label.setVisible(not models)
        for model in models:
            view = record_view(model)
            model.setParent(view)
            model.fetch_failed.connect(self.show_error)
            if model.rowCount():
                view.setCurrentIndex(model.index(0, 0))
            view.selectionModel().currentRowChanged.connect(lambda _now, _before: self._describe_current())
            self.tabs.addTab(view, self.tr("{title} ({count})").format(title=model.title,
                                                                       count=count_text(model.total)))
        self.tabs.setVisible(bool(models))
        # Built after the window, the tabs and tables would come after every other purpose on Tab;
        # they belong right after this purpose's own button.
        chain: list[QWidget] = [self.toggle_button, self.tabs]  # the tab widget stands for its tab bar
        chain += [w for w in (self.tabs.widget(i) for i in range(self.tabs.count())) if w is not None]
        for i in range(1, len(chain)):
            QWidget.setTabOrder(chain[i - 1], chain[i])
        self._describe_current()

    def current_view(self) -> QTableView | None:
        if self._parts is None:
            return None
        view = self.tabs.currentWidget()
        return view if isinstance(view, QTableView) else None

    def _describe_current(self) -> None:
        """When the chosen record was collected, from where, until when it is kept, and any hold."""
        view = self.current_view()
        model = view.model() if view is not None else None
        record = model.row(view.currentIndex().row()) if view is not None and isinstance(model, RecordTableModel) \
            else None
        if record is None or not isinstance(model, RecordTableModel):
            self.record_label.hide()
            return
        text = self.tr("Selected record: collected {date} from {source}; {retention}.").format(
            date=local_date(record.collected_at), source=record.source, retention=record.retention)
        markers = model.markers(record)
        self.record_label.setText(f"{text} {markers}." if markers else text)
        self.record_label.show()

    def unload(self) -> None:
        """Forget the records read (the contact changed): reading again needs a new look."""
        for model in self.models:
            model.close()
        self.models = []
        self.group = None
        self.loading = False
        if self._parts is None:
            return
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page is not None:
                page.deleteLater()
        self.tabs.hide()
        self.record_label.hide()
        self.purpose_label.hide()
        self.empty_label.hide()
        self.error_label.hide()
        self.busy.hide()


# --- revealing the identity number -----------------------------------------------------------------


class RevealDialog(QDialog):
    """The reason and the password again: showing the full number is a deliberate, logged act."""

    revealed = Signal(object)  # RevealedId

    def __init__(self, reveal: Callable[[str, str], RevealedId], worker: ServiceWorker, *, seconds: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reveal = reveal
        self._worker = worker
        self.setWindowTitle(self.tr("Show the identity number"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr(
            "The full identity number is shown for {seconds} seconds and then hidden again. "
            "It is written to the access log with your reason."
        ).format(seconds=seconds))
        intro.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.reason_edit.setPlaceholderText(self.tr("For example: the customer asks us to confirm the number"))
        self.reason_edit.setMaxLength(500)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Your password"))
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        form.addRow(self.tr("Your &password:"), self.password_edit)
        self.error_label = notice(ERROR_STYLE, self.tr("Error"))
        self.busy = busy_bar(self.tr("Working"))
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)
        self.reason_edit.setFocus()

    def submit(self) -> None:
        reason, password = self.reason_edit.text().strip(), self.password_edit.text()
        if not reason:
            self._fail(self.tr("Write why the full number is needed."))
            self.reason_edit.setFocus()
            return
        self.show_button.setEnabled(False)
        self.busy.show()
        self._worker.submit(lambda: self._reveal(reason, password), self._done, self._failed)

    def _done(self, revealed: RevealedId) -> None:
        self.password_edit.clear()
        self.busy.hide()
        emit(self.revealed, revealed)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.show_button.setEnabled(True)
        self.password_edit.clear()
        self.password_edit.setFocus()
        self._fail(error_text(exc))

    def _fail(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


# --- the profile -----------------------------------------------------------------------------------


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
        self.worker = ServiceWorker(self)
        self._generation = _Generation()
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
        gen = self._generation.value
        channel = self.channel
        self.empty_label.setText(self.tr("Opening the customer…"))

        def job() -> tuple[ContactRef, ProfileHeader] | None:
            if self._generation.value != gen:
                return None  # superseded while queued: no contact, no access-log entry
            ref = self.verification.start_contact(self.actor, customer_id, channel)
            try:
                return ref, self.profiles.open_profile(self.actor, customer_id, ref.contact_id)
            except BaseException:
                self.verification.end_contact(self.actor, ref.contact_id)
                raise

        def done(result: tuple[ContactRef, ProfileHeader] | None) -> None:
            if self._generation.value != gen:
                if result is not None:
                    self._end_later(result[0])
                return
            self._opening = None
            if result is not None:
                self._show(*result)

        def failed(exc: BaseException) -> None:
            if self._generation.value != gen:
                return
            self._opening = None
            self._show_empty()
            emit(self.open_failed, error_text(exc))

        self.worker.submit(job, done, failed)

    def close_contact(self) -> None:
        """End the call: the contact ends (its verification with it) and the pane empties."""
        had = self.header is not None or self._opening is not None
        self._end_current()
        if had:
            emit(self.contact_closed)

    def _end_current(self) -> None:
        self._generation.value += 1
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

        self.worker.submit(job, lambda _: None, failed)

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
        ref, gen = self.contact, self._generation.value
        if ref is None:
            return

        def done(state: VerificationState) -> None:
            if self._generation.value == gen:
                self.set_state(state)

        self.worker.submit(lambda: self.verification.is_verified(ref.contact_id), done, self._action_failed)

    def open_verify_dialog(self) -> None:
        if self.header is None or self.contact is None:
            return
        from desktop.ui.verify_dialog import VerifyDialog

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
        ref, gen = self.contact, self._generation.value
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
            if self._generation.value == gen:
                self.error_label.hide()
                self.set_state(state)

        self.worker.submit(lambda: self.verification.record_access_reason(self.actor, ref.contact_id, reason),
                           done, self._action_failed)

    def _channel_chosen(self, _index: int) -> None:
        self.set_channel(self.channel)

    def set_channel(self, channel: str) -> None:
        """The contact's channel is part of its record (an ID document needs the counter): a new one starts."""
        if channel not in CHANNELS:
            return
        self.channel_combo.setCurrentIndex(CHANNELS.index(channel))
        ref, gen = self.contact, self._generation.value
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
            if self._generation.value != gen:
                self._end_later(result[0])
                return
            self.contact = result[0]
            self.set_state(result[1])

        self.worker.submit(job, done, self._action_failed)

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
        ref, header, gen = self.contact, self.header, self._generation.value
        if section is None or ref is None or header is None:
            return
        if not self.may_see_more():
            section.collapse()
            return
        section.set_loading(True)
        customer_id, contact_id = header.customer_id, ref.contact_id

        def done(group: PurposeGroup) -> None:
            if self._generation.value != gen or self.sections.get(key) is not section or self.contact is not ref:
                return
            models = [RecordTableModel(table, self._pager(customer_id, key, table.record_kind, contact_id),
                                       self.worker, page_size=self.profiles.page_size) for table in group.tables]
            section.show_group(group, models)
            emit(self.group_shown, key)

        def failed(exc: BaseException) -> None:
            if self._generation.value != gen or self.sections.get(key) is not section:
                return
            section.show_error(error_text(exc))
            if isinstance(exc, NeedToKnow):
                self.refresh_state()

        self.worker.submit(lambda: self.profiles.open_group(self.actor, customer_id, key, contact_id), done, failed)

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
        ref, header, gen = self.contact, self.header, self._generation.value
        if header is None:
            return
        customer_id, contact_id = header.customer_id, ref.contact_id if ref is not None else None

        def reveal(reason: str, password: str) -> RevealedId:
            return self.profiles.reveal_national_id(self.actor, customer_id, contact_id, reason, password)

        from desktop.services.profile import REVEAL_SECONDS

        dialog = RevealDialog(reveal, self.worker, seconds=REVEAL_SECONDS, parent=self)
        dialog.revealed.connect(lambda revealed: self._show_revealed(revealed, gen))
        dialog.finished.connect(lambda _result: self._dialog_finished(dialog))
        self.reveal_dialog = dialog
        dialog.open()

    def _show_revealed(self, revealed: RevealedId, gen: int) -> None:
        if self._generation.value != gen or self.customer_id != revealed.customer_id:
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
