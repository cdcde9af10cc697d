"""How long personal data is kept, what law keeps it longer, and whether it can go now.

Retention rules come from the policy file (RULEBOOK §1); this module only does the date
arithmetic, so another shop's policy needs no code change. Legal holds (RULEBOOK §6) are what
turn an erasure request into a restriction: the data is kept, used for nothing else, and erased
when the last hold ends (policy §11, GDPR Art. 17(3)(b) and (e)).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol

from desktop.domain.dates import short_date
from desktop.domain.deadlines import add_months

__all__ = [
    "ANCHORS",
    "BOOKKEEPING_LAWS",
    "LANGUAGES",
    "LAW_CONSUMER_PURCHASES",
    "LAW_FRAUD_POLICY",
    "LAW_NO_BOOKKEEPING",
    "LAW_SE_BOOKKEEPING",
    "RETENTION_WORDS",
    "Anchor",
    "Decision",
    "ErasureDecision",
    "LegalHold",
    "RetentionDue",
    "RetentionExplanation",
    "RetentionRuleLike",
    "bookkeeping_hold",
    "consumer_complaint_hold",
    "decide",
    "fraud_hold",
    "is_retention_expired",
    "retention_due",
]

#: The languages the texts are written in, the product's first language first.
LANGUAGES = ("nb", "en", "sv")


class Anchor(StrEnum):
    """The event a retention period counts from; the policy file names one per purpose."""

    PURCHASE_COMPLETED = "purchase_completed"
    COLLECTED = "collected"
    CASE_CLOSED = "case_closed"
    EVENT_ENDED = "event_ended"
    MEMBERSHIP_ENDED = "membership_ended"
    RECRUITMENT_ENDED = "recruitment_ended"


ANCHORS: frozenset[str] = frozenset(a.value for a in Anchor)

# "N months after <the event happened>" and "kept until <the event happens>", per language.
_ANCHOR_PAST: dict[str, dict[str, str]] = {
    "nb": {
        Anchor.PURCHASE_COMPLETED: "kjøpet ble fullført",
        Anchor.COLLECTED: "opplysningene ble samlet inn",
        Anchor.CASE_CLOSED: "saken ble avsluttet",
        Anchor.EVENT_ENDED: "konkurransen eller eventet ble avsluttet",
        Anchor.MEMBERSHIP_ENDED: "medlemskapet ble avsluttet",
        Anchor.RECRUITMENT_ENDED: "rekrutteringsprosessen ble avsluttet",
    },
    "en": {
        Anchor.PURCHASE_COMPLETED: "the purchase was completed",
        Anchor.COLLECTED: "the data was collected",
        Anchor.CASE_CLOSED: "the case was closed",
        Anchor.EVENT_ENDED: "the competition or event ended",
        Anchor.MEMBERSHIP_ENDED: "the membership ended",
        Anchor.RECRUITMENT_ENDED: "the recruitment process ended",
    },
    "sv": {
        Anchor.PURCHASE_COMPLETED: "köpet genomfördes",
        Anchor.COLLECTED: "uppgifterna samlades in",
        Anchor.CASE_CLOSED: "ärendet avslutades",
        Anchor.EVENT_ENDED: "tävlingen eller evenemanget avslutades",
        Anchor.MEMBERSHIP_ENDED: "medlemskapet avslutades",
        Anchor.RECRUITMENT_ENDED: "rekryteringsprocessen avslutades",
    },
}
_ANCHOR_PENDING: dict[str, dict[str, str]] = {
    "nb": {
        Anchor.PURCHASE_COMPLETED: "kjøpet er fullført",
        Anchor.COLLECTED: "opplysningene er samlet inn",
        Anchor.CASE_CLOSED: "saken er avsluttet",
        Anchor.EVENT_ENDED: "konkurransen eller eventet er avsluttet",
        Anchor.MEMBERSHIP_ENDED: "medlemskapet avsluttes",
        Anchor.RECRUITMENT_ENDED: "rekrutteringsprosessen er avsluttet",
    },
    "en": {
        Anchor.PURCHASE_COMPLETED: "the purchase is completed",
        Anchor.COLLECTED: "the data is collected",
        Anchor.CASE_CLOSED: "the case is closed",
        Anchor.EVENT_ENDED: "the competition or event has ended",
        Anchor.MEMBERSHIP_ENDED: "the membership ends",
        Anchor.RECRUITMENT_ENDED: "the recruitment process has ended",
    },
    "sv": {
        Anchor.PURCHASE_COMPLETED: "köpet är genomfört",
        Anchor.COLLECTED: "uppgifterna har samlats in",
        Anchor.CASE_CLOSED: "ärendet är avslutat",
        Anchor.EVENT_ENDED: "tävlingen eller evenemanget har avslutats",
        Anchor.MEMBERSHIP_ENDED: "medlemskapet avslutas",
        Anchor.RECRUITMENT_ENDED: "rekryteringsprocessen har avslutats",
    },
}


@dataclass(frozen=True)
class _Words:
    """The fixed words of a retention sentence in one language; {n}, {date}, {event}, {amount} are filled in."""

    until_date: str  # "kept until {date}"
    until_event: str  # "kept until {event}": Swedish says "till" before a date, "tills" before a clause
    then_for: str
    at_least_until: str
    after_event: str  # "{amount} after {event}"
    when_event: str
    at_least_after_collection: str
    month: str
    months: str
    day: str
    days: str
    erased_now: str
    restricted_until: str  # "{date}", "{labels}"


RETENTION_WORDS: dict[str, _Words] = {
    "nb": _Words(
        until_date="lagres til {date}", until_event="lagres til {event}", then_for="og deretter i {amount}",
        at_least_until="minst til {date}", after_event="{amount} etter at {event}", when_event="da {event}",
        at_least_after_collection="minst {amount} etter at opplysningene ble samlet inn",
        month="{n} måned", months="{n} måneder", day="{n} dag", days="{n} dager", erased_now="slettes nå",
        restricted_until="begrenses og lagres til {date} på grunn av {labels}",
    ),
    "en": _Words(
        until_date="kept until {date}", until_event="kept until {event}", then_for="then for {amount}",
        at_least_until="at least until {date}", after_event="{amount} after {event}", when_event="when {event}",
        at_least_after_collection="at least {amount} after the data was collected",
        month="{n} month", months="{n} months", day="{n} day", days="{n} days", erased_now="erased now",
        restricted_until="restricted and kept until {date} because of {labels}",
    ),
    "sv": _Words(
        until_date="sparas till {date}", until_event="sparas tills {event}", then_for="och därefter i {amount}",
        at_least_until="minst till {date}", after_event="{amount} efter att {event}", when_event="då {event}",
        at_least_after_collection="minst {amount} efter att uppgifterna samlades in",
        month="{n} månad", months="{n} månader", day="{n} dag", days="{n} dagar", erased_now="raderas nu",
        restricted_until="begränsas och sparas till {date} på grund av {labels}",
    ),
}


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGUAGES)}")




def _months(n: int, lang: str) -> str:
    w = RETENTION_WORDS[lang]
    return (w.month if n == 1 else w.months).format(n=n)


def _days(n: int, lang: str) -> str:
    w = RETENTION_WORDS[lang]
    return (w.day if n == 1 else w.days).format(n=n)


class RetentionRuleLike(Protocol):
    """What retention needs from a policy rule; read-only so frozen dataclasses qualify."""

    @property
    def anchor(self) -> str: ...

    @property
    def after_months(self) -> int: ...

    @property
    def minimum_days(self) -> int: ...

    @property
    def minimum_months(self) -> int: ...


class RetentionExplanation(StrEnum):
    """Which part of the rule decided the date, so the UI can explain it in any language."""

    AFTER_ANCHOR = "retention.after_anchor"
    AT_ANCHOR = "retention.at_anchor"
    MINIMUM_DAYS = "retention.minimum_days"
    MINIMUM_MONTHS = "retention.minimum_months"
    PENDING = "retention.pending"
    PENDING_MINIMUM = "retention.pending_minimum"


@dataclass(frozen=True)
class RetentionDue:
    """The end of a retention period and why; ``due`` is None while the anchor event is pending.

    The last day of retention is ``due`` itself: the data may be kept through that day.
    """

    due: date | None
    anchor: str
    anchor_date: date | None
    collected: date
    after_months: int
    minimum_days: int
    minimum_months: int
    minimum_until: date | None
    explanation_key: RetentionExplanation

    @property
    def params(self) -> dict[str, date | int | str | None]:
        """Values for the explanation text, kept raw so the UI formats dates its own way."""
        return {
            "due": self.due,
            "anchor": self.anchor,
            "anchor_date": self.anchor_date,
            "collected": self.collected,
            "after_months": self.after_months,
            "minimum_days": self.minimum_days,
            "minimum_months": self.minimum_months,
            "minimum_until": self.minimum_until,
        }

    def describe(self, lang: str) -> str:
        """One sentence for staff and register copies, e.g. "lagres til 31.03.2029: ..."."""
        _check_lang(lang)
        w = RETENTION_WORDS[lang]
        key = self.explanation_key
        if self.due is None:
            text = w.until_event.format(event=_ANCHOR_PENDING[lang][self.anchor])
            if self.after_months:
                text += ", " + w.then_for.format(amount=_months(self.after_months, lang))
            if key is RetentionExplanation.PENDING_MINIMUM and self.minimum_until is not None:
                text += ", " + w.at_least_until.format(date=short_date(self.minimum_until, lang))
            return text
        head = w.until_date.format(date=short_date(self.due, lang))
        past = _ANCHOR_PAST[lang][self.anchor]
        if key is RetentionExplanation.AFTER_ANCHOR:
            return f"{head}: " + w.after_event.format(amount=_months(self.after_months, lang), event=past)
        if key is RetentionExplanation.AT_ANCHOR:
            return f"{head}: " + w.when_event.format(event=past)
        amount = (
            _days(self.minimum_days, lang)
            if key is RetentionExplanation.MINIMUM_DAYS
            else _months(self.minimum_months, lang)
        )
        return f"{head}: " + w.at_least_after_collection.format(amount=amount)


def retention_due(rule: RetentionRuleLike, *, collected: date, anchor_date: date | None) -> RetentionDue:
    """Apply a policy rule: the later of anchor + after_months and the minimum from collection.

    A minimum counts from collection because the policy's "minimum 30 dager" protects
    follow-up however quickly the case is closed. For anchor "collected" the collection date
    is the anchor, whatever ``anchor_date`` says.
    """
    if rule.anchor not in ANCHORS:
        raise ValueError(
            f"unknown retention anchor {rule.anchor!r}; expected one of {', '.join(sorted(ANCHORS))}"
        )
    for name, value in (
        ("after_months", rule.after_months),
        ("minimum_days", rule.minimum_days),
        ("minimum_months", rule.minimum_months),
    ):
        if value < 0:
            raise ValueError(f"{name} must not be negative, got {value}")
    anchor = Anchor(rule.anchor)
    if anchor is Anchor.COLLECTED:
        anchor_date = collected

    by_days = collected + timedelta(days=rule.minimum_days)
    by_months = add_months(collected, rule.minimum_months)
    minimum_until: date | None = None
    minimum_key = RetentionExplanation.MINIMUM_DAYS
    if rule.minimum_days or rule.minimum_months:
        if by_months > by_days:
            minimum_until, minimum_key = by_months, RetentionExplanation.MINIMUM_MONTHS
        else:
            minimum_until = by_days

    due: date | None
    if anchor_date is None:
        due = None
        key = RetentionExplanation.PENDING if minimum_until is None else RetentionExplanation.PENDING_MINIMUM
    else:
        from_anchor = add_months(anchor_date, rule.after_months)
        if minimum_until is not None and minimum_until > from_anchor:
            due, key = minimum_until, minimum_key
        else:
            due = from_anchor
            key = RetentionExplanation.AFTER_ANCHOR if rule.after_months else RetentionExplanation.AT_ANCHOR
    return RetentionDue(
        due=due,
        anchor=anchor.value,
        anchor_date=anchor_date,
        collected=collected,
        after_months=rule.after_months,
        minimum_days=rule.minimum_days,
        minimum_months=rule.minimum_months,
        minimum_until=minimum_until,
        explanation_key=key,
    )


def is_retention_expired(retention: RetentionDue, today: date) -> bool:
    """True from the day after ``due``; never while the anchor event is still pending."""
    return retention.due is not None and today > retention.due


# --- Legal holds (RULEBOOK §6) -------------------------------------------------------------

LAW_NO_BOOKKEEPING = "no-bokforingsloven"
LAW_SE_BOOKKEEPING = "se-bokforingslagen"
LAW_CONSUMER_PURCHASES = "no-forbrukerkjopsloven"
LAW_FRAUD_POLICY = "policy-fraud"
BOOKKEEPING_LAWS: tuple[str, ...] = (LAW_NO_BOOKKEEPING, LAW_SE_BOOKKEEPING)

_NO_PRIMARY_MONTHS = 60
_NO_SECONDARY_MONTHS = 42
_SE_YEARS_AFTER = 7
_COMPLAINT_MONTHS = 24
_COMPLAINT_LONG_LIVED_MONTHS = 60
_FRAUD_MONTHS = 36


@dataclass(frozen=True)
class LegalHold:
    """A law (or policy rule) that keeps data past an erasure request, through ``until``."""

    law: str
    label_nb: str
    label_en: str
    until: date
    reason: str
    reason_nb: str = ""
    label_sv: str = ""
    reason_sv: str = ""

    def is_active(self, today: date) -> bool:
        """The hold covers its ``until`` day itself, as a retention period does."""
        return today <= self.until

    def label(self, lang: str) -> str:
        """Label in the UI language, so callers need not branch on it."""
        _check_lang(lang)
        if lang == "nb":
            return self.label_nb
        # A hold built without Swedish (a caller's own) is named in English rather than not at all.
        return (self.label_sv or self.label_en) if lang == "sv" else self.label_en


def _financial_year_end(document_date: date, financial_year_end: tuple[int, int]) -> date:
    """End of the financial year containing ``document_date``; 29 Feb clamps in common years."""
    month, day = financial_year_end
    # A leap year (2000) gives each month its longest length, so 29 February is accepted.
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2000, month)[1]:
        raise ValueError(f"invalid financial year end (month, day): {financial_year_end!r}")

    def end_in(year: int) -> date:
        return date(year, month, min(day, calendar.monthrange(year, month)[1]))

    this_year = end_in(document_date.year)
    return this_year if document_date <= this_year else end_in(document_date.year + 1)


def _years_after(period_end: date, months: int) -> date:
    """Last day of a period of ``months`` starting the day after ``period_end``.

    Counting from the next day keeps month ends exact: a year ending 30 June plus 3.5 years
    ends 31 December, which adding months to 30 June would miss by a day.
    """
    return add_months(period_end + timedelta(days=1), months) - timedelta(days=1)


def bookkeeping_hold(
    document_date: date,
    law: str,
    *,
    primary: bool = True,
    financial_year_end: tuple[int, int] = (12, 31),
) -> LegalHold:
    """How long bookkeeping law keeps a document such as an invoice.

    Norway (bokføringsloven § 13): primary documentation 5 years, secondary 3 years and
    6 months, after the end of the financial year. Sweden (bokföringslagen 7 kap. 2 §): to the
    end of the seventh calendar year after the one in which the financial year ended; it
    draws no primary/secondary line, so ``primary`` does not change the Swedish date.
    """
    if law not in BOOKKEEPING_LAWS:
        raise ValueError(f"unknown bookkeeping law {law!r}; expected one of {', '.join(BOOKKEEPING_LAWS)}")
    fy_end = _financial_year_end(document_date, financial_year_end)
    if law == LAW_NO_BOOKKEEPING:
        if primary:
            return LegalHold(
                law=law,
                label_nb="Bokføringsloven § 13 (primærdokumentasjon)",
                label_en="Norwegian Bookkeeping Act § 13 (primary documentation)",
                until=_years_after(fy_end, _NO_PRIMARY_MONTHS),
                reason=f"5 years after the end of the financial year ending {fy_end.isoformat()}",
                reason_nb=f"5 år etter utløpet av regnskapsåret som endte {fy_end:%d.%m.%Y}",
                label_sv="Norska bokföringslagen (bokføringsloven § 13, primärdokumentation)",
                reason_sv=f"5 år efter utgången av räkenskapsåret som slutade {fy_end.isoformat()}",
            )
        return LegalHold(
            law=law,
            label_nb="Bokføringsloven § 13 (sekundærdokumentasjon)",
            label_en="Norwegian Bookkeeping Act § 13 (secondary documentation)",
            until=_years_after(fy_end, _NO_SECONDARY_MONTHS),
            reason=(f"3 years and 6 months after the end of the financial year ending {fy_end.isoformat()}"),
            reason_nb=(f"3 år og 6 måneder etter utløpet av regnskapsåret som endte {fy_end:%d.%m.%Y}"),
            label_sv="Norska bokföringslagen (bokføringsloven § 13, sekundärdokumentation)",
            reason_sv=f"3 år och 6 månader efter utgången av räkenskapsåret som slutade {fy_end.isoformat()}",
        )
    return LegalHold(
        law=law,
        label_nb="Den svenske bokføringsloven (bokföringslagen 7 kap. 2 §)",
        label_en="Swedish Accounting Act (bokföringslagen ch. 7 § 2)",
        until=date(fy_end.year + _SE_YEARS_AFTER, 12, 31),
        reason=(
            f"until the end of the 7th year after {fy_end.year}, the calendar year in which "
            "the financial year ended"
        ),
        reason_nb=(
            f"til utgangen av det 7. året etter {fy_end.year}, kalenderåret da regnskapsåret ble avsluttet"
        ),
        label_sv="Bokföringslagen (7 kap. 2 §)",
        reason_sv=f"till utgången av det sjunde året efter {fy_end.year}, det kalenderår då räkenskapsåret avslutades",
    )


def consumer_complaint_hold(delivered: date, *, long_lived: bool = False) -> LegalHold:
    """The buyer may complain for 2 years, 5 for goods meant to last substantially longer."""
    months = _COMPLAINT_LONG_LIVED_MONTHS if long_lived else _COMPLAINT_MONTHS
    years = months // 12
    return LegalHold(
        law=LAW_CONSUMER_PURCHASES,
        label_nb="Forbrukerkjøpsloven § 27 (reklamasjon)",
        label_en="Norwegian Consumer Purchases Act § 27 (complaints)",
        until=add_months(delivered, months),
        reason=f"{years} years from delivery on {delivered.isoformat()}",
        reason_nb=f"{years} år fra levering {delivered:%d.%m.%Y}",
        label_sv="Norska konsumentköplagen (forbrukerkjøpsloven § 27, reklamation)",
        reason_sv=f"{years} år från leveransen {delivered.isoformat()}",
    )


def fraud_hold(collected: date) -> LegalHold:
    """Fraud records stay 36 months from collection (policy §5), even against erasure."""
    return LegalHold(
        law=LAW_FRAUD_POLICY,
        label_nb="Bedrageri eller misbruk (personvernerklæringen § 5)",
        label_en="Fraud or misuse (privacy policy § 5)",
        until=add_months(collected, _FRAUD_MONTHS),
        reason=f"36 months from collection on {collected.isoformat()}",
        reason_nb=f"36 måneder fra innsamling {collected:%d.%m.%Y}",
        label_sv="Bedrägeri eller missbruk (integritetspolicyn § 5)",
        reason_sv=f"36 månader från insamlingen {collected.isoformat()}",
    )


# --- Erasure decision (GDPR Art. 17(3), policy §11) ----------------------------------------


class Decision(StrEnum):
    """Erase outright, or keep restricted until the last legal hold ends."""

    ERASE = "erase"
    RESTRICT = "restrict"


@dataclass(frozen=True)
class ErasureDecision:
    """What to do with one purpose's data on erasure, and the holds that justify keeping it.

    ``until`` is the last day of restriction (None when erasing now); the data is erased
    automatically on ``erase_on``.
    """

    decision: Decision
    decided_on: date
    retention: RetentionDue
    holds: tuple[LegalHold, ...] = field(default=())
    until: date | None = None

    def __post_init__(self) -> None:
        # A restriction without an end date would keep data forever; refuse to build one.
        object.__setattr__(self, "decision", Decision(self.decision))
        if self.decision is Decision.RESTRICT and (self.until is None or not self.holds):
            raise ValueError("a restriction needs the holds that justify it and an end date")
        if self.decision is Decision.ERASE and (self.until is not None or self.holds):
            raise ValueError("an erasure carries no holds and no end date")

    @property
    def erase_on(self) -> date:
        """The day erasure runs: today, or the day after the last hold ends."""
        return self.decided_on if self.until is None else self.until + timedelta(days=1)

    @property
    def retention_expired(self) -> bool:
        """Whether the policy itself would already have let the data go on ``decided_on``."""
        return is_retention_expired(self.retention, self.decided_on)

    def describe(self, lang: str) -> str:
        """A reason the agent can put in the answer letter; denials always carry one."""
        _check_lang(lang)
        w = RETENTION_WORDS[lang]
        if self.until is None:
            return w.erased_now
        labels = ", ".join(h.label(lang) for h in self.holds)
        return w.restricted_until.format(date=short_date(self.until, lang), labels=labels)


def decide(today: date, retention: RetentionDue, holds: Sequence[LegalHold]) -> ErasureDecision:
    """Erase unless a hold is active; otherwise restrict until the latest active hold ends.

    The policy's own retention period does not block an erasure request: only law (or a
    legal claim) does, which is why ``retention`` is carried along but does not decide.
    Expired holds are dropped so the letter names only what still applies.
    """
    active = tuple(sorted((h for h in holds if h.is_active(today)), key=lambda h: h.until))
    if not active:
        return ErasureDecision(decision=Decision.ERASE, decided_on=today, retention=retention)
    return ErasureDecision(
        decision=Decision.RESTRICT,
        decided_on=today,
        retention=retention,
        holds=active,
        until=active[-1].until,
    )
