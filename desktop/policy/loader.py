"""Read and validate a shop's policy file, so the desk never runs on a policy it has misread.

The people who edit the file are not programmers: every failure is a `PolicyError` naming the
file and the field path (``purposes[3].retention.anchor``), 0-based like the TOML arrays. The
checks go beyond types: unknown fields (a misspelt optional field would otherwise vanish), unique
keys, every cross reference, and the two views of who receives what must agree.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import NoReturn, Protocol, TypeVar

from desktop.paths import resources_dir
from desktop.policy.model import (
    BOOKKEEPING_LAWS,
    LEGAL_BASIS_KEYS,
    RECIPIENT_KINDS,
    RECORD_KINDS,
    RETENTION_ANCHORS,
    RIGHT_KEYS,
    AutomatedDecision,
    Category,
    Company,
    LegalBasis,
    MarketingChannel,
    Policy,
    ProcessingLocation,
    Purpose,
    Recipient,
    RecordKind,
    RetentionRule,
    Right,
    RightClause,
    Sharing,
    Source,
    SupervisoryAuthority,
    Text,
)

__all__ = [
    "DEFAULT_POLICY_PATH",
    "POLICY_FILE_NAME",
    "PolicyError",
    "default_policy_path",
    "load_policy",
    "parse_policy",
]

POLICY_FILE_NAME = "teknikproffset-no.toml"


def default_policy_path() -> Path:
    """The shipped policy; via `resources_dir` so a frozen build and GDPR_DESK_RESOURCES work too."""
    return resources_dir() / "policy" / POLICY_FILE_NAME


#: The shipped policy, `<repo>/resources/policy/teknikproffset-no.toml` in a checkout.
DEFAULT_POLICY_PATH: Path = default_policy_path()


class PolicyError(ValueError):
    """A policy file that cannot be trusted; the message says which file and which field."""

    def __init__(self, source: str, field: str, problem: str) -> None:
        self.source = source
        self.field = field
        self.problem = problem
        super().__init__(f"{source}: {field}: {problem}" if field else f"{source}: {problem}")


def load_policy(path: Path | None = None) -> Policy:
    """Load and validate a policy file (default: the shipped one).

    Cached per file; the cache key includes modification time and size, so an edited file is
    read again instead of being served stale.
    """
    target = (path if path is not None else default_policy_path()).resolve()
    try:
        stat = target.stat()
    except OSError as exc:
        raise PolicyError(target.name, "", f"cannot read policy file {target}: {exc.strerror}") from exc
    return _load_cached(target, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _load_cached(path: Path, mtime_ns: int, size: int) -> Policy:
    del mtime_ns, size  # only part of the cache key
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PolicyError(path.name, "", f"cannot read policy file {path}: {exc.strerror}") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise PolicyError(path.name, "", f"not UTF-8 text (byte {exc.start}: {exc.reason})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(path.name, "", f"TOML syntax error: {exc}") from exc
    return parse_policy(data, path.name)


# --- Reading fields with their paths -----------------------------------------------------------

_KEY = re.compile(r"[a-z][a-z0-9_]*")
_POLICY_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")
_COUNTRY = re.compile(r"[A-Z]{2}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_URL = re.compile(r"https?://[^\s/]+\.[^\s]+")


def _describe(value: object) -> str:
    """A TOML reader's name for a value's type, for messages."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return f"a {type(value).__name__}"


_S = TypeVar("_S", bound=str)


@dataclass
class _Context:
    source: str
    languages: tuple[str, ...] = ("nb",)


class _Node:
    """One table of the file and its path, so every error can name the exact field."""

    def __init__(self, data: Mapping[str, object], path: str, ctx: _Context) -> None:
        self.data = data
        self.path = path
        self.ctx = ctx

    def at(self, name: str) -> str:
        if not name:
            return self.path
        return f"{self.path}.{name}" if self.path else name

    def fail(self, name: str, problem: str) -> NoReturn:
        raise PolicyError(self.ctx.source, self.at(name), problem)

    def only(self, *allowed: str) -> None:
        for name in self.data:
            if name not in allowed:
                self.fail(name, f"unknown field (expected one of: {', '.join(allowed)})")

    def has(self, name: str) -> bool:
        return name in self.data

    def _value(self, name: str) -> object:
        if name not in self.data:
            self.fail(name, "missing (required)")
        return self.data[name]

    def string(self, name: str, pattern: re.Pattern[str] | None = None, expected: str = "") -> str:
        return self._check_string(name, self._value(name), pattern, expected)

    def _check_string(
        self, name: str, value: object, pattern: re.Pattern[str] | None = None, expected: str = ""
    ) -> str:
        if not isinstance(value, str):
            self.fail(name, f"expected a string, got {_describe(value)}")
        if not value.strip():
            self.fail(name, "must not be empty")
        if pattern is not None and not pattern.fullmatch(value):
            self.fail(name, f"{value!r} is not {expected}")
        return value

    def key(self, name: str = "key") -> str:
        return self.string(name, _KEY, "a valid key (lower-case letters, digits and _)")

    def choice(self, name: str, choices: Sequence[_S], what: str) -> _S:
        """One of a closed vocabulary, returned as the vocabulary's own (Literal-typed) value."""
        value = self.string(name)
        for choice in choices:
            if choice == value:
                return choice
        self.fail(name, f"unknown {what} {value!r} (expected one of: {', '.join(choices)})")

    def integer(self, name: str, default: int | None = None) -> int:
        if default is not None and name not in self.data:
            return default
        value = self._value(name)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(name, f"expected a whole number, got {_describe(value)}")
        if value < 0:
            self.fail(name, f"must not be negative, got {value}")
        return value

    def optional_date(self, name: str) -> date | None:
        """A TOML date (2009-03-01), or None when the key is absent."""
        if name not in self.data:
            return None
        value = self.data[name]
        if isinstance(value, datetime) or not isinstance(value, date):
            self.fail(name, f"expected a date such as 2009-03-01, got {_describe(value)}")
        return value

    def boolean(self, name: str, default: bool) -> bool:
        value = self.data.get(name, default)
        if not isinstance(value, bool):
            self.fail(name, f"expected true or false, got {_describe(value)}")
        return value

    def _array(self, name: str) -> list[object]:
        value = self._value(name)
        if not isinstance(value, list):
            self.fail(name, f"expected an array, got {_describe(value)}")
        return value

    def lines(self, name: str) -> tuple[str, ...]:
        """Free-text lines (an address block): strings, possibly none."""
        return tuple(self._check_string(f"{name}[{i}]", v) for i, v in enumerate(self._array(name)))

    def keys(self, name: str, *, non_empty: bool = False) -> tuple[str, ...]:
        """A list of references by key; repeats are mistakes, not emphasis."""
        values = self._array(name)
        if non_empty and not values:
            self.fail(name, "must not be empty")
        result: list[str] = []
        for i, value in enumerate(values):
            item = self._check_string(f"{name}[{i}]", value, _KEY, "a valid key")
            if item in result:
                first = self.at(f"{name}[{result.index(item)}]")
                self.fail(f"{name}[{i}]", f"duplicate {item!r} (already at {first})")
            result.append(item)
        return tuple(result)

    def text(self, name: str) -> Text:
        return self._parse_text(name, self._value(name))

    def optional_text(self, name: str) -> Text | None:
        return self._parse_text(name, self.data[name]) if name in self.data else None

    def texts(self, name: str) -> tuple[Text, ...]:
        return tuple(self._parse_text(f"{name}[{i}]", v) for i, v in enumerate(self._array(name)))

    def _parse_text(self, name: str, value: object) -> Text:
        if not isinstance(value, Mapping):
            self.fail(name, f'expected a text table like {{nb = "...", en = "..."}}, got {_describe(value)}')
        entries: dict[str, str] = {}
        for lang, text in value.items():
            if not isinstance(lang, str) or not _LANGUAGE.fullmatch(lang):
                self.fail(f"{name}.{lang}", "not a language code (such as nb, en, sv)")
            entries[lang] = self._check_string(f"{name}.{lang}", text)
        for lang in self.ctx.languages:
            if lang not in entries:
                what = "Norwegian Bokmål (nb)" if lang == "nb" else f"default-language ({lang})"
                self.fail(f"{name}.{lang}", f"missing: every text needs a {what} version")
        return Text(entries)

    def table(self, name: str) -> _Node:
        value = self._value(name)
        if not isinstance(value, Mapping):
            self.fail(name, f"expected a table, got {_describe(value)}")
        return _Node(value, self.at(name), self.ctx)

    def optional_table(self, name: str) -> _Node | None:
        return self.table(name) if name in self.data else None

    def tables(self, name: str, *, required: bool = True, non_empty: bool = True) -> list[_Node]:
        if not required and name not in self.data:
            return []
        nodes: list[_Node] = []
        values = self._array(name)
        if non_empty and not values:
            self.fail(name, "must not be empty")
        for i, value in enumerate(values):
            if not isinstance(value, Mapping):
                self.fail(f"{name}[{i}]", f"expected a table, got {_describe(value)}")
            nodes.append(_Node(value, self.at(f"{name}[{i}]"), self.ctx))
        return nodes


class _Keyed(Protocol):
    @property
    def key(self) -> str: ...


_K = TypeVar("_K", bound=_Keyed)


def _unique(section: str, parsed: Sequence[tuple[_Node, _K]]) -> None:
    seen: dict[str, int] = {}
    for i, (node, item) in enumerate(parsed):
        if item.key in seen:
            node.fail("key", f"duplicate key {item.key!r} (already used by {section}[{seen[item.key]}])")
        seen[item.key] = i


def _refs(node: _Node, name: str, values: Iterable[str], known: Sequence[str], what: str) -> None:
    for j, value in enumerate(values):
        if value not in known:
            node.fail(f"{name}[{j}]", f"unknown {what} {value!r} (expected one of: {', '.join(known)})")


def _org_number_problem(country: str, number: str) -> str | None:
    """Norwegian numbers carry a mod-11 control digit, Swedish ones Luhn; a typo shows up here."""
    if country == "NO":
        if not re.fullmatch(r"\d{9}", number):
            return f"{number!r} is not a Norwegian organisation number (9 digits, no spaces)"
        remainder = sum(int(d) * w for d, w in zip(number[:8], (3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        control = 0 if remainder == 0 else 11 - remainder
        if control == 10 or control != int(number[8]):
            return f"{number!r} has a wrong control digit (mod 11)"
    elif country == "SE":
        if not re.fullmatch(r"\d{6}-?\d{4}", number):
            return f"{number!r} is not a Swedish organisationsnummer (NNNNNN-NNNN)"
        total = 0
        for i, digit in enumerate(int(d) for d in number.replace("-", "")):
            doubled = digit * 2 if i % 2 == 0 else digit
            total += doubled - 9 if doubled > 9 else doubled
        if total % 10:
            return f"{number!r} has a wrong control digit (Luhn)"
    return None


# --- Sections --------------------------------------------------------------------------------


def _company(node: _Node) -> Company:
    node.only(
        "name", "brand", "organisation_number", "email", "website", "country", "bookkeeping_law",
        "postal_address", "operating_since",
    )
    country = node.string("country", _COUNTRY, "a two-letter country code such as NO")
    number = node.string("organisation_number")
    problem = _org_number_problem(country, number)
    if problem:
        node.fail("organisation_number", problem)
    return Company(
        name=node.string("name"),
        brand=node.string("brand"),
        organisation_number=number,
        email=node.string("email", _EMAIL, "an e-mail address"),
        website=node.string("website", _URL, "a web address starting with https://"),
        country=country,
        bookkeeping_law=node.choice("bookkeeping_law", BOOKKEEPING_LAWS, "bookkeeping law"),
        postal_address=node.lines("postal_address"),
        operating_since=node.optional_date("operating_since"),
    )


def _legal_basis(node: _Node) -> LegalBasis:
    node.only("key", "label", "gdpr_article")
    return LegalBasis(
        key=node.choice("key", LEGAL_BASIS_KEYS, "legal basis"),
        label=node.text("label"),
        gdpr_article=node.string("gdpr_article"),
    )


def _category(node: _Node) -> Category:
    node.only("key", "label", "description")
    return Category(key=node.key(), label=node.text("label"), description=node.optional_text("description"))


def _source(node: _Node) -> Source:
    node.only("key", "label", "description")
    return Source(key=node.key(), label=node.text("label"), description=node.text("description"))


def _recipient(node: _Node) -> Recipient:
    node.only("key", "name", "named", "kind", "description", "purposes", "record_kinds")
    return Recipient(
        key=node.key(),
        name=node.text("name"),
        kind=node.choice("kind", RECIPIENT_KINDS, "recipient kind"),
        description=node.text("description"),
        purposes=node.keys("purposes"),
        record_kinds=node.keys("record_kinds"),
        named=node.boolean("named", default=False),
    )


def _retention(node: _Node) -> RetentionRule:
    node.only("anchor", "after_months", "minimum_days", "minimum_months", "text")
    return RetentionRule(
        anchor=node.choice("anchor", RETENTION_ANCHORS, "anchor"),
        after_months=node.integer("after_months", default=0),
        minimum_days=node.integer("minimum_days", default=0),
        minimum_months=node.integer("minimum_months", default=0),
        text=node.text("text"),
    )


def _purpose(node: _Node) -> Purpose:
    node.only(
        "key", "number", "title", "purpose", "processing", "categories", "legal_basis",
        "legal_basis_text", "consequence_if_not_provided", "retention", "recipients", "sources",
    )
    number = node.integer("number")
    if number < 1:
        node.fail("number", "must be 1 or more")
    return Purpose(
        key=node.key(),
        number=number,
        title=node.text("title"),
        purpose=node.text("purpose"),
        processing=node.texts("processing"),
        categories=node.keys("categories", non_empty=True),
        legal_basis=node.key("legal_basis"),
        legal_basis_text=node.text("legal_basis_text"),
        consequence_if_not_provided=node.optional_text("consequence_if_not_provided"),
        retention=_retention(node.table("retention")),
        recipients=node.keys("recipients"),
        sources=node.keys("sources", non_empty=True),
    )


def _record_kind(node: _Node) -> RecordKind:
    node.only("key", "label", "purposes", "categories")
    return RecordKind(
        key=node.choice("key", RECORD_KINDS, "record kind"),
        label=node.text("label"),
        purposes=node.keys("purposes", non_empty=True),
        categories=node.keys("categories", non_empty=True),
    )


def _processing_location(node: _Node) -> ProcessingLocation:
    node.only("text", "own_systems_country", "transfers_outside_eea", "safeguards", "protection",
              "transfer_countries", "transfer_instrument")
    countries = node.lines("transfer_countries") if node.has("transfer_countries") else ()
    for i, code in enumerate(countries):
        if not _COUNTRY.fullmatch(code):
            node.fail(f"transfer_countries[{i}]", f"{code!r} is not a two-letter country code")
    return ProcessingLocation(
        text=node.text("text"),
        own_systems_country=node.string("own_systems_country", _COUNTRY, "a two-letter country code"),
        transfers_outside_eea=node.text("transfers_outside_eea"),
        safeguards=node.text("safeguards"),
        protection=node.optional_text("protection"),
        transfer_countries=countries,
        transfer_instrument=node.optional_text("transfer_instrument"),
    )


def _automated_decision(node: _Node) -> AutomatedDecision:
    node.only("key", "label", "description", "logic", "significance", "purposes", "recipients")
    return AutomatedDecision(
        key=node.key(),
        label=node.text("label"),
        description=node.text("description"),
        logic=node.text("logic"),
        significance=node.text("significance"),
        purposes=node.keys("purposes", non_empty=True),
        recipients=node.keys("recipients"),
    )


def _clauses(node: _Node, name: str) -> tuple[RightClause, ...]:
    parsed: list[tuple[_Node, RightClause]] = []
    for child in node.tables(name, required=False):
        child.only("key", "gdpr_article", "text")
        clause = RightClause(
            key=child.key(), gdpr_article=child.string("gdpr_article"), text=child.text("text")
        )
        parsed.append((child, clause))
    _unique(node.at(name), parsed)
    return tuple(clause for _, clause in parsed)


def _right(node: _Node) -> Right:
    node.only("key", "gdpr_article", "label", "text", "grounds", "exemptions")
    return Right(
        key=node.choice("key", RIGHT_KEYS, "right"),
        gdpr_article=node.string("gdpr_article"),
        label=node.text("label"),
        text=node.text("text"),
        grounds=_clauses(node, "grounds"),
        exemptions=_clauses(node, "exemptions"),
    )


def _supervisory_authority(node: _Node) -> SupervisoryAuthority:
    node.only("name", "website", "postal_address", "description")
    return SupervisoryAuthority(
        name=node.string("name"),
        website=node.string("website", _URL, "a web address starting with https://"),
        postal_address=node.lines("postal_address"),
        description=node.optional_text("description"),
    )


def _sharing(node: _Node) -> Sharing:
    node.only("processors", "independent_controllers")
    return Sharing(
        processors=node.text("processors"), independent_controllers=node.text("independent_controllers")
    )


def _section(
    root: _Node, name: str, parse: Callable[[_Node], _K], *, required: bool = True
) -> list[tuple[_Node, _K]]:
    parsed = [(node, parse(node)) for node in root.tables(name, required=required, non_empty=required)]
    _unique(name, parsed)
    return parsed


def parse_policy(data: Mapping[str, object], source: str) -> Policy:
    """Validate already-parsed TOML; `source` names the file in every error message."""
    ctx = _Context(source)
    if not isinstance(data, Mapping):
        raise PolicyError(source, "", f"expected a TOML document, got {_describe(data)}")
    root = _Node(data, "", ctx)
    root.only(
        "policy", "company", "legal_bases", "categories", "sources", "sharing", "recipients",
        "purposes", "record_kinds", "processing_location", "automated_decisions", "rights",
        "supervisory_authority", "marketing",
    )

    head = root.table("policy")
    head.only(
        "id", "version", "default_language", "title", "introduction", "retention_note",
        "national_id_note",
    )
    default_language = head.string("default_language", _LANGUAGE, "a language code such as nb")
    ctx.languages = ("nb",) if default_language == "nb" else ("nb", default_language)
    policy_id = head.string("id", _POLICY_ID, "a valid id (lower-case letters, digits and -)")
    version = _version(head)

    legal_bases = _section(root, "legal_bases", _legal_basis)
    categories = _section(root, "categories", _category)
    sources = _section(root, "sources", _source)
    recipients = _section(root, "recipients", _recipient)
    purposes = _section(root, "purposes", _purpose)
    record_kinds = _section(root, "record_kinds", _record_kind)
    decisions = _section(root, "automated_decisions", _automated_decision, required=False)
    rights = _section(root, "rights", _right)

    marketing = root.table("marketing")
    marketing.only("channels", "definition", "note")
    channels: list[tuple[_Node, MarketingChannel]] = []
    for node in marketing.tables("channels"):
        node.only("key", "label")
        channels.append((node, MarketingChannel(key=node.key(), label=node.text("label"))))
    _unique("marketing.channels", channels)

    _cross_check(
        root,
        legal_bases=legal_bases,
        categories=categories,
        sources=sources,
        recipients=recipients,
        purposes=purposes,
        record_kinds=record_kinds,
        decisions=decisions,
    )

    sharing = root.optional_table("sharing")
    return Policy(
        id=policy_id,
        version=version,
        default_language=default_language,
        title=head.text("title"),
        company=_company(root.table("company")),
        legal_bases=tuple(item for _, item in legal_bases),
        categories=tuple(item for _, item in categories),
        sources=tuple(item for _, item in sources),
        recipients=tuple(item for _, item in recipients),
        purposes=tuple(item for _, item in purposes),
        record_kinds=tuple(item for _, item in record_kinds),
        processing_location=_processing_location(root.table("processing_location")),
        automated_decisions=tuple(item for _, item in decisions),
        rights=tuple(item for _, item in rights),
        supervisory_authority=_supervisory_authority(root.table("supervisory_authority")),
        marketing_channels=tuple(item for _, item in channels),
        marketing_note=marketing.text("note"),
        marketing_definition=marketing.optional_text("definition"),
        sharing=_sharing(sharing) if sharing is not None else None,
        introduction=head.optional_text("introduction"),
        retention_note=head.optional_text("retention_note"),
        national_id_note=head.optional_text("national_id_note"),
        source=source,
    )


def _version(head: _Node) -> str:
    """The policy's own date; TOML may give it as a date or as a quoted ISO string."""
    value = head.data.get("version")
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    text = head.string("version")
    try:
        date.fromisoformat(text)
    except ValueError:
        head.fail("version", f"{text!r} is not a date (YYYY-MM-DD)")
    return text


def _cross_check(
    root: _Node,
    *,
    legal_bases: Sequence[tuple[_Node, LegalBasis]],
    categories: Sequence[tuple[_Node, Category]],
    sources: Sequence[tuple[_Node, Source]],
    recipients: Sequence[tuple[_Node, Recipient]],
    purposes: Sequence[tuple[_Node, Purpose]],
    record_kinds: Sequence[tuple[_Node, RecordKind]],
    decisions: Sequence[tuple[_Node, AutomatedDecision]],
) -> None:
    """Every reference resolves, and facts stated twice agree, so no lookup can fail later."""
    basis_keys = [b.key for _, b in legal_bases]
    category_keys = [c.key for _, c in categories]
    source_keys = [s.key for _, s in sources]
    recipient_keys = [r.key for _, r in recipients]
    purpose_keys = [p.key for _, p in purposes]
    kind_keys = [k.key for _, k in record_kinds]
    purpose_by_key = {p.key: p for _, p in purposes}
    recipient_at = {r.key: i for i, (_, r) in enumerate(recipients)}

    missing = [key for key in RECORD_KINDS if key not in kind_keys]
    if missing:
        root.fail(
            "record_kinds",
            f"missing {', '.join(repr(k) for k in missing)}: every kind of record the desk stores "
            "needs the purposes that justify it",
        )

    previous = 0
    for node, purpose in purposes:
        if purpose.number <= previous:
            node.fail("number", f"{purpose.number} is out of order (purposes are listed in policy order)")
        previous = purpose.number
        _refs(node, "categories", purpose.categories, category_keys, "category")
        if purpose.legal_basis not in basis_keys:
            node.fail(
                "legal_basis",
                f"unknown legal basis {purpose.legal_basis!r} (expected one of: {', '.join(basis_keys)})",
            )
        _refs(node, "recipients", purpose.recipients, recipient_keys, "recipient")
        _refs(node, "sources", purpose.sources, source_keys, "source")
        for j, key in enumerate(purpose.recipients):
            if purpose.key not in recipients[recipient_at[key]][1].purposes:
                node.fail(
                    f"recipients[{j}]",
                    f"lists {key!r}, but recipients[{recipient_at[key]}].purposes does not list "
                    f"{purpose.key!r}",
                )

    for node, recipient in recipients:
        _refs(node, "purposes", recipient.purposes, purpose_keys, "purpose")
        _refs(node, "record_kinds", recipient.record_kinds, kind_keys, "record kind")
        for j, key in enumerate(recipient.purposes):
            if recipient.key not in purpose_by_key[key].recipients:
                node.fail(
                    f"purposes[{j}]",
                    f"lists {key!r}, but that purpose's recipients do not list {recipient.key!r}",
                )

    for node, kind in record_kinds:
        _refs(node, "purposes", kind.purposes, purpose_keys, "purpose")
        _refs(node, "categories", kind.categories, category_keys, "category")
        covered = {c for key in kind.purposes for c in purpose_by_key[key].categories}
        for j, category in enumerate(kind.categories):
            if category not in covered:
                node.fail(
                    f"categories[{j}]",
                    f"{category!r} is not a category of any of this record kind's purposes "
                    f"({', '.join(kind.purposes)})",
                )

    for node, decision in decisions:
        _refs(node, "purposes", decision.purposes, purpose_keys, "purpose")
        _refs(node, "recipients", decision.recipients, recipient_keys, "recipient")
