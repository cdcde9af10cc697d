"""What an erasure (or the retention job) does to each of a person's records, and why.

Pure rules, no database: the services describe every record as `RecordFacts` (dates, purposes,
what it depends on) and get back one `PlanItem` per record: erase now, restrict until a legal hold
ends (RULEBOOK §5-§6, via `domain.retention`), or keep (other purposes, not yet due, a marketing
suppression, or needed by a record that stays). The same function plans an erasure request and a
retention run, so the two can never disagree about a hold.

Three things the law leaves open are decided here once:

* Dependencies. A record that stays keeps every record it cannot exist without (an order line
  keeps its order, everything keeps the person's row): deleting the parent would delete it too.
  The parent inherits the child's holds, so it is released no earlier than the child.
* The person's row is erased in parts. Bookkeeping and consumer-purchase holds keep the buyer's
  name (a sales document names the buyer); a fraud hold keeps the identity number (policy §5
  names it, not the name); no hold keeps e-mail or phone. Parts no active hold needs go at once.
* The fingerprint covers every decision and a hash of every record's current values, never the
  date it was computed on, so an approval binds to exactly the data shown and survives midnight.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from desktop.domain.dates import short_date
from desktop.domain.deadlines import add_months
from desktop.domain.retention import (
    ANCHORS,
    BOOKKEEPING_LAWS,
    LAW_CONSUMER_PURCHASES,
    LAW_FRAUD_POLICY,
    RETENTION_WORDS,
    LegalHold,
    RetentionRuleLike,
    bookkeeping_hold,
    consumer_complaint_hold,
    fraud_hold,
    retention_due,
)

__all__ = [
    "ALL_LAWS",
    "LAW_RECORDED_HOLD",
    "PERSON_KIND",
    "PERSON_PARTS",
    "DueCalculator",
    "ErasurePlan",
    "GroupLine",
    "KeepReason",
    "PlanDecision",
    "PlanItem",
    "PurposeGroup",
    "RecordFacts",
    "fingerprint",
    "group_by_purpose",
    "plan_erasure",
    "plan_retention",
]

#: The record kind of the person's own row; every other record depends on it.
PERSON_KIND = "customer"
#: In `RecordFacts.parts`: a part every active hold keeps.
ALL_LAWS = "*"
#: A hold already stored on the record (`legal_hold_until`), e.g. an earlier plan or a litigation
#: hold: it never shrinks silently, and it keeps every part of the record.
LAW_RECORDED_HOLD = "recorded-hold"

#: The parts of the person's row and the holds that keep each (see the module docstring).
PERSON_PARTS: Mapping[str, frozenset[str]] = {
    "identity": frozenset({*BOOKKEEPING_LAWS, LAW_CONSUMER_PURCHASES}),
    "contact": frozenset(),
    "national_id": frozenset({LAW_FRAUD_POLICY}),
}


class PlanDecision(StrEnum):
    ERASE = "erase"
    RESTRICT = "restrict"
    KEEP = "keep"


class KeepReason(StrEnum):
    """Why a record outside the erasure stays, so the preview can say so."""

    OTHER_PURPOSES = "other_purposes"
    NOT_DUE = "not_due"
    SUPPRESSION = "suppression"
    NEEDED_BY = "needed_by"
    OPEN_REQUEST = "open_request"


@dataclass(slots=True)
class RecordFacts:
    """One record as the rules see it; the service fills it from the database. Treated as a value
    (nothing here changes one); not frozen only because a retention run builds millions and a
    frozen dataclass costs three times as much to construct.

    `anchors` maps a retention anchor ("purchase_completed", "case_closed" ...) to the date the
    anchor event happened for this record, None while it is still pending; an anchor missing from
    the mapping does not apply (a person with no membership has no "membership_ended").
    `parents` are records this one cannot outlive (non-nullable foreign keys). `document_date`
    makes it bookkeeping material (primary or secondary documentation), `delivered` starts the
    consumer-complaint period, `fraud_collected` the fraud hold. `inherit_laws` takes holds of
    those laws from the person's other held records (a billing address goes with the invoices).
    """

    kind: str
    record_id: int
    purposes: tuple[str, ...]
    collected: date
    anchors: Mapping[str, date | None] = field(default_factory=dict)
    parents: tuple[tuple[str, int], ...] = ()
    document_date: date | None = None
    primary_document: bool = True
    delivered: date | None = None
    long_lived: bool = False
    fraud_collected: date | None = None
    inherit_laws: frozenset[str] = frozenset()
    parts: Mapping[str, frozenset[str]] = field(default_factory=dict)
    keep_always: KeepReason | None = None
    restricted: bool = False
    legal_hold_until: date | None = None
    content_hash: str = ""

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.record_id)


@dataclass(slots=True)
class PlanItem:
    """The decision for one record (a value; not frozen for the reason RecordFacts gives).

    `until` is the last day of a restriction; `erase_parts` are the parts of a restricted person
    row that go now. `due` is the policy's own end of retention (None while pending), shown for
    information: an erasure request does not wait for it.
    """

    kind: str
    record_id: int
    decision: PlanDecision
    purposes: tuple[str, ...]
    holds: tuple[LegalHold, ...] = ()
    until: date | None = None
    erase_parts: tuple[str, ...] = ()
    keep_parts: tuple[str, ...] = ()
    keep_reason: KeepReason | None = None
    due: date | None = None
    content_hash: str = ""

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.record_id)

    @property
    def laws(self) -> tuple[str, ...]:
        return tuple(sorted({h.law for h in self.holds}))

    @property
    def erases_something(self) -> bool:
        return self.decision is PlanDecision.ERASE or bool(self.erase_parts)

    def reason(self, lang: str) -> str:
        """Why, in one line of Bokmål, English or Swedish: what the preview and the letter say."""
        w = _REASON_WORDS[lang]
        if self.decision is PlanDecision.ERASE:
            return RETENTION_WORDS[lang].erased_now  # as the retention job says it
        if self.decision is PlanDecision.RESTRICT:
            until = short_date(self.until, lang) if self.until else ""
            # The hold that lasts longest decides the date: name it first.
            latest_first = sorted(self.holds, key=lambda h: h.until, reverse=True)
            labels = _join([h.label(lang) for h in latest_first], lang)
            text = RETENTION_WORDS[lang].restricted_until.format(date=until, labels=labels)
            if self.erase_parts:
                parts = _join([_PART_LABELS[lang].get(p, p) for p in self.erase_parts], lang)
                text += w["parts_erased"].format(parts=parts)
            return text
        reason = self.keep_reason or KeepReason.OTHER_PURPOSES
        text = _KEEP_TEXT[lang][reason]
        if reason is KeepReason.NOT_DUE:
            if self.due is not None:
                text += w["not_due_until"].format(due=short_date(self.due, lang))
            else:
                text += w["not_due_pending"]
        return text


#: The fixed words of `PlanItem.reason` beyond the retention job's (`retention.RETENTION_WORDS`: "erased now",
#: "restricted until"), per language; {parts} and {due} are filled in.
_REASON_WORDS: dict[str, dict[str, str]] = {
    "nb": {"parts_erased": "; {parts} slettes nå", "not_due_until": " (til {due})",
           "not_due_pending": " (til hendelsen som starter lagringstiden)", "and": "og"},
    "en": {"parts_erased": "; {parts} erased now", "not_due_until": " (until {due})",
           "not_due_pending": " (until the event that starts it)", "and": "and"},
    "sv": {"parts_erased": "; {parts} raderas nu", "not_due_until": " (till {due})",
           "not_due_pending": " (tills händelsen som startar lagringstiden inträffar)", "and": "och"},
}
_PART_LABELS: dict[str, dict[str, str]] = {
    "nb": {"identity": "navn", "contact": "e-post og telefon", "national_id": "fødselsnummer"},
    "en": {"identity": "name", "contact": "e-mail and telephone", "national_id": "national identity number"},
    "sv": {"identity": "namn", "contact": "e-post och telefon", "national_id": "personnummer"},
}
_KEEP_TEXT: dict[str, dict[KeepReason, str]] = {
    "nb": {
        KeepReason.OTHER_PURPOSES: "beholdes: brukes også til andre formål",
        KeepReason.NOT_DUE: "beholdes: lagringstiden etter personvernerklæringen er ikke ute",
        KeepReason.SUPPRESSION: "beholdes som reservasjon mot direkte markedsføring (art. 21 nr. 3); "
                                "bare en nøkkelbasert kontrollsum, ikke adressen",
        KeepReason.NEEDED_BY: "beholdes: opplysninger som beholdes, er knyttet til den",
        KeepReason.OPEN_REQUEST: "beholdes: en henvendelse fra personen er under behandling",
    },
    "en": {
        KeepReason.OTHER_PURPOSES: "kept: also used for other purposes",
        KeepReason.NOT_DUE: "kept: the privacy policy's retention period has not ended",
        KeepReason.SUPPRESSION: "kept as a direct-marketing opt-out (Art. 21(3)); a keyed checksum only, "
                                "not the address",
        KeepReason.NEEDED_BY: "kept: records that stay depend on it",
        KeepReason.OPEN_REQUEST: "kept: a request from the person is being handled",
    },
    "sv": {
        KeepReason.OTHER_PURPOSES: "behålls: används även för andra ändamål",
        KeepReason.NOT_DUE: "behålls: lagringstiden enligt integritetspolicyn har inte löpt ut",
        KeepReason.SUPPRESSION: "behålls som spärr mot direktmarknadsföring (art. 21.3); "
                                "bara en nyckelbaserad kontrollsumma, inte adressen",
        KeepReason.NEEDED_BY: "behålls: uppgifter som behålls är kopplade till den",
        KeepReason.OPEN_REQUEST: "behålls: en begäran från personen håller på att behandlas",
    },
}


def _join(words: Sequence[str], lang: str) -> str:
    """"a, b og c" / "a, b and c" / "a, b och c", each once."""
    unique = list(dict.fromkeys(words))
    if len(unique) < 2:
        return "".join(unique)
    return f"{', '.join(unique[:-1])} {_REASON_WORDS[lang]['and']} {unique[-1]}"


# --- retention dates ----------------------------------------------------------------------------


class DueCalculator:
    """The policy's end of retention for a record: the latest end over the purposes that apply.

    `retention_due(...).due`, computed without building its explanation and with month
    arithmetic cached: a retention run over a million people asks the same few thousand date
    questions millions of times (tests check it agrees with `retention_due`).
    """

    def __init__(self, rules: Mapping[str, RetentionRuleLike]) -> None:
        self.rules = rules
        for key, rule in rules.items():
            retention_due(rule, collected=date(2000, 1, 1), anchor_date=None)  # validates the rule once
            if rule.anchor not in ANCHORS:
                raise ValueError(f"unknown retention anchor {rule.anchor!r} for purpose {key!r}")
        self._months: dict[tuple[date, int], date] = {}

    def _add_months(self, d: date, months: int) -> date:
        key = (d, months)
        hit = self._months.get(key)
        if hit is None:
            hit = self._months[key] = add_months(d, months)
        return hit

    def _one(self, purpose: str, collected: date, anchor_date: date | None) -> date | None:
        rule = self.rules[purpose]
        if anchor_date is None:
            return None
        if rule.anchor == "collected":
            anchor_date = collected
        due = self._add_months(anchor_date, rule.after_months) if rule.after_months else anchor_date
        if rule.minimum_days or rule.minimum_months:
            by_days = collected + timedelta(days=rule.minimum_days)
            by_months = self._add_months(collected, rule.minimum_months) if rule.minimum_months else collected
            minimum = by_months if by_months > by_days else by_days
            if minimum > due:
                return minimum
        return due

    def due(self, facts: RecordFacts, *, fallback: Callable[[], date | None] | None = None) -> date | None:
        """None while any applicable purpose waits for its anchor event.

        With no applicable purpose the record lives as long as `fallback` says (the person's row),
        or, without one, as long as the longest of its purposes counted from collection: a record
        nothing ties to an event is never erased earlier than the policy could have meant.
        """
        applicable = False
        latest: date | None = None
        for purpose in facts.purposes:
            rule = self.rules.get(purpose)
            if rule is None or rule.anchor not in ANCHORS:
                continue
            if rule.anchor == "collected":
                anchor_date: date | None = facts.collected
            elif rule.anchor in facts.anchors:
                anchor_date = facts.anchors[rule.anchor]
            else:
                continue
            applicable = True
            due = self._one(purpose, facts.collected, anchor_date)
            if due is None:
                return None
            latest = due if latest is None or due > latest else latest
        if applicable:
            return latest
        if fallback is not None:
            return fallback()
        dues = [self._one(p, facts.collected, facts.collected) for p in facts.purposes if p in self.rules]
        known = [d for d in dues if d is not None]
        return max(known) if known else facts.collected


# --- holds --------------------------------------------------------------------------------------


# Holds are values (frozen LegalHold), and a retention run asks for the same dates again and again.
_bookkeeping_hold = lru_cache(maxsize=1 << 16)(bookkeeping_hold)
_complaint_hold = lru_cache(maxsize=1 << 16)(consumer_complaint_hold)
_fraud_hold = lru_cache(maxsize=1 << 16)(fraud_hold)


def _own_holds(facts: RecordFacts, today: date, law: str) -> list[LegalHold]:
    holds: list[LegalHold] = []
    if facts.document_date is not None:
        holds.append(_bookkeeping_hold(facts.document_date, law, primary=facts.primary_document))
    if facts.delivered is not None:
        holds.append(_complaint_hold(facts.delivered, long_lived=facts.long_lived))
    if facts.fraud_collected is not None:
        holds.append(_fraud_hold(facts.fraud_collected))
    if facts.legal_hold_until is not None:
        holds.append(LegalHold(
            law=LAW_RECORDED_HOLD, label_nb="Registrert lagringsplikt", label_en="Recorded legal hold",
            until=facts.legal_hold_until, reason=f"recorded on the record until {facts.legal_hold_until.isoformat()}",
            reason_nb=f"registrert på opplysningen til {facts.legal_hold_until:%d.%m.%Y}",
            label_sv="Registrerad lagringsskyldighet",
            reason_sv=f"registrerad på uppgiften till {facts.legal_hold_until.isoformat()}",
        ))
    return [h for h in holds if h.is_active(today)]


def _unique(holds: Iterable[LegalHold]) -> tuple[LegalHold, ...]:
    seen: dict[tuple[str, str, date], LegalHold] = {}
    for h in holds:
        seen.setdefault((h.law, h.label_en, h.until), h)
    return tuple(sorted(seen.values(), key=lambda h: (h.until, h.law, h.label_en)))


# --- the plan -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupLine:
    kind: str
    decision: PlanDecision
    count: int
    reason_nb: str
    reason_en: str
    reason_sv: str
    until: date | None
    laws: tuple[str, ...]


@dataclass(frozen=True)
class PurposeGroup:
    """One purpose of the policy: what goes, what stays restricted, what stays, and why."""

    purpose: str
    erase: tuple[GroupLine, ...]
    restrict: tuple[GroupLine, ...]
    keep: tuple[GroupLine, ...]


@dataclass(frozen=True)
class ErasurePlan:
    items: tuple[PlanItem, ...]
    purpose: str | None
    today: date
    fingerprint: str

    def counts(self) -> Counter[PlanDecision]:
        return Counter(i.decision for i in self.items)

    @property
    def nothing_erasable(self) -> bool:
        """True when every record stays: the erasure can only be refused (Art. 17(3))."""
        return not any(i.erases_something for i in self.items)

    @property
    def restrict_until(self) -> date | None:
        dates = [i.until for i in self.items if i.until is not None]
        return max(dates) if dates else None

    def item(self, kind: str, record_id: int) -> PlanItem:
        for i in self.items:
            if i.kind == kind and i.record_id == record_id:
                return i
        raise KeyError((kind, record_id))

    def to_json(self) -> str:
        """What the database keeps of the plan: ids, kinds and decisions, never a value."""
        return json.dumps({
            "version": 1,
            "purpose": self.purpose,
            "today": self.today.isoformat(),
            "fingerprint": self.fingerprint,
            "items": [
                {"k": i.kind, "id": i.record_id, "d": i.decision.value,
                 "u": i.until.isoformat() if i.until else None, "l": list(i.laws),
                 "p": list(i.erase_parts), "r": i.keep_reason.value if i.keep_reason else None}
                for i in self.items
            ],
        }, separators=(",", ":"), sort_keys=True)


def fingerprint(items: Sequence[PlanItem], purpose: str | None) -> str:
    """sha256 over every decision and every record's values hash, sorted: stable across runs."""
    rows = sorted(
        [i.kind, i.record_id, i.decision.value, i.until.isoformat() if i.until else None, list(i.laws),
         list(i.erase_parts), i.keep_reason.value if i.keep_reason else None, i.content_hash]
        for i in items
    )
    blob = json.dumps([purpose, rows], separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def _decide(
    records: Sequence[RecordFacts],
    *,
    today: date,
    law: str,
    in_scope: Callable[[RecordFacts], KeepReason | None],
    dues: Mapping[tuple[str, int], date | None],
    changes_only: bool = False,
) -> list[PlanItem]:
    """Decide each record, then let records that stay keep what they depend on.

    `changes_only` leaves out the records that stay as they are (the retention job's view).
    """
    if law not in BOOKKEEPING_LAWS:
        raise ValueError(f"unknown bookkeeping law {law!r}; expected one of {', '.join(BOOKKEEPING_LAWS)}")
    keys = [(r.kind, r.record_id) for r in records]
    own: dict[tuple[str, int], list[LegalHold]] = {}
    decision: dict[tuple[str, int], PlanDecision] = {}
    reason: dict[tuple[str, int], KeepReason | None] = {}
    for r, k in zip(records, keys, strict=True):
        out = r.keep_always if r.keep_always is not None else in_scope(r)
        if out is not None:
            decision[k], reason[k] = PlanDecision.KEEP, out
            continue
        own[k] = _own_holds(r, today, law)
        decision[k], reason[k] = PlanDecision.ERASE, None
    if changes_only and not own:
        return []
    held_by_law: dict[str, list[LegalHold]] = defaultdict(list)
    for own_holds in own.values():
        for h in own_holds:
            held_by_law[h.law].append(h)
    holds_of: dict[tuple[str, int], list[LegalHold]] = {}
    for r, k in zip(records, keys, strict=True):
        if k not in own:
            continue
        hs = list(own[k])
        for law_key in r.inherit_laws:
            hs.extend(held_by_law.get(law_key, ()))
        holds_of[k] = hs
        if hs:
            decision[k] = PlanDecision.RESTRICT

    # Children first, repeatedly, until nothing changes: chains are short (line -> order -> person).
    children = [(k, r.parents) for r, k in zip(records, keys, strict=True) if r.parents]
    changed = True
    while changed:
        changed = False
        for k, parents in children:
            d = decision[k]
            if d is PlanDecision.ERASE:
                continue
            for parent in parents:
                pd = decision.get(parent)
                if pd is None or pd is PlanDecision.KEEP:
                    continue
                if d is PlanDecision.KEEP:
                    decision[parent], reason[parent] = PlanDecision.KEEP, KeepReason.NEEDED_BY
                    changed = True
                    continue
                mine = holds_of.setdefault(parent, [])
                new = [h for h in holds_of.get(k, ()) if h not in mine]
                if new or pd is PlanDecision.ERASE:
                    mine.extend(new)
                    decision[parent] = PlanDecision.RESTRICT
                    changed = True

    items: list[PlanItem] = []
    for r, k in zip(records, keys, strict=True):
        d = decision[k]
        if d is PlanDecision.KEEP:
            if not changes_only:
                items.append(PlanItem(r.kind, r.record_id, d, r.purposes, keep_reason=reason[k], due=dues.get(k),
                                      content_hash=r.content_hash))
            continue
        if d is PlanDecision.ERASE:
            items.append(PlanItem(r.kind, r.record_id, d, r.purposes, erase_parts=tuple(sorted(r.parts)),
                                  due=dues.get(k), content_hash=r.content_hash))
            continue
        holds = _unique(holds_of.get(k, ()))
        active_laws = {h.law for h in holds}
        keep_parts = tuple(sorted(
            p for p, laws in r.parts.items()
            if LAW_RECORDED_HOLD in active_laws or ALL_LAWS in laws or laws & active_laws
        ))
        erase_parts = tuple(sorted(p for p in r.parts if p not in keep_parts))
        items.append(PlanItem(r.kind, r.record_id, d, r.purposes, holds=holds, until=max(h.until for h in holds),
                              erase_parts=erase_parts, keep_parts=keep_parts, due=dues.get(k),
                              content_hash=r.content_hash))
    items.sort(key=lambda i: (i.kind, i.record_id))
    return items


def _dues(records: Sequence[RecordFacts], calc: DueCalculator) -> dict[tuple[str, int], date | None]:
    """The person's row first: records no purpose ties to an event live as long as it does."""
    person = [r for r in records if r.kind == PERSON_KIND]
    person_due: date | None = calc.due(person[0]) if person else None
    out: dict[tuple[str, int], date | None] = {}
    for r in records:
        if r.kind == PERSON_KIND:
            out[r.key] = person_due if person and r is person[0] else calc.due(r)
        else:
            out[r.key] = calc.due(r, fallback=(lambda: person_due) if person else None)
    return out


def plan_erasure(
    records: Sequence[RecordFacts],
    *,
    today: date,
    bookkeeping_law: str,
    purpose: str | None,
    rules: Mapping[str, RetentionRuleLike],
) -> ErasurePlan:
    """Plan an erasure request for one person, for all purposes or for `purpose` only.

    With a purpose, only records serving that purpose alone are erased; a record that serves it
    and others stays for the others (as a restriction request does in the request service).
    """
    if len({r.key for r in records}) != len(records):
        raise ValueError("each record may appear only once in a plan")

    def scope(r: RecordFacts) -> KeepReason | None:
        if purpose is None:
            return None
        return None if r.purposes and set(r.purposes) <= {purpose} else KeepReason.OTHER_PURPOSES

    dues = _dues(records, DueCalculator(rules))
    items = _decide(records, today=today, law=bookkeeping_law, in_scope=scope, dues=dues)
    return ErasurePlan(items=tuple(items), purpose=purpose, today=today, fingerprint=fingerprint(items, purpose))


def plan_retention(
    records: Sequence[RecordFacts],
    *,
    today: date,
    bookkeeping_law: str,
    calculator: DueCalculator,
    open_request: bool = False,
    held_only: bool = False,
    changes_only: bool = False,
) -> list[PlanItem]:
    """What the retention job does to one person's records today.

    In scope: records whose policy retention has ended, and records under a stored hold (erased
    once it ends; with `held_only`, only those). A person with an open request is left alone
    until it is answered. `changes_only` returns only the records to erase or restrict.
    """
    dues = _dues(records, calculator)

    def scope(r: RecordFacts) -> KeepReason | None:
        if open_request:
            return KeepReason.OPEN_REQUEST
        if r.legal_hold_until is not None:
            return None
        if held_only:
            return KeepReason.NOT_DUE
        due = dues[r.key]
        return None if due is not None and today > due else KeepReason.NOT_DUE

    return _decide(records, today=today, law=bookkeeping_law, in_scope=scope, dues=dues, changes_only=changes_only)


def group_by_purpose(items: Iterable[PlanItem], purposes: Sequence[str] | None = None) -> tuple[PurposeGroup, ...]:
    """Lines per purpose (in `purposes` order, then any others), one per kind, decision and reason.

    A record serving several purposes is listed under each: the person asked about their data per
    purpose, and each purpose's section must be complete on its own.
    """
    lines: dict[str, Counter[tuple[str, PlanDecision, str, str, str, date | None, tuple[str, ...]]]] = \
        defaultdict(Counter)
    for i in items:
        line = (i.kind, i.decision, i.reason("nb"), i.reason("en"), i.reason("sv"), i.until, i.laws)
        for p in i.purposes or ("",):
            lines[p][line] += 1
    order = list(purposes or ())
    order += sorted(p for p in lines if p not in order)
    groups: list[PurposeGroup] = []
    for p in order:
        if p not in lines:
            continue
        by_decision: dict[PlanDecision, list[GroupLine]] = defaultdict(list)
        for (kind, decision, nb, en, sv, until, laws), n in sorted(
            lines[p].items(), key=lambda kv: (kv[0][0], kv[0][5] or date.min, kv[0][3])
        ):
            by_decision[decision].append(GroupLine(kind, decision, n, nb, en, sv, until, laws))
        groups.append(PurposeGroup(
            purpose=p, erase=tuple(by_decision[PlanDecision.ERASE]),
            restrict=tuple(by_decision[PlanDecision.RESTRICT]), keep=tuple(by_decision[PlanDecision.KEEP]),
        ))
    return tuple(groups)
