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
    from desktop.adapters.sms_outbox import SmsSender
    from desktop.services.access_log import AccessLogService
    from desktop.services.accounts import AccountService
    from desktop.services.context import DeskContext
    from desktop.services.customers import CustomerService
    from desktop.services.erasure import ErasureService
    from desktop.services.fraud_weighing import FraudWeighingService
    from desktop.services.log_anchor import LogAnchorService
    from desktop.services.org_settings import OrgSettingsService
    from desktop.services.profile import ProfileService
    from desktop.services.register_copy import RegisterCopyService
    from desktop.services.register_copy_parts import NamedRecipient
    from desktop.services.requests import RequestService
    from desktop.services.search import SearchService
    from desktop.services.setup import SetupService
    from desktop.services.verification import VerificationService
    from desktop.services.written_files import WrittenFileService

SMS_OUTBOX_NAME = "sms-outbox.jsonl"


def sms_outbox_path() -> Path:
    """A demo database's SMS outbox in the data folder (`desktop.adapters.sms_outbox.default_outbox`)."""
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
    """The verification service as the settings configure it (SMTP, and SMS: see `sms_from_settings`)."""
    from desktop.services.verification import VerificationService  # lazy: startup time

    return VerificationService(ctx, mailer=mailer_from_settings(settings), sms=sms_from_settings(ctx, settings))


SMS_KEYRING_SERVICE = "gdpr-desk"
SMS_KEYRING_ENTRY = "sms"


def sms_from_settings(ctx: DeskContext, settings: SettingsBackend) -> SmsSender:
    """Twilio when "sms/provider" is "twilio" (its auth token in the keyring, read when a message goes
    out); otherwise the file outbox for a demo database and a clear refusal for any other."""
    from desktop.adapters.sms_outbox import SmsChoice, choose_sms_gateway  # lazy: startup time
    from desktop.services.verification import CODE_VALID_FOR  # lazy: startup time
    from desktop.settings import SMS_ACCOUNT_SID, SMS_BASE_URL, SMS_PROVIDER, SMS_SENDER

    choice = SmsChoice(provider=SMS_PROVIDER.read(settings), account_sid=SMS_ACCOUNT_SID.read(settings),
                       sender=SMS_SENDER.read(settings), base_url=SMS_BASE_URL.read(settings))

    def token() -> str | None:
        import keyring  # lazy: startup time
        from keyring.errors import KeyringError  # lazy: startup time

        try:
            return keyring.get_password(SMS_KEYRING_SERVICE, SMS_KEYRING_ENTRY)
        except KeyringError as exc:
            raise DeliveryFailed("no keyring is available to hold the SMS auth token",
                                 "ingen nøkkelring er tilgjengelig for SMS-nøkkelen") from exc

    return choose_sms_gateway(choice, demo=ctx.demo, outbox=sms_outbox_path(), keep_for=CODE_VALID_FOR,
                              auth_token=token)


def named_from_settings(ctx: DeskContext, settings: SettingsBackend) -> tuple[NamedRecipient, ...]:
    """The companies the register copy names, from the systems file "sources/file" (else
    $GDPR_DESK_SOURCES) gives; none when neither is set.

    A missing or broken file must not keep the desk from opening: it is logged in one line (the path
    and the problem, no personal data) and the copy lists those recipients by category only."""
    import logging  # lazy: startup time
    import os  # lazy: startup time

    from desktop.errors import DeskError  # lazy: startup time
    from desktop.services.named_recipients import SOURCES_ENV, named_systems  # lazy: startup time
    from desktop.settings import SOURCES_FILE

    given = SOURCES_FILE.read(settings) or os.environ.get(SOURCES_ENV, "").strip()
    if not given:
        return ()
    try:
        return named_systems(Path(given), ctx.policy)
    except DeskError as exc:
        logging.getLogger(__name__).warning(
            "the systems file cannot be read for named recipients; the register copy lists them by "
            "category only (%s)", exc.text("en"))
        return ()


#: The modules `build_services` composes the desk from.
_SERVICE_MODULES = (
    "desktop.services.access_log",
    "desktop.services.accounts",
    "desktop.services.customers",
    "desktop.services.erasure",
    "desktop.services.profile",
    "desktop.services.register_copy",
    "desktop.services.requests",
    "desktop.services.search",
    "desktop.services.verification",
)


def preload_services() -> None:
    """Import the service modules ahead of sign-in (on the thread that opens the desk, while the
    person types), so composing the desk after sign-in does not delay the main window."""
    import importlib  # lazy: startup time

    for name in _SERVICE_MODULES:
        importlib.import_module(name)


@dataclass(frozen=True)
class SignInServices:
    """What the sign-in screens are handed once the database is open, before anyone has signed in."""

    accounts: AccountService
    setup: SetupService


def build_sign_in(ctx: DeskContext) -> SignInServices:
    """The services of signing in and of creating the first administrator (safe on a worker thread)."""
    from desktop.services.accounts import AccountService  # lazy: startup time
    from desktop.services.setup import SetupService  # lazy: startup time

    return SignInServices(accounts=AccountService(ctx), setup=SetupService(ctx))


@dataclass(frozen=True)
class DeskServices:
    """What the main window is handed and passes on: every service a screen of the desk calls.

    Built once per session; the screens share them (a service keeps no per-call state), and none
    builds its own.
    """

    verification: VerificationService
    #: Mail with an attachment (the register copy), following the settings as they are when it is sent.
    mailer: LiveMailer
    search: SearchService
    profiles: ProfileService
    requests: RequestService
    erasure: ErasureService
    register_copy: RegisterCopyService
    customers: CustomerService
    access_log: AccessLogService
    #: Re-authentication at the idle lock.
    accounts: AccountService
    #: Files the desk saved for a person, listed and removed on erasure.
    written_files: WrittenFileService
    #: The workstation's anchor on the access log (a shorter or rewritten log is shown at once).
    log_anchor: LogAnchorService
    #: The organisation's rules kept in the database (deadline roll-forward).
    org_settings: OrgSettingsService
    #: A supervisor's weighing of fraud records on an erasure request.
    fraud: FraudWeighingService


def build_services(ctx: DeskContext, settings: Callable[[], SettingsBackend], *, lang: str) -> DeskServices:
    """Everything a signed-in desk runs with; `settings` makes a store for the thread that asks.

    `lang` is the interface language the profile writes its values in (nb, en or sv). The deadline
    roll-forward is the organisation's rule, which the request service reads from the database.
    """
    from desktop.services.access_log import AccessLogService  # lazy: startup time
    from desktop.services.accounts import AccountService  # lazy: startup time
    from desktop.services.customers import CustomerService  # lazy: startup time
    from desktop.services.erasure import ErasureService  # lazy: startup time
    from desktop.services.fraud_weighing import FraudWeighingService  # lazy: startup time
    from desktop.services.log_anchor import LogAnchorService  # lazy: startup time
    from desktop.services.org_settings import OrgSettingsService  # lazy: startup time
    from desktop.services.profile import ProfileService  # lazy: startup time
    from desktop.services.register_copy import RegisterCopyService  # lazy: startup time
    from desktop.services.requests import RequestService  # lazy: startup time
    from desktop.services.search import SearchService  # lazy: startup time
    from desktop.services.written_files import WrittenFileService  # lazy: startup time

    return DeskServices(
        verification=build_verification(ctx, settings()),
        mailer=LiveMailer(settings),
        search=SearchService(ctx),
        profiles=ProfileService(ctx, lang=lang),
        requests=RequestService(ctx),
        erasure=ErasureService(ctx),
        register_copy=RegisterCopyService(ctx, named_recipients=named_from_settings(ctx, settings())),
        customers=CustomerService(ctx),
        access_log=AccessLogService(ctx),
        accounts=AccountService(ctx),
        written_files=WrittenFileService(ctx),
        log_anchor=LogAnchorService(ctx),
        org_settings=OrgSettingsService(ctx),
        fraud=FraudWeighingService(ctx),
    )
