"""Identity verification for one contact, proportionate to the request (docs/rules.md#r-identity).

An agent checks who is calling with the least intrusive method that removes reasonable doubt:
questions answered from the record, a one-time code to the *registered* e-mail or phone, an ID
document seen at the counter (its kind and last digits, never an image), or an electronic ID
reference. No method here needs the full identity number, so none asks for it.

A verification lasts for its contact and expires after `valid_for` (default 30 minutes). Three
failures for a customer within 15 minutes lock verification for that customer for 15 minutes,
whoever tries and through whichever contact, so a caller cannot simply ring again. Every outcome
is stored with masked evidence and written to the access log in the same transaction; a refused
or failed attempt commits its record before the error reaches the caller.
"""

from __future__ import annotations

import hmac
import json
import os
import re
import secrets
import smtplib
import socket
import ssl as _ssl
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Protocol, TextIO

from sqlalchemy import exists, func, select, update
from sqlalchemy.orm import Session

from desktop.audit.log import utcnow
from desktop.domain.contact import mask_email, mask_phone
from desktop.domain.national_id import looks_like_national_id
from desktop.domain.roles import Actor, Permission
from desktop.domain.textfold import fold
from desktop.errors import DeskError, InvalidInput, NotFound, PermissionDenied
from desktop.models import (
    AccessReason,
    Contact,
    Customer,
    Delivery,
    IdentityVerification,
    OneTimeCode,
    Order,
    StaffAccount,
    VerificationLockout,
)
from desktop.security.crypto import keyed_hash
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext

__all__ = [
    "CHANNELS",
    "CODE_CHANNELS",
    "CODE_VALID_FOR",
    "DEFAULT_VALID_FOR",
    "ELECTRONIC_ID_PROVIDERS",
    "FAILURE_WINDOW",
    "ID_DOCUMENT_KINDS",
    "LABELS",
    "LOCKOUT",
    "MAX_FAILURES",
    "METHODS",
    "QUESTION_KINDS",
    "CodeNotSent",
    "ConsoleSmsGateway",
    "ContactRef",
    "DeliveryFailed",
    "FileSmsGateway",
    "Mailer",
    "SentCode",
    "SmsGateway",
    "SmtpMailer",
    "VerificationFailed",
    "VerificationLocked",
    "VerificationService",
    "VerificationState",
    "contact_state",
    "label",
    "load_contact",
    "parse_amount",
    "parse_order_date",
]

CHANNELS: tuple[str, ...] = ("phone", "counter", "email", "letter", "web")
CODE_CHANNELS: tuple[str, ...] = ("email", "sms")
QUESTION_KINDS: tuple[str, ...] = ("order_number", "delivery_address", "order_date", "order_amount")
ID_DOCUMENT_KINDS: tuple[str, ...] = ("passport", "national_id_card", "driving_licence", "bank_card_with_photo")
ELECTRONIC_ID_PROVIDERS: tuple[str, ...] = (
    "BankID", "BankID on mobile", "Buypass", "Commfides", "Freja eID", "BankID (SE)",
)
METHODS: tuple[str, ...] = ("questions", "email_code", "sms_code", "id_document", "electronic_id")

MAX_FAILURES = 3
FAILURE_WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)
CODE_VALID_FOR = timedelta(minutes=10)
DEFAULT_VALID_FOR = timedelta(minutes=30)
#: Date and amount questions are asked about the customer's latest orders: what a caller remembers.
RECENT_ORDERS = 10
#: A code for another contact is recognised for this long, so the agent hears why it failed.
_FOREIGN_CODE_WINDOW = timedelta(days=1)
_MAX_CODE_ATTEMPTS = 3
_MAX_REASON = 500

#: (nb, en) labels the UI can show; keys are what the service stores and logs.
LABELS: dict[str, tuple[str, str]] = {
    "phone": ("Telefon", "Phone"),
    "counter": ("Skranke", "Counter"),
    "email": ("E-post", "E-mail"),
    "letter": ("Brev", "Letter"),
    "web": ("Nett", "Web"),
    "sms": ("SMS", "SMS"),
    "order_number": ("Ordrenummer", "Order number"),
    "delivery_address": ("Leveringsadresse (gate eller postnummer)", "Delivery address (street or postcode)"),
    "order_date": ("Dato for en nylig bestilling", "Date of a recent order"),
    "order_amount": ("Beløp for en nylig bestilling", "Amount of a recent order"),
    "questions": ("Kontrollspørsmål fra kunderegisteret", "Questions answered from the record"),
    "email_code": ("Engangskode på e-post", "One-time code by e-mail"),
    "sms_code": ("Engangskode på SMS", "One-time code by SMS"),
    "id_document": ("Legitimasjon vist i skranken", "ID document seen at the counter"),
    "electronic_id": ("Elektronisk ID", "Electronic ID"),
    "passport": ("Pass", "Passport"),
    "national_id_card": ("Nasjonalt ID-kort", "National ID card"),
    "driving_licence": ("Førerkort", "Driving licence"),
    "bank_card_with_photo": ("Bankkort med bilde", "Bank card with photo"),
}


#: The same labels in Swedish, for a Swedish interface.
LABELS_SV: dict[str, str] = {
    "phone": "Telefon",
    "counter": "I butiken",
    "email": "E-post",
    "letter": "Brev",
    "web": "Webb",
    "sms": "Sms",
    "order_number": "Ordernummer",
    "delivery_address": "Leveransadress (gata eller postnummer)",
    "order_date": "Datum för en nyligen gjord beställning",
    "order_amount": "Belopp för en nyligen gjord beställning",
    "questions": "Kontrollfrågor från kundregistret",
    "email_code": "Engångskod via e-post",
    "sms_code": "Engångskod via sms",
    "id_document": "Id-handling som visats i butiken",
    "electronic_id": "E-legitimation",
    "passport": "Pass",
    "national_id_card": "Nationellt id-kort",
    "driving_licence": "Körkort",
    "bank_card_with_photo": "Bankkort med foto",
}


def label(key: str, lang: str = "nb") -> str:
    """The UI label of a channel, method, question or document kind; the key itself if unknown."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    if lang == "sv":
        return LABELS_SV.get(key, pair[1])
    return pair[0] if lang == "nb" else pair[1]


# --- errors --------------------------------------------------------------------------------------


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


class DeliveryFailed(DeskError):
    """A mailer or SMS gateway could not deliver; the message names the cause, not the recipient."""


class CodeNotSent(DeskError):
    """No code went out, so none was stored: the agent may try again or choose another method."""


def _minutes_left(until: datetime, now: datetime) -> int:
    seconds = (until - now).total_seconds()
    return max(1, int(-(-seconds // 60)))


# --- delivery: e-mail and SMS --------------------------------------------------------------------


class Mailer(Protocol):
    """Sends one plain-text e-mail; raises DeliveryFailed when it cannot."""

    def send_mail(self, to: str, subject: str, body: str) -> None: ...


class SmsGateway(Protocol):
    """Sends one SMS to an E.164 number; raises DeliveryFailed when it cannot."""

    def send_sms(self, to: str, text: str) -> None: ...


class SmtpMailer:
    """Real SMTP through smtplib, with a timeout so a dead server cannot hang the desk.

    `ssl` is implicit TLS (port 465); `starttls` upgrades a plain connection (port 587).
    """

    def __init__(
        self,
        host: str,
        port: int,
        *,
        starttls: bool,
        ssl: bool,
        username: str | None,
        password: str | None,
        sender: str,
        timeout: float = 10.0,
    ) -> None:
        if starttls and ssl:
            raise ValueError("choose either implicit TLS (ssl) or STARTTLS, not both")
        self.host = host
        self.port = port
        self.starttls = starttls
        self.ssl = ssl
        self.username = username
        self._password = password
        self.sender = sender
        self.timeout = timeout

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    def send_mail(self, to: str, subject: str, body: str) -> None:
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = to
        msg["Subject"] = subject
        msg["Date"] = formatdate(localtime=True)
        msg["Message-ID"] = make_msgid(domain=self.sender.rpartition("@")[2] or None)
        msg.set_content(body)
        context = _ssl.create_default_context()
        try:
            client: smtplib.SMTP
            if self.ssl:
                client = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
            else:
                client = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            with client:
                if self.starttls:
                    client.starttls(context=context)
                if self.username:
                    client.login(self.username, self._password or "")
                client.send_message(msg)
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryFailed(
                f"the mail server {self.where} refused the user name or password",
                f"e-posttjeneren {self.where} avviste brukernavnet eller passordet",
            ) from exc
        except smtplib.SMTPRecipientsRefused as exc:
            raise DeliveryFailed(
                f"the mail server {self.where} refused the registered address",
                f"e-posttjeneren {self.where} avviste den registrerte adressen",
            ) from exc
        except smtplib.SMTPNotSupportedError as exc:
            raise DeliveryFailed(
                f"the mail server {self.where} does not offer STARTTLS",
                f"e-posttjeneren {self.where} tilbyr ikke STARTTLS",
            ) from exc
        except smtplib.SMTPResponseException as exc:
            raise DeliveryFailed(
                f"the mail server {self.where} answered with error {exc.smtp_code}",
                f"e-posttjeneren {self.where} svarte med feil {exc.smtp_code}",
            ) from exc
        except smtplib.SMTPException as exc:
            raise DeliveryFailed(
                f"the mail server {self.where} broke off the conversation ({type(exc).__name__})",
                f"e-posttjeneren {self.where} avbrøt samtalen ({type(exc).__name__})",
            ) from exc
        except _ssl.SSLError as exc:
            raise DeliveryFailed(
                f"the secure connection to the mail server {self.where} failed ({exc.reason})",
                f"den sikre forbindelsen til e-posttjeneren {self.where} feilet ({exc.reason})",
            ) from exc
        except ConnectionRefusedError as exc:
            raise DeliveryFailed(
                f"the mail server {self.where} refused the connection (is it running?)",
                f"e-posttjeneren {self.where} avviste tilkoblingen (kjører den?)",
            ) from exc
        except TimeoutError as exc:
            raise DeliveryFailed(
                f"the mail server {self.where} did not answer within {self.timeout:g} seconds",
                f"e-posttjeneren {self.where} svarte ikke innen {self.timeout:g} sekunder",
            ) from exc
        except socket.gaierror as exc:
            raise DeliveryFailed(
                f"the mail server name {self.host} could not be found",
                f"fant ikke e-posttjeneren {self.host}",
            ) from exc
        except OSError as exc:
            raise DeliveryFailed(
                f"the mail server {self.where} could not be reached ({exc.strerror or type(exc).__name__})",
                f"e-posttjeneren {self.where} kunne ikke nås ({exc.strerror or type(exc).__name__})",
            ) from exc


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


_CODE_TEXT: dict[str, tuple[str, str]] = {
    "nb": (
        "Engangskode fra {brand}",
        "Engangskoden din fra {brand} er {code}. Den gjelder i {minutes} minutter. "
        "Oppgi den bare til kundeservice i en samtale du selv har tatt.",
    ),
    "sv": (
        "Engångskod från {brand}",
        "Din engångskod från {brand} är {code}. Den gäller i {minutes} minuter. "
        "Lämna den bara till kundtjänst i ett samtal som du själv har tagit.",
    ),
    "en": (
        "One-time code from {brand}",
        "Your one-time code from {brand} is {code}. It is valid for {minutes} minutes. "
        "Give it only to customer service in a conversation you started yourself.",
    ),
}


# --- results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactRef:
    contact_id: int
    customer_id: int
    channel: str
    started_at: datetime
    ended_at: datetime | None = None


@dataclass(frozen=True)
class SentCode:
    contact_id: int
    channel: str
    #: Masked destination ("o***@e***.no", "+47 *** ** 567") for the agent to read back.
    sent_to: str
    expires_at: datetime


@dataclass(frozen=True)
class VerificationState:
    """Where a contact stands: verified (and until when), a recorded reason, or a lockout.

    The method and evidence describe the latest successful check even after it expired, so the
    UI can say "verified by BankID at 14:03, expired at 14:33".
    """

    contact_id: int
    customer_id: int
    contact_open: bool
    verified: bool
    method: str | None = None
    evidence: str | None = None
    verified_by: str | None = None
    verified_at: datetime | None = None
    expires_at: datetime | None = None
    access_reason: str | None = None
    access_reason_until: datetime | None = None
    locked_until: datetime | None = None
    recent_failures: int = 0

    @property
    def has_reason(self) -> bool:
        return self.access_reason is not None

    @property
    def may_see_more(self) -> bool:
        """Need to know: verified, or a reason recorded for this contact, while it lasts."""
        return self.verified or self.has_reason

    @property
    def locked(self) -> bool:
        return self.locked_until is not None

    @property
    def attempts_left(self) -> int:
        return 0 if self.locked else max(0, MAX_FAILURES - self.recent_failures)

    def describe(self, lang: str = "nb", tz: tzinfo | None = None) -> str:
        """One line for the profile header; times in `tz` (None: the workstation's zone)."""
        nb = lang == "nb"

        def hhmm(at: datetime) -> str:
            return at.replace(tzinfo=UTC).astimezone(tz).strftime("%H:%M")

        if not self.contact_open:
            return "Kontakten er avsluttet." if nb else "The contact has ended."
        if self.verified and self.expires_at is not None:
            how = label(self.method or "", lang)
            if nb:
                return f"Identitet bekreftet ({how}: {self.evidence}), gyldig til kl. {hhmm(self.expires_at)}."
            return f"Identity verified ({how}: {self.evidence}), valid until {hhmm(self.expires_at)}."
        if self.access_reason is not None:
            if nb:
                return f"Ikke bekreftet; grunn registrert: {self.access_reason}"
            return f"Not verified; reason recorded: {self.access_reason}"
        if self.locked_until is not None:
            if nb:
                return f"Ikke bekreftet; verifisering er låst til kl. {hhmm(self.locked_until)}."
            return f"Not verified; verification is locked until {hhmm(self.locked_until)}."
        if self.expires_at is not None:
            if nb:
                return f"Bekreftelsen utløp kl. {hhmm(self.expires_at)}; bekreft identiteten på nytt."
            return f"The verification expired at {hhmm(self.expires_at)}; verify the identity again."
        return "Identiteten er ikke bekreftet." if nb else "Identity not verified."


# --- state shared with the profile service -------------------------------------------------------


def _lock_state(s: Session, customer_id: int, now: datetime) -> tuple[datetime | None, int]:
    """(locked until, failures that count toward the next lock) for one customer."""
    last_lock = s.execute(
        select(VerificationLockout).where(VerificationLockout.customer_id == customer_id)
        .order_by(VerificationLockout.locked_at.desc()).limit(1)
    ).scalar_one_or_none()
    if last_lock is not None and last_lock.locked_until > now:
        return last_lock.locked_until, MAX_FAILURES
    since = now - FAILURE_WINDOW
    if last_lock is not None:
        since = max(since, last_lock.locked_at)  # the failures that caused a lock are spent by it
    last_ok = s.execute(
        select(func.max(IdentityVerification.at)).where(
            IdentityVerification.customer_id == customer_id, IdentityVerification.outcome == "verified"
        )
    ).scalar_one_or_none()
    if last_ok is not None:
        since = max(since, last_ok)  # a success clears the slate
    failures = s.execute(
        select(func.count()).select_from(IdentityVerification).where(
            IdentityVerification.customer_id == customer_id,
            IdentityVerification.outcome == "failed",
            IdentityVerification.at > since,
        )
    ).scalar_one()
    return None, int(failures)


def contact_state(s: Session, contact: Contact, now: datetime) -> VerificationState:
    """The verification state of a contact as of `now`; reads only, logs nothing."""
    ok = s.execute(
        select(IdentityVerification, StaffAccount.username)
        .outerjoin(StaffAccount, StaffAccount.id == IdentityVerification.agent_id)
        .where(IdentityVerification.contact_id == contact.id, IdentityVerification.outcome == "verified")
        .order_by(IdentityVerification.at.desc(), IdentityVerification.id.desc()).limit(1)
    ).first()
    reason = s.execute(
        select(AccessReason).where(AccessReason.contact_id == contact.id)
        .order_by(AccessReason.at.desc(), AccessReason.id.desc()).limit(1)
    ).scalar_one_or_none()
    locked_until, failures = _lock_state(s, contact.customer_id, now)
    is_open = contact.ended_at is None
    verification = ok[0] if ok is not None else None
    verified = bool(
        is_open and verification is not None and verification.expires_at is not None
        and verification.expires_at > now
    )
    reason_active = is_open and reason is not None and reason.expires_at > now
    return VerificationState(
        contact_id=contact.id, customer_id=contact.customer_id, contact_open=is_open, verified=verified,
        method=verification.method if verification else None,
        evidence=verification.evidence if verification else None,
        verified_by=ok[1] if ok is not None else None,
        verified_at=verification.at if verification else None,
        expires_at=verification.expires_at if verification else None,
        access_reason=reason.reason if reason is not None and reason_active else None,
        access_reason_until=reason.expires_at if reason is not None and reason_active else None,
        locked_until=locked_until, recent_failures=failures,
    )


def load_contact(s: Session, contact_id: int) -> Contact:
    contact = s.get(Contact, contact_id)
    if contact is None:
        raise NotFound(f"Contact {contact_id} does not exist.", f"Kontakt {contact_id} finnes ikke.")
    return contact


# --- answer parsing (pure) -----------------------------------------------------------------------

_CURRENCY_AFFIX = re.compile(r"^(?:kr\.?|nok|sek)\s*|\s*(?:kr\.?|nok|sek)$|[,.]-$")
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%d-%m-%Y")


def parse_amount(text: str) -> tuple[int, bool] | None:
    """Amount in minor units and whether decimals were given: "1 299,00", "1299", "kr 1 299"."""
    value = text.strip().lower()
    for _ in range(3):
        value = _CURRENCY_AFFIX.sub("", value).strip()
    value = re.sub(r"[\s\u00a0\u202f']", "", value)
    if not re.fullmatch(r"\d[\d.,]*", value):
        return None
    sep = max(value.rfind(","), value.rfind("."))
    if sep >= 0 and len(value) - sep - 1 in (1, 2):
        whole = re.sub(r"[.,]", "", value[:sep]) or "0"
        return int(whole) * 100 + int(value[sep + 1 :].ljust(2, "0")), True
    # Only thousands separators ("1.299", "1,299"): a Norwegian writes decimals with two digits.
    return int(re.sub(r"[.,]", "", value)) * 100, False


def parse_order_date(text: str) -> date | None:
    value = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _mask_order_number(number: str) -> str:
    return f"{number[:3]}…{number[-3:]}" if len(number) > 6 else "…" + number[-2:]


def _postcode(text: str) -> str:
    return re.sub(r"\s", "", text)


def _order_dates(ordered_at: datetime) -> set[date]:
    # Stored in UTC; the customer remembers the Nordic calendar day (UTC+1 in winter, +2 in summer).
    return {(ordered_at + timedelta(hours=h)).date() for h in (0, 1, 2)}


@dataclass(frozen=True)
class _Outcome:
    """What a check found: stored as the verification row; `message*` explains a failure."""

    ok: bool
    method: str
    evidence: str
    message: str = ""
    message_nb: str = ""


class VerificationService:
    def __init__(
        self,
        ctx: DeskContext,
        *,
        mailer: Mailer,
        sms: SmsGateway,
        clock: Callable[[], datetime] = utcnow,
        valid_for: timedelta = DEFAULT_VALID_FOR,
    ) -> None:
        if valid_for <= timedelta(0):
            raise ValueError("a verification must last a positive time")
        self.ctx = ctx
        self.mailer = mailer
        self.sms = sms
        self.clock = clock
        self.valid_for = valid_for
        self.accounts = AccountService(ctx)

    # --- contacts --------------------------------------------------------------------------------

    def start_contact(self, actor: Actor, customer_id: int, channel: str) -> ContactRef:
        """Open a contact: the unit a verification and a recorded reason belong to."""
        _require(actor)
        if channel not in CHANNELS:
            raise InvalidInput(
                f"Unknown channel '{channel}': use {', '.join(CHANNELS)}.",
                f"Ukjent kanal '{channel}': bruk {', '.join(CHANNELS)}.",
            )
        now = self.clock()
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            customer = s.get(Customer, customer_id)
            if customer is None or customer.erased_at is not None:
                raise NotFound(f"Customer {customer_id} does not exist.", f"Kunde {customer_id} finnes ikke.")
            contact = Contact(customer_id=customer_id, agent_id=actor.account_id, channel=channel, started_at=now)
            s.add(contact)
            s.flush()
            self.ctx.audit.append(s, actor, action="contact_start", data="contact", customer_id=customer_id,
                                  detail=f"contact={contact.id}; channel={channel}")
            return ContactRef(contact.id, customer_id, channel, now)

    def end_contact(self, actor: Actor, contact_id: int) -> ContactRef:
        """Close the contact; its verification and reason end with it. Ending twice changes nothing."""
        _require(actor)
        now = self.clock()
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            contact = load_contact(s, contact_id)
            if contact.ended_at is None:
                contact.ended_at = now
                self.ctx.audit.append(s, actor, action="contact_end", data="contact",
                                      customer_id=contact.customer_id, detail=f"contact={contact.id}")
            return ContactRef(contact.id, contact.customer_id, contact.channel, contact.started_at, contact.ended_at)

    def is_verified(self, contact_id: int) -> VerificationState:
        """No personal data beyond masked evidence, so this read is not an access-log event."""
        with self.ctx.db.transaction() as s:
            return contact_state(s, load_contact(s, contact_id), self.clock())

    # --- a) questions from the record ------------------------------------------------------------

    def question_hints(self, actor: Actor, contact_id: int) -> list[str]:
        """Which question kinds this customer's record can answer (never the answers)."""
        _require(actor)
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            contact = load_contact(s, contact_id)
            cid = contact.customer_id
            has_orders = s.execute(select(exists().where(Order.customer_id == cid))).scalar_one()
            has_deliveries = s.execute(select(exists().where(Delivery.customer_id == cid))).scalar_one()
            hints = [k for k in QUESTION_KINDS
                     if (k == "delivery_address" and has_deliveries) or (k != "delivery_address" and has_orders)]
            self.ctx.audit.append(s, actor, action="verify_hints", data="verification_questions", customer_id=cid,
                                  detail=f"contact={contact.id}; kinds={'+'.join(hints) or 'none'}")
            return hints

    def verify_by_questions(self, actor: Actor, contact_id: int, answers: Mapping[str, str]) -> VerificationState:
        """At least two answers, and every answer given must match the record."""
        given = {k: v.strip() for k, v in answers.items() if v and v.strip()}
        unknown = sorted(set(given) - set(QUESTION_KINDS))
        if unknown:
            raise InvalidInput(f"Unknown question: {', '.join(unknown)}.", f"Ukjent spørsmål: {', '.join(unknown)}.")
        if len(given) < 2:
            raise InvalidInput(
                "Ask at least two of the questions: order number, delivery address, date or amount of a recent order.",
                "Still minst to av spørsmålene: ordrenummer, leveringsadresse, dato eller beløp for en nylig "
                "bestilling.",
            )
        order_date = parse_order_date(given["order_date"]) if "order_date" in given else None
        if "order_date" in given and order_date is None:
            raise InvalidInput("Write the order date as 31.12.2025 or 2025-12-31.",
                               "Skriv ordredatoen som 31.12.2025 eller 2025-12-31.")
        amount = parse_amount(given["order_amount"]) if "order_amount" in given else None
        if "order_amount" in given and amount is None:
            raise InvalidInput("Write the amount in kroner, e.g. 1 299,00.", "Skriv beløpet i kroner, f.eks. 1 299,00.")

        def check(s: Session, contact: Contact, now: datetime) -> _Outcome:
            cid = contact.customer_id
            parts: list[str] = []
            ok = True
            recent: list[tuple[datetime, int]] | None = None
            if order_date is not None or amount is not None:
                recent = [(r[0], r[1]) for r in s.execute(
                    select(Order.ordered_at, Order.total_minor).where(Order.customer_id == cid)
                    .order_by(Order.ordered_at.desc()).limit(RECENT_ORDERS)
                )]
            for kind in QUESTION_KINDS:
                if kind not in given:
                    continue
                if kind == "order_number":
                    found = self._match_order_number(s, cid, given[kind])
                    ok &= found is not None
                    parts.append(f"order {_mask_order_number(found)}" if found else "order number")
                elif kind == "delivery_address":
                    part = self._match_delivery(s, cid, given[kind])
                    ok &= part is not None
                    parts.append(part or "delivery address")
                elif kind == "order_date":
                    ok &= any(order_date in _order_dates(at) for at, _ in recent or [])
                    parts.append("order date")
                else:
                    assert amount is not None
                    minor, exact = amount
                    ok &= any(
                        total == minor if exact else minor // 100 in (total // 100, round(total / 100))
                        for _, total in recent or []
                    )
                    parts.append("order amount")
            evidence = " + ".join(parts)
            if ok:
                return _Outcome(True, "questions", evidence)
            # Which answer was wrong stays unsaid: telling the caller would help someone guessing.
            return _Outcome(
                False, "questions", f"questions asked: {', '.join(label(k, 'en').lower() for k in given)}",
                "The answers do not match the customer's record.", "Svarene stemmer ikke med kunderegisteret.",
            )

        return self._attempt(actor, contact_id, check)

    @staticmethod
    def _match_order_number(s: Session, customer_id: int, answer: str) -> str | None:
        compact = re.sub(r"\s", "", answer).upper()
        digits = re.sub(r"\D", "", answer)
        candidates = {compact, f"TP-{digits}"} if digits else {compact}
        return s.execute(
            select(Order.order_number).where(Order.customer_id == customer_id, Order.order_number.in_(candidates))
            .limit(1)
        ).scalar_one_or_none()

    @staticmethod
    def _match_delivery(s: Session, customer_id: int, answer: str) -> str | None:
        folded = fold(answer)
        code = _postcode(answer)
        rows = s.execute(
            select(Delivery.street, Delivery.postcode, Delivery.city).where(Delivery.customer_id == customer_id)
            .distinct()
        ).all()
        for street, postcode, city in rows:
            if folded and folded in (fold(street), fold(f"{street} {postcode}"), fold(f"{street} {postcode} {city}")):
                return "delivery street"
            if code.isdigit() and code == _postcode(postcode):
                return "delivery postcode"
        return None

    # --- b) one-time code ------------------------------------------------------------------------

    def send_code(self, actor: Actor, contact_id: int, channel: str) -> SentCode:
        """Send a 6-digit code to the registered e-mail or phone; only its keyed hash is stored.

        The message goes out before anything is written: if delivery fails, no code row exists
        (only the failed attempt is logged). If the database fails after delivery, the customer
        holds a code that matches nothing, which is harmless.
        """
        _require(actor)
        if channel not in CODE_CHANNELS:
            raise InvalidInput("Send the code by e-mail or SMS.", "Send koden på e-post eller SMS.")
        now = self.clock()
        refusal: DeskError | None = None
        destination = masked = ""
        language = "en"
        customer_id = 0
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            contact = _open_contact(s, contact_id)
            customer = s.get(Customer, contact.customer_id)
            if customer is None or customer.erased_at is not None:
                raise NotFound("The customer no longer exists.", "Kunden finnes ikke lenger.")
            locked_until, _ = _lock_state(s, customer.id, now)
            if locked_until is not None:
                refusal = self._refuse_locked(s, actor, contact, locked_until, now)
            else:
                destination = (customer.email if channel == "email" else customer.phone_e164) or ""
                if not destination:
                    raise InvalidInput(
                        "No e-mail address is registered for this customer: choose another method."
                        if channel == "email" else "No mobile number is registered for this customer: choose "
                        "another method.",
                        "Kunden har ingen registrert e-postadresse: velg en annen metode."
                        if channel == "email" else "Kunden har ikke registrert mobilnummer: velg en annen metode.",
                    )
                masked = mask_email(destination) if channel == "email" else mask_phone(destination)
                language = customer.language if customer.language in _CODE_TEXT else "en"
                customer_id = customer.id
        if refusal is not None:
            raise refusal

        code = f"{secrets.randbelow(1_000_000):06d}"
        subject, body = (t.format(brand=self.ctx.policy.company.brand, code=code,
                                  minutes=int(CODE_VALID_FOR.total_seconds() // 60))
                         for t in _CODE_TEXT[language])
        try:
            if channel == "email":
                self.mailer.send_mail(destination, subject, body)
            else:
                self.sms.send_sms(destination, body)
        except DeliveryFailed as exc:
            with self.ctx.db.transaction() as s:
                self.ctx.audit.append(s, actor, action="code_not_sent", data="one_time_code", customer_id=customer_id,
                                      detail=f"contact={contact_id}; channel={channel}; to={masked}; {exc.message}")
            raise CodeNotSent(
                f"The code could not be sent: {exc.message}. Nothing was verified.",
                f"Koden kunne ikke sendes: {exc.message_nb}. Ingenting er verifisert.",
            ) from exc

        sent_at = self.clock()
        with self.ctx.db.transaction() as s:
            # A newer code replaces any unused one, so only the latest message counts.
            s.execute(
                update(OneTimeCode).where(
                    OneTimeCode.contact_id == contact_id, OneTimeCode.used_at.is_(None),
                    OneTimeCode.expires_at > sent_at,
                ).values(expires_at=sent_at)
            )
            row = OneTimeCode(customer_id=customer_id, contact_id=contact_id, channel=channel,
                              code_hash=self._code_hash(code), sent_to=masked, agent_id=actor.account_id,
                              created_at=sent_at, expires_at=sent_at + CODE_VALID_FOR, attempts=0)
            s.add(row)
            self.ctx.audit.append(s, actor, action="code_sent", data="one_time_code", customer_id=customer_id,
                                  detail=f"contact={contact_id}; channel={channel}; to={masked}")
        return SentCode(contact_id, channel, masked, row.expires_at)

    def verify_code(self, actor: Actor, contact_id: int, code: str) -> VerificationState:
        """Check the code the customer reads out against the latest one sent in this contact."""
        typed = re.sub(r"[\s-]", "", code)
        if not typed:
            raise InvalidInput("Type the code the customer reads out.", "Skriv inn koden kunden leser opp.")
        digest = self._code_hash(typed)

        def check(s: Session, contact: Contact, now: datetime) -> _Outcome:
            own = s.execute(
                select(OneTimeCode).where(OneTimeCode.contact_id == contact.id)
                .order_by(OneTimeCode.created_at.desc(), OneTimeCode.id.desc())
            ).scalars().all()
            match = next((c for c in own if hmac.compare_digest(c.code_hash, digest)), None)
            if match is not None:
                method = f"{match.channel}_code"
                where = f"one-time code by {'e-mail' if match.channel == 'email' else 'SMS'} to {match.sent_to}"
                if match.used_at is not None:
                    return _Outcome(False, method, f"{where}: already used",
                                    "This code has already been used. Send a new code.",
                                    "Denne koden er allerede brukt. Send en ny kode.")
                if match.expires_at <= now:
                    return _Outcome(False, method, f"{where}: expired",
                                    "The code has expired (a code lasts 10 minutes, and a newer code replaces it). "
                                    "Send a new code.",
                                    "Koden er utløpt (en kode gjelder i 10 minutter, og en nyere kode erstatter "
                                    "den). Send en ny kode.")
                match.used_at = now
                return _Outcome(True, method, where)
            foreign = s.execute(
                select(OneTimeCode).where(
                    OneTimeCode.code_hash == digest, OneTimeCode.contact_id != contact.id,
                    OneTimeCode.created_at > now - _FOREIGN_CODE_WINDOW,
                ).order_by(OneTimeCode.created_at.desc()).limit(1)
            ).scalar_one_or_none()
            if foreign is None and not own:
                raise InvalidInput("No code has been sent in this contact: send one first.",
                                   "Ingen kode er sendt i denne kontakten: send en først.")
            latest = own[0] if own else None
            method = f"{latest.channel}_code" if latest is not None else "code"
            if foreign is not None:
                whose = "another customer" if foreign.customer_id != contact.customer_id else "another contact"
                whose_nb = "en annen kunde" if foreign.customer_id != contact.customer_id else "en annen kontakt"
                return _Outcome(False, method, f"code issued for {whose}",
                                f"This code was issued for {whose}, not for this one. Nothing was verified.",
                                f"Denne koden ble sendt til {whose_nb}, ikke til denne. Ingenting er verifisert.")
            assert latest is not None
            if latest.used_at is None and latest.expires_at > now:
                latest.attempts += 1
                if latest.attempts >= _MAX_CODE_ATTEMPTS:
                    latest.expires_at = now  # guessed at too often: the code is spent
            return _Outcome(False, method, f"one-time code to {latest.sent_to}: wrong code",
                            "The code is wrong.", "Koden er feil.")

        return self._attempt(actor, contact_id, check)

    def _code_hash(self, code: str) -> str:
        # Keyed, so the 10^6 possible codes cannot be tried against a copied database.
        return keyed_hash(self.ctx.keys.nid_hash, f"otp:{code}")

    # --- c) ID document at the counter -----------------------------------------------------------

    def verify_id_document(
        self, actor: Actor, contact_id: int, kind: str, last_digits: str, *, matched: bool = True
    ) -> VerificationState:
        """Record that a document was seen in person: its kind and last 2-4 characters, never an image.

        `matched=False` records a document that did not fit the person (photo, name), as a failure.
        """
        if kind not in ID_DOCUMENT_KINDS:
            raise InvalidInput(f"Unknown document kind '{kind}'.", f"Ukjent legitimasjonstype '{kind}'.")
        digits = re.sub(r"\s", "", last_digits).upper()
        if not re.fullmatch(r"[0-9A-Z]{2,4}", digits):
            raise InvalidInput("Write the last 2 to 4 digits of the document number, nothing more.",
                               "Skriv bare de siste 2 til 4 sifrene i dokumentnummeret.")
        evidence = f"{label(kind, 'en').lower()}, last digits {digits}"

        def check(s: Session, contact: Contact, now: datetime) -> _Outcome:
            if contact.channel != "counter":
                raise InvalidInput("An ID document can only be checked in person, at the counter.",
                                   "Legitimasjon kan bare kontrolleres når kunden møter opp i skranken.")
            if matched:
                return _Outcome(True, "id_document", evidence)
            return _Outcome(False, "id_document", f"{evidence}: did not match the person",
                            "The document does not match the person.", "Legitimasjonen stemmer ikke med personen.")

        return self._attempt(actor, contact_id, check)

    # --- d) electronic ID ------------------------------------------------------------------------

    def verify_electronic_id(self, actor: Actor, contact_id: int, provider: str, reference: str) -> VerificationState:
        """Record a completed electronic-ID check by the provider's transaction reference (masked)."""
        if provider not in ELECTRONIC_ID_PROVIDERS:
            raise InvalidInput(f"Unknown electronic ID '{provider}'.", f"Ukjent elektronisk ID '{provider}'.")
        ref = reference.strip()
        if not 4 <= len(ref) <= 100 or any(not ch.isprintable() for ch in ref):
            raise InvalidInput(f"Enter the reference {provider} gave for the check (4-100 characters).",
                               f"Skriv inn referansen {provider} ga for kontrollen (4-100 tegn).")
        if looks_like_national_id(ref) or re.fullmatch(r"\d{10,12}", re.sub(r"[\s+-]", "", ref)):
            raise InvalidInput(f"Enter the transaction reference from {provider}, not the identity number.",
                               f"Skriv inn transaksjonsreferansen fra {provider}, ikke fødselsnummeret.")
        evidence = f"{provider} ref …{ref[-4:]}"
        return self._attempt(actor, contact_id, lambda s, contact, now: _Outcome(True, "electronic_id", evidence))

    # --- need to know without verification -------------------------------------------------------

    def record_access_reason(self, actor: Actor, contact_id: int, reason: str) -> VerificationState:
        """A reason to see more without verification (e.g. an internal fraud check), for this contact."""
        _require(actor)
        text = " ".join(reason.split())
        if not text:
            raise InvalidInput("Write why you need to see more without verifying the caller.",
                               "Skriv hvorfor du trenger å se mer uten å bekrefte identiteten.")
        if len(text) > _MAX_REASON:
            raise InvalidInput(f"Keep the reason under {_MAX_REASON} characters.",
                               f"Hold grunnen under {_MAX_REASON} tegn.")
        now = self.clock()
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            contact = _open_contact(s, contact_id)
            s.add(AccessReason(contact_id=contact.id, customer_id=contact.customer_id, agent_id=actor.account_id,
                               reason=text, at=now, expires_at=now + self.valid_for))
            s.flush()
            self.ctx.audit.append(s, actor, action="access_reason", data="need_to_know",
                                  customer_id=contact.customer_id, detail=f"contact={contact.id}", reason=text)
            return contact_state(s, contact, now)

    # --- the shared attempt ----------------------------------------------------------------------

    def _attempt(
        self, actor: Actor, contact_id: int, check: Callable[[Session, Contact, datetime], _Outcome]
    ) -> VerificationState:
        """Run one check under the lock rules; store and log its outcome before reporting it."""
        _require(actor)
        now = self.clock()
        error: DeskError | None = None
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            contact = _open_contact(s, contact_id)
            cid = contact.customer_id
            # Serialise attempts on one customer (PostgreSQL; SQLite's BEGIN IMMEDIATE already does).
            s.execute(select(Customer.id).where(Customer.id == cid).with_for_update())
            locked_until, failures = _lock_state(s, cid, now)
            if locked_until is not None:
                error = self._refuse_locked(s, actor, contact, locked_until, now)
            else:
                outcome = check(s, contact, now)
                row = IdentityVerification(
                    contact_id=contact.id, customer_id=cid, method=outcome.method, evidence=outcome.evidence[:200],
                    outcome="verified" if outcome.ok else "failed", agent_id=actor.account_id, at=now,
                    expires_at=now + self.valid_for if outcome.ok else None,
                )
                s.add(row)
                s.flush()
                detail = f"contact={contact.id}; method={outcome.method}; evidence={row.evidence}"
                if outcome.ok:
                    self.ctx.audit.append(s, actor, action="verified", data="identity", customer_id=cid,
                                          detail=detail)
                    return contact_state(s, contact, now)
                failures += 1
                self.ctx.audit.append(s, actor, action="verify_failed", data="identity", customer_id=cid,
                                      detail=f"{detail}; failures={failures}/{MAX_FAILURES}")
                error = self._failure(s, actor, contact, outcome, failures=failures, now=now)
        assert error is not None
        raise error

    def _failure(
        self, s: Session, actor: Actor, contact: Contact, outcome: _Outcome, *, failures: int, now: datetime
    ) -> VerificationFailed:
        nothing = " Nothing was verified."
        nothing_nb = " Ingenting er verifisert."
        if failures >= MAX_FAILURES:
            until = now + LOCKOUT
            s.add(VerificationLockout(customer_id=contact.customer_id, contact_id=contact.id, failures=failures,
                                      locked_at=now, locked_until=until))
            minutes = int(LOCKOUT.total_seconds() // 60)
            self.ctx.audit.append(s, actor, action="verify_locked", data="identity", customer_id=contact.customer_id,
                                  detail=f"contact={contact.id}; {failures} failures within "
                                         f"{int(FAILURE_WINDOW.total_seconds() // 60)} minutes; "
                                         f"locked for {minutes} minutes")
            return VerificationFailed(
                f"{outcome.message}{nothing} After {failures} failed attempts, verification for this customer "
                f"is locked for {minutes} minutes.",
                f"{outcome.message_nb}{nothing_nb} Etter {failures} mislykkede forsøk er verifisering av denne "
                f"kunden låst i {minutes} minutter.",
                failures=failures, locked_until=until,
            )
        left = MAX_FAILURES - failures
        return VerificationFailed(
            f"{outcome.message}{nothing} {left} {'attempt' if left == 1 else 'attempts'} left before "
            "verification is locked.",
            f"{outcome.message_nb}{nothing_nb} {left} forsøk igjen før verifisering låses.",
            failures=failures, locked_until=None,
        )

    def _refuse_locked(
        self, s: Session, actor: Actor, contact: Contact, locked_until: datetime, now: datetime
    ) -> VerificationLocked:
        refusal = VerificationLocked(locked_until, now)
        self.ctx.audit.append(s, actor, action="verify_locked", data="identity", customer_id=contact.customer_id,
                              detail=f"contact={contact.id}; attempt refused: locked, "
                                     f"{refusal.minutes_left} minutes left")
        return refusal


def _require(actor: Actor) -> None:
    if not actor.can(Permission.OPEN_CUSTOMER):
        raise PermissionDenied("Your role may not serve customers.", "Rollen din kan ikke betjene kunder.")


def _open_contact(s: Session, contact_id: int) -> Contact:
    contact = load_contact(s, contact_id)
    if contact.ended_at is not None:
        raise InvalidInput("This contact has ended: start a new one.", "Denne kontakten er avsluttet: start en ny.")
    return contact
