"""Why a verification did not pass, or a code did not go out."""

from __future__ import annotations

from datetime import datetime

from desktop.errors import DeskError
from desktop.services.verification.state import MAX_FAILURES


class VerificationFailed(DeskError):
    """The check did not pass; the failure is stored and logged, and may have locked verification."""

    def __init__(self, message: str, message_nb: str, *, failures: int, locked_until: datetime | None) -> None:
        super().__init__(message, message_nb)
        self.failures = failures
        self.locked_until = locked_until


class VerificationLocked(DeskError):
    """Too many recent failures for this customer: every method is refused until the lock ends."""

    def __init__(self, locked_until: datetime, now: datetime) -> None:
        self.locked_until = locked_until
        self.minutes_left = _minutes_left(locked_until, now)
        unit_en = "minute" if self.minutes_left == 1 else "minutes"
        unit_nb = "minutt" if self.minutes_left == 1 else "minutter"
        super().__init__(
            f"Verification for this customer is locked after {MAX_FAILURES} failed attempts. "
            f"Try again in {self.minutes_left} {unit_en}.",
            f"Verifisering av denne kunden er låst etter {MAX_FAILURES} mislykkede forsøk. "
            f"Prøv igjen om {self.minutes_left} {unit_nb}.",
        )


class CodeNotSent(DeskError):
    """No code went out, so none was stored: the agent may try again or choose another method."""


def _minutes_left(until: datetime, now: datetime) -> int:
    seconds = (until - now).total_seconds()
    return max(1, int(-(-seconds // 60)))
