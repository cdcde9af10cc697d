"""One purpose's records as a lazily paged table model, and the table view that shows it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop.services.profile import PAGE_SIZE
from desktop.ui.common import local_date
from desktop.ui.formatting import format_date
from desktop.ui.i18n import current_lang
from desktop.ui.operations import Operations, error_text
from desktop.ui.qt_compat import emit
from desktop.ui.theme import tone

if TYPE_CHECKING:

    from desktop.services.profile import RecordRow, RecordTable


AnyIndex = QModelIndex | QPersistentModelIndex

#: Widest a record column starts, so one long browser string does not push the rest off screen.
MAX_COLUMN_WIDTH = 300


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
                 worker: Operations, *, page_size: int = PAGE_SIZE, parent: QObject | None = None) -> None:
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

        self._worker.run(job, self._page_arrived, on_error=self._page_failed)

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
