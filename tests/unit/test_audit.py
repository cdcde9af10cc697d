"""The access log: every look is logged in the same transaction, and tampering is detected."""

from __future__ import annotations

import sqlite3
from typing import Any, NoReturn

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.audit.log import VerifyResult
from desktop.domain.roles import Actor
from desktop.errors import AuditWriteFailed
from desktop.models import AccessLogEntry, Customer
from desktop.services.context import DeskContext
from desktop.services.customers import CustomerService
from desktop.services.search import SearchService
from tests.helpers.desks import tamper_with_log


def count(desk: DeskContext, action: str | None = None) -> int:
    with desk.db.transaction() as s:
        q = select(func.count()).select_from(AccessLogEntry)
        if action:
            q = q.where(AccessLogEntry.action == action)
        return int(s.execute(q).scalar_one())


def test_search_and_open_each_write_one_entry(desk: DeskContext, people: dict[str, int], agent: Actor) -> None:
    before = count(desk)
    SearchService(desk).search(agent, "ola nordmann")
    assert count(desk) == before + 1
    CustomerService(desk).open_summary(agent, people["Nordmann"], reason="phone call")
    assert count(desk) == before + 2
    with desk.db.transaction() as s:
        last = s.execute(select(AccessLogEntry).order_by(AccessLogEntry.seq.desc()).limit(1)).scalar_one()
    assert (last.action, last.customer_id, last.actor, last.reason) == ("open", people["Nordmann"], "agent",
                                                                         "phone call")


def test_query_is_stored_masked(desk: DeskContext, people: dict[str, int], agent: Actor) -> None:
    SearchService(desk).search(agent, "Ødegård")
    SearchService(desk).search(agent, "kari.odegard@example.com")
    with desk.db.transaction() as s:
        details = [d for d in s.execute(select(AccessLogEntry.detail).where(AccessLogEntry.action == "search"))
                   .scalars()]
    assert None not in details
    joined = " ".join(d for d in details if d is not None)
    assert "odegard" not in joined.lower() and "ødegård" not in joined.lower()
    assert "name:o******" in joined and "email:k***@e***" in joined


def test_chain_verifies(desk: DeskContext, people: dict[str, int], agent: Actor) -> None:
    for q in ("hansen", "ola", "sæther"):
        SearchService(desk).search(agent, q)
    with desk.db.transaction() as s:
        result = desk.audit.verify(s)
    assert result.ok, result.describe()
    assert result.checked == count(desk)


def test_application_connection_cannot_update_delete_or_replace(desk: DeskContext, agent: Actor) -> None:
    for stmt in ("UPDATE access_log SET actor = 'x'", "DELETE FROM access_log",
                 "INSERT OR REPLACE INTO access_log SELECT * FROM access_log WHERE seq = 1",
                 "DELETE FROM audit_head", "UPDATE audit_head SET seq = 0"):
        with pytest.raises(IntegrityError), desk.db.transaction() as s:
            s.execute(text(stmt))
    with desk.db.transaction() as s:
        assert desk.audit.verify(s).ok


def test_log_write_failure_means_no_data(desk: DeskContext, people: dict[str, int], agent: Actor,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*a: object, **k: object) -> NoReturn:
        raise AuditWriteFailed("log down", "logg nede")

    monkeypatch.setattr(desk.audit, "append", broken)
    with pytest.raises(AuditWriteFailed):
        CustomerService(desk).open_summary(agent, people["Nordmann"])
    with pytest.raises(AuditWriteFailed):
        SearchService(desk).search(agent, "nordmann")


def test_data_read_rolls_back_with_a_failed_log_write(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The read and its entry share one transaction: a failure leaves neither behind."""
    before = count(desk)
    original = desk.audit.append

    def then_fail(session: Session, *a: Any, **k: Any) -> NoReturn:
        original(session, *a, **k)
        raise AuditWriteFailed("disk full", "disken er full")

    monkeypatch.setattr(desk.audit, "append", then_fail)
    with pytest.raises(AuditWriteFailed):
        CustomerService(desk).open_summary(agent, people["Nordmann"])
    assert count(desk) == before


@pytest.fixture
def logged(desk: DeskContext, people: dict[str, int], agent: Actor) -> tuple[DeskContext, str, int]:
    for q in ("hansen", "ola", "sæther", "åsen", "lindström"):
        SearchService(desk).search(agent, q)
    n = count(desk)
    path = str(desk.db.sqlite_path)
    desk.db.dispose()
    return desk, path, n


def _verify(desk: DeskContext) -> VerifyResult:
    with desk.db.transaction() as s:
        return desk.audit.verify(s)


def test_detects_changed_entry(logged: tuple[DeskContext, str, int]) -> None:
    desk, path, _ = logged
    tamper_with_log(path, "UPDATE access_log SET actor = 'someone' WHERE seq = 3")
    r = _verify(desk)
    assert not r.ok and r.first_bad_seq == 3


def test_detects_removed_entry(logged: tuple[DeskContext, str, int]) -> None:
    desk, path, _ = logged
    tamper_with_log(path, "DELETE FROM access_log WHERE seq = 4")
    r = _verify(desk)
    assert not r.ok and r.first_bad_seq == 4 and "missing" in r.problem


def test_detects_removed_tail(logged: tuple[DeskContext, str, int]) -> None:
    desk, path, n = logged
    tamper_with_log(path, f"DELETE FROM access_log WHERE seq = {n}")
    r = _verify(desk)
    assert not r.ok and r.first_bad_seq == n


def test_detects_reordered_entries(logged: tuple[DeskContext, str, int]) -> None:
    desk, path, _ = logged
    tamper_with_log(path,
            "UPDATE access_log SET seq = -1 WHERE seq = 2",
            "UPDATE access_log SET seq = 2 WHERE seq = 3",
            "UPDATE access_log SET seq = 3 WHERE seq = -1")
    r = _verify(desk)
    assert not r.ok and r.first_bad_seq == 2


def test_detects_inserted_entry(logged: tuple[DeskContext, str, int]) -> None:
    desk, path, n = logged
    conn = sqlite3.connect(path)
    row = conn.execute("SELECT * FROM access_log WHERE seq = ?", (n,)).fetchone()
    conn.close()
    forged = list(row)
    forged[0] = n + 1
    forged[-2] = row[-1]  # prev_hash = the real last hash
    forged[-1] = "f" * 64
    values = ",".join(repr(v) if v is not None else "NULL" for v in forged)
    tamper_with_log(path, f"INSERT INTO access_log VALUES ({values})", f"UPDATE audit_head SET seq = {n + 1}")
    r = _verify(desk)
    assert not r.ok and r.first_bad_seq == n + 1


def test_names_never_reach_the_log(desk: DeskContext, people: dict[str, int], agent: Actor) -> None:
    SearchService(desk).search(agent, "Kari Ødegård")
    CustomerService(desk).open_summary(agent, people["Ødegård"])
    with desk.db.transaction() as s:
        names = [f"{c.first_name} {c.last_name}" for c in s.execute(select(Customer)).scalars()]
        rows = s.execute(select(AccessLogEntry)).scalars().all()
        blob = " ".join(f"{r.detail} {r.data} {r.reason}" for r in rows).casefold()
    for name in names:
        for part in name.casefold().split():
            assert part not in blob
