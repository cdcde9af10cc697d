"""The agent's main window: one search box and the hits on the left, the customer opened on the right.

Built for a person on the phone with their hands on the keyboard: Ctrl+F searches, the arrow
keys walk the hits, Enter opens, Esc ends the call and starts over. Opening a person starts a
contact and shows the profile by purpose (`ProfileView`), which writes the access-log entries;
re-pressing Enter on the person already shown reads nothing new and so logs nothing new.
Supervisors and admins also get the access-log viewer ("Log" menu); the service refuses anyone else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.domain.roles import Actor, Permission, Role
from desktop.services.context import DeskContext
from desktop.services.search import SearchService
from desktop.settings import MAIN_GEOMETRY, MAIN_RESULTS_HEADER, MAIN_SPLITTER
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.dialogs import DialogService
from desktop.ui.icons import icon
from desktop.ui.idle_lock import install_idle_lock
from desktop.ui.profile_view import ProfileView
from desktop.ui.qt_compat import emit
from desktop.ui.requests_ui import install_requests_ui
from desktop.ui.search_model import SearchResultModel
from desktop.ui.settings_dialog import open_settings as open_settings_dialog
from desktop.ui.settings_store import desk_settings
from desktop.ui.shortcuts_dialog import ShortcutsDialog
from desktop.ui.styles import ERROR_STYLE, NOTICE_STYLE, compact

if TYPE_CHECKING:
    from desktop.bootstrap import DeskServices
    from desktop.ui.log_viewer import LogViewer

__all__ = ["MainWindow"]

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class MainWindow(QMainWindow):
    #: The window has closed (and saved its layout): the session is over.
    closed = Signal()

    def __init__(self, ctx: DeskContext, actor: Actor, services: DeskServices, *,
                 dialogs: DialogService | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.dialogs = dialogs or DialogService(self)
        self.services = services
        self.verification = services.verification
        self.log_viewer: LogViewer | None = None
        self.setWindowTitle(f"{APP_NAME} – {ctx.db.display_name()}")

        self.model = SearchResultModel(SearchService(ctx), actor, parent=self)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Search by name, e-mail, phone, identity number or order number")
        )
        self.search_edit.setAccessibleName(self.tr("Search"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setMaxLength(200)
        self.search_edit.textChanged.connect(self.model.set_query)
        self.search_edit.returnPressed.connect(self._enter_in_search)
        self.search_edit.installEventFilter(self)

        self.notes_label = QLabel()
        self.notes_label.setAccessibleName(self.tr("Search notes"))
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet(NOTICE_STYLE)
        self.notes_label.hide()

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Search results"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # Tab leaves the table (the arrows walk it); cell by cell, Tab would never reach the profile.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        self._fit_columns()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.search_edit)
        left_box.addWidget(self.notes_label)
        left_box.addWidget(self.table, 1)

        self.profile = ProfileView(ctx, actor, self.verification, dialogs=self.dialogs)
        self.profile.opened.connect(self._profile_opened)
        self.profile.open_failed.connect(self._open_failed)
        self.profile.contact_closed.connect(lambda: self.statusBar().showMessage(self.tr("Call ended"), 5000))
        profile_frame = QFrame()
        profile_frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame_box = QVBoxLayout(profile_frame)
        frame_box.setContentsMargins(4, 4, 4, 4)
        frame_box.addWidget(self.profile)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(profile_frame)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        # The profile holds the wide record tables; the hits need name, number and masked contact.
        self.splitter.setSizes([560, 620])
        self.splitter.setChildrenCollapsible(False)
        container = QWidget()
        outer = QVBoxLayout(container)
        outer.addWidget(self.splitter)
        self.setCentralWidget(container)

        # Before the menus, whose "Lock now" it answers; it hides every window after the idle time.
        self.idle_lock = install_idle_lock(self, ctx, actor, self.dialogs)
        self._build_menus()
        self.requests_ui = install_requests_ui(
            self, ctx, actor, self.dialogs,
            current_customer=self._current_customer,
            open_customer=self.open_customer,
            mailer=services.mailer,
        )
        self._build_status_bar()
        find_key = QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        find_key.setWhatsThis(self.tr("Search (selects the search text)"))
        end_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.clear_search)
        end_key.setWhatsThis(self.tr("End the call (the contact ends) and clear the search"))

        self.model.searching.connect(lambda: self.statusBar().showMessage(self.tr("Searching…")))
        self.model.results_ready.connect(self._results_ready)
        self.model.notes_changed.connect(self._show_notes)
        self.model.search_failed.connect(self._search_failed)

        self.resize(1180, 720)
        self._restore_state()
        self.search_edit.setFocus()

    # --- building ----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        settings_action = QAction(icon("settings"), self.tr("&Settings…"), self)
        settings_action.setShortcut(QKeySequence("Ctrl+,"))
        settings_action.setStatusTip(self.tr("Database, e-mail, language and idle lock of this workstation"))
        # Per-workstation settings: anyone signed in here may change them, as at the sign-in screen.

        def open_settings() -> None:
            self.settings_dialog = open_settings_dialog(self, self.dialogs)

        settings_action.triggered.connect(open_settings)
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        self.settings_action = settings_action
        lock_action = QAction(icon("lock"), self.tr("&Lock now"), self)
        lock_action.setShortcut(QKeySequence("Ctrl+L"))
        lock_action.setStatusTip(self.tr("Hide every window until you enter your password again"))
        lock_action.triggered.connect(self.idle_lock.lock_now)
        file_menu.addAction(lock_action)
        self.lock_action = lock_action
        quit_action = QAction(icon("quit"), self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        log_menu = self.menuBar().addMenu(self.tr("&Log"))
        log_action = QAction(icon("log"), self.tr("&Access log…"), self)
        log_action.triggered.connect(self.show_log_viewer)
        # Only a convenience: the service refuses anyone without the permission all the same.
        log_action.setEnabled(self.actor.can(Permission.VIEW_ACCESS_LOG))
        log_menu.addAction(log_action)
        self.log_action = log_action

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        keys_action = QAction(icon("keyboard"), self.tr("&Keyboard shortcuts"), self)
        keys_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        keys_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys_action)
        about_action = QAction(icon("about"), self.tr("&About {app}").format(app=APP_NAME), self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)
        self.quit_action, self.shortcuts_action, self.about_action = quit_action, keys_action, about_action

    def _fit_columns(self) -> None:
        """Widths from typical values and the translated titles: resizing to contents reads every row."""
        header = self.table.horizontalHeader()
        cells = self.table.fontMetrics()
        for column, sample in ((SearchResultModel.COL_NAME, "Kristoffer Andreassen"),
                               (SearchResultModel.COL_CUSTOMER_NUMBER, "K0000000"),
                               (SearchResultModel.COL_EMAIL, "m***@e***.com"),
                               (SearchResultModel.COL_PHONE, "+47 *** ** 000")):
            header.resizeSection(column, max(cells.horizontalAdvance(sample) + 24, self._title_width(column)))

    def _title_width(self, column: int) -> int:
        title_font = QFont(self.table.horizontalHeader().font())
        title_font.setBold(True)
        title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
        return QFontMetrics(title_font).horizontalAdvance(title) + 24

    def _widen_to_titles(self) -> None:
        """Widths saved under another language may be too narrow for this one's titles."""
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            if not header.isSectionHidden(column) and header.sectionSize(column) < self._title_width(column):
                header.resizeSection(column, self._title_width(column))

    def _role_name(self, role: Role) -> str:
        return {
            Role.AGENT: self.tr("Agent"),
            Role.SUPERVISOR: self.tr("Supervisor"),
            Role.ADMIN: self.tr("Administrator"),
        }[role]

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        who = self.actor.display_name or self.actor.username
        self.user_label = QLabel(self.tr("{name} ({role})").format(name=who, role=self._role_name(self.actor.role)))
        self.user_label.setAccessibleName(self.tr("Signed-in user"))
        self.database_label = QLabel(self.ctx.db.display_name())
        self.database_label.setAccessibleName(self.tr("Database"))
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.database_label)
        self.demo_label: QLabel | None = None
        if self.ctx.keys.demo_only:
            self.demo_label = QLabel(self.tr("Demo keys (demo only)"))
            self.demo_label.setStyleSheet(compact(NOTICE_STYLE))
            self.demo_label.setAccessibleName(self.tr("Demo keys notice"))
            bar.addPermanentWidget(self.demo_label)

    # --- settings ----------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = desk_settings()
        for option, restore in ((MAIN_GEOMETRY, self.restoreGeometry), (MAIN_SPLITTER, self.splitter.restoreState),
                                (MAIN_RESULTS_HEADER, self.table.horizontalHeader().restoreState)):
            value = option.read(settings)
            if isinstance(value, QByteArray | bytes) and value:
                restore(QByteArray(value))
        self._widen_to_titles()

    def save_state(self) -> None:
        settings = desk_settings()
        MAIN_GEOMETRY.write(settings, self.saveGeometry())
        MAIN_SPLITTER.write(settings, self.splitter.saveState())
        MAIN_RESULTS_HEADER.write(settings, self.table.horizontalHeader().saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.shutdown()
        if self.log_viewer is not None:
            self.log_viewer.close()
        super().closeEvent(event)
        emit(self.closed)

    def shutdown(self) -> None:
        """Before the desk closes: no search left running, and the open contact ended in the log."""
        self.model.shutdown()
        self.profile.shutdown()

    # --- keyboard ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search_edit and key == Qt.Key.Key_Down:
                self._enter_table()
                return True
            if watched is self.table and key in _ENTER_KEYS:
                self._open_index(self.table.currentIndex())
                return True
            if watched is self.table and key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
                self.focus_search()
                return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def clear_search(self) -> None:
        """Esc: the call is over; the contact ends and the next caller starts from an empty desk."""
        self.search_edit.clear()
        self.model.clear()
        self.statusBar().clearMessage()
        self.profile.close_contact()
        self.search_edit.setFocus()

    def _enter_table(self) -> None:
        if self.model.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _enter_in_search(self) -> None:
        if self.model.is_busy():
            # The rows on screen do not answer this text yet: search now, open nothing.
            self.model.search_now()
            return
        index = self.table.currentIndex()
        self._open_index(index if index.isValid() else self.model.index(0, 0))

    # --- results and the profile -------------------------------------------------------------

    def _results_ready(self, rows: int, more: bool) -> None:
        if not self.model.query:
            self.statusBar().clearMessage()
        elif rows == 0:
            self.statusBar().showMessage(self.tr("No customers found"))
        elif rows == 1 and not more:
            self.statusBar().showMessage(self.tr("One customer found"))
        elif more:
            self.statusBar().showMessage(self.tr("{count} customers shown; scroll for more").format(count=rows))
        else:
            self.statusBar().showMessage(self.tr("{count} customers found").format(count=rows))

    def _show_notes(self, notes: list[str]) -> None:
        self.notes_label.setStyleSheet(NOTICE_STYLE)
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))

    def _search_failed(self, text: str) -> None:
        self.notes_label.setStyleSheet(ERROR_STYLE)
        self.notes_label.setText(text)
        self.notes_label.show()
        self.statusBar().showMessage(self.tr("The search failed"))

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid() or self.model.is_busy():
            return
        customer_id = self.model.data(index, SearchResultModel.CustomerIdRole)
        if isinstance(customer_id, int):
            self.open_customer(customer_id)

    def _current_customer(self) -> tuple[int, str] | None:
        """The person on the line, for filing a request from the profile."""
        header = self.profile.header
        return (header.customer_id, header.name) if header is not None else None

    def open_customer(self, customer_id: int) -> None:
        """Ends the contact shown (if another customer) and opens this one, off the GUI thread."""
        self.statusBar().showMessage(self.tr("Opening…"))
        self.profile.open_customer(customer_id)

    def _profile_opened(self, _customer_id: int) -> None:
        header = self.profile.header
        if header is not None:
            self.statusBar().showMessage(self.tr("Opened {number}").format(number=header.customer_number), 5000)

    def _open_failed(self, text: str) -> None:
        self.statusBar().clearMessage()
        self.dialogs.error(self, self.tr("Cannot open the customer"), text)

    def show_log_viewer(self) -> None:
        if self.log_viewer is None:
            from desktop.ui.log_viewer import LogViewer  # lazy: startup time

            self.log_viewer = LogViewer(self.ctx, self.actor, dialogs=self.dialogs, parent=self)
        self.log_viewer.show()
        self.log_viewer.raise_()
        self.log_viewer.activateWindow()

    # --- help --------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        """F1: every shortcut installed in this window, read from the window itself."""
        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.shortcuts_dialog.open()

    def show_about(self) -> None:
        self.about_dialog = AboutDialog(self.ctx, self)
        self.about_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.about_dialog.open()
