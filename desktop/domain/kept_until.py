"""The day the desk will really keep each record to, and why (GDPR Art. 15(1)(d) and 12(1)).

A register copy and a profile that show the privacy policy's own date (say 12.09.2029) for an
order the bookkeeping law keeps to 31.12.2031 tell the person something untrue. The truth is what
the retention job will do, so this module answers with the retention job's own rules
(`domain.erasure`): the policy's end of retention over all purposes a record serves, pushed out by
every legal hold its facts give it (bookkeeping, consumer complaints, fraud, a hold recorded on
the record), by holds it inherits (a billing address goes with the invoices), and by the records
that depend on it (an order lives as long as its lines; the person's row as long as anything).

One function serves the profile and the register copy, so they cannot drift apart; a test replays
the retention job day by day over generated people and checks that each record goes on the day
after the one given here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from desktop.domain.erasure import (
    ALL_LAWS,
    LAW_RECORDED_HOLD,
    PERSON_KIND,
    DueCalculator,
    RecordFacts,
    policy_dues,
    record_holds,
)
from desktop.domain.retention import LegalHold

__all__ = ["LANGUAGES", "KeptUntil", "kept_until"]

LANGUAGES = ("nb", "en", "sv")

#: "until <the event happens>", per language, for records whose policy period has not started.
_PENDING: dict[str, dict[str, str]] = {
    "nb": {
        "purchase_completed": "til kjøpet er fullført, og deretter i lagringstiden",
        "case_closed": "til saken er avsluttet, og deretter i lagringstiden",
        "event_ended": "til konkurransen eller eventet er avsluttet, og deretter i lagringstiden",
        "membership_ended": "til medlemskapet avsluttes",
        "recruitment_ended": "til rekrutteringsprosessen er avsluttet, og deretter i lagringstiden",
        "collected": "i lagringstiden",
    },
    "en": {
        "purchase_completed": "until the purchase is completed, then for the retention period",
        "case_closed": "until the case is closed, then for the retention period",
        "event_ended": "until the competition or event has ended, then for the retention period",
        "membership_ended": "until the membership ends",
        "recruitment_ended": "until the recruitment process has ended, then for the retention period",
        "collected": "for the retention period",
    },
    "sv": {
        "purchase_completed": "tills köpet är genomfört, och därefter under lagringstiden",
        "case_closed": "tills ärendet är avslutat, och därefter under lagringstiden",
        "event_ended": "tills tävlingen eller evenemanget har avslutats, och därefter under lagringstiden",
        "membership_ended": "tills medlemskapet avslutas",
        "recruitment_ended": "tills rekryteringsprocessen har avslutats, och därefter under lagringstiden",
        "collected": "under lagringstiden",
    },
}
_WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "policy": "{date} (personvernerklæringens lagringstid)",
        "hold": "{date}: {label} ({reason})",
        "policy_alone": "; personvernerklæringens lagringstid alene ville endt {policy}",
        "hold_pending": "{pending}; minst til {date}: {label} ({reason})",
        "at_least": "{pending}, minst til {date}",
        "parts": "; går tidligere: {parts}",
        "needed": "{date}: så lenge opplysninger som er knyttet til den, lagres",
        "needed_pending": "så lenge opplysninger som er knyttet til den, lagres: {pending}",
        "suppression": "så lenge reservasjonen gjelder (art. 21 nr. 3), så du ikke kontaktes igjen",
        "recorded": "{date}: begrenset og lagres bare for det som hindrer sletting ({label})",
    },
    "en": {
        "policy": "{date} (the privacy policy's retention period)",
        "hold": "{date}: {label} ({reason})",
        "policy_alone": "; the privacy policy's period alone would have ended {policy}",
        "hold_pending": "{pending}; at least until {date}: {label} ({reason})",
        "at_least": "{pending}, at least until {date}",
        "parts": "; going earlier: {parts}",
        "needed": "{date}: as long as records linked to it are kept",
        "needed_pending": "as long as records linked to it are kept: {pending}",
        "suppression": "for as long as the opt-out applies (Art. 21(3)), so that you are not contacted again",
        "recorded": "{date}: restricted, kept only for what prevents erasure ({label})",
    },
    "sv": {
        "policy": "{date} (integritetspolicyns lagringstid)",
        "hold": "{date}: {label} ({reason})",
        "policy_alone": "; integritetspolicyns lagringstid ensam skulle ha slutat {policy}",
        "hold_pending": "{pending}; minst till {date}: {label} ({reason})",
        "at_least": "{pending}, minst till {date}",
        "parts": "; raderas tidigare: {parts}",
        "needed": "{date}: så länge uppgifter som är kopplade till den sparas",
        "needed_pending": "så länge uppgifter som är kopplade till den sparas: {pending}",
        "suppression": "så länge spärren gäller (art. 21.3), så att du inte kontaktas igen",
        "recorded": "{date}: begränsad, sparas bara för det som hindrar radering ({label})",
    },
}


_PARTS: dict[str, dict[str, str]] = {
    "nb": {"identity": "navn", "contact": "e-post og telefon", "national_id": "fødselsnummer"},
    "en": {"identity": "name", "contact": "e-mail and telephone", "national_id": "national identity number"},
    "sv": {"identity": "namn", "contact": "e-post och telefon", "national_id": "personnummer"},
}
_SHORT: dict[str, dict[str, str]] = {
    "nb": {"policy": "personvernerklæringen", "needed": "tilknyttede opplysninger lagres",
           "suppression": "reservasjon (art. 21 nr. 3)"},
    "en": {"policy": "privacy policy", "needed": "linked records are kept", "suppression": "opt-out (Art. 21(3))"},
    "sv": {"policy": "integritetspolicyn", "needed": "kopplade uppgifter sparas",
           "suppression": "spärr (art. 21.3)"},
}


def _fmt(d: date, lang: str) -> str:
    return d.strftime("%d.%m.%Y") if lang == "nb" else d.isoformat()


def _reason(hold: LegalHold, lang: str) -> str:
    if lang == "nb":
        return hold.reason_nb or hold.reason
    if lang == "sv":
        return hold.reason_sv or hold.reason
    return hold.reason


@dataclass(frozen=True)
class KeptUntil:
    """How long one record stays, and what decides it.

    `until` is the last day the record is kept (the retention job erases it the day after); None
    while the event that starts the policy's period is still ahead (`pending_anchor` names it), or
    for a marketing opt-out, which is kept for as long as it applies. `holds` are the holds that
    keep it past the policy's own date, longest first. `needed_by` says the date comes from records
    that depend on this one, not from a hold of its own.
    """

    until: date | None
    policy_due: date | None
    holds: tuple[LegalHold, ...] = ()
    pending_anchor: str | None = None
    needed_by: bool = False
    suppression: bool = False
    restricted_until: date | None = None
    #: For the person's own row, kept in parts (`domain.erasure.PERSON_PARTS`): the parts that go
    #: earlier than the row, with their last day (e-mail and phone are kept by no law).
    parts_until: tuple[tuple[str, date], ...] = ()

    @property
    def deciding(self) -> LegalHold | None:
        """The law (or recorded hold) that sets the date, when the policy's period does not."""
        return self.holds[0] if self.holds else None

    def why(self, lang: str) -> str:
        """The short reason beside a date in a table: the law's name, or the privacy policy."""
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGUAGES)}")
        hold = self.deciding
        if self.suppression:
            return _SHORT[lang]["suppression"]
        if hold is not None and (self.until is None or hold.until == self.until):
            return hold.label(lang)
        if self.needed_by:
            return _SHORT[lang]["needed"]
        return _SHORT[lang]["policy"]

    def short(self, lang: str) -> tuple[str, str]:
        """(when, why) for a table cell and its legend: "31.12.2031" and the law's name; for a record
        waiting for its event, "til medlemskapet avsluttes, minst til 31.12.2031" and the law."""
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGUAGES)}")
        if self.suppression:
            return self.describe(lang), ""
        if self.until is not None:
            return _fmt(self.until, lang), self.why(lang)
        pending = _PENDING[lang].get(self.pending_anchor or "collected", _PENDING[lang]["collected"])
        hold = self.deciding
        if hold is None:
            return pending, ""
        return _WORDS[lang]["at_least"].format(pending=pending, date=_fmt(hold.until, lang)), hold.label(lang)

    def parts_note(self, lang: str) -> str:
        """"e-post og telefon: 01.03.2028" for the parts of the person's row that go before the row."""
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGUAGES)}")
        by_day: dict[date, list[str]] = {}
        for part, day in self.parts_until:
            by_day.setdefault(day, []).append(_PARTS[lang].get(part, part))
        return "; ".join(f"{' / '.join(parts)}: {_fmt(day, lang)}" for day, parts in sorted(by_day.items()))

    def describe(self, lang: str) -> str:
        """One line for the profile and the register copy, e.g. "31.12.2031: Bokføringsloven § 13 ..."."""
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGUAGES)}")
        w = _WORDS[lang]
        if self.suppression:
            return w["suppression"]
        hold = self.deciding
        if self.until is None:
            pending = _PENDING[lang].get(self.pending_anchor or "collected", _PENDING[lang]["collected"])
            if self.needed_by:
                pending = _WORDS[lang]["needed_pending"].format(pending=pending)
            if hold is None:
                return pending
            return w["hold_pending"].format(pending=pending, date=_fmt(hold.until, lang), label=hold.label(lang),
                                            reason=_reason(hold, lang))
        if hold is not None and hold.until == self.until:
            if hold.law == LAW_RECORDED_HOLD:
                return w["recorded"].format(date=_fmt(self.until, lang), label=hold.label(lang))
            head = w["hold"].format(date=_fmt(self.until, lang), label=hold.label(lang), reason=_reason(hold, lang))
            if self.policy_due is not None and self.policy_due < self.until:
                head += w["policy_alone"].format(policy=_fmt(self.policy_due, lang))
            return head + self._parts_suffix(lang)
        if self.needed_by:
            return w["needed"].format(date=_fmt(self.until, lang)) + self._parts_suffix(lang)
        return w["policy"].format(date=_fmt(self.until, lang)) + self._parts_suffix(lang)

    def _parts_suffix(self, lang: str) -> str:
        return _WORDS[lang]["parts"].format(parts=self.parts_note(lang)) if self.parts_until else ""


def _pending_anchor(r: RecordFacts, calc: DueCalculator) -> str | None:
    for purpose in r.purposes:
        rule = calc.rules.get(purpose)
        if rule is not None and rule.anchor != "collected" and rule.anchor in r.anchors \
                and r.anchors[rule.anchor] is None:
            return rule.anchor
    return None


def kept_until(records: Sequence[RecordFacts], *, calculator: DueCalculator,
               bookkeeping_law: str) -> dict[tuple[str, int], KeptUntil]:
    """For one person's records: the last day the retention job keeps each, and why.

    Mirrors `plan_retention`: a record with a stored hold is decided when that hold ends, any other
    when the policy's period ends; on that day every hold still running keeps it (restricted) to
    the latest hold's end; a record outlives none of the records that depend on it.
    """
    dues = policy_dues(records, calculator)
    holds: dict[tuple[str, int], list[LegalHold]] = {r.key: record_holds(r, bookkeeping_law) for r in records}
    # Only the longest hold of each law can push a date out: inheriting it alone gives the same answer
    # without copying thousands of invoices' holds onto a billing address.
    longest: dict[str, LegalHold] = {}
    for hs in holds.values():
        for h in hs:
            if h.law not in longest or h.until > longest[h.law].until:
                longest[h.law] = h
    for r in records:
        extra = [longest[law] for law in r.inherit_laws if law in longest and longest[law] not in holds[r.key]]
        if extra:
            holds[r.key] = [*holds[r.key], *extra]

    # (until, pending) per record from its own facts; None until = pending or kept always. Thousands of
    # records share the same dates and holds: each answer is built once.
    own: dict[tuple[str, int], KeptUntil] = {}
    built: dict[tuple[object, ...], KeptUntil] = {}
    for r in records:
        hs = holds[r.key]
        memo = (dues.get(r.key), r.legal_hold_until, r.keep_always, tuple(hs),
                _pending_anchor(r, calculator) if dues.get(r.key) is None else None)
        same = built.get(memo)
        if same is not None:
            own[r.key] = same
            continue
        own[r.key] = built[memo] = _own(r, hs, dues.get(r.key), calculator)

    return _settle(records, own, holds, dues)


def _own(r: RecordFacts, hs: list[LegalHold], due: date | None, calculator: DueCalculator) -> KeptUntil:
    """One record on its own facts: the policy's date pushed out by the holds still running then."""
    if r.keep_always is not None:
        return KeptUntil(until=None, policy_due=due, suppression=True)
    if r.legal_hold_until is not None:
        # Decided when the stored hold ends, whatever the policy says: the erasure was granted.
        start: date | None = r.legal_hold_until
        due = None
    else:
        start = due
    if start is None:
        first = max(hs, key=lambda h: h.until, default=None)
        return KeptUntil(until=None, policy_due=None, holds=(first,) if first is not None else (),
                         pending_anchor=_pending_anchor(r, calculator))
    extending = tuple(sorted((h for h in hs if h.until >= start), key=lambda h: h.until, reverse=True))
    until = extending[0].until if extending else start
    return KeptUntil(until=until, policy_due=due, holds=extending, restricted_until=r.legal_hold_until)


def _settle(records: Sequence[RecordFacts], own: dict[tuple[str, int], KeptUntil],
            holds: dict[tuple[str, int], list[LegalHold]],
            dues: dict[tuple[str, int], date | None]) -> dict[tuple[str, int], KeptUntil]:
    """Each record as kept by the records that depend on it."""
    # A parent lives as long as its longest-lived child: children first (line -> order -> person), each
    # parent settled once from its dominant child before it passes its own date on.
    result = dict(own)
    depth: dict[tuple[str, int], int] = {}

    def level(key: tuple[str, int], parents: tuple[tuple[str, int], ...]) -> int:
        found = depth.get(key)
        if found is None:
            found = depth[key] = 1 + max((level(p, by_key[p].parents) for p in parents if p in by_key), default=0)
        return found

    by_key = {r.key: r for r in records}
    dominant: dict[tuple[str, int], KeptUntil] = {}
    for r in sorted(records, key=lambda r: level(r.key, r.parents), reverse=True):
        k = result[r.key]
        child = dominant.get(r.key)
        if child is not None and not k.suppression:
            k = result[r.key] = _outlived(k, child)
        if k.suppression:
            continue
        for parent in r.parents:
            best = dominant.get(parent)
            if best is None or _longer(k, best):
                dominant[parent] = k
    return _with_parts(records, result, holds, dues)


def _with_parts(records: Sequence[RecordFacts], result: dict[tuple[str, int], KeptUntil],
                holds: dict[tuple[str, int], list[LegalHold]],
                dues: dict[tuple[str, int], date | None]) -> dict[tuple[str, int], KeptUntil]:
    """The person's row goes in parts: on the day the retention job first restricts it (every record
    that needs it is past its own date), the parts no running hold keeps are blanked (as
    `plan_retention` does); the rest stays with the row."""
    person = next((r for r in records if r.kind == PERSON_KIND and r.parts), None)
    if person is None:
        return result
    row = result[person.key]
    if row.until is None or person.legal_hold_until is not None:
        return result
    starts: list[date] = []
    for r in records:
        if r.keep_always is not None or r.legal_hold_until is not None:
            continue
        due = dues.get(r.key)
        if due is None:
            return result
        starts.append(due)
    first = max(starts)  # the day before the first run that restricts the row
    if first >= row.until:
        return result
    running = {h.law for hs in holds.values() for h in hs if h.until > first}
    # A record restricted by an earlier run carries its hold stored on it, and a stored hold keeps
    # every part of what it depends on (`plan_retention`): then nothing of the row goes early.
    stored_earlier = any(
        r.key != person.key and r.keep_always is None and (due := dues.get(r.key)) is not None and due < first
        and (end := result[r.key].until) is not None and end > first
        for r in records
    )
    if LAW_RECORDED_HOLD in running or stored_earlier:
        return result
    early = tuple((part, first) for part, laws in sorted(person.parts.items())
                  if ALL_LAWS not in laws and not laws & running)
    return {**result, person.key: replace(row, parts_until=early)} if early else result


def _longer(a: KeptUntil, b: KeptUntil) -> bool:
    """Whether `a` outlives `b`: waiting for an event outlives any date."""
    if b.until is None:
        return False
    return a.until is None or a.until > b.until


def _outlived(parent: KeptUntil, child: KeptUntil) -> KeptUntil:
    """The parent as kept by its longest-lived child."""
    if child.until is None:
        if parent.until is None:
            return parent
        return KeptUntil(until=None, policy_due=parent.policy_due, holds=parent.holds or child.holds,
                         pending_anchor=child.pending_anchor, needed_by=True)
    if parent.until is not None and child.until > parent.until:
        return KeptUntil(until=child.until, policy_due=parent.policy_due, holds=_merged(child, parent),
                         needed_by=not child.holds or child.holds[0].until != child.until,
                         restricted_until=parent.restricted_until)
    return parent


def _merged(child: KeptUntil, parent: KeptUntil) -> tuple[LegalHold, ...]:
    """The child's holds come first: the longest one is what keeps the parent."""
    seen = list(child.holds)
    seen += [h for h in parent.holds if h not in seen]
    return tuple(sorted(seen, key=lambda h: h.until, reverse=True))
