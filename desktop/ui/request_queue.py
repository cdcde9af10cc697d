"""The request queue: every open data-subject request, soonest deadline first, overdue in red.

Why it is shaped like this:
- The whole queue comes in one service call, off the GUI thread. `RequestService.queue` writes
  one access-log entry per load and sorts by deadline in the database; the open requests of a
  shop number in the hundreds, so paging would only add log entries and make sorting by another
  column wrong. A load that hits the limit says so instead of pretending to be complete.
- Counts come with the rows, from `RequestService.counts`, with the same type and agent filter,
  so the line above the table always describes what the supervisor is looking at.
- Colour is never the only cue: an overdue row is red *and* its "days left" says "overdue".
- The agent filter lists the people the queue has shown requests for: the desk has no staff
  directory for agents to browse, and an agent with no open requests has nothing to filter on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.deadlines import DeadlineState
from desktop.domain.requests import OPEN_STATES, Channel, RequestState, RequestType, state_label
from desktop.ui.common import busy_bar
from desktop.ui.formatting import format_date, ui_sort_key
from desktop.ui.i18n import current_lang
from desktop.ui.icons import icon
from desktop.ui.operations import Operations, error_text
from desktop.ui.qt_compat import emit
from desktop.ui.styles import ERROR_STYLE, NOTICE_STYLE, notice
from desktop.ui.theme import tone

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext
    from desktop.services.requests import QueueCounts, QueueRow, RequestService
    from desktop.ui.dialogs import DialogService

AnyIndex = QModelIndex | QPersistentModelIndex

#: More open requests than this at once means the filter is too wide to read anyway.
QUEUE_LIMIT = 2000
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

# --- labels shared by the request screens ---------------------------------------------------------

_TYPE_LABELS: dict[RequestType, object] = {
    RequestType.ACCESS: QT_TRANSLATE_NOOP("RequestLabels", "Access"),
    RequestType.RECTIFICATION: QT_TRANSLATE_NOOP("RequestLabels", "Rectification"),
    RequestType.ERASURE: QT_TRANSLATE_NOOP("RequestLabels", "Erasure"),
    RequestType.RESTRICTION: QT_TRANSLATE_NOOP("RequestLabels", "Restriction"),
    RequestType.OBJECTION_LEGITIMATE_INTEREST: QT_TRANSLATE_NOOP("RequestLabels", "Objection (legitimate interest)"),
    RequestType.OBJECTION_DIRECT_MARKETING: QT_TRANSLATE_NOOP("RequestLabels", "Objection to direct marketing"),
    RequestType.PORTABILITY: QT_TRANSLATE_NOOP("RequestLabels", "Data portability"),
    RequestType.WITHDRAW_CONSENT: QT_TRANSLATE_NOOP("RequestLabels", "Consent withdrawal"),
}
_CHANNEL_LABELS: dict[Channel, object] = {
    Channel.PHONE: QT_TRANSLATE_NOOP("RequestLabels", "Phone"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("RequestLabels", "E-mail"),
    Channel.LETTER: QT_TRANSLATE_NOOP("RequestLabels", "Letter"),
    Channel.COUNTER: QT_TRANSLATE_NOOP("RequestLabels", "At the counter"),
    Channel.WEB: QT_TRANSLATE_NOOP("RequestLabels", "Web form"),
}


def type_label(request_type: RequestType | str) -> str:
    """The request type as staff say it, in the interface language."""
    return QCoreApplication.translate("RequestLabels", str(_TYPE_LABELS[RequestType(request_type)]))


def channel_label(channel: Channel | str) -> str:
    return QCoreApplication.translate("RequestLabels", str(_CHANNEL_LABELS[Channel(channel)]))


def state_text(state: RequestState | str) -> str:
    """The domain's own state names, so the queue, the CLI and the letters agree."""
    return state_label(RequestState(state), current_lang())


def format_day(value: date) -> str:
    """The interface locale's short date: 31.01.2026 in Bokmål, 2026-01-31 in Swedish, 31/01/2026 in English."""
    return format_date(value)


def days_left_text(days: int | None) -> str:
    if days is None:
        return "–"
    if days < 0:
        return QCoreApplication.translate("RequestLabels", "{days} overdue").format(days=-days)
    if days == 0:
        return QCoreApplication.translate("RequestLabels", "0 (due today)")
    return str(days)


# --- the model --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueFilter:
    """What the filter bar asks for; `states` None means every open state."""

    types: tuple[RequestType, ...] | None = None
    states: tuple[RequestState, ...] | None = None
    agent_id: int | None = None
    mine: bool = False
    overdue_only: bool = False

    def queue_kwargs(self) -> dict[str, Any]:
        return {"types": self.types, "states": self.states, "agent": None if self.mine else self.agent_id,
                "mine": self.mine, "overdue_only": self.overdue_only}

    def counts_kwargs(self) -> dict[str, Any]:
        return {"types": self.types, "agent": None if self.mine else self.agent_id, "mine": self.mine}


_STATE_ORDER = {state: i for i, state in enumerate(RequestState)}


class RequestQueueModel(QAbstractTableModel):
    """Queue rows as a table; `load` asks the service on the worker thread."""

    COL_REFERENCE, COL_TYPE, COL_CUSTOMER, COL_STATE, COL_RECEIVED, COL_DUE, COL_DAYS_LEFT, COL_AGENT = range(8)
    COLUMN_COUNT = 8

    RequestIdRole = Qt.ItemDataRole.UserRole + 1
    CustomerIdRole = Qt.ItemDataRole.UserRole + 2
    DeadlineStateRole = Qt.ItemDataRole.UserRole + 3

    #: Rows shown and the counts for the same filter, after each load.
    loaded = Signal(int, object)
    #: A load failed; the text is the service's.
    failed = Signal(str)

    def __init__(self, service: RequestService, actor: Actor, worker: Operations, *,
                 limit: int = QUEUE_LIMIT, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._actor = actor
        self._worker = worker
        self._limit = limit
        self._rows: list[QueueRow] = []
        self._counts: QueueCounts | None = None
        self._filter = QueueFilter()
        self._loading = False
        self._sort_column = self.COL_DUE
        self._sort_order = Qt.SortOrder.AscendingOrder

    @property
    def filter(self) -> QueueFilter:
        return self._filter

    @property
    def counts(self) -> QueueCounts | None:
        return self._counts

    @property
    def limit(self) -> int:
        return self._limit

    def is_loading(self) -> bool:
        return self._loading

    def load(self, queue_filter: QueueFilter | None = None) -> None:
        """Read the queue for `queue_filter` (or the current one again); older answers are dropped."""
        if queue_filter is not None:
            self._filter = queue_filter
        self._loading = True
        service, actor, limit = self._service, self._actor, self._limit
        queue_kwargs, counts_kwargs = self._filter.queue_kwargs(), self._filter.counts_kwargs()

        def job() -> tuple[list[QueueRow], QueueCounts]:
            return service.queue(actor, limit=limit, **queue_kwargs), service.counts(actor, **counts_kwargs)

        def done(result: tuple[list[QueueRow], QueueCounts]) -> None:
            self._loading = False
            self.set_rows(result[0], result[1])

        def failed(exc: BaseException) -> None:
            self._loading = False
            emit(self.failed, error_text(exc))

        # A newer load supersedes this one: its answer (or failure) is dropped.
        self._worker.run(job, done, on_error=failed, key="queue")

    def set_rows(self, rows: list[QueueRow], counts: QueueCounts | None = None) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=self._key(self._sort_column),
                            reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        self._counts = counts
        self.endResetModel()
        emit(self.loaded, len(self._rows), counts)

    # --- rows --------------------------------------------------------------------------------

    def row_at(self, row: int) -> QueueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, request_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.request_id == request_id:
                return i
        return -1

    def rows(self) -> list[QueueRow]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def _cell(self, r: QueueRow, column: int) -> str:
        if column == self.COL_REFERENCE:
            return r.reference + (" " + self.tr("(duplicate)") if r.is_duplicate else "")
        if column == self.COL_TYPE:
            return type_label(r.type)
        if column == self.COL_CUSTOMER:
            return r.customer_name or r.customer_number or "–"
        if column == self.COL_STATE:
            return state_text(r.state)
        if column == self.COL_RECEIVED:
            return format_day(r.received_on)
        if column == self.COL_DUE:
            return format_day(r.due_on) + (" " + self.tr("(extended)") if r.extended else "")
        if column == self.COL_DAYS_LEFT:
            return days_left_text(r.days_left)
        if column == self.COL_AGENT:
            return r.assigned_agent or "–"
        return ""

    def _tooltip(self, r: QueueRow, column: int) -> str:
        if column == self.COL_REFERENCE and r.is_duplicate:
            return self.tr("{reference}: another open request of the same type exists for this customer").format(
                reference=r.reference)
        if column == self.COL_CUSTOMER:
            return f"{r.customer_name} ({r.customer_number})" if r.customer_name else r.customer_number
        if column == self.COL_TYPE:
            return type_label(r.type)
        if r.deadline_state is DeadlineState.OVERDUE:
            return self.tr("Overdue: the answer was due {date}").format(date=format_day(r.due_on))
        if r.deadline_state is DeadlineState.DUE_SOON:
            return self.tr("Due soon: answer by {date}").format(date=format_day(r.due_on))
        return self._cell(r, column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.column() < self.COLUMN_COUNT:
            return None
        r = self.row_at(index.row())
        if r is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(r, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._colours(r)[0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colours(r)[1]
        if role == Qt.ItemDataRole.FontRole and index.column() == self.COL_DAYS_LEFT \
                and r.deadline_state is DeadlineState.OVERDUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_DAYS_LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.RequestIdRole:
            return r.request_id
        if role == self.CustomerIdRole:
            return r.customer_id
        if role == self.DeadlineStateRole:
            return r.deadline_state.value if r.deadline_state is not None else None
        return None

    @staticmethod
    def _colours(r: QueueRow) -> tuple[QBrush | None, QBrush | None]:
        # Asked when the row is painted, so the colours follow a change between light and dark.
        if r.deadline_state is DeadlineState.OVERDUE:
            overdue = tone("danger")
            return QBrush(overdue.background), QBrush(overdue.text)
        if r.deadline_state is DeadlineState.DUE_SOON:
            soon = tone("warning")
            return QBrush(soon.background), QBrush(soon.text)
        return None, None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.COL_REFERENCE: self.tr("Reference"),
            self.COL_TYPE: self.tr("Type"),
            self.COL_CUSTOMER: self.tr("Customer"),
            self.COL_STATE: self.tr("State"),
            self.COL_RECEIVED: self.tr("Received"),
            self.COL_DUE: self.tr("Due"),
            self.COL_DAYS_LEFT: self.tr("Days left"),
            self.COL_AGENT: self.tr("Agent"),
        }.get(section)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # --- sorting -----------------------------------------------------------------------------

    def _key(self, column: int) -> Callable[[QueueRow], Any]:
        """Sort keys on the values, not the shown text: dates as dates, closed requests last by days."""
        text_key = ui_sort_key()  # names in the interface language's alphabet: Ø before Å in Bokmål
        keys: dict[int, Callable[[QueueRow], Any]] = {
            self.COL_REFERENCE: lambda r: r.request_id,
            self.COL_TYPE: lambda r: (text_key(type_label(r.type)), r.due_on, r.request_id),
            self.COL_CUSTOMER: lambda r: (text_key(r.customer_name or r.customer_number), r.request_id),
            self.COL_STATE: lambda r: (_STATE_ORDER[r.state], r.due_on, r.request_id),
            self.COL_RECEIVED: lambda r: (r.received_on, r.request_id),
            self.COL_DUE: lambda r: (r.due_on, r.request_id),
            self.COL_DAYS_LEFT: lambda r: (r.days_left is None, r.days_left or 0, r.request_id),
            self.COL_AGENT: lambda r: (text_key(r.assigned_agent), r.due_on, r.request_id),
        }
        return keys.get(column, keys[self.COL_DUE])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.COLUMN_COUNT:
            return
        self._sort_column, self._sort_order = column, order
        emit(self.layoutAboutToBeChanged)
        old = list(self._rows)
        self._rows.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        new_position = {id(r): i for i, r in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        moved = [self.index(new_position[id(old[i.row()])], i.column()) if 0 <= i.row() < len(old) else QModelIndex()
                 for i in persistent]
        self.changePersistentIndexList(persistent, moved)
        emit(self.layoutChanged)


# --- the widget -------------------------------------------------------------------------------------


class RequestQueueWidget(QWidget):
    """Filter bar, counts line and the queue table; double-click or Enter opens a request."""

    #: (request id, customer id; 0 when the customer has been erased)
    request_opened = Signal(int, int)
    #: A load finished (rows shown).
    loaded = Signal(int)

    def __init__(self, ctx: DeskContext, actor: Actor, dialogs: DialogService, *,
                 service: RequestService | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.services.requests import RequestService  # lazy: startup time

        self.ctx = ctx
        self.actor = actor
        self.dialogs = dialogs
        self.service = service or RequestService(ctx)
        self._agents: dict[int, str] = {}
        if actor.account_id is not None:
            self._agents[actor.account_id] = actor.display_name or actor.username
        self._keep_selected: int | None = None
        self.setAccessibleName(self.tr("Request queue"))

        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName(self.tr("Request type filter"))
        self.type_combo.addItem(self.tr("All types"), None)
        for rtype in RequestType:
            self.type_combo.addItem(type_label(rtype), rtype.value)
        self.state_combo = QComboBox()
        self.state_combo.setAccessibleName(self.tr("State filter"))
        self.state_combo.addItem(self.tr("All open"), None)
        for state in RequestState:
            self.state_combo.addItem(state_text(state), state.value)
        self.state_combo.addItem(self.tr("All states"), "*")
        self.agent_combo = QComboBox()
        self.agent_combo.setAccessibleName(self.tr("Agent filter"))
        # Sized by a typical entry, not the longest: the filter bar must not widen the window.
        for combo, chars in ((self.type_combo, 18), (self.state_combo, 14), (self.agent_combo, 14)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
        self._fill_agents()
        self.mine_check = QCheckBox(self.tr("Only &mine"))
        self.mine_check.setToolTip(self.tr("Only requests assigned to you"))
        self.overdue_check = QCheckBox(self.tr("Only &overdue"))
        self.refresh_button = QPushButton(icon("refresh"), self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the queue again (F5)"))
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh)
        for combo in (self.type_combo, self.state_combo, self.agent_combo):
            combo.currentIndexChanged.connect(self.refresh)
        self.mine_check.toggled.connect(self._mine_toggled)
        self.overdue_check.toggled.connect(self.refresh)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for text, widget in ((self.tr("&Type:"), self.type_combo), (self.tr("&State:"), self.state_combo),
                             (self.tr("A&gent:"), self.agent_combo)):
            label = QLabel(text)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
            bar.addSpacing(6)
        bar.addWidget(self.mine_check)
        bar.addWidget(self.overdue_check)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)

        self.counts_label = QLabel()
        self.counts_label.setAccessibleName(self.tr("Request counts"))
        self.counts_label.setWordWrap(True)
        self.counts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.limit_label = notice(NOTICE_STYLE, self.tr("Queue limit notice"))
        self.error_label = notice(ERROR_STYLE, self.tr("Error"))
        self.busy = busy_bar(self.tr("Loading"))
        self.worker = Operations(self, busy=self.busy, errors=self.error_label)

        self.model = RequestQueueModel(self.service, actor, self.worker, parent=self)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Requests"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows walk it
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSortIndicator(RequestQueueModel.COL_DUE, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self._fit_columns()
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.busy)
        layout.addWidget(self.limit_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)

        refresh_key = QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        refresh_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh_key.setWhatsThis(self.tr("Read the request queue again"))
        self.refresh()

    def _fit_columns(self) -> None:
        """Widths from typical values and the translated titles: resizing to contents reads every row."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        samples = {
            RequestQueueModel.COL_REFERENCE: "GDPR-000000 "
            + QCoreApplication.translate("RequestQueueModel", "(duplicate)"),
            # The longest types are elided (full text in the tooltip): they would push the agent off screen.
            RequestQueueModel.COL_TYPE: type_label(RequestType.PORTABILITY),
            RequestQueueModel.COL_CUSTOMER: "Kristoffer Andersen",
            RequestQueueModel.COL_STATE: max((state_text(s) for s in RequestState), key=metrics.horizontalAdvance),
            RequestQueueModel.COL_RECEIVED: "31.12.2026",
            RequestQueueModel.COL_DUE: format_day(date(2026, 12, 31)) + " "
            + QCoreApplication.translate("RequestQueueModel", "(extended)"),
            RequestQueueModel.COL_DAYS_LEFT: days_left_text(-99),
        }
        for column, sample in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.resizeSection(column, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
                                 + 18)

    # --- filtering ---------------------------------------------------------------------------

    def current_filter(self) -> QueueFilter:
        type_value = self.type_combo.currentData()
        state_value = self.state_combo.currentData()
        agent_value = self.agent_combo.currentData()
        if state_value == "*":
            states: tuple[RequestState, ...] | None = tuple(RequestState)
        elif state_value:
            states = (RequestState(state_value),)
        else:
            states = None
        return QueueFilter(
            types=(RequestType(type_value),) if type_value else None,
            states=states,
            agent_id=int(agent_value) if isinstance(agent_value, int) else None,
            mine=self.mine_check.isChecked(),
            overdue_only=self.overdue_check.isChecked(),
        )

    def refresh(self) -> None:
        """Read the queue again with the filter shown (F5); the selected request stays selected."""
        selected = self.selected_request_id()
        if selected is not None:
            self._keep_selected = selected
        self.worker.clear_error()
        self.model.load(self.current_filter())

    def _mine_toggled(self, on: bool) -> None:
        self.agent_combo.setEnabled(not on)
        self.refresh()

    def _fill_agents(self) -> None:
        current = self.agent_combo.currentData()
        self.agent_combo.blockSignals(True)
        try:
            self.agent_combo.clear()
            self.agent_combo.addItem(self.tr("All agents"), None)
            name_key = ui_sort_key()
            for account_id, name in sorted(self._agents.items(), key=lambda item: name_key(item[1])):
                self.agent_combo.addItem(name, account_id)
            index = self.agent_combo.findData(current) if current is not None else 0
            self.agent_combo.setCurrentIndex(max(0, index))
        finally:
            self.agent_combo.blockSignals(False)

    # --- results -----------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self.worker.is_busy()

    def _loaded(self, rows: int, counts: QueueCounts | None) -> None:
        fresh = {r.assigned_agent_id: r.assigned_agent for r in self.model.rows()
                 if r.assigned_agent_id is not None and r.assigned_agent}
        if not fresh.keys() <= self._agents.keys():
            self._agents.update(fresh)
            self._fill_agents()
        self.counts_label.setText(self.counts_text(counts) if counts is not None else "")
        if rows >= self.model.limit:
            self.limit_label.setText(self.tr(
                "Only the first {count} requests are shown; narrow the filter to see the rest."
            ).format(count=self.model.limit))
        self.limit_label.setVisible(rows >= self.model.limit)
        if self._keep_selected is not None:
            row = self.model.row_of(self._keep_selected)
            if row >= 0:
                self.table.selectRow(row)
            self._keep_selected = None
        emit(self.loaded, rows)

    def counts_text(self, counts: QueueCounts) -> str:
        head = self.tr("Open: {open} · overdue: {overdue} · due soon: {soon} · mine: {mine}").format(
            open=counts.open_total, overdue=counts.overdue, soon=counts.due_soon, mine=counts.mine_open)
        by_state = ", ".join(f"{state_text(state)} {n}" for state, n in counts.by_state.items()
                             if n and state in OPEN_STATES)
        closed = ", ".join(f"{state_text(state)} {n}" for state, n in counts.by_state.items()
                           if n and state not in OPEN_STATES)
        parts = [head]
        if by_state:
            parts.append(self.tr("Open by state: {states}").format(states=by_state))
        if closed:
            parts.append(self.tr("Closed: {states}").format(states=closed))
        return "  |  ".join(parts)

    def _failed(self, text: str) -> None:
        self.worker.show_error(text)

    # --- opening -----------------------------------------------------------------------------

    def selected_request_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = self.model.data(index, RequestQueueModel.RequestIdRole)
        return value if isinstance(value, int) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in _ENTER_KEYS:
            self._open_index(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        if row is not None:
            emit(self.request_opened, row.request_id, row.customer_id or 0)

    def shutdown(self) -> None:
        """Before the desk closes: let a running load finish so it never outlives the database."""
        self.worker.wait()
