"""Text messages: the gateway protocol and the outboxes the desk has today (a file, the console).

No SMS provider is wired in yet; the file outbox is what a demo and the tests read back, and a real
provider's adapter belongs here beside it, behind the same `SmsGateway` protocol.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol, TextIO

from desktop.errors import DeliveryFailed

__all__ = ["ConsoleSmsGateway", "DeliveryFailed", "FileSmsGateway", "SmsGateway"]


class SmsGateway(Protocol):
    """Sends one SMS to an E.164 number; raises DeliveryFailed when it cannot."""

    def send_sms(self, to: str, text: str) -> None: ...


class FileSmsGateway:
    """Appends each SMS as a JSON line: for demos and tests without a real SMS provider.

    The file holds phone numbers and codes, so it is created readable by its owner only.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    def send_sms(self, to: str, text: str) -> None:
        line = json.dumps(
            {"at": datetime.now(UTC).isoformat(timespec="seconds"), "to": to, "text": text}, ensure_ascii=False
        )
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as fh:
                fh.write(line + "\n")
        except OSError as exc:
            raise DeliveryFailed(
                f"the SMS file {self.path} could not be written ({exc.strerror or type(exc).__name__})",
                f"SMS-filen {self.path} kunne ikke skrives ({exc.strerror or type(exc).__name__})",
            ) from exc


class ConsoleSmsGateway:
    """Prints each SMS: for a demo on one machine, where the agent plays the customer too."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream

    def send_sms(self, to: str, text: str) -> None:
        print(f"SMS to {to}: {text}", file=self.stream or sys.stdout, flush=True)
