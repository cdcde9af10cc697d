"""A supervisor weighs the shop's fraud records against an erasure request, and the desk records it.

Fraud records are kept for the shop's own purpose (policy §5), so an erasure request is an objection
the shop must answer on the merits (GDPR Art. 17(1)(c) with 21(1)): keep only on compelling
legitimate grounds, written down. An erasure plan that holds fraud records cannot be submitted
until the latest weighing for its request says keep or erase (`services.erasure` reads it through
`latest_fraud_weighing`). The weigher signs with the password again, must be an active supervisor or
administrator, and may not be the person who filed the request (four eyes, as for the approval).
Every weighing is a new row and an access-log entry; none is edited. See docs/rules.md#r-fraud.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.audit.log import utcnow
from desktop.domain.fraud import FraudWeighing, InvalidWeighing, WeighingOutcome, validate_reasons
from desktop.domain.requests import OPEN_STATES, RequestState, RequestType
from desktop.domain.roles import Actor, Permission, Role
from desktop.errors import InvalidInput, NotFound, PermissionDenied
from desktop.models import DsrRequest, FraudWeighingRecord, RequestEvent, StaffAccount
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext

__all__ = ["WEIGHING_NEEDED", "FraudWeighingService", "FraudWeighingView", "latest_fraud_weighing"]

#: Why an erasure plan with fraud records cannot be submitted yet (English, Bokmål).
WEIGHING_NEEDED = (
    "The customer has fraud records: they are the shop's own purpose, not a legal exemption, so a "
    "supervisor must weigh them against the request (keep or erase, with reasons; GDPR Art. 17(1)(c) and "
    "21(1)) before the plan can be submitted. Until then they are restricted (Art. 18(1)(d)).",
    "Kunden har opplysninger om bedrageri eller misbruk: de er butikkens eget formål, ikke et lovbestemt "
    "unntak, så en leder må veie dem mot henvendelsen (beholde eller slette, med begrunnelse; "
    "personvernforordningen art. 17 nr. 1 c og 21 nr. 1) før planen kan sendes. Til da er de begrenset "
    "(art. 18 nr. 1 d).",
)


@dataclass(frozen=True)
class FraudWeighingView:
    request_id: int
    outcome: WeighingOutcome
    reasons: str
    decided_by: str
    decided_at: datetime


def latest_fraud_weighing(s: Session, request_id: int) -> FraudWeighing | None:
    """The weighing that counts for a request: the latest recorded, or None."""
    row = s.execute(
        select(FraudWeighingRecord).where(FraudWeighingRecord.request_id == request_id)
        .order_by(FraudWeighingRecord.id.desc()).limit(1)
    ).scalar_one_or_none()
    if row is None:
        return None
    return FraudWeighing(outcome=WeighingOutcome(row.decision), reasons=row.reasons,
                         decided_by=row.decided_by, decided_at=row.decided_at)


class FraudWeighingService:
    """`clock` returns naive UTC."""

    def __init__(self, ctx: DeskContext, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.ctx = ctx
        self.clock = clock
        self.accounts = AccountService(ctx)

    def weigh(self, actor: Actor, request_id: int, outcome: WeighingOutcome | str, reasons: str,
              password: str) -> FraudWeighingView:
        """Record keep or erase for the fraud records of an open erasure request, with the reasons."""
        if not actor.can(Permission.APPROVE_ERASURE):
            raise PermissionDenied("Only a supervisor or an administrator may weigh fraud records.",
                                   "Bare en leder eller en administrator kan veie opplysninger om bedrageri.")
        try:
            decided = WeighingOutcome(outcome)
            text = validate_reasons(reasons)
        except InvalidWeighing as exc:
            raise InvalidInput(exc.message, exc.message_nb) from exc
        except ValueError as exc:
            raise InvalidInput("Choose keep or erase.", "Velg beholde eller slette.") from exc
        self.accounts.reauthenticate(actor, password)
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            account = s.get(StaffAccount, actor.account_id) if actor.account_id is not None else None
            if account is None or account.disabled or Role(account.role) not in (Role.SUPERVISOR, Role.ADMIN):
                raise PermissionDenied("Only an active supervisor or administrator may weigh fraud records.",
                                       "Bare en aktiv leder eller administrator kan veie opplysninger om bedrageri.")
            req = s.get(DsrRequest, request_id)
            if req is None:
                raise NotFound(f"No request {request_id}.", f"Ingen henvendelse {request_id}.")
            if req.type != RequestType.ERASURE or RequestState(req.state) not in OPEN_STATES:
                raise InvalidInput("Fraud records are weighed for an open erasure request only.",
                                   "Opplysninger om bedrageri veies bare for en åpen slettehenvendelse.")
            if req.filed_by_id is not None and req.filed_by_id == account.id:
                raise PermissionDenied(
                    "You filed this request; another supervisor must weigh it (four eyes).",
                    "Du registrerte denne henvendelsen; en annen leder må veie den (fire øyne).")
            now = self.clock()
            s.add(FraudWeighingRecord(request_id=req.id, decision=decided.value, reasons=text,
                                      decided_by_id=account.id, decided_by=account.username, decided_at=now))
            s.add(RequestEvent(request_id=req.id, at=now, actor_id=account.id, actor=account.username,
                               action="fraud_weighing", from_state=req.state, to_state=req.state,
                               note=f"{decided.value}: {text}"))
            self.ctx.audit.append(s, actor, action="fraud_weighing", data="fraud_signal",
                                  customer_id=req.customer_id, detail=f"decision={decided.value}", reason=text,
                                  request_id=req.id)
            return FraudWeighingView(request_id=req.id, outcome=decided, reasons=text,
                                     decided_by=account.username, decided_at=now)

    def current(self, actor: Actor, request_id: int) -> FraudWeighingView | None:
        """The weighing that counts for a request (no personal data: the reasons are the staff's own)."""
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            w = latest_fraud_weighing(s, request_id)
            if w is None:
                return None
            return FraudWeighingView(request_id=request_id, outcome=w.outcome, reasons=w.reasons,
                                     decided_by=w.decided_by, decided_at=w.decided_at)
