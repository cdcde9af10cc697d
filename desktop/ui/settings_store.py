"""The workstation's settings, typed, with their defaults in one place, and their secrets kept apart.

Everything but the two passwords lives in QSettings (`desktop.app.desk_settings()`); the PostgreSQL
and SMTP passwords live only in the OS keyring under the service "gdpr-desk". A save that has a
password to store and no keyring to put it in is refused before the settings file is touched:
a settings file is readable by anyone with the user's files, and `keyrings.alt` would be plaintext.

Other parts read these keys directly (the mailer; the start-up language, through the same
`desktop.ui.i18n.language_choice` as here), so the key names below are a contract. Importing this
module costs nothing: the keyring is imported only when a password is read or written.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication

from desktop.errors import DeskError, KeyringUnavailable
from desktop.ui.i18n import LANGUAGE_KEY, language_choice

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

KEYRING_SERVICE = "gdpr-desk"
SMTP_KEYRING_ENTRY = "smtp"

DB_KIND = "database/kind"
SQLITE_PATH = "database/sqlite_path"
PG_HOST = "database/pg_host"
PG_PORT = "database/pg_port"
PG_NAME = "database/pg_name"
PG_USER = "database/pg_user"
#: Not a secret: whether a password was stored, so a start on trust/peer auth never asks the keyring.
PG_PASSWORD_STORED = "database/pg_password_stored"  # noqa: S105 (a key name)
SMTP_HOST = "smtp/host"
SMTP_PORT = "smtp/port"
SMTP_TLS = "smtp/tls"
SMTP_USER = "smtp/user"
SMTP_SENDER = "smtp/sender"
LANGUAGE = LANGUAGE_KEY
IDLE_LOCK_MINUTES = "session/idle_lock_minutes"

DB_KINDS = ("sqlite", "postgresql")
SMTP_TLS_MODES = ("starttls", "ssl", "none")
SMTP_DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
DEFAULT_PG_PORT = 5432
IDLE_LOCK_DEFAULT = 15
IDLE_LOCK_MIN = 1
IDLE_LOCK_MAX = 240


def keyring_help() -> str:
    """What to do when there is no keyring, in the interface language."""
    return QCoreApplication.translate(
        "SettingsStore",
        "No keyring is available on this computer, so passwords cannot be stored safely. Windows and "
        "macOS have one built in; on Linux install and unlock a Secret Service keyring such as GNOME "
        "Keyring or KWallet (for example 'sudo apt-get install gnome-keyring') and sign in again. "
        "Or let the server trust this computer (trust or peer authentication) and leave the password empty."
    )


@dataclass(frozen=True)
class DeskSettings:
    """One workstation's configuration; every field has the value a fresh install starts with."""

    db_kind: str = "sqlite"
    #: Empty: the default file in the data folder.
    sqlite_path: str = ""
    pg_host: str = ""
    pg_port: int = DEFAULT_PG_PORT
    pg_name: str = ""
    pg_user: str = ""
    pg_password_stored: bool = False
    #: Empty: e-mail is not set up, and codes cannot be mailed.
    smtp_host: str = ""
    #: None: the usual port for the TLS mode.
    smtp_port: int | None = None
    smtp_tls: str = "starttls"
    smtp_user: str = ""
    smtp_sender: str = ""
    language: str = "system"
    idle_lock_minutes: int = IDLE_LOCK_DEFAULT

    @property
    def uses_postgresql(self) -> bool:
        return self.db_kind == "postgresql"

    def pg_keyring_entry(self) -> str:
        return f"postgresql:{self.pg_user}@{self.pg_host}:{self.pg_port}/{self.pg_name}"

    def database_url(self) -> str | None:
        """The configured database without any password; None means the default SQLite file.

        Built by hand, not with SQLAlchemy, which must not be imported before the login dialog shows.
        """
        if self.uses_postgresql:
            host = f"[{self.pg_host}]" if ":" in self.pg_host else self.pg_host
            user = f"{quote(self.pg_user, safe='')}@" if self.pg_user else ""
            return f"postgresql+psycopg://{user}{host}:{self.pg_port}/{quote(self.pg_name, safe='')}"
        if self.sqlite_path:
            return f"sqlite:///{self.sqlite_path}"
        return None

    def database_identity(self) -> tuple[str, ...]:
        """What decides which database opens; a change here takes effect at the next start."""
        if self.uses_postgresql:
            return ("postgresql", self.pg_host, str(self.pg_port), self.pg_name, self.pg_user)
        return ("sqlite", self.sqlite_path)


def _text(settings: QSettings, key: str) -> str:
    value = settings.value(key)
    return "" if value is None else str(value).strip()


def _int(settings: QSettings, key: str) -> int | None:
    text = _text(settings, key)
    try:
        return int(text)
    except ValueError:
        return None


def _bool(settings: QSettings, key: str) -> bool:
    return _text(settings, key).lower() in ("true", "1", "yes")


def _valid_port(value: int | None) -> int | None:
    return value if value is not None and 1 <= value <= 65535 else None


def read_settings(settings: QSettings) -> DeskSettings:
    """Hand-edited nonsense falls back to the default for that one setting, never a failed start."""
    defaults = DeskSettings()
    kind = _text(settings, DB_KIND).lower()
    tls = _text(settings, SMTP_TLS).lower()
    # A boolean written by hand means STARTTLS or plain, as the mailer has always read it.
    tls = {"true": "starttls", "1": "starttls", "false": "none", "0": "none"}.get(tls, tls)
    language = language_choice(settings.value(LANGUAGE))
    minutes = _int(settings, IDLE_LOCK_MINUTES)
    loaded = DeskSettings(
        db_kind=kind if kind in DB_KINDS else defaults.db_kind,
        sqlite_path=_text(settings, SQLITE_PATH),
        pg_host=_text(settings, PG_HOST),
        pg_port=_valid_port(_int(settings, PG_PORT)) or DEFAULT_PG_PORT,
        pg_name=_text(settings, PG_NAME),
        pg_user=_text(settings, PG_USER),
        pg_password_stored=_bool(settings, PG_PASSWORD_STORED),
        smtp_host=_text(settings, SMTP_HOST),
        smtp_port=_valid_port(_int(settings, SMTP_PORT)),
        smtp_tls=tls if tls in SMTP_TLS_MODES else defaults.smtp_tls,
        smtp_user=_text(settings, SMTP_USER),
        smtp_sender=_text(settings, SMTP_SENDER),
        language=language or defaults.language,
        idle_lock_minutes=minutes if minutes is not None and IDLE_LOCK_MIN <= minutes <= IDLE_LOCK_MAX
        else defaults.idle_lock_minutes,
    )
    if loaded.uses_postgresql and not (loaded.pg_host and loaded.pg_name):
        # A server setting without a server cannot be opened; the sign-in screen names the database
        # actually opened, so the fallback is visible.
        loaded = replace(loaded, db_kind="sqlite")
    return loaded


def _write(settings: QSettings, values: DeskSettings) -> None:
    settings.setValue(DB_KIND, values.db_kind)
    settings.setValue(SQLITE_PATH, values.sqlite_path)
    settings.setValue(PG_HOST, values.pg_host)
    settings.setValue(PG_PORT, values.pg_port)
    settings.setValue(PG_NAME, values.pg_name)
    settings.setValue(PG_USER, values.pg_user)
    settings.setValue(PG_PASSWORD_STORED, values.pg_password_stored)
    settings.setValue(SMTP_HOST, values.smtp_host)
    if values.smtp_port is None:
        settings.remove(SMTP_PORT)
    else:
        settings.setValue(SMTP_PORT, values.smtp_port)
    settings.setValue(SMTP_TLS, values.smtp_tls)
    settings.setValue(SMTP_USER, values.smtp_user)
    settings.setValue(SMTP_SENDER, values.smtp_sender)
    settings.setValue(LANGUAGE, values.language)
    settings.setValue(IDLE_LOCK_MINUTES, values.idle_lock_minutes)


class SettingsWriteFailed(DeskError):
    """The settings file could not be written (a read-only or full disk, a locked file)."""


@dataclass(frozen=True)
class SecretChange:
    """What a save does to one password: keep what is stored, store a new one, or forget it."""

    new_value: str | None = None
    forget: bool = False

    @property
    def writes_keyring(self) -> bool:
        return bool(self.new_value) or self.forget


KEEP = SecretChange()


class SettingsStore:
    """Reads and writes `DeskSettings`; the only code that puts a password anywhere."""

    def __init__(self, settings: QSettings | None = None) -> None:
        if settings is None:
            from desktop.app import desk_settings

            settings = desk_settings()
        self.settings = settings

    def load(self) -> DeskSettings:
        return read_settings(self.settings)

    # --- the keyring ---------------------------------------------------------------------------

    @staticmethod
    def keyring_available() -> bool:
        from desktop.security.keys import keyring_available

        return keyring_available()

    @staticmethod
    def secret(entry: str) -> str | None:
        """The stored password, or None; raises KeyringUnavailable (with what to do) when there is no keyring."""
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, entry)
        except KeyringError as exc:
            raise KeyringUnavailable(keyring_help()) from exc

    def has_secret(self, entry: str) -> bool | None:
        """Whether a password is stored; None when there is no keyring to ask."""
        try:
            return self.secret(entry) is not None
        except KeyringUnavailable:
            return None

    @staticmethod
    def _apply(entry: str, change: SecretChange) -> None:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            if change.new_value:
                keyring.set_password(KEYRING_SERVICE, entry, change.new_value)
            elif change.forget:
                # Nothing stored is forgotten all the same.
                with contextlib.suppress(PasswordDeleteError):
                    keyring.delete_password(KEYRING_SERVICE, entry)
        except KeyringError as exc:
            raise KeyringUnavailable(keyring_help()) from exc

    # --- saving --------------------------------------------------------------------------------

    def save(self, values: DeskSettings, *, pg_password: SecretChange = KEEP,
             smtp_password: SecretChange = KEEP) -> DeskSettings:
        """Store the passwords first and the settings only when that worked; returns what was saved.

        A refusal (no keyring) leaves the settings file exactly as it was.
        """
        changes = [(values.pg_keyring_entry(), pg_password), (SMTP_KEYRING_ENTRY, smtp_password)]
        if any(change.writes_keyring for _entry, change in changes) and not self.keyring_available():
            raise KeyringUnavailable(keyring_help())
        for entry, change in changes:
            if change.writes_keyring:
                self._apply(entry, change)
        if pg_password.new_value:
            stored = True
        elif pg_password.forget:
            stored = False
        else:
            # Kept: the entry may be new (another host or user), so ask rather than trust the old flag;
            # with no keyring to ask, the old flag stands for the same entry.
            found = self.has_secret(values.pg_keyring_entry())
            previous = self.load()
            stored = found if found is not None else (
                previous.pg_password_stored and previous.pg_keyring_entry() == values.pg_keyring_entry())
        saved = replace(values, pg_password_stored=stored)
        _write(self.settings, saved)
        self.settings.sync()
        if self.settings.status() != self.settings.Status.NoError:
            raise SettingsWriteFailed(QCoreApplication.translate(
                "SettingsStore",
                "The settings could not be written to {file}. Check that the disk is not full and that the "
                "file is not read-only, then save again."
            ).format(file=self.settings.fileName()))
        return saved
