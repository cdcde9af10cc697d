"""E-mail over SMTP: the one place the desk talks to a mail server, with or without attachments.

Sending returns only once the server has accepted the message for every recipient (that acceptance
is what lets a request be marked as answered), and every failure becomes a DeliveryFailed that
names the cause and never the recipient.
"""

from __future__ import annotations

import smtplib
import socket
import ssl as _ssl
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Protocol

from desktop.errors import DeliveryFailed

__all__ = [
    "Attachment",
    "AttachmentMailer",
    "DeliveryFailed",
    "MailConfig",
    "Mailer",
    "SmtpMail",
    "SmtpMailer",
]


class Mailer(Protocol):
    """Sends one plain-text e-mail; raises DeliveryFailed when it cannot."""

    def send_mail(self, to: str, subject: str, body: str) -> None: ...


class AttachmentMailer(Protocol):
    """Sends one e-mail with one attachment; raises DeliveryFailed when the server does not accept it."""

    def send_with_attachment(self, to: str, subject: str, body: str, *, filename: str, data: bytes,
                             mimetype: str) -> None: ...


@dataclass(frozen=True)
class MailConfig:
    """Where and how to send: `ssl` is implicit TLS (port 465); `starttls` upgrades a plain connection (587)."""

    host: str
    port: int
    starttls: bool
    ssl: bool
    username: str | None
    password: str | None
    sender: str
    timeout: float = 10.0

    def __post_init__(self) -> None:
        if self.starttls and self.ssl:
            raise ValueError("choose either implicit TLS (ssl) or STARTTLS, not both")

    def __repr__(self) -> str:  # the password never reaches a log line
        return f"MailConfig(host={self.host!r}, port={self.port}, sender={self.sender!r})"


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    mimetype: str


class SmtpMail:
    """Real SMTP through smtplib, with a timeout so a dead server cannot hang the desk."""

    def __init__(self, config: MailConfig) -> None:
        self.config = config

    @property
    def host(self) -> str:
        return self.config.host

    @property
    def port(self) -> int:
        return self.config.port

    @property
    def sender(self) -> str:
        return self.config.sender

    @property
    def timeout(self) -> float:
        return self.config.timeout

    @property
    def where(self) -> str:
        return f"{self.config.host}:{self.config.port}"

    def send(self, to: str, subject: str, body: str, attachments: Sequence[Attachment] = ()) -> None:
        """Send one message; DeliveryFailed unless the server accepted it for `to`."""
        cfg = self.config
        msg = EmailMessage()
        msg["From"] = cfg.sender
        msg["To"] = to
        msg["Subject"] = subject
        msg["Date"] = formatdate(localtime=True)
        msg["Message-ID"] = make_msgid(domain=cfg.sender.rpartition("@")[2] or None)
        msg.set_content(body)
        for item in attachments:
            maintype, _, subtype = item.mimetype.partition("/")
            msg.add_attachment(item.data, maintype=maintype, subtype=subtype, filename=item.filename)
        context = _ssl.create_default_context()
        try:
            client: smtplib.SMTP
            if cfg.ssl:
                client = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout, context=context)
            else:
                client = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
            with client:
                if cfg.starttls:
                    client.starttls(context=context)
                if cfg.username:
                    client.login(cfg.username, cfg.password or "")
                refused = client.send_message(msg)
        except smtplib.SMTPAuthenticationError as exc:
            raise self._failed("refused the user name or password", "avviste brukernavnet eller passordet") from exc
        except smtplib.SMTPRecipientsRefused as exc:
            raise self._failed("refused the registered address", "avviste den registrerte adressen") from exc
        except smtplib.SMTPNotSupportedError as exc:
            raise self._failed("does not offer STARTTLS", "tilbyr ikke STARTTLS") from exc
        except smtplib.SMTPResponseException as exc:
            raise self._failed(f"answered with error {exc.smtp_code}", f"svarte med feil {exc.smtp_code}") from exc
        except smtplib.SMTPException as exc:
            name = type(exc).__name__
            raise self._failed(f"broke off the conversation ({name})", f"avbrøt samtalen ({name})") from exc
        except _ssl.SSLError as exc:
            raise DeliveryFailed(
                f"the secure connection to the mail server {self.where} failed ({exc.reason})",
                f"den sikre forbindelsen til e-posttjeneren {self.where} feilet ({exc.reason})",
            ) from exc
        except ConnectionRefusedError as exc:
            raise self._failed("refused the connection (is it running?)", "avviste tilkoblingen (kjører den?)") from exc
        except TimeoutError as exc:
            raise self._failed(f"did not answer within {cfg.timeout:g} seconds",
                               f"svarte ikke innen {cfg.timeout:g} sekunder") from exc
        except socket.gaierror as exc:
            raise DeliveryFailed(f"the mail server name {cfg.host} could not be found",
                                 f"fant ikke e-posttjeneren {cfg.host}") from exc
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise self._failed(f"could not be reached ({reason})", f"kunne ikke nås ({reason})") from exc
        if refused:
            raise self._failed("refused the registered address", "avviste den registrerte adressen")

    def send_mail(self, to: str, subject: str, body: str) -> None:
        """The `Mailer` protocol: plain text, no attachment."""
        self.send(to, subject, body)

    def send_with_attachment(self, to: str, subject: str, body: str, *, filename: str, data: bytes,
                             mimetype: str) -> None:
        """The `AttachmentMailer` protocol: one attachment."""
        self.send(to, subject, body, (Attachment(filename, data, mimetype),))

    def _failed(self, en: str, nb: str) -> DeliveryFailed:
        return DeliveryFailed(f"the mail server {self.where} {en}", f"e-posttjeneren {self.where} {nb}")


class SmtpMailer(SmtpMail):
    """`SmtpMail` built from keyword arguments, as the settings dialog and the tests call it."""

    def __init__(self, host: str, port: int, *, starttls: bool, ssl: bool, username: str | None,
                 password: str | None, sender: str, timeout: float = 10.0) -> None:
        super().__init__(MailConfig(host=host, port=port, starttls=starttls, ssl=ssl, username=username,
                                    password=password, sender=sender, timeout=timeout))
