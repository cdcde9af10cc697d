"""`gdpr-desk self-test`: proves an installed copy (above all a frozen bundle) has every part it needs.

A bundle can build cleanly and still miss a data file, a driver loaded by name or a plugin found
through package metadata; those only show when the code path runs. So each check here runs one
real path (the policy, the fonts in a rendered register copy, the migrations on a throw-away
SQLite desk, the PostgreSQL driver, the keyring backends) and prints one line, naming the
check that failed. The Qt half lives in `desktop.ui.selftest`.

Nothing here touches the user's own data: the desk is a temporary SQLite file whose keys are
held in memory (never the OS keyring), and the data folder points into the same temporary
folder for as long as the self-test runs.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
import platform
import secrets
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from desktop import __version__
from desktop.errors import DeskError

if TYPE_CHECKING:
    from desktop.domain.roles import Actor
    from desktop.policy import Policy
    from desktop.services.context import DeskContext

T = TypeVar("T")

EXIT_PASSED = 0
EXIT_FAILED = 1

#: The keyring backend each platform's desk relies on: its entry-point name in keyring's metadata, and
#: the module it needs, which keyring imports only inside a try (so a bundle without it fails silently).
PLATFORM_KEYRING = {
    "linux": ("SecretService", "secretstorage"),
    "win32": ("Windows", "win32ctypes.pywin32.win32cred"),
    "darwin": ("macOS", "keyring.backends.macOS.api"),
}


class SelfTest:
    """Runs named checks in order, one printed line each; a failed check never stops the rest."""

    def __init__(self, out: TextIO, *, verbose: bool = False) -> None:
        self.out = out
        self.verbose = verbose
        self.passed: list[str] = []
        self.failed: list[str] = []

    def check(self, name: str, run: Callable[[], tuple[T, str]]) -> T | None:
        """Run one check; returns its product, or None when it failed."""
        try:
            value, detail = run()
        except Exception as exc:
            self.fail(name, exc)
            return None
        self.passed.append(name)
        self._line("ok", name, detail)
        return value

    def fail(self, name: str, exc: BaseException) -> None:
        self.failed.append(name)
        self._line("FAIL", name, describe_error(exc))
        if self.verbose:
            traceback.print_exception(exc, file=sys.stderr)

    def skip(self, *names: str) -> None:
        """Checks that cannot run because one they build on failed; they count as failed."""
        for name in names:
            self.failed.append(name)
            self._line("skip", name, "not run: an earlier check it builds on failed")

    def _line(self, status: str, name: str, detail: str) -> None:
        print(f"{status:<4} {name}: {detail}", file=self.out, flush=True)

    def finish(self) -> int:
        if self.failed:
            print(f"self-test failed: {', '.join(self.failed)}", file=self.out, flush=True)
            return EXIT_FAILED
        print(f"self-test passed: {len(self.passed)} checks", file=self.out, flush=True)
        return EXIT_PASSED


def describe_error(exc: BaseException) -> str:
    text = exc.text("en") if isinstance(exc, DeskError) else str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


@contextlib.contextmanager
def private_workspace() -> Iterator[Path]:
    """A temporary folder that is also the data folder until the self-test ends, then removed."""
    previous = os.environ.get("GDPR_DESK_DATA_DIR")
    # Windows may still hold a file open a moment after the desk closes: leave it rather than fail the run.
    with tempfile.TemporaryDirectory(prefix="gdpr-desk-selftest-", ignore_cleanup_errors=True) as folder:
        root = Path(folder)
        os.environ["GDPR_DESK_DATA_DIR"] = str(root / "data")
        try:
            yield root
        finally:
            if previous is None:
                os.environ.pop("GDPR_DESK_DATA_DIR", None)
            else:
                os.environ["GDPR_DESK_DATA_DIR"] = previous


@dataclass
class SelfTestDesk:
    """The throw-away desk the later checks (and the Qt half) work on."""

    ctx: DeskContext
    actor: Actor
    customer_id: int
    pdf: bytes


def check_version() -> tuple[str, str]:
    frozen = "bundle" if getattr(sys, "frozen", False) else "source"
    return __version__, (f"gdpr-desk {__version__} ({frozen}), Python {platform.python_version()}, "
                         f"{platform.system()} {platform.machine()}")


def check_resources() -> tuple[Path, str]:
    from desktop.paths import resources_dir

    root = resources_dir()
    parts = {"policy": "*.toml", "fonts": "*.ttf", "templates": "*.txt", "translations": "gdpr_desk_*.*"}
    missing = [name for name, pattern in parts.items() if not any((root / name).glob(pattern))]
    if missing:
        raise FileNotFoundError(f"{root} lacks {', '.join(missing)}")
    return root, str(root)


def check_policy() -> tuple[Policy, str]:
    from desktop.policy import load_policy

    policy = load_policy()
    return policy, f"{policy.id} {policy.version}, {len(policy.purposes)} purposes"


def check_fonts() -> tuple[bool, str]:
    from desktop.reports.register_copy import FONT_FILES, register_fonts

    register_fonts()
    return True, ", ".join(sorted(FONT_FILES))


def check_database(root: Path, policy: Policy) -> tuple[DeskContext, str]:
    """Migrations to head on a new SQLite file; the keys are made in memory, never in a keyring."""
    from desktop.audit.log import AuditLog
    from desktop.security.keys import DeskKeys
    from desktop.services.context import DeskContext, init_meta
    from desktop.storage.database import Database
    from desktop.storage.migrate import ensure_current, head_revision, upgrade

    db = Database(f"sqlite:///{root / 'selftest.sqlite3'}", create=True)
    try:
        upgrade(db)
        ensure_current(db)
        meta = init_meta(db, demo=True)
    except BaseException:
        db.dispose()
        raise
    keys = DeskKeys(secrets.token_bytes(32), secrets.token_bytes(32), secrets.token_bytes(32), "key-file")
    ctx = DeskContext(db=db, keys=keys, audit=AuditLog(keys.audit), policy=policy,
                      instance_id=meta["instance_id"], demo=True, workstation="self-test")
    return ctx, f"SQLite migrated to {head_revision()}"


def check_demo_customer(ctx: DeskContext) -> tuple[tuple[Actor, int], str]:
    """One synthetic customer from the demo generator, and the demo agent signed in."""
    from sqlalchemy import select

    from desktop.demo.generator import DEMO_PASSWORD, generate_demo_data
    from desktop.models import Customer
    from desktop.services.accounts import AccountService

    report = generate_demo_data(ctx, customers=1, seed=1)
    actor = AccountService(ctx).login("agent", DEMO_PASSWORD)
    with ctx.db.transaction() as s:
        customer_id = s.execute(select(Customer.id).order_by(Customer.id)).scalars().first()
    if customer_id is None:
        raise RuntimeError("the demo generator made no customer")
    return (actor, customer_id), f"{report.customers} customer, {sum(report.counts.values())} rows, agent signed in"


def check_register_copy(ctx: DeskContext, actor: Actor, customer_id: int) -> tuple[bytes, str]:
    """The Art. 15 copy rendered in memory (fonts embedded) and read back."""
    import io

    from pypdf import PdfReader

    from desktop.services.register_copy import RegisterCopyService

    service = RegisterCopyService(ctx)
    data = service.collect(actor, customer_id, lang="nb")
    pdf = service.render(data, data.redactions)
    reader = PdfReader(io.BytesIO(pdf))
    # ReportLab writes font dictionaries uncompressed, so the embedded font's name is in the bytes.
    if b"DejaVuSans" not in pdf:
        raise RuntimeError("the PDF does not embed DejaVu Sans")
    return pdf, f"{len(reader.pages)} pages, {len(pdf):,} bytes, {data.record_count} records"


def check_postgresql_driver() -> tuple[bool, str]:
    """psycopg with its compiled libpq wrapper, and SQLAlchemy's dialect for it (no connection made)."""
    import psycopg
    from sqlalchemy import create_engine

    impl = psycopg.pq.__impl__
    if impl not in ("binary", "c"):
        raise RuntimeError(f"psycopg runs its '{impl}' implementation; the bundle lacks psycopg-binary")
    engine = create_engine("postgresql+psycopg://self-test@127.0.0.1/self-test")
    try:
        dialect = engine.dialect.name + "+" + str(engine.dialect.driver)
    finally:
        engine.dispose()
    return True, f"{dialect}, psycopg {psycopg.__version__} ({impl}, libpq {psycopg.pq.version()})"


def check_keyring() -> tuple[bool, str]:
    """The backends are found through keyring's package metadata, which a bundle must carry.

    Reads and writes nothing: a machine without a usable keyring (a headless build server) passes,
    as long as the platform's backend is there to be used where a keyring exists.
    """
    from importlib.metadata import entry_points

    from keyring.backend import get_all_keyring

    points = {ep.name: ep for ep in entry_points(group="keyring.backends")}
    if not points:
        raise RuntimeError("no keyring backends registered (keyring's metadata is missing)")
    wanted = PLATFORM_KEYRING.get(sys.platform)
    if wanted is not None:
        name, needs = wanted
        if name not in points:
            raise RuntimeError(f"the {name} keyring backend is not registered")
        points[name].load()
        importlib.import_module(needs)
    usable = sorted({type(backend).__module__.removeprefix("keyring.backends.") for backend in get_all_keyring()}
                    - {"fail", "chainer"})
    return True, f"{len(points)} backends registered; usable here: {', '.join(usable) or 'none'}"


def check_password_hashing() -> tuple[bool, str]:
    from argon2 import PasswordHasher

    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    if not hasher.verify(hasher.hash("self-test"), "self-test"):
        raise RuntimeError("argon2 did not verify its own hash")
    return True, "argon2id"


def run_core(test: SelfTest, root: Path) -> SelfTestDesk | None:
    """Every check below the user interface; returns the desk the Qt checks need, if it was built."""
    test.check("version", check_version)
    test.check("resources", check_resources)
    policy = test.check("policy", check_policy)
    test.check("fonts", check_fonts)
    test.check("password hashing", check_password_hashing)
    test.check("postgresql driver", check_postgresql_driver)
    test.check("keyring", check_keyring)
    if policy is None:
        test.skip("database", "demo customer", "register copy")
        return None
    ctx = test.check("database", functools.partial(check_database, root, policy))
    if ctx is None:
        test.skip("demo customer", "register copy")
        return None
    signed_in = test.check("demo customer", functools.partial(check_demo_customer, ctx))
    pdf = None
    if signed_in is None:
        test.skip("register copy")
    else:
        pdf = test.check("register copy", functools.partial(check_register_copy, ctx, *signed_in))
    if signed_in is None or pdf is None:
        ctx.close()
        return None
    actor, customer_id = signed_in
    return SelfTestDesk(ctx=ctx, actor=actor, customer_id=customer_id, pdf=pdf)


UiChecks = Callable[[SelfTest, Path, SelfTestDesk | None], None]


def run_self_test(out: TextIO, *, ui: UiChecks | None, verbose: bool = False) -> int:
    """All checks, in a private temporary workspace; 0 when every one passed, 1 naming those that did not.

    `ui` runs the Qt checks. The caller imports them, so a copy whose Qt is broken still reports
    every check below the user interface, and this module stays free of Qt.
    """
    test = SelfTest(out, verbose=verbose)
    with private_workspace() as root:
        desk = run_core(test, root)
        try:
            if ui is not None:
                try:
                    ui(test, root, desk)
                except Exception as exc:
                    test.fail("user interface", exc)
        finally:
            if desk is not None:
                desk.ctx.close()
    return test.finish()
