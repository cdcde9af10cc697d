"""The composition root below the UI: settings -> adapters -> services, handed to the widgets.

Why it is shaped like this (cosmicpython's `bootstrap.py`):
- Widgets receive the services they use; none builds one from the settings. `desktop.app` calls
  `build_services` once after sign-in, and tests or tools call it the same way, so there is one
  place that decides which mail server, SMS outbox and options a desk runs with.
- No Qt here: the settings arrive as a `SettingsBackend` (QSettings in the GUI, a dict elsewhere)
  and are read through the declarations in `desktop.settings`.
- The services (and SQLAlchemy with them) are imported when a desk is composed, not when this
  module is, so the login dialog still appears before any of that is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import DeliveryFailed
from desktop.paths import data_dir
from desktop.settings import MailSettings, SettingsBackend, read_mail_config

if TYPE_CHECKING:
    from desktop.adapters.mail import SmtpMail
    from desktop.services.context import DeskContext
    from desktop.services.verification import VerificationService

SMS_OUTBOX_NAME = "sms-outbox.jsonl"


def sms_outbox_path() -> Path:
    """The SMS file adapter's outbox, in the data folder, until a real SMS provider is contracted."""
    return data_dir() / SMS_OUTBOX_NAME


class UnconfiguredMailer:
    """Stands in until SMTP is set up, so the e-mail code fails with a message that says what to do."""

    def send_mail(self, to: str, subject: str, body: str) -> None:
        self._refuse()

    def send_with_attachment(self, to: str, subject: str, body: str, *, filename: str, data: bytes,
                             mimetype: str) -> None:
        self._refuse()

    @staticmethod
    def _refuse() -> None:
        raise DeliveryFailed("E-mail is not set up (Settings)", "E-post er ikke satt opp (Innstillinger)")


class SettingsMailer:
    """SMTP as `MailSettings` says; the password is fetched from the keyring only when a mail goes out.

    Importing the keyring costs ~0.2 s and a headless machine may have none, so neither may delay
    the first window or break a desk that never mails.
    """

    def __init__(self, config: MailSettings) -> None:
        self.config = config

    def send_mail(self, to: str, subject: str, body: str) -> None:
        self._adapter().send_mail(to, subject, body)

    def send_with_attachment(self, to: str, subject: str, body: str, *, filename: str, data: bytes,
                             mimetype: str) -> None:
        self._adapter().send_with_attachment(to, subject, body, filename=filename, data=data, mimetype=mimetype)

    def _adapter(self) -> SmtpMail:
        from desktop.adapters.mail import MailConfig, SmtpMail  # lazy: startup time

        c = self.config
        return SmtpMail(MailConfig(host=c.host, port=c.port, starttls=c.starttls, ssl=c.ssl, username=c.username,
                                   password=self._password(), sender=c.sender))

    def _password(self) -> str | None:
        if not self.config.username:
            return None
        import keyring  # lazy: startup time
        from keyring.errors import KeyringError  # lazy: startup time

        try:
            return keyring.get_password(self.config.keyring_service, self.config.keyring_entry)
        except KeyringError as exc:
            raise DeliveryFailed(
                "no keyring is available to hold the SMTP password",
                "ingen nøkkelring er tilgjengelig for SMTP-passordet",
            ) from exc


Mailer = SettingsMailer | UnconfiguredMailer


def mailer_for(config: MailSettings | None) -> Mailer:
    """SMTP when a server is configured; otherwise a mailer that explains e-mail is not set up."""
    return UnconfiguredMailer() if config is None else SettingsMailer(config)


def mailer_from_settings(settings: SettingsBackend) -> Mailer:
    return mailer_for(read_mail_config(settings))


class LiveMailer:
    """Reads the mail settings at each send, so a change saved in Settings applies without a restart.

    Takes a factory rather than one store: a send runs on a worker thread, and a QSettings object
    may be used by one thread only.
    """

    def __init__(self, settings: Callable[[], SettingsBackend]) -> None:
        self.settings = settings

    def current(self) -> Mailer:
        return mailer_from_settings(self.settings())

    def send_mail(self, to: str, subject: str, body: str) -> None:
        self.current().send_mail(to, subject, body)

    def send_with_attachment(self, to: str, subject: str, body: str, *, filename: str, data: bytes,
                             mimetype: str) -> None:
        self.current().send_with_attachment(to, subject, body, filename=filename, data=data, mimetype=mimetype)


def build_verification(ctx: DeskContext, settings: SettingsBackend) -> VerificationService:
    """The verification service as the settings configure it (SMTP, and the SMS file adapter)."""
    from desktop.services.verification import FileSmsGateway, VerificationService  # lazy: startup time

    return VerificationService(ctx, mailer=mailer_from_settings(settings), sms=FileSmsGateway(sms_outbox_path()))


@dataclass(frozen=True)
class DeskServices:
    """What the main window is handed: the services and adapters composed from the settings."""

    verification: VerificationService
    #: Mail with an attachment (the register copy), following the settings as they are when it is sent.
    mailer: LiveMailer


def build_services(ctx: DeskContext, settings: Callable[[], SettingsBackend]) -> DeskServices:
    """Everything a signed-in desk runs with; `settings` makes a store for the thread that asks."""
    return DeskServices(verification=build_verification(ctx, settings()), mailer=LiveMailer(settings))
