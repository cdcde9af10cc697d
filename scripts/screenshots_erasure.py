"""Screenshots of the erasure plan and the supervisors' approval queue (issue 5).

Runs headless against a throw-away demo database in a temporary folder:

    python scripts/screenshots_erasure.py [--out docs/screenshots] [--customers 200]

Writes erasure-plan.png (a demo customer with orders, so bookkeeping law keeps part of the
data) as the approving supervisor sees it, and approval-queue.png with a few erasures filed by
the agent, one of them approved.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.ui.dialogs import DialogService  # noqa: E402


def wait_until(condition: Callable[[], bool], timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, path: Path) -> None:
    end = time.monotonic() + 0.3
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--customers", type=int, default=200)
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="gdpr-desk-erasure-shots-") as tmp:
        os.environ["GDPR_DESK_DATA_DIR"] = str(Path(tmp) / "data")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))

        from sqlalchemy import func, select

        from desktop.app import make_application
        from desktop.demo.generator import generate_demo_data
        from desktop.models import Customer, Order
        from desktop.services.accounts import AccountService
        from desktop.services.context import open_desk
        from desktop.services.erasure import ErasureService
        from desktop.services.requests import RequestService
        from desktop.ui.erasure_ui import ApprovalQueueWidget, ErasurePlanDialog

        app: QApplication = make_application()
        ctx = open_desk(f"sqlite:///{Path(tmp) / 'demo.sqlite3'}", migrate=True, demo=True, create_keys=True)
        try:
            generate_demo_data(ctx, customers=args.customers)
            accounts = AccountService(ctx)
            agent, supervisor = accounts.login("agent", "demo"), accounts.login("supervisor", "demo")
            with ctx.db.transaction() as s:
                # Customers with the most orders first: their plans show erase, restrict and keep.
                ids = list(s.execute(select(Customer.id).join(Order, Order.customer_id == Customer.id)
                                     .group_by(Customer.id).order_by(func.count(Order.id).desc(), Customer.id)
                                     .limit(4)).scalars())
            requests, erasure = RequestService(ctx), ErasureService(ctx)
            filed = []
            for cid in ids:
                rid = requests.file(agent, "erasure", cid, channel="email").id
                requests.verify_identity(agent, rid, note="One-time code to the registered e-mail address")
                erasure.make_plan(agent, rid)
                filed.append(rid)
            erasure.approve(supervisor, filed[-1], "demo", erasure.get_plan(supervisor, filed[-1]).fingerprint)
            dialogs = DialogService()

            dialog = ErasurePlanDialog(ctx, supervisor, filed[0], dialogs, service=erasure)
            dialog.show()
            wait_until(lambda: dialog.loaded is not None and not dialog.is_busy())
            save(dialog, out / "erasure-plan.png")
            dialog.close()

            queue = ApprovalQueueWidget(ctx, supervisor, dialogs, service=erasure)
            queue.setWindowTitle("Godkjenning av sletting – GDPR Desk")
            queue.resize(1200, 420)
            queue.show()
            wait_until(lambda: bool(queue.rows) and not queue.is_busy())
            queue.table.selectRow(0)
            save(queue, out / "approval-queue.png")
            queue.close()
        finally:
            ctx.close()
        del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
