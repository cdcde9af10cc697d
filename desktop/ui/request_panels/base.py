"""What every request panel shares: the `Panel` base and small form helpers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.ui.formatting import date_input_format, format_local_datetime
from desktop.ui.theme import set_tone

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import SignalInstance

    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext
    from desktop.services.customers import CustomerSummary
    from desktop.services.register_copy import AttachmentMailer
    from desktop.services.requests import RequestService, RequestView
    from desktop.ui.dialogs import DialogService

T = TypeVar("T")


class PanelHost(Protocol):
    """What a panel asks of the request screen that holds it (RequestViewWidget).

    A protocol rather than the screen's class, so the panels depend on this module only and the
    screen can import them without a cycle.
    """

    ctx: DeskContext
    actor: Actor
    dialogs: DialogService
    service: RequestService
    mailer: AttachmentMailer | None
    view: RequestView | None

    @property
    def changed(self) -> SignalInstance: ...

    def act(self, call: Callable[[int, int], T], on_done: Callable[[T], None] | None = None) -> None: ...

    def load_summary(self, view: RequestView, on_done: Callable[[CustomerSummary], None]) -> None: ...

    def reload(self) -> None: ...

    def show_error(self, text: str) -> None: ...

    def show_message(self, text: str, *, style: str = ...) -> None: ...


def translated(context: str, table: dict[str, object], key: str) -> str:
    text = table.get(key)
    return QCoreApplication.translate(context, str(text)) if text is not None else key


def when(value: datetime) -> str:
    """Stored times are naive UTC; the agent reads local time, in the interface locale's format."""
    return format_local_datetime(value)


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def day(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


def date_edit(value: date, name: str) -> QDateEdit:
    edit = QDateEdit(qdate(value))
    edit.setDisplayFormat(date_input_format())
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    return edit


def checklist(name: str, items: Sequence[tuple[str, str]]) -> QListWidget:
    """A short list of check boxes (purposes); key in UserRole."""
    widget = QListWidget()
    widget.setAccessibleName(name)
    for key, text in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(widget.sizeHintForRow(0) * max(3, len(items)) + 8)
    return widget


def checked_keys(widget: QListWidget) -> list[str]:
    return [str(widget.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def set_checked(widget: QListWidget, keys: Sequence[str]) -> None:
    wanted = set(keys)
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                           else Qt.CheckState.Unchecked)


def bold(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def hint(text: str) -> QLabel:
    """Explanations stay readable: a disabled label's grey is too faint to read on most screens."""
    label = QLabel(text)
    label.setWordWrap(True)
    set_tone(label, "muted")
    return label


def left(button: QPushButton) -> QWidget:
    """A button at its natural width in a form row, which would otherwise stretch it across."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(button)
    row.addStretch(1)
    return holder


def table(name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows walk it
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class Panel(QWidget):
    """A type's fulfilment controls; `host` runs the service calls and shows their results.

    No `self.tr` here: PySide6 translates in the context of the runtime class, so each panel
    translates its own strings.
    """

    def __init__(self, host: PanelHost) -> None:
        super().__init__()
        self.host = host

    def show_view(self, view: RequestView, *, fresh: bool) -> None:
        """Show `view`; `fresh` means another request than before, so typed input is cleared."""
