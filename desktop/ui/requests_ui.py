"""The "Requests" menu and the requests window, added to a main window from the outside.

Why it is shaped like this:
- The main window is one file many people change; it needs one call (`install_requests_ui`) and
  nothing else. Everything about requests (menu, shortcuts, the window, keeping the queue fresh)
  lives here, and works with any QMainWindow, which is how the tests use it.
- The queue and the request open in a window of their own beside the desk: the agent keeps the
  customer open in the main window while working the request, and a supervisor can leave the
  queue on a second screen. Opening a request from the queue also opens its customer in the main
  window (`open_customer`), which starts a contact there as usual.
- The request view and `desktop.services.requests` (with SQLAlchemy) are imported when first
  used, so installing the menu costs nothing before the first window shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QVBoxLayout, QWidget

from desktop import APP_NAME
from desktop.domain.roles import Permission
from desktop.settings import REQUESTS_GEOMETRY, REQUESTS_SPLITTER
from desktop.ui.erasure_ui import ApprovalQueueWidget
from desktop.ui.file_request_dialog import FileRequestDialog
from desktop.ui.icons import icon
from desktop.ui.qt_compat import emit
from desktop.ui.request_queue import RequestQueueWidget
from desktop.ui.settings_store import desk_settings

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext
    from desktop.services.register_copy import AttachmentMailer
    from desktop.services.requests import RequestService
    from desktop.ui.dialogs import DialogService
    from desktop.ui.request_view import RequestViewWidget

#: QSettings key of the roll-forward setting (RULEBOOK §2); off unless an administrator turns it on.
ROLL_FORWARD_KEY = "requests/roll_forward"

CurrentCustomer = Callable[[], tuple[int, str] | None]


def roll_forward_setting() -> bool:
    value = desk_settings().value(ROLL_FORWARD_KEY, False)
    return value is True or str(value).lower() in ("1", "true", "yes")


class RequestsWindow(QWidget):
    """The queue on the left, the request opened from it on the right."""

    def __init__(self, ctx: DeskContext, actor: Actor, dialogs: DialogService, service: RequestService, *,
                 mailer: AttachmentMailer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.ui.request_view import RequestViewWidget  # lazy: startup time

        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(self.tr("Requests – {app}").format(app=APP_NAME))
        self.queue: RequestQueueWidget = RequestQueueWidget(ctx, actor, dialogs, service=service)
        self.request: RequestViewWidget = RequestViewWidget(ctx, actor, dialogs, service=service, mailer=mailer)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.queue)
        self.splitter.addWidget(self.request)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.resize(1600, 820)
        self.splitter.setSizes([1000, 600])
        self.queue.request_opened.connect(self._opened)
        self.request.changed.connect(lambda _rid: self.queue.refresh())
        self.request.loaded.connect(self._title)
        close_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        close_key.setWhatsThis(self.tr("Close the requests window"))
        self._restore()

    def _opened(self, request_id: int, _customer_id: int) -> None:
        self.request.load(request_id)

    def _title(self, _request_id: int) -> None:
        described = self.request.description()
        base = self.tr("Requests – {app}").format(app=APP_NAME)
        self.setWindowTitle(f"{described} – {base}" if described else base)

    def _restore(self) -> None:
        settings = desk_settings()
        geometry, splitter = REQUESTS_GEOMETRY.read(settings), REQUESTS_SPLITTER.read(settings)
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))
        if isinstance(splitter, QByteArray | bytes) and splitter:
            self.splitter.restoreState(QByteArray(splitter))

    def shutdown(self) -> None:
        """Wait for calls under way, so none outlives the database the desk closes next."""
        self.queue.shutdown()
        self.request.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = desk_settings()
        REQUESTS_GEOMETRY.write(settings, self.saveGeometry())
        REQUESTS_SPLITTER.write(settings, self.splitter.saveState())
        self.shutdown()
        super().closeEvent(event)


class RequestsUi(QObject):
    """The menu, its actions and the requests window of one main window."""

    #: A request was filed from the menu (request id, customer id).
    request_filed = Signal(int, int)

    def __init__(self, window: QMainWindow, ctx: DeskContext, actor: Actor, dialogs: DialogService, *,
                 current_customer: CurrentCustomer | None = None,
                 open_customer: Callable[[int], None] | None = None,
                 service: RequestService | None = None, mailer: AttachmentMailer | None = None) -> None:
        super().__init__(window)
        self.mailer = mailer
        self.main_window = window
        self.ctx = ctx
        self.actor = actor
        self.dialogs = dialogs
        self.current_customer = current_customer
        self.open_customer = open_customer
        self._service = service
        self.requests_window: RequestsWindow | None = None
        self.file_dialog: FileRequestDialog | None = None
        self.approval_window: ApprovalQueueWidget | None = None

        self.menu = QMenu(self.tr("&Requests"), window)
        self.new_request_action = QAction(icon("request"), self.tr("&New request…"), window)
        self.new_request_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_request_action.setStatusTip(self.tr("File a data-protection request for the customer on screen"))
        self.new_request_action.triggered.connect(self.new_request)
        self.queue_action = QAction(icon("queue"), self.tr("Request &queue"), window)
        self.queue_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.queue_action.setStatusTip(self.tr("Every open request with its deadline"))
        self.queue_action.triggered.connect(self.show_queue)
        self.menu.addAction(self.new_request_action)
        self.menu.addAction(self.queue_action)
        self.approval_action: QAction | None = None
        if actor.can(Permission.APPROVE_ERASURE):
            self.approval_action = QAction(icon("erasure"), self.tr("&Erasure approval"), window)
            self.approval_action.setStatusTip(self.tr("Erasures waiting for a supervisor's approval (four eyes)"))
            self.approval_action.triggered.connect(self.show_approval_queue)
            self.menu.addSeparator()
            self.menu.addAction(self.approval_action)
        # The window owns the actions, so the shortcuts work wherever the focus is in it.
        window.addAction(self.new_request_action)
        window.addAction(self.queue_action)
        menus = [a for a in window.menuBar().actions() if a.menu() is not None]
        if len(menus) >= 2:
            # Before the last menu, which by convention is Help.
            window.menuBar().insertMenu(menus[-1], self.menu)
        else:
            window.menuBar().addMenu(self.menu)
        window.installEventFilter(self)

    @property
    def service(self) -> RequestService:
        if self._service is None:
            from desktop.services.requests import RequestService  # lazy: startup time

            self._service = RequestService(self.ctx, roll_forward=roll_forward_setting())
        return self._service

    # --- filing ------------------------------------------------------------------------------

    def new_request(self) -> FileRequestDialog | None:
        """Ctrl+N: file for the customer open in the main window; asks nothing modal of the tests."""
        customer = self.current_customer() if self.current_customer is not None else None
        if customer is None:
            self.dialogs.info(self.main_window, self.tr("New request"), self.tr(
                "Open the customer first: search for the person and press Enter, then file the request."))
            return None
        if self.file_dialog is not None:
            self.file_dialog.reject()
        customer_id, name = customer
        dialog = FileRequestDialog(self.ctx, self.actor, self.dialogs, customer_id, name, service=self.service,
                                   parent=self.main_window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.request_filed.connect(self._filed)
        dialog.existing_opened.connect(self.open_request)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: FileRequestDialog) -> None:
        if self.file_dialog is dialog:
            self.file_dialog = None

    def _filed(self, request_id: int, customer_id: int) -> None:
        from desktop.services.requests import reference  # lazy: startup time

        self.main_window.statusBar().showMessage(self.tr("Filed {reference}").format(reference=reference(request_id)),
                                                 8000)
        emit(self.request_filed, request_id, customer_id)
        self.open_request(request_id)

    # --- the window --------------------------------------------------------------------------

    def ensure_window(self) -> RequestsWindow:
        if self.requests_window is None:
            self.requests_window = RequestsWindow(self.ctx, self.actor, self.dialogs, self.service,
                                                  mailer=self.mailer, parent=self.main_window)
            self.requests_window.queue.request_opened.connect(self._open_customer)
            self.requests_window.request.customer_requested.connect(self._open_customer_id)
        return self.requests_window

    def show_queue(self) -> RequestsWindow:
        """Ctrl+Shift+Q: the queue, read fresh."""
        window = self.ensure_window()
        if window.isVisible():
            window.queue.refresh()
        window.show()
        window.raise_()
        window.activateWindow()
        window.queue.table.setFocus()
        return window

    def open_request(self, request_id: int) -> RequestsWindow:
        window = self.ensure_window()
        window.request.load(request_id)
        window.queue.refresh()
        window.show()
        window.raise_()
        return window

    def show_approval_queue(self) -> ApprovalQueueWidget:
        """The erasures waiting for a supervisor, in a window of their own, read fresh."""
        if self.approval_window is None:
            self.approval_window = ApprovalQueueWidget(self.ctx, self.actor, self.dialogs, parent=self.main_window)
            self.approval_window.setWindowFlag(Qt.WindowType.Window, True)
            self.approval_window.setWindowTitle(self.tr("Erasure approval – {app}").format(app=APP_NAME))
            self.approval_window.resize(1200, 560)
            close_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.approval_window, self.approval_window.close)
            close_key.setWhatsThis(self.tr("Close the erasure approval window"))
        else:
            self.approval_window.refresh()
        self.approval_window.show()
        self.approval_window.raise_()
        self.approval_window.activateWindow()
        return self.approval_window

    def _open_customer(self, _request_id: int, customer_id: int) -> None:
        self._open_customer_id(customer_id)

    def _open_customer_id(self, customer_id: int) -> None:
        if customer_id and self.open_customer is not None:
            self.open_customer(customer_id)

    # --- closing -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main_window and event.type() == QEvent.Type.Close:
            self.shutdown()
        return super().eventFilter(watched, event)

    def shutdown(self) -> None:
        """The main window is closing: close the requests window and wait for its calls."""
        if self.file_dialog is not None:
            self.file_dialog.reject()
        if self.requests_window is not None:
            self.requests_window.close()
            self.requests_window.shutdown()
        if self.approval_window is not None:
            self.approval_window.close()
            self.approval_window.shutdown()


def install_requests_ui(window: QMainWindow, ctx: DeskContext, actor: Actor, dialogs: DialogService, *,
                        current_customer: CurrentCustomer | None = None,
                        open_customer: Callable[[int], None] | None = None,
                        service: RequestService | None = None,
                        mailer: AttachmentMailer | None = None) -> RequestsUi:
    """Add the "Requests" menu (Ctrl+N, Ctrl+Shift+Q) to `window`; keep the returned object alive.

    `current_customer` answers (customer id, name) of the customer on screen, or None;
    `open_customer` opens a customer in the main window when a request is opened from the queue.
    """
    return RequestsUi(window, ctx, actor, dialogs, current_customer=current_customer, open_customer=open_customer,
                      service=service, mailer=mailer)
