"""Screenshots of the request screens, for the docs and for looking at what was built.

Runs headless (offscreen) against a throw-away demo database in a temporary folder, so it never
touches the user's own data, settings or keyring entries. Every request is filed and moved on
through `RequestService`, as the desk does it:

    python scripts/screenshots_requests.py [--out docs/screenshots] [--customers 60]

Writes queue.png (the requests window a supervisor opens in the morning: overdue in red, due
soon in amber), file-request.png (filing a letter's request) and request-<state>.png for a
request in each state: received, identity_verified, in_progress, awaiting_approval, done,
refused, withdrawn.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.domain.requests import Action, RequestState  # noqa: E402
from desktop.ui.dialogs import DialogService  # noqa: E402

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.services.context import DeskContext
    from desktop.services.requests import RequestService
    from desktop.ui.request_view import RequestViewWidget

AGENT, SUPERVISOR, PASSWORD = "agent", "supervisor", "demo"


def wait_until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def settle(ms: int = 200) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, path: Path) -> None:
    settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def customer_ids(ctx: DeskContext, count: int) -> list[int]:
    """The first demo customers (the first has a record of every kind); scripts may read the database."""
    from sqlalchemy import select

    from desktop.models import Customer

    with ctx.db.transaction() as s:
        return list(s.execute(select(Customer.id).order_by(Customer.id).limit(count)).scalars())


def file_requests(svc: RequestService, agent: Actor, supervisor: Actor, ids: list[int]) -> dict[RequestState, int]:
    """A morning's queue, and one request walked into each state; returns the showcase id per state."""
    today = date.today()
    code = "One-time code to the registered e-mail address"
    shown: dict[RequestState, int] = {}

    shown[RequestState.RECEIVED] = svc.file(
        agent, "access", ids[0], channel="letter", received_on=today - timedelta(days=2),
        notes="Letter asks for a copy of everything the shop holds; postmark two days ago.").id

    rectification = svc.file(agent, "rectification", ids[1], channel="email", received_on=today - timedelta(days=24),
                             notes="New e-mail address and moved to Bergen.").id
    svc.verify_identity(agent, rectification, note=code)
    shown[RequestState.IDENTITY_VERIFIED] = rectification

    portability = svc.file(agent, "portability", ids[2], channel="web", received_on=today - timedelta(days=9)).id
    svc.verify_identity(agent, portability, note=code)
    svc.transition(agent, portability, Action.START)
    svc.extend(agent, portability, "Orders from two shops and twelve years must be collected and checked.")
    svc.export_portability(agent, portability)
    shown[RequestState.IN_PROGRESS] = portability

    objection = svc.file(agent, "objection_legitimate_interest", ids[3], channel="email",
                         received_on=today - timedelta(days=12),
                         notes="Objects to the shop keeping old service-case notes.").id
    svc.verify_identity(agent, objection, note=code)
    svc.transition(agent, objection, Action.START)
    svc.transition(agent, objection, Action.SUBMIT_FOR_APPROVAL)
    shown[RequestState.AWAITING_APPROVAL] = objection

    done = svc.file(agent, "rectification", ids[4], channel="phone", received_on=today - timedelta(days=6)).id
    svc.verify_identity(agent, done, note=code)
    svc.rectify(agent, done, {"email": "ny.adresse@example.no", "city": "Bergen"})
    shown[RequestState.DONE] = done

    refused = svc.file(agent, "access", ids[5], channel="email", received_on=today - timedelta(days=20),
                       notes="Asks for a copy of her late father's customer account.").id
    svc.verify_identity(agent, refused, note=code)
    svc.refuse(agent, refused, "The request asks for the account of the caller's late father; his data can be "
                               "given only to the estate, and no probate certificate (skifteattest) was sent.")
    shown[RequestState.REFUSED] = refused

    withdrawn = svc.file(agent, "erasure", ids[6], channel="counter", received_on=today - timedelta(days=4)).id
    svc.withdraw(agent, withdrawn, note="The customer wants to keep the membership after all.")
    shown[RequestState.WITHDRAWN] = withdrawn

    # The rest of the morning's queue: overdue, due soon, restricted, someone else's, a duplicate.
    svc.file(agent, "access", ids[7], channel="letter", received_on=today - timedelta(days=40))
    svc.file(supervisor, "erasure", ids[8], channel="email", received_on=today - timedelta(days=33))
    svc.file(agent, "restriction", ids[9], channel="phone", received_on=today - timedelta(days=27))
    restricted = svc.file(agent, "restriction", ids[10], channel="email", received_on=today - timedelta(days=15)).id
    svc.verify_identity(agent, restricted, note=code)
    svc.restrict(agent, restricted)
    svc.file(supervisor, "withdraw_consent", ids[11], channel="web", received_on=today - timedelta(days=1))
    svc.file(agent, "objection_direct_marketing", ids[12], channel="phone", marketing_channel="sms")
    svc.file(agent, "access", ids[0], channel="email", allow_duplicate=True,
             notes="Same person, by e-mail this time.")
    return shown


def shoot_request(view: RequestViewWidget, request_id: int, path: Path) -> None:
    view.resize(980, 900)
    view.show()
    view.load(request_id)
    wait_until(lambda: view.view is not None and not view.is_busy())
    settle(300)
    wait_until(lambda: not view.is_busy())  # a rectification also reads the current values
    save(view, path)
    view.shutdown()
    view.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--customers", type=int, default=60)
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="gdpr-desk-request-shots-") as tmp:
        os.environ["GDPR_DESK_DATA_DIR"] = str(Path(tmp) / "data")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))

        from desktop.app import make_application
        from desktop.demo.generator import generate_demo_data
        from desktop.services.accounts import AccountService
        from desktop.services.context import open_desk
        from desktop.services.requests import RequestService
        from desktop.ui.file_request_dialog import FileRequestDialog
        from desktop.ui.request_view import RequestViewWidget
        from desktop.ui.requests_ui import RequestsWindow

        app: QApplication = make_application()
        ctx = open_desk(f"sqlite:///{Path(tmp) / 'demo.sqlite3'}", migrate=True, demo=True, create_keys=True)
        try:
            generate_demo_data(ctx, customers=args.customers)
            accounts = AccountService(ctx)
            agent, supervisor = accounts.login(AGENT, PASSWORD), accounts.login(SUPERVISOR, PASSWORD)
            svc = RequestService(ctx)
            shown = file_requests(svc, agent, supervisor, customer_ids(ctx, 13))
            dialogs = DialogService()

            window = RequestsWindow(ctx, supervisor, dialogs, svc)
            window.resize(1700, 860)
            window.splitter.setSizes([1060, 640])
            window.show()
            wait_until(lambda: window.queue.model.rowCount() > 0 and not window.queue.is_busy())
            # A white row, so the red and amber rows above it show their colours rather than the selection's.
            window.queue.table.selectRow(window.queue.model.row_of(shown[RequestState.AWAITING_APPROVAL]))
            window.request.load(shown[RequestState.AWAITING_APPROVAL])
            wait_until(lambda: window.request.view is not None and not window.request.is_busy())
            save(window, out / "queue.png")
            window.close()

            ids = customer_ids(ctx, 14)
            dialog = FileRequestDialog(ctx, agent, dialogs, ids[13], "Kari Nordmann", service=svc)
            dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("objection_direct_marketing"))
            dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("letter"))
            dialog.set_received(date.today() - timedelta(days=3))
            dialog.notes_edit.setPlainText("Letter: no more newsletters by e-mail or SMS.")
            dialog.show()
            save(dialog, out / "file-request.png")
            dialog.reject()

            for state, request_id in shown.items():
                # The supervisor sees what awaits approval: the approve and reject buttons.
                actor = supervisor if state is RequestState.AWAITING_APPROVAL else agent
                shoot_request(RequestViewWidget(ctx, actor, dialogs, service=svc), request_id,
                              out / f"request-{state.value}.png")
        finally:
            ctx.close()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
