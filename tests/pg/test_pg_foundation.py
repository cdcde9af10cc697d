"""The same schema, search and access log on the team's PostgreSQL server."""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop.domain.national_id import synthetic_no
from desktop.services.context import DeskContext
from desktop.services.registry import add_customer
from desktop.services.search import SearchService
from desktop.storage.migrate import current_revision, head_revision
from tests.helpers.desks import login


def _people(ctx: DeskContext) -> None:
    rng = random.Random(3)
    rows = [("Kari", "Ødegård", "+47 912 34 567"), ("Per", "Sæther", "48123456"), ("Bjørn", "Åsen", None),
            ("Anne", "Aasen", None), ("Zara", "Hansen", None), ("Øystein", "Hansen", None)]
    with ctx.db.transaction() as s:
        for i, (first, last, phone) in enumerate(rows):
            add_customer(s, ctx.keys, ctx.policy, customer_number=f"K{3000000 + i}", first_name=first,
                         last_name=last, created_at=datetime(2024, 2, 1), phone=phone,
                         national_id=synthetic_no(rng, date(1980 + i, 3, 4)))


def test_schema_is_at_head(pg_desk: DeskContext) -> None:
    assert current_revision(pg_desk.db) == head_revision()


def test_search_folds_and_sorts_like_sqlite(pg_desk: DeskContext) -> None:
    _people(pg_desk)
    agent = login(pg_desk, "agent")
    svc = SearchService(pg_desk)
    assert [h.name for h in svc.search(agent, "odegard").hits] == ["Kari Ødegård"]
    assert [h.name for h in svc.search(agent, "saether").hits] == ["Per Sæther"]
    assert [h.name for h in svc.search(agent, "bjorn").hits] == ["Bjørn Åsen"]
    assert [h.name for h in svc.search(agent, "912 34 567").hits] == ["Kari Ødegård"]
    assert [h.name for h in svc.search(agent, "hansen").hits] == ["Zara Hansen", "Øystein Hansen"]
    assert [h.name for h in svc.search(agent, "'; DROP TABLE customer; --").hits] == []
    assert [h.name for h in svc.search(agent, "%").hits] == []


def test_access_log_chain_and_triggers(pg_desk: DeskContext) -> None:
    _people(pg_desk)
    agent = login(pg_desk, "agent")
    for q in ("hansen", "åsen", "ødegård"):
        SearchService(pg_desk).search(agent, q)
    with pg_desk.db.transaction() as s:
        result = pg_desk.audit.verify(s)
    assert result.ok and result.checked == 4
    for stmt in ("UPDATE access_log SET actor = 'x'", "DELETE FROM access_log", "TRUNCATE access_log",
                 "UPDATE audit_head SET seq = 0", "TRUNCATE audit_head"):
        with pytest.raises(DBAPIError), pg_desk.db.transaction() as s:
            s.execute(text(stmt))
    with pg_desk.db.transaction() as s:
        assert pg_desk.audit.verify(s).ok
