"""The deadline roll-forward is the organisation's rule: in the database, changed by an admin only, logged,
and the same for every service, the CLI and every workstation (docs/rules.md#r-deadline)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.domain.requests import TransitionRefused
from desktop.domain.roles import Actor
from desktop.errors import PermissionDenied
from desktop.models import AccessLogEntry, OrgSetting
from desktop.services.accounts import AccountService
from desktop.services.org_settings import ROLL_FORWARD, OrgSettingsService
from desktop.services.requests import RequestService


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    monkeypatch.setattr("desktop.services.accounts._HASHER", PasswordHasher(time_cost=1, memory_cost=1024,
                                                                            parallelism=1))


def requests_at(desk, now: datetime) -> RequestService:  # type: ignore[no-untyped-def]
    return RequestService(desk, clock=lambda: now)


def admin(desk) -> Actor:  # type: ignore[no-untyped-def]
    return AccountService(desk).login("admin", "demo")


def test_off_by_default_and_only_an_admin_may_turn_it_on(desk, people, agent, supervisor) -> None:  # type: ignore[no-untyped-def]
    rules = OrgSettingsService(desk, clock=lambda: datetime(2026, 11, 20, 9))
    assert rules.roll_forward() is False
    for who in (agent, supervisor):
        with pytest.raises(PermissionDenied):
            rules.set_roll_forward(who, True)
    assert rules.roll_forward() is False
    change = rules.set_roll_forward(admin(desk), True)
    assert (change.before, change.after) == (False, True) and rules.roll_forward() is True
    with desk.db.transaction() as s:
        row = s.get(OrgSetting, ROLL_FORWARD)
        assert row is not None and row.value == "on" and row.changed_at == datetime(2026, 11, 20, 9)
        logged = s.execute(select(AccessLogEntry).where(AccessLogEntry.action == "setting_changed")).scalars().all()
    assert [(e.actor, e.data, e.detail) for e in logged] == [("admin", f"org_setting:{ROLL_FORWARD}", "off -> on")]


def test_every_workstation_gets_the_same_deadline(desk, people, agent) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 11, 25, 12)
    first, second = requests_at(desk, now), requests_at(desk, now)  # two workstations, one database
    assert first.file(agent, "access", people["Sæther"], channel="web").due_on == date(2026, 12, 25)
    OrgSettingsService(desk).set_roll_forward(admin(desk), True)
    # Christmas Day and Boxing Day are holidays and the 27th a Sunday: both now say the 28th.
    assert second.file(agent, "access", people["Åsen"], channel="web").due_on == date(2026, 12, 28)
    assert first.file(agent, "access", people["Nordmann"], channel="web").due_on == date(2026, 12, 28)
    assert first.roll_forward is True and second.roll_forward is True


def test_extension_on_the_monday_after_a_saturday_due_date(desk, people, agent) -> None:  # type: ignore[no-untyped-def]
    # Received 31.01.2026: the first month ends Saturday 28.02; rolled forward, Monday 02.03.
    filed = requests_at(desk, datetime(2026, 2, 10, 12)).file(agent, "access", people["Åsen"], channel="email",
                                                                received_on=date(2026, 1, 31))
    assert filed.due_on == date(2026, 2, 28)
    monday = requests_at(desk, datetime(2026, 3, 2, 10))
    with pytest.raises(TransitionRefused) as refused:
        monday.extend(agent, filed.id, "Twelve years of orders in two shops must be gathered.")
    assert refused.value.code == "too_late"
    OrgSettingsService(desk).set_roll_forward(admin(desk), True)
    result = monday.extend(agent, filed.id, "Twelve years of orders in two shops must be gathered.")
    assert result.request.extended_until == date(2026, 4, 28)


def run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def test_cli_reads_and_changes_the_same_rule(capsys, monkeypatch, desk, people) -> None:  # type: ignore[no-untyped-def]
    db = str(desk.db.sqlite_path)
    rc, out, _ = run(capsys, "--db", db, "deadline", "2026-01-31")
    assert rc == 0 and "due 2026-02-28" in out and "roll-forward off" in out
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    rc, _, err = run(capsys, "--db", db, "rules", "roll-forward", "on", "--agent", "supervisor")
    assert rc == 1 and "administrator" in err
    rc, _, err = run(capsys, "--db", db, "rules", "roll-forward", "on")
    assert rc == 1 and "--agent" in err
    rc, out, _ = run(capsys, "--db", db, "rules", "roll-forward", "on", "--agent", "admin")
    assert rc == 0 and "off -> on" in out
    rc, out, _ = run(capsys, "--db", db, "rules", "roll-forward")
    assert rc == 0 and out.strip() == "roll-forward on"
    rc, out, _ = run(capsys, "--db", db, "deadline", "2026-01-31")
    assert rc == 0 and "due 2026-03-02" in out and "roll-forward on" in out
    assert OrgSettingsService(desk).roll_forward() is True


def test_migration_0007_matches_the_models_and_goes_down_and_up(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import re

    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import inspect

    from desktop.models import Base
    from desktop.storage.database import Database
    from desktop.storage.migrate import alembic_config, current_revision, head_revision, upgrade

    new = {"org_setting", "fraud_weighing"}
    db = Database(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    try:
        upgrade(db)
        assert current_revision(db) == head_revision()
        with db.engine.connect() as conn:  # the hand-written migration matches the models exactly
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        mine = [d for d in diffs if new & set(re.findall(r"'(\w+)'", repr(d))) or "long_lived" in repr(d)]
        assert mine == []
        assert "long_lived" in {c["name"] for c in inspect(db.engine).get_columns("order_line")}
        cfg = alembic_config(db)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005")
        assert not new & set(inspect(db.engine).get_table_names())
        assert "long_lived" not in {c["name"] for c in inspect(db.engine).get_columns("order_line")}
        upgrade(db)
        assert new <= set(inspect(db.engine).get_table_names())
    finally:
        db.dispose()
