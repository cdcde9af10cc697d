"""The workstation's settings in QSettings, and their secrets kept apart in the OS keyring.

The keys, their types and defaults are declared once in `desktop.settings`; this module is the
GUI's store for them (`desk_settings()`, the QSettings every window reads) and the only code that
puts a password anywhere. The PostgreSQL and SMTP passwords live only in the OS keyring under the
service "gdpr-desk". A save that has a password to store and no keyring to put it in is refused
before the settings file is touched: a settings file is readable by anyone with the user's files,
and `keyrings.alt` would be plaintext. Importing this module costs nothing: the keyring is
imported only when a password is read or written.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QSettings

from desktop import APP_NAME, ORG
from desktop.errors import DeskError, KeyringUnavailable
from desktop.security import keys
from desktop.settings import (
    DEFAULT_PG_PORT,
    IDLE_LOCK_DEFAULT,
    IDLE_LOCK_MAX,
    IDLE_LOCK_MIN,
    KEYRING_SERVICE,
    SMTP_DEFAULT_PORTS,
    SMTP_KEYRING_ENTRY,
    DeskSettings,
    read_settings,
    write_settings,
)

__all__ = [
    "DEFAULT_PG_PORT",
    "IDLE_LOCK_DEFAULT",
    "IDLE_LOCK_MAX",
    "IDLE_LOCK_MIN",
    "KEEP",
    "KEYRING_SERVICE",
    "SMTP_DEFAULT_PORTS",
    "SMTP_KEYRING_ENTRY",
    "DeskSettings",
    "SecretChange",
    "SettingsStore",
    "SettingsWriteFailed",
    "desk_settings",
    "keyring_help",
    "read_settings",
]


def desk_settings() -> QSettings:
    """The desk's one QSettings store (organisation and application name), for every window and tool."""
    return QSettings(ORG, APP_NAME)


def keyring_help() -> str:
    """What to do when there is no keyring, in the interface language."""
    return QCoreApplication.translate(
        "SettingsStore",
        "No keyring is available on this computer, so passwords cannot be stored safely. Windows and "
        "macOS have one built in; on Linux install and unlock a Secret Service keyring such as GNOME "
        "Keyring or KWallet (for example 'sudo apt-get install gnome-keyring') and sign in again. "
        "Or let the server trust this computer (trust or peer authentication) and leave the password empty."
    )


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
        self.settings = settings if settings is not None else desk_settings()

    def load(self) -> DeskSettings:
        return read_settings(self.settings)

    # --- the keyring ---------------------------------------------------------------------------

    @staticmethod
    def keyring_available() -> bool:
        return keys.keyring_available()

    @staticmethod
    def secret(entry: str) -> str | None:
        """The stored password, or None; raises KeyringUnavailable (with what to do) when there is no keyring."""
        import keyring  # lazy: startup time
        from keyring.errors import KeyringError  # lazy: startup time

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
        import keyring  # lazy: startup time
        from keyring.errors import KeyringError, PasswordDeleteError  # lazy: startup time

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
        write_settings(self.settings, saved)
        self.settings.sync()
        if self.settings.status() != self.settings.Status.NoError:
            raise SettingsWriteFailed(QCoreApplication.translate(
                "SettingsStore",
                "The settings could not be written to {file}. Check that the disk is not full and that the "
                "file is not read-only, then save again."
            ).format(file=self.settings.fileName()))
        return saved
