"""The shop's own systems as typed, immutable data: what each holds and how it maps onto the desk.

A systems file (``resources/sources/*.toml``) lists the shop's source systems. Each system says how
to reach it (the password only ever in the OS keyring), which desk record kinds and policy purposes
it feeds, which policy recipient or processor it is, and, for a SQL system, a mapping: the source
tables, how each row leads to a person, and which column becomes which desk field under which policy
category. Nothing here knows any shop platform; the django-oscar example is only a file.

Every column mapping is a table of its own so the next step (carrying out requests in the source:
anonymise, null, delete or keep per field) can add its actions beside ``field`` and ``category``
without changing the file's shape. The intended keys, refused by the loader until that step exists:

* per column: ``on_erasure = "anonymise" | "null" | "keep"`` (with ``anonymise_as`` for a kind's
  value: "[slettet]", an ``.invalid`` address, zero digits, a network-cut IP), ``rectify = true``,
  ``marketing_channel = "email"`` for a consent or subscription flag;
* per table: ``on_erasure = "delete_row" | "anonymise" | "keep"`` with ``hold = "<policy purpose>"``
  for rows kept for bookkeeping, and ``restriction_column`` for a system's own restriction flag;
* per system: ``write_url`` and its own keyring entry, so the reading login stays read-only.

Sync provenance (``source_record``: system, source table, source key) already names the row each
desk record came from, which is what a task per system needs to find it again and read it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "IDENTITY_KEYS",
    "SYSTEM_KINDS",
    "VALUE_TYPES",
    "ColumnMap",
    "Completion",
    "Join",
    "PersonLink",
    "SourcesFile",
    "System",
    "TableMap",
]

SystemKind = Literal["sql", "file", "manual"]
#: sql: read through SQLAlchemy; file: CSV / JSON Lines exports; manual: no connection (a processor).
SYSTEM_KINDS: tuple[SystemKind, ...] = ("sql", "file", "manual")

#: The identity keys a row can carry: the desk finds one person by any of them.
IDENTITY_KEYS: tuple[str, ...] = ("email", "phone", "national_id")

#: Value conversions a column can ask for; "auto" follows the desk field's own type.
VALUE_TYPES: tuple[str, ...] = ("auto", "text", "int", "money", "datetime", "date", "bool")


@dataclass(frozen=True, kw_only=True)
class ColumnMap:
    """One source column: the desk field it fills and the policy category it holds.

    ``column`` may be qualified (``order_order.status``) when it comes from a joined table. Several
    columns may fill one field (first and last name into a recipient name); they are joined with
    ``separator`` in file order, skipping empty parts. ``values`` translates source codes into the
    desk's (Oscar's "Complete" into "completed").
    """

    column: str
    field: str | None
    category: str | None
    type: str = "auto"
    separator: str = " "
    values: tuple[tuple[str, str], ...] = ()
    #: Read for identity only (e-mail, phone): not copied into a desk field.
    identity: str | None = None
    #: A pattern with one {} for the value, so numbers from several systems never collide ("OSC-{}").
    format: str | None = None


@dataclass(frozen=True, kw_only=True)
class Join:
    """A table joined to the mapped one: ``on`` pairs its column with a column already in the query."""

    table: str
    on: tuple[tuple[str, str], ...]
    outer: bool = False


@dataclass(frozen=True, kw_only=True)
class PersonLink:
    """How a row leads to its person.

    ``self``: the row is a person (a customer account) with identity columns. ``via``: the row
    names a row of an earlier mapping (by its key) whose person it belongs to; that mapping's desk
    record is also the row's parent (an order line's order). A row that names nobody falls back to
    its own identity columns (a guest order's e-mail).
    """

    self_: bool = False
    via: str | None = None
    column: str | None = None
    parent_field: str | None = None


@dataclass(frozen=True, kw_only=True)
class Completion:
    """Which values of a status column mean "the purchase is complete": the shop's own pipeline.

    The desk's ``completed_at`` becomes the ``at`` column's value, or when there is none, the time
    the sync first saw the row complete (later, so never shorter retention than the truth).
    """

    column: str
    complete: tuple[str, ...]
    at: str | None = None


@dataclass(frozen=True, kw_only=True)
class TableMap:
    """One source table (with its joins) feeding one desk record kind."""

    name: str
    table: str
    record_kind: str
    key: tuple[str, ...]
    person: PersonLink
    columns: tuple[ColumnMap, ...]
    joins: tuple[Join, ...] = ()
    changed: str | None = None
    constants: tuple[tuple[str, str], ...] = ()
    completion: Completion | None = None
    where: tuple[tuple[str, str], ...] = ()

    def identity_columns(self) -> dict[str, str]:
        """Identity key -> source column, for rows that can name their person themselves."""
        out: dict[str, str] = {}
        for c in self.columns:
            if c.identity:
                out[c.identity] = c.column
        return out

    def source_columns(self) -> tuple[str, ...]:
        """Every column the query reads, qualified or not, in a stable order without repeats."""
        seen: list[str] = []
        for name in (*self.key, *(c.column for c in self.columns),
                     *((self.person.column,) if self.person.column else ()),
                     *((self.changed,) if self.changed else ()),
                     *((self.completion.column,) if self.completion else ()),
                     *((self.completion.at,) if self.completion and self.completion.at else ())):
            if name not in seen:
                seen.append(name)
        return tuple(seen)


@dataclass(frozen=True, kw_only=True)
class System:
    """One of the shop's systems."""

    name: str
    kind: SystemKind
    label: dict[str, str]
    url: str | None = None
    #: "keyring": the reading login's password is in the OS keyring (service gdpr-desk, user source:NAME).
    password: str | None = None
    #: The reading login may write: only allowed when it is also the account that carries out requests.
    writer_account: bool = False
    record_kinds: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    #: The policy recipient or processor this system is (for manual tasks and named recipients).
    recipient: str | None = None
    privacy_contact: str | None = None
    languages: tuple[str, ...] = ("nb", "en", "sv")
    #: Region for phone numbers written without a country code.
    phone_region: str = "NO"
    #: Prefix for customer numbers of people this system brings (so the desk can show "OSC1042").
    number_prefix: str = ""
    tables: tuple[TableMap, ...] = ()

    def table(self, name: str) -> TableMap:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)

    def keyring_user(self) -> str:
        return f"source:{self.name}"


@dataclass(frozen=True)
class SourcesFile:
    path: str
    systems: tuple[System, ...] = field(default_factory=tuple)

    def system(self, name: str) -> System:
        for s in self.systems:
            if s.name == name:
                return s
        raise KeyError(name)
