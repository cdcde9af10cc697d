"""Build a deterministic demo register fast enough for a million customers.

Why it does not go through `registry.add_customer`: the ORM costs ~1 ms per customer, so a
million would take a quarter of an hour. Instead rows are built as tuples with ids assigned here
and written with the driver's executemany (multi-row INSERTs), one transaction per batch. For big
builds a forked child generates the next batch while this process writes the last one: the two
halves cost about the same, and a thread would not overlap them because the driver holds the GIL
while it binds values. Everything that must match what the registry writes (search tokens, sort
and name keys, identity-number hash, mask and ciphertext, purposes per record kind) is computed by
the very functions the registry uses.

Determinism: one `random.Random(seed)` drives every choice and DEMO_TODAY stands in for today, so a
seed always gives the same people, orders and order numbers in a fresh database. Only the key-bound
columns (identity-number hash and ciphertext, suppression hashes) and the argon2 salts differ.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import chain
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from desktop.demo import names
from desktop.domain.national_id import NationalId, mask, synthetic_no, synthetic_se
from desktop.domain.sorting import name_sort_key
from desktop.models import RECORD_MODELS, SearchToken, StaffAccount
from desktop.security.crypto import encrypt
from desktop.services.accounts import AccountService, hash_password
from desktop.services.context import DeskContext
from desktop.services.registry import (
    contact_hash,
    name_key,
    nid_hash,
    postal_contact_value,
    purposes_for,
    search_tokens,
)
from desktop.storage.database import Database

if TYPE_CHECKING:
    from multiprocessing.context import ForkContext

__all__ = ["DEMO_TODAY", "DemoReport", "add_heavy_customer", "generate_demo_data"]

DEMO_TODAY = date(2026, 11, 15)
#: "Now" for the demo: noon on DEMO_TODAY. No record is dated after it.
DEMO_NOW = datetime(DEMO_TODAY.year, DEMO_TODAY.month, DEMO_TODAY.day, 12, 0)
#: Records spread over the six years before DEMO_TODAY.
DEMO_START = datetime(DEMO_TODAY.year - 6, DEMO_TODAY.month, DEMO_TODAY.day)

DEMO_ACCOUNTS: tuple[tuple[str, str, str], ...] = (
    ("agent", "agent", "Agent Demo"),
    ("supervisor", "supervisor", "Supervisor Demo"),
    ("admin", "admin", "Admin Demo"),
)
DEMO_PASSWORD = "demo"  # noqa: S105 - the documented password of the demo accounts

BATCH_CUSTOMERS = 10_000
ROWS_PER_STATEMENT = 32
#: From this many customers a forked child generates while this process writes.
PARALLEL_FROM = 50_000
#: SQLite page cache for the load (KiB): the random-keyed indexes of a million customers fit.
SQLITE_LOAD_CACHE_KIB = 1_048_576
SE_SHARE = 0.15
NID_SHARE = 0.9
EMAIL_DOMAINS = ("example.com", "example.net", "example.org")
# RFC 5737 documentation networks: no demo IP address belongs to anyone.
IPV4_NETS = ("192.0.2", "198.51.100", "203.0.113")
MEMBER_PASSWORD_POOL = 4

_DAY = 86_400
_HOUR = 3_600
_SPAN = int((DEMO_NOW - DEMO_START).total_seconds())
_BIRTH_FIRST = date(1940, 1, 1)
_BIRTH_DAYS = (date(2006, 12, 31) - _BIRTH_FIRST).days + 1

Row = tuple[Any, ...]
#: One batch: rows per record kind (and "search_token").
_Rows = dict[str, list[Row]]

#: Columns written per record kind, before the shared tail; the order is the tuple order below.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "customer": ("id", "customer_number", "first_name", "last_name", "sort_name", "email", "email_norm",
                 "phone", "phone_e164", "nid_hash", "nid_masked", "nid_encrypted", "nid_country",
                 "birth_date", "language", "country", "created_at"),
    "address": ("id", "customer_id", "kind", "street", "postcode", "city", "country", "verified_at"),
    "order": ("id", "customer_id", "order_number", "ordered_at", "completed_at", "status", "channel",
              "store", "total_minor", "currency"),
    "order_line": ("id", "order_id", "sku", "product_name", "quantity", "unit_price_minor", "long_lived"),
    "delivery": ("id", "order_id", "customer_id", "carrier", "tracking_number", "recipient_name", "street",
                 "postcode", "city", "country", "shipped_at", "delivered_at"),
    "payment": ("id", "order_id", "customer_id", "method", "provider", "amount_minor", "currency", "paid_at",
                "card_last4", "reference"),
    "credit_check": ("id", "customer_id", "order_id", "provider", "bureau", "checked_at", "outcome",
                     "requested_method", "explanation"),
    "warranty_case": ("id", "customer_id", "order_id", "kind", "product_name", "description", "opened_at",
                      "closed_at", "status", "resolution"),
    "service_case": ("id", "customer_id", "case_number", "channel", "subject", "notes", "opened_at",
                     "closed_at", "status"),
    "case_message": ("id", "case_id", "customer_id", "direction", "sent_at", "author", "body"),
    "competition_entry": ("id", "customer_id", "competition", "kind", "entered_at", "ends_at", "submission",
                          "evaluation", "ip_address", "winner"),
    "fraud_signal": ("id", "customer_id", "order_id", "detected_at", "kind", "description", "severity"),
    "it_environment": ("id", "customer_id", "seen_at", "ip_address", "user_agent", "browser_language",
                       "timezone", "operating_system", "screen", "platform"),
    "membership": ("id", "customer_id", "username", "password_hash", "joined_at", "ended_at",
                   "profile_settings"),
    "favourite": ("id", "membership_id", "customer_id", "product_name", "sku", "added_at"),
    "job_application": ("id", "customer_id", "position", "submitted_at", "recruitment_closed_at",
                        "cover_letter", "status"),
    "contact_message": ("id", "customer_id", "channel", "received_at", "closed_at", "from_address", "subject",
                        "body"),
    "marketing_consent": ("id", "customer_id", "channel", "granted", "changed_at", "how"),
    "marketing_suppression": ("id", "customer_id", "channel", "contact_hash", "suppressed_at", "request_id"),
}
#: What every personal-data record carries besides its own columns (RecordMixin).
_TAIL = ("purposes", "collected_at", "source", "restricted")
_TOKENS = "search_token"
#: Parents before children, so foreign keys hold at every statement.
_WRITE_ORDER: tuple[str, ...] = ("customer", "address", _TOKENS, *(k for k in _COLUMNS if k not in
                                                                 ("customer", "address")))


def _weighted(items: Sequence[str], heavy: int = 12, medium: int = 24) -> tuple[str, ...]:
    """Head of the list three times, the next part twice: a cheap Zipf-like name frequency."""
    out: list[str] = []
    for i, item in enumerate(items):
        out.extend([item] * (3 if i < heavy else 2 if i < heavy + medium else 1))
    return tuple(out)


def _spread(pairs: Sequence[tuple[Any, int]]) -> tuple[Any, ...]:
    """A lookup list where each value appears `weight` times: one random() picks with weights."""
    return tuple(value for value, weight in pairs for _ in range(weight))


_NO_FEMALE = _weighted(names.NO_FEMALE)
_NO_MALE = _weighted(names.NO_MALE)
_NO_LAST = _weighted(names.NO_LAST, heavy=16, medium=30)
_SE_FEMALE = _weighted(names.SE_FEMALE)
_SE_MALE = _weighted(names.SE_MALE)
_SE_LAST = _weighted(names.SE_LAST, heavy=16, medium=30)
_ORDER_COUNTS = _spread([(0, 15), (1, 25), (2, 20), (3, 14), (4, 10), (5, 7), (6, 4), (8, 4), (10, 1)])
_LINE_COUNTS = _spread([(1, 6), (2, 3), (3, 1)])
_IT_COUNTS = _spread([(0, 25), (1, 55), (2, 15), (3, 5)])
_MESSAGE_COUNTS = _spread([(1, 2), (2, 4), (3, 3), (4, 1)])
_PAY_NO = _spread([("card", 42), ("vipps", 25), ("invoice", 22), ("instalment", 11)])
_PAY_SE = _spread([("card", 40), ("swish", 25), ("invoice", 24), ("instalment", 11)])
_PROVIDERS = {"card": "Adyen", "vipps": "Vipps MobilePay", "swish": "Swish", "invoice": "Qliro",
              "instalment": "Qliro"}
_CREDIT_OUTCOMES = _spread([("approved", 90), ("manual", 4), ("declined", 6)])
_OUTCOME_NB = {"approved": "godkjent", "manual": "sendt til manuell vurdering", "declined": "avslått"}
_METHOD_NB = {"invoice": "faktura", "instalment": "delbetaling"}
_NO_MOBILE_PREFIXES = ("90", "91", "92", "93", "94", "95", "96", "97", "98", "99", "40", "41", "46", "47",
                       "48", "90", "92", "93", "95", "97", "98")
_SE_MOBILE_PREFIXES = ("70", "70", "72", "73", "73", "76", "79")
_CONSENT_HOW = ("checkout", "checkout", "checkout", "customer_service", "competition")
_SKUS = tuple(f"TP-{200000 + i * 113}" for i in range(len(names.PRODUCTS)))
#: The product-category flag a shop's system would fill: goods meant to last substantially longer.
_LONG_LIVED = tuple(product not in names.SHORT_LIVED for product, _ in names.PRODUCTS)
_PROFILE_SETTINGS = tuple(
    json.dumps({"language": lang, "newsletter": news, "order_updates_sms": sms, "theme": theme,
                "favourite_store": store}, ensure_ascii=False)
    for lang in ("nb", "sv", "en") for news in (True, False) for sms in (True, False)
    for theme in ("light", "dark") for store in (None, names.STORES[0])
)
_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "'": "",
                        " ": "", "-": ""})
_COMPETITIONS = tuple(
    (name, kind, int((datetime.fromisoformat(start) - DEMO_START).total_seconds()),
     int((datetime.fromisoformat(end) + timedelta(hours=23) - DEMO_START).total_seconds()))
    for name, kind, start, end in names.COMPETITIONS
)


@dataclass
class DemoReport:
    """What a build wrote, so the CLI and the benchmark can show it."""

    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    customers: int = 0

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())

    def describe(self) -> str:
        width = max((len(t) for t in self.counts), default=10)
        lines = [f"{table:<{width}}  {count:>12,}" for table, count in self.counts.items()]
        rate = self.customers / self.seconds if self.seconds else 0.0
        lines.append(f"{'total':<{width}}  {self.total_rows:>12,}  rows in {self.seconds:.1f} s "
                     f"({rate:,.0f} customers/s)")
        return "\n".join(lines)


# --- database side ---------------------------------------------------------------------------------


def _table(kind: str) -> str:
    model: Any = SearchToken if kind == _TOKENS else RECORD_MODELS[kind]
    return str(model.__tablename__)


def _columns(kind: str) -> tuple[str, ...]:
    return ("token", "sort_name", "customer_id", "name_key") if kind == _TOKENS else _COLUMNS[kind] + _TAIL


class _Writer:
    """Writes batches with the driver's executemany, one transaction per batch.

    SQLite runs with synchronous=OFF and a large page cache for the load only; every batch is
    still one transaction, so a crash loses at most the batch in flight, never leaves half of
    one. The settings database.py sets are restored when the load ends.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.counts: dict[str, int] = dict.fromkeys((_table(k) for k in _WRITE_ORDER), 0)
        mark = "?" if db.is_sqlite else "%s"
        self.sql: dict[str, tuple[str, str]] = {}
        for kind in _WRITE_ORDER:
            one = f"({', '.join([mark] * len(_columns(kind)))})"
            head = f"INSERT INTO {_table(kind)} ({', '.join(_columns(kind))}) VALUES "
            self.sql[kind] = (head + ", ".join([one] * ROWS_PER_STATEMENT), head + one)
        self.conn: Any = None
        self.cur: Any = None

    def __enter__(self) -> _Writer:
        self.conn = self.db.engine.raw_connection()
        self.cur = self.conn.cursor()
        if self.db.is_sqlite:
            # Every reference is to an id assigned in this build, so the per-row parent lookups
            # prove nothing; the tests run foreign_key_check on a built database instead.
            self.cur.execute("PRAGMA foreign_keys = OFF")
            self.cur.execute("PRAGMA synchronous = OFF")
            self.cur.execute(f"PRAGMA cache_size = -{SQLITE_LOAD_CACHE_KIB}")
            # Multi-row INSERTs keep a statement journal; in a temp file it costs a write per page.
            self.cur.execute("PRAGMA temp_store = MEMORY")
        return self

    def write(self, rows: _Rows) -> None:
        """Rows go ROWS_PER_STATEMENT at a time into multi-row INSERTs, about twice as fast as one
        row per statement, and the remainder one by one."""
        step = ROWS_PER_STATEMENT
        if self.db.is_sqlite:
            self.cur.execute("BEGIN IMMEDIATE")
        try:
            for kind in _WRITE_ORDER:
                batch = rows[kind]
                many, one = self.sql[kind]
                full = len(batch) - len(batch) % step
                if full:
                    self.cur.executemany(many, [tuple(chain.from_iterable(batch[i:i + step]))
                                                for i in range(0, full, step)])
                if full < len(batch):
                    self.cur.executemany(one, batch[full:])
                self.counts[_table(kind)] += len(batch)
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise

    def __exit__(self, *exc: object) -> None:
        try:
            try:
                if self.db.is_sqlite:
                    for pragma in ("temp_store = DEFAULT", "cache_size = -2000", "synchronous = FULL",
                                   "foreign_keys = ON"):
                        self.cur.execute(f"PRAGMA {pragma}")
                    # Move the last batches into the database file now, not at a later reader's expense.
                    self.cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                elif exc[0] is None:
                    self._advance_sequences()
                    self.conn.commit()
            finally:
                self.cur.close()
        except BaseException:
            self.conn.invalidate()  # never hand a connection with the load's settings back to the pool
            raise
        self.conn.close()

    def _advance_sequences(self) -> None:
        """Ids were assigned here, so PostgreSQL's serial sequences must be moved past them."""
        for kind in _COLUMNS:
            table = _table(kind)
            self.cur.execute(
                f"SELECT setval(seq, GREATEST(m, 1), m IS NOT NULL) FROM "
                f"(SELECT pg_get_serial_sequence('{table}', 'id') AS seq, (SELECT max(id) FROM {table}) AS m) s "
                f"WHERE seq IS NOT NULL"
            )


class _Batch:
    __slots__ = ("rows",)

    def __init__(self) -> None:
        self.rows: _Rows = {k: [] for k in _WRITE_ORDER}


@dataclass
class _Taken:
    """Values that must stay unique across runs on a database that already holds rows."""

    checked: bool = False
    customer_numbers: set[str] = field(default_factory=set)
    order_numbers: set[str] = field(default_factory=set)
    case_numbers: set[str] = field(default_factory=set)
    usernames: set[str] = field(default_factory=set)
    nid_hashes: set[str] = field(default_factory=set)


def _start_state(db: Database) -> tuple[dict[str, int], _Taken]:
    """Next free id per table, and (only for a database with rows) the unique values in use."""
    models = RECORD_MODELS
    next_ids: dict[str, int] = {}
    taken = _Taken()
    with db.transaction() as s:
        for kind in _COLUMNS:
            model: Any = models[kind]
            next_ids[kind] = (s.execute(select(func.max(model.id))).scalar() or 0) + 1
        if next_ids["customer"] > 1:
            m: Any = models
            taken.checked = True
            taken.customer_numbers = set(s.execute(select(m["customer"].customer_number)).scalars())
            taken.nid_hashes = set(s.execute(select(m["customer"].nid_hash)
                                             .where(m["customer"].nid_hash.is_not(None))).scalars())
            taken.order_numbers = set(s.execute(select(m["order"].order_number)).scalars())
            taken.case_numbers = set(s.execute(select(m["service_case"].case_number)).scalars())
            taken.usernames = set(s.execute(select(m["membership"].username)).scalars())
    return next_ids, taken


# --- the generator ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Person:
    cid: int
    first: str
    last: str
    full: str
    se: bool
    created: int
    email: str | None
    e164: str | None
    street: str
    postcode: str
    city: str
    country: str
    #: A second address some people have orders sent to (work, cabin): (street, postcode, city).
    elsewhere: tuple[str, str, str] | None


class _Builder:
    """Turns random draws into rows. Times are seconds after DEMO_START until written out."""

    def __init__(self, ctx: DeskContext, seed: int, next_ids: dict[str, int], taken: _Taken) -> None:
        self.keys = ctx.keys
        self.rng = random.Random(seed)
        self.r = self.rng.random
        self.ids = next_ids
        self.taken = taken
        self.purposes = {kind: purposes_for(ctx.policy, kind) for kind in _COLUMNS}
        self.batch = _Batch()
        self._names: dict[tuple[str, str], tuple[str, tuple[str, ...], str, str]] = {}
        self._name_keys: dict[tuple[str, str], str] = {}
        self._used_nids: set[str] = set()
        self._used_emails: set[str] = set()
        self._used_phones: set[str] = set()
        self._used_usernames: set[str] = set()
        self._member_hashes: list[str] = []
        self.made = 0
        self.every_kind = False
        sqlite = ctx.db.is_sqlite
        if sqlite:
            # SQLAlchemy's SQLite DateTime text form, so stored values compare equal to bound ones.
            days = [(DEMO_START + timedelta(days=i)).date().isoformat() for i in range(_SPAN // _DAY + 400)]
            clock = [f" {h:02d}:{m:02d}:{s:02d}.000000" for h in range(24) for m in range(60) for s in range(60)]

            def at(sec: int) -> Any:
                return days[sec // _DAY] + clock[sec % _DAY]

            def day(d: date) -> Any:
                return d.isoformat()
        else:
            def at(sec: int) -> Any:
                return DEMO_START + timedelta(seconds=sec)

            def day(d: date) -> Any:
                return d
        self.at: Callable[[int], Any] = at
        self.day: Callable[[date], Any] = day

    # -- helpers -------------------------------------------------------------------------------

    def _id(self, kind: str) -> int:
        value = self.ids[kind]
        self.ids[kind] = value + 1
        return value

    def _pick(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.r() * len(seq))]

    def _between(self, start: int, end: int) -> int:
        return start + int(self.r() * (end - start if end > start else 1))

    def _daytime(self, sec: int) -> int:
        """The same day at a waking hour (07-23): people shop and write in the daytime."""
        return min((sec // _DAY) * _DAY + 7 * _HOUR + int(self.r() * 16 * _HOUR), _SPAN - 60)

    def _geometric(self, p: float) -> int:
        n = 0
        while self.r() < p:
            n += 1
        return n

    def _digits(self, n: int) -> str:
        return f"{int(self.r() * 10 ** n):0{n}d}"

    def _name_parts(self, first: str, last: str) -> tuple[str, tuple[str, ...], str, str]:
        """Sort key, search tokens and ASCII spellings, computed once per distinct name."""
        cached = self._names.get((first, last))
        if cached is None:
            cached = (name_sort_key(first, last), tuple(sorted(search_tokens(first, last))),
                      first.lower().translate(_ASCII), last.lower().translate(_ASCII))
            self._names[(first, last)] = cached
        return cached

    def _name_key(self, first: str, last: str) -> str:
        """The search row's folded full name (registry.name_key), once per distinct name."""
        key = self._name_keys.get((first, last))
        if key is None:
            key = self._name_keys[(first, last)] = name_key(first, last)
        return key

    def member_password_hashes(self) -> list[str]:
        """argon2 takes ~50 ms a hash: a handful of random passwords, hashed once, shared by all."""
        if not self._member_hashes:
            alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
            self._member_hashes = [
                hash_password("".join(self.rng.choice(alphabet) for _ in range(14)))
                for _ in range(MEMBER_PASSWORD_POOL)
            ]
        return self._member_hashes

    def _ip(self) -> str:
        if self.r() < 0.15:
            return f"2001:db8:{int(self.r() * 0xFFFF):x}:{int(self.r() * 0xFFFF):x}::{int(self.r() * 0xFFFF):x}"
        return f"{self._pick(IPV4_NETS)}.{1 + int(self.r() * 254)}"

    def _other_person(self) -> str:
        return f"{self._pick(_NO_FEMALE if self.r() < 0.5 else _NO_MALE)} {self._pick(_NO_LAST)}"

    def take_batch(self) -> _Batch:
        batch, self.batch = self.batch, _Batch()
        return batch

    # -- the person ----------------------------------------------------------------------------

    def person(self, showcase: tuple[str, str, str] | None = None) -> _Person:
        r = self.r
        rows = self.batch.rows
        cid = self._id("customer")
        se = r() < SE_SHARE
        female = r() < 0.5
        if showcase is not None:
            first, last, country = showcase
            se = country == "SE"
            language = "sv" if se else "nb"
        elif se:
            first = self._pick(_SE_FEMALE if female else _SE_MALE)
            last = self._pick(_SE_LAST)
            country, language = "SE", "sv"
        else:
            first = self._pick(_NO_FEMALE if female else _NO_MALE)
            last = self._pick(_NO_LAST)
            country, language = "NO", "nb"
        sort_name, tokens, a_first, a_last = self._name_parts(first, last)
        born = _BIRTH_FIRST + timedelta(days=int(r() * _BIRTH_DAYS))
        created = int(r() * (_SPAN - _DAY))

        nid = self._national_id(se, born) if r() < NID_SHARE or showcase else None
        if nid is not None:
            nid_cols: tuple[Any, ...] = (nid_hash(self.keys, nid), mask(nid),
                                         encrypt(self.keys.nid_enc, nid.number), nid.country)
        else:
            nid_cols = (None, None, None, None)

        email = self._email(a_first, a_last, born) if r() < 0.93 or showcase else None
        email_norm = email.lower() if email else None  # what normalize_email gives, tested
        phone, e164 = self._phone(se) if r() < 0.88 or showcase else (None, None)

        number = f"K{1000000 + cid}"
        if self.taken.checked:
            while number in self.taken.customer_numbers:
                number = f"K{1000000 + int(r() * 9_000_000)}"
            self.taken.customer_numbers.add(number)

        created_at = self.at(created)
        rows["customer"].append((
            cid, number, first, last, sort_name, email, email_norm, phone, e164, *nid_cols,
            self.day(born), language, country, created_at,
            self.purposes["customer"], created_at, "data_subject", False,
        ))
        tok_rows = rows[_TOKENS]
        key = self._name_key(first, last)
        for token in tokens:
            tok_rows.append((token, sort_name, cid, key))

        postcode, city = self._pick(names.SE_POSTCODES if se else names.NO_POSTCODES)
        street = f"{self._pick(names.SE_STREETS if se else names.NO_STREETS)} {1 + int(r() * 120)}"
        if r() < 0.08:
            street += self._pick("ABCD")
        self._address("home", cid, street=street, postcode=postcode, city=city, country=country,
                      collected=created)
        elsewhere = None
        if r() < 0.06:
            postcode2, city2 = self._pick(names.SE_POSTCODES if se else names.NO_POSTCODES)
            street2 = f"{self._pick(names.SE_STREETS if se else names.NO_STREETS)} {1 + int(r() * 80)}"
            self._address("delivery", cid, street=street2, postcode=postcode2, city=city2, country=country,
                          collected=created)
            elsewhere = (street2, postcode2, city2)
        return _Person(cid=cid, first=first, last=last, full=f"{first} {last}", se=se, created=created,
                       email=email_norm, e164=e164, street=street, postcode=postcode, city=city,
                       country=country, elsewhere=elsewhere)

    def _address(self, kind: str, cid: int, *, street: str, postcode: str, city: str, country: str,
                 collected: int) -> None:
        r = self.r
        # The policy's §9 sources: some addresses were checked against the public register.
        if r() < 0.2:
            source, verified = "public_address_register", self.at(self._between(collected, _SPAN))
        else:
            source, verified = "data_subject", (self.at(collected + 60) if r() < 0.5 else None)
        self.batch.rows["address"].append((
            self._id("address"), cid, kind, street, postcode, city, country, verified,
            self.purposes["address"], self.at(collected), source, False,
        ))

    def _national_id(self, se: bool, born: date) -> NationalId | None:
        """Synthetic numbers only; None when this birth date's numbers are all taken.

        Sweden has one reserved test number per birth date (birth number 000), so in a big register
        most Swedes go without: realistic enough, as the number is optional for a purchase.
        """
        for _ in range(8):
            number = synthetic_se(self.rng, born) if se else synthetic_no(self.rng, born)
            if number in self._used_nids:
                if se:
                    return None
                continue
            nid = NationalId("SE" if se else "NO", number, "test" if se else "synthetic", born)
            if self.taken.checked:
                hashed = nid_hash(self.keys, nid)
                if hashed in self.taken.nid_hashes:
                    continue
                self.taken.nid_hashes.add(hashed)
            self._used_nids.add(number)
            return nid
        return None

    def _email(self, a_first: str, a_last: str, born: date) -> str:
        r = self.r
        x = r()
        if x < 0.35:
            local = f"{a_first}.{a_last}"
        elif x < 0.5:
            local = f"{a_first}{a_last}"
        elif x < 0.65:
            local = f"{a_first[0]}{a_last}"
        elif x < 0.85:
            local = f"{a_first}.{a_last}{born.year % 100:02d}"
        else:
            local = f"{a_first}_{a_last}{int(r() * 100)}"
        domain = self._pick(EMAIL_DOMAINS)
        email = f"{local}@{domain}"
        while email in self._used_emails:
            email = f"{local}{int(r() * 10_000)}@{domain}"
        self._used_emails.add(email)
        if r() < 0.05:  # people type capitals; the search folds them
            email = email[0].upper() + email[1:]
        return email

    def _phone(self, se: bool) -> tuple[str, str]:
        """The number as the person typed it, and its E.164 form."""
        r = self.r
        while True:
            if se:
                national = self._pick(_SE_MOBILE_PREFIXES) + self._digits(7)
                e164 = "+46" + national
            else:
                national = self._pick(_NO_MOBILE_PREFIXES) + self._digits(6)
                e164 = "+47" + national
            if e164 not in self._used_phones:
                self._used_phones.add(e164)
                break
        n = national
        x = r()
        if se:
            if x < 0.35:
                typed = f"0{n[:2]}-{n[2:5]} {n[5:7]} {n[7:]}"
            elif x < 0.6:
                typed = f"0{n}"
            elif x < 0.8:
                typed = f"+46 {n[:2]} {n[2:5]} {n[5:7]} {n[7:]}"
            elif x < 0.9:
                typed = f"0{n[:2]} {n[2:5]} {n[5:7]} {n[7:]}"
            else:
                typed = f"+46{n}"
        elif x < 0.3:
            typed = f"+47 {n[:3]} {n[3:5]} {n[5:]}"
        elif x < 0.6:
            typed = n
        elif x < 0.8:
            typed = f"{n[:3]} {n[3:5]} {n[5:]}"
        elif x < 0.88:
            typed = f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:]}"
        elif x < 0.95:
            typed = f"+47{n}"
        else:
            typed = f"0047 {n[:3]} {n[3:5]} {n[5:]}"
        return typed, e164

    # -- what the person did -------------------------------------------------------------------

    def customer(self, *, orders: int | None = None, service_cases: int | None = None,
                 it_records: int | None = None, member: bool | None = None,
                 showcase: tuple[str, str, str] | None = None, every_kind: bool = False) -> int:
        """One person and everything they did; counts default to random draws.

        `every_kind` gives the person at least one record of every kind, so even a small demo
        shows each part of the register copy.
        """
        r = self.r
        self.every_kind = every_kind
        p = self.person(showcase)
        if orders is None:
            n_orders = self._pick(_ORDER_COUNTS)
            n_orders = max(n_orders, 3) if every_kind else n_orders
        else:
            n_orders = orders
        if n_orders:
            times = sorted(max(self._daytime(self._between(p.created, _SPAN)), p.created)
                           for _ in range(n_orders))
            order_ids = [self._order(p, t) for t in times]
        else:
            order_ids = []
        n_cases = max(self._geometric(0.23), every_kind) if service_cases is None else service_cases
        for _ in range(n_cases):
            self._service_case(p)
        n_it = self._pick(_IT_COUNTS) if it_records is None else it_records
        for _ in range(n_it):
            self._it_environment(p, self._between(p.created, _SPAN))
        if r() < 0.01 or every_kind:
            # A fixed IT-record count (the heavy customer) already includes the flagged sessions.
            self._fraud(p, order_ids, sessions=it_records is None)
        for _ in range(max(self._geometric(0.09), every_kind)):
            self._competition(p)
        is_member = (r() < 0.4 or every_kind) if member is None else member
        if is_member:
            self._membership(p)
        if r() < 0.005 or every_kind:
            self._job_application(p)
        for _ in range(max(self._geometric(0.167), every_kind)):
            self._contact_message(p)
        if r() < 0.85 or every_kind:
            self._marketing(p, member_how="mine_sider" if is_member and r() < 0.5 else None)
        self.every_kind = False
        return p.cid

    def _order(self, p: _Person, t: int) -> int:
        """An order with its lines, delivery, payment and (for invoice and instalment) credit check.

        The hottest code of a build, hence the local names: about a third of generation time.
        """
        r = self.r
        at = self.at
        ids = self.ids
        rows = self.batch.rows
        purposes = self.purposes
        oid = ids["order"]
        ids["order"] = oid + 1
        number = f"TP-{1000000 + (oid * 7919 + 4201) % 9_000_000}"
        if self.taken.checked:
            while number in self.taken.order_numbers:
                number = f"TP-{1000000 + int(r() * 9_000_000)}"
            self.taken.order_numbers.add(number)
        se = p.se
        currency = "SEK" if se else "NOK"
        ordered_at = at(t)

        line_rows = rows["order_line"]
        purposes_line = purposes["order_line"]
        line_id = ids["order_line"]
        subtotal = 0
        first_product = ""
        for _ in range(_LINE_COUNTS[int(r() * len(_LINE_COUNTS))]):
            index = int(r() * len(names.PRODUCTS))
            product, kroner = names.PRODUCTS[index]
            quantity = 1 if kroner >= 1000 or r() < 0.7 else 2
            price = kroner * 100
            subtotal += quantity * price
            first_product = first_product or product
            line_rows.append((line_id, oid, _SKUS[index], product, quantity, price, _LONG_LIVED[index],
                              purposes_line, ordered_at, "data_subject", False))
            line_id += 1
        ids["order_line"] = line_id
        total = subtotal if subtotal >= 100_000 else subtotal + 6_900

        methods = _PAY_SE if se else _PAY_NO
        method = methods[int(r() * len(methods))]
        if method in ("invoice", "instalment") and r() < 0.9:
            outcome = _CREDIT_OUTCOMES[int(r() * len(_CREDIT_OUTCOMES))]
            bureau = self._pick(names.CREDIT_BUREAUS_SE if se else names.CREDIT_BUREAUS_NO)
            explanation = (f"Automatisk vurdering hos Qliro av betalingshistorikk og kredittopplysninger fra "
                           f"{bureau}: {_METHOD_NB[method]} {_OUTCOME_NB[outcome]}.")
            checked = at(max(t - 30 - int(r() * 240), 0))
            rows["credit_check"].append((
                self._id("credit_check"), p.cid, oid, "Qliro", bureau, checked, outcome, method, explanation,
                purposes["credit_check"], checked, "credit_bureaus", False,
            ))
            if outcome == "declined":
                method = "card"  # the customer paid by card instead

        shipped = t + 2 * _HOUR + int(r() * 46 * _HOUR)
        delivered = shipped + _DAY + int(r() * 4 * _DAY)
        if method == "invoice":
            paid = t + 5 * _DAY + int(r() * 25 * _DAY)
        elif method == "instalment":
            paid = t + _DAY + int(r() * _DAY)
        else:
            paid = t + int(r() * 120)
        done = delivered if delivered > paid else paid

        if r() < 0.02:
            status, shipped_at, delivered_at, paid_at, completed_at = "cancelled", None, None, None, None
        elif done > _SPAN:
            status, completed_at = "open", None
            shipped_at = at(shipped) if shipped <= _SPAN else None
            delivered_at = at(delivered) if delivered <= _SPAN else None
            paid_at = at(paid) if paid <= _SPAN else None
        else:
            status = "returned" if r() < 0.03 else "completed"
            shipped_at, delivered_at, paid_at = at(shipped), at(delivered), at(paid)
            completed_at = delivered_at if done == delivered else paid_at
        rows["order"].append((oid, p.cid, number, ordered_at, completed_at, status,
                              "phone" if r() < 0.06 else "web", None, total, currency,
                              purposes["order"], ordered_at, "data_subject", False))

        carriers = names.CARRIERS_SE if se else names.CARRIERS_NO
        carrier = carriers[int(r() * len(carriers))]
        tracking = None if shipped_at is None else self._tracking(carrier)
        recipient = p.full if r() < 0.95 else self._other_person()
        street, postcode, city = (p.elsewhere if p.elsewhere is not None and r() < 0.4
                                  else (p.street, p.postcode, p.city))
        delivery_id = ids["delivery"]
        ids["delivery"] = delivery_id + 1
        rows["delivery"].append((
            delivery_id, oid, p.cid, carrier, tracking, recipient, street, postcode, city,
            p.country, shipped_at, delivered_at, purposes["delivery"], ordered_at, "data_subject", False,
        ))
        payment_id = ids["payment"]
        ids["payment"] = payment_id + 1
        rows["payment"].append((
            payment_id, oid, p.cid, method, _PROVIDERS[method], total, currency, paid_at,
            f"{int(r() * 10_000):04d}" if method == "card" else None,
            self._payment_reference(method), purposes["payment"], ordered_at, "data_subject", False,
        ))
        if status == "completed" and (r() < 0.04 or self.every_kind):
            self._warranty(p, oid, first_product, delivered)
        return oid

    def _tracking(self, carrier: str) -> str:
        if carrier in ("Posten", "Bring"):
            return f"3707{self._digits(14)}"
        if carrier == "PostNord":
            return f"00{self._digits(16)}"
        if carrier == "DHL":
            return f"JVGL{self._digits(10)}"
        return f"IBX{self._digits(9)}"

    def _payment_reference(self, method: str) -> str:
        if method in ("invoice", "instalment"):
            return f"QL{self._digits(9)}"
        if method == "vipps":
            return f"VP-{self._digits(10)}"
        if method == "swish":
            return f"SW{self._digits(12)}"
        return f"PSP{self._digits(12)}"

    def _warranty(self, p: _Person, oid: int, product: str, delivered: int) -> None:
        r = self.r
        opened = delivered + 5 * _DAY + int(r() * 700 * _DAY)
        if opened >= _SPAN:
            return
        # Within two years it is a complaint under forbrukerkjøpsloven; later, the maker's warranty.
        kind = "complaint" if opened - delivered < 730 * _DAY else "warranty"
        closed = opened + 3 * _DAY + int(r() * 37 * _DAY)
        done = closed <= _SPAN
        opened_at = self.at(opened)
        self.batch.rows["warranty_case"].append((
            self._id("warranty_case"), p.cid, oid, kind, product, self._pick(names.WARRANTY_DESCRIPTIONS),
            opened_at, self.at(closed) if done else None, "closed" if done else "open",
            self._pick(names.WARRANTY_RESOLUTIONS) if done else None,
            self.purposes["warranty_case"], opened_at, "data_subject", False,
        ))

    def _service_case(self, p: _Person) -> None:
        r = self.r
        rows = self.batch.rows
        case_id = self._id("service_case")
        number = f"KS-{case_id:07d}"
        if self.taken.checked:
            while number in self.taken.case_numbers:
                number = f"KS-{int(r() * 10_000_000):07d}"
            self.taken.case_numbers.add(number)
        opened = max(self._daytime(self._between(p.created, _SPAN)), p.created)
        channel = self._pick(names.SERVICE_CHANNELS)
        subject = self._pick(names.SERVICE_SUBJECTS)
        sent = opened
        purposes = self.purposes["case_message"]
        inbound = names.INBOUND_SE if p.se else names.INBOUND_NO
        last = opened
        for i in range(self._pick(_MESSAGE_COUNTS)):
            if sent > _SPAN:
                break
            sent_at = self.at(sent)
            if i % 2 == 0:
                if r() < 0.08 or (self.every_kind and i == 0):
                    body = self._pick(names.INBOUND_OTHER_PERSON).format(other=self._other_person())
                else:
                    body = self._pick(inbound)
                rows["case_message"].append((self._id("case_message"), case_id, p.cid, "in", sent_at, p.full,
                                             body, purposes, sent_at, "data_subject", False))
            else:
                body = self._pick(names.OUTBOUND).format(first=p.first)
                rows["case_message"].append((self._id("case_message"), case_id, p.cid, "out", sent_at,
                                             self._pick(names.STAFF_SIGNATURES), body, purposes, sent_at,
                                             "data_subject", False))
            last = sent
            sent += _HOUR + int(r() * 35 * _HOUR)
        closed = last + int(r() * 3 * _DAY)
        still_open = closed > _SPAN or (opened > _SPAN - 21 * _DAY and r() < 0.5)
        notes = f"Kunden tok kontakt via {channel}: {subject.lower()}" if r() < 0.6 else None
        opened_at = self.at(opened)
        rows["service_case"].append((
            case_id, p.cid, number, channel, subject, notes, opened_at,
            None if still_open else self.at(closed), "open" if still_open else "closed",
            self.purposes["service_case"], opened_at, "data_subject", False,
        ))

    def _it_environment(self, p: _Person, seen: int) -> None:
        agent, system, platform, screen = self._pick(names.DEVICES)
        language = ("sv-SE" if p.se else "nb-NO") if self.r() < 0.93 else "en-US"
        seen_at = self.at(seen)
        self.batch.rows["it_environment"].append((
            self._id("it_environment"), p.cid, seen_at, self._ip(), agent, language,
            "Europe/Stockholm" if p.se else "Europe/Oslo", system, screen, platform,
            self.purposes["it_environment"], seen_at, "data_subject", False,
        ))

    def _fraud(self, p: _Person, order_ids: list[int], *, sessions: bool) -> None:
        r = self.r
        detected = self._between(p.created, _SPAN)
        kind, description, severity = self._pick(names.FRAUD_KINDS)
        order_id = self._pick(order_ids) if order_ids and r() < 0.5 else None
        detected_at = self.at(detected)
        self.batch.rows["fraud_signal"].append((
            self._id("fraud_signal"), p.cid, order_id, detected_at, kind, description, severity,
            self.purposes["fraud_signal"], detected_at, "data_subject", False,
        ))
        for _ in range(2 + int(r() * 4) if sessions else 0):  # the sessions that raised the signal
            self._it_environment(p, max(detected - int(r() * _DAY), 0))

    def _competition(self, p: _Person) -> None:
        r = self.r
        name, kind, start, end = self._pick(_COMPETITIONS)
        entered = self._between(start, min(end, _SPAN))
        ended = end <= _SPAN
        entered_at = self.at(entered)
        self.batch.rows["competition_entry"].append((
            self._id("competition_entry"), p.cid, name, kind, entered_at, self.at(min(end, _SPAN + 40 * _DAY)),
            self._pick(names.COMPETITION_ANSWERS) if kind == "competition" else None,
            self._pick(names.EVENT_EVALUATIONS) if kind == "event" and ended and r() < 0.6 else None,
            self._ip(), ended and r() < 0.03,
            self.purposes["competition_entry"], entered_at, "data_subject", False,
        ))

    def _membership(self, p: _Person) -> None:
        r = self.r
        rows = self.batch.rows
        mid = self._id("membership")
        base = (p.email.split("@")[0] if p.email else
                f"{p.first.lower().translate(_ASCII)}{p.last.lower().translate(_ASCII)}")
        username = base
        while username in self._used_usernames or username in self.taken.usernames:
            username = f"{base}{int(r() * 10_000)}"
        self._used_usernames.add(username)
        joined = self._between(p.created, min(p.created + 30 * _DAY, _SPAN))
        ended = self._between(joined, _SPAN) if r() < 0.06 else None
        joined_at = self.at(joined)
        rows["membership"].append((
            mid, p.cid, username, self._pick(self.member_password_hashes()), joined_at,
            None if ended is None else self.at(ended), self._pick(_PROFILE_SETTINGS),
            self.purposes["membership"], joined_at, "data_subject", False,
        ))
        until = _SPAN if ended is None else ended
        purposes = self.purposes["favourite"]
        for _ in range(max(int(r() * 6), self.every_kind)):
            index = int(r() * len(names.PRODUCTS))
            added_at = self.at(self._between(joined, until))
            rows["favourite"].append((self._id("favourite"), mid, p.cid, names.PRODUCTS[index][0], _SKUS[index],
                                      added_at, purposes, added_at, "data_subject", False))

    def _job_application(self, p: _Person) -> None:
        r = self.r
        submitted = self._between(p.created, _SPAN)
        closed = submitted + 30 * _DAY + int(r() * 60 * _DAY)
        done = closed <= _SPAN
        status = self._pick(("rejected", "rejected", "rejected", "hired")) if done else \
            self._pick(("received", "interview"))
        submitted_at = self.at(submitted)
        position = self._pick(names.JOB_POSITIONS)
        self.batch.rows["job_application"].append((
            self._id("job_application"), p.cid, position, submitted_at, self.at(closed) if done else None,
            f"Hei! Jeg søker på stillingen som {position.lower()}. Jeg har erfaring fra handel og liker å "
            f"hjelpe folk. Vennlig hilsen {p.full}",
            status, self.purposes["job_application"], submitted_at, "data_subject", False,
        ))

    def _contact_message(self, p: _Person) -> None:
        r = self.r
        received = self._between(p.created, _SPAN)
        closed = received + _HOUR + int(r() * 5 * _DAY)
        done = closed <= _SPAN and r() < 0.95
        index = int(r() * len(names.CONTACT_SUBJECTS))
        sender = p.email or f"{p.first.lower().translate(_ASCII)}{self._digits(3)}@{self._pick(EMAIL_DOMAINS)}"
        received_at = self.at(received)
        self.batch.rows["contact_message"].append((
            self._id("contact_message"), p.cid, "email" if r() < 0.5 else "contact_form", received_at,
            self.at(closed) if done else None, sender, names.CONTACT_SUBJECTS[index], names.CONTACT_BODIES[index],
            self.purposes["contact_message"], received_at, "data_subject", False,
        ))

    def _marketing(self, p: _Person, member_how: str | None) -> None:
        """One consent row per channel; a few people objected, leaving a suppression entry."""
        r = self.r
        rows = self.batch.rows
        how = member_how or self._pick(_CONSENT_HOW)
        objected = self._pick(("email", "sms")) if r() < 0.01 or self.every_kind else None
        purposes = self.purposes["marketing_consent"]
        consent_rows = rows["marketing_consent"]
        # The three choices are made together (at checkout, on Mine sider ...), so one moment.
        chosen = self._between(p.created, min(p.created + 7 * _DAY, _SPAN))
        chosen_at = self.at(chosen)
        postal = postal_contact_value(p.street, p.postcode)
        for channel, share, reachable in (("email", 0.55, p.email), ("sms", 0.3, p.e164),
                                          ("post", 0.15, postal)):
            granted = reachable is not None and r() < share
            changed_at = chosen_at
            if channel == objected and reachable is not None:
                granted = False
                changed_at = self.at(self._between(chosen, _SPAN))
                rows["marketing_suppression"].append((
                    self._id("marketing_suppression"), p.cid, channel,
                    contact_hash(self.keys, channel, reachable), changed_at, None,
                    self.purposes["marketing_suppression"], changed_at, "data_subject", False,
                ))
            consent_id = self.ids["marketing_consent"]
            self.ids["marketing_consent"] = consent_id + 1
            consent_rows.append((consent_id, p.cid, channel, granted, changed_at, how, purposes, changed_at,
                                 "data_subject", False))


# --- entry points ----------------------------------------------------------------------------------


def _ensure_demo_accounts(ctx: DeskContext) -> None:
    with ctx.db.transaction() as s:
        existing = set(s.execute(select(StaffAccount.username)).scalars())
    accounts = AccountService(ctx)
    for username, role, display in DEMO_ACCOUNTS:
        if username not in existing:
            accounts.add(username, role, DEMO_PASSWORD, display)


def _produce(builder: _Builder, total: int, emit: Callable[[_Rows, int], None]) -> None:
    """The one generation loop, whichever process runs it, so output never depends on that."""
    done = 0
    while done < total:
        size = min(BATCH_CUSTOMERS, total - done)
        for _ in range(size):
            made = builder.made
            showcase = names.SHOWCASE_PEOPLE[made] if made < len(names.SHOWCASE_PEOPLE) else None
            builder.customer(showcase=showcase, every_kind=made == 0)
            builder.made = made + 1
        done += size
        emit(builder.take_batch().rows, done)


def _child(builder: _Builder, total: int, out: Connection) -> None:
    try:
        _produce(builder, total, lambda rows, done: out.send((rows, done)))
        out.send(None)
    except BaseException as exc:
        out.send(RuntimeError(f"demo-data generator failed: {exc!r}"))
    finally:
        out.close()


def _fork_context() -> ForkContext | None:
    """Fork, where safe: no re-import of __main__, and the child inherits the keys and policy.

    macOS and Windows get no second process (fork is unsafe or missing there); their builds run
    in one process, which gives the same rows, only slower.
    """
    if not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods():
        return None
    if len(os.sched_getaffinity(0)) < 2:
        return None  # one core: a second process would only add the cost of pickling
    return multiprocessing.get_context("fork")


def _run(ctx: DeskContext, total: int, seed: int, progress: Callable[[int, int], None] | None,
         build: Callable[[_Builder], None] | None = None) -> DemoReport:
    started = time.perf_counter()
    next_ids, taken = _start_state(ctx.db)
    builder = _Builder(ctx, seed, next_ids, taken)
    builder.member_password_hashes()
    if progress:
        progress(0, total)
    # Millions of acyclic tuples would make the cyclic collector rescan an ever larger live set
    # (a fifth of the build time); nothing built here forms a cycle.
    collect = gc.isenabled()
    gc.disable()
    try:
        with _Writer(ctx.db) as writer:

            def emit(rows: _Rows, done: int) -> None:
                writer.write(rows)
                if progress and done < total:
                    progress(done, total)

            fork = _fork_context() if build is None and total >= PARALLEL_FROM else None
            if build is not None:
                build(builder)
                emit(builder.take_batch().rows, total)
            elif fork is None:
                _produce(builder, total, emit)
            else:
                _produce_in_child(fork, builder, total, emit)
    finally:
        if collect:
            gc.enable()
    if progress:
        progress(total, total)
    return DemoReport(counts=dict(writer.counts), customers=writer.counts[_table("customer")],
                      seconds=time.perf_counter() - started)


def _produce_in_child(fork: ForkContext, builder: _Builder, total: int,
                      emit: Callable[[_Rows, int], None]) -> None:
    """Generation is over half the work and the driver holds the GIL while it binds values, so a
    thread would not overlap: a forked child generates the next batch while this process writes."""
    receive, send = fork.Pipe(duplex=False)
    child = fork.Process(target=_child, args=(builder, total, send), name="demo-data-generator", daemon=True)
    child.start()
    send.close()
    try:
        while True:
            try:
                message = receive.recv()
            except EOFError:
                raise RuntimeError("the demo-data generator stopped unexpectedly") from None
            if message is None:
                return
            if isinstance(message, BaseException):
                raise message
            rows, done = message
            emit(rows, done)
    finally:
        receive.close()
        if child.is_alive():
            child.terminate()
        child.join()


def generate_demo_data(
    ctx: DeskContext,
    *,
    customers: int,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> DemoReport:
    """Fill the database with `customers` invented people and all they did, plus the demo accounts."""
    if customers < 1:
        raise ValueError("customers must be at least 1")
    _ensure_demo_accounts(ctx)
    return _run(ctx, customers, seed, progress)


def add_heavy_customer(
    ctx: DeskContext,
    *,
    seed: int = 7,
    orders: int = 2000,
    service_cases: int = 500,
    it_records: int = 10000,
) -> int:
    """One customer with a long history, for timing the profile view and the register copy."""
    result: list[int] = []

    def build(builder: _Builder) -> None:
        result.append(builder.customer(orders=orders, service_cases=service_cases, it_records=it_records,
                                       member=True, every_kind=True))

    _run(ctx, 1, seed, None, build)
    return result[0]
