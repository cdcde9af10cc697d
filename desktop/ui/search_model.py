"""The search results table: typed-as-you-go, off the GUI thread, one page at a time.

Why it is shaped like this:
- The agent is on the phone, so the window must never freeze: every search runs on the model's
  own `Operations` thread. One thread is enough (SQLite takes one writer at a time anyway, and
  each search writes its access-log entry) and it means a burst of typing leaves at most one stale
  search running; queued stale ones are dropped before they touch the database.
- Rows are cleared the moment the text changes, which supersedes every search made for the old
  text (`Operations.invalidate`): their answers are thrown away. So Enter can never open a person
  from the previous query's list.
- A 200 ms pause before searching keeps one access-log entry per thought, not per keystroke.
- Only one page is held per fetch: `canFetchMore`/`fetchMore` ask for the next page with the
  service's keyset cursor when the view scrolls to the end. Pages can overlap by customer (a
  person matches through two name tokens), so ids are de-duplicated across pages.
- Failures come back as a signal with the service's message; nothing is raised into Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from desktop.errors import DeskError
from desktop.ui.i18n import current_lang
from desktop.ui.operations import Operations
from desktop.ui.qt_compat import emit

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.search import SearchHit, SearchPage


Cursor = tuple[str, str, int]
AnyIndex = QModelIndex | QPersistentModelIndex

DEBOUNCE_MS = 200
PAGE_SIZE = 50


class Searcher(Protocol):
    """What the model needs of `SearchService`: tests can hand in a slow or failing fake."""

    def search(self, actor: Actor, query: str, *, after: Cursor | None = None, limit: int = ...) -> SearchPage:
        ...


#: The key of the calls for the text in the search box (`Operations`): new text supersedes them.
_SEARCH = "search"


class SearchResultModel(QAbstractTableModel):
    """Search hits as table rows; `set_query` starts a debounced background search."""

    COL_NAME = 0
    COL_CUSTOMER_NUMBER = 1
    COL_EMAIL = 2
    COL_PHONE = 3
    COL_CITY = 4
    COLUMN_COUNT = 5

    CustomerIdRole = Qt.ItemDataRole.UserRole + 1

    #: A search (first page or next) has been sent.
    searching = Signal()
    #: Rows now shown and whether more pages exist.
    results_ready = Signal(int, bool)
    #: The service's notes for the current query (in the interface language); empty clears them.
    notes_changed = Signal(list)
    #: The current query failed; the text is for the person.
    search_failed = Signal(str)

    def __init__(self, searcher: Searcher, actor: Actor, *, debounce_ms: int = DEBOUNCE_MS,
                 page_size: int = PAGE_SIZE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._searcher = searcher
        self._actor = actor
        self._page_size = page_size
        self._query = ""
        self._rows: list[SearchHit] = []
        self._ids: set[int] = set()
        self._has_more = False
        self._cursor: Cursor | None = None
        self._loading = False
        self._first_pending = False
        self._failed = False
        # A search superseded while it waits is never run: no query, no access-log entry.
        self._worker = Operations(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._start_search)

    # --- the query ---------------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    def is_busy(self) -> bool:
        """True while the shown rows are not yet the answer to the current text.

        A next page being fetched does not count: the rows shown already answer the text.
        """
        return self._timer.isActive() or self._first_pending

    def has_more(self) -> bool:
        return self._has_more

    def set_query(self, text: str) -> None:
        text = text.strip()
        if text == self._query:
            return
        self._query = text
        self._invalidate()
        if text:
            self._timer.start()
        else:
            emit(self.results_ready, 0, False)

    def search_now(self) -> None:
        """Skip the rest of the pause (Enter in the search box), or try a failed search again."""
        if self._timer.isActive() or (self._failed and not self._loading):
            self._timer.stop()
            self._start_search()

    def clear(self) -> None:
        self._query = ""
        self._invalidate()
        emit(self.results_ready, 0, False)

    def shutdown(self) -> None:
        """Before the desk closes: drop queued searches and wait for a running one."""
        self._timer.stop()
        self._worker.invalidate(_SEARCH)
        self._worker.wait()

    def _invalidate(self) -> None:
        self._timer.stop()
        self._worker.invalidate(_SEARCH)
        self._loading = False
        self._first_pending = False
        self._failed = False
        self._has_more = False
        self._cursor = None
        if self._rows:
            self.beginResetModel()
            self._rows = []
            self._ids = set()
            self.endResetModel()
        emit(self.notes_changed, [])

    def _start_search(self) -> None:
        if self._query:
            self._submit(None)

    def _submit(self, after: Cursor | None) -> None:
        self._loading = True
        self._first_pending = after is None
        self._failed = False
        emit(self.searching)
        searcher, actor, query, limit = self._searcher, self._actor, self._query, self._page_size
        self._worker.run(lambda: searcher.search(actor, query, after=after, limit=limit),
                         lambda page: self._on_done(page, after is not None), on_error=self._on_failed,
                         key=_SEARCH, supersede=False)

    def _on_done(self, page: SearchPage, next_page: bool) -> None:
        self._loading = False
        self._first_pending = False
        if not next_page:
            notes = page.notes_nb if current_lang() == "nb" else page.notes
            emit(self.notes_changed, list(notes))
        fresh = []
        for hit in page.hits:
            if hit.customer_id not in self._ids:
                self._ids.add(hit.customer_id)
                fresh.append(hit)
        self._has_more = page.has_more and page.next_cursor is not None
        self._cursor = page.next_cursor
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()
        elif self._has_more:
            # A page of people already shown adds no rows, so the view would never ask again.
            self._submit(self._cursor)
            return
        emit(self.results_ready, len(self._rows), self._has_more)

    def _on_failed(self, exc: BaseException) -> None:
        text = exc.text(current_lang()) if isinstance(exc, DeskError) else QCoreApplication.translate(
            "SearchResultModel", "The search failed unexpectedly. Try again; if it keeps failing, tell IT.")
        self._loading = False
        self._first_pending = False
        self._failed = True
        self._has_more = False
        emit(self.search_failed, text)

    # --- lazy paging -------------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        return not parent.isValid() and self._has_more and not self._loading and self._cursor is not None

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._submit(self._cursor)

    # --- the table ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def hit(self, row: int) -> SearchHit | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def customer_id(self, row: int) -> int | None:
        hit = self.hit(row)
        return hit.customer_id if hit is not None else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid():
            return None
        hit = self.hit(index.row())
        if hit is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(hit, index.column())
        if role == self.CustomerIdRole:
            return hit.customer_id
        return None

    @classmethod
    def _cell(cls, hit: SearchHit, column: int) -> str | None:
        return {
            cls.COL_NAME: hit.name,
            cls.COL_CUSTOMER_NUMBER: hit.customer_number,
            cls.COL_EMAIL: hit.masked_email,
            cls.COL_PHONE: hit.masked_phone,
            cls.COL_CITY: hit.city,
        }.get(column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.COL_NAME: self.tr("Name"),
            self.COL_CUSTOMER_NUMBER: self.tr("Customer no."),
            self.COL_EMAIL: self.tr("E-mail (masked)"),
            self.COL_PHONE: self.tr("Phone (masked)"),
            self.COL_CITY: self.tr("City"),
        }.get(section)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
