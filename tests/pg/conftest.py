"""Team-mode tests on the real PostgreSQL server: each test gets its own database, dropped after.

Skips with a reason when no server answers on 127.0.0.1:5432 (override with GDPR_DESK_TEST_PG).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

ADMIN_URL = os.environ.get("GDPR_DESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def _admin_connect():  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(ADMIN_URL, connect_timeout=3, autocommit=True)


def _reachable() -> str | None:
    try:
        with _admin_connect() as conn:
            conn.execute("SELECT 1")
        return None
    except Exception as exc:  # any failure to connect means: skip, and say why
        return f"PostgreSQL not reachable at {ADMIN_URL}: {str(exc).strip().splitlines()[0]}"


_SKIP = _reachable()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/pg/" in str(item.fspath):
            item.add_marker(pytest.mark.pg)
            if _SKIP:
                item.add_marker(pytest.mark.skip(reason=_SKIP))


@pytest.fixture
def pg_url() -> Iterator[str]:
    name = f"gdpr_desk_test_{uuid.uuid4().hex[:12]}"
    with _admin_connect() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    try:
        yield f"{base}/{name}"
    finally:
        with _admin_connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_desk(pg_url: str):  # type: ignore[no-untyped-def]
    from desktop.services.accounts import AccountService
    from desktop.services.context import open_desk

    ctx = open_desk(pg_url, migrate=True, create_keys=True, workstation="pg-ws")
    AccountService(ctx).add("agent", "agent", "demo")
    yield ctx
    ctx.close()
