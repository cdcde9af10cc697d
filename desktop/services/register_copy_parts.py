"""The parts of a register copy that must tell the whole truth (Art. 15(1)-(3); docs/rules.md).

Kept apart from `services.register_copy` (collect, review, render, send) so each rule has one home:
how long each record is really kept, every recipient and what it receives, every look at the
person's data, the person's own requests, their identity number in full, and transfers outside
the EU/EEA. Each function reads inside the caller's transaction and returns report data.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.national_id import InvalidNationalId, format_full, parse_national_id
from desktop.errors import InvalidInput
from desktop.models import Customer, DsrRequest
from desktop.policy import Policy, Purpose
from desktop.reports.i18n import COUNTRY_NAMES, PENDING, text
from desktop.reports.model import (
    IdentityData,
    RecipientReceiptData,
    RecordRowData,
    RequestData,
    TransferData,
)
from desktop.security.crypto import decrypt
from desktop.security.keys import DeskKeys
from desktop.services.requests import reference

__all__ = [
    "NamedRecipient",
    "NamedRecipientLike",
    "check_named",
    "copy_row",
    "identity",
    "own_requests",
    "recipients",
    "transfers",
]


def copy_row(row: Any, purpose: Purpose, lang: str, day: Callable[[date], str]) -> RecordRowData:
    """A profile row as the copy prints it: the day the desk really keeps it to, and the law or rule
    that decides it (the same `KeptUntil` the profile shows, so the two cannot drift). The reason
    goes beside the table once, not into every row: a long customer's copy stays readable."""
    kept = row.kept
    if kept is not None and kept.until is not None:
        until, why = day(kept.until), kept.why(lang)
        if kept.parts_until:  # the person's row: e-mail and phone may go before the name
            until = f"{until} ({kept.parts_note(lang)})"
    elif kept is not None:
        until, why = kept.short(lang)
    else:
        due: date | None = row.retention_due
        until, why = (day(due) if due is not None else PENDING[purpose.retention.anchor][lang]), ""
    return RecordRowData(record_id=row.record_id, cells=tuple(row.values), source=row.source, kept_until=until,
                         restricted=bool(row.restricted), kept_reason=why)


# --- every recipient (Art. 15(1)(c), C-154/21) ---------------------------------------------------------


class NamedRecipientLike(Protocol):
    """A recipient the shop's own files name: the company's name and the policy recipient it is.

    The systems file of the shop's sources carries these (`recipient = "<policy recipient key>"`
    beside a name); anything with these two attributes will do.
    """

    @property
    def name(self) -> str: ...

    @property
    def recipient(self) -> str: ...


@dataclass(frozen=True)
class NamedRecipient:
    name: str
    recipient: str


def check_named(policy: Policy, named: Iterable[NamedRecipientLike]) -> tuple[NamedRecipient, ...]:
    """The caller's named recipients, each tied to a recipient the policy knows; a typo is refused."""
    out: list[NamedRecipient] = []
    known = {r.key for r in policy.recipients}
    for n in named:
        name = " ".join(str(n.name).split())
        if not name:
            raise InvalidInput("A named recipient needs a name.", "En navngitt mottaker må ha et navn.")
        if n.recipient not in known:
            raise InvalidInput(
                f"'{name}' is given as recipient '{n.recipient}', which the privacy policy does not have "
                f"(known: {', '.join(sorted(known))}).",
                f"'{name}' er oppgitt som mottaker '{n.recipient}', som personvernerklæringen ikke har "
                f"(kjente: {', '.join(sorted(known))}).",
            )
        out.append(NamedRecipient(name=name, recipient=n.recipient))
    return tuple(dict.fromkeys(out))


def recipients(policy: Policy, lang: str, *, kinds_held: Iterable[str], purposes_held: Iterable[str],
               named: Sequence[NamedRecipient] = ()) -> tuple[RecipientReceiptData, ...]:
    """Every recipient of the policy that receives some of this person's data, in policy order, with
    which of their records it receives and for which purposes; by name where a name is known.

    Read off the policy's `record_kinds` per recipient, so recipients that serve no purpose of their
    own (the marketing processors: newspapers, social media, agencies) are listed too.
    """
    kinds = set(kinds_held)
    purposes = set(purposes_held)
    out: list[RecipientReceiptData] = []
    for r in policy.recipients:
        receives = [k for k in r.record_kinds if k in kinds]
        serves = [p for p in policy.purposes if p.key in r.purposes and p.key in purposes]
        if not receives:
            continue
        names = [n.name for n in named if n.recipient == r.key]
        if r.named:
            names.insert(0, r.name.get(lang))
        out.append(RecipientReceiptData(
            name=r.name.get(lang), kind=text(f"kind_{r.kind}", lang), description=r.description.get(lang),
            receives=tuple(policy.record_kind(k).label.get(lang) for k in receives),
            purposes=tuple(f"{p.number}. {p.title.get(lang)}" for p in serves),
            named=tuple(dict.fromkeys(names)),
        ))
    return tuple(out)


# --- the identity number in full (C-487/21) ----------------------------------------------------------


def identity(keys: DeskKeys, customer: Customer, lang: str, today: date, *,
             test_numbers: bool = False) -> IdentityData | None:
    """The person's own number in full for their own copy; the renderer prints it after page one.

    `today` is the copy's day: from 2032 the century of a Norwegian number depends on it.
    """
    if customer.nid_encrypted is None:
        return None
    number = decrypt(keys.nid_enc, customer.nid_encrypted)
    with contextlib.suppress(InvalidNationalId):
        number = format_full(parse_national_id(number, today, test_numbers=test_numbers))
    return IdentityData(label=text("identity_label", lang), number=number)


# --- the person's own requests ------------------------------------------------------------------------

_STATES: dict[str, tuple[str, str, str]] = {
    "received": ("mottatt", "received", "mottagen"),
    "identity_verified": ("identitet bekreftet", "identity verified", "identitet bekräftad"),
    "in_progress": ("under behandling", "in progress", "under behandling"),
    "awaiting_approval": ("venter på godkjenning", "awaiting approval", "inväntar godkännande"),
    "done": ("fullført", "completed", "slutförd"),
    "refused": ("avslått", "refused", "avslagen"),
    "withdrawn": ("trukket tilbake", "withdrawn", "återkallad"),
}


def own_requests(s: Session, policy: Policy, customer_id: int, lang: str,
                 day: Callable[[date], str]) -> tuple[RequestData, ...]:
    """The person's requests, oldest first: kind, dates, state and the answer they were given.

    Internal notes and the names of staff stay out (they may name others); what the person was
    told (the completion summary or the written reason for a refusal) is theirs.
    """
    column = 0 if lang == "nb" else 2 if lang == "sv" else 1
    rows = s.execute(select(DsrRequest).where(DsrRequest.customer_id == customer_id)
                     .order_by(DsrRequest.received_on, DsrRequest.id)).scalars()
    out: list[RequestData] = []
    for r in rows:
        try:
            kind = policy.right(r.type).label.get(lang)
        except KeyError:
            kind = r.type
        closed = r.completed_at.date() if r.completed_at is not None else None
        outcome = r.completion_summary or r.refusal_reason or ""
        due = r.extended_until or r.due_on
        out.append(RequestData(
            reference=reference(r.id), kind=kind, received=day(r.received_on), due=day(due),
            state=_STATES.get(r.state, (r.state,) * 3)[column], closed=day(closed) if closed else "",
            outcome=outcome,
        ))
    return tuple(out)


# --- transfers outside the EU/EEA (Art. 15(2)) --------------------------------------------------------


def transfers(policy: Policy, lang: str) -> TransferData:
    """Where the data is processed; countries and instrument as the policy file gives them, or a
    plain statement that the shop has been asked for them."""
    loc = policy.processing_location
    country = COUNTRY_NAMES.get(loc.own_systems_country, {}).get(lang, loc.own_systems_country)
    return TransferData(
        text=loc.text.get(lang), own_systems_country=country,
        transfers_outside_eea=loc.transfers_outside_eea.get(lang), safeguards=loc.safeguards.get(lang),
        protection=loc.protection.get(lang) if loc.protection is not None else "",
        countries=tuple(COUNTRY_NAMES.get(c, {}).get(lang, c) for c in loc.transfer_countries),
        instrument=loc.transfer_instrument.get(lang) if loc.transfer_instrument is not None else "",
        details_missing=loc.transfer_details_missing,
    )
