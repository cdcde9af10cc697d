"""Filing, tracking and fulfilling data-subject requests (GDPR Art. 7(3), 12, 15-21).

Every public method is one user action: one transaction that does the change, records the
request's history, writes its access-log entry and, where the law asks for it, produces the
letters to the person and the Art. 19 notices to recipients. If any part fails, nothing is kept.

Choices the law leaves to the desk, made here once:

* Restriction scope. `RecordMixin.restricted` is per record, not per purpose, so a per-purpose
  restriction (or an upheld Art. 21(1) objection, or a consent withdrawal) restricts the records
  that serve *only* the named purposes. A record that also serves another purpose (the customer
  row serves seven) stays usable for that other purpose; the request's summary says how many were
  kept for that reason. "All purposes" restricts every record of the person.
* Which restriction lifts what. `restriction_record` remembers which request restricted which
  record; lifting one request frees a record only if no other active restriction and no legal
  hold still covers it.
* Restricted data in exports. Restricted records never count as marketable (`is_marketable`) and
  must not go to third parties. The person's own portability copy *includes* them, flagged
  `"restricted": true`: giving people their own data at their request is not a use Art. 18(2)
  forbids, and leaving it out would make the copy silently incomplete.
* Identity. Everything except a marketing objection waits for the person's identity to be
  verified: a false rectification or export is a breach; a false objection to marketing only
  stops mail (Art. 21(3) makes that objection absolute, so it takes effect when filed).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from desktop.audit.log import utcnow
from desktop.domain.contact import mask_email, mask_phone, normalize_email, normalize_phone
from desktop.domain.deadlines import (
    DeadlineState,
    ExtensionRefused,
    ReceivedInFuture,
    check_extension,
    days_left,
    deadline_state,
    response_due,
    validate_received,
)
from desktop.domain.requests import (
    IDENTITY_NOT_NEEDED,
    OPEN_STATES,
    Action,
    Channel,
    IdentityState,
    RequestState,
    RequestType,
    TransitionRefused,
    allowed_actions,
    transition,
)
from desktop.domain.roles import Actor, Permission
from desktop.errors import InvalidInput, NotFound, PermissionDenied
from desktop.models import (
    RECORD_MODELS,
    Address,
    Customer,
    DsrRequest,
    IdentityVerification,
    MarketingConsent,
    MarketingSuppression,
    Order,
    OrderLine,
    RecipientNotification,
    RecordMixin,
    RectificationChange,
    RequestEvent,
    RequestLetter,
    RestrictionRecord,
    StaffAccount,
)
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.letters import Letter, format_date, letter_language, pick, render_letter
from desktop.services.org_settings import deadline_roll_forward
from desktop.services.registry import contact_hash, postal_contact_value, purposes_for, reindex_customer

__all__ = [
    "PORTABILITY_FORMAT",
    "RECTIFIABLE_FIELDS",
    "ChangeView",
    "ConcurrentChange",
    "DuplicateRequest",
    "EventView",
    "ExtensionResult",
    "LetterView",
    "NotificationView",
    "QueueCounts",
    "QueueRow",
    "RecipientView",
    "RequestService",
    "RequestView",
    "parse_channel",
    "parse_request_type",
    "portability_schema",
    "reference",
]


# --- errors -----------------------------------------------------------------------------------


class DuplicateRequest(InvalidInput):
    """An open request of the same type for the same person exists; `existing_id` names it."""

    def __init__(self, existing_id: int, request_type: RequestType) -> None:
        super().__init__(
            f"Request {reference(existing_id)} of type {request_type.value} is already open for this "
            "customer. Work on that one, or file again as a duplicate if this is a new request.",
            f"Henvendelse {reference(existing_id)} av typen {request_type.value} er allerede åpen for "
            "denne kunden. Arbeid videre med den, eller registrer på nytt som duplikat hvis dette er "
            "en ny henvendelse.",
        )
        self.existing_id = existing_id


class ConcurrentChange(InvalidInput):
    """Someone else changed the request since this screen loaded it."""

    def __init__(self, request_id: int) -> None:
        super().__init__(
            f"Request {reference(request_id)} was changed by someone else since you opened it. "
            "Reload it and try again.",
            f"Henvendelse {reference(request_id)} er endret av noen andre siden du åpnet den. "
            "Last den inn på nytt og prøv igjen.",
        )


# --- parsing and small helpers ------------------------------------------------------------------


def reference(request_id: int) -> str:
    """The reference the person quotes: short, unambiguous, never the customer's name or number."""
    return f"GDPR-{request_id:06d}"


def parse_request_type(value: str | RequestType) -> RequestType:
    try:
        return RequestType(str(value).strip().lower())
    except ValueError:
        valid = ", ".join(t.value for t in RequestType)
        raise InvalidInput(
            f"Unknown request type '{value}'. Valid types: {valid}.",
            f"Ukjent henvendelsestype '{value}'. Gyldige typer: {valid}.",
        ) from None


def parse_channel(value: str | Channel) -> Channel:
    try:
        return Channel(str(value).strip().lower())
    except ValueError:
        valid = ", ".join(c.value for c in Channel)
        raise InvalidInput(
            f"Unknown channel '{value}'. Valid channels: {valid}.",
            f"Ukjent kanal '{value}'. Gyldige kanaler: {valid}.",
        ) from None


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(p for p in (value or "").split(",") if p)


def _mask_words(value: str) -> str:
    return " ".join(w[0] + "***" for w in value.split()) or "-"


def _mask_field(field: str, value: str | None, country: str) -> str:
    """What the change table and the access log keep of a value: its shape, not the value."""
    if not value:
        return "-"
    if field == "email":
        return mask_email(value)
    if field == "phone":
        e164 = normalize_phone(value, country)
        return mask_phone(e164) if e164 else "***"
    if field == "postcode":
        return value[:2] + "*" * max(0, len(value) - 2)
    return _mask_words(value)


def _fmt_dt(value: datetime | None) -> str | None:
    """Stored times are naive UTC; exports say so with a Z."""
    return None if value is None else value.replace(microsecond=0).isoformat() + "Z"


# --- views ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventView:
    at: datetime
    actor: str
    action: str
    from_state: RequestState | None
    to_state: RequestState
    note: str | None


@dataclass(frozen=True)
class NotificationView:
    """An Art. 19 notice to one recipient, with the text to send in both languages."""

    id: int
    recipient_key: str
    recipient_name: str
    recipient_name_en: str
    kind: str
    record_kinds: tuple[str, ...]
    subject_nb: str
    body_nb: str
    subject_en: str
    body_en: str
    created_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True)
class ChangeView:
    record_kind: str
    record_id: int
    field: str
    before_masked: str
    after_masked: str
    at: datetime


@dataclass(frozen=True)
class LetterView:
    id: int
    kind: str
    lang: str
    subject: str
    body: str
    created_at: datetime
    sent_on: date | None
    sent_via: str | None


@dataclass(frozen=True)
class RecipientView:
    """A recipient told about a request (Art. 19), by name, for the person who asks who they are."""

    key: str
    name: str
    name_en: str
    kind: str
    named: bool
    notified_at: datetime
    sent: bool


@dataclass(frozen=True)
class RequestView:
    """Everything the request screen shows; `allowed_actions` is for the actor who loaded it."""

    id: int
    reference: str
    type: RequestType
    article: str
    customer_id: int | None
    customer_number: str
    customer_name: str
    customer_language: str
    customer_restricted: bool
    channel: Channel
    received_on: date
    received_at: datetime | None
    filed_at: datetime
    filed_by: str
    identity_state: IdentityState
    state: RequestState
    assigned_agent_id: int | None
    assigned_agent: str
    notes: str
    due_on: date
    extended_until: date | None
    effective_due: date
    extension_reason: str | None
    refusal_reason: str | None
    decision: str | None
    decision_grounds: str | None
    decided_by: str
    decided_at: datetime | None
    marketing_channel: str | None
    scope_purposes: tuple[str, ...]
    is_duplicate: bool
    duplicate_of_id: int | None
    completed_at: datetime | None
    completion_summary: str | None
    completion_channel: str | None
    completion_sent_on: date | None
    version: int
    days_left: int | None
    deadline_state: DeadlineState | None
    allowed_actions: tuple[Action, ...]
    active_restrictions: int
    history: tuple[EventView, ...]
    notifications: tuple[NotificationView, ...]
    changes: tuple[ChangeView, ...]
    letters: tuple[LetterView, ...]

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


@dataclass(frozen=True)
class ExtensionResult:
    request: RequestView
    notice: Letter


@dataclass(frozen=True)
class QueueRow:
    """One line of the work queue; `days_left`/`deadline_state` are None once the request is closed."""

    request_id: int
    reference: str
    type: RequestType
    state: RequestState
    customer_id: int | None
    customer_number: str
    customer_name: str
    channel: Channel
    received_on: date
    due_on: date
    extended: bool
    days_left: int | None
    deadline_state: DeadlineState | None
    assigned_agent_id: int | None
    assigned_agent: str
    identity_state: IdentityState
    is_duplicate: bool


@dataclass(frozen=True)
class QueueCounts:
    """Counts for the queue's header: no personal data, so not an access-log event."""

    by_state: dict[RequestState, int]
    open_by_type: dict[RequestType, int]
    open_total: int
    overdue: int
    due_soon: int
    mine_open: int


# --- fixed texts for outcomes and notices -----------------------------------------------------

RECTIFIABLE_FIELDS: dict[str, str] = {
    "first_name": "customer", "last_name": "customer", "email": "customer", "phone": "customer",
    "street": "address", "postcode": "address", "city": "address",
}
_FIELD_LABELS: dict[str, dict[str, str]] = {
    "nb": {"first_name": "Fornavn", "last_name": "Etternavn", "email": "E-postadresse", "phone": "Telefonnummer",
           "street": "Gateadresse", "postcode": "Postnummer", "city": "Poststed"},
    "en": {"first_name": "First name", "last_name": "Last name", "email": "E-mail address", "phone": "Telephone",
           "street": "Street address", "postcode": "Postcode", "city": "Town"},
    "sv": {"first_name": "Förnamn", "last_name": "Efternamn", "email": "E-postadress", "phone": "Telefonnummer",
           "street": "Gatuadress", "postcode": "Postnummer", "city": "Ort"},
}
_CHANGE_TEXT: dict[str, dict[str, str]] = {
    "rectification": {
        "nb": "Opplysningene er rettet (personvernforordningen artikkel 16). De riktige opplysningene er:",
        "en": "The data has been rectified (GDPR Article 16). The correct data is:",
    },
    "restriction": {
        "nb": "Behandlingen av opplysningene er begrenset (personvernforordningen artikkel 18). De kan bare "
              "lagres; annen bruk krever den registrertes samtykke eller rettslige krav. Dette gjelder:",
        "en": "Processing of the data has been restricted (GDPR Article 18). It may only be stored; any other "
              "use needs the data subject's consent or legal claims. This concerns:",
    },
    "objection_upheld": {
        "nb": "Den registrerte har protestert mot behandling basert på berettiget interesse, og protesten er "
              "tatt til følge (personvernforordningen artikkel 21 nr. 1). Behandlingen er stanset for:",
        "en": "The data subject objected to processing based on legitimate interest and the objection was "
              "upheld (GDPR Article 21(1)). Processing has stopped for:",
    },
    "restriction_lifted": {
        "nb": "Begrensningen av behandlingen er opphevet. Den registrerte ble varslet på forhånd "
              "(personvernforordningen artikkel 18 nr. 3). Dette gjelder:",
        "en": "The restriction of processing has been lifted. The data subject was told beforehand "
              "(GDPR Article 18(3)). This concerns:",
    },
}
_CHANNEL_NB: dict[str, str] = {"email": "e-post", "sms": "SMS", "post": "post"}
_CHANNEL_EN: dict[str, str] = {"email": "e-mail", "sms": "SMS", "post": "post"}
_CHANNEL_SV: dict[str, str] = {"email": "e-post", "sms": "sms", "post": "post"}
#: "Dear customer" when the name is gone (erased) or unknown, per letter language.
_NO_NAME: dict[str, str] = {"nb": "kunde", "en": "customer", "sv": "kund"}
#: Kept so the person is not contacted again: restricting it would protect no one.
_NEVER_RESTRICTED = frozenset({"marketing_suppression"})
_DECIDED = frozenset({"approved", "upheld", "not_upheld"})
#: The step each type's own fulfilment records; `complete` refuses to close a request without it.
_FULFILMENT_EVENT: dict[RequestType, str] = {
    RequestType.RECTIFICATION: "rectify",
    RequestType.RESTRICTION: "restrict",
    RequestType.PORTABILITY: "export",
    RequestType.WITHDRAW_CONSENT: "withdraw_consent",
    RequestType.OBJECTION_DIRECT_MARKETING: "object_marketing",
    RequestType.OBJECTION_LEGITIMATE_INTEREST: "decide",
}


# --- portability format -------------------------------------------------------------------------

PORTABILITY_FORMAT = "gdpr-desk-portability"
PORTABILITY_VERSION = "1"


@dataclass(frozen=True)
class _Field:
    name: str
    type: str  # string | integer | boolean | date | datetime | object
    en: str
    nb: str
    get: Callable[[Any], object]


@dataclass(frozen=True)
class _Table:
    name: str
    record_kind: str
    en: str
    nb: str
    fields: tuple[_Field, ...]


def _attr(name: str) -> Callable[[Any], object]:
    return lambda record: getattr(record, name)


def _settings(record: Any) -> object:
    try:
        return json.loads(record.profile_settings)
    except (TypeError, ValueError):
        return record.profile_settings


#: What the person gave, processed on consent or contract (Art. 20). Left out on purpose: fraud
#: signals, credit checks and IT-environment data (observed or derived, not given), payments and
#: deliveries (made by the payment and transport companies), the national identity number (used
#: only where secure identification needs it, docs/rules.md#r-nid-display), password hashes, and addresses that
#: came from the public address register.
PORTABILITY_TABLES: tuple[_Table, ...] = (
    _Table("customer", "customer", "The person: name and contact details as given to the shop.",
           "Personen: navn og kontaktopplysninger slik de ble gitt til butikken.", (
               _Field("customer_number", "string", "The shop's customer number.", "Butikkens kundenummer.",
                      _attr("customer_number")),
               _Field("first_name", "string", "First name.", "Fornavn.", _attr("first_name")),
               _Field("last_name", "string", "Last name.", "Etternavn.", _attr("last_name")),
               _Field("email", "string", "E-mail address.", "E-postadresse.", _attr("email")),
               _Field("phone", "string", "Telephone number as given.", "Telefonnummer slik det ble oppgitt.",
                      _attr("phone")),
               _Field("language", "string", "Preferred language (ISO 639-1).", "Foretrukket språk (ISO 639-1).",
                      _attr("language")),
               _Field("country", "string", "Country (ISO 3166-1 alpha-2).", "Land (ISO 3166-1 alpha-2).",
                      _attr("country")),
               _Field("created_at", "datetime", "When the customer record was created.",
                      "Når kundeopplysningene ble registrert.", _attr("created_at")),
           )),
    _Table("addresses", "address", "Addresses the person gave.", "Adresser personen har oppgitt.", (
        _Field("kind", "string", "home, delivery or billing.", "home (hjem), delivery (levering) eller "
               "billing (faktura).", _attr("kind")),
        _Field("street", "string", "Street and number.", "Gate og nummer.", _attr("street")),
        _Field("postcode", "string", "Postcode.", "Postnummer.", _attr("postcode")),
        _Field("city", "string", "Town.", "Poststed.", _attr("city")),
        _Field("country", "string", "Country (ISO 3166-1 alpha-2).", "Land (ISO 3166-1 alpha-2).", _attr("country")),
    )),
    _Table("orders", "order", "Orders the person placed.", "Bestillinger personen har gjort.", (
        _Field("order_number", "string", "Order number.", "Ordrenummer.", _attr("order_number")),
        _Field("ordered_at", "datetime", "When the order was placed.", "Når bestillingen ble gjort.",
               _attr("ordered_at")),
        _Field("status", "string", "open, completed, cancelled or returned.",
               "open (åpen), completed (fullført), cancelled (kansellert) eller returned (returnert).",
               _attr("status")),
        _Field("channel", "string", "web, store or phone.", "web (nett), store (butikk) eller phone (telefon).",
               _attr("channel")),
        _Field("store", "string", "The store, for purchases in a store.", "Butikken, for kjøp i butikk.",
               _attr("store")),
        _Field("total_minor", "integer", "Order total in minor units (øre/öre).", "Totalbeløp i øre.",
               _attr("total_minor")),
        _Field("currency", "string", "Currency (ISO 4217).", "Valuta (ISO 4217).", _attr("currency")),
        _Field("completed_at", "datetime", "When the purchase was completed (delivered and paid).",
               "Når kjøpet ble fullført (levert og betalt).", _attr("completed_at")),
    )),
    _Table("order_lines", "order_line", "The products in each order.", "Produktene i hver bestilling.", (
        _Field("order_number", "string", "The order the line belongs to.", "Bestillingen linjen hører til.",
               lambda line: line.order.order_number),
        _Field("sku", "string", "Product number.", "Varenummer.", _attr("sku")),
        _Field("product_name", "string", "Product name.", "Produktnavn.", _attr("product_name")),
        _Field("quantity", "integer", "Quantity.", "Antall.", _attr("quantity")),
        _Field("unit_price_minor", "integer", "Unit price in minor units (øre/öre).", "Enhetspris i øre.",
               _attr("unit_price_minor")),
    )),
    _Table("membership", "membership", "The Mine Sider membership and the member's own settings.",
           "Medlemskapet på Mine sider og medlemmets egne innstillinger.", (
               _Field("username", "string", "User name.", "Brukernavn.", _attr("username")),
               _Field("joined_at", "datetime", "When the membership began.", "Når medlemskapet begynte.",
                      _attr("joined_at")),
               _Field("ended_at", "datetime", "When the membership ended, if it has.",
                      "Når medlemskapet ble avsluttet, hvis det er avsluttet.", _attr("ended_at")),
               _Field("profile_settings", "object", "The member's settings (a JSON object; JSON text in CSV).",
                      "Medlemmets innstillinger (et JSON-objekt; JSON-tekst i CSV).", _settings),
           )),
    _Table("favourites", "favourite", "Products saved as favourites.", "Produkter lagret som favoritter.", (
        _Field("sku", "string", "Product number.", "Varenummer.", _attr("sku")),
        _Field("product_name", "string", "Product name.", "Produktnavn.", _attr("product_name")),
        _Field("added_at", "datetime", "When it was saved.", "Når den ble lagret.", _attr("added_at")),
    )),
    _Table("job_applications", "job_application", "Job applications the person sent.",
           "Jobbsøknader personen har sendt.", (
               _Field("position", "string", "The position applied for.", "Stillingen det ble søkt på.",
                      _attr("position")),
               _Field("submitted_at", "datetime", "When it was sent.", "Når den ble sendt.", _attr("submitted_at")),
               _Field("cover_letter", "string", "The application text.", "Søknadsteksten.", _attr("cover_letter")),
           )),
    _Table("contact_messages", "contact_message", "E-mails and contact-form messages the person sent.",
           "E-poster og meldinger via kontaktskjema personen har sendt.", (
               _Field("channel", "string", "email or contact_form.", "email (e-post) eller contact_form "
                      "(kontaktskjema).", _attr("channel")),
               _Field("received_at", "datetime", "When it arrived.", "Når den kom inn.", _attr("received_at")),
               _Field("from_address", "string", "Sender address.", "Avsenderadresse.", _attr("from_address")),
               _Field("subject", "string", "Subject.", "Emne.", _attr("subject")),
               _Field("body", "string", "The message.", "Meldingen.", _attr("body")),
           )),
    _Table("marketing_consents", "marketing_consent", "The person's marketing choices per channel.",
           "Personens valg om markedsføring per kanal.", (
               _Field("channel", "string", "email, sms or post.", "email (e-post), sms eller post.",
                      _attr("channel")),
               _Field("granted", "boolean", "Whether marketing on this channel is allowed.",
                      "Om markedsføring i denne kanalen er tillatt.", _attr("granted")),
               _Field("changed_at", "datetime", "When the choice was last made.", "Når valget sist ble gjort.",
                      _attr("changed_at")),
               _Field("how", "string", "Where the choice was made (checkout, mine_sider ...).",
                      "Hvor valget ble gjort (checkout, mine_sider ...).", _attr("how")),
           )),
)
_RESTRICTED_FIELD = ("restricted", "boolean",
                     "True if processing of this record is restricted (GDPR Art. 18): kept, not used.",
                     "Sann hvis behandlingen av denne opplysningen er begrenset (artikkel 18): lagret, ikke brukt.")
_PORTABLE_BASES = frozenset({"contract", "consent"})


def portability_schema() -> dict[str, Any]:
    """The export's documented format, as shipped in schema.json and docs/portability-schema.md."""
    name, type_, en, nb = _RESTRICTED_FIELD
    return {
        "format": PORTABILITY_FORMAT,
        "version": PORTABILITY_VERSION,
        "description": {
            "en": "Personal data the person gave the shop, processed on consent or contract (GDPR Art. 20).",
            "nb": "Personopplysninger personen har gitt butikken, behandlet på grunnlag av samtykke eller avtale "
                  "(personvernforordningen artikkel 20).",
        },
        "encoding": "UTF-8",
        "files": {
            "data.json": "Every table in one JSON document: format, version, exported_at, reference, controller, "
                         "data_subject, and tables (table name -> list of records).",
            "{table}.csv": "One CSV file per table, named after it (RFC 4180: comma, double quotes, CRLF), "
                           "header row first.",
            "schema.json": "This description.",
            "README.txt": "A plain-language explanation in Norwegian and English.",
        },
        "types": {
            "string": "Text; empty in CSV and null in JSON when missing.",
            "integer": "Whole number; money in minor units (øre/öre).",
            "boolean": "true or false.",
            "date": "ISO 8601 date, YYYY-MM-DD.",
            "datetime": "ISO 8601 UTC time, YYYY-MM-DDTHH:MM:SSZ.",
            "object": "A JSON object in data.json; its JSON text in CSV.",
        },
        "tables": {
            t.name: {
                "record_kind": t.record_kind,
                "csv": f"{t.name}.csv",
                "description": {"en": t.en, "nb": t.nb},
                "fields": [
                    {"name": f.name, "type": f.type, "description": {"en": f.en, "nb": f.nb}} for f in t.fields
                ] + [{"name": name, "type": type_, "description": {"en": en, "nb": nb}}],
            }
            for t in PORTABILITY_TABLES
        },
    }


_README = """Dataportabilitet / Data portability
===================================

NORSK
Denne filen inneholder personopplysningene du selv har gitt {company}, og som vi behandler på
grunnlag av samtykke eller avtale med deg (personvernforordningen artikkel 20). Opplysningene er
i vanlige, maskinlesbare formater, slik at du kan ta dem med til en annen virksomhet.

- data.json: alt i ett JSON-dokument.
- En CSV-fil per tabell (komma som skilletegn, UTF-8).
- schema.json: beskrivelse av hvert felt.

Opplysninger som er begrenset (artikkel 18), er tatt med og merket restricted = true.
Ikke med: opplysninger vi selv har utledet eller fått fra andre (kredittvurderinger, signaler om
misbruk, tekniske data om nettleseren din, betalings- og leveringsdata fra betalings- og
transportselskaper), fødselsnummeret ditt og passordet ditt. Be om innsyn (artikkel 15) hvis du
vil se alt vi har om deg.

ENGLISH
This file holds the personal data you gave {company} that we process on your consent or on a
contract with you (GDPR Article 20), in common machine-readable formats, so that you can take it
to another company.

- data.json: everything in one JSON document.
- One CSV file per table (comma separated, UTF-8).
- schema.json: what every field means.

Restricted data (Article 18) is included and marked restricted = true.
Not included: data we derived or received from others (credit checks, misuse signals, technical
data about your browser, payment and delivery data from payment and transport companies), your
national identity number and your password. Ask for access (Article 15) to see everything we
hold about you.

Exported {exported}. Reference {reference}.
"""


# --- the service --------------------------------------------------------------------------------


class RequestService:
    """Use cases for data-subject requests; `clock` returns naive UTC.

    Whether due dates roll off weekends and holidays is the organisation's rule, read from the
    database (`services.org_settings`), never a workstation's: see docs/rules.md#r-deadline.
    """

    def __init__(self, ctx: DeskContext, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.ctx = ctx
        self.clock = clock
        self.accounts = AccountService(ctx)

    @property
    def roll_forward(self) -> bool:
        """The organisation's roll-forward rule as the database holds it now (for display)."""
        with self.ctx.db.transaction() as s:
            return deadline_roll_forward(s)

    # -- time and guards --

    def today(self) -> date:
        """Today where the desk is: a request received late on the 31st was received on the 31st."""
        return self.clock().replace(tzinfo=UTC).astimezone().date()

    def _begin(self, s: Session, actor: Actor) -> None:
        if not actor.can(Permission.OPEN_CUSTOMER):
            raise PermissionDenied("Your role may not work on requests.", "Rollen din kan ikke behandle henvendelser.")
        self.accounts.require_active(s, actor)

    def _load(self, s: Session, request_id: int, version: int | None = None) -> DsrRequest:
        req = s.execute(select(DsrRequest).where(DsrRequest.id == request_id).with_for_update()).scalar_one_or_none()
        if req is None:
            raise NotFound(f"Request {reference(request_id)} does not exist.",
                           f"Henvendelse {reference(request_id)} finnes ikke.")
        if version is not None and req.version != version:
            raise ConcurrentChange(request_id)
        return req

    @staticmethod
    def _customer(s: Session, customer_id: int | None) -> Customer:
        customer = s.get(Customer, customer_id) if customer_id is not None else None
        if customer is None or customer.erased_at is not None:
            raise NotFound(f"Customer {customer_id} does not exist (or has been erased).",
                           f"Kunde {customer_id} finnes ikke (eller er slettet).")
        return customer

    @staticmethod
    def _require_type(req: DsrRequest, *types: RequestType) -> RequestType:
        rtype = RequestType(req.type)
        if rtype not in types:
            wanted = " or ".join(t.value for t in types)
            raise InvalidInput(
                f"Request {reference(req.id)} is of type {rtype.value}; this step is for {wanted}.",
                f"Henvendelse {reference(req.id)} er av typen {rtype.value}; dette steget gjelder {wanted}.",
            )
        return rtype

    def _flush(self, s: Session, req: DsrRequest) -> None:
        try:
            s.flush()
        except StaleDataError as exc:
            raise ConcurrentChange(req.id) from exc

    # -- history, audit, state --

    def _event(self, actor: Actor, req: DsrRequest, action: str, note: str | None = None, *,
               from_state: RequestState | None = None, to_state: RequestState | None = None) -> None:
        current = RequestState(req.state)
        req.events.append(RequestEvent(
            at=self.clock(), actor_id=actor.account_id, actor=actor.username, action=action,
            from_state=(from_state or current).value, to_state=(to_state or current).value, note=note,
        ))

    def _audit(self, s: Session, actor: Actor, req: DsrRequest, action: str, detail: str, *,
               data: str = "request") -> None:
        self.ctx.audit.append(s, actor, action=action, data=data, customer_id=req.customer_id,
                              request_id=req.id, detail=f"{reference(req.id)}; type={req.type}; {detail}")

    def _move(self, actor: Actor, req: DsrRequest, action: Action, *, reason: str | None = None,
              note: str | None = None) -> RequestState:
        before = RequestState(req.state)
        after = transition(actor.role, before, action, request_type=req.type, reason=reason,
                           approved=req.decision in _DECIDED)
        req.state = after.value
        self._event(actor, req, action.value, note if note is not None else reason, from_state=before,
                    to_state=after)
        return after

    def _ensure_started(self, actor: Actor, req: DsrRequest) -> None:
        """Fulfilment starts the work if the agent has not pressed Start; the machine still decides."""
        if req.state != RequestState.IN_PROGRESS:
            self._move(actor, req, Action.START)

    # -- letters --

    def _right_label(self, rtype: RequestType, lang: str) -> str:
        try:
            return self.ctx.policy.right(rtype.value).label.get(lang)
        except KeyError:
            return rtype.value

    def _person_fields(self, req: DsrRequest, customer: Customer | None, lang: str) -> dict[str, object]:
        rtype = RequestType(req.type)
        name = customer.full_name if customer is not None and customer.erased_at is None else ""
        return {
            "name": name or pick(_NO_NAME, lang),
            "reference": reference(req.id),
            "right": self._right_label(rtype, lang),
            "article": rtype.gdpr_article,
            "received_date": req.received_on,
            "due_date": req.due_on,
        }

    def _person_lang(self, customer: Customer | None) -> str:
        return letter_language(customer.language if customer is not None else None)

    def _letter(self, s: Session, req: DsrRequest, customer: Customer | None, kind: str,
                *, store: bool = True, lang: str | None = None, sent_on: date | None = None,
                sent_via: str | None = None, **fields: object) -> Letter:
        lang = lang or self._person_lang(customer)
        values: dict[str, Any] = self._person_fields(req, customer, lang)
        values.update(fields)
        letter = render_letter(kind, lang, policy=self.ctx.policy, **values)
        if store:
            # `letter.lang`, not `lang`: a missing template gives the letter in its fallback language.
            s.add(RequestLetter(request_id=req.id, kind=kind, lang=letter.lang, subject=letter.subject,
                                body=letter.body, created_at=self.clock(), sent_on=sent_on, sent_via=sent_via))
        return letter

    def _complete(self, s: Session, actor: Actor, req: DsrRequest, customer: Customer | None, *,
                  summary: str, outcome: dict[str, str] | None = None, sent_via: str | None = None,
                  sent_on: date | None = None) -> None:
        """Close as done and write the completion letter; `outcome` is its text per language."""
        self._move(actor, req, Action.COMPLETE, note=summary)
        req.completed_at = self.clock()
        req.completion_summary = summary
        req.completion_channel = sent_via
        req.completion_sent_on = sent_on
        lang = self._person_lang(customer)
        text = pick(outcome, lang) if outcome else summary
        self._letter(s, req, customer, "completion", outcome=text, sent_on=sent_on, sent_via=sent_via)

    # -- Art. 19 --

    def _notify_recipients(self, s: Session, req: DsrRequest, customer: Customer, kind: str,
                           details: dict[str, dict[str, list[str]]]) -> list[RecipientNotification]:
        """One notice per recipient of the affected record kinds, each listing only what it received.

        `details` maps record kind -> language -> lines describing the change for that kind.
        """
        kinds = sorted(details)
        notices: list[RecipientNotification] = []
        if not kinds:
            return notices
        for recipient in self.ctx.policy.recipients_for(record_kinds=kinds):
            theirs = [k for k in kinds if k in recipient.record_kinds]
            if not theirs:
                continue
            texts: dict[str, Letter] = {}
            for lang in ("nb", "en"):
                lines = [line for k in theirs for line in details[k][lang]]
                texts[lang] = render_letter(
                    "recipient_notification", lang, policy=self.ctx.policy, recipient_name=recipient.name.get(lang),
                    reference=reference(req.id), person_name=customer.full_name,
                    customer_number=customer.customer_number, change=_CHANGE_TEXT[kind][lang],
                    details="\n".join(f"- {line}" for line in lines),
                )
            notice = RecipientNotification(
                request_id=req.id, recipient_key=recipient.key, kind=kind, record_kinds=",".join(theirs),
                subject_nb=texts["nb"].subject, body_nb=texts["nb"].body, subject_en=texts["en"].subject,
                body_en=texts["en"].body, created_at=self.clock(),
            )
            s.add(notice)
            notices.append(notice)
        return notices

    def _record_kind_label(self, kind: str, lang: str) -> str:
        try:
            return self.ctx.policy.record_kind(kind).label.get(lang)
        except KeyError:
            return kind

    def _restriction_details(self, counts: Counter[str]) -> dict[str, dict[str, list[str]]]:
        return {
            kind: {lang: [f"{self._record_kind_label(kind, lang)}: {n}"] for lang in ("nb", "en")}
            for kind, n in sorted(counts.items())
        }

    def _recipient_names(self, notices: Sequence[RecipientNotification], lang: str) -> str:
        keys = list(dict.fromkeys(n.recipient_key for n in notices))
        return ", ".join(self.ctx.policy.recipient(k).name.get(lang) for k in keys)

    # -- records and restriction --

    def _customer_records(self, s: Session, customer_id: int) -> Iterator[tuple[str, RecordMixin]]:
        for kind, model in RECORD_MODELS.items():
            m = cast(Any, model)
            stmt: Select[Any]
            if kind == "customer":
                stmt = select(Customer).where(Customer.id == customer_id)
            elif kind == "order_line":
                stmt = select(OrderLine).join(Order, Order.id == OrderLine.order_id).where(
                    Order.customer_id == customer_id)
            else:
                stmt = select(m).where(m.customer_id == customer_id)
            for record in s.execute(stmt.order_by(m.id)).scalars():
                yield kind, record

    def _validate_purposes(self, purposes: Iterable[str] | None, *, bases: frozenset[str] | None = None,
                           what_en: str = "", what_nb: str = "") -> frozenset[str] | None:
        if purposes is None:
            return None
        wanted = frozenset(p.strip() for p in purposes if p.strip())
        if not wanted:
            return None
        known = {p.key: p for p in self.ctx.policy.purposes}
        unknown = sorted(wanted - known.keys())
        if unknown:
            raise InvalidInput(
                f"Unknown purpose: {', '.join(unknown)}. The policy's purposes: {', '.join(known)}.",
                f"Ukjent formål: {', '.join(unknown)}. Formålene i personvernerklæringen: {', '.join(known)}.",
            )
        if bases is not None:
            wrong = sorted(p for p in wanted if not any(b in known[p].legal_basis for b in bases))
            if wrong:
                raise InvalidInput(
                    f"{', '.join(wrong)}: not processed on {what_en}.",
                    f"{', '.join(wrong)}: behandles ikke på grunnlag av {what_nb}.",
                )
        return wanted

    def _restrict(self, s: Session, req: DsrRequest, customer_id: int, purposes: frozenset[str] | None,
                  reason: str) -> tuple[Counter[str], int]:
        """Restrict the person's records in scope; returns counts per kind and records kept for other purposes."""
        counts: Counter[str] = Counter()
        kept = 0
        now = self.clock()
        mine = set(s.execute(
            select(RestrictionRecord.record_kind, RestrictionRecord.record_id).where(
                RestrictionRecord.request_id == req.id, RestrictionRecord.lifted_at.is_(None))
        ).all())
        for kind, record in self._customer_records(s, customer_id):
            if kind in _NEVER_RESTRICTED:
                continue
            keys = set(record.purpose_keys())
            if purposes is not None and not (keys and keys <= purposes):
                if keys & purposes:
                    kept += 1
                continue
            record_id = cast(Any, record).id
            if (kind, record_id) in mine:
                continue
            record.restricted = True
            s.add(RestrictionRecord(request_id=req.id, record_kind=kind, record_id=record_id, reason=reason,
                                    restricted_at=now))
            counts[kind] += 1
        return counts, kept

    def _active_restrictions(self, s: Session, request_id: int) -> list[RestrictionRecord]:
        return list(s.execute(
            select(RestrictionRecord).where(RestrictionRecord.request_id == request_id,
                                            RestrictionRecord.lifted_at.is_(None)).order_by(RestrictionRecord.id)
        ).scalars())

    # -- view --

    def _staff_name(self, s: Session, account_id: int | None) -> str:
        if account_id is None:
            return ""
        account = s.get(StaffAccount, account_id)
        return account.display_name if account is not None else ""

    def _view(self, s: Session, actor: Actor, req: DsrRequest) -> RequestView:
        s.flush()
        customer = s.get(Customer, req.customer_id) if req.customer_id is not None else None
        present = customer is not None and customer.erased_at is None
        state = RequestState(req.state)
        effective = req.extended_until or req.due_on
        today = self.today()
        open_ = state in OPEN_STATES
        policy = self.ctx.policy
        notices = s.execute(select(RecipientNotification).where(RecipientNotification.request_id == req.id)
                            .order_by(RecipientNotification.id)).scalars().all()
        changes = s.execute(select(RectificationChange).where(RectificationChange.request_id == req.id)
                            .order_by(RectificationChange.id)).scalars().all()
        letters = s.execute(select(RequestLetter).where(RequestLetter.request_id == req.id)
                            .order_by(RequestLetter.id)).scalars().all()
        active = s.execute(select(func.count()).select_from(RestrictionRecord).where(
            RestrictionRecord.request_id == req.id, RestrictionRecord.lifted_at.is_(None))).scalar_one()
        return RequestView(
            id=req.id, reference=reference(req.id), type=RequestType(req.type),
            article=RequestType(req.type).gdpr_article, customer_id=req.customer_id,
            customer_number=customer.customer_number if customer is not None else "",
            customer_name=customer.full_name if present and customer is not None else "",
            customer_language=customer.language if customer is not None else "nb",
            customer_restricted=bool(customer is not None and customer.restricted),
            channel=Channel(req.channel), received_on=req.received_on, received_at=req.received_at,
            filed_at=req.filed_at, filed_by=self._staff_name(s, req.filed_by_id),
            identity_state=IdentityState(req.identity_state), state=state,
            assigned_agent_id=req.assigned_agent_id, assigned_agent=self._staff_name(s, req.assigned_agent_id),
            notes=req.notes, due_on=req.due_on, extended_until=req.extended_until, effective_due=effective,
            extension_reason=req.extension_reason, refusal_reason=req.refusal_reason, decision=req.decision,
            decision_grounds=req.decision_grounds, decided_by=self._staff_name(s, req.decided_by_id),
            decided_at=req.decided_at, marketing_channel=req.marketing_channel,
            scope_purposes=_split(req.scope_purposes), is_duplicate=req.is_duplicate,
            duplicate_of_id=req.duplicate_of_id, completed_at=req.completed_at,
            completion_summary=req.completion_summary, completion_channel=req.completion_channel,
            completion_sent_on=req.completion_sent_on, version=req.version,
            days_left=days_left(effective, today) if open_ else None,
            deadline_state=deadline_state(effective, today) if open_ else None,
            allowed_actions=allowed_actions(actor.role, state, request_type=req.type,
                                            approved=req.decision in _DECIDED),
            active_restrictions=int(active),
            history=tuple(
                EventView(at=e.at, actor=e.actor, action=e.action,
                          from_state=RequestState(e.from_state) if e.from_state else None,
                          to_state=RequestState(e.to_state), note=e.note)
                for e in req.events
            ),
            notifications=tuple(
                NotificationView(
                    id=n.id, recipient_key=n.recipient_key,
                    recipient_name=policy.recipient(n.recipient_key).name.get("nb"),
                    recipient_name_en=policy.recipient(n.recipient_key).name.get("en"), kind=n.kind,
                    record_kinds=_split(n.record_kinds), subject_nb=n.subject_nb, body_nb=n.body_nb,
                    subject_en=n.subject_en, body_en=n.body_en, created_at=n.created_at, sent_at=n.sent_at,
                )
                for n in notices
            ),
            changes=tuple(ChangeView(record_kind=c.record_kind, record_id=c.record_id, field=c.field,
                                     before_masked=c.before_masked, after_masked=c.after_masked, at=c.at)
                          for c in changes),
            letters=tuple(LetterView(id=letter.id, kind=letter.kind, lang=letter.lang, subject=letter.subject,
                                     body=letter.body, created_at=letter.created_at, sent_on=letter.sent_on,
                                     sent_via=letter.sent_via) for letter in letters),
        )

    # === filing ===================================================================================

    def file(
        self,
        actor: Actor,
        type: RequestType | str,
        customer_id: int,
        *,
        channel: Channel | str,
        received_on: date | None = None,
        notes: str = "",
        marketing_channel: str | None = None,
        purposes: Sequence[str] | None = None,
        allow_duplicate: bool = False,
        assign_to: int | None = None,
    ) -> RequestView:
        """Register a request and start its clock; a marketing objection takes effect here and now."""
        rtype = parse_request_type(type)
        ch = parse_channel(channel)
        today = self.today()
        received = received_on or today
        try:
            validate_received(received, today)
        except ReceivedInFuture as exc:
            raise InvalidInput(exc.message, exc.message_nb) from None
        channels = {c.key for c in self.ctx.policy.marketing_channels}
        if marketing_channel is not None:
            marketing_channel = marketing_channel.strip().lower()
            if rtype not in (RequestType.OBJECTION_DIRECT_MARKETING, RequestType.WITHDRAW_CONSENT):
                raise InvalidInput(
                    "A marketing channel belongs only to an objection to direct marketing or a consent withdrawal.",
                    "En markedsføringskanal hører bare til en innsigelse mot direkte markedsføring eller "
                    "tilbaketrekking av samtykke.",
                )
            if marketing_channel not in channels | {"all"}:
                raise InvalidInput(
                    f"Unknown marketing channel '{marketing_channel}': use {', '.join(sorted(channels))} or all.",
                    f"Ukjent markedsføringskanal '{marketing_channel}': bruk {', '.join(sorted(channels))} eller all.",
                )
        scope = self._validate_purposes(purposes)
        now = self.clock()
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            customer = self._customer(s, customer_id)
            existing = s.execute(
                select(DsrRequest.id).where(
                    DsrRequest.customer_id == customer.id, DsrRequest.type == rtype.value,
                    DsrRequest.state.in_([st.value for st in OPEN_STATES]),
                ).order_by(DsrRequest.id).limit(1)
            ).scalar_one_or_none()
            if existing is not None and not allow_duplicate:
                raise DuplicateRequest(existing, rtype)
            assignee = assign_to if assign_to is not None else actor.account_id
            if assign_to is not None:
                self._active_staff(s, assign_to)
            due = response_due(received, roll_forward=deadline_roll_forward(s))
            req = DsrRequest(
                type=rtype.value, customer_id=customer.id, channel=ch.value, received_on=received,
                received_at=now if received == today else None, filed_at=now,
                identity_state=(IdentityState.NOT_REQUIRED if rtype in IDENTITY_NOT_NEEDED
                                else IdentityState.UNVERIFIED).value,
                state=RequestState.RECEIVED.value, assigned_agent_id=assignee, filed_by_id=actor.account_id,
                notes=notes.strip(), due_on=due, marketing_channel=marketing_channel,
                scope_purposes=",".join(sorted(scope or ())), is_duplicate=existing is not None,
                duplicate_of_id=existing,
            )
            s.add(req)
            s.flush()
            self._event(actor, req, "file", f"channel={ch.value}; received={received.isoformat()}"
                        + (f"; duplicate of {reference(existing)}" if existing is not None else ""),
                        from_state=None, to_state=RequestState.RECEIVED)
            self._audit(s, actor, req, "request_file",
                        f"channel={ch.value}; received={received.isoformat()}; due={due.isoformat()}"
                        + (f"; duplicate_of={existing}" if existing is not None else ""))
            if rtype is RequestType.OBJECTION_DIRECT_MARKETING:
                self._apply_marketing_objection(s, actor, req, customer, None)
            return self._view(s, actor, req)

    def acknowledgement(self, actor: Actor, request_id: int, lang: str | None = None) -> Letter:
        """The receipt the person gets: reference, right and the date they will have an answer by."""
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id)
            customer = s.get(Customer, req.customer_id) if req.customer_id is not None else None
            letter = self._letter(s, req, customer, "acknowledgement", store=False, lang=lang)
            self._audit(s, actor, req, "request_letter", "letter=acknowledgement")
            return letter

    # === the queue ================================================================================

    def _agent_id(self, s: Session, agent: str | int | None) -> int | None:
        if agent is None:
            return None
        if isinstance(agent, int):
            return agent
        found = s.execute(select(StaffAccount.id).where(StaffAccount.username == agent.strip())).scalar_one_or_none()
        if found is None:
            raise NotFound(f"No user called {agent}.", f"Ingen bruker som heter {agent}.")
        return found

    def _active_staff(self, s: Session, account_id: int) -> StaffAccount:
        account = s.get(StaffAccount, account_id)
        if account is None or account.disabled:
            raise InvalidInput(f"Staff account {account_id} does not exist or is disabled.",
                               f"Ansattkonto {account_id} finnes ikke eller er deaktivert.")
        return account

    def queue(
        self,
        actor: Actor,
        *,
        types: Iterable[RequestType | str] | None = None,
        states: Iterable[RequestState | str] | None = None,
        agent: str | int | None = None,
        mine: bool = False,
        overdue_only: bool = False,
        today: date | None = None,
        limit: int = 5000,
    ) -> list[QueueRow]:
        """Open requests (or the given states), soonest deadline first; one access-log entry per load."""
        today = today or self.today()
        state_values = [RequestState(x).value for x in states] if states is not None else [
            x.value for x in RequestState if x in OPEN_STATES]
        if overdue_only:
            state_values = [x for x in state_values if RequestState(x) in OPEN_STATES]
        type_values = [parse_request_type(t).value for t in types] if types is not None else None
        agent_alias = aliased(StaffAccount)
        effective = func.coalesce(DsrRequest.extended_until, DsrRequest.due_on)
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            stmt = (
                select(DsrRequest, Customer.customer_number, Customer.first_name, Customer.last_name,
                       Customer.erased_at, agent_alias.display_name)
                .outerjoin(Customer, Customer.id == DsrRequest.customer_id)
                .outerjoin(agent_alias, agent_alias.id == DsrRequest.assigned_agent_id)
                .where(DsrRequest.state.in_(state_values))
            )
            if type_values is not None:
                stmt = stmt.where(DsrRequest.type.in_(type_values))
            agent_id = actor.account_id if mine else self._agent_id(s, agent)
            if mine or agent is not None:
                stmt = stmt.where(DsrRequest.assigned_agent_id == agent_id)
            if overdue_only:
                stmt = stmt.where(effective < today)
            rows = s.execute(stmt.order_by(effective, DsrRequest.id).limit(max(1, limit))).all()
            result = []
            for req, number, first, last, erased_at, agent_name in rows:
                state = RequestState(req.state)
                due = req.extended_until or req.due_on
                open_ = state in OPEN_STATES
                result.append(QueueRow(
                    request_id=req.id, reference=reference(req.id), type=RequestType(req.type), state=state,
                    customer_id=req.customer_id, customer_number=number or "",
                    customer_name=f"{first} {last}".strip() if first is not None and erased_at is None else "",
                    channel=Channel(req.channel), received_on=req.received_on, due_on=due,
                    extended=req.extended_until is not None,
                    days_left=days_left(due, today) if open_ else None,
                    deadline_state=deadline_state(due, today) if open_ else None,
                    assigned_agent_id=req.assigned_agent_id, assigned_agent=agent_name or "",
                    identity_state=IdentityState(req.identity_state), is_duplicate=req.is_duplicate,
                ))
            filters = [f"states={'+'.join(state_values)}"]
            if type_values is not None:
                filters.append(f"types={'+'.join(type_values)}")
            if agent_id is not None and (mine or agent is not None):
                filters.append(f"agent_id={agent_id}")
            if overdue_only:
                filters.append("overdue")
            self.ctx.audit.append(s, actor, action="queue", data="request_queue",
                                  detail=f"{'; '.join(filters)}; rows={len(result)}")
            return result

    def counts(
        self,
        actor: Actor,
        *,
        types: Iterable[RequestType | str] | None = None,
        agent: str | int | None = None,
        mine: bool = False,
        today: date | None = None,
    ) -> QueueCounts:
        """Per state (all requests) and per type (open ones), with overdue and due-soon totals."""
        today = today or self.today()
        type_values = [parse_request_type(t).value for t in types] if types is not None else None
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            stmt = select(DsrRequest.type, DsrRequest.state, DsrRequest.due_on, DsrRequest.extended_until,
                          DsrRequest.assigned_agent_id)
            if type_values is not None:
                stmt = stmt.where(DsrRequest.type.in_(type_values))
            agent_id = actor.account_id if mine else self._agent_id(s, agent)
            if mine or agent is not None:
                stmt = stmt.where(DsrRequest.assigned_agent_id == agent_id)
            by_state: Counter[RequestState] = Counter()
            by_type: Counter[RequestType] = Counter()
            overdue = soon = mine_open = 0
            for rtype, state_value, due_on, extended, assigned in s.execute(stmt):
                state = RequestState(state_value)
                by_state[state] += 1
                if state not in OPEN_STATES:
                    continue
                by_type[RequestType(rtype)] += 1
                ds = deadline_state(extended or due_on, today)
                overdue += ds is DeadlineState.OVERDUE
                soon += ds is DeadlineState.DUE_SOON
                mine_open += assigned is not None and assigned == actor.account_id
            return QueueCounts(
                by_state={st: by_state.get(st, 0) for st in RequestState},
                open_by_type={t: by_type.get(t, 0) for t in RequestType},
                open_total=sum(by_type.values()), overdue=overdue, due_soon=soon, mine_open=mine_open,
            )

    def get(self, actor: Actor, request_id: int) -> RequestView:
        """Open a request with its history: a look at the person's data, logged as such."""
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id)
            self._audit(s, actor, req, "open", f"state={req.state}")
            return self._view(s, actor, req)

    # === moving through the machine ===============================================================

    def transition(self, actor: Actor, request_id: int, action: Action | str, *, reason: str | None = None,
                   version: int | None = None) -> RequestView:
        """Any action by name; the ones with their own rules go through their own method."""
        act = Action(action)
        if act is Action.VERIFY_IDENTITY:
            return self.verify_identity(actor, request_id, note=reason or "", version=version)
        if act is Action.REFUSE:
            return self.refuse(actor, request_id, reason or "", version=version)
        if act is Action.WITHDRAW:
            return self.withdraw(actor, request_id, note=reason or "", version=version)
        if act is Action.EXTEND:
            return self.extend(actor, request_id, reason or "", version=version).request
        if act is Action.COMPLETE:
            return self.complete(actor, request_id, reason or "", version=version)
        if act is Action.SUBMIT_FOR_APPROVAL:
            with self.ctx.db.transaction() as s:
                self._begin(s, actor)
                rtype = RequestType(self._load(s, request_id, version).type)
            if rtype is RequestType.ERASURE:
                # An erasure waits for approval with its plan: making the plan is what submits it.
                from desktop.services.erasure import ErasureService

                ErasureService(self.ctx, clock=self.clock).make_plan(actor, request_id)
                return self.get(actor, request_id)
        if act in (Action.APPROVE, Action.REJECT):
            with self.ctx.db.transaction() as s:
                self._begin(s, actor)
                rtype = RequestType(self._load(s, request_id, version).type)
            if rtype is RequestType.OBJECTION_LEGITIMATE_INTEREST:
                return self.decide_objection(actor, request_id, act is Action.APPROVE, reason or "",
                                             version=version)
            if rtype is RequestType.ERASURE:
                # Approval binds to the exact stored plan and needs the password again (four eyes);
                # a bare "approve" carries neither: ErasureService.approve / reject does.
                raise TransitionRefused(
                    "An erasure is approved or rejected against its stored plan, with your password: use the "
                    "erasure approval (gdpr-desk request approve|reject).",
                    "En sletting godkjennes eller avvises mot den lagrede sletteplanen, med passordet ditt: bruk "
                    "godkjenningen av sletteplanen (gdpr-desk request approve|reject).",
                    code="erasure_plan",
                )
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id, version)
            before = req.state
            self._move(actor, req, act, reason=reason)
            self._flush(s, req)
            self._audit(s, actor, req, f"request_{act.value}", f"{before}->{req.state}")
            return self._view(s, actor, req)

    def verify_identity(self, actor: Actor, request_id: int, *, verification_id: int | None = None,
                        note: str = "", version: int | None = None) -> RequestView:
        """Record that the requester is the person: a passed identity check, or how it was established."""
        note = note.strip()
        if verification_id is None and not note:
            raise InvalidInput(
                "Say how the identity was verified, or choose a passed identity check.",
                "Skriv hvordan identiteten ble bekreftet, eller velg en godkjent identitetskontroll.",
            )
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id, version)
            if verification_id is not None:
                check = s.get(IdentityVerification, verification_id)
                if check is None or check.customer_id != req.customer_id or check.outcome != "verified":
                    raise InvalidInput(
                        f"Identity check {verification_id} is not a passed check of this customer.",
                        f"Identitetskontroll {verification_id} er ikke en godkjent kontroll av denne kunden.",
                    )
                if check.expires_at is not None and check.expires_at < self.clock():
                    raise InvalidInput(
                        f"Identity check {verification_id} has expired; verify the person again.",
                        f"Identitetskontroll {verification_id} er utløpt; bekreft identiteten på nytt.",
                    )
                req.identity_verification_id = verification_id
                note = f"identity check {verification_id} ({check.method})" + (f": {note}" if note else "")
            self._move(actor, req, Action.VERIFY_IDENTITY, note=note)
            req.identity_state = IdentityState.VERIFIED.value
            self._flush(s, req)
            self._audit(s, actor, req, "request_verify_identity",
                        f"verification_id={verification_id}" if verification_id is not None else "manual")
            return self._view(s, actor, req)

    def assign(self, actor: Actor, request_id: int, agent: str | int | None, *,
               version: int | None = None) -> RequestView:
        """Give the request to a colleague (or to nobody, None), so "mine" stays true."""
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id, version)
            if req.state not in {x.value for x in OPEN_STATES}:
                raise InvalidInput("A closed request cannot be reassigned.", "En avsluttet henvendelse kan ikke "
                                   "tildeles på nytt.")
            agent_id = self._agent_id(s, agent)
            if agent_id is not None:
                self._active_staff(s, agent_id)
            req.assigned_agent_id = agent_id
            self._event(actor, req, "assign", f"agent_id={agent_id}")
            self._flush(s, req)
            self._audit(s, actor, req, "request_assign", f"agent_id={agent_id}")
            return self._view(s, actor, req)

    def extend(self, actor: Actor, request_id: int, reason: str, *, version: int | None = None) -> ExtensionResult:
        """Extend by two months (Art. 12(3)), only within the first month; returns the person's notice."""
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id, version)
            if req.extended_until is not None:
                raise TransitionRefused(
                    f"The request was already extended to {req.extended_until.isoformat()}; "
                    "the law allows one extension of at most two months.",
                    f"Henvendelsen er allerede forlenget til {format_date(req.extended_until, 'nb')}; "
                    "loven tillater én forlengelse på høyst to måneder.",
                    code="already_extended",
                )
            self._move(actor, req, Action.EXTEND, reason=reason)
            try:
                new_due = check_extension(req.received_on, self.today(), reason,
                                          roll_forward=deadline_roll_forward(s))
            except ExtensionRefused as exc:
                raise TransitionRefused(exc.message, exc.message_nb, code=exc.code) from None
            req.extended_until = new_due
            req.extension_reason = reason.strip()
            req.extended_at = self.clock()
            customer = s.get(Customer, req.customer_id) if req.customer_id is not None else None
            notice = self._letter(s, req, customer, "extension", extended_date=new_due,
                                  extension_reason=reason.strip())
            self._flush(s, req)
            self._audit(s, actor, req, "request_extend", f"extended_until={new_due.isoformat()}")
            return ExtensionResult(request=self._view(s, actor, req), notice=notice)

    def refuse(self, actor: Actor, request_id: int, reason: str, *, version: int | None = None) -> RequestView:
        """Deny the request with a written reason; the letter names the right to complain to Datatilsynet."""
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id, version)
            before = req.refusal_reason
            req.refusal_reason = reason.strip()  # first: the database refuses a refusal without its reason
            try:
                self._move(actor, req, Action.REFUSE, reason=reason)
            except TransitionRefused:
                req.refusal_reason = before
                raise
            req.completed_at = self.clock()
            customer = s.get(Customer, req.customer_id) if req.customer_id is not None else None
            self._letter(s, req, customer, "refusal", refusal_reason=reason.strip())
            self._flush(s, req)
            self._audit(s, actor, req, "request_refuse", "refused with reason")
            return self._view(s, actor, req)

    def withdraw(self, actor: Actor, request_id: int, *, note: str = "", version: int | None = None) -> RequestView:
        """The person no longer wants the request answered."""
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id, version)
            self._move(actor, req, Action.WITHDRAW, note=note.strip() or None)
            req.completed_at = self.clock()
            self._flush(s, req)
            self._audit(s, actor, req, "request_withdraw", "withdrawn by the person")
            return self._view(s, actor, req)

    def complete(self, actor: Actor, request_id: int, summary: str, *, sent_via: Channel | str | None = None,
                 sent_on: date | None = None, version: int | None = None) -> RequestView:
        """Close a request whose answer has gone out: what was sent, how and when."""
        return self._complete_request(actor, request_id, summary, sent_via=sent_via, sent_on=sent_on,
                                      version=version, expect=None)

    def complete_access(self, actor: Actor, request_id: int, summary: str, *,
                        sent_via: Channel | str | None = None, sent_on: date | None = None,
                        version: int | None = None) -> RequestView:
        """Record that the register copy went out (the copy itself is produced elsewhere)."""
        return self._complete_request(actor, request_id, summary, sent_via=sent_via, sent_on=sent_on,
                                      version=version, expect=RequestType.ACCESS)

    def _complete_request(self, actor: Actor, request_id: int, summary: str, *, sent_via: Channel | str | None,
                          sent_on: date | None, version: int | None, expect: RequestType | None) -> RequestView:
        summary = summary.strip()
        if not summary:
            raise InvalidInput("Write what was sent to the person.", "Skriv hva som ble sendt til personen.")
        via = parse_channel(sent_via).value if sent_via is not None else None
        sent = sent_on or self.today()
        if sent > self.today():
            raise InvalidInput("The answer cannot have been sent in the future.",
                               "Svaret kan ikke være sendt i fremtiden.")
        if expect is None:
            with self.ctx.db.transaction() as s:
                self._begin(s, actor)
                is_erasure = self._load(s, request_id, version).type == RequestType.ERASURE.value
            if is_erasure:
                # Completing an erasure is carrying out its approved plan, in one transaction.
                from desktop.services.erasure import ErasureService

                ErasureService(self.ctx, clock=self.clock).execute(actor, request_id)
                return self.get(actor, request_id)
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id, version)
            rtype = self._require_type(req, expect) if expect is not None else RequestType(req.type)
            needed = _FULFILMENT_EVENT.get(rtype)
            if needed is not None and not any(e.action == needed for e in req.events):
                raise TransitionRefused(
                    f"Carry out the request first ({needed}); then it can be completed.",
                    f"Gjennomfør henvendelsen først ({needed}); deretter kan den fullføres.",
                    code="not_fulfilled",
                )
            self._ensure_started(actor, req)
            customer = s.get(Customer, req.customer_id) if req.customer_id is not None else None
            self._complete(s, actor, req, customer, summary=summary, sent_via=via or req.channel, sent_on=sent)
            self._flush(s, req)
            self._audit(s, actor, req, "request_complete", f"sent_via={via or req.channel}; sent_on={sent}")
            return self._view(s, actor, req)

    def mark_letter_sent(self, actor: Actor, letter_id: int, *, sent_on: date | None = None,
                         sent_via: Channel | str | None = None) -> RequestView:
        """Record that a letter to the person has gone out."""
        sent = sent_on or self.today()
        if sent > self.today():
            raise InvalidInput("A letter cannot have been sent in the future.", "Et brev kan ikke være sendt i "
                               "fremtiden.")
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            letter = s.get(RequestLetter, letter_id)
            if letter is None:
                raise NotFound(f"Letter {letter_id} does not exist.", f"Brev {letter_id} finnes ikke.")
            req = self._load(s, letter.request_id)
            letter.sent_on = sent
            letter.sent_via = parse_channel(sent_via).value if sent_via is not None else req.channel
            self._event(actor, req, "letter_sent", f"{letter.kind} on {sent.isoformat()} via {letter.sent_via}")
            self._audit(s, actor, req, "request_letter_sent", f"letter={letter.id}; kind={letter.kind}")
            return self._view(s, actor, req)

    # === fulfilment: rectification (Art. 16, 19) ==================================================

    def rectify(self, actor: Actor, request_id: int, changes: dict[str, str], *, address_id: int | None = None,
                complete: bool = True, version: int | None = None) -> RequestView:
        """Correct name, e-mail, phone or address; before/after kept masked; recipients notified."""
        unknown = sorted(set(changes) - RECTIFIABLE_FIELDS.keys())
        if unknown:
            raise InvalidInput(
                f"Cannot rectify {', '.join(unknown)}: the fields are {', '.join(RECTIFIABLE_FIELDS)}.",
                f"Kan ikke rette {', '.join(unknown)}: feltene er {', '.join(RECTIFIABLE_FIELDS)}.",
            )
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id, version)
            self._require_type(req, RequestType.RECTIFICATION)
            customer = self._customer(s, req.customer_id)
            self._ensure_started(actor, req)
            address = self._address_for(s, customer, address_id, changes)
            if address is None and any(RECTIFIABLE_FIELDS[f] == "address" for f in changes):
                raise NotFound("The customer has no address to rectify.", "Kunden har ingen adresse å rette.")
            applied: list[tuple[str, int, str, str, str, str]] = []  # kind, id, field, before, after, new clear
            for field, raw in changes.items():
                new = self._clean_value(field, raw, customer.country)
                kind = RECTIFIABLE_FIELDS[field]
                target: Any = customer if kind == "customer" else address
                old = getattr(target, field)
                if field == "email" and normalize_email(old or "") == new:
                    continue
                if old == new:
                    continue
                setattr(target, field, new)
                if field == "email":
                    customer.email_norm = new
                if field == "phone":
                    customer.phone_e164 = normalize_phone(new, customer.country)
                if target.id is None:
                    s.flush()
                applied.append((kind, target.id, field, _mask_field(field, old, customer.country),
                                _mask_field(field, new, customer.country), new))
            if not applied:
                raise InvalidInput("Nothing to change: the new values equal the stored ones.",
                                   "Ingenting å endre: de nye verdiene er like de lagrede.")
            if any(f in ("first_name", "last_name") for _, _, f, *_ in applied):
                reindex_customer(s, customer)
            now = self.clock()
            for kind, record_id, field, before, after, _ in applied:
                s.add(RectificationChange(request_id=req.id, record_kind=kind, record_id=record_id, field=field,
                                          before_masked=before, after_masked=after, at=now,
                                          actor_id=actor.account_id))
            details: dict[str, dict[str, list[str]]] = {}
            for kind, _, field, _, _, new in applied:
                for lang in ("nb", "en"):
                    details.setdefault(kind, {"nb": [], "en": []})[lang].append(
                        f"{_FIELD_LABELS[lang][field]}: {new}")
            notices = self._notify_recipients(s, req, customer, "rectification", details)
            fields = ", ".join(f for _, _, f, *_ in applied)
            masked = "; ".join(f"{f}: {b} -> {a}" for _, _, f, b, a, _ in applied)
            self._event(actor, req, "rectify", f"{fields}; {len(notices)} recipient notices")
            if complete:
                labels = {lang: ", ".join(_FIELD_LABELS[lang][f].lower() for _, _, f, *_ in applied)
                          for lang in ("nb", "en", "sv")}
                outcome = {
                    "nb": f"Vi har rettet disse opplysningene: {labels['nb']}. Mottakere som har fått "
                          f"opplysningene, er varslet: {self._recipient_names(notices, 'nb')}.",
                    "en": f"We have rectified: {labels['en']}. Recipients who received the data have been "
                          f"notified: {self._recipient_names(notices, 'en')}.",
                    "sv": f"Vi har rättat följande uppgifter: {labels['sv']}. Mottagare som har fått uppgifterna "
                          f"har underrättats: {self._recipient_names(notices, 'sv')}.",
                }
                self._complete(s, actor, req, customer, summary=outcome["nb"], outcome=outcome)
            self._flush(s, req)
            self._audit(s, actor, req, "request_rectify", masked, data="customer_contact")
            return self._view(s, actor, req)

    def _address_for(self, s: Session, customer: Customer, address_id: int | None,
                     changes: dict[str, str]) -> Address | None:
        wants = {f for f in changes if RECTIFIABLE_FIELDS.get(f) == "address"}
        if address_id is not None:
            address = s.get(Address, address_id)
            if address is None or address.customer_id != customer.id:
                raise NotFound(f"Address {address_id} is not one of this customer's.",
                               f"Adresse {address_id} tilhører ikke denne kunden.")
            return address
        existing = s.execute(select(Address).where(Address.customer_id == customer.id)
                             .order_by((Address.kind != "home"), Address.id).limit(1)).scalar_one_or_none()
        if existing is not None or not wants:
            return existing
        if wants != {"street", "postcode", "city"}:
            raise InvalidInput(
                "The customer has no address yet: give street, postcode and city to add one.",
                "Kunden har ingen adresse ennå: oppgi gate, postnummer og poststed for å legge den til.",
            )
        # Completing incomplete data is rectification too (Art. 16, second sentence).
        address = Address(customer_id=customer.id, kind="home", street="", postcode="", city="",
                          country=customer.country, purposes=purposes_for(self.ctx.policy, "address"),
                          source="data_subject", collected_at=self.clock())
        s.add(address)
        return address

    @staticmethod
    def _clean_value(field: str, raw: str, country: str) -> str:
        value = " ".join(str(raw).split())
        if not value:
            raise InvalidInput(f"The new value for {field} is empty.", f"Den nye verdien for {field} er tom.")
        limits = {"first_name": 100, "last_name": 100, "street": 200, "postcode": 10, "city": 100}
        if field == "email":
            email = normalize_email(value)
            if email is None:
                raise InvalidInput(f"'{value}' is not an e-mail address.", f"'{value}' er ikke en e-postadresse.")
            return email
        if field == "phone":
            if normalize_phone(value, country) is None:
                raise InvalidInput(f"'{value}' is not a valid phone number.", f"'{value}' er ikke et gyldig "
                                   "telefonnummer.")
            return value
        if len(value) > limits[field]:
            raise InvalidInput(f"{field} is longer than {limits[field]} characters.",
                               f"{field} er lenger enn {limits[field]} tegn.")
        return value

    # === fulfilment: restriction (Art. 18, 19) =====================================================

    def restrict(self, actor: Actor, request_id: int, purposes: Sequence[str] | None = None, *,
                 version: int | None = None) -> RequestView:
        """Flag the person's records restricted (all, or those serving only the named purposes)."""
        scope = self._validate_purposes(purposes)
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id, version)
            self._require_type(req, RequestType.RESTRICTION)
            customer = self._customer(s, req.customer_id)
            self._ensure_started(actor, req)
            if scope is None:
                scope = self._validate_purposes(_split(req.scope_purposes))
            counts, kept = self._restrict(s, req, customer.id, scope, "restriction")
            if not counts:
                raise InvalidInput(
                    "No record of this customer serves only these purposes; nothing was restricted.",
                    "Ingen opplysninger om kunden brukes bare til disse formålene; ingenting ble begrenset.",
                )
            if scope is not None:
                req.scope_purposes = ",".join(sorted(scope))
            notices = self._notify_recipients(s, req, customer, "restriction", self._restriction_details(counts))
            total = sum(counts.values())
            what = ", ".join(f"{k}={n}" for k, n in sorted(counts.items()))
            self._event(actor, req, "restrict", f"{total} records ({what}); {kept} kept for other purposes; "
                        f"purposes={req.scope_purposes or 'all'}")
            outcome = {
                "nb": f"Vi har begrenset behandlingen av opplysningene dine ({total} registreringer). De blir bare "
                      "lagret og brukes ikke til noe annet uten ditt samtykke eller for rettslige krav. Vi gir deg "
                      f"beskjed før begrensningen oppheves. Disse mottakerne er varslet: "
                      f"{self._recipient_names(notices, 'nb')}.",
                "en": f"We have restricted the processing of your data ({total} records). It is only stored and "
                      "not used for anything else without your consent or for legal claims. We will tell you before "
                      f"the restriction is lifted. These recipients have been notified: "
                      f"{self._recipient_names(notices, 'en')}.",
                "sv": f"Vi har begränsat behandlingen av dina uppgifter ({total} poster). De lagras bara och används "
                      "inte till något annat utan ditt samtycke eller för rättsliga anspråk. Vi meddelar dig innan "
                      "begränsningen hävs. Följande mottagare har underrättats: "
                      f"{self._recipient_names(notices, 'sv')}.",
            }
            self._complete(s, actor, req, customer, summary=outcome["nb"], outcome=outcome)
            self._flush(s, req)
            self._audit(s, actor, req, "request_restrict", f"records={total}; {what}; kept={kept}")
            return self._view(s, actor, req)

    def record_lift_notice(self, actor: Actor, request_id: int, *, reason: str, lift_on: date,
                           sent_on: date | None = None, sent_via: Channel | str | None = None,
                           version: int | None = None) -> Letter:
        """Tell the person before a restriction is lifted (Art. 18(3)); returns the notice to send."""
        reason = reason.strip()
        if not reason:
            raise InvalidInput("Write why the restriction is to be lifted; the person is told.",
                               "Skriv hvorfor begrensningen skal oppheves; personen får beskjed.")
        sent = sent_on or self.today()
        if sent > self.today():
            raise InvalidInput("The notice cannot have been sent in the future.",
                               "Varselet kan ikke være sendt i fremtiden.")
        if lift_on < sent:
            raise InvalidInput("The lift date must come after the notice.",
                               "Datoen for opphevelse må komme etter varselet.")
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id, version)
            self._require_type(req, RequestType.RESTRICTION)
            if not self._active_restrictions(s, req.id):
                raise InvalidInput("Nothing is restricted under this request.",
                                   "Ingenting er begrenset under denne henvendelsen.")
            customer = s.get(Customer, req.customer_id) if req.customer_id is not None else None
            via = parse_channel(sent_via).value if sent_via is not None else req.channel
            letter = self._letter(s, req, customer, "restriction_lift_notice", lift_date=lift_on, reason=reason,
                                  sent_on=sent, sent_via=via)
            self._event(actor, req, "lift_notice", f"sent {sent.isoformat()} via {via}; lift on "
                        f"{lift_on.isoformat()}; {reason}")
            self._flush(s, req)
            self._audit(s, actor, req, "request_lift_notice", f"sent_on={sent.isoformat()}; via={via}")
            return letter

    def lift_restriction(self, actor: Actor, request_id: int, notice_sent_on: date, *,
                         version: int | None = None) -> RequestView:
        """Lift a restriction, refused unless the person's notice (sent on `notice_sent_on`) is recorded."""
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id, version)
            self._require_type(req, RequestType.RESTRICTION)
            rows = self._active_restrictions(s, req.id)
            if not rows:
                raise InvalidInput("Nothing is restricted under this request.",
                                   "Ingenting er begrenset under denne henvendelsen.")
            notice = s.execute(select(RequestLetter).where(
                RequestLetter.request_id == req.id, RequestLetter.kind == "restriction_lift_notice",
                RequestLetter.sent_on == notice_sent_on)).scalars().first()
            if notice is None:
                raise InvalidInput(
                    f"No notice to the person sent on {notice_sent_on.isoformat()} is recorded. Tell the person "
                    "before the restriction is lifted (GDPR Art. 18(3)): record the notice first.",
                    f"Det er ikke registrert noe varsel til personen sendt {format_date(notice_sent_on, 'nb')}. "
                    "Personen skal ha beskjed før begrensningen oppheves (artikkel 18 nr. 3): registrer "
                    "varselet først.",
                )
            today, now = self.today(), self.clock()
            for row in rows:
                row.lifted_at = now
            s.flush()
            freed: Counter[str] = Counter()
            for row in rows:
                still = s.execute(select(RestrictionRecord.id).where(
                    RestrictionRecord.record_kind == row.record_kind, RestrictionRecord.record_id == row.record_id,
                    RestrictionRecord.lifted_at.is_(None)).limit(1)).first()
                record = s.get(RECORD_MODELS[row.record_kind], row.record_id)
                if still is not None or record is None:
                    continue
                if record.legal_hold_until is not None and record.legal_hold_until >= today:
                    continue
                record.restricted = False
                freed[row.record_kind] += 1
            customer = self._customer(s, req.customer_id)
            lifted = Counter(row.record_kind for row in rows)
            notices = self._notify_recipients(s, req, customer, "restriction_lifted",
                                              self._restriction_details(lifted))
            self._event(actor, req, "lift_restriction",
                        f"notice sent {notice_sent_on.isoformat()}; {sum(freed.values())} of {len(rows)} records "
                        f"freed; {len(notices)} recipient notices")
            self._flush(s, req)
            self._audit(s, actor, req, "request_lift_restriction",
                        f"lifted={len(rows)}; freed={sum(freed.values())}; notice={notice_sent_on.isoformat()}")
            return self._view(s, actor, req)

    # === fulfilment: objections (Art. 21) ========================================================

    def _marketing_channels(self, value: str | Sequence[str] | None) -> list[str]:
        known = [c.key for c in self.ctx.policy.marketing_channels]
        if value is None or value == "all":
            return known
        wanted = [value] if isinstance(value, str) else list(value)
        if "all" in wanted:
            return known
        unknown = sorted(set(wanted) - set(known))
        if unknown:
            raise InvalidInput(f"Unknown marketing channel: {', '.join(unknown)}; use {', '.join(known)} or all.",
                               f"Ukjent markedsføringskanal: {', '.join(unknown)}; bruk {', '.join(known)} eller all.")
        return [c for c in known if c in wanted]

    def _contact_value(self, s: Session, customer: Customer, channel: str) -> str | None:
        """The address a channel reaches, in the one form its suppression hash is made from."""
        if channel == "email":
            return customer.email_norm
        if channel == "sms":
            return customer.phone_e164
        if channel == "post":
            home = s.execute(select(Address).where(Address.customer_id == customer.id)
                             .order_by((Address.kind != "home"), Address.id).limit(1)).scalar_one_or_none()
            if home is None:
                return None
            return postal_contact_value(home.street, home.postcode)
        return None

    def _apply_marketing_objection(self, s: Session, actor: Actor, req: DsrRequest, customer: Customer,
                                   channels: str | Sequence[str] | None) -> None:
        chosen = self._marketing_channels(channels if channels is not None else req.marketing_channel)
        now = self.clock()
        self._ensure_started(actor, req)
        for channel in chosen:
            consent = s.execute(select(MarketingConsent).where(
                MarketingConsent.customer_id == customer.id, MarketingConsent.channel == channel)).scalar_one_or_none()
            if consent is None:
                s.add(MarketingConsent(customer_id=customer.id, channel=channel, granted=False, changed_at=now,
                                       how="objection", purposes=purposes_for(self.ctx.policy, "marketing_consent"),
                                       collected_at=now, source="data_subject"))
            elif consent.granted:
                consent.granted = False
                consent.changed_at = now
                consent.how = "objection"
            value = self._contact_value(s, customer, channel)
            suppressed = s.execute(select(MarketingSuppression.id).where(
                MarketingSuppression.customer_id == customer.id, MarketingSuppression.channel == channel)).first()
            if suppressed is None:
                s.add(MarketingSuppression(
                    customer_id=customer.id, channel=channel,
                    contact_hash=contact_hash(self.ctx.keys, channel, value) if value else None,
                    suppressed_at=now, request_id=req.id,
                    purposes=purposes_for(self.ctx.policy, "marketing_suppression"), collected_at=now,
                    source="data_subject",
                ))
        req.marketing_channel = "all" if len(chosen) == len(self.ctx.policy.marketing_channels) else ",".join(chosen)
        self._event(actor, req, "object_marketing", f"channels={','.join(chosen)}")
        names_nb = ", ".join(_CHANNEL_NB.get(c, c) for c in chosen)
        names_en = ", ".join(_CHANNEL_EN.get(c, c) for c in chosen)
        names_sv = ", ".join(_CHANNEL_SV.get(c, c) for c in chosen)
        outcome = {
            "nb": f"Vi har stanset direkte markedsføring til deg på {names_nb}, med virkning fra i dag. Vi beholder "
                  "bare en sperre slik at du ikke blir kontaktet igjen. Ordre- og leveringsbekreftelser er ikke "
                  "markedsføring og kommer fortsatt.",
            "en": f"We have stopped direct marketing to you by {names_en}, from today. We keep only a block so that "
                  "you are not contacted again. Order and delivery confirmations are not marketing and will still "
                  "be sent.",
            "sv": f"Vi har slutat med direktmarknadsföring till dig via {names_sv} från och med i dag. Vi sparar bara "
                  "en spärr så att du inte kontaktas igen. Order- och leveransbekräftelser är inte marknadsföring "
                  "och skickas som vanligt.",
        }
        self._complete(s, actor, req, customer, summary=outcome["nb"], outcome=outcome)
        self._audit(s, actor, req, "request_object_marketing", f"channels={','.join(chosen)}", data="marketing_consent")

    def object_to_marketing(self, actor: Actor, request_id: int, channels: str | Sequence[str] | None = None, *,
                            version: int | None = None) -> RequestView:
        """Stop direct marketing per channel at once (Art. 21(2)-(3)); `file` already does this on filing."""
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id, version)
            self._require_type(req, RequestType.OBJECTION_DIRECT_MARKETING)
            customer = self._customer(s, req.customer_id)
            self._apply_marketing_objection(s, actor, req, customer, channels)
            self._flush(s, req)
            return self._view(s, actor, req)

    def decide_objection(self, actor: Actor, request_id: int, upheld: bool, grounds: str, *,
                         purposes: Sequence[str] | None = None, version: int | None = None) -> RequestView:
        """A supervisor's Art. 21(1) decision: upheld stops the processing, not upheld records compelling grounds."""
        grounds = grounds.strip()
        if not grounds:
            raise InvalidInput(
                "Write the grounds for the decision; they are recorded and given to the person.",
                "Skriv begrunnelsen for avgjørelsen; den registreres og gis til personen.",
            )
        li_bases = frozenset({"legitimate_interest"})
        scope = self._validate_purposes(purposes, bases=li_bases, what_en="legitimate interest",
                                        what_nb="berettiget interesse")
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id, version)
            self._require_type(req, RequestType.OBJECTION_LEGITIMATE_INTEREST)
            customer = self._customer(s, req.customer_id)
            if req.state == RequestState.IN_PROGRESS:
                self._move(actor, req, Action.SUBMIT_FOR_APPROVAL, note="decided directly by a supervisor")
            self._move(actor, req, Action.APPROVE if upheld else Action.REJECT, reason=grounds)
            req.decision = "upheld" if upheld else "not_upheld"
            req.decision_grounds = grounds
            req.decided_by_id = actor.account_id
            req.decided_at = self.clock()
            self._event(actor, req, "decide", f"{req.decision}: {grounds}")
            if upheld:
                if scope is None:
                    scope = self._validate_purposes(_split(req.scope_purposes), bases=li_bases,
                                                    what_en="legitimate interest", what_nb="berettiget interesse")
                if scope is None:
                    scope = frozenset(p.key for p in self.ctx.policy.purposes if p.legal_basis == "legitimate_interest")
                req.scope_purposes = ",".join(sorted(scope))
                counts, kept = self._restrict(s, req, customer.id, scope, "objection_upheld")
                notices = self._notify_recipients(s, req, customer, "objection_upheld",
                                                  self._restriction_details(counts))
                titles = {lang: ", ".join(self.ctx.policy.purpose(p).title.get(lang) for p in sorted(scope))
                          for lang in ("nb", "en", "sv")}
                outcome = {
                    "nb": f"Vi har tatt innsigelsen din til følge og stanset behandlingen for: {titles['nb']}. "
                          f"Begrunnelse: {grounds}",
                    "en": f"We have upheld your objection and stopped the processing for: {titles['en']}. "
                          f"Reasons: {grounds}",
                    "sv": f"Vi har bifallit din invändning och stoppat behandlingen för: {titles['sv']}. "
                          f"Skäl: {grounds}",
                }
                detail = f"upheld; restricted={sum(counts.values())}; kept={kept}; notices={len(notices)}"
            else:
                outcome = {
                    "nb": "Vi har vurdert innsigelsen din, men har tvingende berettigede grunner for behandlingen "
                          f"som veier tyngre enn dine interesser: {grounds}",
                    "en": "We have considered your objection, but we have compelling legitimate grounds for the "
                          f"processing that override your interests: {grounds}",
                    "sv": "Vi har prövat din invändning, men vi har tvingande berättigade skäl för behandlingen "
                          f"som väger tyngre än dina intressen: {grounds}",
                }
                detail = "not_upheld; compelling grounds recorded"
            self._complete(s, actor, req, customer, summary=outcome["nb"], outcome=outcome)
            self._flush(s, req)
            self._audit(s, actor, req, "request_decide_objection", detail)
            return self._view(s, actor, req)

    # === fulfilment: consent withdrawal (Art. 7(3)) ===============================================

    def withdraw_consent(self, actor: Actor, request_id: int, *, purposes: Sequence[str] | None = None,
                         marketing_channels: str | Sequence[str] | None = None,
                         version: int | None = None) -> RequestView:
        """Stop consent-based processing: records of those purposes restricted, marketing consents withdrawn.

        Without `purposes` every consent-based purpose of the policy is withdrawn; without
        `marketing_channels`, the channel filed with the request, or all of them.
        """
        consent = frozenset({"consent"})
        scope = self._validate_purposes(purposes, bases=consent, what_en="consent", what_nb="samtykke")
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id, version)
            self._require_type(req, RequestType.WITHDRAW_CONSENT)
            customer = self._customer(s, req.customer_id)
            self._ensure_started(actor, req)
            if scope is None:
                scope = self._validate_purposes(_split(req.scope_purposes), bases=consent, what_en="consent",
                                                what_nb="samtykke")
            if scope is None:
                scope = frozenset(p.key for p in self.ctx.policy.purposes if p.legal_basis == "consent")
            req.scope_purposes = ",".join(sorted(scope))
            counts, kept = self._restrict(s, req, customer.id, scope, "consent_withdrawn")
            channels = self._marketing_channels(marketing_channels if marketing_channels is not None
                                                else req.marketing_channel)
            now = self.clock()
            withdrawn_channels = []
            for row in s.execute(select(MarketingConsent).where(MarketingConsent.customer_id == customer.id,
                                                                MarketingConsent.channel.in_(channels))).scalars():
                if row.granted:
                    row.granted = False
                    row.changed_at = now
                    row.how = "consent_withdrawn"
                    withdrawn_channels.append(row.channel)
            total = sum(counts.values())
            titles = {lang: ", ".join(self.ctx.policy.purpose(p).title.get(lang) for p in sorted(scope))
                      for lang in ("nb", "en", "sv")}
            ch_nb = ", ".join(_CHANNEL_NB.get(c, c) for c in channels)
            ch_en = ", ".join(_CHANNEL_EN.get(c, c) for c in channels)
            ch_sv = ", ".join(_CHANNEL_SV.get(c, c) for c in channels)
            outcome = {
                "nb": f"Samtykket ditt er trukket tilbake for: {titles['nb']}, og for markedsføring på {ch_nb}. "
                      f"Behandlingen som bygde på samtykket, er stanset: {total} registreringer brukes ikke lenger "
                      "og lagres bare til de slettes (du kan be om sletting, artikkel 17 nr. 1 bokstav b). "
                      "Behandlingen før tilbaketrekkingen var lovlig (artikkel 7 nr. 3).",
                "en": f"Your consent has been withdrawn for: {titles['en']}, and for marketing by {ch_en}. "
                      f"Processing that rested on the consent has stopped: {total} records are no longer used "
                      "and are only stored until they are erased (you may ask for erasure, Article 17(1)(b)). "
                      "Processing before the withdrawal remains lawful (Article 7(3)).",
                "sv": f"Ditt samtycke har återkallats för: {titles['sv']}, och för marknadsföring via {ch_sv}. "
                      f"Behandlingen som byggde på samtycket har upphört: {total} poster används inte längre "
                      "och lagras bara tills de raderas (du kan begära radering, artikel 17.1 b). "
                      "Behandlingen före återkallelsen var laglig (artikel 7.3).",
            }
            self._event(actor, req, "withdraw_consent",
                        f"purposes={req.scope_purposes}; restricted={total}; kept={kept}; "
                        f"marketing withdrawn={','.join(withdrawn_channels) or 'none'}")
            self._complete(s, actor, req, customer, summary=outcome["nb"], outcome=outcome)
            self._flush(s, req)
            self._audit(s, actor, req, "request_withdraw_consent",
                        f"purposes={req.scope_purposes}; restricted={total}; channels={','.join(channels)}")
            return self._view(s, actor, req)

    # === fulfilment: portability (Art. 20) ========================================================

    def _portable(self, record: RecordMixin) -> bool:
        if record.source != "data_subject":
            return False
        for key in record.purpose_keys():
            try:
                if self.ctx.policy.purpose(key).legal_basis in _PORTABLE_BASES:
                    return True
            except KeyError:
                continue
        return False

    def export_portability(self, actor: Actor, request_id: int, *, version: int | None = None) -> bytes:
        """A zip of what the person gave on consent or contract: data.json, one CSV per table, schema, README."""
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            req = self._load(s, request_id, version)
            self._require_type(req, RequestType.PORTABILITY)
            customer = self._customer(s, req.customer_id)
            self._ensure_started(actor, req)
            records: dict[str, list[RecordMixin]] = {t.record_kind: [] for t in PORTABILITY_TABLES}
            for kind, record in self._customer_records(s, customer.id):
                if kind in records and self._portable(record):
                    records[kind].append(record)
            now = self.clock()
            data = self._portability_zip(req, customer, records, now)
            digest = hashlib.sha256(data).hexdigest()
            counts = ", ".join(f"{t.name}={len(records[t.record_kind])}" for t in PORTABILITY_TABLES)
            self._event(actor, req, "export", f"{counts}; sha256={digest}")
            self._flush(s, req)
            self._audit(s, actor, req, "request_export_portability", f"{counts}; sha256={digest[:16]}",
                        data="portability_export")
            return data

    def _portability_zip(self, req: DsrRequest, customer: Customer, records: dict[str, list[RecordMixin]],
                         now: datetime) -> bytes:
        def json_value(field: _Field, record: Any) -> object:
            value = field.get(record)
            if isinstance(value, datetime):
                return _fmt_dt(value)
            if isinstance(value, date):
                return value.isoformat()
            return value

        def csv_value(value: object) -> str:
            if value is None:
                return ""
            if isinstance(value, bool):
                return "true" if value else "false"
            if isinstance(value, dict | list):
                return json.dumps(value, ensure_ascii=False, sort_keys=True)
            return str(value)

        tables: dict[str, list[dict[str, object]]] = {}
        for table in PORTABILITY_TABLES:
            rows = []
            for record in records[table.record_kind]:
                row = {f.name: json_value(f, record) for f in table.fields}
                row["restricted"] = bool(record.restricted)
                rows.append(row)
            tables[table.name] = rows
        company = self.ctx.policy.company
        document = {
            "format": PORTABILITY_FORMAT,
            "version": PORTABILITY_VERSION,
            "exported_at": _fmt_dt(now),
            "reference": reference(req.id),
            "controller": {"name": company.name, "organisation_number": company.organisation_number,
                           "email": company.email},
            "data_subject": {"customer_number": customer.customer_number},
            "tables": tables,
        }
        buffer = io.BytesIO()
        stamp = now.timetuple()[:6]

        def add(name: str, text: str) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, text.encode("utf-8"))

        with zipfile.ZipFile(buffer, "w") as archive:
            add("README.txt", _README.format(company=company.name, exported=_fmt_dt(now), reference=reference(req.id)))
            add("schema.json", json.dumps(portability_schema(), ensure_ascii=False, indent=2) + "\n")
            add("data.json", json.dumps(document, ensure_ascii=False, indent=2) + "\n")
            for table in PORTABILITY_TABLES:
                out = io.StringIO()
                writer = csv.writer(out, lineterminator="\r\n")
                names = [f.name for f in table.fields] + ["restricted"]
                writer.writerow(names)
                for row in tables[table.name]:
                    writer.writerow([csv_value(row[n]) for n in names])
                add(f"{table.name}.csv", out.getvalue())
        return buffer.getvalue()

    # === recipients (Art. 19) =====================================================================

    def recipients_for_request(self, request_id: int) -> list[RecipientView]:
        """Who was told about this request's changes, by name: what the person may ask to know.

        Reads only the notices and the policy, no personal data, so it needs no actor and no log.
        """
        with self.ctx.db.transaction() as s:
            notices = s.execute(select(RecipientNotification).where(RecipientNotification.request_id == request_id)
                                .order_by(RecipientNotification.id)).scalars().all()
            seen: dict[str, RecipientView] = {}
            for n in notices:
                prior = seen.get(n.recipient_key)
                recipient = self.ctx.policy.recipient(n.recipient_key)
                seen[n.recipient_key] = RecipientView(
                    key=recipient.key, name=recipient.name.get("nb"), name_en=recipient.name.get("en"),
                    kind=recipient.kind, named=recipient.named,
                    notified_at=prior.notified_at if prior else n.created_at,
                    sent=(prior.sent if prior else True) and n.sent_at is not None,
                )
            return list(seen.values())

    def mark_notification_sent(self, actor: Actor, notification_id: int, *,
                               sent_at: datetime | None = None) -> RequestView:
        """Record that an Art. 19 notice went to its recipient."""
        with self.ctx.db.transaction() as s:
            self._begin(s, actor)
            notice = s.get(RecipientNotification, notification_id)
            if notice is None:
                raise NotFound(f"Notice {notification_id} does not exist.", f"Varsel {notification_id} finnes ikke.")
            req = self._load(s, notice.request_id)
            notice.sent_at = sent_at or self.clock()
            notice.sent_by_id = actor.account_id
            self._event(actor, req, "notice_sent", f"recipient={notice.recipient_key}")
            self._audit(s, actor, req, "request_notice_sent", f"notice={notice.id}; recipient={notice.recipient_key}")
            return self._view(s, actor, req)

    # === marketing checks =========================================================================

    def is_marketable(self, customer_id: int, channel: str) -> bool:
        """May this person get direct marketing on `channel`? Consent, no objection, nothing restricted.

        Answers yes/no only and shows no data, so it writes no access-log entry: mailing-list jobs
        call it per person. Any export to a third party must likewise leave restricted records out.
        """
        if channel not in {c.key for c in self.ctx.policy.marketing_channels}:
            raise InvalidInput(f"Unknown marketing channel '{channel}'.", f"Ukjent markedsføringskanal '{channel}'.")
        with self.ctx.db.transaction() as s:
            customer = s.get(Customer, customer_id)
            if customer is None or customer.erased_at is not None or customer.restricted:
                return False
            consent = s.execute(select(MarketingConsent).where(
                MarketingConsent.customer_id == customer_id, MarketingConsent.channel == channel)).scalar_one_or_none()
            if consent is None or not consent.granted or consent.restricted:
                return False
            value = self._contact_value(s, customer, channel)
            hashes = [contact_hash(self.ctx.keys, channel, value)] if value else []
            suppression = select(MarketingSuppression.id).where(MarketingSuppression.channel == channel)
            by_person = suppression.where(MarketingSuppression.customer_id == customer_id)
            if s.execute(by_person.limit(1)).first() is not None:
                return False
            by_address = suppression.where(MarketingSuppression.contact_hash.in_(hashes)).limit(1)
            return not (hashes and s.execute(by_address).first() is not None)
