"""Every workstation setting, declared once here with its key, type and default; no Qt.

Why it is shaped like this:
- One declaration per key (`Option`), registered in `OPTIONS`: the GUI (through a QSettings store,
  `desktop.ui.settings_store`), the command line and the mail adapter's configuration read the same
  declaration, so a key name, a default or the reading of a hand-edited value cannot drift apart.
  Declaring a key twice is an error at import time.
- Reading never fails: a missing or hand-edited nonsense value gives that option's default, so a typo
  in the settings file never stops the desk from starting.
- The store is anything with `value`/`setValue`/`remove` (`SettingsBackend`): QSettings in the GUI,
  `MemoryBackend` where there is no Qt (tests, the command line).
- Secrets (the PostgreSQL and SMTP passwords) are never settings: they live in the OS keyring under
  `KEYRING_SERVICE`; a setting only says whether one was stored.
- The deadline roll-forward is a rule of the organisation, not a workstation preference, and is not
  declared here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Generic, Protocol, TypeVar
from urllib.parse import quote

T = TypeVar("T")

#: The OS keyring's service name for every password the desk keeps.
KEYRING_SERVICE = "gdpr-desk"
#: The keyring entry of the SMTP password.
SMTP_KEYRING_ENTRY = "smtp"

#: The interface languages, the product's first language first.
LANGUAGES: tuple[str, ...] = ("nb", "en", "sv")
#: The language setting's value that follows the computer.
SYSTEM_LANGUAGE = "system"

DB_KINDS = ("sqlite", "postgresql")
SMTP_TLS_MODES = ("starttls", "ssl", "none")
SMTP_DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
THEMES = ("system", "light", "dark")
DEFAULT_PG_PORT = 5432
IDLE_LOCK_DEFAULT = 15
IDLE_LOCK_MIN = 1
IDLE_LOCK_MAX = 240


class SettingsBackend(Protocol):
    """Where settings are kept: QSettings satisfies this, and so does `MemoryBackend`."""

    def value(self, key: str, /) -> Any: ...

    def setValue(self, key: str, value: Any, /) -> None: ...

    def remove(self, key: str, /) -> None: ...


@dataclass
class MemoryBackend:
    """A backend in a dict: for code without Qt (the command line, tests of this module)."""

    values: dict[str, object] = field(default_factory=dict)

    def value(self, key: str, /) -> object:
        return self.values.get(key)

    def setValue(self, key: str, value: object, /) -> None:
        self.values[key] = value

    def remove(self, key: str, /) -> None:
        self.values.pop(key, None)


# --- readers: a stored value -> the option's type, or None for "not a valid value" ----------------


def _text(raw: object) -> str:
    return "" if raw is None else str(raw).strip()


def read_text(raw: object) -> str | None:
    return _text(raw)


def read_int(low: int, high: int) -> Callable[[object], int | None]:
    def read(raw: object) -> int | None:
        try:
            number = int(_text(raw))
        except ValueError:
            return None
        return number if low <= number <= high else None
    return read


def read_bool(raw: object) -> bool | None:
    if isinstance(raw, bool):
        return raw
    return _text(raw).lower() in ("true", "1", "yes")


def read_choice(choices: tuple[str, ...], aliases: Mapping[str, str] | None = None) -> Callable[[object], str | None]:
    def read(raw: object) -> str | None:
        value = _text(raw).lower()
        value = (aliases or {}).get(value, value)
        return value if value in choices else None
    return read


def language_choice(value: object) -> str | None:
    """A stored `ui/language` as SYSTEM_LANGUAGE or one of LANGUAGES; None when it names no language.

    The one reading of the setting: the desk and the settings dialog must agree on what a
    hand-written "nb_NO" or "no" means, or saving the dialog would change the language unasked.
    """
    choice = _text(value).lower().replace("-", "_")
    if choice in LANGUAGES:
        return choice
    if choice in ("no", "nn", "nb_no", "nn_no"):
        return "nb"
    if choice in ("", SYSTEM_LANGUAGE):
        return SYSTEM_LANGUAGE
    return None


def read_blob(raw: object) -> object | None:
    """Saved window state (QByteArray in the GUI) is opaque here; empty counts as none."""
    return raw if raw else None


# --- the options ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Option(Generic[T]):
    """One setting: its key, its type (what `parse` returns) and the value a fresh install has."""

    key: str
    default: T
    parse: Callable[[object], T | None]
    doc: str

    def read(self, backend: SettingsBackend) -> T:
        raw = backend.value(self.key)
        if raw is None:
            return self.default
        parsed = self.parse(raw)
        return self.default if parsed is None else parsed

    def write(self, backend: SettingsBackend, value: T) -> None:
        """None is stored as "no value", so the default applies again."""
        if value is None:
            backend.remove(self.key)
        else:
            backend.setValue(self.key, value)


#: Every declared option by key, in declaration order.
OPTIONS: dict[str, Option[Any]] = {}


def declare(key: str, default: T, parse: Callable[[object], T | None], doc: str) -> Option[T]:
    if key in OPTIONS:
        raise ValueError(f"setting {key!r} is declared twice")
    option = Option(key, default, parse, doc)
    OPTIONS[key] = option
    return option


_PORT = read_int(1, 65535)

DB_KIND = declare("database/kind", "sqlite", read_choice(DB_KINDS), "sqlite (a file) or postgresql (team mode)")
SQLITE_PATH = declare("database/sqlite_path", "", read_text, "the SQLite file; empty: the data folder's default")
PG_HOST = declare("database/pg_host", "", read_text, "PostgreSQL server")
PG_PORT = declare("database/pg_port", DEFAULT_PG_PORT, _PORT, "PostgreSQL port")
PG_NAME = declare("database/pg_name", "", read_text, "PostgreSQL database name")
PG_USER = declare("database/pg_user", "", read_text, "PostgreSQL login")
PG_PASSWORD_STORED = declare(
    "database/pg_password_stored", False, read_bool,
    "a PostgreSQL password is in the keyring (so trust/peer auth never asks the keyring)")
SMTP_HOST = declare("smtp/host", "", read_text, "SMTP server; empty: e-mail is not set up")
SMTP_PORT: Option[int | None] = declare("smtp/port", None, _PORT, "SMTP port; none: the usual one for the TLS mode")
SMTP_TLS = declare("smtp/tls", "starttls",
                   # A boolean written by hand means STARTTLS or plain, as the mailer has always read it.
                   read_choice(SMTP_TLS_MODES, {"true": "starttls", "1": "starttls", "false": "none", "0": "none"}),
                   "starttls, ssl (implicit TLS) or none")
SMTP_USER = declare("smtp/user", "", read_text, "SMTP login; empty: no login")
SMTP_SENDER = declare("smtp/sender", "", read_text, "From address; empty: the login if it is an address")
SMS_PROVIDER = declare("sms/provider", "", read_text, "twilio, or empty: no SMS provider (demo databases use a file)")
SMS_ACCOUNT_SID = declare("sms/account_sid", "", read_text, "the Twilio account SID (AC...)")
SMS_SENDER = declare("sms/sender", "", read_text, "a number (+47...), an alphanumeric sender id or a Messaging "
                     "Service SID (MG...)")
SMS_BASE_URL = declare("sms/base_url", "", read_text, "the provider's API address; empty: https://api.twilio.com")
SOURCES_FILE = declare("sources/file", "", read_text, "the shop's systems file (TOML), read for the companies the "
                       "register copy names as recipients; empty: $GDPR_DESK_SOURCES, else category only")
LANGUAGE = declare("ui/language", SYSTEM_LANGUAGE, language_choice, "system, nb, en or sv")
IDLE_LOCK_MINUTES = declare("session/idle_lock_minutes", IDLE_LOCK_DEFAULT, read_int(IDLE_LOCK_MIN, IDLE_LOCK_MAX),
                            "minutes without input before the desk locks")
THEME = declare("appearance/theme", "system", read_choice(THEMES), "system, light or dark")
MAIN_GEOMETRY: Option[object | None] = declare("main_window/geometry", None, read_blob, "main window geometry")
MAIN_SPLITTER: Option[object | None] = declare("main_window/splitter", None, read_blob, "main window splitter")
MAIN_RESULTS_HEADER: Option[object | None] = declare("main_window/results_header", None, read_blob,
                                                     "search result columns")
REQUESTS_GEOMETRY: Option[object | None] = declare("requests_window/geometry", None, read_blob,
                                                   "requests window geometry")
REQUESTS_SPLITTER: Option[object | None] = declare("requests_window/splitter", None, read_blob,
                                                   "requests window splitter")


# --- the workstation's configuration as one value -----------------------------------------------


@dataclass(frozen=True)
class DeskSettings:
    """One workstation's configuration; every field has the value a fresh install starts with."""

    db_kind: str = DB_KIND.default
    #: Empty: the default file in the data folder.
    sqlite_path: str = SQLITE_PATH.default
    pg_host: str = PG_HOST.default
    pg_port: int = PG_PORT.default
    pg_name: str = PG_NAME.default
    pg_user: str = PG_USER.default
    pg_password_stored: bool = PG_PASSWORD_STORED.default
    #: Empty: e-mail is not set up, and codes cannot be mailed.
    smtp_host: str = SMTP_HOST.default
    #: None: the usual port for the TLS mode.
    smtp_port: int | None = SMTP_PORT.default
    smtp_tls: str = SMTP_TLS.default
    smtp_user: str = SMTP_USER.default
    smtp_sender: str = SMTP_SENDER.default
    language: str = LANGUAGE.default
    idle_lock_minutes: int = IDLE_LOCK_MINUTES.default

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


#: DeskSettings field -> its option, for reading and writing the whole configuration.
_FIELDS: dict[str, Option[Any]] = {
    "db_kind": DB_KIND, "sqlite_path": SQLITE_PATH, "pg_host": PG_HOST, "pg_port": PG_PORT, "pg_name": PG_NAME,
    "pg_user": PG_USER, "pg_password_stored": PG_PASSWORD_STORED, "smtp_host": SMTP_HOST, "smtp_port": SMTP_PORT,
    "smtp_tls": SMTP_TLS, "smtp_user": SMTP_USER, "smtp_sender": SMTP_SENDER, "language": LANGUAGE,
    "idle_lock_minutes": IDLE_LOCK_MINUTES,
}


def read_settings(backend: SettingsBackend) -> DeskSettings:
    """Hand-edited nonsense falls back to the default for that one setting, never a failed start."""
    loaded = DeskSettings(**{name: option.read(backend) for name, option in _FIELDS.items()})
    if loaded.uses_postgresql and not (loaded.pg_host and loaded.pg_name):
        # A server setting without a server cannot be opened; the sign-in screen names the database
        # actually opened, so the fallback is visible.
        loaded = replace(loaded, db_kind="sqlite")
    return loaded


def write_settings(backend: SettingsBackend, values: DeskSettings) -> None:
    for name, option in _FIELDS.items():
        option.write(backend, getattr(values, name))


# --- e-mail ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MailSettings:
    """What the SMTP adapter needs, with no store behind it; the password stays in the keyring."""

    host: str
    port: int
    #: "starttls", "ssl" (implicit TLS) or "none".
    security: str
    #: None: the server takes mail without a login.
    username: str | None
    sender: str
    keyring_service: str = KEYRING_SERVICE
    keyring_entry: str = SMTP_KEYRING_ENTRY

    @property
    def starttls(self) -> bool:
        return self.security == "starttls"

    @property
    def ssl(self) -> bool:
        return self.security == "ssl"


def mail_config(values: DeskSettings) -> MailSettings | None:
    """The SMTP configuration the settings describe; None when no server is set (e-mail not set up)."""
    if not values.smtp_host:
        return None
    user = values.smtp_user or None
    sender = values.smtp_sender or (user if user and "@" in user else f"gdpr-desk@{values.smtp_host}")
    return MailSettings(host=values.smtp_host, port=values.smtp_port or SMTP_DEFAULT_PORTS[values.smtp_tls],
                      security=values.smtp_tls, username=user, sender=sender)


def read_mail_config(backend: SettingsBackend) -> MailSettings | None:
    return mail_config(read_settings(backend))
