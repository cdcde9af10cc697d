"""The register copy (GDPR Art. 15): collect, review, redact, render, encrypt, post or e-mail.

Use cases, each one unit of work with its own access-log entry:

* `collect` reads everything the copy says in one transaction and logs one
  "register_copy_collect" entry: all records of all purposes (every page, not the profile's
  first), the policy's texts in the copy's language, and the look-up history without staff
  names. The records are the profile's own record tables (`ProfileService`), so the copy and the
  screen can never disagree about what a record says.
* `review_items` lists the free texts that may name other people (case notes, messages, contact
  messages, competition entries, cover letters, warranty texts) with the spans that look like a
  name, an e-mail address, a telephone number or an identity number; `redact` records the spans
  the agent withholds and why (Art. 15(4)); `render` applies them.
* `email` sends the *encrypted* PDF to the registered address and completes the request only
  after the SMTP server accepted it; `mark_posted` completes it for a posted letter; `save`
  writes a file, private to its owner. Nothing is marked as sent that was not.

Each record is printed once, under the first purpose (in policy order) it serves; later purposes
it also serves list it by reference. Printing it under every purpose would repeat a long-time
customer's 2,000 orders four times and bury the copy, which must stay intelligible (EDPB 01/2022).
"""

from __future__ import annotations

import contextlib
import gc
import io
import re
import secrets
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.adapters.mail import AttachmentMailer, SmtpMailer
from desktop.audit.log import utcnow
from desktop.domain.contact import mask_email
from desktop.domain.requests import IdentityState, RequestState, RequestType
from desktop.domain.roles import Actor, Permission
from desktop.errors import DeskError, InvalidInput, NotFound, PermissionDenied
from desktop.models import RECORD_MODELS, Address, Customer, DsrRequest, Order, OrderLine, RequestEvent
from desktop.models.register_copy import RegisterCopyRedaction
from desktop.policy import Policy, Purpose
from desktop.reports.i18n import COUNTRY_NAMES, short_date, text
from desktop.reports.model import (
    LANGUAGES,
    Addressee,
    AuthorityData,
    AutomatedDecisionData,
    CrossReference,
    Letterhead,
    LookupData,
    PurposeData,
    RecipientData,
    RecordRowData,
    RecordTableData,
    Redaction,
    RegisterCopyData,
    RightData,
    SourceData,
)
from desktop.security.crypto import keyed_hash
from desktop.services.access_log import AccessLogService, LookupEvent
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.letters import letter_language
from desktop.services.profile import SPECS, ProfileService, kept_until_of, lang_index, owned_by
from desktop.services.register_copy_parts import (
    NamedRecipientLike,
    check_named,
    copy_row,
    identity,
    own_requests,
    recipients,
    transfers,
)
from desktop.services.requests import RequestService, RequestView, reference

#: The attachment mailer is the one SMTP adapter (desktop.adapters.mail); the old name stays importable.
SmtpAttachmentMailer = SmtpMailer

__all__ = [
    "FREE_TEXT_FIELDS",
    "HINT_CHANNELS",
    "WORDS",
    "AttachmentMailer",
    "Flag",
    "RegisterCopyNotSent",
    "RegisterCopyService",
    "ReviewItem",
    "SmtpAttachmentMailer",
    "generate_password",
    "item_id",
    "parse_item_id",
]

#: Free-text fields that may hold other people's data, by record kind (Art. 15(4) review).
FREE_TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "service_case": ("notes",),
    "case_message": ("body",),
    "contact_message": ("subject", "body"),
    "competition_entry": ("submission", "evaluation"),
    "job_application": ("cover_letter",),
    "warranty_case": ("description", "resolution"),
}
#: The column that tells an agent which record a free text belongs to.
_CONTEXT_COLUMN: dict[str, str] = {
    "service_case": "case_number", "case_message": "sent_at", "contact_message": "received_at",
    "competition_entry": "competition", "job_application": "position", "warranty_case": "product",
}
#: Columns that name a recipient in the person's own records (Art. 15(1)(c): by name where known).
_RECIPIENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "delivery": ("carrier",), "payment": ("provider",), "credit_check": ("provider", "bureau"),
}
#: How the person gets the password of an e-mailed copy: anything but the e-mail itself.
HINT_CHANNELS: tuple[str, ...] = ("sms", "phone", "letter", "counter")
_OPEN_FOR_ANSWER = (RequestState.IDENTITY_VERIFIED.value, RequestState.IN_PROGRESS.value)
_FINGERPRINT_DOMAIN = "register-copy-redaction\x1f"
_MAX_REASON = 500


class RegisterCopyNotSent(DeskError):
    """The copy did not go out; nothing was marked as sent."""


# --- review ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    """A span that looks like someone's data: kind is name, email, phone or national_id."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class ReviewItem:
    """One free text the agent should read before the copy goes out."""

    item_id: str
    record_kind: str
    record_id: int
    field: str
    title: str
    text: str
    flags: tuple[Flag, ...]
    #: Spans already redacted for this request.
    redacted: tuple[tuple[int, int], ...] = ()
    #: A redaction was chosen in an earlier version of this text: the whole field is withheld until reviewed.
    changed_since_redaction: bool = False


def item_id(record_kind: str, record_id: int, field: str) -> str:
    return f"{record_kind}:{record_id}:{field}"


def parse_item_id(value: str) -> tuple[str, int, str]:
    kind, _, rest = value.partition(":")
    number, _, field = rest.partition(":")
    if kind not in FREE_TEXT_FIELDS or field not in FREE_TEXT_FIELDS[kind] or not number.isdigit():
        raise InvalidInput(f"'{value}' is not a free-text field of a register copy.",
                           f"'{value}' er ikke et fritekstfelt i en registerutskrift.")
    return kind, int(number), field


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d \-]{6,}\d(?!\w)")
_NATIONAL_ID = re.compile(r"(?<!\d)\d{6}[ \-]?\d{4,5}(?!\d)")
_NAME_WORD = r"[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáóíúß]+(?:-[A-ZÆØÅÄÖÜÉ]?[a-zæøåäöüéèáóíúß]+)?"
_NAMES = re.compile(rf"(?<![\w@.]){_NAME_WORD}(?:\s+{_NAME_WORD})*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n]\s*|^\s*)$")
#: Capitalised words that are not names: greetings, sign-offs and the like in nb, sv and en.
_NOT_NAMES = frozenset({
    "hei", "hej", "hallo", "hi", "hello", "dear", "takk", "tack", "thanks", "thank", "mvh", "vennlig", "hilsen",
    "hilsning", "med", "svar", "re", "fwd", "jeg", "vi", "du", "dere", "det", "den", "de", "kan", "ok", "i",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "kundeservice", "kundtjänst", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
})


def _flags(value: str, own: Iterable[str]) -> tuple[Flag, ...]:
    """Spans that may be someone else's data; the person's own name, address and number are left out."""
    mine = {w.casefold() for w in own if w}
    found: list[Flag] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, kind: str) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        found.append(Flag(start, end, kind))

    for m in _EMAIL.finditer(value):
        if m.group().casefold() not in mine:
            add(m.start(), m.end(), "email")
    for m in _NATIONAL_ID.finditer(value):
        add(m.start(), m.end(), "national_id")
    own_numbers = {re.sub(r"\D", "", w)[-8:] for w in mine if sum(c.isdigit() for c in w) >= 8}
    for m in _PHONE.finditer(value):
        digits = re.sub(r"\D", "", m.group())
        if len(digits) >= 8 and digits[-8:] not in own_numbers:
            add(m.start(), m.end(), "phone")
    for m in _NAMES.finditer(value):
        words = m.group().split()
        start = m.start()
        # A single capitalised word opening a sentence is grammar, not a name.
        if len(words) == 1 and _SENTENCE_END.search(value[:start]) is not None:
            continue
        kept = [w for w in words if w.casefold() not in mine and w.casefold() not in _NOT_NAMES]
        if not kept:
            continue
        first = value.index(kept[0], start)
        last = value.index(kept[-1], first) + len(kept[-1])
        add(first, last, "name")
    return tuple(sorted(found, key=lambda f: f.start))


# --- the password --------------------------------------------------------------------------------------

#: Short Norwegian words without æ, ø and å, easy to read out and to type: five of them and four
#: digits give about 55 bits, against an offline attack on the file where nothing limits guesses.
_WORD_LIST = """
agurk alge anker ape appelsin arm bakke ball banan bank bark basar beger bein berg bie bil bille bjelle
blad blokk blomst bok bolle bonde bord bjelke borg boks bro brev brikke brygge bue bukse buss by dal dame
dask data deig dekk dikt disk dokk dolk drage drops due dukke dyne eik elg elv eng eple esel eske fakkel
fe fele felg fiken film fisk fjell fjord flagg flamme flaske fly fole fontene form fot frosk frukt fugl
furu gaffel gate geit gitar glass grav grein gress gris grotte gryte gulv hage hai hammer hane hatt hav
hest hette himmel hjelm hjort hode holme honning horn hule hund hytte is jakke jern jord kaffe kake kakao
kalv kamel kanel kanne kano kart katt kikkert kilde kino kirke kiste klokke klovn knapp kniv kobbe kode
kolbe kompass kopp kork korn kost krabbe kran kratt krone krukke kurv kyst lakk lam lampe lanse laks
last lavvo lekter lerret lilje linse lomme losje lue lunde lykt maur melk mikser mynt molo mose motor
mus myr nebb nese nisse nokk not nudel ny oase okse olje orm ost padde palme panne papir park pelikan
pensel perle pinne pipe planke plomme pokal pose post potet pute radio rake rakett ramme rev ring
robot rogn rose rotte rubin ruse sag saks salt sand sau seil sekk selje sirkel sitron ski skip skjerf
skog sko skrue sky slede slott snegl snor sofa sol sopp spade speil spiker stein stige stjerne stol
storm strand sukker svane sykkel tak tallerken tang tann telt tiger time tog tomat topp torsk tre troll
trommel tunnel turbin tusj ugle ulv vaffel vase vei veske vind vogn vulkan yoghurt
alpe arkiv atlas balkong bamse basun bever bikube blyant bunad dobbel due ekorn engel fasan
flyndre fregatt galakse gardin gondol harpe hummer igle jolle kajakk kaktus kenguru kobra kolibri
koral kvist labyrint lasso lodde magnet mango marsj meitemark melon muffin mumie oliven orkide pakke
panda papegoye paraply pingvin pirat planet popkorn pyramide regnbue ridder safari sardin skilpadde
smykke spurv stork tamburin tornado trompet tulipan vaktel veps vindu zebra
"""
WORDS: tuple[str, ...] = tuple(dict.fromkeys(_WORD_LIST.split()))


def generate_password(words: int = 5, digits: int = 4) -> str:
    """Words and digits from the OS's secure random source, e.g. "fjord-kanel-robot-vase-sopp-4821"."""
    chosen = [secrets.choice(WORDS) for _ in range(words)]
    number = "".join(secrets.choice("0123456789") for _ in range(digits))
    return "-".join([*chosen, number])


# --- the cyclic garbage collector ------------------------------------------------------------------------


class _GcPause:
    """The cyclic collector off while a copy is collected or drawn, then back as it was.

    A long copy allocates hundreds of thousands of rows, strings and PDF operators that form no
    cycles; the collector would rescan that growing live set again and again (a fifth of the
    time). Reference counting still frees everything meanwhile. Nested and concurrent pauses
    count: the collector comes back when the last one ends, and only if it was on before the first.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._was_enabled = False

    @contextlib.contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._depth == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._depth += 1
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if self._depth == 0 and self._was_enabled:
                    gc.enable()


_gc_paused = _GcPause()


# --- the service ----------------------------------------------------------------------------------------


class RegisterCopyService:
    def __init__(self, ctx: DeskContext, *, clock: Callable[[], datetime] = utcnow, tz: tzinfo | None = None,
                 font_dir: Path | None = None, named_recipients: Iterable[NamedRecipientLike] = ()) -> None:
        """`tz` is where dates are read (None: the workstation's); `font_dir` overrides resources/fonts;
        `named_recipients` are the companies the shop's systems file names, used when `collect` is
        given none (checked against the policy there, so a stale file is refused with a message)."""
        self.ctx = ctx
        self.named_recipients: tuple[NamedRecipientLike, ...] = tuple(named_recipients)
        self.clock = clock
        self.tz = tz
        self.font_dir = font_dir
        self.accounts = AccountService(ctx)

    def today(self) -> date:
        return self.clock().replace(tzinfo=UTC).astimezone(self.tz).date()

    # --- collect ---------------------------------------------------------------------------------------

    def collect(self, actor: Actor, customer_id: int, *, request_id: int | None = None, lang: str = "nb",
                today: date | None = None,
                named_recipients: Iterable[NamedRecipientLike] | None = None) -> RegisterCopyData:
        """Everything the copy says, read in one transaction that also logs the read.

        `named_recipients` are companies the shop's own files name for a policy recipient (name and
        recipient key); recipients without one are listed by category (Art. 15(1)(c), C-154/21).
        None: the service's own (from the systems file the desk was composed with).
        """
        _require(actor)
        named = check_named(self.ctx.policy,
                            self.named_recipients if named_recipients is None else named_recipients)
        if lang not in LANGUAGES:
            raise InvalidInput(f"No register copy in '{lang}': choose one of {', '.join(LANGUAGES)}.",
                               f"Ingen registerutskrift på '{lang}': velg en av {', '.join(LANGUAGES)}.")
        day = today or self.today()
        titles = {p.key: p.title.get(lang) for p in self.ctx.policy.purposes}
        # The access log is append-only, so reading it first cannot disagree with what follows; and
        # SQLite has one writer, so it must not run inside the transaction below.
        history = AccessLogService(self.ctx, tz=self.tz).lookup_history(customer_id,
                                                                       lang="nb" if lang == "nb" else "en")
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            customer = _customer(s, customer_id)
            request = _request(s, request_id, customer_id) if request_id is not None else None
            if request is not None and request.identity_state == IdentityState.UNVERIFIED.value:
                raise InvalidInput(
                    f"Verify the person's identity on request {reference(request.id)} before making the copy.",
                    f"Bekreft identiteten til personen på henvendelse {reference(request.id)} før utskriften "
                    "lages.",
                )
            with _gc_paused():
                purposes, without = self._purposes(s, customer_id, lang)
            redactions = self._redactions(s, request.id) if request is not None else ()
            seen: dict[date, str] = {}
            data = RegisterCopyData(
                lang=lang, today=day,
                reference=reference(request.id) if request is not None else customer.customer_number,
                company=_letterhead(self.ctx.policy), addressee=self._addressee(s, customer, lang),
                introduction=_get(self.ctx.policy.introduction, lang), purposes=purposes,
                purposes_without_data=without, automated_decisions=self._automated(purposes, lang),
                transfers=transfers(self.ctx.policy, lang),
                sharing_processors=_get(self.ctx.policy.sharing.processors if self.ctx.policy.sharing else None,
                                        lang),
                sharing_controllers=_get(self.ctx.policy.sharing.independent_controllers
                                         if self.ctx.policy.sharing else None, lang),
                retention_note=_get(self.ctx.policy.retention_note, lang),
                national_id_note=_get(self.ctx.policy.national_id_note, lang),
                rights=self._rights(lang), authority=self._authority(lang),
                lookups=tuple(_lookup(e, lang, titles) for e in history), policy_version=self.ctx.policy.version,
                redactions=redactions,
                recipients=recipients(self.ctx.policy, lang, kinds_held=_kinds_held(purposes),
                                      purposes_held=self._purposes_held(purposes), named=named),
                identity=identity(self.ctx.keys, customer, lang, day, test_numbers=self.ctx.demo),
                requests=own_requests(s, self.ctx.policy, customer_id, lang,
                                      lambda d: self._short_date(d, lang, seen)),
            )
            tables = "; ".join(f"{t.record_kind} {len(t.rows)}" for p in purposes for t in p.tables)
            self.ctx.audit.append(
                s, actor, action="register_copy_collect", data="register_copy", customer_id=customer_id,
                request_id=request.id if request is not None else None,
                detail=f"request={reference(request.id) if request is not None else 'none'}; lang={lang}; "
                       f"records={data.record_count}; {tables or 'no records'}; "
                       f"national_id={'full' if data.identity is not None else 'none'}",
            )
            return data

    def _purposes(self, s: Session, customer_id: int, lang: str) -> tuple[tuple[PurposeData, ...], tuple[str, ...]]:
        """Every record once, under the first purpose it serves; the later ones refer to it."""
        policy = self.ctx.policy
        ordered = sorted(policy.purposes, key=lambda p: p.number)
        rank = {p.key: i for i, p in enumerate(ordered)}
        # The screen's own formatter and labels, so the letter writes every value as the profile shows it.
        profile = ProfileService(self.ctx, clock=self.clock, lang=lang, tz=self.tz)
        column = lang_index(lang)
        anchors: dict[str, datetime | None] = {}
        tables: dict[str, list[RecordTableData]] = {p.key: [] for p in ordered}
        refs: dict[str, dict[tuple[str, str], int]] = {p.key: {} for p in ordered}
        named: dict[str, set[str]] = {p.key: set() for p in ordered}
        seen: dict[date, str] = {}
        kept = kept_until_of(self.ctx, s, customer_id)
        for kind, spec in SPECS.items():
            served = _served_by(s, spec.model, customer_id, rank)
            if not served:
                continue
            by_first: dict[str, set[int]] = {}
            counts: dict[str, int] = {}
            for record, keys in served.items():
                by_first.setdefault(keys[0], set()).add(record)
                for key in keys:
                    counts[key] = counts.get(key, 0) + 1
                for key in keys[1:]:
                    refs[key][(kind, keys[0])] = refs[key].get((kind, keys[0]), 0) + 1
            for first, ids in sorted(by_first.items(), key=lambda item: rank[item[0]]):
                purpose = policy.purpose(first)
                rows = profile.rows_in(s, kind, spec, customer_id, purpose, offset=0, limit=counts[first],
                                       anchors=anchors, kept=kept)
                table = RecordTableData(
                    record_kind=kind, title=policy.record_kind(kind).label.get(lang),
                    column_keys=tuple(c.key for c in spec.columns),
                    columns=tuple(c.labels[column] for c in spec.columns),
                    rows=tuple(self._row(r, purpose, lang, seen) for r in rows if r.record_id in ids),
                )
                tables[first].append(table)
                names = _recipient_names(table)
                for record in ids:
                    for key in served[record]:
                        named[key] |= names
        purposes: list[PurposeData] = []
        without: list[str] = []
        for p in ordered:
            references = tuple(
                CrossReference(title=policy.record_kind(kind).label.get(lang), count=n,
                               purpose_number=policy.purpose(first).number,
                               purpose_title=policy.purpose(first).title.get(lang))
                for (kind, first), n in refs[p.key].items()
            )
            if not tables[p.key] and not references:
                without.append(p.title.get(lang))
                continue
            purposes.append(self._purpose(p, lang, tuple(tables[p.key]), references, named[p.key]))
        return tuple(purposes), tuple(without)

    def _purpose(self, p: Purpose, lang: str, tables: tuple[RecordTableData, ...],
                 references: tuple[CrossReference, ...], named: set[str]) -> PurposeData:
        policy = self.ctx.policy
        basis = policy.legal_basis(p.legal_basis)
        return PurposeData(
            number=p.number, title=p.title.get(lang), purpose=p.purpose.get(lang),
            processing=tuple(t.get(lang) for t in p.processing), legal_basis=basis.label.get(lang),
            legal_basis_article=basis.gdpr_article, legal_basis_text=p.legal_basis_text.get(lang),
            categories=tuple(policy.category(c).label.get(lang) for c in p.categories),
            recipients=tuple(
                RecipientData(name=r.name.get(lang), kind=text(f"kind_{r.kind}", lang),
                              description=r.description.get(lang), named=r.named)
                for r in policy.recipients_for(purpose_keys=[p.key])
            ),
            named_in_records=tuple(sorted(named, key=str.casefold)), retention=p.retention.text.get(lang),
            sources=tuple(SourceData(label=policy.source_of(k).label.get(lang),
                                     description=policy.source_of(k).description.get(lang)) for k in p.sources),
            consequence=_get(p.consequence_if_not_provided, lang), tables=tables, references=references,
        )

    def _row(self, row: Any, purpose: Purpose, lang: str, seen: dict[date, str]) -> RecordRowData:
        """`seen` keeps the dates already written for this copy: thousands of records share a handful
        of days."""
        return copy_row(row, purpose, lang, lambda day: self._short_date(day, lang, seen))

    @staticmethod
    def _short_date(day: date, lang: str, seen: dict[date, str]) -> str:
        written = seen.get(day)
        if written is None:
            written = seen[day] = short_date(day, lang)
        return written

    def _addressee(self, s: Session, customer: Customer, lang: str) -> Addressee:
        """The postal block (docs/rules.md#r-letters): name; street; "postnummer poststed" last, the country abroad."""
        addresses = list(s.execute(select(Address).where(Address.customer_id == customer.id)).scalars())
        preference = {"home": 0, "billing": 1, "delivery": 2}
        best = min(addresses, key=lambda a: (preference.get(a.kind, 3), -a.id), default=None)
        lines: tuple[str, ...] = ()
        if best is not None and best.street.strip() and best.city.strip():
            lines = (*(part.strip() for part in best.street.splitlines() if part.strip()),
                     f"{best.postcode.strip()} {best.city.strip()}".strip())
            home = self.ctx.policy.company.country
            if best.country and best.country != home:
                lines = (*lines, COUNTRY_NAMES.get(best.country, {}).get("nb", best.country).upper())
        return Addressee(name=customer.full_name, lines=lines, email=customer.email or "")

    def _automated(self, purposes: Sequence[PurposeData], lang: str) -> tuple[AutomatedDecisionData, ...]:
        """The policy's automated decisions; one whose key is a record kind lists the person's own."""
        policy = self.ctx.policy
        out: list[AutomatedDecisionData] = []
        for d in policy.automated_decisions:
            own = [t for p in purposes for t in p.tables if t.record_kind == d.key]
            decisions = (replace(own[0], rows=tuple(r for t in own for r in t.rows)) if own else None)
            out.append(AutomatedDecisionData(
                label=d.label.get(lang), description=d.description.get(lang), logic=d.logic.get(lang),
                significance=d.significance.get(lang),
                recipients=tuple(policy.recipient(k).name.get(lang) for k in d.recipients), decisions=decisions,
            ))
        return tuple(out)

    def _purposes_held(self, purposes: Sequence[PurposeData]) -> set[str]:
        by_number = {p.number: p.key for p in self.ctx.policy.purposes}
        return {by_number[p.number] for p in purposes if p.number in by_number}

    def _rights(self, lang: str) -> tuple[RightData, ...]:
        article = "Art." if lang == "en" else "art."
        # Grounds and exemptions are different things: an exemption (Art. 17(3)) is why we may keep
        # data despite a ground, never a ground for erasure itself.
        return tuple(
            RightData(label=r.label.get(lang), article=r.gdpr_article, text=r.text.get(lang),
                      points=tuple(f"{c.text.get(lang).rstrip('.')} ({article} {c.gdpr_article})."
                                   for c in r.grounds),
                      exemptions=tuple(f"{c.text.get(lang).rstrip('.')} ({article} {c.gdpr_article})."
                                       for c in r.exemptions))
            for r in self.ctx.policy.rights if r.key != "complaint"
        )

    def _authority(self, lang: str) -> AuthorityData:
        a = self.ctx.policy.supervisory_authority
        complaint = next((r.text.get(lang) for r in self.ctx.policy.rights if r.key == "complaint"), "")
        return AuthorityData(name=a.name, postal_address=a.postal_address, website=a.website,
                             description=_get(a.description, lang), complaint_text=complaint)

    # --- review and redaction --------------------------------------------------------------------------

    def review_items(self, data: RegisterCopyData) -> list[ReviewItem]:
        """Free texts to read before sending, flagged ones first; own name, e-mail and phone are not flagged."""
        own = [*data.addressee.name.split(), data.addressee.email, *_own_contact(data)]
        recorded: dict[str, list[Redaction]] = {}
        for r in data.redactions:
            recorded.setdefault(r.item_id, []).append(r)
        items: list[ReviewItem] = []
        for table in _tables(data):
            fields = FREE_TEXT_FIELDS.get(table.record_kind, ())
            context = _CONTEXT_COLUMN.get(table.record_kind)
            for row in table.rows:
                for field in fields:
                    if field not in table.column_keys:
                        continue
                    col = table.column_keys.index(field)
                    value = row.cells[col]
                    if not value.strip():
                        continue
                    key = item_id(table.record_kind, row.record_id, field)
                    where = row.cells[table.column_keys.index(context)] if context in table.column_keys else ""
                    title = " – ".join(x for x in (table.title, where, table.columns[col]) if x)
                    done = recorded.get(key, [])
                    stale = any(r.fingerprint != self._fingerprint(value) for r in done)
                    items.append(ReviewItem(
                        item_id=key, record_kind=table.record_kind, record_id=row.record_id, field=field,
                        title=title, text=value, flags=_flags(value, own),
                        redacted=tuple(sorted((r.start, r.end) for r in done)), changed_since_redaction=stale,
                    ))
        return sorted(items, key=lambda i: (not (i.flags or i.changed_since_redaction),))

    def redact(self, actor: Actor, request_id: int, item: str, spans: Sequence[tuple[int, int]],
               reason: str) -> list[Redaction]:
        """Withhold spans of one free text from this request's copy, with the agent's reason (Art. 15(4))."""
        _require(actor)
        why = " ".join(reason.split())
        if not why:
            raise InvalidInput("Write why the text is withheld (whose data it is).",
                               "Skriv hvorfor teksten sladdes (hvem opplysningene gjelder).")
        if len(why) > _MAX_REASON:
            raise InvalidInput(f"Keep the reason under {_MAX_REASON} characters.",
                               f"Hold begrunnelsen under {_MAX_REASON} tegn.")
        if not spans:
            raise InvalidInput("Select the text to redact first.", "Merk teksten som skal sladdes først.")
        kind, record_id, field = parse_item_id(item)
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            request = _request(s, request_id, None)
            if request.state not in _OPEN_FOR_ANSWER and request.state != RequestState.RECEIVED.value:
                raise InvalidInput(f"Request {reference(request.id)} is closed; its copy can no longer change.",
                                   f"Henvendelse {reference(request.id)} er avsluttet; utskriften kan ikke "
                                   "endres lenger.")
            record: Any = s.get(RECORD_MODELS[kind], record_id)
            if record is None or getattr(record, "customer_id", None) != request.customer_id:
                raise NotFound(f"No such text in this person's data ({item}).",
                               f"Finner ikke teksten i personens opplysninger ({item}).")
            value = str(getattr(record, field) or "")
            for start, end in spans:
                if not 0 <= start < end <= len(value):
                    raise InvalidInput(f"The selection {start}-{end} is outside the text; reload and select again.",
                                       f"Merkingen {start}-{end} er utenfor teksten; last inn på nytt og merk igjen.")
            fingerprint = self._fingerprint(value)
            now = self.clock()
            for start, end in _merge(spans):
                s.add(RegisterCopyRedaction(
                    request_id=request.id, customer_id=request.customer_id, record_kind=kind, record_id=record_id,
                    field=field, span_start=start, span_end=end, reason=why, text_fingerprint=fingerprint,
                    actor_id=actor.account_id, actor=actor.username, created_at=now,
                ))
            s.add(RequestEvent(request_id=request.id, at=now, actor_id=actor.account_id, actor=actor.username,
                               action="redact", from_state=request.state, to_state=request.state,
                               note=f"{item}: {len(_merge(spans))} span(s) withheld (Art. 15(4)): {why}"))
            self.ctx.audit.append(s, actor, action="register_copy_redact", data="register_copy",
                                  customer_id=request.customer_id, request_id=request.id,
                                  detail=f"{reference(request.id)}; item={item}; spans={len(_merge(spans))}",
                                  reason=why)
            return [Redaction(item_id=item, start=a, end=b, reason=why, fingerprint=fingerprint)
                    for a, b in _merge(spans)]

    def redactions(self, request_id: int) -> tuple[Redaction, ...]:
        """The redactions recorded for a request (no personal data: spans, reasons and fingerprints)."""
        with self.ctx.db.transaction() as s:
            return self._redactions(s, request_id)

    @staticmethod
    def _redactions(s: Session, request_id: int) -> tuple[Redaction, ...]:
        rows = s.execute(select(RegisterCopyRedaction).where(RegisterCopyRedaction.request_id == request_id)
                         .order_by(RegisterCopyRedaction.id)).scalars()
        return tuple(Redaction(item_id=item_id(r.record_kind, r.record_id, r.field), start=r.span_start,
                               end=r.span_end, reason=r.reason, fingerprint=r.text_fingerprint) for r in rows)

    def withhold_whole(self, item: ReviewItem, reason: str) -> Redaction:
        """A decision to withhold a whole free text, made outside a request (the command line)."""
        return Redaction(item_id=item.item_id, start=0, end=len(item.text), reason=reason,
                         fingerprint=self._fingerprint(item.text))

    def _fingerprint(self, value: str) -> str:
        return keyed_hash(self.ctx.keys.nid_hash, _FINGERPRINT_DOMAIN + value)

    def apply_redactions(self, data: RegisterCopyData, redactions: Iterable[Redaction]) -> RegisterCopyData:
        """The data with the redacted spans replaced by "[sladdet]"; a changed text is withheld whole."""
        by_item: dict[str, list[Redaction]] = {}
        for r in redactions:
            by_item.setdefault(r.item_id, []).append(r)
        if not by_item:
            return replace(data, redaction_count=0)
        mark = text("redacted_mark", data.lang)
        applied = 0

        def table_with(table: RecordTableData) -> RecordTableData:
            nonlocal applied
            fields = FREE_TEXT_FIELDS.get(table.record_kind)
            if not fields:
                return table
            rows: list[RecordRowData] = []
            for row in table.rows:
                cells = list(row.cells)
                for field in fields:
                    found = by_item.get(item_id(table.record_kind, row.record_id, field))
                    if not found or field not in table.column_keys:
                        continue
                    col = table.column_keys.index(field)
                    value = cells[col]
                    if any(r.fingerprint != self._fingerprint(value) for r in found):
                        cells[col] = mark
                        applied += 1
                        continue
                    spans = _merge([(r.start, r.end) for r in found])
                    for start, end in reversed(spans):
                        value = value[:start] + mark + value[end:]
                    cells[col] = value
                    applied += len(spans)
                rows.append(replace(row, cells=tuple(cells)))
            return replace(table, rows=tuple(rows))

        purposes = tuple(replace(p, tables=tuple(table_with(t) for t in p.tables)) for p in data.purposes)
        decisions = tuple(replace(d, decisions=table_with(d.decisions) if d.decisions is not None else None)
                          for d in data.automated_decisions)
        # Counted once: the same records appear again only in the automated-decision summary, which
        # holds no free text.
        return replace(data, purposes=purposes, automated_decisions=decisions, redaction_count=applied)

    # --- render, encrypt ------------------------------------------------------------------------------

    def render(self, data: RegisterCopyData, redactions: Iterable[Redaction]) -> bytes:
        """The PDF with the redactions applied (ReportLab is imported here, not at start-up)."""
        from desktop.reports.register_copy import render_register_copy

        with _gc_paused():
            return render_register_copy(self.apply_redactions(data, redactions), font_dir=self.font_dir)

    @staticmethod
    def encrypt(pdf: bytes) -> tuple[bytes, str]:
        """AES-256 with pypdf (ReportLab's own AES output is unreadable by pypdf) and a new password."""
        from pypdf import PdfReader, PdfWriter

        password = generate_password()
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
        writer.encrypt(user_password=password, owner_password=secrets.token_urlsafe(32), algorithm="AES-256")
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue(), password

    # --- answer: save, post, e-mail ---------------------------------------------------------------------

    def save(self, actor: Actor, request_id: int | None, pdf: bytes, path: Path | str, *,
             customer_id: int | None = None, replace: bool = False) -> Path:
        """Write the copy to `path`, private to its owner; logged, and removed again if the log fails.

        Only a new regular file is written, or an existing regular one with `replace`; never a
        symlink, device or FIFO. The file is recorded, so an erasure lists it for removal.
        """
        from desktop.services.written_files import WrittenFileService, check_target, write_new_file

        _require(actor)
        target = Path(path)
        check_target(target, replace=replace)
        created = False
        try:
            with self.ctx.db.transaction() as s:
                self.accounts.require_active(s, actor)
                if request_id is not None:
                    customer_id = _request(s, request_id, customer_id).customer_id
                write_new_file(target, pdf, replace=replace, prefix=".register-copy-")
                created = True
                WrittenFileService(self.ctx).record(s, actor, kind="register_copy", path=target, data=pdf,
                                                    customer_id=customer_id, request_id=request_id)
                self.ctx.audit.append(
                    s, actor, action="register_copy_save", data="register_copy", customer_id=customer_id,
                    request_id=request_id,
                    detail=f"request={reference(request_id) if request_id is not None else 'none'}; "
                           f"bytes={len(pdf)}; encrypted={'yes' if _is_encrypted(pdf) else 'no'}",
                )
            return target
        except OSError as exc:
            raise DeskError(f"The register copy could not be saved to {target}: {exc.strerror or exc}.",
                            f"Registerutskriften kunne ikke lagres i {target}: {exc.strerror or exc}.") from exc
        except BaseException:
            if created:
                target.unlink(missing_ok=True)
            raise

    def log_printed(self, actor: Actor, request_id: int | None, pages: int, *, customer_id: int | None = None) -> None:
        """Record that the copy went to a printer (paper leaves no other trace); printing answers nothing."""
        _require(actor)
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            if request_id is not None:
                customer_id = _request(s, request_id, customer_id).customer_id
            self.ctx.audit.append(
                s, actor, action="register_copy_print", data="register_copy", customer_id=customer_id,
                request_id=request_id,
                detail=f"request={reference(request_id) if request_id is not None else 'none'}; pages={pages}",
            )

    def mark_posted(self, actor: Actor, request_id: int, posted_on: date) -> RequestView:
        """Complete the request for a copy posted in a window envelope on `posted_on`."""
        _require(actor)
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            request = self._answerable(s, request_id)
            customer = _customer(s, request.customer_id)
            lang = letter_language(customer.language)
            if not self._addressee(s, customer, lang).postal:
                raise InvalidInput(
                    "This person has no postal address registered, so the copy cannot be posted in a window "
                    "envelope. Send it encrypted by e-mail instead.",
                    "Personen har ingen postadresse registrert, så utskriften kan ikke sendes i vinduskonvolutt. "
                    "Send den kryptert på e-post i stedet.",
                )
        summary = _summary_posted(lang, posted_on)
        return RequestService(self.ctx, clock=self.clock).complete_access(actor, request_id, summary,
                                                                         sent_via="letter", sent_on=posted_on)

    def email(self, actor: Actor, request_id: int, pdf: bytes, password_hint_channel: str,
              mailer: AttachmentMailer, *, lang: str | None = None) -> RequestView:
        """Send the encrypted copy to the registered e-mail; complete the request only once it was accepted."""
        _require(actor)
        if password_hint_channel not in HINT_CHANNELS:
            raise InvalidInput(f"Choose how the password reaches the person: {', '.join(HINT_CHANNELS)}.",
                               f"Velg hvordan passordet når personen: {', '.join(HINT_CHANNELS)}.")
        if not _is_encrypted(pdf):
            raise InvalidInput("Encrypt the register copy before e-mailing it.",
                               "Krypter registerutskriften før den sendes på e-post.")
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            request = self._answerable(s, request_id)
            customer = _customer(s, request.customer_id)
            if not customer.email:
                raise InvalidInput("This person has no e-mail address registered; post the copy instead.",
                                   "Personen har ingen e-postadresse registrert; send utskriften i posten i stedet.")
            to, name, ref, person_lang = customer.email, customer.full_name, reference(request.id), customer.language
            customer_id = customer.id
        copy_lang = lang if lang in LANGUAGES else letter_language(person_lang)
        company = self.ctx.policy.company.name
        channel = text(f"mail_channel_{password_hint_channel}", copy_lang)
        try:
            mailer.send_with_attachment(
                to, text("mail_subject", copy_lang, company=company, reference=ref),
                text("mail_body", copy_lang, name=name, channel=channel, reference=ref, company=company),
                filename=text("attachment_name", copy_lang, reference=ref), data=pdf, mimetype="application/pdf",
            )
        except Exception as exc:
            why_en, why_nb = (exc.message, exc.message_nb) if isinstance(exc, DeskError) else \
                (type(exc).__name__, type(exc).__name__)
            # A failed log write must not hide that nothing went out, which is what the agent needs to hear.
            with contextlib.suppress(DeskError), self.ctx.db.transaction() as s:
                self.ctx.audit.append(s, actor, action="register_copy_email_failed", data="register_copy",
                                      customer_id=customer_id, request_id=request_id,
                                      detail=f"{ref}; to={mask_email(to)}; {why_en}")
            raise RegisterCopyNotSent(
                f"The register copy was not sent: {why_en}. Nothing has been marked as sent.",
                f"Registerutskriften ble ikke sendt: {why_nb}. Ingenting er merket som sendt.",
            ) from exc
        summary = _summary_emailed(letter_language(person_lang), mask_email(to), password_hint_channel, self.today())
        try:
            return RequestService(self.ctx, clock=self.clock).complete_access(actor, request_id, summary,
                                                                             sent_via="email")
        except DeskError as exc:
            raise DeskError(
                f"The e-mail with the register copy was accepted by the mail server, but request {ref} could not "
                f"be marked as completed ({exc.message}). Complete it by hand, noting: {summary}",
                f"E-posten med registerutskriften ble tatt imot av e-posttjeneren, men henvendelse {ref} kunne ikke "
                f"merkes som fullført ({exc.message_nb}). Fullfør den for hånd, med teksten: {summary}",
            ) from exc

    def _answerable(self, s: Session, request_id: int) -> DsrRequest:
        """An access request that is verified and open: checked before anything leaves the house."""
        request = _request(s, request_id, None)
        if request.state not in _OPEN_FOR_ANSWER:
            raise InvalidInput(
                f"Request {reference(request.id)} cannot be answered now (state: {request.state}). Verify the "
                "person's identity first; a closed request cannot be answered again.",
                f"Henvendelse {reference(request.id)} kan ikke besvares nå (status: {request.state}). Bekreft "
                "identiteten først; en avsluttet henvendelse kan ikke besvares på nytt.",
            )
        return request


# --- helpers -------------------------------------------------------------------------------------------


def _require(actor: Actor) -> None:
    if not actor.can(Permission.OPEN_CUSTOMER):
        raise PermissionDenied("Your role may not make register copies.",
                               "Rollen din kan ikke lage registerutskrifter.")


def _customer(s: Session, customer_id: int | None) -> Customer:
    customer = s.get(Customer, customer_id) if customer_id is not None else None
    if customer is None or customer.erased_at is not None:
        raise NotFound(f"Customer {customer_id} does not exist (or has been erased).",
                       f"Kunde {customer_id} finnes ikke (eller er slettet).")
    return customer


def _request(s: Session, request_id: int, customer_id: int | None) -> DsrRequest:
    request = s.get(DsrRequest, request_id)
    if request is None:
        raise NotFound(f"Request {reference(request_id)} does not exist.",
                       f"Henvendelse {reference(request_id)} finnes ikke.")
    if request.type != RequestType.ACCESS.value:
        raise InvalidInput(f"Request {reference(request_id)} is not a request for access (it is {request.type}).",
                           f"Henvendelse {reference(request_id)} gjelder ikke innsyn (den gjelder {request.type}).")
    if customer_id is not None and request.customer_id != customer_id:
        raise InvalidInput(f"Request {reference(request_id)} belongs to another customer.",
                           f"Henvendelse {reference(request_id)} gjelder en annen kunde.")
    return request


def _served_by(s: Session, model: Any, customer_id: int, rank: dict[str, int]) -> dict[int, tuple[str, ...]]:
    """Record id -> the purposes it serves that the policy knows, in policy order (ids and keys only)."""
    stmt = select(model.id, model.purposes).where(owned_by(model, customer_id))
    if model is OrderLine:
        stmt = stmt.join(Order, OrderLine.order_id == Order.id)
    out: dict[int, tuple[str, ...]] = {}
    for record, purposes in s.execute(stmt):
        keys = tuple(sorted({k for k in str(purposes).split(",") if k in rank}, key=rank.__getitem__))
        if keys:
            out[int(record)] = keys
    return out


def _kinds_held(purposes: Sequence[PurposeData]) -> set[str]:
    return {t.record_kind for p in purposes for t in p.tables if t.rows}


def _recipient_names(table: RecordTableData) -> set[str]:
    names: set[str] = set()
    for column in _RECIPIENT_COLUMNS.get(table.record_kind, ()):
        if column in table.column_keys:
            col = table.column_keys.index(column)
            names |= {row.cells[col].strip() for row in table.rows if row.cells[col].strip()}
    return names


def _tables(data: RegisterCopyData) -> Iterable[RecordTableData]:
    for p in data.purposes:
        yield from p.tables


def _own_contact(data: RegisterCopyData) -> list[str]:
    """The person's own e-mail and phone as the customer table shows them (not flagged as others')."""
    out: list[str] = []
    for table in _tables(data):
        if table.record_kind != "customer":
            continue
        for key in ("email", "phone"):
            if key in table.column_keys:
                out += [row.cells[table.column_keys.index(key)] for row in table.rows]
    return out


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _get(value: Any, lang: str) -> str:
    return "" if value is None else str(value.get(lang))


def _letterhead(policy: Policy) -> Letterhead:
    c = policy.company
    return Letterhead(name=c.name, brand=c.brand, organisation_number=c.organisation_number, email=c.email,
                      website=c.website, postal_address=c.postal_address)


def _lookup(event: LookupEvent, lang: str, titles: dict[str, str]) -> LookupData:
    """nb and en as the access log words them; Swedish from the same facts."""
    description = event.description
    if lang == "sv":
        if event.action == "reveal":
            description = text("lookup_reveal", lang)
        elif event.action == "search":
            description = text("lookup_search", lang)
        elif event.action == "register_copy_collect":
            description = text("lookup_copy", lang)
        elif event.action == "register_copy_print":
            description = text("lookup_print", lang)
        elif event.action == "view" and event.purpose:
            description = text("lookup_purpose", lang, title=titles.get(event.purpose, event.purpose))
        elif event.data == "profile":
            description = text("lookup_profile", lang)
        elif event.data == "summary":
            description = text("lookup_summary", lang)
    return LookupData(day=short_date(event.date, lang), description=description, count=event.count)


def _is_encrypted(pdf: bytes) -> bool:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        return bool(PdfReader(io.BytesIO(pdf)).is_encrypted)
    except (PdfReadError, ValueError):
        return False


_HINT_NB = {"sms": "på SMS", "phone": "på telefon", "letter": "i et eget brev", "counter": "i butikken"}
_HINT_EN = {"sms": "by text message", "phone": "by telephone", "letter": "in a separate letter",
            "counter": "in the shop"}
_HINT_SV = {"sms": "via sms", "phone": "per telefon", "letter": "i ett separat brev", "counter": "i butiken"}


def _summary_emailed(lang: str, masked_to: str, channel: str, day: date) -> str:
    """What was sent, how and when, in the words the completion letter gives the person."""
    if lang == "nb":
        return (f"Kopien av personopplysningene dine (registerutskrift) ble sendt {day:%d.%m.%Y} på e-post til "
                f"{masked_to}, som kryptert PDF-vedlegg (AES-256). Passordet får du {_HINT_NB[channel]}, "
                "ikke i e-posten.")
    if lang == "sv":
        return (f"Kopian av dina personuppgifter (registerutdrag) skickades {day.isoformat()} via e-post till "
                f"{masked_to} som krypterad PDF-bilaga (AES-256). Lösenordet får du {_HINT_SV[channel]}, "
                "inte i e-postmeddelandet.")
    return (f"The copy of your personal data was sent on {day.isoformat()} by e-mail to {masked_to} as an "
            f"encrypted PDF attachment (AES-256). You receive the password {_HINT_EN[channel]}, not in the e-mail.")


def _summary_posted(lang: str, day: date) -> str:
    if lang == "nb":
        return f"Kopien av personopplysningene dine (registerutskrift) ble sendt i posten {day:%d.%m.%Y}."
    if lang == "sv":
        return f"Kopian av dina personuppgifter (registerutdrag) skickades med post {day.isoformat()}."
    return f"The copy of your personal data was posted to you on {day.isoformat()}."
