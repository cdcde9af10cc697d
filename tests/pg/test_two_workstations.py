"""Two workstations share one PostgreSQL database and each sees the other's work at once.

Each workstation is a long-running program of its own (its own engine, pool and keyring, signed in
once, as the desk is during a working day), driven line by line from the test. The agent at A
files and prepares; the supervisor at B finds the work in the queue and decides; A sees the
decision on its next look, and the access log that both verify counts both workstations' entries.
The command line is a third and fourth program on the same database.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.errors import DeskError
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.registry import add_customer
from tests.helpers.desks import add_staff
from tests.helpers.team import Seat, open_seat, seat

REPO = Path(__file__).resolve().parents[2]


# --- the workstation program (runs in its own process) ---------------------------------------------


def serve() -> None:
    """Read one JSON command a line from stdin, answer one JSON line: {"ok": ...} or {"error": ...}."""
    from desktop.services.access_log import AccessLogService
    from desktop.services.erasure import ErasureService
    from desktop.services.requests import RequestService
    from desktop.services.search import SearchService

    place = Seat(**json.loads(os.environ["TEST_SEAT"]))
    ctx = open_seat(place)
    actor = AccountService(ctx).login(os.environ["TEST_USER"], "demo")
    requests, erasures = RequestService(ctx), ErasureService(ctx)

    def approve(rid: int) -> str:
        plan = erasures.get_plan(actor, rid)
        return erasures.approve(actor, rid, "demo", plan.stored_fingerprint or "").decision

    ops: dict[str, Callable[..., Any]] = {
        "search": lambda q: [h.customer_id for h in SearchService(ctx).search(actor, q).hits],
        "file": lambda kind, customer: requests.file(actor, kind, customer, channel="email").id,
        "verify": lambda rid: requests.verify_identity(actor, rid, note="one-time code").state.value,
        "move": lambda rid, action: requests.transition(actor, rid, action).state.value,
        "plan": lambda rid: erasures.make_plan(actor, rid).fingerprint,
        "queue": lambda: [[r.request_id, r.type.value, r.state.value] for r in requests.queue(actor)],
        "get": lambda rid: {k: v for k, v in dataclasses.asdict(requests.get(actor, rid)).items()
                            if k in ("state", "decision", "decided_by", "decision_grounds")},
        "approve": approve,
        "decide": lambda rid, upheld, grounds: requests.decide_objection(actor, rid, upheld, grounds).state.value,
        "log_checked": lambda: _verified(ctx),
        "log_actions": lambda workstation: [r.action for r in AccessLogService(ctx).query(actor, limit=500)
                                            if r.workstation == workstation],
    }
    print(json.dumps({"ok": "ready"}), flush=True)
    try:
        for line in sys.stdin:
            cmd = json.loads(line)
            try:
                answer: dict[str, Any] = {"ok": ops[cmd["op"]](*cmd.get("args", []))}
            except DeskError as exc:
                answer = {"error": [type(exc).__name__, exc.message]}
            print(json.dumps(answer, default=str), flush=True)
    finally:
        ctx.close()


def _verified(ctx: DeskContext) -> int:
    with ctx.db.transaction() as s:
        result = ctx.audit.verify(s)
    assert result.ok, result.describe()
    return result.checked


def cli() -> int:
    """The `gdpr-desk` command line with this test's keys in a private keyring."""
    import keyring

    from desktop.cli import main
    from desktop.security.keys import import_keys
    from tests.helpers.memory_keyring import MemoryKeyring

    place = Seat(**json.loads(os.environ["TEST_SEAT"]))
    keyring.set_keyring(MemoryKeyring())
    import_keys(place.instance_id, place.keys)
    return main(sys.argv[1:])


# --- the test side ----------------------------------------------------------------------------------


class Workstation:
    def __init__(self, place: Seat, user: str, data_dir: Path) -> None:
        env = {**os.environ, "TEST_SEAT": json.dumps(dataclasses.asdict(place)), "TEST_USER": user,
               "GDPR_DESK_DATA_DIR": str(data_dir), "PYTHONPATH": str(REPO)}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from tests.pg.test_two_workstations import serve; serve()"],
            cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self._expect_ready()

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise AssertionError(f"the workstation stopped: {self.proc.stderr.read() if self.proc.stderr else ''}")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def _expect_ready(self) -> None:
        assert self._read() == {"ok": "ready"}

    def __call__(self, op: str, *args: Any) -> Any:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"op": op, "args": list(args)}) + "\n")
        self.proc.stdin.flush()
        answer = self._read()
        assert "ok" in answer, (op, args, answer)
        return answer["ok"]

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
        assert self.proc.returncode == 0, self.proc.stderr.read() if self.proc.stderr else ""


@pytest.fixture
def two(pg_url: str, pg_desk: DeskContext, tmp_path: Path) -> Iterator[tuple[Workstation, Workstation, dict[str, int]]]:
    add_staff(pg_desk, ["supervisor"], display_names=False)
    with pg_desk.db.transaction() as s:
        people = {last: add_customer(s, pg_desk.keys, pg_desk.policy, customer_number=f"K{8000000 + i}",
                                     first_name=first, last_name=last, created_at=datetime(2020, 1, 1),
                                     email=f"ws{i}@example.com", street="Storgata 1", postcode="0150",
                                     city="Oslo").id
                  for i, (first, last) in enumerate([("Kari", "Ødegård"), ("Per", "Sæther")])}
    a = Workstation(seat(pg_desk, pg_url, "ws-A"), "agent", tmp_path / "a")
    try:
        b = Workstation(seat(pg_desk, pg_url, "ws-B"), "supervisor", tmp_path / "b")
    except BaseException:
        a.proc.kill()
        raise
    try:
        yield a, b, people
    finally:
        for w in (a, b):
            if w.proc.poll() is None:
                w.close()


def test_each_workstation_sees_the_others_work(two: tuple[Workstation, Workstation, dict[str, int]]) -> None:
    a, b, people = two
    kari = people["Ødegård"]
    assert a("search", "odegard") == [kari]

    # A files an erasure and submits its plan; B finds it in the queue and approves.
    erasure = a("file", "erasure", kari)
    a("verify", erasure)
    a("plan", erasure)
    assert [erasure, "erasure", "awaiting_approval"] in b("queue")
    assert b("approve", erasure) == "approved"
    seen = a("get", erasure)
    assert (seen["state"], seen["decision"], seen["decided_by"]) == ("in_progress", "approved", "supervisor")

    # A files an objection; B turns it down with grounds; A sees the request closed with them.
    objection = a("file", "objection_legitimate_interest", people["Sæther"])
    a("verify", objection)
    a("move", objection, "start")
    a("move", objection, "submit_for_approval")
    assert [objection, "objection_legitimate_interest", "awaiting_approval"] in b("queue")
    assert b("decide", objection, False, "fraud prevention outweighs") == "done"
    seen = a("get", objection)
    assert (seen["state"], seen["decision"], seen["decision_grounds"]) == ("done", "not_upheld",
                                                                          "fraud prevention outweighs")

    # The one access log: each workstation's count includes the other's latest entries.
    checked = a("log_checked")
    assert b("log_checked") == checked
    b("search", "saether")
    assert a("log_checked") == checked + 1
    a("search", "odegard")
    assert b("log_checked") == checked + 2
    actions_of_a = b("log_actions", "ws-A")
    for action in ("login", "search", "request_file", "erasure_plan", "open"):
        assert action in actions_of_a, actions_of_a


def test_the_command_line_is_one_more_workstation(pg_url: str, pg_desk: DeskContext,
                                                  two: tuple[Workstation, Workstation, dict[str, int]],
                                                  tmp_path: Path) -> None:
    a, b, people = two
    env = {**os.environ, "TEST_SEAT": json.dumps(dataclasses.asdict(seat(pg_desk, pg_url, "cli"))),
           "GDPR_DESK_DATA_DIR": str(tmp_path / "cli"), "GDPR_DESK_PASSWORD": "demo", "GDPR_DESK_LANG": "en",
           "PYTHONPATH": str(REPO)}

    def run(*argv: str) -> str:
        proc = subprocess.run([sys.executable, "-c", "import sys; from tests.pg.test_two_workstations import cli; "
                               "sys.exit(cli())", "--db", pg_url, *argv],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
        return proc.stdout

    filed = run("request", "new", "access", str(people["Sæther"]), "--agent", "agent")
    rid = int(filed.split("\t")[0])
    assert [rid, "access", "received"] in b("queue")
    a("verify", rid)
    listed = [line.split("\t")[:3] for line in run("request", "list", "--agent", "supervisor").splitlines()]
    assert [str(rid), "access", "identity_verified"] in listed
    assert "access log intact" in run("audit", "verify")
