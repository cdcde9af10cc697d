"""`gdpr-desk db init-team` on the real PostgreSQL server, and the desk run as each person's own login.

Each test makes its own base group (the old application role), its role groups and the logins of
the accounts it adds (roles are cluster-wide), and drops them afterwards.
"""

from __future__ import annotations

import io
import json
import os
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import psycopg
import pytest
from sqlalchemy import text

from desktop.cli import main
from desktop.errors import DatabaseUnavailable, DeskError, InvalidInput, KeyringUnavailable, SchemaOutdated
from desktop.security import key_transfer
from desktop.security.keys import SERVICE, DeskKeys
from desktop.services.accounts import AccountService
from desktop.services.context import open_desk
from desktop.services.team_setup import TeamSetupReport, import_keys_file, init_team, team_table_privileges
from desktop.storage.migrate import head_revision
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.pg import ADMIN_URL

PASSPHRASE = "correct horse battery staple"


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _dbname(url: str) -> str:
    return url.rsplit("/", 1)[1]


def _drop_role(pg_url: str, role: str) -> None:
    with psycopg.connect(_libpq(pg_url), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
            conn.execute(f'DROP OWNED BY "{role}"')  # its privileges in this database
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP ROLE IF EXISTS "{role}"')


@pytest.fixture
def new_role(pg_url: str) -> Iterator[list[str]]:
    """A factory list: append the names a test creates; each is dropped at teardown."""
    made: list[str] = []
    yield made
    for role in made:
        _drop_role(pg_url, role)


def _groups(base: str) -> list[str]:
    return [f"{base}_admin", f"{base}_supervisor", f"{base}_agent", base]


@pytest.fixture
def app_role(pg_url: str, new_role: list[str]) -> Iterator[str]:
    role = f"gdpr_app_{uuid.uuid4().hex[:10]}"
    new_role.extend(_groups(role))
    yield role
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:  # the logins of accounts a test added
        logins = [r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)",
                                             (f"{role}.",))]
    for login in logins:
        _drop_role(pg_url, login)


def _person(owner_url: str, base: str, new_role: list[str], name: str = "agent", role: str = "agent") -> str:
    """Add an account as the owner (it gets its own login); returns the person's database URL."""
    login = f"{base}.{name}"
    new_role.insert(0, login)
    ctx = open_desk(owner_url)
    try:
        AccountService(ctx).add(name, role, "demo")
    finally:
        ctx.close()
    user = owner_url.split("://", 1)[1].split("@", 1)[0]
    return owner_url.replace(f"://{user}@", f"://{login}@", 1)


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Production exports cost 128 MiB of scrypt; the files carry their parameters either way."""
    monkeypatch.setattr(key_transfer, "SCRYPT_N", 2**14)


@pytest.fixture
def team(pg_url: str, app_role: str):  # type: ignore[no-untyped-def]
    return init_team(pg_url, app_role=app_role)


@pytest.fixture
def agent_url(pg_url: str, app_role: str, team, new_role: list[str]) -> str:  # type: ignore[no-untyped-def]
    return _person(pg_url, app_role, new_role)


def _app_conn(url: str) -> psycopg.Connection:  # type: ignore[type-arg]
    return psycopg.connect(_libpq(url), autocommit=True)


def _privileges(pg_url: str, role: str | None) -> set[tuple[str, str]]:
    """(table, privilege) for the role, or for PUBLIC when role is None, in the public schema."""
    with psycopg.connect(_libpq(pg_url)) as conn:
        rows = conn.execute(
            "SELECT c.relname, a.privilege_type FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, "
            "aclexplode(c.relacl) a WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.grantee = "
            "COALESCE((SELECT oid FROM pg_roles WHERE rolname = %s), 0)", (role,)).fetchall()
    return {(r[0], r[1]) for r in rows}


# --- setting up -----------------------------------------------------------------------------------


def test_init_team_sets_up_schema_keys_and_a_role_with_exact_privileges(
        pg_url: str, app_role: str, team: TeamSetupReport, memory_keyring: MemoryKeyring,
        new_role: list[str]) -> None:
    assert team.revision_before is None and team.revision_after == head_revision()
    assert (SERVICE, f"db:{team.instance_id}") in memory_keyring.store
    assert team.app_url.endswith(f"://{app_role}.NAME@127.0.0.1:5432/{_dbname(pg_url)}")
    with psycopg.connect(_libpq(pg_url)) as conn:
        role = conn.execute("SELECT rolcanlogin, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolpassword "
                            "FROM pg_authid WHERE rolname = %s", (app_role,)).fetchone()
        meta: dict[str, str] = dict(conn.execute("SELECT key, value FROM db_meta").fetchall())
        owned = conn.execute("SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles "
                             "WHERE rolname = %s)", (app_role,)).fetchone()
        public_schema = conn.execute("SELECT has_schema_privilege(%s, 'public', 'CREATE')", (app_role,)).fetchone()
    assert role is not None and role[:5] == (False, False, False, False, False)  # a group, not a login
    assert role[5] is None  # no shared password anywhere
    assert owned == (0,) and public_schema == (False,)
    assert json.loads(meta["team_app_roles"]) == [app_role] and "key_check" in meta
    assert json.loads(meta["team_groups"])["supervisor"] == f"{app_role}_supervisor"

    granted = _privileges(pg_url, app_role)
    expected = {(t, p) for t, privs in team_table_privileges().items() for p in privs}
    assert granted == expected | {("access_log_pending", "INSERT")}  # chained by the server at COMMIT
    assert {p for t, p in granted if t == "access_log"} == {"SELECT"}  # the server's function appends
    assert {p for t, p in granted if t == "audit_head"} == {"SELECT"}
    assert {p for t, p in granted if t in ("staff_account", "erasure_approval")} == {"SELECT"}
    # Decisions that need a role are the role group's own: four eyes and fraud weighing for the
    # supervisors, the organisation's rules for the administrators; the base group only reads them.
    assert _privileges(pg_url, f"{app_role}_supervisor") == {("erasure_approval", "INSERT"),
                                                             ("fraud_weighing", "INSERT")}
    assert _privileges(pg_url, f"{app_role}_admin") == {("org_setting", "INSERT"), ("org_setting", "UPDATE")}
    assert {p for t, p in granted if t in ("fraud_weighing", "org_setting")} == {"SELECT"}
    assert _privileges(pg_url, f"{app_role}_agent") == set()
    assert {p for t, p in granted if t in ("db_meta", "alembic_version")} == {"SELECT"}
    assert ("customer", "DELETE") in granted and ("search_token", "DELETE") in granted
    assert ("dsr_request", "DELETE") not in granted and ("staff_account", "DELETE") not in granted
    assert not {p for _, p in granted} & {"TRUNCATE", "REFERENCES", "TRIGGER"}
    assert _privileges(pg_url, None) == set()  # nothing for PUBLIC
    assert "Next steps" in team.describe() and "keys import" in team.describe()
    assert "accounts add" in team.describe() and "scram-sha-256" in team.describe()

    # The grants as the persons' own logins meet them.
    agent_url = _person(pg_url, app_role, new_role)
    admin_url = _person(pg_url, app_role, new_role, name="boss", role="admin")
    with _app_conn(agent_url) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO fraud_weighing (request_id, decision, reasons, decided_by, decided_at) "
                         "VALUES (1, 'erase', 'no fraud case is open any more', 'agent', now())")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE org_setting SET value = 'x'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO org_setting (key, value) VALUES ('deadline_roll_forward', 'x')")
    with _app_conn(admin_url) as conn:
        conn.execute("INSERT INTO org_setting (key, value, changed_at) VALUES ('probe', 'a', now())")
        assert conn.execute("UPDATE org_setting SET value = 'b' WHERE key = 'probe'").rowcount == 1
        assert conn.execute("SELECT value FROM org_setting WHERE key = 'probe'").fetchone() == ("b",)


def test_init_team_twice_changes_nothing(pg_url: str, app_role: str, team, capsys) -> None:  # type: ignore[no-untyped-def]
    before = _privileges(pg_url, app_role)
    with psycopg.connect(_libpq(pg_url)) as conn:
        verifier = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (app_role,)).fetchone()
    assert main(["db", "init-team", "--db", pg_url, "--app-role", app_role]) == 0
    out = capsys.readouterr().out
    assert f"instance {team.instance_id}" in out and "found in this machine's keyring and verified" in out
    assert "existed; unchanged (the team's base group" in out and f"{head_revision()} -> {head_revision()}" in out
    assert _privileges(pg_url, app_role) == before
    with psycopg.connect(_libpq(pg_url)) as conn:
        assert conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (app_role,)).fetchone() == verifier
        assert conn.execute("SELECT count(*) FROM db_meta WHERE key = 'instance_id'").fetchone() == (1,)


def test_db_upgrade_by_the_owner_renews_the_grants(pg_url: str, app_role: str, team, capsys) -> None:  # type: ignore[no-untyped-def]
    with psycopg.connect(_libpq(pg_url), autocommit=True) as conn:
        conn.execute(f'REVOKE SELECT ON access_log FROM "{app_role}"')
        conn.execute(f'GRANT DELETE ON dsr_request TO "{app_role}"')
        conn.execute(f'GRANT INSERT ON access_log TO "{app_role}_agent"')
    assert main(["db", "upgrade", "--db", pg_url]) == 0
    assert f"team group {app_role}: privileges renewed" in capsys.readouterr().out
    granted = _privileges(pg_url, app_role)
    assert ("access_log", "SELECT") in granted and ("dsr_request", "DELETE") not in granted
    assert _privileges(pg_url, f"{app_role}_agent") == set()


# --- what the application role cannot do ----------------------------------------------------------


REFUSED = [
    "UPDATE access_log SET actor = 'x'",
    "DELETE FROM access_log",
    "TRUNCATE access_log",
    "DROP TRIGGER access_log_no_change ON access_log",
    "DROP TRIGGER access_log_no_truncate ON access_log",
    "ALTER TABLE access_log DISABLE TRIGGER access_log_no_change",
    "ALTER TABLE access_log DISABLE TRIGGER ALL",
    "DROP TABLE access_log",
    "ALTER TABLE access_log OWNER TO CURRENT_USER",
    "DELETE FROM audit_head",
    "TRUNCATE audit_head",
    "UPDATE audit_head SET seq = 0",
    "ALTER TABLE audit_head DISABLE TRIGGER audit_head_forward_only",
    "UPDATE db_meta SET value = 'x' WHERE key = 'key_check'",
    "UPDATE alembic_version SET version_num = '0001'",
    "TRUNCATE customer",
    "DELETE FROM dsr_request",
    "CREATE TABLE access_log_copy (seq int)",
    "CREATE OR REPLACE FUNCTION gdpr_desk_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RETURN NEW; END $$",
    "SET session_replication_role = replica",
]


def test_a_persons_login_cannot_change_the_log(agent_url: str) -> None:
    allowed = []
    with _app_conn(agent_url) as conn:
        for statement in REFUSED:
            try:
                conn.execute(statement)
            except psycopg.errors.InsufficientPrivilege:
                continue
            allowed.append(statement)
    assert allowed == []
    with _app_conn(agent_url) as conn:  # what the desk does is still allowed
        assert conn.execute("SELECT count(*) FROM access_log").fetchone() == (1,)  # the account's creation
        assert conn.execute("SELECT seq FROM audit_head WHERE id = 1").fetchone() == (1,)


def test_the_desk_works_as_the_application_role(pg_url: str, team, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    from desktop.demo.generator import generate_demo_data
    from desktop.services.accounts import AccountService
    from desktop.services.erasure import ErasureService
    from desktop.services.fraud_weighing import FraudWeighingService
    from desktop.services.profile import ProfileService
    from desktop.services.requests import RequestService
    from desktop.services.search import SearchService
    from desktop.services.verification import FileSmsGateway, SmtpMailer, VerificationService

    owner = open_desk(pg_url)  # the owner fills the demo data (keys from init-team's keyring)
    try:
        generate_demo_data(owner, customers=12, seed=4)
        with owner.db.transaction() as s:
            person = s.execute(text("SELECT id, last_name FROM customer ORDER BY id LIMIT 1")).one()
    finally:
        owner.close()

    ctx = open_desk(team.app_url.replace(".NAME@", ".agent@"), workstation="ws-agent")
    sup_ctx = open_desk(team.app_url.replace(".NAME@", ".supervisor@"), workstation="ws-sup")
    try:
        with ctx.db.transaction() as s:
            assert s.execute(text("SELECT current_user")).scalar() == f"{team.app_role}.agent"
        agent = AccountService(ctx).login("agent", "demo")
        hits = SearchService(ctx).search(agent, person.last_name).hits
        assert person.id in [h.customer_id for h in hits]
        verifier = VerificationService(
            ctx, mailer=SmtpMailer("127.0.0.1", 9, starttls=False, ssl=False, username=None, password=None,
                                   sender="desk@example.com"), sms=FileSmsGateway(Path(os.devnull)))
        contact = verifier.start_contact(agent, person.id, "phone")
        verifier.verify_electronic_id(agent, contact.contact_id, "BankID", "tx-0000001")
        header = ProfileService(ctx).open_profile(agent, person.id, contact.contact_id)
        assert header.may_see_more
        request = RequestService(ctx).file(agent, "erasure", person.id, channel="phone")
        RequestService(ctx).verify_identity(agent, request.id, note="BankID")
        supervisor = AccountService(sup_ctx).login("supervisor", "demo")
        # Fraud records wait for a supervisor's weighing (docs/rules.md#r-fraud), and an admin sets the
        # organisation's deadline rule: both written as their own logins.
        FraudWeighingService(sup_ctx).weigh(supervisor, request.id, "erase",
                                            "Nothing in these records overrides the person's request.", "demo")
        plan = ErasureService(ctx).make_plan(agent, request.id)
        ErasureService(sup_ctx).approve(supervisor, request.id, "demo", plan.fingerprint)
        result = ErasureService(sup_ctx).execute(supervisor, request.id)  # DELETEs as the supervisor's login
        assert result.run_state == "done" and sum(result.erased.values()) > 0, result.erased
        with ctx.db.transaction() as s:
            verdict = ctx.audit.verify(s)
        assert verdict.ok and verdict.checked > 5
    finally:
        ctx.close()
        sup_ctx.close()


def test_a_persons_login_never_migrates(pg_url: str, agent_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    with psycopg.connect(_libpq(pg_url), autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0004'")
    with pytest.raises(SchemaOutdated) as exc:
        open_desk(agent_url)
    assert "Ask IT to run 'gdpr-desk db upgrade' as the database owner" in exc.value.message
    assert main(["db", "upgrade", "--db", agent_url]) == 1
    err = capsys.readouterr().err
    assert "may not change the schema" in err or "har ikke lov til å endre skjemaet" in err
    with psycopg.connect(_libpq(pg_url)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)


def test_a_role_without_grants_is_told_to_ask_for_init_team(pg_url: str, team, new_role: list[str]) -> None:  # type: ignore[no-untyped-def]
    stranger = f"gdpr_other_{uuid.uuid4().hex[:8]}"
    new_role.append(stranger)
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{stranger}" LOGIN')
    with psycopg.connect(_libpq(pg_url), autocommit=True) as conn:
        conn.execute(f'GRANT CONNECT ON DATABASE "{_dbname(pg_url)}" TO "{stranger}"')
        conn.execute(f'GRANT USAGE ON SCHEMA public TO "{stranger}"')
    with pytest.raises(DatabaseUnavailable) as exc:
        open_desk(pg_url.replace("://postgres@", f"://{stranger}@"))
    assert f"gdpr-desk db init-team --app-role {stranger}" in exc.value.message


# --- bad input ------------------------------------------------------------------------------------


def test_empty_database_says_run_init_team(pg_url: str) -> None:
    with pytest.raises(SchemaOutdated) as exc:
        open_desk(pg_url)
    assert "has no GDPR Desk schema" in exc.value.message and "gdpr-desk db init-team" in exc.value.message


@pytest.mark.parametrize(("url", "words"), [
    ("postgresql+psycopg://postgres@127.0.0.1:1/gdpr", "cannot be reached"),
    ("{base}/gdpr_desk_missing_{hex}", "has no such database"),
    ("postgresql+psycopg://gdpr_no_such_role_{hex}@127.0.0.1:5432/postgres", "has no such user (role)"),
    ("sqlite:///team.sqlite3", "sets up a PostgreSQL server"),
])
def test_init_team_bad_server_is_one_line_and_exit_1(  # type: ignore[no-untyped-def]
        url: str, words: str, pg_url: str, capsys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    url = url.format(base=pg_url.rsplit("/", 1)[0], hex=uuid.uuid4().hex[:8])
    monkeypatch.setenv("GDPR_DESK_LANG", "en")
    monkeypatch.chdir(tmp_path)
    assert main(["db", "init-team", "--db", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("gdpr-desk: ") and words in err and "Traceback" not in err


@pytest.mark.parametrize(("role", "words"), [
    ("postgres", "must not be the owner"),
    ("Robert'; DROP TABLE x; --", "cannot be the application role"),
    ("pg_monitor", "cannot be the application role"),
])
def test_init_team_refuses_a_dangerous_app_role_and_changes_nothing(pg_url: str, role: str, words: str) -> None:
    with pytest.raises(InvalidInput) as exc:
        init_team(pg_url, app_role=role)
    assert words in exc.value.message
    with psycopg.connect(_libpq(pg_url)) as conn:
        assert conn.execute("SELECT to_regclass('alembic_version')").fetchone() == (None,)


def test_init_team_refuses_a_member_of_the_owner(pg_url: str, new_role: list[str]) -> None:
    owner, app = f"gdpr_owner_{uuid.uuid4().hex[:8]}", f"gdpr_app_{uuid.uuid4().hex[:8]}"
    new_role.extend([app, owner])
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
        conn.execute(f'CREATE ROLE "{app}" LOGIN IN ROLE "{owner}"')
        conn.execute(f'ALTER DATABASE "{_dbname(pg_url)}" OWNER TO "{owner}"')
    owner_url = pg_url.replace("://postgres@", f"://{owner}@")
    try:
        with pytest.raises(InvalidInput) as exc:
            init_team(owner_url, app_role=app)
        assert f'REVOKE "{owner}" FROM "{app}"' in exc.value.message
        with psycopg.connect(_libpq(pg_url), autocommit=True) as conn:
            assert conn.execute("SELECT to_regclass('alembic_version')").fetchone() == (None,)
    finally:
        # Even when an assertion fails: a role that owns the database cannot be dropped at teardown.
        with psycopg.connect(_libpq(pg_url), autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{_dbname(pg_url)}" OWNER TO postgres')


def test_a_dedicated_owner_role_sets_up_the_team(pg_url: str, new_role: list[str]) -> None:
    """The documented setup: a non-superuser owner with CREATEROLE that owns the database."""
    tag = uuid.uuid4().hex[:8]
    owner, app, plain = f"gdpr_owner_{tag}", f"gdpr_app_{tag}", f"gdpr_plain_{tag}"
    new_role.extend([*_groups(app), plain, owner])
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
        conn.execute(f'CREATE ROLE "{plain}" LOGIN')
        conn.execute(f'ALTER DATABASE "{_dbname(pg_url)}" OWNER TO "{owner}"')
    try:
        owner_url = pg_url.replace("://postgres@", f"://{owner}@")
        report = init_team(owner_url, app_role=app)
        assert report.owner == owner and "CONNECT revoked from PUBLIC" in report.database_connect
        person = _person(owner_url, app, new_role)  # the owner (CREATEROLE, no superuser) makes the login
        with psycopg.connect(_libpq(person), autocommit=True) as conn:
            assert conn.execute("SELECT session_user").fetchone() == (f"{app}.agent",)
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("ALTER TABLE access_log DISABLE TRIGGER ALL")
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("TRUNCATE access_log")
        with pytest.raises(psycopg.OperationalError):  # PUBLIC lost CONNECT: another role cannot log in
            psycopg.connect(_libpq(pg_url.replace("://postgres@", f"://{plain}@")), connect_timeout=3)
    finally:
        with psycopg.connect(_libpq(pg_url), autocommit=True) as conn:
            conn.execute(f'REASSIGN OWNED BY "{owner}" TO postgres')
            conn.execute(f'DROP OWNED BY "{owner}"')


def test_a_second_machine_without_the_keys_is_told_to_import_them(pg_url: str, team, new_role: list[str]) -> None:  # type: ignore[no-untyped-def]
    keyring.set_keyring(MemoryKeyring())  # another machine
    other = f"gdpr_app_{uuid.uuid4().hex[:8]}"
    new_role.append(other)
    with pytest.raises(KeyringUnavailable) as exc:
        init_team(pg_url, app_role=other)
    assert "gdpr-desk keys import --db URL --in FILE" in exc.value.message
    with psycopg.connect(_libpq(pg_url)) as conn:
        assert conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (other,)).fetchone() is None


# --- keys ---------------------------------------------------------------------------------------


def _export(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "keys.json"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert main(["keys", "export", "--db", pg_url, "--out", str(out), "--passphrase-stdin"]) == 0
    return out


def test_keys_export_then_import_on_a_fresh_workstation(
        pg_url: str, team: TeamSetupReport, agent_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = _export(pg_url, tmp_path, monkeypatch)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert PASSPHRASE not in out.read_text() and json.loads(out.read_text())["instance_id"] == team.instance_id
    original = dict(keyring.get_keyring().store)  # type: ignore[attr-defined]

    workstation = MemoryKeyring()
    keyring.set_keyring(workstation)
    with pytest.raises(KeyringUnavailable):
        open_desk(agent_url)  # no keys yet
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert main(["keys", "import", "--db", agent_url, "--in", str(out), "--passphrase-stdin"]) == 0
    assert "imported into this workstation's keyring" in capsys.readouterr().out
    assert workstation.store == original
    ctx = open_desk(agent_url)
    try:
        with ctx.db.transaction() as s:
            assert ctx.audit.verify(s).ok
    finally:
        ctx.close()
    again = import_keys_file(agent_url, out, lambda: PASSPHRASE)
    assert again.outcome == "unchanged"


def test_keys_import_refuses_a_wrong_passphrase(pg_url: str, team, agent_url: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = _export(pg_url, tmp_path, monkeypatch)
    workstation = MemoryKeyring()
    keyring.set_keyring(workstation)
    with pytest.raises(InvalidInput) as exc:
        import_keys_file(agent_url, out, lambda: "not the passphrase at all")
    assert "Wrong passphrase" in exc.value.message and workstation.store == {}


def test_keys_import_refuses_a_file_for_another_database(pg_url: str, team, agent_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.json"
    stranger = DeskKeys(b"\x01" * 32, b"\x02" * 32, b"\x03" * 32, "keyring")
    other.write_bytes(key_transfer.seal(stranger, str(uuid.uuid4()), "elsewhere:5432/shop", "2026-01-01", PASSPHRASE))
    workstation = MemoryKeyring()
    keyring.set_keyring(workstation)
    asked: list[bool] = []

    def passphrase() -> str:
        asked.append(True)
        return PASSPHRASE

    with pytest.raises(InvalidInput) as exc:
        import_keys_file(agent_url, other, passphrase)
    assert "keys of another database" in exc.value.message and not asked and workstation.store == {}

    # The same keys labelled with this database's instance id: the key check refuses them.
    forged = tmp_path / "forged.json"
    forged.write_bytes(key_transfer.seal(stranger, team.instance_id, "elsewhere:5432/shop", "2026-01-01", PASSPHRASE))
    with pytest.raises(DeskError) as exc2:
        import_keys_file(agent_url, forged, lambda: PASSPHRASE)
    assert "do not belong to database" in exc2.value.message and workstation.store == {}

    # Any change to the readable header breaks the file's authentication.
    raw = json.loads(forged.read_text())
    raw["database"] = "tampered"
    forged.write_text(json.dumps(raw))
    with pytest.raises(InvalidInput) as exc3:
        import_keys_file(agent_url, forged, lambda: PASSPHRASE)
    assert "the file was changed" in exc3.value.message


def test_tables_outside_public_are_found_by_a_persons_login(pg_url: str, app_role: str,
                                                           new_role: list[str]) -> None:
    with psycopg.connect(_libpq(pg_url), autocommit=True) as conn:
        conn.execute("CREATE SCHEMA desk")
    report = init_team(f"{pg_url}?options=-csearch_path%3Ddesk", app_role=app_role)
    assert report.schema == "desk" and "search_path desk" in report.role
    person = _person(f"{pg_url}?options=-csearch_path%3Ddesk", app_role, new_role)
    with psycopg.connect(_libpq(pg_url)) as conn:
        assert conn.execute("SELECT to_regclass('desk.access_log') IS NOT NULL, "
                            "to_regclass('public.access_log') IS NULL").fetchone() == (True, True)
    ctx = open_desk(person.split("?", 1)[0])  # the plain URL: the login's own search_path finds them
    try:
        with ctx.db.transaction() as s:
            assert ctx.audit.verify(s).ok
    finally:
        ctx.close()


def test_a_failed_account_statement_does_not_carry_the_password_verifier(  # type: ignore[no-untyped-def]
        pg_url: str, app_role: str, team, new_role: list[str]) -> None:
    """The login appears before `accounts add` makes it: the error must not chain the call with the verifier."""
    import traceback

    new_role.insert(0, f"{app_role}.taken")
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{app_role}.taken"')
    ctx = open_desk(pg_url)
    try:
        with pytest.raises(InvalidInput) as exc:
            AccountService(ctx).add("taken", "agent", "a-Secret-password-1")
    finally:
        ctx.close()
    assert "exists already" in exc.value.message
    assert exc.value.__cause__ is None and exc.value.__suppress_context__
    told = "".join(traceback.format_exception(exc.value))
    assert "SCRAM-SHA-256" not in told and "a-Secret-password-1" not in exc.value.message


def test_a_shared_application_password_is_refused(pg_url: str, app_role: str, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as exc:
        init_team(pg_url, app_role=app_role, app_password="shared-Secret-1")
    assert "no shared application password" in exc.value.message
    monkeypatch.setattr("sys.stdin", io.StringIO("shared-Secret-1\n"))
    assert main(["db", "init-team", "--db", pg_url, "--app-role", app_role, "--app-password-stdin"]) == 1
    assert "accounts add" in capsys.readouterr().err
    with psycopg.connect(_libpq(pg_url)) as conn:
        assert conn.execute("SELECT to_regclass('alembic_version')").fetchone() == (None,)


def test_renewing_grants_without_a_schema_on_the_search_path_says_so(pg_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.services import team_setup
    from desktop.storage.database import Database

    monkeypatch.setattr(team_setup, "read_meta",
                        lambda db: {team_setup.APP_ROLES_META: json.dumps(["gdpr_desk_app"])})
    db = Database(f"{pg_url}?options=-csearch_path%3Dnowhere")
    try:
        with pytest.raises(DatabaseUnavailable) as exc:
            team_setup.reapply_grants(db)
    finally:
        db.dispose()
    assert "no schema on this role's search_path" in exc.value.message and "None" not in exc.value.message
