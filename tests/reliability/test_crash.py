"""kill -9 during an erasure: afterwards the database is wholly as before or wholly as after.

The erasure runs in a child process that kills itself with SIGKILL at a named step (the child
installs `tests.helpers.crash.kill_at(step)` as the erasure service's `on_step` hook). "After" is
what the same erasure produces on a copy of the database when nothing goes wrong. Steps after the
commit must leave the erasure "purge pending", never "done", and `complete_pending_purges` must
finish it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.models import Base, DsrRequest, ErasureRun
from desktop.services.accounts import AccountService
from desktop.services.context import open_desk
from desktop.services.erasure import STEPS, ErasureService, checkpoint_truncate
from desktop.services.requests import RequestService
from tests.helpers.records import add_history
from tests.unit.test_erasure import NOW

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX kill -9")

REPO = Path(__file__).resolve().parents[2]
#: Volatile by design: the log gets entries either way, the run row holds random ciphertext, and
#: signing in (in the child) stamps the staff account.
SKIP_TABLES = {"access_log", "audit_head", "erasure_run", "alembic_version", "staff_account"}

CHILD = """
import json, os, sys
from datetime import datetime
import keyring
from tests.helpers.memory_keyring import MemoryKeyring
backend = MemoryKeyring()
backend.store = {tuple(k.split("\\x1f")): v for k, v in json.loads(os.environ["TEST_KEYRING"]).items()}
keyring.set_keyring(backend)
from desktop.services.accounts import AccountService
from desktop.services.context import open_desk
from desktop.services.erasure import ErasureService, no_step_hook
from tests.helpers.crash import kill_at
ctx = open_desk(sys.argv[1], workstation="child")
agent = AccountService(ctx).login("agent", "demo")
on_step = kill_at(sys.argv[3]) if len(sys.argv) > 3 else no_step_hook
erasure = ErasureService(ctx, clock=lambda: datetime(2026, 2, 10, 12, 0), on_step=on_step)
result = erasure.execute(agent, int(sys.argv[2]))
print(result.status)
"""


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    monkeypatch.setattr("desktop.services.accounts._HASHER", PasswordHasher(time_cost=1, memory_cost=1024,
                                                                            parallelism=1))


def snapshot(ctx) -> dict[str, list[tuple[Any, ...]]]:  # type: ignore[no-untyped-def]
    out: dict[str, list[tuple[Any, ...]]] = {}
    with ctx.db.transaction() as s:
        for table in Base.metadata.sorted_tables:
            if table.name in SKIP_TABLES:
                continue
            out[table.name] = sorted(tuple(str(v) for v in row) for row in s.execute(select(table)))
    return out


def approved_erasure(desk, people) -> int:  # type: ignore[no-untyped-def]
    cid = people["Ødegård"]
    add_history(desk, cid)
    accounts = AccountService(desk)
    agent, boss = accounts.login("agent", "demo"), accounts.login("supervisor", "demo")
    requests = RequestService(desk, clock=lambda: NOW)
    erasure = ErasureService(desk, clock=lambda: NOW)
    rid = requests.file(agent, "erasure", cid, channel="email").id
    requests.verify_identity(agent, rid, note="code")
    plan = erasure.make_plan(agent, rid)
    erasure.approve(boss, rid, "demo", plan.fingerprint)
    return rid


@pytest.fixture
def scene(desk, people, memory_keyring, tmp_path: Path):  # type: ignore[no-untyped-def]
    """An approved erasure, the state before it, and the state a clean run leaves after it."""
    rid = approved_erasure(desk, people)
    assert checkpoint_truncate(desk) == (False, 0)
    before = snapshot(desk)
    path = desk.db.sqlite_path
    copy = tmp_path / "reference.sqlite3"
    shutil.copyfile(path, copy)
    ref = open_desk(f"sqlite:///{copy}", workstation="ref")
    try:
        agent = AccountService(ref).login("agent", "demo")
        assert ErasureService(ref, clock=lambda: NOW).execute(agent, rid).status == "erased"
        after = snapshot(ref)
    finally:
        ref.close()
    assert before != after
    keyring = json.dumps({"\x1f".join(k): v for k, v in memory_keyring.store.items()})
    return rid, before, after, keyring


def run_child(desk, rid: int, keyring: str, step: str | None) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    env = dict(os.environ, TEST_KEYRING=keyring, PYTHONPATH=str(REPO))
    args = [sys.executable, "-c", CHILD, f"sqlite:///{desk.db.sqlite_path}", str(rid)]
    if step is not None:
        assert step in STEPS
        args.append(step)
    return subprocess.run(args, env=env, cwd=REPO, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("step", ["erasure:planned", "erasure:applied", "erasure:before_commit"])
def test_a_crash_before_the_commit_leaves_everything_as_before(desk, scene, step: str) -> None:  # type: ignore[no-untyped-def]
    rid, before, _after, keyring = scene
    child = run_child(desk, rid, keyring, step)
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert snapshot(desk) == before
    with desk.db.transaction() as s:
        assert s.execute(select(ErasureRun)).first() is None
        assert s.get(DsrRequest, rid).state == "in_progress"
        assert desk.audit.verify(s).ok
    # Nothing half-done blocks the retry: the same approval runs to the end.
    assert run_child(desk, rid, keyring, None).stdout.strip() == "erased"


@pytest.mark.parametrize("step", ["erasure:committed", "erasure:checkpointed", "erasure:scanned"])
def test_a_crash_after_the_commit_leaves_everything_as_after_and_the_purge_pending(desk, scene, step: str) -> None:  # type: ignore[no-untyped-def]
    rid, _before, after, keyring = scene
    child = run_child(desk, rid, keyring, step)
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert snapshot(desk) == after
    with desk.db.transaction() as s:
        run = s.execute(select(ErasureRun)).scalar_one()
        assert run.state in ("pending", "purge_pending") and run.purge_markers is not None  # never "done" early
        assert desk.audit.verify(s).ok
    results = ErasureService(desk, clock=lambda: NOW).complete_pending_purges()
    assert [r.status for r in results] == ["erased"]
    assert results[0].residue is not None and results[0].residue.clean
    with desk.db.transaction() as s:
        assert s.execute(select(ErasureRun.state)).scalar_one() == "done"
        assert desk.audit.verify(s).ok
    assert snapshot(desk) == after


def test_the_child_without_a_crash_matches_the_reference(desk, scene) -> None:  # type: ignore[no-untyped-def]
    rid, _before, after, keyring = scene
    child = run_child(desk, rid, keyring, None)
    assert child.returncode == 0 and child.stdout.strip() == "erased", child.stderr
    assert snapshot(desk) == after
    with desk.db.transaction() as s:
        assert desk.audit.verify(s).ok
