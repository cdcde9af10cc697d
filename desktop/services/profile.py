"""A customer's data grouped by the policy's purposes, shown only as far as the task needs.

Opening a profile is always allowed and shows what finds the person (name, masked contact,
masked identity number), the verification state of the contact, and the policy's purposes with a
count of records in each. The records themselves need to know (docs/rules.md#r-access-log): the
contact must be verified, or a reason recorded for it; otherwise `NeedToKnow` is raised, and the
refusal is logged too. Each group opened, and each further page of it, writes its own access-log
entry in the transaction that reads it.

Which purposes a record serves is the record's own `purposes` column (set from the policy when it
was written), so another shop's policy file needs no code change. The profile header uses one
GROUP BY per table and never loads rows, so a customer with tens of thousands of records opens as
fast as one with three; groups fetch their tables a page at a time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    CompoundSelect,
    Integer,
    Select,
    bindparam,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import InstrumentedAttribute, Session

from desktop.audit.log import utcnow
from desktop.domain.contact import format_phone, mask_email, mask_phone
from desktop.domain.kept_until import KeptUntil
from desktop.domain.national_id import InvalidNationalId, format_full, parse_national_id
from desktop.domain.retention import retention_due
from desktop.domain.roles import Actor, Permission
from desktop.errors import AuthenticationFailed, InvalidInput, NotFound, PermissionDenied
from desktop.models import (
    RECORD_MODELS,
    CaseMessage,
    CompetitionEntry,
    Contact,
    ContactMessage,
    Customer,
    Favourite,
    JobApplication,
    Membership,
    Order,
    OrderLine,
    RecordMixin,
    ServiceCase,
    WarrantyCase,
)
from desktop.policy import Purpose
from desktop.security.crypto import decrypt
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.verification import VerificationState, contact_state, load_contact

__all__ = [
    "LANGS",
    "PAGE_SIZE",
    "REVEAL_SECONDS",
    "Column",
    "NeedToKnow",
    "ProfileHeader",
    "ProfileService",
    "PurposeGroup",
    "PurposeSummary",
    "RecordRow",
    "RecordTable",
    "RevealedId",
    "kept_until_of",
    "lang_index",
]

PAGE_SIZE = 50
MAX_PAGE = 500
#: Pages of a group reuse its kept-until answer for this long (seconds).
_KEPT_REUSE_SECONDS = 120
#: The UI hides a revealed identity number again after this many seconds.
REVEAL_SECONDS = 30

#: The languages the profile writes, in the order of every label tuple below (the product's first
#: language first). A label is a tuple rather than a field per language, so a label missing one
#: is a type error, and a fourth language is one more entry in each tuple.
LANGS: tuple[str, str, str] = ("nb", "en", "sv")
Labels = tuple[str, str, str]


def lang_index(lang: str) -> int:
    """Where `lang` sits in a label tuple: Norwegian (nb, no, nn) reads Bokmål, Swedish Swedish,
    anything else English."""
    code = lang.lower()
    if code.startswith(("nb", "no", "nn")):
        return 0
    return 2 if code.startswith("sv") else 1


class NeedToKnow(PermissionDenied):
    """The contact is neither verified nor covered by a recorded reason, so the records stay hidden."""

    def __init__(self) -> None:
        super().__init__(
            "Verify the caller's identity, or record why you need to see more, before opening the "
            "customer's data.",
            "Bekreft innringerens identitet, eller skriv hvorfor du trenger å se mer, før du åpner "
            "kundens opplysninger.",
        )


# --- results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PurposeSummary:
    """One purpose as the policy states it, with how many of the customer's records serve it."""

    key: str
    number: int
    title: str
    legal_basis: str
    legal_basis_article: str
    retention: str
    recipients: tuple[str, ...]
    record_count: int


@dataclass(frozen=True)
class ProfileHeader:
    """What an agent may always see: enough to know who this is, never the records."""

    customer_id: int
    customer_number: str
    name: str
    masked_email: str
    masked_phone: str
    masked_national_id: str
    language: str
    restricted: bool
    #: None when the profile was opened outside a contact (nothing more can be shown then).
    verification: VerificationState | None
    purposes: tuple[PurposeSummary, ...]

    @property
    def may_see_more(self) -> bool:
        return self.verification is not None and self.verification.may_see_more

    @property
    def total_records(self) -> int:
        return sum(p.record_count for p in self.purposes)


@dataclass(frozen=True)
class Column:
    key: str
    labels: Labels

    def label(self, lang: str = "nb") -> str:
        return self.labels[lang_index(lang)]


#: "from django-oscar" beside a record's source, per language.
_FROM = {"nb": "fra", "en": "from", "sv": "från"}


@dataclass(frozen=True)
class RecordRow:
    """One stored record: display values in column order plus what the policy asks of it."""

    record_kind: str
    record_id: int
    values: tuple[str, ...]
    collected_at: datetime
    source_key: str
    source: str
    #: How long the desk really keeps the record and why (`domain.kept_until`: the copy says the same).
    retention: str
    #: The last day it is kept; None while the event that starts the period is ahead.
    retention_due: date | None
    restricted: bool
    legal_hold_until: date | None
    #: The answer behind `retention` (None when the caller gave no `kept` map).
    kept: KeptUntil | None = None
    #: The shop system the record is mirrored from and when it was last synced ("django-oscar,
    #: 07.12.2026 14:02"); empty for records the desk made itself.
    origin: str = ""


@dataclass(frozen=True)
class RecordTable:
    """The first page of one record kind in a purpose; `fetch_rows` pages on lazily."""

    record_kind: str
    title: str
    columns: tuple[Column, ...]
    total: int
    rows: tuple[RecordRow, ...]

    @property
    def has_more(self) -> bool:
        return len(self.rows) < self.total


@dataclass(frozen=True)
class PurposeGroup:
    key: str
    number: int
    title: str
    purpose: str
    processing: tuple[str, ...]
    categories: tuple[str, ...]
    legal_basis: str
    legal_basis_text: str
    legal_basis_article: str
    retention: str
    recipients: tuple[str, ...]
    sources: tuple[str, ...]
    tables: tuple[RecordTable, ...] = field(default=())

    @property
    def record_count(self) -> int:
        return sum(t.total for t in self.tables)


@dataclass(frozen=True)
class RevealedId:
    customer_id: int
    formatted: str
    country: str
    revealed_at: datetime
    hide_after_seconds: int = REVEAL_SECONDS


# --- display formatting --------------------------------------------------------------------------

#: Stored codes in words, one per language in LANGS order.
_VALUES: dict[str, Labels] = {
    "open": ("åpen", "open", "öppen"), "completed": ("fullført", "completed", "genomförd"),
    "cancelled": ("kansellert", "cancelled", "avbruten"), "returned": ("returnert", "returned", "returnerad"),
    "closed": ("avsluttet", "closed", "avslutad"), "web": ("nett", "web", "webb"),
    "store": ("butikk", "store", "butik"), "phone": ("telefon", "phone", "telefon"),
    "email": ("e-post", "e-mail", "e-post"), "chat": ("chat", "chat", "chatt"),
    "social": ("sosiale medier", "social media", "sociala medier"),
    "contact_form": ("kontaktskjema", "contact form", "kontaktformulär"), "sms": ("SMS", "SMS", "sms"),
    "post": ("post", "post", "post"), "in": ("inn", "in", "in"), "out": ("ut", "out", "ut"),
    "home": ("bosted", "home", "bostad"), "delivery": ("levering", "delivery", "leverans"),
    "billing": ("faktura", "billing", "faktura"), "complaint": ("reklamasjon", "complaint", "reklamation"),
    "warranty": ("garanti", "warranty", "garanti"), "competition": ("konkurranse", "competition", "tävling"),
    "event": ("event", "event", "evenemang"), "approved": ("godkjent", "approved", "godkänd"),
    "declined": ("avslått", "declined", "avslagen"), "manual": ("manuell", "manual", "manuell"),
    "low": ("lav", "low", "låg"), "medium": ("middels", "medium", "medel"), "high": ("høy", "high", "hög"),
    "card": ("kort", "card", "kort"), "invoice": ("faktura", "invoice", "faktura"),
    "instalment": ("delbetaling", "instalment", "delbetalning"), "received": ("mottatt", "received", "mottagen"),
    "interview": ("intervju", "interview", "intervju"), "rejected": ("avslått", "rejected", "avslagen"),
    "hired": ("ansatt", "hired", "anställd"),
}


#: Per language in LANGS order: the currency written "kr" (the reader's own krone; any other is
#: named by its code, so a Swede never reads Norwegian kroner as Swedish) and the words for yes/no.
_KRONE: tuple[str | None, str | None, str | None] = ("NOK", None, "SEK")
_YES_NO: tuple[tuple[str, str], tuple[str, str], tuple[str, str]] = (("ja", "nei"), ("yes", "no"), ("ja", "nej"))


class _Fmt:
    """Turns stored values into text in the UI language; naive UTC times become local times.

    Everything that depends on the language is settled here once: a register copy formats tens of
    thousands of values, so the methods only read attributes.
    """

    def __init__(self, lang: str, tz: tzinfo | None) -> None:
        i = lang_index(lang)
        self.index = i
        #: Day first (31.03.2029) in Bokmål; ISO in English and Swedish, where it is the everyday form.
        self.nb = i == 0
        #: 5 990,00 kr (decimal comma, no-break space between thousands) in Bokmål and Swedish.
        self.comma = i != 1
        self.krone = _KRONE[i]
        self.yes_text, self.no_text = _YES_NO[i]
        self.tz = tz

    def dt(self, value: datetime | None) -> str:
        if value is None:
            return ""
        local = value.replace(tzinfo=UTC).astimezone(self.tz)
        if local.year < 1000:  # strftime's own (platform's) way with short years
            return local.strftime("%d.%m.%Y %H:%M" if self.nb else "%Y-%m-%d %H:%M")
        # What strftime writes, without its cost: a register copy formats tens of thousands of times.
        if self.nb:
            return f"{local.day:02d}.{local.month:02d}.{local.year} {local.hour:02d}:{local.minute:02d}"
        return f"{local.year}-{local.month:02d}-{local.day:02d} {local.hour:02d}:{local.minute:02d}"

    def d(self, value: date | datetime | None) -> str:
        if value is None:
            return ""
        if isinstance(value, datetime):
            value = value.replace(tzinfo=UTC).astimezone(self.tz).date()
        return value.strftime("%d.%m.%Y" if self.nb else "%Y-%m-%d")

    def money(self, minor: int | None, currency: str = "NOK") -> str:
        if minor is None:
            return ""
        sign = "-" if minor < 0 else ""
        whole, cents = divmod(abs(minor), 100)
        if self.comma:
            grouped = f"{whole:,}".replace(",", "\u00a0")
            return f"{sign}{grouped},{cents:02d} {'kr' if currency == self.krone else currency}"
        return f"{currency} {sign}{whole:,}.{cents:02d}"

    def code(self, value: str | None) -> str:
        if not value:
            return ""
        words = _VALUES.get(value)
        return value if words is None else words[self.index]

    def yes(self, value: bool | None) -> str:
        if value is None:
            return ""
        return self.yes_text if value else self.no_text

    @staticmethod
    def text(value: object) -> str:
        return "" if value is None else str(value)


# --- record kinds: columns, joins, anchors -------------------------------------------------------

Render = Callable[[Any, Mapping[str, Any], _Fmt], str]
#: An anchor function's answer for a row that has no event of its own (a credit check without an
#: order): the customer-level date applies. None, by contrast, means the row's event is pending.
_NO_OWN: Any = object()


@dataclass(frozen=True)
class _Col:
    key: str
    labels: Labels
    render: Render


@dataclass(frozen=True)
class _Spec:
    """How one record kind is listed: its columns, what it joins for them, and its own anchors."""

    model: type[RecordMixin]
    order_attr: str
    columns: tuple[_Col, ...]
    join: str | None = None  # "order" | "case" | "membership"
    #: retention anchor -> the row's own date for it (None: event pending, _NO_OWN: none of its
    #: own); kinds without an entry for an anchor use the customer-level date for that anchor.
    anchors: Mapping[str, Callable[[Any, Mapping[str, Any]], Any]] = field(default_factory=dict)


def _c(key: str, nb: str, en: str, sv: str, render: Render) -> _Col:
    return _Col(key, (nb, en, sv), render)


def _order_anchor(completed: datetime | None, status: str | None, ordered: datetime | None) -> datetime | None:
    # A cancelled or returned order never completes; its purchase ended when it was placed.
    if completed is None and status in ("cancelled", "returned"):
        return ordered
    return completed


def _via_order(_: Any, x: Mapping[str, Any]) -> Any:
    if x.get("order_number") is None:
        return _NO_OWN
    return _order_anchor(x.get("order_completed"), x.get("order_status"), x.get("order_ordered"))


def _full_name(row: Any) -> str:
    """`Customer.full_name`, the model's own rule, read from a plain row of the customer's columns."""
    name: property = Customer.__dict__["full_name"]
    return str(name.__get__(row))


_ORDER_NO = _c("order_number", "Ordrenummer", "Order number", "Ordernummer",
               lambda r, x, f: f.text(x.get("order_number")))

SPECS: dict[str, _Spec] = {
    "customer": _Spec(Customer, "created_at", (
        _c("customer_number", "Kundenummer", "Customer number", "Kundnummer", lambda r, x, f: r.customer_number),
        _c("name", "Navn", "Name", "Namn", lambda r, x, f: _full_name(r)),
        _c("email", "E-post", "E-mail", "E-post", lambda r, x, f: f.text(r.email)),
        _c("phone", "Telefon", "Phone", "Telefon", lambda r, x, f: format_phone(r.phone_e164) if r.phone_e164
           else f.text(r.phone)),
        _c("national_id", "Fødselsnummer", "Identity number", "Personnummer", lambda r, x, f: f.text(r.nid_masked)),
        _c("birth_date", "Fødselsdato", "Date of birth", "Födelsedatum", lambda r, x, f: f.d(r.birth_date)),
        _c("language", "Språk", "Language", "Språk", lambda r, x, f: r.language),
        _c("country", "Land", "Country", "Land", lambda r, x, f: r.country),
    )),
    "address": _Spec(RECORD_MODELS["address"], "id", (
        _c("kind", "Type", "Kind", "Typ", lambda r, x, f: f.code(r.kind)),
        _c("street", "Gateadresse", "Street", "Gatuadress", lambda r, x, f: r.street),
        _c("postcode", "Postnummer", "Postcode", "Postnummer", lambda r, x, f: r.postcode),
        _c("city", "Poststed", "City", "Postort", lambda r, x, f: r.city),
        _c("country", "Land", "Country", "Land", lambda r, x, f: r.country),
        _c("verified_at", "Bekreftet", "Verified", "Bekräftad", lambda r, x, f: f.d(r.verified_at)),
    )),
    "order": _Spec(Order, "ordered_at", (
        _c("order_number", "Ordrenummer", "Order number", "Ordernummer", lambda r, x, f: r.order_number),
        _c("ordered_at", "Bestilt", "Ordered", "Beställd", lambda r, x, f: f.dt(r.ordered_at)),
        _c("completed_at", "Fullført", "Completed", "Genomförd", lambda r, x, f: f.dt(r.completed_at)),
        _c("status", "Status", "Status", "Status", lambda r, x, f: f.code(r.status)),
        _c("channel", "Kanal", "Channel", "Kanal", lambda r, x, f: f.code(r.channel)),
        _c("store", "Butikk", "Store", "Butik", lambda r, x, f: f.text(r.store)),
        _c("total", "Beløp", "Amount", "Belopp", lambda r, x, f: f.money(r.total_minor, r.currency)),
    ), anchors={
        "purchase_completed": lambda r, x: _order_anchor(r.completed_at, r.status, r.ordered_at),
    }),
    "order_line": _Spec(OrderLine, "id", (
        _ORDER_NO,
        _c("sku", "Varenummer", "SKU", "Artikelnummer", lambda r, x, f: r.sku),
        _c("product", "Produkt", "Product", "Produkt", lambda r, x, f: r.product_name),
        _c("quantity", "Antall", "Quantity", "Antal", lambda r, x, f: str(r.quantity)),
        _c("unit_price", "Stykkpris", "Unit price", "Styckpris", lambda r, x, f: f.money(r.unit_price_minor,
                                                                            x.get("order_currency") or "NOK")),
    ), join="order", anchors={"purchase_completed": _via_order}),
    "delivery": _Spec(RECORD_MODELS["delivery"], "id", (
        _ORDER_NO,
        _c("carrier", "Transportør", "Carrier", "Transportör", lambda r, x, f: r.carrier),
        _c("tracking", "Sporingsnummer", "Tracking number", "Spårningsnummer",
           lambda r, x, f: f.text(r.tracking_number)),
        _c("recipient", "Mottaker", "Recipient", "Mottagare", lambda r, x, f: r.recipient_name),
        _c("address", "Adresse", "Address", "Adress", lambda r, x, f: f"{r.street}, {r.postcode} {r.city}"),
        _c("shipped_at", "Sendt", "Shipped", "Skickad", lambda r, x, f: f.dt(r.shipped_at)),
        _c("delivered_at", "Levert", "Delivered", "Levererad", lambda r, x, f: f.dt(r.delivered_at)),
    ), join="order", anchors={"purchase_completed": _via_order}),
    "payment": _Spec(RECORD_MODELS["payment"], "id", (
        _ORDER_NO,
        _c("method", "Betalingsmåte", "Method", "Betalsätt", lambda r, x, f: f.code(r.method)),
        _c("provider", "Leverandør", "Provider", "Leverantör", lambda r, x, f: r.provider),
        _c("amount", "Beløp", "Amount", "Belopp", lambda r, x, f: f.money(r.amount_minor, r.currency)),
        _c("paid_at", "Betalt", "Paid", "Betald", lambda r, x, f: f.dt(r.paid_at)),
        _c("card", "Kort", "Card", "Kort", lambda r, x, f: f"•••• {r.card_last4}" if r.card_last4 else ""),
        _c("reference", "Referanse", "Reference", "Referens", lambda r, x, f: f.text(r.reference)),
    ), join="order", anchors={"purchase_completed": _via_order}),
    "credit_check": _Spec(RECORD_MODELS["credit_check"], "checked_at", (
        _ORDER_NO,
        _c("provider", "Leverandør", "Provider", "Leverantör", lambda r, x, f: r.provider),
        _c("bureau", "Kredittopplysningsbyrå", "Credit bureau", "Kreditupplysningsföretag",
           lambda r, x, f: f.text(r.bureau)),
        _c("checked_at", "Vurdert", "Checked", "Bedömd", lambda r, x, f: f.dt(r.checked_at)),
        _c("outcome", "Resultat", "Outcome", "Resultat", lambda r, x, f: f.code(r.outcome)),
        _c("requested_method", "Ønsket betalingsmåte", "Requested method", "Önskat betalsätt",
           lambda r, x, f: f.code(r.requested_method)),
        _c("explanation", "Forklaring", "Explanation", "Förklaring", lambda r, x, f: f.text(r.explanation)),
    ), join="order", anchors={"purchase_completed": _via_order}),
    "warranty_case": _Spec(WarrantyCase, "opened_at", (
        _ORDER_NO,
        _c("kind", "Type", "Kind", "Typ", lambda r, x, f: f.code(r.kind)),
        _c("product", "Produkt", "Product", "Produkt", lambda r, x, f: r.product_name),
        _c("description", "Beskrivelse", "Description", "Beskrivning", lambda r, x, f: r.description),
        _c("opened_at", "Åpnet", "Opened", "Öppnad", lambda r, x, f: f.dt(r.opened_at)),
        _c("closed_at", "Avsluttet", "Closed", "Avslutad", lambda r, x, f: f.dt(r.closed_at)),
        _c("status", "Status", "Status", "Status", lambda r, x, f: f.code(r.status)),
        _c("resolution", "Løsning", "Resolution", "Lösning", lambda r, x, f: f.text(r.resolution)),
    ), join="order", anchors={"purchase_completed": _via_order, "case_closed": lambda r, x: r.closed_at}),
    "service_case": _Spec(ServiceCase, "opened_at", (
        _c("case_number", "Saksnummer", "Case number", "Ärendenummer", lambda r, x, f: r.case_number),
        _c("channel", "Kanal", "Channel", "Kanal", lambda r, x, f: f.code(r.channel)),
        _c("subject", "Emne", "Subject", "Ämne", lambda r, x, f: r.subject),
        _c("notes", "Notater", "Notes", "Anteckningar", lambda r, x, f: f.text(r.notes)),
        _c("opened_at", "Åpnet", "Opened", "Öppnad", lambda r, x, f: f.dt(r.opened_at)),
        _c("closed_at", "Avsluttet", "Closed", "Avslutad", lambda r, x, f: f.dt(r.closed_at)),
        _c("status", "Status", "Status", "Status", lambda r, x, f: f.code(r.status)),
    ), anchors={"case_closed": lambda r, x: r.closed_at}),
    "case_message": _Spec(CaseMessage, "sent_at", (
        _c("case_number", "Saksnummer", "Case number", "Ärendenummer", lambda r, x, f: f.text(x.get("case_number"))),
        _c("direction", "Retning", "Direction", "Riktning", lambda r, x, f: f.code(r.direction)),
        _c("sent_at", "Sendt", "Sent", "Skickat", lambda r, x, f: f.dt(r.sent_at)),
        _c("author", "Avsender", "Author", "Avsändare", lambda r, x, f: r.author),
        _c("body", "Melding", "Message", "Meddelande", lambda r, x, f: r.body),
    ), join="case", anchors={"case_closed": lambda r, x: x.get("case_closed")}),
    "competition_entry": _Spec(CompetitionEntry, "entered_at", (
        _c("competition", "Konkurranse eller event", "Competition or event", "Tävling eller evenemang",
           lambda r, x, f: r.competition),
        _c("kind", "Type", "Kind", "Typ", lambda r, x, f: f.code(r.kind)),
        _c("entered_at", "Påmeldt", "Entered", "Anmäld", lambda r, x, f: f.dt(r.entered_at)),
        _c("ends_at", "Slutter", "Ends", "Slutar", lambda r, x, f: f.dt(r.ends_at)),
        _c("submission", "Bidrag", "Submission", "Bidrag", lambda r, x, f: f.text(r.submission)),
        _c("evaluation", "Evaluering", "Evaluation", "Utvärdering", lambda r, x, f: f.text(r.evaluation)),
        _c("ip_address", "IP-adresse", "IP address", "IP-adress", lambda r, x, f: f.text(r.ip_address)),
        _c("winner", "Vinner", "Winner", "Vinnare", lambda r, x, f: f.yes(r.winner)),
    ), anchors={"event_ended": lambda r, x: r.ends_at}),
    "fraud_signal": _Spec(RECORD_MODELS["fraud_signal"], "detected_at", (
        _c("detected_at", "Oppdaget", "Detected", "Upptäckt", lambda r, x, f: f.dt(r.detected_at)),
        _c("kind", "Type", "Kind", "Typ", lambda r, x, f: r.kind),
        _c("description", "Beskrivelse", "Description", "Beskrivning", lambda r, x, f: r.description),
        _c("severity", "Alvorlighet", "Severity", "Allvarlighet", lambda r, x, f: f.code(r.severity)),
        _ORDER_NO,
    ), join="order", anchors={"purchase_completed": _via_order}),
    "it_environment": _Spec(RECORD_MODELS["it_environment"], "seen_at", (
        _c("seen_at", "Registrert", "Seen", "Registrerad", lambda r, x, f: f.dt(r.seen_at)),
        _c("ip_address", "IP-adresse", "IP address", "IP-adress", lambda r, x, f: r.ip_address),
        _c("user_agent", "Nettleser", "Browser", "Webbläsare", lambda r, x, f: r.user_agent),
        _c("browser_language", "Språk", "Language", "Språk", lambda r, x, f: f.text(r.browser_language)),
        _c("timezone", "Tidssone", "Time zone", "Tidszon", lambda r, x, f: f.text(r.timezone)),
        _c("operating_system", "Operativsystem", "Operating system", "Operativsystem",
           lambda r, x, f: f.text(r.operating_system)),
        _c("screen", "Skjerm", "Screen", "Skärm", lambda r, x, f: f.text(r.screen)),
        _c("platform", "Plattform", "Platform", "Plattform", lambda r, x, f: f.text(r.platform)),
    )),
    # The Mine Sider password hash is never shown, not even to a verified caller's agent.
    "membership": _Spec(Membership, "joined_at", (
        _c("username", "Brukernavn", "Username", "Användarnamn", lambda r, x, f: r.username),
        _c("joined_at", "Medlem fra", "Joined", "Medlem sedan", lambda r, x, f: f.dt(r.joined_at)),
        _c("ended_at", "Avsluttet", "Ended", "Avslutat", lambda r, x, f: f.dt(r.ended_at)),
        _c("settings", "Innstillinger", "Settings", "Inställningar", lambda r, x, f: r.profile_settings),
    ), anchors={"membership_ended": lambda r, x: r.ended_at}),
    "favourite": _Spec(Favourite, "added_at", (
        _c("product", "Produkt", "Product", "Produkt", lambda r, x, f: r.product_name),
        _c("sku", "Varenummer", "SKU", "Artikelnummer", lambda r, x, f: r.sku),
        _c("added_at", "Lagt til", "Added", "Tillagd", lambda r, x, f: f.dt(r.added_at)),
    ), join="membership", anchors={"membership_ended": lambda r, x: x.get("membership_ended")}),
    "job_application": _Spec(JobApplication, "submitted_at", (
        _c("position", "Stilling", "Position", "Tjänst", lambda r, x, f: r.position),
        _c("submitted_at", "Sendt inn", "Submitted", "Inskickad", lambda r, x, f: f.dt(r.submitted_at)),
        _c("recruitment_closed_at", "Rekruttering avsluttet", "Recruitment closed", "Rekrytering avslutad",
           lambda r, x, f: f.dt(r.recruitment_closed_at)),
        _c("cover_letter", "Søknadsbrev", "Cover letter", "Personligt brev", lambda r, x, f: f.text(r.cover_letter)),
        _c("status", "Status", "Status", "Status", lambda r, x, f: f.code(r.status)),
    ), anchors={"recruitment_ended": lambda r, x: r.recruitment_closed_at}),
    "contact_message": _Spec(ContactMessage, "received_at", (
        _c("channel", "Kanal", "Channel", "Kanal", lambda r, x, f: f.code(r.channel)),
        _c("received_at", "Mottatt", "Received", "Mottaget", lambda r, x, f: f.dt(r.received_at)),
        _c("closed_at", "Avsluttet", "Closed", "Avslutad", lambda r, x, f: f.dt(r.closed_at)),
        _c("from_address", "Fra", "From", "Från", lambda r, x, f: r.from_address),
        _c("subject", "Emne", "Subject", "Ämne", lambda r, x, f: r.subject),
        _c("body", "Melding", "Message", "Meddelande", lambda r, x, f: r.body),
    ), anchors={"case_closed": lambda r, x: r.closed_at}),
    "marketing_consent": _Spec(RECORD_MODELS["marketing_consent"], "changed_at", (
        _c("channel", "Kanal", "Channel", "Kanal", lambda r, x, f: f.code(r.channel)),
        _c("granted", "Samtykke", "Consent", "Samtycke", lambda r, x, f: f.yes(r.granted)),
        _c("changed_at", "Endret", "Changed", "Ändrat", lambda r, x, f: f.dt(r.changed_at)),
        _c("how", "Hvordan", "How", "Hur", lambda r, x, f: r.how),
    )),
    "marketing_suppression": _Spec(RECORD_MODELS["marketing_suppression"], "suppressed_at", (
        _c("channel", "Kanal", "Channel", "Kanal", lambda r, x, f: f.code(r.channel)),
        _c("suppressed_at", "Reservert", "Opted out", "Spärrat", lambda r, x, f: f.dt(r.suppressed_at)),
    )),
}


_JOINED: dict[tuple[type[RecordMixin], str | None], tuple[Select[Any], tuple[str, ...]]] = {}


def _joined(record_model: type[RecordMixin], join: str | None) -> tuple[Select[Any], tuple[str, ...]]:
    """The page query for a kind: the record's own columns (labelled by attribute name, so the
    columns' render functions read a plain row as they would the mapped object) and, after them,
    what its display and anchors need from its parent, by name. Core rows: no ORM objects are
    built. Built once per kind and process."""
    built = _JOINED.get((record_model, join))
    if built is None:
        built = _JOINED[(record_model, join)] = _build_joined(record_model, join)
    return built


def _build_joined(record_model: type[RecordMixin], join: str | None) -> tuple[Select[Any], tuple[str, ...]]:
    model: Any = record_model
    extras: dict[str, Any] = {}
    if join == "order":
        extras = {"order_number": Order.order_number, "order_completed": Order.completed_at,
                  "order_status": Order.status, "order_ordered": Order.ordered_at, "order_currency": Order.currency}
    elif join == "case":
        extras = {"case_number": ServiceCase.case_number, "case_closed": ServiceCase.closed_at}
    elif join == "membership":
        extras = {"membership_ended": Membership.ended_at}
    own = [(a.key, getattr(model, a.key)) for a in sa_inspect(model).column_attrs]
    clash = {k for k, _ in own} & extras.keys()
    if clash:
        raise ValueError(f"{record_model.__name__} has columns named like its parent's: {', '.join(sorted(clash))}")
    stmt: Select[Any] = select(*(c.label(k) for k, c in own), *(c.label(k) for k, c in extras.items()))
    if join == "order":
        stmt = stmt.outerjoin(Order, model.order_id == Order.id)
    elif join == "case":
        stmt = stmt.outerjoin(ServiceCase, model.case_id == ServiceCase.id)
    elif join == "membership":
        stmt = stmt.outerjoin(Membership, model.membership_id == Membership.id)
    return stmt, tuple(extras)


def owned_by(model: Any, customer_id: int | BindParameter[int]) -> ColumnElement[bool]:
    """Order lines belong to a customer through their order (the caller joins it)."""
    column: InstrumentedAttribute[int] = (
        Customer.id if model is Customer else Order.customer_id if model is OrderLine else model.customer_id
    )
    return column == customer_id


@cache
def _count_statement() -> CompoundSelect[str, int]:
    """Built once per process, so the first profile of a session pays no per-table compile."""
    cid = bindparam("cid", type_=Integer)
    parts = []
    for model in RECORD_MODELS.values():
        m: Any = model
        part = select(m.purposes, func.count()).where(owned_by(m, cid)).group_by(m.purposes)
        if m is OrderLine:
            part = part.join(Order, OrderLine.order_id == Order.id)
        parts.append(part)
    return union_all(*parts)


def _serves(column: InstrumentedAttribute[str], purpose_key: str) -> ColumnElement[bool]:
    """The comma list holds the key as a whole item (escaped: '_' is a LIKE wildcard)."""
    escaped = purpose_key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return (literal(",") + column + literal(",")).like(f"%,{escaped},%", escape="\\")


def _latest_or_pending(values: Iterable[datetime | None]) -> datetime | None:
    """A customer-level anchor: pending while any instance is open, else the latest end."""
    latest: datetime | None = None
    for value in values:
        if value is None:
            return None
        latest = value if latest is None or value > latest else latest
    return latest


class ProfileService:
    def __init__(
        self,
        ctx: DeskContext,
        *,
        clock: Callable[[], datetime] = utcnow,
        lang: str = "nb",
        tz: tzinfo | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        """`tz` is where times are shown (None: the workstation's zone); `lang` is nb, en or sv
        (other Norwegian codes read Bokmål, anything else English)."""
        self.ctx = ctx
        self.clock = clock
        self.lang = LANGS[lang_index(lang)]
        self.fmt = _Fmt(self.lang, tz)
        self.page_size = max(1, min(page_size, MAX_PAGE))
        self.accounts = AccountService(ctx)
        self._kept: tuple[int, float, dict[tuple[str, int], KeptUntil]] | None = None

    # --- the header ------------------------------------------------------------------------------

    def open_profile(self, actor: Actor, customer_id: int, contact_id: int | None) -> ProfileHeader:
        """Always allowed: finding data, verification state, and the purposes with record counts."""
        _require(actor, Permission.OPEN_CUSTOMER)
        # Opening writes only its own log entry: safe to run again if the connection dropped.
        return self.ctx.db.retry_read(lambda: self._open_profile_logged(actor, customer_id, contact_id))

    def _open_profile_logged(self, actor: Actor, customer_id: int, contact_id: int | None) -> ProfileHeader:
        now = self.clock()
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            customer = _customer(s, customer_id)
            state = contact_state(s, _contact_of(s, contact_id, customer_id), now) if contact_id is not None else None
            counts = self._count_by_purpose(s, customer_id)
            purposes = tuple(
                PurposeSummary(
                    key=p.key, number=p.number, title=p.title.get(self.lang),
                    legal_basis=self.ctx.policy.legal_basis(p.legal_basis).label.get(self.lang),
                    legal_basis_article=self.ctx.policy.legal_basis(p.legal_basis).gdpr_article,
                    retention=p.retention.text.get(self.lang), recipients=self._recipients(p),
                    record_count=counts.get(p.key, 0),
                )
                for p in sorted(self.ctx.policy.purposes, key=lambda p: p.number)
            )
            header = ProfileHeader(
                customer_id=customer.id, customer_number=customer.customer_number, name=customer.full_name,
                masked_email=mask_email(customer.email) if customer.email else "",
                masked_phone=mask_phone(customer.phone_e164) if customer.phone_e164 else "",
                masked_national_id=customer.nid_masked or "", language=customer.language,
                restricted=customer.restricted, verification=state, purposes=purposes,
            )
            self.ctx.audit.append(
                s, actor, action="open", data="profile", customer_id=customer_id,
                detail=f"contact={contact_id}; records={header.total_records}; "
                       f"need_to_know={'yes' if header.may_see_more else 'no'}",
            )
            return header

    @staticmethod
    def _count_by_purpose(s: Session, customer_id: int) -> dict[str, int]:
        """One round trip of per-table GROUP BYs: rows are counted by the index, never loaded."""
        counts: dict[str, int] = {}
        for purposes, n in s.execute(_count_statement(), {"cid": customer_id}):
            for key in {k for k in str(purposes).split(",") if k}:
                counts[key] = counts.get(key, 0) + int(n)
        return counts

    def _recipients(self, purpose: Purpose) -> tuple[str, ...]:
        return tuple(r.name.get(self.lang) for r in self.ctx.policy.recipients_for(purpose_keys=[purpose.key]))

    # --- need to know: the groups ----------------------------------------------------------------

    def open_group(self, actor: Actor, customer_id: int, purpose_key: str, contact_id: int) -> PurposeGroup:
        """The purpose as the policy states it and the first page of each record kind it holds."""
        _require(actor, Permission.OPEN_CUSTOMER)
        purpose = self._purpose(purpose_key)
        now = self.clock()
        with self.ctx.db.transaction() as s:
            self._gate(s, actor, customer_id, contact_id, purpose_key=purpose_key, now=now)
            tables: list[RecordTable] = []
            anchors: dict[str, datetime | None] = {}
            kept = kept_until_of(self.ctx, s, customer_id)
            self._kept = (customer_id, time.monotonic(), kept)
            for kind, spec in SPECS.items():
                total = self._count(s, spec, customer_id, purpose_key)
                if total == 0:
                    continue
                rows = self.rows_in(s, kind, spec, customer_id, purpose, offset=0, limit=self.page_size,
                                    anchors=anchors, kept=kept)
                tables.append(RecordTable(
                    record_kind=kind, title=self.ctx.policy.record_kind(kind).label.get(self.lang),
                    columns=tuple(Column(c.key, c.labels) for c in spec.columns), total=total, rows=rows,
                ))
            policy = self.ctx.policy
            group = PurposeGroup(
                key=purpose.key, number=purpose.number, title=purpose.title.get(self.lang),
                purpose=purpose.purpose.get(self.lang),
                processing=tuple(t.get(self.lang) for t in purpose.processing),
                categories=tuple(policy.category(c).label.get(self.lang) for c in purpose.categories),
                legal_basis=policy.legal_basis(purpose.legal_basis).label.get(self.lang),
                legal_basis_text=purpose.legal_basis_text.get(self.lang),
                legal_basis_article=policy.legal_basis(purpose.legal_basis).gdpr_article,
                retention=purpose.retention.text.get(self.lang), recipients=self._recipients(purpose),
                sources=tuple(policy.source_of(k).label.get(self.lang) for k in purpose.sources),
                tables=tuple(tables),
            )
            shown = "; ".join(f"{t.record_kind} {len(t.rows)}/{t.total}" for t in tables) or "no records"
            self.ctx.audit.append(s, actor, action="view", data=f"purpose:{purpose_key}", customer_id=customer_id,
                                  purpose=purpose_key, detail=f"contact={contact_id}; {shown}")
            return group

    def fetch_rows(
        self,
        actor: Actor,
        customer_id: int,
        purpose_key: str,
        record_kind: str,
        contact_id: int,
        *,
        offset: int,
        limit: int = PAGE_SIZE,
    ) -> list[RecordRow]:
        """A further page of one table of a group; logged as a page of that group."""
        _require(actor, Permission.OPEN_CUSTOMER)
        purpose = self._purpose(purpose_key)
        spec = SPECS.get(record_kind)
        if spec is None:
            raise InvalidInput(f"Unknown record kind '{record_kind}'.", f"Ukjent posttype '{record_kind}'.")
        if offset < 0 or not 1 <= limit <= MAX_PAGE:
            raise InvalidInput(f"A page starts at 0 or later and holds 1-{MAX_PAGE} rows.",
                               f"En side starter på 0 eller senere og har 1-{MAX_PAGE} rader.")
        now = self.clock()
        with self.ctx.db.transaction() as s:
            self._gate(s, actor, customer_id, contact_id, purpose_key=purpose_key, now=now)
            rows = self.rows_in(s, record_kind, spec, customer_id, purpose, offset=offset, limit=limit, anchors={},
                                kept=self._kept_for_paging(s, customer_id))
            self.ctx.audit.append(
                s, actor, action="view", data=f"purpose:{purpose_key}", customer_id=customer_id, purpose=purpose_key,
                detail=f"contact={contact_id}; {record_kind} rows {offset + 1}-{offset + len(rows)} (page)",
            )
            return list(rows)

    def _kept_for_paging(self, s: Session, customer_id: int) -> dict[tuple[str, int], KeptUntil]:
        """Further pages reuse the answer their group was opened with for a short while: a heavy
        customer's kept-until reads every record, and paging through a table must not repeat that."""
        if self._kept is not None:
            cid, at, kept = self._kept
            if cid == customer_id and time.monotonic() - at < _KEPT_REUSE_SECONDS:
                return kept
        kept = kept_until_of(self.ctx, s, customer_id)
        self._kept = (customer_id, time.monotonic(), kept)
        return kept

    def _gate(self, s: Session, actor: Actor, customer_id: int, contact_id: int, *, purpose_key: str,
              now: datetime) -> None:
        """Need to know, checked in the reading transaction; a refusal is logged before it is raised."""
        self.accounts.require_active(s, actor)
        _customer(s, customer_id)
        state = contact_state(s, _contact_of(s, contact_id, customer_id), now)
        if state.may_see_more:
            return
        self.ctx.audit.append(s, actor, action="refused", data=f"purpose:{purpose_key}", customer_id=customer_id,
                              purpose=purpose_key, detail=f"contact={contact_id}; not verified, no reason recorded")
        s.commit()
        raise NeedToKnow

    def _purpose(self, key: str) -> Purpose:
        try:
            return self.ctx.policy.purpose(key)
        except KeyError as exc:
            raise InvalidInput(f"Unknown purpose '{key}'.", f"Ukjent formål '{key}'.") from exc

    @staticmethod
    def _count(s: Session, spec: _Spec, customer_id: int, purpose_key: str) -> int:
        m: Any = spec.model
        stmt = select(func.count()).select_from(m).where(owned_by(m, customer_id), _serves(m.purposes, purpose_key))
        if m is OrderLine:
            stmt = stmt.join(Order, OrderLine.order_id == Order.id)
        return int(s.execute(stmt).scalar_one())

    def rows_in(
        self, s: Session, kind: str, spec: _Spec, customer_id: int, purpose: Purpose, *, offset: int, limit: int,
        anchors: dict[str, datetime | None], kept: Mapping[tuple[str, int], KeptUntil] | None = None,
    ) -> tuple[RecordRow, ...]:
        """One page of a record kind in a purpose, inside the caller's unit of work (which logs the read).
        `kept` (from `kept_until_of`) gives each record the day the desk really keeps it to and why;
        without it, the purpose's own rule is described."""
        m: Any = spec.model
        stmt, extras = _joined(spec.model, spec.join)
        stmt = (
            stmt.where(owned_by(m, customer_id), _serves(m.purposes, purpose.key))
            .order_by(getattr(m, spec.order_attr).desc(), m.id.desc()).offset(offset).limit(limit)
        )
        rule = purpose.retention
        by_collection = rule.anchor == "collected"
        own = spec.anchors.get(rule.anchor)
        renders = tuple(c.render for c in spec.columns)
        first_extra = -len(extras) if extras else None
        fmt, lang = self.fmt, self.lang
        # Many records share a collection day, an anchor day and a source: each is worked out once.
        retention: dict[tuple[date, date | None], tuple[str, date | None]] = {}
        truth: dict[KeptUntil, tuple[str, date | None]] = {}
        sources: dict[str, str] = {}
        no_extra: Mapping[str, Any] = {}
        out: list[RecordRow] = []
        for record in s.execute(stmt):
            extra = dict(zip(extras, record[first_extra:], strict=True)) if first_extra is not None else no_extra
            collected_at: datetime = record.collected_at
            if by_collection:
                anchor_at: datetime | None = collected_at
            else:
                anchor_at = own(record, extra) if own is not None else _NO_OWN
                if anchor_at is _NO_OWN:
                    anchor_at = self._customer_anchor(s, customer_id, rule.anchor, anchors)
            real = kept.get((kind, record.id)) if kept is not None else None
            if real is not None:
                said = truth.get(real)
                if said is None:
                    said = truth[real] = (real.describe(lang), real.until)
            else:
                key = (collected_at.date(), anchor_at.date() if anchor_at is not None else None)
                said = retention.get(key)
                if said is None:
                    due = retention_due(rule, collected=key[0], anchor_date=key[1])
                    said = retention[key] = (due.describe(lang), due.due)
            source_key: str = record.source
            source = sources.get(source_key)
            if source is None:
                source = sources[source_key] = self._source(source_key)
            out.append(RecordRow(
                record_kind=kind, record_id=record.id,
                values=tuple([render(record, extra, fmt) for render in renders]),
                collected_at=collected_at, source_key=source_key, source=source,
                retention=said[0], retention_due=said[1], restricted=bool(record.restricted),
                legal_hold_until=record.legal_hold_until, kept=real,
            ))
        return self._with_origin(s, kind, out)

    def _with_origin(self, s: Session, kind: str, rows: list[RecordRow]) -> tuple[RecordRow, ...]:
        """Name the system each mirrored record came from beside its source, for the profile and the copy."""
        if not rows:
            return ()
        from dataclasses import replace

        from desktop.services.provenance import provenance_of

        found = provenance_of(s, kind, [r.record_id for r in rows])
        if not found:
            return tuple(rows)
        word = _FROM.get(self.lang, "from")
        out = []
        for r in rows:
            links = found.get(r.record_id)
            if not links:
                out.append(r)
                continue
            origin = "; ".join(f"{p.system}, {self.fmt.dt(p.last_synced)}" for p in links)
            out.append(replace(r, origin=origin, source=f"{r.source} ({word} {origin})"))
        return tuple(out)

    def _source(self, key: str) -> str:
        try:
            return self.ctx.policy.source_of(key).label.get(self.lang)
        except KeyError:
            return key

    @staticmethod
    def _customer_anchor(s: Session, customer_id: int, anchor: str, cache: dict[str, datetime | None]) -> \
            datetime | None:
        """For records without their own anchor (the customer row under "purchase", say): the
        customer's latest such event, or pending while one is still open. One query, cached."""
        if anchor in cache:
            return cache[anchor]
        value: datetime | None = None
        if anchor == "purchase_completed":
            orders = s.execute(
                select(Order.completed_at, Order.status, Order.ordered_at).where(Order.customer_id == customer_id)
            ).all()
            value = _latest_or_pending(_order_anchor(c, st, o) for c, st, o in orders) if orders else None
        elif anchor == "case_closed":
            closed: list[datetime | None] = []
            for model in (ServiceCase, WarrantyCase, ContactMessage):
                closed += s.execute(select(model.closed_at).where(model.customer_id == customer_id)).scalars().all()
            value = _latest_or_pending(closed) if closed else None
        elif anchor == "event_ended":
            ends = s.execute(select(CompetitionEntry.ends_at).where(CompetitionEntry.customer_id == customer_id)
                             ).scalars().all()
            value = _latest_or_pending(ends) if ends else None
        elif anchor == "membership_ended":
            value = s.execute(select(Membership.ended_at).where(Membership.customer_id == customer_id)
                              ).scalar_one_or_none()
        elif anchor == "recruitment_ended":
            closes = s.execute(select(JobApplication.recruitment_closed_at)
                               .where(JobApplication.customer_id == customer_id)).scalars().all()
            value = _latest_or_pending(closes) if closes else None
        cache[anchor] = value
        return value

    # --- the identity number in full -------------------------------------------------------------

    def reveal_national_id(
        self, actor: Actor, customer_id: int, contact_id: int | None, reason: str, password: str
    ) -> RevealedId:
        """The full number takes a reason and the agent's password again; the log keeps the masked form."""
        _require(actor, Permission.REVEAL_NATIONAL_ID)
        why = " ".join(reason.split())
        if not why:
            raise InvalidInput("Write why the full identity number is needed.",
                               "Skriv hvorfor hele fødselsnummeret trengs.")
        try:
            self.accounts.reauthenticate(actor, password)
        except AuthenticationFailed:
            with self.ctx.db.transaction() as s:
                self.ctx.audit.append(s, actor, action="refused", data="national_id", customer_id=customer_id,
                                      detail=f"contact={contact_id}; password not confirmed", reason=why)
            raise
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            customer = _customer(s, customer_id)
            if contact_id is not None:
                _contact_of(s, contact_id, customer_id)
            if customer.nid_encrypted is None:
                raise NotFound("No identity number is registered for this customer.",
                               "Kunden har ikke registrert fødselsnummer.")
            number = decrypt(self.ctx.keys.nid_enc, customer.nid_encrypted)
            try:
                # Formatting a stored number, not validating it: it was checked when recorded.
                nid = parse_national_id(number, self.clock().date(), test_numbers=True)
                formatted, country = format_full(nid), str(nid.country)
            except InvalidNationalId:
                formatted, country = number, customer.nid_country or ""
            self.ctx.audit.append(s, actor, action="reveal", data="national_id", customer_id=customer_id,
                                  detail=f"contact={contact_id}; shown {customer.nid_masked or ''}", reason=why)
            return RevealedId(customer_id=customer_id, formatted=formatted, country=country,
                              revealed_at=self.clock())


def _require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        raise PermissionDenied("Your role may not do this.", "Rollen din kan ikke gjøre dette.")


def _customer(s: Session, customer_id: int) -> Customer:
    customer = s.get(Customer, customer_id)
    if customer is None or customer.erased_at is not None:
        raise NotFound(f"Customer {customer_id} does not exist.", f"Kunde {customer_id} finnes ikke.")
    return customer


def _contact_of(s: Session, contact_id: int, customer_id: int) -> Contact:
    contact = load_contact(s, contact_id)
    if contact.customer_id != customer_id:
        raise InvalidInput("This contact belongs to another customer.", "Denne kontakten gjelder en annen kunde.")
    return contact


def kept_until_of(ctx: DeskContext, s: Session, customer_id: int) -> dict[tuple[str, int], KeptUntil]:
    """The day each record is really kept to (`services.kept_until`, imported here: it reads the
    erasure facts, and the erasure service imports this module)."""
    from desktop.services.kept_until import kept_for_customer

    return kept_for_customer(ctx, s, customer_id)
