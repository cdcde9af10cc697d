"""Accounts: argon2 hashes, login throttling, disabled accounts, user-name rules."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.errors import AuthenticationFailed, InvalidInput
from desktop.models import AccessLogEntry, StaffAccount
from desktop.services.accounts import MAX_FAILURES, AccountService
from desktop.services.context import DeskContext


def test_production_hasher_parameters() -> None:
    """The tests swap in a cheap hasher (tests/helpers/fixtures.py); production must stay strong."""
    from desktop.services.accounts import PASSWORD_HASH_PARAMS

    assert PASSWORD_HASH_PARAMS["time_cost"] >= 2 and PASSWORD_HASH_PARAMS["memory_cost"] >= 19 * 1024


def test_password_is_argon2_hashed(desk: DeskContext) -> None:
    with desk.db.transaction() as s:
        h = s.execute(select(StaffAccount.password_hash).where(StaffAccount.username == "agent")).scalar_one()
    assert h.startswith("$argon2id$") and "demo" not in h


def test_login_and_wrong_password(desk: DeskContext) -> None:
    actor = AccountService(desk).login("supervisor", "demo")
    assert actor.role == "supervisor" and actor.workstation == "test-ws"
    with pytest.raises(AuthenticationFailed) as exc:
        AccountService(desk).login("supervisor", "wrong")
    assert exc.value.message_nb == "Feil brukernavn eller passord."
    with pytest.raises(AuthenticationFailed):
        AccountService(desk).login("nobody", "demo")


def test_login_is_logged(desk: DeskContext) -> None:
    AccountService(desk).login("agent", "demo")
    with desk.db.transaction() as s:
        assert s.execute(select(AccessLogEntry.action).where(AccessLogEntry.actor == "agent")).scalars().all() == [
            "login"]


def test_throttling_locks_after_repeated_failures(desk: DeskContext) -> None:
    svc = AccountService(desk)
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(AuthenticationFailed):
            svc.login("agent", "nope")
    with pytest.raises(AuthenticationFailed) as exc:
        svc.login("agent", "nope")
    assert "locked" in exc.value.message
    with pytest.raises(AuthenticationFailed) as exc:
        svc.login("agent", "demo")  # the right password is refused while locked
    assert "Try again" in exc.value.message


def test_disabled_account_cannot_log_in(desk: DeskContext) -> None:
    svc = AccountService(desk)
    svc.set_disabled("agent")
    with pytest.raises(AuthenticationFailed) as exc:
        svc.login("agent", "demo")
    assert "disabled" in exc.value.message
    svc.set_disabled("agent", False)
    assert svc.login("agent", "demo").username == "agent"


def test_ensure_active_refuses_a_disabled_account_in_its_own_unit_of_work(desk: DeskContext) -> None:
    svc = AccountService(desk)
    actor = svc.login("agent", "demo")
    svc.ensure_active(actor)  # active: no complaint
    svc.set_disabled("agent")
    with pytest.raises(AuthenticationFailed) as exc:
        svc.ensure_active(actor)
    assert "disabled" in exc.value.message
    svc.set_disabled("agent", False)
    svc.ensure_active(actor)


@pytest.mark.parametrize("name", ["", "a b", "x" * 61, "ola;drop", "<b>"])
def test_bad_user_names(desk: DeskContext, name: str) -> None:
    with pytest.raises(InvalidInput):
        AccountService(desk).add(name, "agent", "secret")


def test_duplicate_and_bad_role(desk: DeskContext) -> None:
    with pytest.raises(InvalidInput):
        AccountService(desk).add("agent", "agent", "secret")
    with pytest.raises(InvalidInput):
        AccountService(desk).add("newbie", "boss", "secret")


def test_reauthenticate(desk: DeskContext) -> None:
    svc = AccountService(desk)
    actor = svc.login("supervisor", "demo")
    svc.reauthenticate(actor, "demo")
    with pytest.raises(AuthenticationFailed):
        svc.reauthenticate(actor, "nope")


def test_reauthentication_failures_count_towards_the_lockout(desk: DeskContext) -> None:
    svc = AccountService(desk)
    actor = svc.login("supervisor", "demo")
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(AuthenticationFailed):
            svc.reauthenticate(actor, "nope")
    with pytest.raises(AuthenticationFailed) as exc:
        svc.reauthenticate(actor, "nope")
    assert "locked" in exc.value.message
    # Locked for approving and revealing as well as for signing in, even with the right password.
    with pytest.raises(AuthenticationFailed) as exc:
        svc.reauthenticate(actor, "demo")
    assert "Try again" in exc.value.message
    with pytest.raises(AuthenticationFailed):
        svc.login("supervisor", "demo")


def test_a_right_reauthentication_resets_the_count(desk: DeskContext) -> None:
    svc = AccountService(desk)
    actor = svc.login("supervisor", "demo")
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(AuthenticationFailed):
            svc.reauthenticate(actor, "nope")
    svc.reauthenticate(actor, "demo")
    with desk.db.transaction() as s:
        count = select(StaffAccount.failed_attempts).where(StaffAccount.username == "supervisor")
        assert s.execute(count).scalar() == 0
