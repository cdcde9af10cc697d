"""The access-log viewer for supervisors and admins: who looked at whom, when, and why.

The role check lives in `AccessLogService`, below the UI: the menu entry is only a convenience,
and an agent who reaches this window anyway sees the service's refusal instead of rows. Looking
at the log is itself logged by the service (one entry per page read, per export, per chain check),
so the table reads a page at a time as it scrolls (`canFetchMore`/`fetchMore`), with the count
first (a number, not an entry). The log grows while it is read (each page adds its own entry at
the top), so pages are de-duplicated by sequence number and the offset moves past rows seen twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.ui.common import busy_bar, count_text
from desktop.ui.formatting import date_input_format, format_datetime
from desktop.ui.icons import icon
from desktop.ui.operations import Operations, error_text
from desktop.ui.qt_compat import emit
from desktop.ui.styles import ERROR_STYLE, OK_STYLE, notice

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.access_log import AccessLogService, LogRow, VerifyResult
    from desktop.services.context import DeskContext
    from desktop.ui.dialogs import DialogService

AnyIndex = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 100
#: Semicolons: Norwegian spreadsheet programs use the comma for decimals and split on ";".
CSV_DELIMITER = ";"
#: The widest time the log can show, to size its column in any locale.
_WIDEST_TIME = datetime(2026, 12, 28, 23, 59, 59)


def ask_save_path(dialogs: DialogService, parent: QWidget | None, title: str, suggested: str,
                  file_filter: str) -> Path | None:
    """Where to save a file, asked through the dialog seam when it offers the question.

    A seam with `ask_save_path` (a test's recording fake) answers; otherwise the real file dialog
    asks, so no test ever waits on an invisible modal window.
    """
    hook: Any = getattr(dialogs, "ask_save_path", None)
    if callable(hook):
        answer = hook(parent, title, suggested, file_filter)
        return Path(answer) if answer else None
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return Path(name) if name else None


@dataclass(frozen=True)
class LogFilter:
    agent: str | None = None
    customer_id: int | None = None
    action: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def kwargs(self) -> dict[str, Any]:
        return {"agent": self.agent, "customer_id": self.customer_id, "action": self.action,
                "date_from": self.date_from, "date_to": self.date_to}


#: What each logged action means; marked for the translator, translated when shown.
_ACTIONS: dict[str, object] = {
    "open": QT_TRANSLATE_NOOP("LogTableModel", "opened profile"),
    "view": QT_TRANSLATE_NOOP("LogTableModel", "viewed records"),
    "reveal": QT_TRANSLATE_NOOP("LogTableModel", "showed identity number"),
    "search": QT_TRANSLATE_NOOP("LogTableModel", "searched"),
    "refused": QT_TRANSLATE_NOOP("LogTableModel", "refused"),
    "login": QT_TRANSLATE_NOOP("LogTableModel", "signed in"),
    "contact_start": QT_TRANSLATE_NOOP("LogTableModel", "contact started"),
    "contact_end": QT_TRANSLATE_NOOP("LogTableModel", "contact ended"),
    "verify_hints": QT_TRANSLATE_NOOP("LogTableModel", "looked up verification questions"),
    "verified": QT_TRANSLATE_NOOP("LogTableModel", "identity verified"),
    "verify_failed": QT_TRANSLATE_NOOP("LogTableModel", "verification failed"),
    "verify_locked": QT_TRANSLATE_NOOP("LogTableModel", "verification locked"),
    "code_sent": QT_TRANSLATE_NOOP("LogTableModel", "code sent"),
    "code_not_sent": QT_TRANSLATE_NOOP("LogTableModel", "code not sent"),
    "access_reason": QT_TRANSLATE_NOOP("LogTableModel", "reason recorded"),
    "log_view": QT_TRANSLATE_NOOP("LogTableModel", "read the access log"),
    "log_export": QT_TRANSLATE_NOOP("LogTableModel", "exported the access log"),
    "log_verify": QT_TRANSLATE_NOOP("LogTableModel", "verified the log chain"),
    "log_checkpoint": QT_TRANSLATE_NOOP("LogTableModel", "signed a log checkpoint"),
    "checkpoint_key": QT_TRANSLATE_NOOP("LogTableModel", "made a checkpoint key"),
    "log_anchor_reset": QT_TRANSLATE_NOOP("LogTableModel", "accepted the access log as it is"),
    "file_saved": QT_TRANSLATE_NOOP("LogTableModel", "saved a file"),
    "files_listed": QT_TRANSLATE_NOOP("LogTableModel", "listed saved files"),
    "files_removed": QT_TRANSLATE_NOOP("LogTableModel", "removed saved files"),
    "sms_outbox_purge": QT_TRANSLATE_NOOP("LogTableModel", "cleaned the SMS outbox"),
    "account_create": QT_TRANSLATE_NOOP("LogTableModel", "created account"),
    # Team server: written by the server's account functions, in the name of the admin's login.
    "account_add": QT_TRANSLATE_NOOP("LogTableModel", "added account and database login"),
    "account_change": QT_TRANSLATE_NOOP("LogTableModel", "changed account"),
    "queue": QT_TRANSLATE_NOOP("LogTableModel", "looked at a work queue"),
    "hold_release": QT_TRANSLATE_NOOP("LogTableModel", "legal hold ended"),
    "sync": QT_TRANSLATE_NOOP("LogTableModel", "synced from a shop system"),
    "refresh": QT_TRANSLATE_NOOP("LogTableModel", "re-read from a shop system"),
    "identity_decision": QT_TRANSLATE_NOOP("LogTableModel", "decided an identity question"),
    "retention_start": QT_TRANSLATE_NOOP("LogTableModel", "retention run started"),
    "retention_batch": QT_TRANSLATE_NOOP("LogTableModel", "retention run: batch done"),
    "retention_finish": QT_TRANSLATE_NOOP("LogTableModel", "retention run finished"),
    "register_copy_collect": QT_TRANSLATE_NOOP("LogTableModel", "collected register copy"),
    "register_copy_redact": QT_TRANSLATE_NOOP("LogTableModel", "redacted register copy"),
    "register_copy_save": QT_TRANSLATE_NOOP("LogTableModel", "saved register copy"),
    "register_copy_print": QT_TRANSLATE_NOOP("LogTableModel", "printed register copy"),
    "register_copy_without_request": QT_TRANSLATE_NOOP("LogTableModel", "register copy without a request"),
    "register_copy_review": QT_TRANSLATE_NOOP("LogTableModel", "register copy third-party review"),
    "register_copy_email_failed": QT_TRANSLATE_NOOP("LogTableModel", "register copy e-mail failed"),
    "erasure_plan": QT_TRANSLATE_NOOP("LogTableModel", "made erasure plan"),
    "erasure_plan_open": QT_TRANSLATE_NOOP("LogTableModel", "opened erasure plan"),
    "erasure_plan_refused": QT_TRANSLATE_NOOP("LogTableModel", "erasure plan refused"),
    "erasure_preview": QT_TRANSLATE_NOOP("LogTableModel", "previewed erasure"),
    "erasure_approve": QT_TRANSLATE_NOOP("LogTableModel", "approved erasure"),
    "erasure_reject": QT_TRANSLATE_NOOP("LogTableModel", "rejected erasure"),
    "erasure_withdraw": QT_TRANSLATE_NOOP("LogTableModel", "erasure withdrawn"),
    "erasure_execute": QT_TRANSLATE_NOOP("LogTableModel", "carried out erasure"),
    "erasure_purge": QT_TRANSLATE_NOOP("LogTableModel", "purged and checked erasure residue"),
    "fraud_weighing": QT_TRANSLATE_NOOP("LogTableModel", "weighed fraud records"),
    "setting_changed": QT_TRANSLATE_NOOP("LogTableModel", "changed an organisation rule"),
    "request_file": QT_TRANSLATE_NOOP("LogTableModel", "filed request"),
    "request_letter": QT_TRANSLATE_NOOP("LogTableModel", "wrote letter"),
    "request_letter_sent": QT_TRANSLATE_NOOP("LogTableModel", "letter sent"),
    "request_assign": QT_TRANSLATE_NOOP("LogTableModel", "assigned request"),
    "request_extend": QT_TRANSLATE_NOOP("LogTableModel", "extended deadline"),
    "request_refuse": QT_TRANSLATE_NOOP("LogTableModel", "refused request"),
    "request_withdraw": QT_TRANSLATE_NOOP("LogTableModel", "request withdrawn"),
    "request_complete": QT_TRANSLATE_NOOP("LogTableModel", "completed request"),
    "request_verify_identity": QT_TRANSLATE_NOOP("LogTableModel", "verified requester"),
    "request_start": QT_TRANSLATE_NOOP("LogTableModel", "started work on request"),
    "request_submit_for_approval": QT_TRANSLATE_NOOP("LogTableModel", "sent for approval"),
    "request_approve": QT_TRANSLATE_NOOP("LogTableModel", "approved request"),
    "request_reject": QT_TRANSLATE_NOOP("LogTableModel", "rejected request"),
    "request_rectify": QT_TRANSLATE_NOOP("LogTableModel", "rectified data"),
    "request_restrict": QT_TRANSLATE_NOOP("LogTableModel", "restricted processing"),
    "request_lift_notice": QT_TRANSLATE_NOOP("LogTableModel", "notice of lifting restriction sent"),
    "request_lift_restriction": QT_TRANSLATE_NOOP("LogTableModel", "lifted restriction"),
    "request_object_marketing": QT_TRANSLATE_NOOP("LogTableModel", "marketing objection recorded"),
    "request_decide_objection": QT_TRANSLATE_NOOP("LogTableModel", "decided objection"),
    "request_withdraw_consent": QT_TRANSLATE_NOOP("LogTableModel", "consent withdrawn"),
    "request_export_portability": QT_TRANSLATE_NOOP("LogTableModel", "exported data (portability)"),
    "request_notice_sent": QT_TRANSLATE_NOOP("LogTableModel", "notified a recipient"),
}


def action_labels() -> dict[str, str]:
    """Logged actions in the interface language; a key not listed shows as itself."""
    return {key: QCoreApplication.translate("LogTableModel", str(text)) for key, text in _ACTIONS.items()}


class LogTableModel(QAbstractTableModel):
    """Log entries, newest first, a page at a time."""

    COL_SEQ, COL_AT, COL_ACTOR, COL_WORKSTATION, COL_ACTION, COL_CUSTOMER, COL_DATA, COL_PURPOSE, COL_DETAIL, \
        COL_REASON = range(10)
    COLUMN_COUNT = 10
    SeqRole = Qt.ItemDataRole.UserRole + 1
    ActionRole = Qt.ItemDataRole.UserRole + 2

    #: (rows shown, total matching) after each page.
    loaded = Signal(int, int)
    #: A count or page failed; the text is the service's.
    failed = Signal(str)

    def __init__(self, service: AccessLogService, actor: Actor, worker: Operations, *,
                 page_size: int = PAGE_SIZE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._actor = actor
        self._worker = worker
        self._page_size = page_size
        self._filter = LogFilter()
        self._rows: list[LogRow] = []
        self._seen: set[int] = set()
        self._skipped = 0
        self._total = 0
        self._more = False
        self._loading = False
        self._labels = action_labels()

    @property
    def total(self) -> int:
        return self._total

    @property
    def filter(self) -> LogFilter:
        return self._filter

    def is_loading(self) -> bool:
        return self._loading

    def set_filter(self, log_filter: LogFilter) -> None:
        """Count, then read the first page; answers for an older filter are dropped."""
        self._filter = log_filter
        self.beginResetModel()
        self._rows, self._seen, self._skipped, self._total, self._more = [], set(), 0, 0, False
        self.endResetModel()
        self._loading = True
        kwargs = log_filter.kwargs()

        def job() -> tuple[int, list[LogRow]]:
            total = self._service.count(self._actor, **kwargs)
            return total, self._service.query(self._actor, offset=0, limit=self._page_size, **kwargs)

        def done(result: tuple[int, list[LogRow]]) -> None:
            self._total = result[0]
            self._add(result[1])

        # A newer filter supersedes this one: its answer is dropped.
        self._worker.run(job, done, on_error=self._failed, key="log")

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._loading = True
        offset = len(self._rows) + self._skipped
        kwargs = self._filter.kwargs()
        self._worker.run(lambda: self._service.query(self._actor, offset=offset, limit=self._page_size, **kwargs),
                         self._add, on_error=self._failed, key="log")

    def _add(self, rows: list[LogRow]) -> None:
        self._loading = False
        fresh = [r for r in rows if r.seq not in self._seen]
        self._skipped += len(rows) - len(fresh)
        self._more = len(rows) == self._page_size
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self._seen.update(r.seq for r in fresh)
            self.endInsertRows()
        emit(self.loaded, len(self._rows), self._total)
        if not fresh and self._more:
            self.fetchMore()  # a page of rows already shown adds nothing, so the view would not ask again

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._more = False
        emit(self.failed, error_text(exc))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def entry(self, row: int) -> LogRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _cell(self, e: LogRow, column: int) -> str:
        if column == self.COL_SEQ:
            return str(e.seq)
        if column == self.COL_AT:
            return format_datetime(e.local_at(), seconds=True)
        if column == self.COL_ACTION:
            return self._labels.get(e.action, e.action)
        if column == self.COL_CUSTOMER:
            return "" if e.customer_id is None else str(e.customer_id)
        value = {self.COL_ACTOR: e.actor, self.COL_WORKSTATION: e.workstation, self.COL_DATA: e.data,
                 self.COL_PURPOSE: e.purpose, self.COL_DETAIL: e.detail, self.COL_REASON: e.reason}.get(column)
        return value or ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid():
            return None
        e = self.entry(index.row())
        if e is None or not 0 <= index.column() < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(e, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return e.action if index.column() == self.COL_ACTION else self._cell(e, index.column())
        if role == self.SeqRole:
            return e.seq
        if role == self.ActionRole:
            return e.action
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.COL_SEQ: self.tr("No."),
            self.COL_AT: self.tr("Time"),
            self.COL_ACTOR: self.tr("User"),
            self.COL_WORKSTATION: self.tr("Workstation"),
            self.COL_ACTION: self.tr("Action"),
            self.COL_CUSTOMER: self.tr("Customer"),
            self.COL_DATA: self.tr("Data"),
            self.COL_PURPOSE: self.tr("Purpose"),
            self.COL_DETAIL: self.tr("Details"),
            self.COL_REASON: self.tr("Reason"),
        }.get(section)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def _day(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


#: The chain check's findings, stored in English, as patterns and their interface text ({0}, {1}:
#: the numbers the pattern found).
_PROBLEMS: tuple[tuple[str, object], ...] = (
    (r"entry (\d+) is missing", QT_TRANSLATE_NOOP("ChainProblem", "entry {0} is missing")),
    (r"entries out of order", QT_TRANSLATE_NOOP("ChainProblem", "entries out of order")),
    (r"does not follow the entry before it", QT_TRANSLATE_NOOP("ChainProblem", "does not follow the entry before it")),
    (r"contents changed or entry forged", QT_TRANSLATE_NOOP("ChainProblem", "contents changed or entry forged")),
    (r"the head record is missing", QT_TRANSLATE_NOOP("ChainProblem", "the head record is missing")),
    (r"the log ends at entry (\d+) but the head says (\d+): entries were removed",
     QT_TRANSLATE_NOOP("ChainProblem", "the log ends at entry {0} but the head says {1}: entries were removed")),
)


def problem_text(problem: str) -> str:
    """The chain check's finding in the interface language (it is stored in English)."""
    for pattern, text in _PROBLEMS:
        found = re.fullmatch(pattern, problem)
        if found is not None:
            return QCoreApplication.translate("ChainProblem", str(text)).format(*found.groups())
    return problem


class LogViewer(QDialog):
    """A window of its own beside the desk; it never blocks the agent's main window."""

    def __init__(self, ctx: DeskContext, actor: Actor, *, service: AccessLogService, dialogs: DialogService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.ctx = ctx
        self.actor = actor
        self.dialogs = dialogs
        self.service = service
        self.setWindowTitle(self.tr("Access log – {app}").format(app=APP_NAME))
        self.resize(1180, 680)

        self.agent_edit = QLineEdit()
        self.agent_edit.setAccessibleName(self.tr("User name"))
        self.agent_edit.setPlaceholderText(self.tr("user name"))
        self.agent_edit.setMaxLength(60)
        self.customer_edit = QLineEdit()
        self.customer_edit.setAccessibleName(self.tr("Customer id"))
        self.customer_edit.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.customer_edit.setPlaceholderText(self.tr("id"))
        self.action_combo = QComboBox()
        self.action_combo.setEditable(True)
        self.action_combo.setAccessibleName(self.tr("Action"))
        self.action_combo.addItem(self.tr("All actions"), "")
        for key, text in action_labels().items():
            self.action_combo.addItem(text, key)
        self.action_combo.setMinimumContentsLength(18)
        today = QDate.currentDate()
        self.from_check = QCheckBox(self.tr("&From:"))
        self.from_edit = self._date_edit(today.addDays(-30), self.tr("From date"))
        self.to_check = QCheckBox(self.tr("&To:"))
        self.to_edit = self._date_edit(today, self.tr("To date"))
        self.from_check.toggled.connect(self.from_edit.setEnabled)
        self.to_check.toggled.connect(self.to_edit.setEnabled)
        for edit in (self.agent_edit, self.customer_edit):
            edit.returnPressed.connect(self.apply_filter)
        self.search_button = QPushButton(icon("search"), self.tr("&Search"))
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.apply_filter)
        self.reset_button = QPushButton(self.tr("&Clear filters"))
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(self.reset_filter)

        filters = QGridLayout()
        filters.addWidget(self._buddy(self.tr("&User:"), self.agent_edit), 0, 0)
        filters.addWidget(self.agent_edit, 0, 1)
        filters.addWidget(self._buddy(self.tr("Customer &id:"), self.customer_edit), 0, 2)
        filters.addWidget(self.customer_edit, 0, 3)
        filters.addWidget(self._buddy(self.tr("&Action:"), self.action_combo), 0, 4)
        filters.addWidget(self.action_combo, 0, 5)
        filters.addWidget(self.from_check, 1, 0)
        filters.addWidget(self.from_edit, 1, 1)
        filters.addWidget(self.to_check, 1, 2)
        filters.addWidget(self.to_edit, 1, 3)
        row_buttons = QHBoxLayout()
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.reset_button)
        row_buttons.addWidget(self.search_button)
        filters.addLayout(row_buttons, 1, 4, 1, 2)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        filters.setColumnStretch(5, 2)

        self.export_button = QPushButton(icon("save"), self.tr("E&xport CSV"))
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export_csv)
        self.verify_button = QPushButton(icon("verify"), self.tr("&Verify the chain"))
        self.verify_button.setAutoDefault(False)
        self.verify_button.clicked.connect(self.verify_chain)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Entries"))
        actions = QHBoxLayout()
        actions.addWidget(self.count_label, 1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.verify_button)

        self.chain_label = notice(OK_STYLE, self.tr("Chain check result"))
        self.message_label = notice(OK_STYLE, self.tr("Message"))
        self.error_label = notice(ERROR_STYLE, self.tr("Error"))
        self.busy = busy_bar(self.tr("Working"))
        self.worker = Operations(self, busy=self.busy, errors=self.error_label)

        self.model = LogTableModel(self.service, actor, self.worker, parent=self)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._show_error)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Access-log entries"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows walk it
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._fit_columns()

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.busy)
        layout.addWidget(self.chain_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)

        self.apply_filter()

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        """A filter's label: Alt and its underlined letter go to the field."""
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _date_edit(self, value: QDate, name: str) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setDisplayFormat(date_input_format())
        edit.setCalendarPopup(True)
        edit.setAccessibleName(name)
        edit.setEnabled(False)
        return edit

    def _fit_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        samples = {LogTableModel.COL_SEQ: "1234567", LogTableModel.COL_AT: format_datetime(_WIDEST_TIME, seconds=True),
                   LogTableModel.COL_ACTOR: "supervisor", LogTableModel.COL_WORKSTATION: "workstation-01",
                   LogTableModel.COL_ACTION: max(action_labels().values(), key=metrics.horizontalAdvance),
                   LogTableModel.COL_CUSTOMER: "1000000", LogTableModel.COL_DATA: "purpose:customer_service",
                   LogTableModel.COL_PURPOSE: "customer_service",
                   LogTableModel.COL_DETAIL: "contact=12; purchase 50/2000; order 50/2000"}
        for column, sample in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.resizeSection(column, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
                                 + 24)

    # --- filtering ---------------------------------------------------------------------------

    def current_filter(self) -> LogFilter:
        customer = self.customer_edit.text().strip()
        typed = self.action_combo.currentText().strip()
        index = self.action_combo.findText(typed, Qt.MatchFlag.MatchFixedString)
        action = str(self.action_combo.itemData(index) or "") if index >= 0 else typed
        return LogFilter(
            agent=self.agent_edit.text().strip() or None,
            customer_id=int(customer) if customer.isdigit() else None,
            action=action or None,
            date_from=_day(self.from_edit) if self.from_check.isChecked() else None,
            date_to=_day(self.to_edit) if self.to_check.isChecked() else None,
        )

    def apply_filter(self) -> None:
        self.worker.clear_error()
        self.count_label.setText(self.tr("Reading the log…"))
        self.model.set_filter(self.current_filter())

    def reset_filter(self) -> None:
        self.agent_edit.clear()
        self.customer_edit.clear()
        self.action_combo.setCurrentIndex(0)
        self.from_check.setChecked(False)
        self.to_check.setChecked(False)
        self.apply_filter()

    def _loaded(self, shown: int, total: int) -> None:
        if total == 0:
            self.count_label.setText(self.tr("No entries match."))
        else:
            self.count_label.setText(self.tr("{total} entries match; {shown} shown (scroll for more)").format(
                total=count_text(total), shown=count_text(shown)) if shown < total else
                self.tr("{total} entries match").format(total=count_text(total)))

    def _show_error(self, text: str) -> None:
        self.count_label.clear()
        self.worker.show_error(text)

    # --- export and the chain ----------------------------------------------------------------

    def export_csv(self) -> None:
        stem = self.tr("access-log")
        suggested = f"{stem}-{date.today().isoformat()}.csv"
        path = ask_save_path(self.dialogs, self, self.tr("Export the access log"), suggested,
                             self.tr("CSV files (*.csv)"))
        if path is None:
            return
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        kwargs = self.model.filter.kwargs()
        self.message_label.hide()
        self.worker.clear_error()

        def done(written: int) -> None:
            self.message_label.setText(self.tr("Exported {count} entries to {path}").format(
                count=count_text(written), path=path))
            self.message_label.show()

        self.worker.run(lambda: self.service.export_csv(self.actor, path, delimiter=CSV_DELIMITER, **kwargs),
                        done, on_error=lambda exc: self._show_error(error_text(exc)))

    def verify_chain(self) -> None:
        self.chain_label.hide()
        self.worker.clear_error()
        self.worker.run(lambda: self.service.verify_chain(self.actor), self._chain_checked,
                        on_error=lambda exc: self._show_error(error_text(exc)))

    def _chain_checked(self, result: VerifyResult) -> None:
        if result.ok:
            self.chain_label.setStyleSheet(OK_STYLE)
            self.chain_label.setText(self.tr("The chain is intact: {count} entries verified.").format(
                count=count_text(result.checked)))
        else:
            self.chain_label.setStyleSheet(ERROR_STYLE)
            where = str(result.first_bad_seq) if result.first_bad_seq is not None else "?"
            self.chain_label.setText(self.tr(
                "The chain is broken at entry {seq}: {problem}. {count} entries before it were in order."
            ).format(seq=where, problem=problem_text(result.problem), count=count_text(result.checked)))
        self.chain_label.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.worker.wait()
        super().closeEvent(event)
