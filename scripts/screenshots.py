"""Screenshots of the desk's main screens, in each interface language, made from the app itself.

    python scripts/screenshots.py [--lang nb|en|sv|all] [--out DIR] [--only NAME ...] [--customers N]

Builds a deterministic demo desk in a temporary folder (never the user's data, settings or
keyring), drives the real widgets offscreen at fixed sizes, and writes DIR/<lang>/<screen>.png
(DIR defaults to docs/screenshots). `--list` prints the screens. A screen whose module is not in
this checkout is skipped with a note; a language whose catalogue cannot be loaded is skipped with
a note and exit code 1, so English never lands in a folder named for another language.

Adding a screen: write `shoot_<name>(desk)` below and add one `Screen(...)` line to SCREENS. A
screen of a module that may not exist yet names the module in `Screen(module=...)`; `build()`
constructs its dialog by the names of its parameters (ctx, actor, dialogs, parent, settings).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import inspect
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

# First: it sets QT_QPA_PLATFORM and TZ before Qt loads.
import _shots
from _shots import ROOT, settle, wait_until
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext
    from desktop.services.erasure import ErasureService
    from desktop.services.requests import RequestService
    from desktop.ui.dialogs import DialogService
    from desktop.ui.main_window import MainWindow

MAIN_SIZE = (1280, 760)


@dataclass
class Desk:
    """One language's run: the desk, the signed-in staff and where the pictures go."""

    app: QApplication
    lang: str
    ctx: DeskContext
    scenario: _shots.Scenario
    out: Path
    wanted: set[str]
    agent: Actor
    supervisor: Actor
    admin: Actor
    requests: RequestService
    erasure: ErasureService
    dialogs: DialogService
    written: list[Path] = field(default_factory=list)

    def wants(self, name: str) -> bool:
        return name in self.wanted

    def save(self, widget: QWidget, name: str) -> None:
        if not self.wants(name):
            return
        settle(300)
        path = self.out / self.lang / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = _shots.png_bytes(widget)
        path.write_bytes(data)
        self.written.append(path)
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"wrote {shown} ({widget.width()}x{widget.height()}, {len(data) // 1024} KB)")


def today_on_screen(widget: QWidget) -> None:
    """Date fields that default to the real today show the fixed clock's day, as an agent would type it."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit

    day = _shots.shot_today()
    for edit in widget.findChildren(QDateEdit):
        if edit.date() == QDate.currentDate():
            edit.setDate(QDate(day.year, day.month, day.day))


def close(widget: QWidget) -> None:
    """Waits for the widget's service calls, then closes it, so none outlives the desk."""
    shutdown = getattr(widget, "shutdown", None)
    if callable(shutdown):
        shutdown()
    widget.close()
    widget.deleteLater()
    settle(50)


# --- the screens -----------------------------------------------------------------------------------


def shoot_login(desk: Desk) -> None:
    from desktop.ui.login import LoginDialog

    login = LoginDialog(desk.ctx)
    login.username_edit.setText("agent")
    login.password_edit.setText(_shots.PASSWORD)
    login.show()
    wait_until(login.isVisible)
    desk.save(login, "login")
    close(login)


def _open_first_hit(window: MainWindow, query: str) -> None:
    window.search_edit.setText(query)
    wait_until(lambda: not window.model.is_busy() and window.model.rowCount() > 0, what="the search")
    window.table.setCurrentIndex(window.model.index(0, 0))
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    wait_until(lambda: window.profile.header is not None and not window.profile.is_busy(), what="the profile")


def shoot_call(desk: Desk) -> None:
    """A call as the agent takes it: search, the locked profile, verification, data by purpose."""
    from desktop.bootstrap import build_services
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings_store import desk_settings

    window = MainWindow(desk.ctx, desk.agent, build_services(desk.ctx, desk_settings), dialogs=desk.dialogs)
    window.resize(*MAIN_SIZE)
    window.show()
    window.search_edit.setText("hansen")
    wait_until(lambda: not window.model.is_busy() and window.model.rowCount() > 0, what="the search")
    window.table.setCurrentIndex(window.model.index(0, 0))
    desk.save(window, "search")

    _open_first_hit(window, desk.scenario.showcase_name)
    profile = window.profile
    desk.save(window, "profile-locked")

    profile.verify_button.click()
    dialog = profile.verify_dialog
    assert dialog is not None
    wait_until(lambda: dialog.hints is not None and not profile.is_busy(), what="the verify dialog")
    desk.save(dialog, "verify")
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    dialog.reference_edit.setText("BID-7F3A-20261116-9921")
    dialog.eid_button.click()
    wait_until(lambda: profile.may_see_more() and not profile.is_busy(), what="the verification")

    section = profile.sections["purchase"]
    section.expand()
    wait_until(lambda: section.group is not None and not profile.is_busy(), what="the purpose")
    orders = next((i for i in range(section.tabs.count()) if section.models[i].record_kind == "order"), 0)
    section.tabs.setCurrentIndex(orders)
    settle(300)
    profile.groups_scroll.ensureWidgetVisible(section.tabs, 0, 0)
    desk.save(window, "profile")

    # A few more calls, so the access log has a morning's worth of entries.
    window.search_edit.setText("hansen")
    wait_until(lambda: not window.model.is_busy() and window.model.rowCount() > 0, what="the search")
    for row in range(min(4, window.model.rowCount())):
        window.table.setCurrentIndex(window.model.index(row, 0))
        QTest.keyClick(window.table, Qt.Key.Key_Return)
        wait_until(lambda: window.profile.header is not None and not window.profile.is_busy(), what="the profile")
    window.profile.close_contact()
    wait_until(lambda: not window.profile.is_busy())
    close(window)


def shoot_file_request(desk: Desk) -> None:
    from desktop.ui.file_request_dialog import FileRequestDialog

    scenario = desk.scenario
    dialog = FileRequestDialog(desk.ctx, desk.agent, desk.dialogs, scenario.file_for_customer,
                               scenario.file_for_name, service=desk.requests)
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("objection_direct_marketing"))
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("letter"))
    dialog.set_received(desk.requests.today() - timedelta(days=3))
    dialog.notes_edit.setPlainText({
        "nb": "Brev: vil ikke ha flere nyhetsbrev på e-post eller SMS.",
        "sv": "Brev: vill inte ha fler nyhetsbrev via e-post eller sms.",
    }.get(desk.lang, "Letter: no more newsletters by e-mail or SMS."))  # what the agent types, in their language
    dialog.show()
    desk.save(dialog, "file-request")
    dialog.reject()
    close(dialog)


def shoot_requests(desk: Desk) -> None:
    """The supervisor's morning queue (overdue in red, due soon in amber), and one request as the agent works it."""
    from desktop.ui.request_view import RequestViewWidget
    from desktop.ui.requests_ui import RequestsWindow

    scenario = desk.scenario
    if desk.wants("queue"):
        window = RequestsWindow(desk.ctx, desk.supervisor, desk.dialogs, desk.requests)
        window.resize(1600, 820)
        window.splitter.setSizes([1000, 600])
        window.show()
        wait_until(lambda: window.queue.model.rowCount() > 0 and not window.queue.is_busy(), what="the queue")
        # A white row, so the red and amber rows show their colours rather than the selection's.
        window.queue.table.selectRow(window.queue.model.row_of(scenario.awaiting_approval))
        window.request.load(scenario.awaiting_approval)
        wait_until(lambda: window.request.view is not None and not window.request.is_busy(), what="the request")
        desk.save(window, "queue")
        close(window)

    if desk.wants("request"):
        view = RequestViewWidget(desk.ctx, desk.agent, desk.dialogs, service=desk.requests)
        view.resize(980, 560)
        view.show()
        view.load(scenario.access_request)
        wait_until(lambda: view.view is not None and not view.is_busy(), what="the request")
        today_on_screen(view)
        desk.save(view, "request")
        close(view)


def shoot_erasure(desk: Desk) -> None:
    """The plan as the approving supervisor sees it (four eyes), and the supervisors' approval queue."""
    from desktop.ui.erasure_ui import ApprovalQueueWidget, ErasurePlanDialog

    if desk.wants("erasure-plan"):
        dialog = ErasurePlanDialog(desk.ctx, desk.supervisor, desk.scenario.erasure_plan, desk.dialogs,
                                   service=desk.erasure)
        dialog.resize(1200, 700)
        dialog.show()
        wait_until(lambda: dialog.loaded is not None and not dialog.is_busy(), what="the erasure plan")
        desk.save(dialog, "erasure-plan")
        close(dialog)

    if desk.wants("approval-queue"):
        queue = ApprovalQueueWidget(desk.ctx, desk.supervisor, desk.dialogs, service=desk.erasure)
        queue.resize(1200, 420)
        queue.show()
        wait_until(lambda: bool(queue.rows) and not queue.is_busy(), what="the approval queue")
        queue.table.selectRow(0)
        desk.save(queue, "approval-queue")
        close(queue)


def shoot_register_copy(desk: Desk) -> None:
    """The Art. 15 copy for the showcase person's access request: review on the left, the PDF on the right."""
    from PySide6.QtPdf import QPdfDocument

    from desktop.services.register_copy import RegisterCopyService
    from desktop.ui.register_copy_dialog import RegisterCopyDialog

    dialog = RegisterCopyDialog(desk.ctx, desk.agent, desk.scenario.showcase_customer, desk.scenario.access_request,
                                desk.dialogs, service=RegisterCopyService(desk.ctx, clock=_shots.fixed_clock))
    dialog.resize(1280, 860)
    dialog.show()
    wait_until(lambda: dialog.document.status() == QPdfDocument.Status.Ready and not dialog.worker.is_busy(),
               timeout_s=60, what="the register copy")
    if dialog.review_list.count():
        dialog.review_list.setCurrentRow(0)
    _shots.stable_grab(dialog)
    desk.save(dialog, "register-copy")
    close(dialog)


def shoot_log_viewer(desk: Desk) -> None:
    from desktop.ui.log_viewer import LogViewer

    viewer = LogViewer(desk.ctx, desk.supervisor, dialogs=desk.dialogs)
    viewer.resize(1280, 720)
    viewer.show()
    wait_until(lambda: viewer.model.rowCount() > 0 and not viewer.worker.is_busy(), what="the access log")
    viewer.verify_chain()
    wait_until(viewer.chain_label.isVisible, what="the chain check")
    desk.save(viewer, "log-viewer")
    close(viewer)


def build(module_name: str, class_names: Sequence[str], desk: Desk, actor: Actor) -> QWidget:
    """A dialog from a module that may be newer than this script: its arguments chosen by parameter name."""
    module = importlib.import_module(module_name)
    cls = next((getattr(module, n) for n in class_names if isinstance(getattr(module, n, None), type)), None)
    if cls is None:
        raise LookupError(f"{module_name} has none of {', '.join(class_names)}")
    from desktop.app import desk_settings

    known: dict[str, Any] = {"ctx": desk.ctx, "context": desk.ctx, "desk": desk.ctx, "actor": actor,
                             "dialogs": desk.dialogs, "parent": None, "settings": desk_settings()}
    kwargs: dict[str, Any] = {}
    args: list[Any] = []
    for name, param in inspect.signature(cls).parameters.items():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if name in known:
            if param.kind is param.POSITIONAL_ONLY:
                args.append(known[name])
            else:
                kwargs[name] = known[name]
        elif param.default is param.empty:
            raise LookupError(f"{cls.__name__}() needs '{name}', which the script does not know how to give")
    widget = cls(*args, **kwargs)
    if not isinstance(widget, QWidget):
        raise TypeError(f"{cls.__name__} is not a widget")
    return widget


def _shoot_dialog(desk: Desk, name: str, widget: QWidget) -> None:
    widget.show()
    wait_until(widget.isVisible)
    worker = getattr(widget, "worker", None)
    if worker is not None and hasattr(worker, "is_busy"):
        wait_until(lambda: not worker.is_busy(), what=name)
    desk.save(widget, name)
    if isinstance(widget, QDialog):
        widget.reject()
    close(widget)


def shoot_settings(desk: Desk) -> None:
    _shoot_dialog(desk, "settings", build("desktop.ui.settings_dialog", ("SettingsDialog",), desk, desk.admin))


def shoot_about(desk: Desk) -> None:
    _shoot_dialog(desk, "about", build("desktop.ui.about_dialog", ("AboutDialog",), desk, desk.agent))


def shoot_lock(desk: Desk) -> None:
    from desktop.errors import DeskError
    from desktop.services.accounts import AccountService
    from desktop.ui.i18n import current_lang
    from desktop.ui.idle_lock import LockDialog

    dialog = LockDialog(desk.agent.display_name or desk.agent.username)
    try:  # one wrong password, as the service answers it, on this language's copy of the desk
        AccountService(desk.ctx).reauthenticate(desk.agent, "not-the-password")
    except DeskError as exc:
        dialog.show_error(exc.text(current_lang()))
    _shoot_dialog(desk, "lock", dialog)


@dataclass(frozen=True)
class Screen:
    """One function that writes one or more screens; `module` names a UI module it needs."""

    names: tuple[str, ...]
    shoot: Callable[[Desk], None]
    module: str | None = None


#: In order: the log viewer comes last, so it shows the calls taken before it.
SCREENS: tuple[Screen, ...] = (
    Screen(("login",), shoot_login),
    Screen(("search", "profile-locked", "verify", "profile"), shoot_call),
    Screen(("file-request",), shoot_file_request),
    Screen(("queue", "request"), shoot_requests),
    Screen(("erasure-plan", "approval-queue"), shoot_erasure),
    Screen(("register-copy",), shoot_register_copy),
    Screen(("settings",), shoot_settings, module="desktop.ui.settings_dialog"),
    Screen(("about",), shoot_about, module="desktop.ui.about_dialog"),
    Screen(("lock",), shoot_lock, module="desktop.ui.idle_lock"),
    Screen(("log-viewer",), shoot_log_viewer),
)
ALL_NAMES = tuple(name for screen in SCREENS for name in screen.names)


# --- running ---------------------------------------------------------------------------------------


def run_language(app: QApplication, lang: str, *, template: Path, scenario: _shots.Scenario, workdir: Path,
                 out: Path, wanted: set[str]) -> list[Path]:
    from desktop.services.accounts import AccountService
    from desktop.ui.dialogs import DialogService

    with _shots.copy_desk(template, workdir / lang) as ctx:
        accounts = AccountService(ctx)
        requests, erasure = _shots.services(ctx)
        desk = Desk(app=app, lang=lang, ctx=ctx, scenario=scenario, out=out, wanted=wanted,
                    agent=accounts.login("agent", _shots.PASSWORD),
                    supervisor=accounts.login("supervisor", _shots.PASSWORD),
                    admin=accounts.login("admin", _shots.PASSWORD),
                    requests=requests, erasure=erasure, dialogs=DialogService())
        for screen in SCREENS:
            if not wanted.intersection(screen.names):
                continue
            if screen.module is not None and importlib.util.find_spec(screen.module) is None:
                print(f"note: skipped {', '.join(screen.names)}: {screen.module} is not in this checkout")
                continue
            try:
                screen.shoot(desk)
            except (LookupError, TypeError) as exc:
                if screen.module is None:
                    raise
                print(f"note: skipped {', '.join(screen.names)}: {exc}")
        return desk.written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--lang", choices=[*_shots.LANGUAGES, "all"], default="all",
                        help="interface language (default: all three)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots",
                        help="folder for <lang>/<screen>.png (default: docs/screenshots)")
    parser.add_argument("--only", nargs="+", metavar="NAME", choices=ALL_NAMES,
                        help="only these screens (see --list)")
    parser.add_argument("--customers", type=int, default=400, help="size of the demo register (default 400)")
    parser.add_argument("--list", action="store_true", help="print the screen names and exit")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(ALL_NAMES))
        return 0
    langs = list(_shots.LANGUAGES) if args.lang == "all" else [args.lang]
    wanted = set(args.only or ALL_NAMES)
    out: Path = args.out.resolve()
    failed: list[str] = []

    with _shots.sandbox() as workdir:
        app = _shots.application()
        template = workdir / "template" / "demo.sqlite3"
        template.parent.mkdir()
        print(f"building the demo desk ({args.customers} customers) in {workdir}")
        scenario = _shots.build_desk(template, args.customers)
        for lang in langs:
            problem = _shots.install_language(app, lang)
            if problem is not None:
                print(f"note: skipped language {lang}: {problem}")
                failed.append(lang)
                continue
            run_language(app, lang, template=template, scenario=scenario, workdir=workdir, out=out, wanted=wanted)
        app.processEvents()
    if failed:
        print(f"not written: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
