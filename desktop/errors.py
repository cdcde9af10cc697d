"""Errors a person can act on. Each carries a message for the UI and the CLI, never a traceback."""

from __future__ import annotations

import re

#: Swedish for the messages a Swedish interface shows most (signing in, roles), keyed by the English
#: text; the rest are shown in English (see `DeskError.text`). A pattern's groups fill \1, \2.
_SWEDISH: tuple[tuple[str, str], ...] = (
    (r"Wrong user name or password\.", "Fel användarnamn eller lösenord."),
    (r"This account is disabled\. Ask an administrator\.", "Kontot är inaktiverat. Fråga en administratör."),
    (r"Too many failed attempts\. Try again in (\d+) minutes\.",
     r"För många misslyckade försök. Försök igen om \1 minuter."),
    (r"Too many failed attempts: the account is locked for (\d+) minutes\.",
     r"För många misslyckade försök: kontot är låst i \1 minuter."),
    (r"This account can no longer act\.", "Det här kontot kan inte längre användas."),
    (r"Your role may not do this\.", "Din roll får inte göra detta."),
    (r"Your role may not search\.", "Din roll får inte söka."),
    (r"Your role may not open customers\.", "Din roll får inte öppna kunder."),
    (r"Your role may not serve customers\.", "Din roll får inte betjäna kunder."),
    (r"Your role may not work on requests\.", "Din roll får inte arbeta med begäranden."),
    (r"Your role may not make register copies\.", "Din roll får inte göra registerutdrag."),
    (r"Only supervisors and administrators may see the access log\.",
     "Bara teamledare och administratörer får se åtkomstloggen."),
    (r"Only an admin may set another person's password\.",
     "Bara en administratör får ange lösenord för någon annan."),
)


def swedish(message: str) -> str | None:
    """The Swedish of a common English message, or None when there is none."""
    for pattern, replacement in _SWEDISH:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return None


class DeskError(Exception):
    """Base for failures the UI shows as a message; `message_nb` is the Norwegian text.

    `message_sv` is optional: a Swedish interface shows the English text when a message has no
    Swedish (given here or in `_SWEDISH`). English, not Bokmål: it is the text every message is
    written in first, and a Swedish reader misreads Norwegian false friends more easily than a
    plain English sentence.
    """

    def __init__(self, message: str, message_nb: str | None = None, message_sv: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_nb = message_nb or message
        self.message_sv = message_sv

    def text(self, lang: str = "nb") -> str:
        """The message in "nb", "sv" or "en" (any other language gets English)."""
        if lang == "nb":
            return self.message_nb
        if lang == "sv":
            return self.message_sv or swedish(self.message) or self.message
        return self.message


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


class DeliveryFailed(DeskError):
    """A mailer or SMS gateway could not deliver; the message names the cause, not the recipient."""
