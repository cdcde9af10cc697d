"""A read-only PostgreSQL database (a standby, or default_transaction_read_only) says so, CLI and UI alike."""

from __future__ import annotations

import pytest
from sqlalchemy import make_url

from desktop.cli import main
from desktop.errors import DatabaseUnavailable
from desktop.services.accounts import AccountService
from desktop.services.context import open_desk
from tests.helpers.pg import ADMIN_URL


def _read_only(url: str) -> None:
    import psycopg

    name = make_url(url).database
    with psycopg.connect(ADMIN_URL, connect_timeout=3, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')  # type: ignore[arg-type]


def test_opening_a_read_only_database_says_so(pg_desk, pg_url: str, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _read_only(pg_url)
    with pytest.raises(DatabaseUnavailable) as caught:
        open_desk(pg_url)
    assert "read-only" in caught.value.message and "skrivebeskyttet" in caught.value.message_nb
    assert caught.value.text("sv").startswith("Databasen är skrivskyddad")
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    assert main(["search", "x", "--agent", "agent", "--db", pg_url]) == 1
    err = capsys.readouterr().err
    assert "read-only" in err and "Traceback" not in err


def test_a_database_turned_read_only_while_open_says_so(pg_desk, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    _read_only(pg_url)
    pg_desk.db.engine.dispose()  # the next connection gets the new setting
    with pytest.raises(DatabaseUnavailable, match="read-only"):
        AccountService(pg_desk).login("agent", "demo")
