"""The composition root of the GUI: application -> login dialog -> database -> main window.

The order is chosen for how fast the first window appears. Importing SQLAlchemy, Alembic and the
keyring and opening the database take most of a second, so the login dialog is built and shown
first (it needs none of that) and the database is opened on a worker thread while the person
types. The desk arrives in the dialog by a queued signal; a failure to open it (locked,
read-only, damaged, outdated, no keyring) becomes a message box and exit code 1, never a traceback.

After sign-in the services are composed from the settings by `desktop.bootstrap.build_services`
(SMTP as `desktop.settings` declares it, the password read from the OS keyring only when a mail
goes out; SMS through a file adapter in the data folder) and handed to the main window. No widget
imports this module.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QThread, Signal

from desktop import APP_NAME
from desktop.bootstrap import build_services
from desktop.errors import DeskError
from desktop.paths import default_database_path
from desktop.settings import SettingsBackend
from desktop.ui.application import make_application
from desktop.ui.dialogs import DialogService
from desktop.ui.i18n import current_lang
from desktop.ui.login import FirstAdminDialog, LoginDialog
from desktop.ui.qt_compat import emit
from desktop.ui.settings_store import SettingsStore, desk_settings

if TYPE_CHECKING:
    import logging

    from desktop.services.context import DeskContext
    from desktop.ui.main_window import MainWindow

__all__ = [
    "EXIT_ERROR",
    "EXIT_OK",
    "DeskOpener",
    "OpenRequest",
    "Startup",
    "describe_url",
    "desk_settings",
    "make_application",
    "open_request",
    "run_gui",
]


def _log() -> logging.Logger:
    """Imported on first use: `logging` costs ~15 ms before the first window otherwise."""
    import logging  # lazy: startup time

    return logging.getLogger(__name__)


EXIT_OK = 0
EXIT_ERROR = 1


def describe_url(url: str) -> str:
    """What `Database.display_name()` will say, worked out without importing SQLAlchemy."""
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///"):] or ":memory:"
    if url.startswith("sqlite://"):
        return ":memory:"
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or 5432}{parts.path}"


class OpenRequest(NamedTuple):
    url: str
    #: The default embedded database does not exist yet: create schema and keys.
    create: bool
    #: Files to remove if that first creation fails, so the next start begins clean.
    created_files: tuple[Path, ...] = ()
    #: The keyring entry holding the server password; read on the opener's thread, never put in `url`.
    password_entry: str | None = None


def open_request(url: str | None, settings: QSettings | None = None) -> OpenRequest:
    """`--db` wins; then the database chosen in Settings; then the default file in the data folder."""
    if url is not None:
        return OpenRequest(url, create=False)
    configured = SettingsStore(settings if settings is not None else desk_settings()).load()
    if configured.uses_postgresql:
        url = configured.database_url()
        assert url is not None
        return OpenRequest(url, create=False,
                           password_entry=configured.pg_keyring_entry() if configured.pg_password_stored else None)
    # An embedded database, chosen or the default, is created on its first start.
    path = Path(configured.sqlite_path).expanduser() if configured.sqlite_path else default_database_path()
    if path.exists() and path.stat().st_size > 0:
        return OpenRequest(f"sqlite:///{path}", create=False)
    files = tuple(path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm", "-journal"))
    return OpenRequest(f"sqlite:///{path}", create=True, created_files=files)


class DeskOpener(QThread):
    """Opens the desk off the GUI thread and reports whether anyone can sign in yet."""

    opened = Signal(object, bool)  # DeskContext, has staff accounts
    failed = Signal(str)

    def __init__(self, request: OpenRequest, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.request = request
        #: Kept here as well as sent, so a start cancelled before the signal arrives still closes it.
        self.ctx: DeskContext | None = None

    def run(self) -> None:
        try:
            ctx, has_accounts = self._open()
        except DeskError as exc:
            self._discard_new_database()
            emit(self.failed, exc.text(current_lang()))
            return
        except Exception as exc:
            _log().exception("opening the database failed")
            self._discard_new_database()
            emit(self.failed, QCoreApplication.translate(
                "DeskOpener", "The database could not be opened because of an unexpected error ({error})."
            ).format(error=type(exc).__name__))
            return
        self.ctx = ctx
        # Loaded here, off the GUI thread, so the main window appears without a pause after sign-in.
        import desktop.ui.main_window  # noqa: F401  # lazy: startup time

        emit(self.opened, ctx, has_accounts)

    def _open(self) -> tuple[DeskContext, bool]:
        from desktop.services.context import open_desk  # lazy: startup time (SQLAlchemy)
        from desktop.services.setup import SetupService  # lazy: startup time

        ctx = open_desk(self._url(), migrate=self.request.create, create_keys=self.request.create)
        try:
            return ctx, SetupService(ctx).has_accounts()
        except BaseException:
            ctx.close()
            raise

    def _url(self) -> str:
        """The URL with the server password from the keyring, made here so it never reaches a log or label."""
        if self.request.password_entry is None:
            return self.request.url
        from sqlalchemy.engine import make_url  # lazy: startup time

        password = SettingsStore.secret(self.request.password_entry)
        if password is None:
            return self.request.url
        return make_url(self.request.url).set(password=password).render_as_string(hide_password=False)

    def _discard_new_database(self) -> None:
        for path in self.request.created_files:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                _log().warning("could not remove %s after a failed first start", path)


class Startup(QObject):
    """Walks one start: login (with the desk arriving), perhaps the first admin, the main window.

    It ends by emitting `finished(exit code)` rather than stopping the application itself, so the
    caller owns the event loop (and tests can walk a start without one).
    """

    finished = Signal(int)

    def __init__(self, request: OpenRequest, *, dialogs: DialogService | None = None,
                 configurable: bool = False, settings: Callable[[], SettingsBackend] = desk_settings) -> None:
        super().__init__()
        self.request = request
        #: Makes the settings store the services are composed from (one per thread that reads it).
        self.settings = settings
        #: The database came from Settings (no --db): a failed open offers Settings and a retry.
        self.configurable = configurable
        self.dialogs = dialogs or DialogService(self)
        self.exit_code = EXIT_OK
        self.ctx: DeskContext | None = None
        self.window: MainWindow | None = None
        self.login = LoginDialog(database_name=describe_url(request.url))
        self.login.accepted.connect(self._signed_in)
        self.login.rejected.connect(lambda: self._quit(EXIT_OK))
        self.opener = self._make_opener(request)

    def _make_opener(self, request: OpenRequest) -> DeskOpener:
        opener = DeskOpener(request, self)
        opener.opened.connect(self._opened)
        opener.failed.connect(self._failed)
        return opener

    def begin(self) -> None:
        self.login.show()
        self.opener.start()

    def _opened(self, ctx: DeskContext, has_accounts: bool) -> None:
        self.ctx = ctx
        if has_accounts:
            self.login.set_context(ctx)
            return
        self.login.hide()
        first = FirstAdminDialog(ctx)
        if first.exec() != FirstAdminDialog.DialogCode.Accepted:
            self._quit(EXIT_OK)
            return
        self.login.set_context(ctx, submit_pending=False)
        self.login.set_username(first.username)
        self.login.show()

    def _failed(self, text: str) -> None:
        self.login.hide()
        title = self.tr("{app} cannot start").format(app=APP_NAME)
        if not self.configurable:
            self.dialogs.error(None, title, text)
            self._quit(EXIT_ERROR)
            return
        # A wrong server password or a moved file is fixed in Settings, which is otherwise out of
        # reach when the desk cannot open: offer it, then try again with what was saved.
        if self.dialogs.confirm(None, title, self.tr(
            "{error}\n\nOpen Settings to correct the database connection and try again?"
        ).format(error=text)) and self._edit_settings():
            self._retry()
            return
        self._quit(EXIT_ERROR)

    def _edit_settings(self) -> bool:
        """Settings as a modal dialog; True when the person saved."""
        from desktop.ui.settings_dialog import SettingsDialog  # lazy: startup time (only when a start fails)

        dialog = SettingsDialog(dialogs=self.dialogs)
        return dialog.exec() == SettingsDialog.DialogCode.Accepted

    def _retry(self) -> None:
        self.opener.wait()
        self.request = open_request(None)
        self.login.set_database_name(describe_url(self.request.url))
        self.opener = self._make_opener(self.request)
        self.login.show()
        self.opener.start()

    def _signed_in(self) -> None:
        if self.ctx is None or self.login.actor is None:
            self._quit(EXIT_ERROR)
            return
        from desktop.ui.main_window import MainWindow  # lazy: startup time

        self.window = MainWindow(self.ctx, self.login.actor, build_services(self.ctx, self.settings),
                                 dialogs=self.dialogs)
        self.window.closed.connect(lambda: self._quit(EXIT_OK))
        self.window.show()

    def _quit(self, code: int) -> None:
        self.exit_code = code
        emit(self.finished, code)

    def finish(self) -> None:
        """After the event loop: let an unfinished open end, then close the desk."""
        self.opener.wait()
        if self.window is not None:
            self.window.shutdown()
        ctx = self.ctx or self.opener.ctx
        if ctx is not None:
            ctx.close()
        self.ctx = self.opener.ctx = None


def run_gui(url: str | None) -> int:
    from desktop.app_logging import configure_logging  # lazy: startup time (logging)

    # First, so a failure to open the desk is in the log too; a no-op under the command line's.
    with configure_logging():
        app = make_application()
        # Hiding the login dialog (before the first-admin dialog, or before the main window) must not
        # end the program: the start-up says when it is over.
        app.setQuitOnLastWindowClosed(False)
        startup = Startup(open_request(url), configurable=url is None)
        startup.finished.connect(app.exit)
        startup.begin()
        code = app.exec()
        startup.finish()
    return startup.exit_code if startup.exit_code != EXIT_OK else code
