"""The shop's fraud records against an erasure request: weighed by a supervisor, never kept by default.

The policy keeps fraud and misuse records 36 months from collection (policy §5). That is the shop's
own purpose, on legitimate interest (or a legal obligation where one exists), not an exemption under
GDPR Art. 17(3): when the person asks for erasure, Art. 17(1)(c) with 21(1) applies, and the records
may stay only if a supervisor finds compelling legitimate grounds that override the person's
interests. So an erasure plan holds fraud records *pending* that weighing (restricted meanwhile,
Art. 18(1)(d)) and cannot be submitted until a supervisor has recorded keep or erase with reasons.
Kept, they stay restricted at most to the end of the policy's 36 months; erased, they go with the rest.

Pure rules, no database: the service loads the latest weighing and hands it in. See
docs/rules.md#r-fraud.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from desktop.domain.deadlines import add_months
from desktop.domain.retention import LAW_FRAUD_POLICY, LegalHold

__all__ = [
    "FRAUD_MONTHS",
    "LAW_FRAUD_PENDING",
    "MIN_REASONS",
    "FraudWeighing",
    "InvalidWeighing",
    "WeighingOutcome",
    "fraud_erasure_hold",
    "fraud_retention_end",
    "validate_reasons",
]

#: Policy §5: "Fra innsamling til 36 måneder etter".
FRAUD_MONTHS = 36
#: The law key of a hold that only waits for a supervisor's weighing (Art. 18(1)(d)).
LAW_FRAUD_PENDING = "fraud-weighing-pending"
#: Reasons shorter than this say nothing a reviewer could check ("ok", "keep").
MIN_REASONS = 20


class WeighingOutcome(StrEnum):
    KEEP = "keep"
    ERASE = "erase"


class InvalidWeighing(ValueError):
    """A weighing without reasons someone could check; ``message_nb`` for Norwegian staff."""

    def __init__(self, message: str, message_nb: str) -> None:
        super().__init__(message)
        self.message = message
        self.message_nb = message_nb


def validate_reasons(reasons: str) -> str:
    """The reasons, whitespace-normalised; refused when blank or too short to be checked."""
    text = " ".join(reasons.split())
    if len(text) < MIN_REASONS:
        raise InvalidWeighing(
            f"Write the reasons for the weighing (at least {MIN_REASONS} characters): which interest of the "
            "shop overrides the person's, or why it does not (GDPR Art. 21(1)).",
            f"Skriv begrunnelsen for avveiningen (minst {MIN_REASONS} tegn): hvilken interesse butikken har som "
            "veier tyngre enn personens, eller hvorfor den ikke gjør det (personvernforordningen art. 21 nr. 1).",
        )
    return text


@dataclass(frozen=True)
class FraudWeighing:
    """A supervisor's recorded decision on the fraud records of one erasure request."""

    outcome: WeighingOutcome
    reasons: str
    decided_by: str
    decided_at: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "outcome", WeighingOutcome(self.outcome))
        validate_reasons(self.reasons)


def fraud_retention_end(collected: date) -> date:
    """The last day the policy keeps a fraud record: 36 months from collection, not from detection."""
    return add_months(collected, FRAUD_MONTHS)


def fraud_erasure_hold(collected: date, weighing: FraudWeighing | None) -> LegalHold | None:
    """What keeps a fraud record on an erasure request: a pending weighing, a weighing to keep, or nothing.

    Both holds end no later than the policy's 36 months from collection: a weighing cannot keep a
    record longer than the purpose itself would.
    """
    until = fraud_retention_end(collected)
    if weighing is None:
        return LegalHold(
            law=LAW_FRAUD_PENDING,
            # Lower case: the label completes "restricted until ... because of <label>".
            label_nb="ventende avveining av leder (personvernforordningen art. 17 nr. 1 c, 18 nr. 1 d og 21 nr. 1)",
            label_en="a supervisor's pending weighing (GDPR Art. 17(1)(c), 18(1)(d) and 21(1))",
            label_sv="chefens väntande avvägning (dataskyddsförordningen art. 17.1 c, 18.1 d och 21.1)",
            until=until,
            reason=f"restricted until a supervisor weighs the shop's interest; at most 36 months from "
                   f"collection on {collected.isoformat()}",
            reason_nb=f"begrenset til en leder har veid butikkens interesse; høyst 36 måneder fra innsamling "
                      f"{collected:%d.%m.%Y}",
            reason_sv=f"begränsad tills en chef har vägt butikens intresse; högst 36 månader från insamlingen "
                      f"{collected.isoformat()}",
        )
    if weighing.outcome is WeighingOutcome.ERASE:
        return None
    on = weighing.decided_at.date()
    return LegalHold(
        law=LAW_FRAUD_POLICY,
        label_nb=f"Bedrageri eller misbruk: tvingende berettigede grunner veid av leder {on:%d.%m.%Y} "
                 "(personvernerklæringen § 5, personvernforordningen art. 21 nr. 1)",
        label_en=f"Fraud or misuse: compelling legitimate grounds weighed by a supervisor on {on.isoformat()} "
                 "(privacy policy § 5, GDPR Art. 21(1))",
        label_sv=f"Bedrägeri eller missbruk: tvingande berättigade skäl vägda av chef {on.isoformat()} "
                 "(integritetspolicyn § 5, dataskyddsförordningen art. 21.1)",
        until=until,
        reason=f"36 months from collection on {collected.isoformat()}; {weighing.reasons}",
        reason_nb=f"36 måneder fra innsamling {collected:%d.%m.%Y}; {weighing.reasons}",
        reason_sv=f"36 månader från insamlingen {collected.isoformat()}; {weighing.reasons}",
    )
