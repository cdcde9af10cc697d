"""Which SMS gateway a desk gets, and the file outbox that demo databases use instead of a provider.

- A configured provider (Twilio) is used for every database, demo or not.
- Without one, a **demo** database writes each message to a private JSON-lines file in the data
  folder, so a demo can be run without a provider; any other database gets `UnconfiguredSms`,
  which refuses with a message saying SMS is not set up. Real phone numbers and codes never go to
  a file.
- The outbox keeps a message only while its code is valid: each line carries its expiry and
  expired lines are dropped whenever the outbox is written or opened, and `purge_numbers` drops
  a person's lines when they are erased. Rewrites go through a temporary file and a rename, so a
  crash leaves the old or the new outbox, never half of one.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from desktop.adapters.sms_http import TWILIO_API, TwilioConfig, TwilioSmsGateway
from desktop.errors import DeliveryFailed

__all__ = ["DemoSmsOutbox", "SmsChoice", "SmsSender", "UnconfiguredSms", "choose_sms_gateway", "default_outbox"]

OUTBOX_NAME = "sms-outbox.jsonl"


def default_outbox() -> Path:
    """The demo outbox in the user's data folder (the GUI's `sms_outbox_path` names the same file)."""
    from desktop.paths import data_dir

    return data_dir() / OUTBOX_NAME


class SmsSender(Protocol):
    def send_sms(self, to: str, text: str) -> None: ...


class UnconfiguredSms:
    """Stands in until an SMS provider is set up, so a code by SMS fails with a message that says so."""

    def send_sms(self, to: str, text: str) -> None:
        raise DeliveryFailed("SMS is not set up (Settings → SMS); use another method",
                             "SMS er ikke satt opp (Innstillinger → SMS); bruk en annen metode")


class DemoSmsOutbox:
    """A demo database's messages in a private file, each kept only until its code expires."""

    def __init__(self, path: Path | str, *, keep_for: timedelta, clock: Callable[[], datetime] | None = None) -> None:
        self.path = Path(path)
        self.keep_for = keep_for
        self.clock = clock or (lambda: datetime.now(UTC))

    def send_sms(self, to: str, text: str) -> None:
        now = self.clock()
        line = {"at": now.isoformat(timespec="seconds"), "expires": (now + self.keep_for).isoformat(timespec="seconds"),
                "to": to, "text": text}
        self._rewrite(lambda lines: [*self._live(lines, now), line])

    def lines(self) -> list[dict[str, str]]:
        """What the outbox holds now (expired lines left out)."""
        return self._live(self._read(), self.clock())

    def purge_expired(self) -> int:
        """Drop the lines whose code has expired; returns how many went."""
        now = self.clock()
        return self._rewrite(lambda lines: self._live(lines, now))

    def purge_numbers(self, numbers: Iterable[str]) -> int:
        """Drop every line to these numbers (an erased person's); returns how many went."""
        gone = {n for n in numbers if n}
        if not gone:
            return 0
        now = self.clock()
        return self._rewrite(lambda lines: [ln for ln in self._live(lines, now) if ln.get("to") not in gone])

    @staticmethod
    def _live(lines: list[dict[str, str]], now: datetime) -> list[dict[str, str]]:
        out = []
        for ln in lines:
            try:
                if datetime.fromisoformat(ln["expires"]) > now:
                    out.append(ln)
            except (KeyError, TypeError, ValueError):
                continue  # a line from the old outbox without an expiry: dropped
        return out

    def _read(self) -> list[dict[str, str]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except (OSError, UnicodeDecodeError) as exc:
            raise DeliveryFailed(f"the SMS file {self.path} could not be read ({exc})",
                                 f"SMS-filen {self.path} kunne ikke leses ({exc})") from exc
        out = []
        for raw in text.splitlines():
            with contextlib.suppress(ValueError):
                item = json.loads(raw)
                if isinstance(item, dict):
                    out.append({str(k): str(v) for k, v in item.items()})
        return out

    def _rewrite(self, change: Callable[[list[dict[str, str]]], list[dict[str, str]]]) -> int:
        before = self._read()
        after = change(before)
        if not after and not self.path.exists():
            return 0
        try:
            fd, tmp = tempfile.mkstemp(prefix=".sms-outbox-", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.writelines(json.dumps(ln, ensure_ascii=False) + "\n" for ln in after)
                os.chmod(tmp, 0o600)
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError as exc:
            raise DeliveryFailed(
                f"the SMS file {self.path} could not be written ({exc.strerror or type(exc).__name__})",
                f"SMS-filen {self.path} kunne ikke skrives ({exc.strerror or type(exc).__name__})",
            ) from exc
        return len(before) - len([ln for ln in after if ln in before])


@dataclass(frozen=True)
class SmsChoice:
    """The plain SMS settings: provider "" (none) or "twilio", its account SID, sender and address."""

    provider: str = ""
    account_sid: str = ""
    sender: str = ""
    base_url: str = ""


def choose_sms_gateway(choice: SmsChoice, *, demo: bool, outbox: Path, keep_for: timedelta,
                       auth_token: Callable[[], str | None]) -> SmsSender:
    """The provider when one is configured; the file outbox for a demo database; otherwise a refusal."""
    if choice.provider.strip().lower() == "twilio":
        config = TwilioConfig(choice.account_sid, choice.sender, choice.base_url.strip() or TWILIO_API)
        return TwilioSmsGateway(config, auth_token)
    if demo:
        box = DemoSmsOutbox(outbox, keep_for=keep_for)
        with contextlib.suppress(DeliveryFailed):
            box.purge_expired()
        return box
    return UnconfiguredSms()
