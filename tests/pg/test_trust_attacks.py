"""Attacks from an agent's own database login on a team server (issue: team mode you can trust).

Each attack is what an agent at their workstation could try with their own login and the desk's
keys: write an approval in a supervisor's name and execute, promote themselves, copy a password
hash, create a supervisor, change who filed a request, move a request's state around the desk, and
log an entry in a colleague's name with a valid chain hash. Each must fail in the database. Rows
that land anyway (written by the owner with the triggers off, as a doctored backup would) must
make `erasure execute` refuse and `audit verify` fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from desktop.audit.log import chain_hash, utcnow
from desktop.cli import main
from desktop.domain.roles import Actor, Role
from desktop.errors import DeskError, PermissionDenied
from desktop.models import AccessLogEntry
from desktop.services.erasure import ErasureRefused, ErasureService
from desktop.services.fraud_weighing import FraudWeighingService
from desktop.services.requests import RequestService
from desktop.services.search import SearchService
from desktop.services.verification import FileSmsGateway, SmtpMailer, VerificationService
from tests.pg._logins import Team, libpq, team_fixture

DENIED = (psycopg.errors.InsufficientPrivilege,)


@pytest.fixture
def team(pg_url: str) -> Iterator[Team]:
    yield from team_fixture(pg_url)


def _customer(team: Team) -> int:
    with team.owner.db.transaction() as s:
        return int(s.execute(text("SELECT min(id) FROM customer")).scalar_one())


def _verified_request(team: Team, username: str, customer_id: int) -> tuple[int, str]:
    """An erasure request filed and verified by `username`, its fraud records (if any) weighed by a
    supervisor, its plan made; (request id, fingerprint)."""
    ctx, actor = team.desk(username)
    verifier = VerificationService(
        ctx, mailer=SmtpMailer("127.0.0.1", 9, starttls=False, ssl=False, username=None, password=None,
                               sender="desk@example.com"), sms=FileSmsGateway(Path(os.devnull)))
    contact = verifier.start_contact(actor, customer_id, "phone")
    verifier.verify_electronic_id(actor, contact.contact_id, "BankID", "tx-0000001")
    request = RequestService(ctx).file(actor, "erasure", customer_id, channel="phone")
    RequestService(ctx).verify_identity(actor, request.id, note="BankID")
    with team.owner.db.transaction() as s:
        has_fraud = s.execute(text("SELECT count(*) FROM fraud_signal WHERE customer_id = :c"),
                              {"c": customer_id}).scalar_one() > 0
    if has_fraud:  # a supervisor weighs the shop's fraud records first (docs/rules.md#r-fraud)
        sup_ctx, sup = team.desk("sup")
        FraudWeighingService(sup_ctx).weigh(sup, request.id, "erase", "no open fraud case concerns this customer",
                                            "demo")
    plan = ErasureService(ctx).make_plan(actor, request.id)
    return request.id, plan.fingerprint


def _refused(conn: psycopg.Connection[tuple[object, ...]], statement: str,
             params: tuple[object, ...] = ()) -> str:
    """Run `statement` and return the server's refusal; fail the test if it was allowed."""
    try:
        conn.execute(statement, params)
    except (psycopg.errors.InsufficientPrivilege, psycopg.errors.CheckViolation,
            psycopg.errors.RaiseException) as exc:
        return str(exc)
    raise AssertionError(f"allowed: {statement}")


def _verify(team: Team, username: str = "sup") -> tuple[bool, str]:
    ctx, _ = team.desk(username)
    with ctx.db.transaction() as s:
        result = ctx.audit.verify(s)
    return result.ok, result.describe()


# --- the honest path still works --------------------------------------------------------------------


def test_the_desk_works_with_personal_logins_and_the_server_stamps_who_acted(team: Team) -> None:
    customer = _customer(team)
    request_id, fingerprint = _verified_request(team, "agent", customer)
    sup_ctx, sup = team.desk("sup")
    with sup_ctx.db.transaction() as s:
        assert s.execute(text("SELECT session_user")).scalar() == team.logins["sup"]
    ErasureService(sup_ctx).approve(sup, request_id, "demo", fingerprint)
    agent_ctx, agent = team.desk("agent")
    result = ErasureService(agent_ctx).execute(agent, request_id)
    assert result.run_state == "done" and sum(result.erased.values()) > 0
    with team.owner.db.transaction() as s:
        row = s.execute(text("SELECT filed_by_id, decided_by_id, state FROM dsr_request WHERE id = :i"),
                        {"i": request_id}).one()
        approver = s.execute(text("SELECT approver_id, stamp IS NOT NULL FROM erasure_approval "
                                  "WHERE request_id = :i"), {"i": request_id}).one()
        actors = set(s.execute(text("SELECT DISTINCT actor FROM access_log WHERE request_id = :i"),
                               {"i": request_id}).scalars())
    assert row == (team.ids["agent"], team.ids["sup"], "done")
    assert approver == (team.ids["sup"], True)
    assert actors == {"agent", "sup"}
    ok, told = _verify(team)
    assert ok, told


# --- the attacks --------------------------------------------------------------------------------------


def test_attack_approval_in_a_supervisors_name_then_execute(team: Team) -> None:
    customer = _customer(team)
    request_id, fingerprint = _verified_request(team, "agent", customer)
    with team.owner.db.transaction() as s:
        plan_id = s.execute(text("SELECT max(id) FROM erasure_plan WHERE request_id = :i"),
                            {"i": request_id}).scalar_one()
    past = utcnow() - timedelta(hours=1)
    with team.connect("agent") as conn:
        told = _refused(conn, "INSERT INTO erasure_approval (request_id, plan_id, plan_fingerprint, approver_id, "
                              "decision, decided_at, executes_after) VALUES (%s, %s, %s, %s, 'approved', %s, %s)",
                        (request_id, plan_id, fingerprint, team.ids["sup"], past, past))
        assert "permission denied" in told
        told = _refused(conn, "UPDATE dsr_request SET decision = 'approved', decided_by_id = %s, decided_at = %s, "
                              "state = 'in_progress' WHERE id = %s", (team.ids["sup"], past, request_id))
        assert "only a supervisor" in told
        # The log entry the real approval would write, in the supervisor's name: stamped as the agent.
        conn.execute("SELECT * FROM gdpr_desk_audit_append(%s, 'sup', 'ws-sup', 'erasure_approve', 'request', "
                     "%s, NULL, 'plan=x', NULL, %s)", (team.ids["sup"], customer, request_id))
    agent_ctx, agent = team.desk("agent")
    with pytest.raises(ErasureRefused) as exc:
        ErasureService(agent_ctx).execute(agent, request_id)
    assert exc.value.code == "needs_approval"
    with team.owner.db.transaction() as s:
        assert s.execute(text("SELECT count(*) FROM customer WHERE id = :i"), {"i": customer}).scalar() == 1
        assert s.execute(text("SELECT actor FROM access_log WHERE action = 'erasure_approve'")).scalars().all() \
            == ["agent"]


def test_attack_self_promotion(team: Team) -> None:
    with team.connect("agent") as conn:
        assert "permission denied" in _refused(conn, "UPDATE staff_account SET role = 'supervisor' "
                                                     "WHERE username = 'agent'")
        assert "admin option" in _refused(
            conn, f'GRANT "{team.report.app_role}_supervisor" TO "{team.logins["agent"]}"')
        assert "only an administrator" in _refused(
            conn, "SELECT gdpr_desk_account_change('agent', 'supervisor', NULL, NULL, NULL, 'agent', 'ws')")
        assert "permission denied" in _refused(conn, f'ALTER ROLE "{team.logins["agent"]}" CREATEROLE')
        assert conn.execute("SELECT pg_has_role(session_user, %s, 'MEMBER')",
                            (f"{team.report.app_role}_supervisor",)).fetchone() == (False,)
    _agent_ctx, agent = team.desk("agent")
    assert agent.role is Role.AGENT


def test_attack_copying_a_password_hash(team: Team) -> None:
    with team.owner.db.transaction() as s:
        before = s.execute(text("SELECT password_hash FROM staff_account WHERE username = 'sup'")).scalar_one()
    with team.connect("agent") as conn:
        assert "permission denied" in _refused(
            conn, "UPDATE staff_account SET password_hash = (SELECT password_hash FROM staff_account "
                  "WHERE username = 'agent') WHERE username = 'sup'")
        assert "only by its owner" in _refused(  # the columns a person's own sign-in updates, not others'
            conn, "UPDATE staff_account SET failed_attempts = 0, locked_until = NULL WHERE username = 'sup'")
        assert "permission denied" in _refused(conn, f'ALTER ROLE "{team.logins["sup"]}" PASSWORD \'x\'')
        mine = conn.execute("SELECT password_hash FROM staff_account WHERE username = 'agent'").fetchone()
        assert mine is not None
        assert "only an administrator" in _refused(
            conn, "SELECT gdpr_desk_account_change('sup', NULL, NULL, %s, NULL, 'agent', 'ws')", (mine[0],))
    with team.owner.db.transaction() as s:
        assert s.execute(text("SELECT password_hash FROM staff_account WHERE username = 'sup'")).scalar_one() \
            == before


def test_attack_creating_a_supervisor(team: Team) -> None:
    base = team.report.app_role
    with team.connect("agent") as conn:
        assert "permission denied" in _refused(
            conn, "INSERT INTO staff_account (username, display_name, role, password_hash, disabled, "
                  "failed_attempts, created_at) VALUES ('mole', 'Mole', 'supervisor', 'x', false, 0, now())")
        assert "permission denied" in _refused(conn, f'CREATE ROLE "{base}_mole" LOGIN IN ROLE "{base}_supervisor"')
        assert "only an administrator" in _refused(
            conn, "SELECT * FROM gdpr_desk_account_add('mole', 'Mole', 'supervisor', 'x', NULL, 'agent', 'ws')")
    agent_ctx, _ = team.desk("agent")
    from desktop.services.accounts import AccountService

    with pytest.raises(PermissionDenied):
        AccountService(agent_ctx).add("mole", "supervisor", "demo")
    with team.owner.db.transaction() as s:
        assert s.execute(text("SELECT count(*) FROM staff_account WHERE username = 'mole'")).scalar() == 0
        assert s.execute(text("SELECT count(*) FROM pg_roles WHERE rolname = :r"), {"r": f"{base}_mole"}).scalar() == 0


def test_attack_changing_who_filed_a_request_or_its_state(team: Team) -> None:
    customer = _customer(team)
    request_id, _ = _verified_request(team, "colleague", customer)
    with team.connect("agent") as conn:
        assert "who filed" in _refused(conn, "UPDATE dsr_request SET filed_by_id = %s WHERE id = %s",
                                       (team.ids["agent"], request_id))
        assert "cannot move" in _refused(conn, "UPDATE dsr_request SET state = 'done' WHERE id = %s", (request_id,))
        assert "only a supervisor" in _refused(
            conn, "UPDATE dsr_request SET state = 'refused', refusal_reason = 'x' WHERE id = %s", (request_id,))
        # Filing in a colleague's name: the server writes the agent's own id whatever is sent.
        row = conn.execute(
            "INSERT INTO dsr_request (type, customer_id, channel, received_on, filed_at, identity_state, state, "
            "filed_by_id, notes, due_on, scope_purposes, is_duplicate, version) VALUES ('access', %s, 'phone', "
            "current_date, now(), 'unverified', 'received', %s, '', current_date + 30, '', false, 1) "
            "RETURNING filed_by_id", (customer, team.ids["colleague"])).fetchone()
        assert row == (team.ids["agent"],)
        # History lines are stamped too, and cannot be rewritten in someone else's name.
        event = conn.execute("INSERT INTO request_event (request_id, at, actor_id, actor, action, to_state) "
                             "VALUES (%s, now(), %s, 'colleague', 'note', 'received') RETURNING actor",
                             (request_id, team.ids["colleague"])).fetchone()
        assert event == ("agent",)
        assert "cannot be changed" in _refused(
            conn, "UPDATE request_event SET actor = 'agent' WHERE request_id = %s AND actor = 'colleague'",
            (request_id,))
        # Who verified, gave a reason, sent a notice ...: the same stamp on every such column.
        contact = conn.execute("SELECT max(id) FROM contact").fetchone()
        reason = conn.execute(
            "INSERT INTO access_reason (contact_id, customer_id, agent_id, reason, at, expires_at) VALUES "
            "(%s, %s, %s, 'fraud check', now(), now()) RETURNING id, agent_id",
            (contact[0] if contact else None, customer, team.ids["colleague"])).fetchone()
        assert reason is not None and reason[1] == team.ids["agent"]
        assert "cannot be changed" in _refused(conn, "UPDATE access_reason SET agent_id = %s WHERE id = %s",
                                               (team.ids["colleague"], reason[0]))
    with team.owner.db.transaction() as s:
        assert s.execute(text("SELECT filed_by_id, state FROM dsr_request WHERE id = :i"), {"i": request_id}).one() \
            == (team.ids["colleague"], "awaiting_approval")


def test_attack_log_entry_in_a_colleagues_name_with_a_valid_chain_hash(team: Team) -> None:
    agent_ctx, _agent = team.desk("agent")
    with team.owner.db.transaction() as s:
        head_seq, head_hash = s.execute(text("SELECT seq, entry_hash FROM audit_head")).one()
    forged = AccessLogEntry(seq=head_seq + 1, at=utcnow(), actor_id=team.ids["colleague"], actor="colleague",
                            workstation="ws-colleague", action="open", customer_id=_customer(team), data="profile",
                            purpose=None, detail=None, reason="curiosity", request_id=None, prev_hash=head_hash,
                            entry_hash="")
    forged.entry_hash = chain_hash(agent_ctx.keys.audit, head_hash, forged)  # every workstation has this key
    with team.connect("agent") as conn:
        assert "permission denied" in _refused(
            conn, "INSERT INTO access_log (seq, at, actor_id, actor, workstation, action, customer_id, data, "
                  "reason, prev_hash, entry_hash) VALUES (%s, %s, %s, 'colleague', 'ws-colleague', 'open', %s, "
                  "'profile', 'curiosity', %s, %s)",
            (forged.seq, forged.at, forged.actor_id, forged.customer_id, head_hash, forged.entry_hash))
        assert "permission denied" in _refused(conn, "UPDATE audit_head SET seq = seq + 1")
        assert "permission denied" in _refused(conn, "SELECT key FROM audit_server_key")
        assert "permission denied" in _refused(
            conn, "SELECT gdpr_desk_audit_hash(l) FROM access_log l LIMIT 1")  # no hashing oracle
        row = conn.execute("SELECT actor_id, actor FROM gdpr_desk_audit_append(%s, 'colleague', 'ws-colleague', "
                           "'open', 'profile', %s, NULL, NULL, 'curiosity', NULL)",
                           (team.ids["colleague"], forged.customer_id)).fetchone()
        assert row == (team.ids["agent"], "agent")  # the server writes who really asked
        # The desk's own queue, chained at COMMIT: the same stamp.
        conn.execute("INSERT INTO access_log_pending (actor_id, actor, workstation, action, data) "
                     "VALUES (%s, 'colleague', 'ws-colleague', 'open', 'queued')", (team.ids["colleague"],))
        queued = conn.execute("SELECT actor FROM access_log WHERE data = 'queued'").fetchall()
        assert queued == [("agent",)]
        assert "permission denied" in _refused(conn, "DELETE FROM access_log_pending")
    # Through the desk with a made-up Actor: the look is logged in the agent's name all the same.
    disguised = Actor(account_id=team.ids["colleague"], username="colleague", role=Role.AGENT,
                      workstation="ws-colleague")
    SearchService(agent_ctx).search(disguised, "a")
    with team.owner.db.transaction() as s:
        assert set(s.execute(text("SELECT actor FROM access_log WHERE action IN ('search', 'open')")).scalars()) \
            == {"agent"}
    ok, told = _verify(team)
    assert ok, told


# --- rows that land anyway ----------------------------------------------------------------------------


def test_a_forged_approval_that_lands_is_refused_by_execute_and_fails_verify(team: Team) -> None:
    customer = _customer(team)
    request_id, fingerprint = _verified_request(team, "agent", customer)
    past = utcnow() - timedelta(hours=1)
    with psycopg.connect(libpq(team.url), autocommit=True) as owner:  # the owner, triggers off
        owner.execute("SET session_replication_role = replica")
        plan_id = owner.execute("SELECT max(id) FROM erasure_plan WHERE request_id = %s", (request_id,)).fetchone()
        owner.execute("INSERT INTO erasure_approval (request_id, plan_id, plan_fingerprint, approver_id, decision, "
                      "decided_at, executes_after) VALUES (%s, %s, %s, %s, 'approved', %s, %s)",
                      (request_id, plan_id[0] if plan_id else None, fingerprint, team.ids["sup"], past, past))
        owner.execute("UPDATE dsr_request SET decision = 'approved', decided_by_id = %s, decided_at = %s, "
                      "state = 'in_progress', version = version + 1 WHERE id = %s", (team.ids["sup"], past, request_id))
    agent_ctx, agent = team.desk("agent")
    with pytest.raises(ErasureRefused) as exc:
        ErasureService(agent_ctx).execute(agent, request_id)
    assert exc.value.code == "forged_approval"
    with team.owner.db.transaction() as s:
        assert s.execute(text("SELECT count(*) FROM customer WHERE id = :i"), {"i": customer}).scalar() == 1
    ok, told = _verify(team)
    assert not ok and "four-eyes" in told


def test_a_forged_log_entry_that_lands_fails_verify(team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    agent_ctx, _ = team.desk("agent")
    with team.owner.db.transaction() as s:
        head_seq, head_hash = s.execute(text("SELECT seq, entry_hash FROM audit_head")).one()
    forged = AccessLogEntry(seq=head_seq + 1, at=utcnow(), actor_id=team.ids["colleague"], actor="colleague",
                            workstation="ws-colleague", action="open", customer_id=_customer(team), data="profile",
                            purpose=None, detail=None, reason=None, request_id=None, prev_hash=head_hash,
                            entry_hash="")
    forged.entry_hash = chain_hash(agent_ctx.keys.audit, head_hash, forged)
    with psycopg.connect(libpq(team.url), autocommit=True) as owner:
        owner.execute("INSERT INTO access_log (seq, at, actor_id, actor, workstation, action, customer_id, data, "
                      "prev_hash, entry_hash) VALUES (%s, %s, %s, 'colleague', 'ws-colleague', 'open', %s, "
                      "'profile', %s, %s)", (forged.seq, forged.at, forged.actor_id, forged.customer_id, head_hash,
                                             forged.entry_hash))
        owner.execute("UPDATE audit_head SET seq = %s, entry_hash = %s WHERE id = 1", (forged.seq, forged.entry_hash))
    ok, told = _verify(team)
    assert not ok and f"broken at entry {forged.seq}" in told
    assert main(["audit", "verify", "--db", team.login_url("sup")]) == 3
    assert f"broken at entry {forged.seq}" in capsys.readouterr().out


def test_disabling_an_account_disables_its_login_and_is_logged(team: Team) -> None:
    boss_ctx, _boss = team.desk("boss")
    from desktop.services.accounts import AccountService

    AccountService(boss_ctx).set_disabled("colleague")
    with team.owner.db.transaction() as s:
        assert s.execute(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"),
                         {"r": team.logins["colleague"]}).scalar() is False
        assert s.execute(text("SELECT actor FROM access_log WHERE action = 'account_change'")).scalars().all() \
            == ["boss"]
    with pytest.raises(psycopg.OperationalError):
        team.connect("colleague")
    with pytest.raises(DeskError):
        AccountService(boss_ctx).set_disabled("nobody-here")


def test_signing_in_as_a_colleague_from_ones_own_login_is_refused(team: Team) -> None:
    ctx, _ = team.desk("agent")
    from desktop.services.accounts import AccountService

    with pytest.raises(PermissionDenied):
        AccountService(ctx).login("colleague", "demo")



def _raw_request(conn: psycopg.Connection[tuple[object, ...]], customer: int) -> int:
    row = conn.execute(
        "INSERT INTO dsr_request (type, customer_id, channel, received_on, filed_at, identity_state, state, "
        "notes, due_on, scope_purposes, is_duplicate, version) VALUES ('erasure', %s, 'phone', current_date, "
        "now(), 'unverified', 'received', '', current_date + 30, '', false, 1) RETURNING id", (customer,)).fetchone()
    assert row is not None
    return int(str(row[0]))


def test_attack_fraud_weighing_in_a_supervisors_name(team: Team) -> None:
    with team.connect("agent") as conn:
        request_id = _raw_request(conn, _customer(team))
        told = _refused(conn, "INSERT INTO fraud_weighing (request_id, decision, reasons, decided_by_id, decided_by, "
                              "decided_at) VALUES (%s, 'erase', 'no open fraud case concerns this customer', %s, "
                              "'sup', now())", (request_id, team.ids["sup"]))
        assert "permission denied" in told
    with team.connect("sup2") as conn:  # a supervisor may weigh, but only in their own name
        row = conn.execute("INSERT INTO fraud_weighing (request_id, decision, reasons, decided_by_id, decided_by, "
                           "decided_at) VALUES (%s, 'erase', 'no open fraud case concerns this customer', %s, "
                           "'sup', now()) RETURNING decided_by_id, decided_by",
                           (request_id, team.ids["sup"])).fetchone()
        assert row == (team.ids["sup2"], "sup2")
    with team.owner.db.transaction() as s:
        assert s.execute(text("SELECT decided_by_id, decided_by FROM fraud_weighing WHERE request_id = :i"),
                         {"i": request_id}).all() == [(team.ids["sup2"], "sup2")]


def test_attack_org_setting_changed_in_a_colleagues_name(team: Team) -> None:
    with team.connect("agent") as conn:
        assert "permission denied" in _refused(
            conn, "INSERT INTO org_setting (key, value, changed_at, changed_by_id) VALUES ('probe', 'on', now(), %s)",
            (team.ids["boss"],))
    with team.connect("boss") as conn:  # the administrator's change is stamped as theirs, every time
        row = conn.execute("INSERT INTO org_setting (key, value, changed_at, changed_by_id) VALUES "
                           "('probe', 'on', now(), %s) RETURNING changed_by_id", (team.ids["sup"],)).fetchone()
        assert row == (team.ids["boss"],)
        conn.execute("UPDATE org_setting SET changed_by_id = %s WHERE key = 'probe'", (team.ids["agent"],))
    with team.owner.db.transaction() as s:
        assert s.execute(text("SELECT changed_by_id FROM org_setting WHERE key = 'probe'")).scalar_one() \
            == team.ids["boss"]


def test_attack_written_file_in_a_colleagues_name(team: Team) -> None:
    with team.connect("agent") as conn:
        row = conn.execute(
            "INSERT INTO written_file (customer_id, kind, path, workstation, sha256, size, written_by, written_at) "
            "VALUES (%s, 'register_copy', '/tmp/copy.pdf', 'ws-colleague', %s, 1, %s, now()) RETURNING id, written_by",
            (_customer(team), "0" * 64, team.ids["colleague"])).fetchone()
        assert row is not None and row[1] == team.ids["agent"]
        assert "cannot be changed" in _refused(conn, "UPDATE written_file SET written_by = %s WHERE id = %s",
                                               (team.ids["colleague"], row[0]))
