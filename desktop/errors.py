"""Errors a person can act on. Each carries a message for the UI and the CLI, never a traceback."""

from __future__ import annotations


class DeskError(Exception):
    """Base for failures the UI shows as a message; `message_nb` is the Norwegian text."""

    def __init__(self, message: str, message_nb: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_nb = message_nb or message

    def text(self, lang: str = "nb") -> str:
        return self.message_nb if lang == "nb" else self.message


class DatabaseUnavailable(DeskError):
    """The database cannot be opened or used: locked, read-only, corrupt, unreachable."""


class SchemaOutdated(DeskError):
    """The database exists but its schema is older or newer than this program."""


class KeyringUnavailable(DeskError):
    """No OS keyring, and the database is not a demo database that may use a key file."""


class AuthenticationFailed(DeskError):
    """Wrong user name or password, a disabled account, or too many attempts."""


class PermissionDenied(DeskError):
    """The signed-in person's role does not allow this action."""


class AuditWriteFailed(DeskError):
    """The access log could not be written, so the data it would have covered is not shown."""


class NotFound(DeskError):
    """The thing asked for does not exist (or no longer does)."""


class InvalidInput(DeskError):
    """Input that breaks a rule; the message says which."""
