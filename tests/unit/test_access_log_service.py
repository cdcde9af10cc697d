"""The access-log viewer: supervisors only (enforced in the service), filters, CSV, chain check, history."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import stat
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain.roles import Actor
from desktop.errors import InvalidInput, PermissionDenied
from desktop.models import AccessLogEntry
from desktop.services.access_log import CSV_COLUMNS, AccessLogService
from desktop.services.context import DeskContext
from desktop.services.customers import CustomerService
from desktop.services.profile import ProfileService
from desktop.services.search import SearchService
from desktop.services.verification import FileSmsGateway, SmtpMailer, VerificationService
from tests.helpers.desks import login


@pytest.fixture
def log(desk: DeskContext) -> AccessLogService:
    return AccessLogService(desk, tz=UTC)


@pytest.fixture
def activity(desk: DeskContext, people: dict[str, int], agent: Actor, tmp_path: Path) -> dict[str, int]:
    """A morning's work: agent and agent2 search, open, verify, view and reveal."""
    agent2 = login(desk, "agent2")
    mailer = SmtpMailer("127.0.0.1", 9, starttls=False, ssl=False, username=None, password=None, sender="a@b.no")
    verifier = VerificationService(desk, mailer=mailer, sms=FileSmsGateway(tmp_path / "sms"))
    profiles = ProfileService(desk, tz=UTC)
    SearchService(desk).search(agent, "nordmann")
    CustomerService(desk).open_summary(agent, people["Nordmann"])
    c = verifier.start_contact(agent, people["Nordmann"], "phone")
    verifier.verify_electronic_id(agent, c.contact_id, "BankID", "tx-0001234")
    profiles.open_profile(agent, people["Nordmann"], c.contact_id)
    profiles.open_group(agent, people["Nordmann"], "purchase", c.contact_id)
    profiles.open_group(agent, people["Nordmann"], "customer_service", c.contact_id)
    profiles.open_group(agent, people["Nordmann"], "purchase", c.contact_id)
    profiles.reveal_national_id(agent, people["Nordmann"], c.contact_id, "=HYPERLINK(\"http://x\")", "demo")
    d = verifier.start_contact(agent2, people["Sæther"], "phone")
    verifier.record_access_reason(agent2, d.contact_id, "Intern bedrageri-kontroll")
    profiles.open_group(agent2, people["Sæther"], "fraud", d.contact_id)
    return people


def count_actions(desk: DeskContext) -> Counter[str]:
    with desk.db.transaction() as s:
        return Counter(s.execute(select(AccessLogEntry.action)).scalars())


# --- roles, enforced below the UI -------------------------------------------------------------------


def test_an_agent_gets_a_refusal_not_data(desk: DeskContext, activity: dict[str, int], agent: Actor,
                                          log: AccessLogService, tmp_path: Path) -> None:
    before = count_actions(desk)
    target = tmp_path / "log.csv"
    calls: list[Callable[[], object]] = [
        lambda: log.query(agent),
        lambda: log.count(agent),
        lambda: log.export_csv(agent, target),
        lambda: log.verify_chain(agent),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied) as exc:
            call()
        assert "supervisors" in exc.value.message
    assert not target.exists()
    assert count_actions(desk) - before == Counter({"refused": 4})


def test_supervisor_filters_and_each_page_is_logged(desk: DeskContext, activity: dict[str, int], supervisor: Actor,
                                                    log: AccessLogService) -> None:
    nordmann = activity["Nordmann"]
    n = log.count(supervisor, customer_id=nordmann)
    rows = log.query(supervisor, customer_id=nordmann)
    assert rows and all(r.customer_id == nordmann for r in rows) and len(rows) == n
    assert [r.seq for r in rows] == sorted((r.seq for r in rows), reverse=True)  # newest first
    # Looking at a customer's log is itself an entry about that customer.
    assert log.count(supervisor, customer_id=nordmann) == n + 1
    views = log.query(supervisor, customer_id=nordmann, action="view")
    assert [r.data for r in views] == ["purpose:purchase", "purpose:customer_service", "purpose:purchase"]
    by_agent2 = log.query(supervisor, agent="agent2")
    assert {r.actor for r in by_agent2} == {"agent2"}
    assert {r.action for r in by_agent2} >= {"login", "access_reason", "view"}
    today = datetime.now(UTC).date()
    assert log.count(supervisor, date_from=today, date_to=today) == log.count(supervisor)
    assert log.query(supervisor, date_from=today + timedelta(days=1)) == []
    assert log.query(supervisor, date_to=today - timedelta(days=1)) == []
    page = log.query(supervisor, offset=1, limit=2)
    assert len(page) == 2
    with pytest.raises(InvalidInput):
        log.query(supervisor, date_from=today, date_to=today - timedelta(days=1))
    with pytest.raises(InvalidInput):
        log.query(supervisor, limit=0)
    # Each page viewed is one entry of its own; counting writes none.
    before = count_actions(desk)
    log.query(supervisor, action="reveal")
    log.count(supervisor)
    assert count_actions(desk) - before == Counter({"log_view": 1})
    [entry] = log.query(supervisor, action="log_view", limit=1)
    assert entry.actor == "supervisor" and "action=reveal" in (entry.detail or "")


def test_csv_export_has_the_right_rows(desk: DeskContext, activity: dict[str, int], supervisor: Actor,
                                       log: AccessLogService, tmp_path: Path) -> None:
    nordmann = activity["Nordmann"]
    with desk.db.transaction() as s:
        expected = list(s.execute(select(AccessLogEntry.seq).where(AccessLogEntry.customer_id == nordmann)
                                  .order_by(AccessLogEntry.seq)).scalars())
    target = tmp_path / "nordmann.csv"
    before = count_actions(desk)
    written = log.export_csv(supervisor, target, customer_id=nordmann)
    assert count_actions(desk) - before == Counter({"log_export": 1})
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read æøå
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(table[0]) == CSV_COLUMNS
    assert written == len(table) - 1 == len(expected)
    assert [int(r[0]) for r in table[1:]] == expected  # oldest first, exactly the filtered entries
    assert all(r[5] == str(nordmann) for r in table[1:])
    reveal = next(r for r in table[1:] if r[4] == "reveal")
    assert reveal[9] == "'=HYPERLINK(\"http://x\")"  # a formula is written as text

    stream = io.StringIO()
    n = log.export_csv(supervisor, stream, action="access_reason", delimiter=";")
    lines = stream.getvalue().splitlines()
    assert n == 1 and lines[0].startswith("seq;at_utc;actor") and "Intern bedrageri-kontroll" in lines[1]


def test_verify_chain_gives_a_clear_result(desk: DeskContext, activity: dict[str, int], supervisor: Actor,
                                           log: AccessLogService) -> None:
    result = log.verify_chain(supervisor)
    assert result.ok and result.describe().startswith("access log intact")
    assert count_actions(desk)["log_verify"] == 1
    path = str(desk.db.sqlite_path)
    desk.db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER access_log_no_update")
    conn.execute("UPDATE access_log SET reason = 'nothing to see' WHERE action = 'reveal'")
    conn.commit()
    conn.close()
    broken = log.verify_chain(supervisor)
    assert not broken.ok and broken.first_bad_seq is not None and "broken at entry" in broken.describe()


def test_admin_may_view_and_verify(desk: DeskContext, activity: dict[str, int], log: AccessLogService) -> None:
    admin = login(desk, "admin")
    assert log.query(admin, limit=5) and log.verify_chain(admin).ok


# --- the register copy's history --------------------------------------------------------------------


def test_lookup_history_has_dates_and_purposes_but_no_staff(desk: DeskContext, activity: dict[str, int],
                                                            log: AccessLogService) -> None:
    events = log.lookup_history(activity["Nordmann"])
    today = datetime.now(UTC).date()
    assert all(e.date == today for e in events)
    summary = {(e.action, e.data): e.count for e in events}
    assert summary == {("open", "summary"): 1, ("open", "profile"): 1, ("view", "purpose:purchase"): 2,
                       ("view", "purpose:customer_service"): 1, ("reveal", "national_id"): 1}
    purchase = next(e for e in events if e.purpose == "purchase")
    assert purchase.description == "Opplysninger for formålet «Bestilling / kjøp» ble vist"
    staff = ("agent", "agent test", "test-ws")  # user names, display names, workstation
    for e in events:
        text = " ".join(str(v) for v in vars(e).values()).lower()
        assert not any(name in text for name in staff)
        assert "hyperlink" not in text  # reasons stay out of the copy
    assert not hasattr(events[0], "actor") and not hasattr(events[0], "reason")
    english = log.lookup_history(activity["Nordmann"], lang="en")
    assert "National identity number shown in full" in [e.description for e in english]
    per = log.lookup_history(activity["Sæther"])
    assert [(e.action, e.purpose) for e in per] == [("view", "fraud")]
    assert log.lookup_history(activity["Åsen"]) == []


def test_date_filters_are_whole_local_days(desk: DeskContext, activity: dict[str, int], supervisor: Actor) -> None:
    """An entry at 23:30 UTC belongs to the next day in Oslo: the filter follows the viewer's zone."""
    from zoneinfo import ZoneInfo

    with desk.db.transaction() as s:
        first = s.execute(select(AccessLogEntry).order_by(AccessLogEntry.seq).limit(1)).scalar_one()
    oslo = AccessLogService(desk, tz=ZoneInfo("Europe/Oslo"))
    local_day = first.at.replace(tzinfo=UTC).astimezone(ZoneInfo("Europe/Oslo")).date()
    rows = oslo.query(supervisor, date_from=local_day, date_to=local_day, limit=1000)
    assert first.seq in [r.seq for r in rows]
    assert rows[0].local_at(ZoneInfo("Europe/Oslo")).date() == local_day
