"""Staff accounts and sign-in: argon2 hashes, throttling after failures, disabled accounts refused."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from desktop.audit.log import utcnow
from desktop.domain.roles import Actor, Permission, Role, system_actor
from desktop.errors import AuthenticationFailed, InvalidInput, NotFound, PermissionDenied
from desktop.models import StaffAccount
from desktop.services.context import DeskContext
from desktop.services.team_accounts import add_account, change_account, require_own_login, team_mode

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
#: Argon2id cost for staff passwords (OWASP: at least 19 MiB memory and 2 passes).
PASSWORD_HASH_PARAMS: dict[str, int] = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 4}
_HASHER = PasswordHasher(
    time_cost=PASSWORD_HASH_PARAMS["time_cost"], memory_cost=PASSWORD_HASH_PARAMS["memory_cost"],
    parallelism=PASSWORD_HASH_PARAMS["parallelism"],
)

_IS_DISABLED = select(StaffAccount.__table__.c.disabled).where(
    StaffAccount.__table__.c.id == bindparam("account_id")
)

#: What a password check needs, read in a short unit of work of its own.
_FOR_CHECK = select(StaffAccount.id, StaffAccount.password_hash, StaffAccount.disabled, StaffAccount.locked_until)

_WRONG = AuthenticationFailed("Wrong user name or password.", "Feil brukernavn eller passord.")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def _check(hash_: str, password: str) -> bool:
    try:
        return _HASHER.verify(hash_, password)
    except (VerificationError, InvalidHashError):
        return False


def _valid_username(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 60 or not all(c.isalnum() or c in "._-" for c in name):
        raise InvalidInput(
            "A user name is 1-60 letters, digits, dots, hyphens or underscores.",
            "Et brukernavn er 1-60 bokstaver, sifre, punktum, bindestrek eller understrek.",
        )
    return name


class AccountService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def add(self, username: str, role: str, password: str, display_name: str | None = None,
            *, session: Session | None = None) -> int:
        username = _valid_username(username)
        try:
            role_ = Role(role)
        except ValueError as exc:
            raise InvalidInput(
                f"Unknown role '{role}': use agent, supervisor or admin.",
                f"Ukjent rolle '{role}': bruk agent, supervisor eller admin.",
            ) from exc
        if len(password) < 4:
            raise InvalidInput("The password is too short.", "Passordet er for kort.")

        def work(s: Session) -> int:
            if s.execute(select(StaffAccount.id).where(StaffAccount.username == username)).first():
                raise InvalidInput(f"The user {username} exists already.", f"Brukeren {username} finnes allerede.")
            if team_mode(s):  # the server makes the person's own login and logs the change
                return add_account(s, None, username, display_name=display_name or username, role=role_.value,
                                   password_hash=hash_password(password), password=password,
                                   workstation=self.ctx.workstation)[0]
            account = StaffAccount(username=username, display_name=display_name or username, role=role_.value,
                                   password_hash=hash_password(password), created_at=utcnow())
            s.add(account)
            s.flush()
            return account.id

        if session is not None:
            return work(session)
        with self.ctx.db.transaction() as s:
            return work(s)

    def set_disabled(self, username: str, disabled: bool = True) -> None:
        with self.ctx.db.transaction() as s:
            account = s.execute(select(StaffAccount).where(StaffAccount.username == username)).scalar_one_or_none()
            if account is None:
                raise NotFound(f"No user called {username}.", f"Ingen bruker som heter {username}.")
            if team_mode(s):  # the server also disables the person's database login
                change_account(s, None, username, disabled=disabled, workstation=self.ctx.workstation)
                return
            account.disabled = disabled

    def db_login(self, username: str) -> str | None:
        """The person's own database login on a team server (None on SQLite or before init-team)."""
        with self.ctx.db.transaction() as s:
            found = s.execute(select(StaffAccount.db_login).where(StaffAccount.username == username)).scalar()
            return str(found) if found is not None else None

    def set_role(self, username: str, role: str) -> None:
        """Change an account's role; on a team server the login moves to the new role's group."""
        try:
            role_ = Role(role)
        except ValueError as exc:
            raise InvalidInput(
                f"Unknown role '{role}': use agent, supervisor or admin.",
                f"Ukjent rolle '{role}': bruk agent, supervisor eller admin.",
            ) from exc
        with self.ctx.db.transaction() as s:
            account = s.execute(select(StaffAccount).where(StaffAccount.username == username)).scalar_one_or_none()
            if account is None:
                raise NotFound(f"No user called {username}.", f"Ingen bruker som heter {username}.")
            if team_mode(s):  # the server checks the caller is an admin and logs the change
                change_account(s, None, username, role=role_.value, workstation=self.ctx.workstation)
                return
            before, account.role = account.role, role_.value
            self.ctx.audit.append(s, system_actor(self.ctx.workstation, "accounts"), action="account_change",
                                  data="staff_account", detail=f"user={username}; role {before} -> {role_.value}")

    def set_password(self, actor: Actor, username: str, password: str) -> None:
        if actor.username != username and not actor.can(Permission.MANAGE_ACCOUNTS):
            raise PermissionDenied("Only an admin may set another person's password.",
                                   "Bare en administrator kan sette passord for andre.")
        with self.ctx.db.transaction() as s:
            account = s.execute(select(StaffAccount).where(StaffAccount.username == username)).scalar_one_or_none()
            if account is None:
                raise NotFound(f"No user called {username}.", f"Ingen bruker som heter {username}.")
            if team_mode(s):  # the database login's password changes with it
                change_account(s, actor, username, password_hash=hash_password(password), password=password,
                               workstation=self.ctx.workstation)
                return
            account.password_hash = hash_password(password)

    def login(self, username: str, password: str) -> Actor:
        """Sign in; five failures in a row lock the account for 15 minutes.

        The password hash (~0.4 s of argon2) is checked between two short units of work, never
        inside one: on SQLite a unit of work holds the write lock, and every other workstation's
        look-up would wait behind a sign-in.
        """
        now = utcnow()
        with self.ctx.db.transaction() as s:
            seen = s.execute(_FOR_CHECK.where(StaffAccount.username == username.strip())).first()
            if seen is not None and team_mode(s):  # on a team server only as the person of this login
                require_own_login(s, seen.id, username.strip())
        if seen is None:
            _check(_dummy_hash(), password)  # same work either way: no user-name probing by timing
            raise _WRONG
        if seen.disabled:
            raise AuthenticationFailed("This account is disabled. Ask an administrator.",
                                       "Denne kontoen er deaktivert. Spør en administrator.")
        _refuse_locked(seen.locked_until, now)
        good = _check(seen.password_hash, password)
        with self.ctx.db.transaction() as s:
            account = _recheck(s, seen.id, seen.password_hash)
            _record_attempt(s, account, good, now)
            account.failed_attempts = 0
            account.locked_until = None
            account.last_login_at = now
            actor = Actor(account_id=account.id, username=account.username, role=Role(account.role),
                          workstation=self.ctx.workstation, display_name=account.display_name)
            self.ctx.audit.append(s, actor, action="login", data="session")
            return actor

    def reauthenticate(self, actor: Actor, password: str) -> None:
        """For actions that need the person at the keyboard to prove it again (approve, reveal).

        Failures count towards the same lock-out as sign-in: a walked-away session must not be a
        place to guess the password without limit. The hash is checked outside any unit of work,
        as for `login`."""
        gone = AuthenticationFailed("This account can no longer act.", "Denne kontoen kan ikke lenger handle.")
        if not actor.account_id:
            raise gone
        now = utcnow()
        with self.ctx.db.transaction() as s:
            seen = s.execute(_FOR_CHECK.where(StaffAccount.id == actor.account_id)).first()
        if seen is None or seen.disabled:
            raise gone
        _refuse_locked(seen.locked_until, now)
        good = _check(seen.password_hash, password)
        with self.ctx.db.transaction() as s:
            account = _recheck(s, seen.id, seen.password_hash, gone=gone)
            _record_attempt(s, account, good, now)
            account.failed_attempts = 0

    def ensure_active(self, actor: Actor) -> None:
        """`require_active` in its own unit of work, for callers that hold no session (the idle lock)."""
        with self.ctx.db.transaction() as s:
            self.require_active(s, actor)

    def require_active(self, s: Session, actor: Actor) -> None:
        """A disabled account cannot act, even from a session that is already open.

        Runs inside every unit of work, so it is one indexed Core lookup, not an ORM load.
        """
        if actor.account_id is None:
            return
        disabled = s.execute(_IS_DISABLED, {"account_id": actor.account_id}).scalar_one_or_none()
        if disabled is None or disabled:
            raise AuthenticationFailed("This account is disabled. Ask an administrator.",
                                       "Denne kontoen er deaktivert. Spør en administrator.")


def _refuse_locked(locked_until: datetime | None, now: datetime) -> None:
    if locked_until is not None and locked_until > now:
        minutes = max(1, int((locked_until - now).total_seconds() // 60) + 1)
        raise AuthenticationFailed(
            f"Too many failed attempts. Try again in {minutes} minutes.",
            f"For mange mislykkede forsøk. Prøv igjen om {minutes} minutter.",
        )


def _recheck(s: Session, account_id: int, checked_hash: str, *, gone: AuthenticationFailed | None = None
             ) -> StaffAccount:
    """The account again, inside the unit of work that records the attempt.

    Disabled, or its password changed while the hash was being checked: the check counts for
    nothing, and the person is refused as if the password were wrong.
    """
    account = s.get(StaffAccount, account_id, with_for_update=True)
    if account is None or account.disabled:
        raise gone or AuthenticationFailed("This account is disabled. Ask an administrator.",
                                           "Denne kontoen er deaktivert. Spør en administrator.")
    if account.password_hash != checked_hash:
        raise _WRONG
    return account


def _record_attempt(s: Session, account: StaffAccount, good: bool, now: datetime) -> None:
    """Refuses a locked account or a wrong password; five failures in a row lock it for 15 minutes.

    Read again under the write lock, so failures from several workstations at once all count. A
    failure is committed before the refusal is raised, so the count survives the rollback."""
    _refuse_locked(account.locked_until, now)
    if good:
        return
    account.failed_attempts += 1
    if account.failed_attempts >= MAX_FAILURES:
        account.locked_until = now + LOCKOUT
        account.failed_attempts = 0
        s.commit()
        raise AuthenticationFailed(
            "Too many failed attempts: the account is locked for 15 minutes.",
            "For mange mislykkede forsøk: kontoen er låst i 15 minutter.",
        )
    s.commit()
    raise _WRONG


@cache
def _dummy_hash() -> str:
    return _HASHER.hash("not-a-real-password")
