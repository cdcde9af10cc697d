"""The register copy as plain data: what the service layer hands to the renderer.

Every text here is already in the copy's language and already formatted for reading (dates,
amounts, codes), so the renderer only lays it out and never needs the database, the policy file
or Qt. All fields are immutable and hashable, so the same data always renders the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "LANGUAGES",
    "Addressee",
    "AuthorityData",
    "AutomatedDecisionData",
    "CrossReference",
    "IdentityData",
    "Letterhead",
    "LookupData",
    "PurposeData",
    "RecipientData",
    "RecipientReceiptData",
    "RecordRowData",
    "RecordTableData",
    "Redaction",
    "RegisterCopyData",
    "RequestData",
    "RightData",
    "SourceData",
    "TransferData",
]

#: Languages a register copy can be written in: Bokmål (default), English and Swedish.
LANGUAGES: tuple[str, ...] = ("nb", "en", "sv")


@dataclass(frozen=True)
class Letterhead:
    """The controller as the policy file names it; `postal_address` is empty when the policy has none."""

    name: str
    brand: str
    organisation_number: str
    email: str
    website: str
    postal_address: tuple[str, ...] = ()


@dataclass(frozen=True)
class Addressee:
    """Who the letter goes to. `lines` is the postal block below the name, last line "postnummer
    poststed" (or the country for a letter abroad); empty when only an e-mail address is known."""

    name: str
    lines: tuple[str, ...]
    email: str = ""

    @property
    def postal(self) -> bool:
        return bool(self.lines)


@dataclass(frozen=True)
class RecordRowData:
    """One stored record: its display values in column order plus what the person may want to know."""

    record_id: int
    cells: tuple[str, ...]
    source: str
    kept_until: str
    restricted: bool = False
    legal_hold_until: str = ""
    #: The law or rule behind `kept_until` (a bookkeeping hold, the privacy policy ...).
    kept_reason: str = ""


@dataclass(frozen=True)
class RecordTableData:
    """All records of one kind shown under one purpose; `column_keys` name the cells for redaction."""

    record_kind: str
    title: str
    column_keys: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[RecordRowData, ...]


@dataclass(frozen=True)
class CrossReference:
    """Records also used for this purpose but printed once, under an earlier purpose."""

    title: str
    count: int
    purpose_number: int
    purpose_title: str


@dataclass(frozen=True)
class RecipientData:
    name: str
    kind: str
    description: str
    named: bool = False


@dataclass(frozen=True)
class RecipientReceiptData:
    """One recipient (by category, and by name where the shop's files name one) and which of the
    person's data it receives (Art. 15(1)(c), CJEU C-154/21)."""

    name: str
    kind: str
    description: str
    #: The person's own kinds of record it receives, as the copy names them.
    receives: tuple[str, ...]
    #: The purposes it receives them for ("" when it serves none of the policy's purposes).
    purposes: tuple[str, ...]
    #: Companies named for this recipient (the shop's systems, the policy); empty: category only.
    named: tuple[str, ...] = ()


@dataclass(frozen=True)
class IdentityData:
    """The person's identity number in full (C-487/21: a faithful copy), printed after page one only."""

    label: str
    number: str


@dataclass(frozen=True)
class RequestData:
    """One of the person's own requests: what, when, and how it ended (their data too)."""

    reference: str
    kind: str
    received: str
    due: str
    state: str
    closed: str
    outcome: str


@dataclass(frozen=True)
class SourceData:
    label: str
    description: str


@dataclass(frozen=True)
class PurposeData:
    """One purpose as the policy states it, with the person's records that serve it."""

    number: int
    title: str
    purpose: str
    processing: tuple[str, ...]
    legal_basis: str
    legal_basis_article: str
    legal_basis_text: str
    categories: tuple[str, ...]
    recipients: tuple[RecipientData, ...]
    #: Recipients named in the person's own records (carriers, payment and credit providers).
    named_in_records: tuple[str, ...]
    retention: str
    sources: tuple[SourceData, ...]
    consequence: str
    tables: tuple[RecordTableData, ...]
    references: tuple[CrossReference, ...] = ()

    @property
    def record_count(self) -> int:
        return sum(len(t.rows) for t in self.tables) + sum(r.count for r in self.references)


@dataclass(frozen=True)
class AutomatedDecisionData:
    label: str
    description: str
    logic: str
    significance: str
    recipients: tuple[str, ...]
    #: The person's own decisions of this kind (the credit checks), or None when there are none.
    decisions: RecordTableData | None


@dataclass(frozen=True)
class TransferData:
    text: str
    own_systems_country: str
    transfers_outside_eea: str
    safeguards: str
    protection: str
    #: Countries outside the EU/EEA data goes to, and the instrument (Art. 45 decision, Art. 46
    #: safeguard) that covers them, as the policy file states them.
    countries: tuple[str, ...] = ()
    instrument: str = ""
    #: The shop has not filled them in: the copy says the information has been asked for.
    details_missing: bool = False


@dataclass(frozen=True)
class RightData:
    """A right from the policy; `points` are its grounds and exemptions, each with its article."""

    label: str
    article: str
    text: str
    #: Grounds (for erasure: Art. 17(1)); never the exemptions, which are not grounds.
    points: tuple[str, ...] = ()
    #: Exemptions that may let us keep data despite the right (for erasure: Art. 17(3)).
    exemptions: tuple[str, ...] = ()


@dataclass(frozen=True)
class AuthorityData:
    name: str
    postal_address: tuple[str, ...]
    website: str
    description: str
    complaint_text: str


@dataclass(frozen=True)
class LookupData:
    """Looks of one kind on one day, without who looked (docs/rules.md#r-lookups)."""

    day: str
    description: str
    count: int


@dataclass(frozen=True)
class Redaction:
    """One span of a free-text field blacked out because it holds someone else's data (Art. 15(4)).

    `fingerprint` identifies the text the span was chosen in, so a redaction is never applied to a
    text that has changed since (the renderer then blacks out the whole field instead).
    """

    item_id: str
    start: int
    end: int
    reason: str
    fingerprint: str


@dataclass(frozen=True)
class RegisterCopyData:
    """Everything one register copy says, in `lang`, as of `today`."""

    lang: str
    today: date
    reference: str
    company: Letterhead
    addressee: Addressee
    introduction: str
    purposes: tuple[PurposeData, ...]
    #: Titles of the policy's purposes for which nothing about the person is held.
    purposes_without_data: tuple[str, ...]
    automated_decisions: tuple[AutomatedDecisionData, ...]
    transfers: TransferData
    sharing_processors: str
    sharing_controllers: str
    retention_note: str
    national_id_note: str
    rights: tuple[RightData, ...]
    authority: AuthorityData
    lookups: tuple[LookupData, ...]
    policy_version: str
    #: Every recipient of the person's data and what each receives.
    recipients: tuple[RecipientReceiptData, ...] = ()
    #: The person's identity number in full, or None when none is registered.
    identity: IdentityData | None = None
    #: The person's own requests to us, oldest first.
    requests: tuple[RequestData, ...] = ()
    #: How many spans were redacted when this data was made ready for rendering.
    redaction_count: int = 0
    #: Redactions recorded for the request so far; the service applies them before rendering.
    redactions: tuple[Redaction, ...] = field(default=())

    @property
    def record_count(self) -> int:
        return sum(len(t.rows) for p in self.purposes for t in p.tables)
