"""Team-mode tests on the real PostgreSQL server: each test gets its own database, dropped after.

Skips with a reason when no server answers on 127.0.0.1:5432 (override with GDPR_DESK_TEST_PG).
The server helpers are in tests/helpers/pg.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.services.context import DeskContext, open_desk
from tests.helpers.desks import add_staff
from tests.helpers.pg import scratch_database, unreachable_reason

_SKIP = unreachable_reason()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/pg/" in str(item.fspath):
            item.add_marker(pytest.mark.pg)
            if _SKIP:
                item.add_marker(pytest.mark.skip(reason=_SKIP))


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A scratch database on the shared server (SQLAlchemy URL), dropped after the test."""
    with scratch_database() as url:
        yield url


@pytest.fixture
def pg_desk(pg_url: str) -> Iterator[DeskContext]:
    """The desk on `pg_url`, migrated, with keys and one staff account: agent."""
    ctx = open_desk(pg_url, migrate=True, create_keys=True, workstation="pg-ws")
    add_staff(ctx, ["agent"], display_names=False)
    yield ctx
    ctx.close()
