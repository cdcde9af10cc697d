"""What the erasure screens are given: plans, decisions, results and the approval queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.erasure import (
    PlanDecision,
)
from desktop.domain.requests import RequestState
from desktop.services.erasure.residue import ResidueScan
from desktop.services.profile import LANGS, Labels, lang_index


@dataclass(frozen=True)
class PlanLineView:
    """One line of a section. Labels and reasons are tuples in `LANGS` order (as in the profile),
    for display only: the plan's fingerprint hashes the decisions and the data, never these texts."""

    kind: str
    kind_labels: Labels
    decision: PlanDecision
    count: int
    reasons: Labels
    until: date | None
    laws: tuple[str, ...]

    def kind_label(self, lang: str = "nb") -> str:
        return self.kind_labels[lang_index(lang)]

    def reason(self, lang: str = "nb") -> str:
        return self.reasons[lang_index(lang)]


@dataclass(frozen=True)
class PurposeSectionView:
    """One purpose of the policy: what goes, what stays restricted, what stays."""

    purpose: str
    number: int | None
    titles: Labels
    erase: tuple[PlanLineView, ...]
    restrict: tuple[PlanLineView, ...]
    keep: tuple[PlanLineView, ...]

    def title(self, lang: str = "nb") -> str:
        return self.titles[lang_index(lang)]


@dataclass(frozen=True)
class PlanView:
    """The plan preview: grouped by purpose, with totals. `stale` when the stored plan no longer
    matches the data (an approval would be refused); `plan_id` is None for an unsaved preview."""

    request_id: int
    reference: str
    customer_id: int | None
    customer_number: str
    plan_id: int | None
    fingerprint: str
    stored_fingerprint: str | None
    purpose: str | None
    plan_date: date
    created_at: datetime | None
    created_by: str
    erase_count: int
    restrict_count: int
    keep_count: int
    erase_parts: tuple[str, ...]
    restrict_until: date | None
    nothing_erasable: bool
    sections: tuple[PurposeSectionView, ...]

    @property
    def stale(self) -> bool:
        return self.stored_fingerprint is not None and self.stored_fingerprint != self.fingerprint

    def describe(self, lang: str = "nb") -> str:
        """The plan as text, grouped by purpose: for the CLI and for pasting into a case note."""
        w = _DESCRIBE_WORDS[LANGS[lang_index(lang)]]
        out = [w["head"].format(reference=self.reference, customer=self.customer_number or "-",
                                fingerprint=self.fingerprint)]
        if self.purpose:
            out.append(f"{w['purpose']}: {self.purpose}")
        out.append(f"{w['erase']}: {self.erase_count}. {w['restrict']}: {self.restrict_count}. "
                   f"{w['keep']}: {self.keep_count}.")
        if self.stale:
            out.append(w["stale"])
        heads = (w["erase"], w["restrict"], w["keep"])
        for sec in self.sections:
            number = f"§{sec.number} " if sec.number is not None else ""
            out.append("")
            out.append(f"{number}{sec.title(lang)}")
            for title, lines in zip(heads, (sec.erase, sec.restrict, sec.keep), strict=True):
                for line in lines:
                    out.append(f"  {title}: {line.kind_label(lang)} x{line.count}: {line.reason(lang)}")
        return "\n".join(out)


#: The fixed words of `PlanView.describe`, per language (desktop.catalogue's scheme).
_DESCRIBE_WORDS: dict[str, dict[str, str]] = {
    "nb": {"head": "Sletteplan {reference} (kunde {customer}), fingeravtrykk {fingerprint}", "purpose": "Formål",
     "erase": "Slettes", "restrict": "Begrenses", "keep": "Beholdes",
     "stale": "Opplysningene er endret siden planen ble laget; lag planen på nytt."},
    "en": {"head": "Erasure plan {reference} (customer {customer}), fingerprint {fingerprint}", "purpose": "Purpose",
     "erase": "Erased", "restrict": "Restricted", "keep": "Kept",
     "stale": "The data changed since the plan was made; make the plan again."},
    "sv": {"head": "Raderingsplan {reference} (kund {customer}), fingeravtryck {fingerprint}", "purpose": "Ändamål",
     "erase": "Raderas", "restrict": "Begränsas", "keep": "Behålls",
     "stale": "Uppgifterna har ändrats sedan planen togs fram; gör planen på nytt."},
}


@dataclass(frozen=True)
class ApprovalView:
    request_id: int
    approval_id: int
    decision: str
    approver: str
    approver_id: int
    decided_at: datetime
    executes_after: datetime | None
    withdrawn_at: datetime | None
    reason: str | None
    plan_fingerprint: str


@dataclass(frozen=True)
class ErasureResult:
    """What an execution did. `status` says "erased" only once the scan is clean; before that
    "purge_pending"; "restricted" when nothing was erasable and everything was restricted."""

    request_id: int
    reference: str
    run_id: int
    run_state: str
    erased: dict[str, int]
    restricted: dict[str, int]
    blanked_parts: dict[str, int]
    notifications: int
    restrict_until: date | None
    residue: ResidueScan | None

    @property
    def status(self) -> str:
        if self.run_state != "done":
            return "purge_pending"
        return "erased" if sum(self.erased.values()) or sum(self.blanked_parts.values()) else "restricted"


@dataclass(frozen=True)
class ErasureStatus:
    """Where one erasure request stands, for the request screen."""

    request_id: int
    state: RequestState
    plan_fingerprint: str | None
    plan_created_at: datetime | None
    approval: ApprovalView | None
    run_id: int | None
    run_state: str | None
    residue: ResidueScan | None
    can_withdraw_approval: bool


@dataclass(frozen=True)
class ApprovalQueueRow:
    """One erasure waiting for a supervisor, in its grace period, or waiting for its purge."""

    request_id: int
    reference: str
    state: RequestState
    customer_id: int | None
    customer_number: str
    customer_name: str
    filed_by: str
    filed_by_id: int | None
    filed_at: datetime
    due_on: date
    plan_fingerprint: str | None
    plan_created_at: datetime | None
    erase_count: int
    restrict_count: int
    keep_count: int
    restrict_until: date | None
    approval: ApprovalView | None
    run_state: str | None
    can_decide: bool
