"""The harness behind scripts/screenshots.py: a sandbox, a demo desk, waiting and grabbing.

Kept apart from the list of screens so that adding a screen is one function and one line there.

Everything happens in a temporary folder of its own: the data folder (GDPR_DESK_DATA_DIR), the
Qt settings and the databases. The OS keyring is replaced by an in-memory one before anything can
reach it, so the user's own keyring is never read or written, and the screens look as on a
workstation with a keyring (no demo-key notices).

Determinism: the demo generator is seeded and dates its records up to DEMO_TODAY; the request,
erasure and register-copy services get a fixed clock (`SHOT_NOW`), so due dates and days left come
out the same on every run; TZ is Europe/Oslo and the workstation has a fixed name. What the app
does not let us inject stays real: the access log's timestamps and the verification's expiry time.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["TZ"] = "Europe/Oslo"

import contextlib
import importlib
import io
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if hasattr(time, "tzset"):
    time.tzset()

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QLocale,
    QMessageLogContext,
    QSettings,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

if TYPE_CHECKING:
    from desktop.services.context import DeskContext
    from desktop.services.erasure import ErasureService
    from desktop.services.requests import RequestService

LANGUAGES = ("nb", "en", "sv")
#: "Now" for the request and erasure services: the Monday morning after the demo register's last day.
SHOT_NOW = datetime(2026, 11, 16, 8, 30)
PASSWORD = "demo"  # noqa: S105 - the documented password of the demo accounts
#: The workstation the access log names (the real one is this computer's host name).
WORKSTATION = "ks-pc-07"
#: PNGs larger than this are reduced to a 256-colour palette (screens are flat colours and text).
QUANTISE_ABOVE = 60_000
#: Mean absolute difference (0-255) a palette may leave; above it the full-colour PNG is kept.
MAX_PALETTE_ERROR = 0.5
_LOCALES = {
    "nb": (QLocale.Language.NorwegianBokmal, QLocale.Country.Norway),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
    "sv": (QLocale.Language.Swedish, QLocale.Country.Sweden),
}


def fixed_clock() -> datetime:
    return SHOT_NOW


def shot_today() -> date:
    """The calendar day the fixed clock reads in the desk's time zone (what the services call today)."""
    from datetime import UTC

    return SHOT_NOW.replace(tzinfo=UTC).astimezone().date()


# --- waiting and grabbing --------------------------------------------------------------------------


def wait_until(condition: Callable[[], bool], timeout_s: float = 30.0, what: str = "the window") -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not get there within {timeout_s:.0f} s")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def settle(ms: int = 250) -> None:
    """Lets layouts, deferred paints and queued signals finish before a grab."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def stable_grab(widget: QWidget, tries: int = 20) -> QImage:
    """The widget once two grabs in a row agree: some views (QPdfView) paint in several passes."""
    image = widget.grab().toImage()
    for _ in range(tries):
        settle(200)
        again = widget.grab().toImage()
        if again == image:
            return again
        image = again
    print(f"note: {type(widget).__name__} kept changing; grabbed the last state", file=sys.stderr)
    return image


def png_bytes(widget: QWidget) -> bytes:
    """The widget as PNG, reduced to a 256-colour palette when that is smaller and looks the same."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not stable_grab(widget).save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes; only str works
        raise OSError("Qt could not encode the grab as PNG")
    raw = bytes(data.data())
    if len(raw) <= QUANTISE_ABOVE:
        return raw
    from PIL import Image, ImageChops, ImageStat

    with Image.open(io.BytesIO(raw)) as image:
        rgb = image.convert("RGB")
        small = rgb.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        # Screens are flat colours and anti-aliased text: a palette should change almost no pixel.
        error = ImageStat.Stat(ImageChops.difference(rgb, small.convert("RGB")).convert("L")).mean[0]
        out = io.BytesIO()
        small.save(out, "PNG", optimize=True)
    return out.getvalue() if error < MAX_PALETTE_ERROR and out.tell() < len(raw) else raw


# --- the sandbox -----------------------------------------------------------------------------------


@contextlib.contextmanager
def sandbox() -> Iterator[Path]:
    """A temporary home for data, settings and keys; the user's own are never touched.

    A fresh folder per run, so two runs never share one. The screens should not show its random
    name: the script works inside it and names the data folder relatively ("data"), so the
    settings' default database file reads the same on every run.
    """
    import keyring

    from tests.helpers.memory_keyring import MemoryKeyring

    # The test suite's in-memory keyring: the OS keyring is never asked.
    keyring.set_keyring(MemoryKeyring())
    before = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="gdpr-desk-shots-") as tmp:
        root = Path(tmp)
        os.chdir(root)
        try:
            os.environ["GDPR_DESK_DATA_DIR"] = "data"
            os.environ.pop("GDPR_DESK_DB", None)
            QSettings.setDefaultFormat(QSettings.Format.IniFormat)
            for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
                QSettings.setPath(fmt, QSettings.Scope.UserScope, str(root / "settings"))
            yield root
        finally:
            os.chdir(before)


def _qt_message(_mode: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    # The offscreen platform says this for every window it shows; it is noise, not a problem.
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def application() -> QApplication:
    from desktop.app import make_application

    qInstallMessageHandler(_qt_message)
    return make_application()


def install_language(app: QApplication, lang: str) -> str | None:
    """Installs `lang` the way the desk does; returns why not, or None when it is in place.

    Also stores it as the desk's language setting (for screens that read it) and sets Qt's default
    locale, as on an agent's machine in that country.
    """
    from desktop.app import desk_settings

    i18n = importlib.import_module("desktop.ui.i18n")
    settings = desk_settings()
    settings.setValue(getattr(i18n, "LANGUAGE_KEY", "ui/language"), lang)
    settings.sync()
    language, country = _LOCALES[lang]
    QLocale.setDefault(QLocale(language, country))
    installed = bool(i18n.install_translator(app, lang))
    if not installed:
        return f"no catalogue for '{lang}' could be loaded (resources/translations/gdpr_desk_{lang}.ts)"
    current = getattr(i18n, "current_lang", None)
    if callable(current) and current() != lang:
        return f"the desk reports '{current()}' after installing '{lang}'"
    return None


# --- the demo desk ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    """Ids in the demo desk that the screens show."""

    showcase_customer: int
    showcase_name: str
    access_request: int
    awaiting_approval: int
    file_for_customer: int
    file_for_name: str
    erasure_plan: int


def _customer_ids(ctx: DeskContext, count: int) -> list[int]:
    from sqlalchemy import select

    from desktop.models import Customer

    with ctx.db.transaction() as s:
        return list(s.execute(select(Customer.id).order_by(Customer.id).limit(count)).scalars())


def _erasure_candidates(ctx: DeskContext, exclude: set[int], count: int) -> list[int]:
    """Customers with the most orders: their plans show erase, restrict (bookkeeping) and keep."""
    from sqlalchemy import func, select

    from desktop.models import Customer, Order

    with ctx.db.transaction() as s:
        ids = s.execute(select(Customer.id).join(Order, Order.customer_id == Customer.id)
                        .group_by(Customer.id).order_by(func.count(Order.id).desc(), Customer.id)
                        .limit(count + len(exclude))).scalars()
        return [i for i in ids if i not in exclude][:count]


def _name(ctx: DeskContext, customer_id: int) -> str:
    from desktop.models import Customer

    with ctx.db.transaction() as s:
        person = s.get(Customer, customer_id)
        assert person is not None
        return f"{person.first_name} {person.last_name}"


def services(ctx: DeskContext) -> tuple[RequestService, ErasureService]:
    from desktop.services.erasure import ErasureService
    from desktop.services.requests import RequestService

    return RequestService(ctx, clock=fixed_clock), ErasureService(ctx, clock=fixed_clock)


def build_desk(path: Path, customers: int) -> Scenario:
    """A demo register with a morning's requests in every state and erasures waiting for approval."""
    from desktop.demo.generator import generate_demo_data
    from desktop.domain.requests import Action
    from desktop.services.accounts import AccountService
    from desktop.services.context import open_desk

    ctx = open_desk(f"sqlite:///{path}", migrate=True, demo=True, create_keys=True, workstation=WORKSTATION)
    try:
        generate_demo_data(ctx, customers=customers)
        accounts = AccountService(ctx)
        agent, supervisor = accounts.login("agent", PASSWORD), accounts.login("supervisor", PASSWORD)
        svc, erasure = services(ctx)
        ids = _customer_ids(ctx, 14)
        today = svc.today()
        code = "One-time code to the registered e-mail address"

        def ago(days: int) -> date:
            return today - timedelta(days=days)

        # The showcase person (every kind of record) asked for a copy: identity checked, work started.
        access = svc.file(agent, "access", ids[0], channel="letter", received_on=ago(2),
                          notes="Letter asks for a copy of everything the shop holds; postmark two days ago.").id
        svc.verify_identity(agent, access, note=code)
        svc.transition(agent, access, Action.START)

        rectification = svc.file(agent, "rectification", ids[1], channel="email", received_on=ago(24),
                                 notes="New e-mail address and moved to Bergen.").id
        svc.verify_identity(agent, rectification, note=code)

        portability = svc.file(agent, "portability", ids[2], channel="web", received_on=ago(9)).id
        svc.verify_identity(agent, portability, note=code)
        svc.transition(agent, portability, Action.START)
        svc.extend(agent, portability, "Orders from two shops and twelve years must be collected and checked.")

        objection = svc.file(agent, "objection_legitimate_interest", ids[3], channel="email", received_on=ago(12),
                             notes="Objects to the shop keeping old service-case notes.").id
        svc.verify_identity(agent, objection, note=code)
        svc.transition(agent, objection, Action.START)
        svc.transition(agent, objection, Action.SUBMIT_FOR_APPROVAL)

        done = svc.file(agent, "rectification", ids[4], channel="phone", received_on=ago(6)).id
        svc.verify_identity(agent, done, note=code)
        svc.rectify(agent, done, {"email": "ny.adresse@example.no", "city": "Bergen"})

        refused = svc.file(agent, "access", ids[5], channel="email", received_on=ago(20),
                           notes="Asks for a copy of her late father's customer account.").id
        svc.verify_identity(agent, refused, note=code)
        svc.refuse(agent, refused, "The request asks for the account of the caller's late father; his data can be "
                                   "given only to the estate, and no probate certificate (skifteattest) was sent.")

        withdrawn = svc.file(agent, "erasure", ids[6], channel="counter", received_on=ago(4)).id
        svc.withdraw(agent, withdrawn, note="The customer wants to keep the membership after all.")

        # The rest of the morning's queue: overdue, due soon, restricted, someone else's.
        svc.file(agent, "access", ids[7], channel="letter", received_on=ago(40))
        svc.file(supervisor, "erasure", ids[8], channel="email", received_on=ago(33))
        svc.file(agent, "restriction", ids[9], channel="phone", received_on=ago(27))
        restricted = svc.file(agent, "restriction", ids[10], channel="email", received_on=ago(15)).id
        svc.verify_identity(agent, restricted, note=code)
        svc.restrict(agent, restricted)
        svc.file(supervisor, "withdraw_consent", ids[11], channel="web", received_on=ago(1))
        svc.file(agent, "objection_direct_marketing", ids[12], channel="phone", marketing_channel="sms")

        # Erasures filed by the agent, waiting for a supervisor (four eyes); the last one approved.
        planned = []
        for number, customer_id in enumerate(_erasure_candidates(ctx, set(ids), 4)):
            rid = svc.file(agent, "erasure", customer_id, channel="email", received_on=ago(3 + number)).id
            svc.verify_identity(agent, rid, note=code)
            erasure.make_plan(agent, rid)
            planned.append(rid)
        erasure.approve(supervisor, planned[-1], PASSWORD, erasure.get_plan(supervisor, planned[-1]).fingerprint)

        return Scenario(
            showcase_customer=ids[0], showcase_name=_name(ctx, ids[0]), access_request=access,
            awaiting_approval=objection, file_for_customer=ids[13], file_for_name=_name(ctx, ids[13]),
            erasure_plan=planned[0],
        )
    finally:
        ctx.close()


@contextlib.contextmanager
def copy_desk(template: Path, folder: Path) -> Iterator[DeskContext]:
    """A fresh copy of the built desk (SQLite's backup API, then its demo key file) for one language.

    It is opened by a relative path from inside `folder`, so the screens name the database
    "demo.sqlite3" rather than a random temporary path.
    """
    from desktop.security.keys import key_file_for
    from desktop.services.context import open_desk

    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / "demo.sqlite3"
    with contextlib.closing(sqlite3.connect(template)) as src, contextlib.closing(sqlite3.connect(dest)) as dst:
        src.backup(dst)
    if key_file_for(template).exists():
        shutil.copyfile(key_file_for(template), key_file_for(dest))
        key_file_for(dest).chmod(0o600)
    before = Path.cwd()
    os.chdir(folder)
    try:
        ctx = open_desk(f"sqlite:///{dest.name}", workstation=WORKSTATION)
        try:
            yield ctx
        finally:
            settle(100)
            ctx.close()
    finally:
        os.chdir(before)
