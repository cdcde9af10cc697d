"""Accounts on a team server: each person is their own PostgreSQL login, changed only by the server.

On a database set up by `db init-team` (its groups recorded in db_meta), the desk does not write
`staff_account` itself: it calls the owner's `gdpr_desk_account_add` / `gdpr_desk_account_change`,
which check that the session's login is in the admin group (or is the owner, for IT's first
administrator), create or alter the person's login (SCRAM verifier made here by libpq, so the
password never travels or reaches a statement log), update the row and write the access-log entry.

Signing in binds the desk's account to the server's login: a person connected as their own login
can only sign in as their own account, so nobody acts in a colleague's name by typing their name.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.domain.roles import Actor
from desktop.errors import DeskError, InvalidInput, NotFound, PermissionDenied

_TEAM = text("SELECT value FROM db_meta WHERE key = 'team_groups'")
_ME = text("SELECT account_id, trusted FROM gdpr_desk_me()")
_ADD = text("SELECT account_id, db_login FROM gdpr_desk_account_add(:u, :d, :r, :h, :v, :a, :w)")
_CHANGE = text("SELECT gdpr_desk_account_change(:u, :r, :dis, :h, :v, :a, :w)")


def team_mode(s: Session) -> bool:
    """Whether this session is on a team server with personal logins."""
    bind = s.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    return s.execute(_TEAM).scalar() is not None


def session_account(s: Session) -> tuple[int | None, bool]:
    """(the account whose login this session is, whether the session is the schema owner's)."""
    row = s.execute(_ME).one()
    return (int(row[0]) if row[0] is not None else None), bool(row[1])


def scram_verifier(s: Session, password: str) -> str:
    """A SCRAM-SHA-256 verifier made by libpq on this machine; the server never sees the password."""
    raw = s.connection().connection.dbapi_connection
    pgconn = getattr(raw, "pgconn", None)
    if pgconn is None:
        raise DeskError("The database driver cannot set a password; use psycopg 3.",
                        "Databasedriveren kan ikke sette passord; bruk psycopg 3.")
    verifier = bytes(pgconn.encrypt_password(password.encode("utf-8"), b"gdpr_desk", b"scram-sha-256")).decode()
    if "'" in verifier or "\\" in verifier:
        raise DeskError("The password could not be encoded.", "Passordet kunne ikke kodes.")
    return verifier


def _refused(exc: DBAPIError) -> DeskError:
    """The server's refusal as a message; never the statement (it carries the verifier)."""
    orig = getattr(exc, "orig", None)
    state = getattr(orig, "sqlstate", None)
    diag = getattr(orig, "diag", None)
    said = (getattr(diag, "message_primary", None) or str(orig or exc)).strip().splitlines()[0]
    if state == "42501":
        return PermissionDenied(f"The database refused: {said}.", f"Databasen avviste: {said}.")
    if state == "P0002":
        return NotFound(f"The database says: {said}.", f"Databasen sier: {said}.")
    return InvalidInput(f"The database refused: {said}.", f"Databasen avviste: {said}.")


def add_account(s: Session, actor: Actor | None, username: str, *, display_name: str, role: str,
                password_hash: str, password: str, workstation: str) -> tuple[int, str]:
    """Create the account and its login; returns (account id, login name)."""
    verifier = scram_verifier(s, password)
    try:
        with s.begin_nested():
            row = s.execute(_ADD, {"u": username, "d": display_name, "r": role, "h": password_hash,
                                   "v": verifier, "a": actor.username if actor else "it", "w": workstation}).one()
    except DBAPIError as exc:
        raise _refused(exc) from None
    return int(row[0]), str(row[1])


def change_account(s: Session, actor: Actor | None, username: str, *, role: str | None = None,
                   disabled: bool | None = None, password_hash: str | None = None,
                   password: str | None = None, workstation: str) -> str:
    """Role, disabled flag or password, through the server; returns what changed."""
    verifier = scram_verifier(s, password) if password is not None else None
    try:
        with s.begin_nested():
            done = s.execute(_CHANGE, {"u": username, "r": role, "dis": disabled, "h": password_hash,
                                       "v": verifier, "a": actor.username if actor else "it",
                                       "w": workstation}).scalar()
    except DBAPIError as exc:
        raise _refused(exc) from None
    return str(done or "")


def require_own_login(s: Session, account_id: int, username: str) -> None:
    """Refuse signing in to another person's account from this login (team mode only)."""
    me, trusted = session_account(s)
    if trusted or me == account_id:
        return
    raise PermissionDenied(
        f"This workstation is signed in to the database as another person, not as {username}. "
        "Sign in with your own user name and password.",
        f"Denne arbeidsstasjonen er logget på databasen som en annen person, ikke som {username}. "
        "Logg inn med ditt eget brukernavn og passord.",
    )
