"""The privacy policy as typed, immutable data (docs/rules.md#r-policy).

Everything a shop says about its processing comes from its policy file; this module holds only
the vocabulary the desk's own code acts on (retention anchors, record kinds, legal-basis and
right keys), so another shop's file needs no code change. Cross references are stored as keys
and resolved through `Policy`, which keeps every object hashable and the file the single source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, Protocol, TypeVar

__all__ = [
    "BOOKKEEPING_LAWS",
    "LEGAL_BASIS_KEYS",
    "RECIPIENT_KINDS",
    "RECORD_KINDS",
    "RETENTION_ANCHORS",
    "RIGHT_KEYS",
    "AutomatedDecision",
    "BookkeepingLaw",
    "Category",
    "Company",
    "LegalBasis",
    "MarketingChannel",
    "Policy",
    "ProcessingLocation",
    "Purpose",
    "Recipient",
    "RecipientKind",
    "RecordKind",
    "RetentionAnchor",
    "RetentionRule",
    "Right",
    "RightClause",
    "Sharing",
    "Source",
    "SupervisoryAuthority",
    "Text",
]

RetentionAnchor = Literal[
    "purchase_completed",
    "case_closed",
    "event_ended",
    "collected",
    "membership_ended",
    "recruitment_ended",
]
#: The events a retention period can count from; desktop.domain.retention knows each one.
RETENTION_ANCHORS: tuple[RetentionAnchor, ...] = (
    "purchase_completed",
    "case_closed",
    "event_ended",
    "collected",
    "membership_ended",
    "recruitment_ended",
)

RecipientKind = Literal["processor", "independent_controller"]
RECIPIENT_KINDS: tuple[RecipientKind, ...] = ("processor", "independent_controller")

BookkeepingLaw = Literal["no-bokforingsloven", "se-bokforingslagen"]
#: Which bookkeeping law holds the selling company's invoices (docs/rules.md#r-bookkeeping).
BOOKKEEPING_LAWS: tuple[BookkeepingLaw, ...] = ("no-bokforingsloven", "se-bokforingslagen")

#: Legal bases the desk can reason about (portability, objection); GDPR Art. 6(1)(a)-(f).
LEGAL_BASIS_KEYS: tuple[str, ...] = (
    "consent",
    "contract",
    "legal_obligation",
    "vital_interests",
    "public_task",
    "legitimate_interest",
    "legal_obligation_or_legitimate_interest",
)

#: Rights the desk has a workflow for (GDPR Art. 7(3), 15-18, 20, 21, 77).
RIGHT_KEYS: tuple[str, ...] = (
    "access",
    "rectification",
    "erasure",
    "restriction",
    "objection_legitimate_interest",
    "objection_direct_marketing",
    "portability",
    "withdraw_consent",
    "complaint",
)

#: Every kind of record the desk stores; the policy file must map each one to its purposes, so
#: no stored record lacks a reason to exist (and a retention rule).
RECORD_KINDS: tuple[str, ...] = (
    "customer",
    "address",
    "order",
    "order_line",
    "delivery",
    "payment",
    "credit_check",
    "warranty_case",
    "service_case",
    "case_message",
    "competition_entry",
    "fraud_signal",
    "it_environment",
    "membership",
    "favourite",
    "job_application",
    "contact_message",
    "marketing_consent",
    "marketing_suppression",
)

_FALLBACK_LANGUAGES = ("nb", "en")


@dataclass(frozen=True, init=False, eq=False, repr=False)
class Text:
    """One text in several languages; the loader guarantees nb, so `get` always has an answer."""

    entries: tuple[tuple[str, str], ...]

    def __init__(self, values: Mapping[str, str] | None = None, /, **languages: str) -> None:
        merged = {**(values or {}), **languages}
        if not merged:
            raise ValueError("a Text needs at least one language")
        for lang, value in merged.items():
            if not isinstance(lang, str) or not isinstance(value, str):
                raise TypeError(f"Text entries must be str -> str, got {lang!r}: {value!r}")
        object.__setattr__(self, "entries", tuple(merged.items()))

    def get(self, lang: str) -> str:
        """The text in `lang` (or its base language: nb_NO -> nb), else nb, else en."""
        values = dict(self.entries)
        base = lang.replace("-", "_").split("_", 1)[0].lower()
        for candidate in (lang, base, *_FALLBACK_LANGUAGES):
            if candidate in values:
                return values[candidate]
        return self.entries[0][1]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, _ in self.entries)

    def as_dict(self) -> dict[str, str]:
        return dict(self.entries)

    def __getitem__(self, lang: str) -> str:
        return dict(self.entries)[lang]

    def __contains__(self, lang: object) -> bool:
        return any(lang == known for known, _ in self.entries)

    def __iter__(self) -> Iterator[str]:
        return iter(self.languages)

    def __len__(self) -> int:
        return len(self.entries)

    def __eq__(self, other: object) -> bool:
        # Language order in the file carries no meaning.
        return isinstance(other, Text) and dict(self.entries) == dict(other.entries)

    def __hash__(self) -> int:
        return hash(frozenset(self.entries))

    def __repr__(self) -> str:
        return f"Text({dict(self.entries)!r})"


@dataclass(frozen=True, kw_only=True)
class Company:
    """The controller: named on letters and register copies, and it decides the bookkeeping hold."""

    name: str
    brand: str
    organisation_number: str
    email: str
    website: str
    country: str
    bookkeeping_law: BookkeepingLaw
    postal_address: tuple[str, ...]
    #: The day the shop began trading, if the policy file says: no request is received before it.
    operating_since: date | None = None


@dataclass(frozen=True, kw_only=True)
class LegalBasis:
    key: str
    label: Text
    gdpr_article: str


@dataclass(frozen=True, kw_only=True)
class Category:
    key: str
    label: Text
    description: Text | None = None


@dataclass(frozen=True, kw_only=True)
class Source:
    """Where data comes from; Art. 14(2)(f) requires naming it when it is not the person."""

    key: str
    label: Text
    description: Text


@dataclass(frozen=True, kw_only=True)
class Recipient:
    """Who receives data; `named` marks a specific company (Qliro), which Art. 15 wants by name."""

    key: str
    name: Text
    kind: RecipientKind
    description: Text
    purposes: tuple[str, ...]
    record_kinds: tuple[str, ...]
    named: bool = False

    @property
    def is_processor(self) -> bool:
        return self.kind == "processor"


@dataclass(frozen=True, kw_only=True)
class RetentionRule:
    """Kept until `anchor`, then `after_months`; never less than the minimums, counted from collection."""

    anchor: RetentionAnchor
    after_months: int
    minimum_days: int
    minimum_months: int
    text: Text


@dataclass(frozen=True, kw_only=True)
class Purpose:
    key: str
    number: int
    title: Text
    purpose: Text
    processing: tuple[Text, ...]
    categories: tuple[str, ...]
    legal_basis: str
    legal_basis_text: Text
    consequence_if_not_provided: Text | None
    retention: RetentionRule
    recipients: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class RecordKind:
    """A kind of record the desk stores, and the purposes that justify keeping it."""

    key: str
    label: Text
    purposes: tuple[str, ...]
    categories: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class ProcessingLocation:
    """Where data is processed; the register copy must state transfer safeguards (Art. 15(2))."""

    text: Text
    own_systems_country: str
    transfers_outside_eea: Text
    safeguards: Text
    protection: Text | None = None
    #: Countries outside the EU/EEA the data goes to (ISO codes) and the instrument that covers
    #: them (Art. 45 adequacy decision or Art. 46 safeguard). The policy names neither; empty
    #: until the shop fills them in, and the desk warns and the copy says so meanwhile.
    transfer_countries: tuple[str, ...] = ()
    transfer_instrument: Text | None = None

    @property
    def transfer_details_missing(self) -> bool:
        return not self.transfer_countries or self.transfer_instrument is None


@dataclass(frozen=True, kw_only=True)
class AutomatedDecision:
    """An automated decision the register copy must explain (Art. 15(1)(h))."""

    key: str
    label: Text
    description: Text
    logic: Text
    significance: Text
    purposes: tuple[str, ...]
    recipients: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class RightClause:
    """A ground for, or an exemption from, a right; keyed so a decision can cite which one."""

    key: str
    gdpr_article: str
    text: Text


@dataclass(frozen=True, kw_only=True)
class Right:
    key: str
    gdpr_article: str
    label: Text
    text: Text
    grounds: tuple[RightClause, ...] = ()
    exemptions: tuple[RightClause, ...] = ()


@dataclass(frozen=True, kw_only=True)
class SupervisoryAuthority:
    name: str
    website: str
    postal_address: tuple[str, ...]
    description: Text | None = None


@dataclass(frozen=True, kw_only=True)
class MarketingChannel:
    key: str
    label: Text


@dataclass(frozen=True, kw_only=True)
class Sharing:
    """What the policy says about each kind of recipient, for the register copy."""

    processors: Text
    independent_controllers: Text


class _Keyed(Protocol):
    @property
    def key(self) -> str: ...


_K = TypeVar("_K", bound=_Keyed)


@dataclass(frozen=True, kw_only=True)
class Policy:
    """A shop's whole privacy policy, validated; lookups fail loudly so a typo cannot pass silently."""

    id: str
    version: str
    default_language: str
    title: Text
    company: Company
    legal_bases: tuple[LegalBasis, ...]
    categories: tuple[Category, ...]
    sources: tuple[Source, ...]
    recipients: tuple[Recipient, ...]
    purposes: tuple[Purpose, ...]
    record_kinds: tuple[RecordKind, ...]
    processing_location: ProcessingLocation
    automated_decisions: tuple[AutomatedDecision, ...]
    rights: tuple[Right, ...]
    supervisory_authority: SupervisoryAuthority
    marketing_channels: tuple[MarketingChannel, ...]
    marketing_note: Text
    marketing_definition: Text | None = None
    sharing: Sharing | None = None
    introduction: Text | None = None
    retention_note: Text | None = None
    national_id_note: Text | None = None
    source: str = field(default="", compare=False)

    def _find(self, items: tuple[_K, ...], key: str, what: str) -> _K:
        for item in items:
            if item.key == key:
                return item
        known = ", ".join(item.key for item in items) or "none"
        raise KeyError(f"policy {self.id!r} has no {what} {key!r} (known: {known})")

    def purpose(self, key: str) -> Purpose:
        return self._find(self.purposes, key, "purpose")

    def category(self, key: str) -> Category:
        return self._find(self.categories, key, "category")

    def recipient(self, key: str) -> Recipient:
        return self._find(self.recipients, key, "recipient")

    def record_kind(self, key: str) -> RecordKind:
        return self._find(self.record_kinds, key, "record kind")

    def legal_basis(self, key: str) -> LegalBasis:
        return self._find(self.legal_bases, key, "legal basis")

    def right(self, key: str) -> Right:
        return self._find(self.rights, key, "right")

    def source_of(self, key: str) -> Source:
        """Named `source_of` because `source` is where the policy was loaded from."""
        return self._find(self.sources, key, "source")

    def marketing_channel(self, key: str) -> MarketingChannel:
        return self._find(self.marketing_channels, key, "marketing channel")

    def automated_decision(self, key: str) -> AutomatedDecision:
        return self._find(self.automated_decisions, key, "automated decision")

    def purposes_for_record_kind(self, kind: str) -> tuple[Purpose, ...]:
        """The purposes a record of `kind` serves, in policy order."""
        wanted = set(self.record_kind(kind).purposes)
        return tuple(p for p in self.purposes if p.key in wanted)

    def recipients_for(
        self, purpose_keys: Iterable[str] = (), record_kinds: Iterable[str] = ()
    ) -> tuple[Recipient, ...]:
        """Recipients of any of the given purposes or record kinds, once each, in policy order.

        Both views count: marketing processors serve no purpose of their own but do receive
        marketing-consent records, and Art. 19 notices must reach every recipient.
        """
        purposes = self._keys(purpose_keys, "purpose_keys", self.purpose)
        kinds = self._keys(record_kinds, "record_kinds", self.record_kind)
        return tuple(
            r
            for r in self.recipients
            if purposes.intersection(r.purposes) or kinds.intersection(r.record_kinds)
        )

    @staticmethod
    def _keys(keys: Iterable[str], name: str, lookup: Callable[[str], object]) -> set[str]:
        if isinstance(keys, str):
            # A bare string would be read letter by letter and fail confusingly.
            raise TypeError(f"{name} must be a collection of keys, not the string {keys!r}")
        wanted = set(keys)
        for key in wanted:
            lookup(key)
        return wanted
