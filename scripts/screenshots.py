"""Screenshots of the desk as an agent sees it, for the docs and for looking at what was built.

Runs headless (offscreen) against a throw-away demo database in a temporary folder, so it never
touches the user's own data, settings or keyring entries:

    python scripts/screenshots.py [--out docs/screenshots] [--customers 500]

Writes login.png, search.png (results for "hansen"), profile-locked.png (a person opened, not yet
verified), verify.png (the verification dialog), profile.png (verified, a purpose opened with its
records) and log-viewer.png (the access log as a supervisor sees it).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import importlib.util
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.ui.dialogs import DialogService  # noqa: E402

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext
    from desktop.ui.main_window import MainWindow

AGENT, PASSWORD = "agent", "demo"
SUPERVISOR = "supervisor"
#: The first demo customer is built with every kind of record: the richest profile to show.
SHOWCASE = "Kari Ødegård"
FALLBACK_PEOPLE = [
    ("Kari", "Ødegård", "Oslo"), ("Per", "Sæther", "Bergen"), ("Bjørn", "Åsen", "Trondheim"),
    ("Ola", "Nordmann", "Stavanger"), ("Åsa", "Lindström", "Göteborg"),
    *((first, "Hansen", city) for first, city in (
        ("Ingrid", "Tromsø"), ("Lars", "Bodø"), ("Sigrid", "Drammen"), ("Håkon", "Ålesund"),
        ("Solveig", "Kristiansand"), ("Eirik", "Hamar"), ("Marit", "Molde"), ("Øyvind", "Lillehammer"),
    )),
]


def wait_until(condition: Callable[[], bool], timeout_s: float = 15.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def settle(ms: int = 150) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, path: Path) -> None:
    settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def build_demo(url: str, customers: int) -> DeskContext:
    from desktop.services.accounts import AccountService
    from desktop.services.context import open_desk

    ctx = open_desk(url, migrate=True, demo=True, create_keys=True)
    if importlib.util.find_spec("desktop.demo.generator") is not None:
        from desktop.demo.generator import generate_demo_data

        generate_demo_data(ctx, customers=customers)
    else:
        from desktop.services.registry import add_customer

        with ctx.db.transaction() as s:
            for i, (first, last, city) in enumerate(FALLBACK_PEOPLE):
                add_customer(s, ctx.keys, ctx.policy, customer_number=f"K{1000000 + i}", first_name=first,
                             last_name=last, created_at=datetime(2024, 1, 1),
                             email=f"{first.lower()}.{last.lower()}@example.com", phone=f"9{i:07d}",
                             street="Storgata 1", postcode="0150", city=city)
        AccountService(ctx).add(AGENT, "agent", PASSWORD, "Agent Demo")
        AccountService(ctx).add(SUPERVISOR, "supervisor", PASSWORD, "Supervisor Demo")
    return ctx


def shoot_profile(window: MainWindow, out: Path) -> None:
    """Open the showcase customer, verify by electronic ID through the dialog, open purpose 1."""
    window.search_edit.setText(SHOWCASE)
    wait_until(lambda: not window.model.is_busy() and window.model.rowCount() > 0)
    window.table.setCurrentIndex(window.model.index(0, 0))
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    profile = window.profile
    wait_until(lambda: profile.header is not None and not profile.is_busy())
    save(window, out / "profile-locked.png")

    profile.verify_button.click()
    dialog = profile.verify_dialog
    assert dialog is not None
    wait_until(lambda: dialog.hints is not None and not profile.is_busy())
    save(dialog, out / "verify.png")
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    dialog.reference_edit.setText("BID-7F3A-20260310-9921")
    dialog.eid_button.click()
    wait_until(lambda: profile.may_see_more() and not profile.is_busy())

    profile.sections["purchase"].expand()
    wait_until(lambda: profile.sections["purchase"].group is not None and not profile.is_busy())
    section = profile.sections["purchase"]
    orders = next((i for i in range(section.tabs.count()) if section.models[i].record_kind == "order"), 0)
    section.tabs.setCurrentIndex(orders)
    settle(300)
    profile.groups_scroll.ensureWidgetVisible(section.tabs, 0, 0)
    save(window, out / "profile.png")


def take_calls(window: MainWindow, query: str, calls: int) -> None:
    """A few more calls, so the access log has a morning's worth of entries to show."""
    window.search_edit.setText(query)
    wait_until(lambda: not window.model.is_busy() and window.model.rowCount() > 0)
    for row in range(min(calls, window.model.rowCount())):
        window.table.setCurrentIndex(window.model.index(row, 0))
        QTest.keyClick(window.table, Qt.Key.Key_Return)
        wait_until(lambda: window.profile.header is not None and not window.profile.is_busy())
    window.profile.close_contact()
    wait_until(lambda: not window.profile.is_busy())


def shoot_log_viewer(ctx: DeskContext, supervisor: Actor, out: Path) -> None:
    from desktop.ui.log_viewer import LogViewer

    viewer = LogViewer(ctx, supervisor, dialogs=DialogService())
    viewer.resize(1280, 720)
    viewer.show()
    wait_until(lambda: viewer.model.rowCount() > 0 and not viewer.worker.is_busy())
    viewer.verify_chain()
    wait_until(viewer.chain_label.isVisible)
    save(viewer, out / "log-viewer.png")
    viewer.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--customers", type=int, default=500)
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="gdpr-desk-shots-") as tmp:
        os.environ["GDPR_DESK_DATA_DIR"] = str(Path(tmp) / "data")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))

        from desktop.app import make_application
        from desktop.services.accounts import AccountService
        from desktop.ui.login import LoginDialog
        from desktop.ui.main_window import MainWindow

        app: QApplication = make_application()
        ctx = build_demo(f"sqlite:///{Path(tmp) / 'demo.sqlite3'}", args.customers)
        try:
            login = LoginDialog(ctx)
            login.username_edit.setText(AGENT)
            login.password_edit.setText(PASSWORD)
            login.show()
            wait_until(login.isVisible)
            save(login, out / "login.png")
            login.close()

            actor = AccountService(ctx).login(AGENT, PASSWORD)
            window = MainWindow(ctx, actor)
            window.resize(1280, 760)
            window.show()
            window.search_edit.setText("hansen")
            wait_until(lambda: not window.model.is_busy() and window.model.rowCount() > 0)
            window.table.setCurrentIndex(window.model.index(0, 0))
            save(window, out / "search.png")

            shoot_profile(window, out)
            take_calls(window, "hansen", 4)
            window.close()

            supervisor = AccountService(ctx).login(SUPERVISOR, PASSWORD)
            shoot_log_viewer(ctx, supervisor, out)
        finally:
            ctx.close()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
