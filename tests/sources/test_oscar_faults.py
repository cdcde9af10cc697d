"""Bad sources: a clear message naming system, table, column and row key; nothing half-overwritten.

Also the command line (one line, no traceback) and a kill -9 in the middle of a sync that resumes
without duplicates.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.errors import KeyringUnavailable
from desktop.models import Order, OrderLine, SourceRecord, SourceSyncRun
from desktop.services.sync import SyncService, default_sources_path
from desktop.sources.sql import SourceProblem
from tests.sources.conftest import REPO
from tests.sources.test_oscar_sync import KARI, PER, _order, counts, populate

pytestmark = pytest.mark.slow


def test_a_renamed_column_stops_the_sync_before_any_row_moves(desk, oscar_shop, oscar_system) -> None:  # type: ignore[no-untyped-def]
    populate(oscar_shop)
    svc = SyncService(desk)
    system = oscar_system(oscar_shop)
    svc.sync(system)
    before = counts(desk)
    oscar_shop.apply([_order(KARI, title="Brødrister", price="349.00", quantity=1)])
    oscar_shop.execute("ALTER TABLE order_line RENAME COLUMN title TO product_title")
    with pytest.raises(SourceProblem) as err:
        svc.sync(system)
    assert str(err.value) == ("system 'django-oscar', table order_line, column title: the column does not exist "
                              "(renamed or dropped?)")
    assert counts(desk) == before  # the new order did not arrive half-way, nothing else changed
    with desk.db.transaction() as s:
        assert s.execute(select(SourceSyncRun.outcome).order_by(SourceSyncRun.id.desc())).scalars().first() == "failed"
    oscar_shop.execute("ALTER TABLE order_line RENAME COLUMN product_title TO title")
    assert svc.sync(system).refused == 0
    assert counts(desk)["customer_order"] == before["customer_order"] + 1


def test_a_value_too_long_or_of_another_type_is_refused_by_row(desk, oscar_shop, oscar_system) -> None:  # type: ignore[no-untyped-def]
    made = oscar_shop.apply([{"op": "customer", **KARI}, _order(KARI), _order(KARI, title="T" * 230)])
    long_line = made[2]["order_id"]
    svc = SyncService(desk)
    system = oscar_system(oscar_shop)
    report = svc.sync(system)
    assert report.refused == 1
    (problem,) = report.problems
    assert problem.startswith("system 'django-oscar', table order_line, column title, row ")
    assert "the value is 230 characters; the desk's product_name holds 200" in problem
    assert "TTTT" not in problem  # the value itself is never shown
    with desk.db.transaction() as s:
        assert s.execute(select(func.count()).select_from(OrderLine)).scalar() == 1
        assert s.execute(select(func.count()).select_from(Order)).scalar() == 2  # the order itself is fine
    # The shop shortens the title: the next sync picks the row up.
    oscar_shop.execute(f"UPDATE order_line SET title = 'Kort tittel' WHERE order_id = {long_line}")
    assert svc.sync(system).refused == 0
    with desk.db.transaction() as s:
        assert s.execute(select(func.count()).select_from(OrderLine)).scalar() == 2

    # A column that changes type under the mapping: every row is refused, naming the column.
    if oscar_shop.backend == "postgresql":
        oscar_shop.execute("ALTER TABLE order_order ALTER COLUMN date_placed TYPE text USING date_placed::text")
    else:
        oscar_shop.execute("ALTER TABLE order_order MODIFY date_placed varchar(64)")
    report = svc.sync(system, full=True)
    assert report.refused >= 2
    assert any("table order_order, column date_placed" in p and "a value of type str where the mapping expects "
               "datetime" in p for p in report.problems)
    with desk.db.transaction() as s:  # refused rows keep the desk's earlier copy: nothing removed
        assert s.execute(select(func.count()).select_from(Order)).scalar() == 2


def test_an_unreachable_source_and_a_missing_password(desk, oscar_system, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from desktop.policy import load_policy
    from desktop.services.sync import load_systems

    base = load_systems(None, load_policy()).systems[0]
    with pytest.raises(KeyringUnavailable, match="gdpr-desk sources password django-oscar"):
        SyncService(desk).sync(base)
    down = dataclasses.replace(base, password=None, url="postgresql+psycopg://reader@127.0.0.1:1/oscar")
    with pytest.raises(SourceProblem, match=r"^system 'django-oscar': cannot be reached: "
                       r"postgresql\+psycopg://reader@127.0.0.1:1/oscar"):
        SyncService(desk).sync(down)


def test_a_wrong_password_is_named(desk, oscar_shop, oscar_system, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    if oscar_shop.backend != "mariadb":
        pytest.skip("the local PostgreSQL trusts every local login, so it cannot refuse a password")
    system = oscar_system(oscar_shop)
    from desktop.security.keys import SERVICE

    memory_keyring.set_password(SERVICE, system.keyring_user(), "wrong")
    with pytest.raises(SourceProblem, match="the server refused the login for mysql"):
        SyncService(desk).sync(system)
    assert counts(desk)["source_record"] == 0


def test_the_command_line_prints_one_line(desk, oscar_shop, oscar_system, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GDPR_DESK_LANG", "en")
    if oscar_shop.backend != "postgresql":
        pytest.skip("the command line is the same on both; PostgreSQL is the quicker copy")
    populate(oscar_shop)
    oscar_system(oscar_shop)  # puts nothing in the keyring for PostgreSQL: the example file asks for one
    db = f"sqlite:///{desk.db.sqlite_path}"
    args = ["sources", "sync", "--db", db, "--source-url", oscar_shop.reader_url, "--quiet"]
    assert main(args) == 1
    assert "keyring has no password for system 'django-oscar'" in capsys.readouterr().err
    import keyring

    from desktop.security.keys import SERVICE

    keyring.set_password(SERVICE, "source:django-oscar", "unused-by-a-trusting-server")
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("django-oscar: first sync, read ") and "rows/s" in out
    assert main(["sources", "sync", "--db", db, "--source-url", oscar_shop.admin_url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("gdpr-desk: system 'django-oscar': the reading login can write")
    assert "Traceback" not in err
    assert main(["sources", "scan", "--source-url", oscar_shop.reader_url]) == 0
    scan = capsys.readouterr().out
    assert "reviews_productreview.email" in scan and "order_shippingaddress.phone_number" in scan
    assert "91234567" not in scan  # sampled values are counted, never printed
    assert main(["sources", "check", "--source-url", oscar_shop.reader_url]) == 0
    check = capsys.readouterr().out
    assert "reading login: read-only (good)" in check and "order_order -> order: " in check


CHILD = """
import json, os, sys
import keyring
from tests.helpers.memory_keyring import MemoryKeyring
backend = MemoryKeyring()
backend.store = {tuple(k.split("\\x1f")): v for k, v in json.loads(os.environ["TEST_KEYRING"]).items()}
keyring.set_keyring(backend)
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX kill -9")
def test_kill_9_mid_sync_resumes_without_duplicates(desk, oscar_shop, oscar_system, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    if oscar_shop.backend != "postgresql":
        pytest.skip("resuming is the desk's side; PostgreSQL is the quicker copy")
    people = [{"op": "customer", "username": f"kunde{i}", "email": f"kunde{i}@example.no", "first_name": "Kunde",
               "last_name": f"Nummer {i}"} for i in range(40)]
    oscar_shop.apply([*people, _order(PER | {"username": "kunde1"}), _order(PER | {"username": "kunde2"})])
    from desktop.security.keys import SERVICE

    memory_keyring.set_password(SERVICE, "source:django-oscar", "unused-by-a-trusting-server")
    store = json.dumps({"\x1f".join(k): v for k, v in memory_keyring.store.items()})
    path = desk.db.sqlite_path
    desk.close()
    args = ["sources", "sync", "--db", f"sqlite:///{path}", "--source-url", oscar_shop.reader_url,
            "--sources", str(default_sources_path()), "--batch", "1", "--quiet"]
    env = dict(os.environ, TEST_KEYRING=store, PYTHONPATH=str(REPO))
    child = subprocess.Popen([sys.executable, "-c", CHILD, *args], env=env, cwd=REPO,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    seen = 0
    while time.monotonic() < deadline and child.poll() is None:
        with sqlite3.connect(path) as conn:
            try:
                seen = conn.execute("SELECT count(*) FROM source_record").fetchone()[0]
            except sqlite3.OperationalError:
                seen = 0
        if seen >= 15:
            break
        time.sleep(0.05)
    assert child.poll() is None, child.communicate()
    child.send_signal(signal.SIGKILL)
    child.wait()
    with sqlite3.connect(path) as conn:
        partial = conn.execute("SELECT count(*) FROM source_record").fetchone()[0]
    assert 15 <= partial < 40 * 2 + 2 * 5
    done = subprocess.run([sys.executable, "-c", CHILD, *args], env=env, cwd=REPO, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("django-oscar: incremental sync")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] == 40
        assert conn.execute("SELECT count(*) FROM membership").fetchone()[0] == 40
        assert conn.execute("SELECT count(*) FROM customer_order").fetchone()[0] == 2
        dupes = conn.execute("SELECT system, mapping, source_key, count(*) FROM source_record "
                             "GROUP BY 1, 2, 3 HAVING count(*) > 1").fetchall()
        assert dupes == []
        kinds = dict(conn.execute("SELECT record_kind, count(*) FROM source_record GROUP BY 1").fetchall())
        assert kinds["customer"] == 40 and kinds["order_line"] == 2
    assert SourceRecord.__tablename__ == "source_record"
