"""The unit of work every request-changing service shares.

One user action is one transaction: begin as an actor (permission and an active account checked),
load the request under a row lock with its version checked, change it, record its history, write
its access-log entry and its letters in the same session, then commit; any error rolls all of it
back. The requests and the erasure services both work through this one object, so neither reaches
into the other's internals (the shape of cosmicpython's `service_layer/unit_of_work.py`, on
SQLAlchemy 2 sessions).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.audit.log import utcnow
from desktop.domain.requests import Action, RequestState, RequestType, transition
from desktop.domain.roles import Actor, Permission
from desktop.errors import InvalidInput, NotFound, PermissionDenied
from desktop.models import Customer, DsrRequest, RequestEvent, RequestLetter
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.letters import Letter, letter_language, pick, render_letter

__all__ = [
    "DECIDED",
    "ConcurrentChange",
    "RequestWork",
    "UnitOfWork",
    "person_language",
    "reference",
    "today_at_desk",
]

#: Decisions after which an approval-gated request may be completed.
DECIDED = frozenset({"approved", "upheld", "not_upheld"})
#: "Dear customer" when the name is gone (erased) or unknown, per letter language.
NO_NAME: dict[str, str] = {"nb": "kunde", "en": "customer", "sv": "kund"}


def reference(request_id: int) -> str:
    """The reference the person quotes: short, unambiguous, never the customer's name or number."""
    return f"GDPR-{request_id:06d}"


class ConcurrentChange(InvalidInput):
    """Someone else changed the request since this screen loaded it."""

    def __init__(self, request_id: int) -> None:
        super().__init__(
            f"Request {reference(request_id)} was changed by someone else since you opened it. "
            "Reload it and try again.",
            f"Henvendelse {reference(request_id)} er endret av noen andre siden du åpnet den. "
            "Last den inn på nytt og prøv igjen.",
        )


def today_at_desk(clock: Callable[[], datetime]) -> date:
    """Today where the desk is: a request received late on the 31st was received on the 31st."""
    return clock().replace(tzinfo=UTC).astimezone().date()


def person_language(customer: Customer | None) -> str:
    """The language the person's letters are written in."""
    return letter_language(customer.language if customer is not None else None)


class RequestWork:
    """One open unit of work for one actor: the session and the steps every request change takes."""

    def __init__(self, ctx: DeskContext, session: Session, actor: Actor, clock: Callable[[], datetime]) -> None:
        self.ctx = ctx
        self.session = session
        self.actor = actor
        self.clock = clock

    # -- loading --

    def load(self, request_id: int, version: int | None = None) -> DsrRequest:
        """The request, locked for this transaction; ConcurrentChange if `version` is not the stored one."""
        req = self.session.execute(
            select(DsrRequest).where(DsrRequest.id == request_id).with_for_update()).scalar_one_or_none()
        if req is None:
            raise NotFound(f"Request {reference(request_id)} does not exist.",
                           f"Henvendelse {reference(request_id)} finnes ikke.")
        if version is not None and req.version != version:
            raise ConcurrentChange(request_id)
        return req

    def customer(self, customer_id: int | None) -> Customer:
        """The request's customer, refused once erased."""
        customer = self.session.get(Customer, customer_id) if customer_id is not None else None
        if customer is None or customer.erased_at is not None:
            raise NotFound(f"Customer {customer_id} does not exist (or has been erased).",
                           f"Kunde {customer_id} finnes ikke (eller er slettet).")
        return customer

    def flush(self, req: DsrRequest) -> None:
        """Write the changes now, so a concurrent change shows as ConcurrentChange, not at commit."""
        try:
            self.session.flush()
        except StaleDataError as exc:
            raise ConcurrentChange(req.id) from exc

    # -- history, audit, state --

    def event(self, req: DsrRequest, action: str, note: str | None = None, *,
              from_state: RequestState | None = None, to_state: RequestState | None = None) -> None:
        """One line of the request's history, stamped with this actor."""
        current = RequestState(req.state)
        req.events.append(RequestEvent(
            at=self.clock(), actor_id=self.actor.account_id, actor=self.actor.username, action=action,
            from_state=(from_state or current).value, to_state=(to_state or current).value, note=note,
        ))

    def audit(self, req: DsrRequest, action: str, detail: str, *, data: str = "request") -> None:
        """The access-log entry, in this transaction: no entry, no change."""
        self.ctx.audit.append(self.session, self.actor, action=action, data=data, customer_id=req.customer_id,
                              request_id=req.id, detail=f"{reference(req.id)}; type={req.type}; {detail}")

    def move(self, req: DsrRequest, action: Action, *, reason: str | None = None,
             note: str | None = None) -> RequestState:
        """Move the request through the state machine (which may refuse) and record the step."""
        before = RequestState(req.state)
        after = transition(self.actor.role, before, action, request_type=req.type, reason=reason,
                           approved=req.decision in DECIDED)
        req.state = after.value
        self.event(req, action.value, note if note is not None else reason, from_state=before, to_state=after)
        return after

    def ensure_started(self, req: DsrRequest) -> None:
        """Fulfilment starts the work if the agent has not pressed Start; the machine still decides."""
        if req.state != RequestState.IN_PROGRESS:
            self.move(req, Action.START)

    # -- letters --

    def _right_label(self, rtype: RequestType, lang: str) -> str:
        try:
            return self.ctx.policy.right(rtype.value).label.get(lang)
        except KeyError:
            return rtype.value

    def letter(self, req: DsrRequest, customer: Customer | None, kind: str, *, store: bool = True,
               lang: str | None = None, sent_on: date | None = None, sent_via: str | None = None,
               **fields: object) -> Letter:
        """Render a letter to the person and, with `store`, keep it with the request."""
        lang = lang or person_language(customer)
        rtype = RequestType(req.type)
        name = customer.full_name if customer is not None and customer.erased_at is None else ""
        values: dict[str, Any] = {
            "name": name or pick(NO_NAME, lang),
            "reference": reference(req.id),
            "right": self._right_label(rtype, lang),
            "article": rtype.gdpr_article,
            "received_date": req.received_on,
            "due_date": req.due_on,
        }
        values.update(fields)
        letter = render_letter(kind, lang, policy=self.ctx.policy, **values)
        if store:
            # `letter.lang`, not `lang`: a missing template gives the letter in its fallback language.
            self.session.add(RequestLetter(request_id=req.id, kind=kind, lang=letter.lang, subject=letter.subject,
                                           body=letter.body, created_at=self.clock(), sent_on=sent_on,
                                           sent_via=sent_via))
        return letter


class UnitOfWork:
    """Opens request units of work: `with uow.begin(actor) as work: ...` commits when the block ends
    normally and rolls back on any error (the database's own transaction does both)."""

    def __init__(self, ctx: DeskContext, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.ctx = ctx
        self.clock = clock
        self.accounts = AccountService(ctx)

    def check(self, session: Session, actor: Actor) -> None:
        """The actor may work on requests and their account is still active."""
        if not actor.can(Permission.OPEN_CUSTOMER):
            raise PermissionDenied("Your role may not work on requests.", "Rollen din kan ikke behandle henvendelser.")
        self.accounts.require_active(session, actor)

    @contextmanager
    def begin(self, actor: Actor) -> Iterator[RequestWork]:
        """A unit of work for a person at the desk: their role and account are checked first."""
        with self.ctx.db.transaction() as session:
            self.check(session, actor)
            yield RequestWork(self.ctx, session, actor, self.clock)

    @contextmanager
    def begin_system(self, actor: Actor) -> Iterator[RequestWork]:
        """A unit of work for the desk itself (a scheduled purge, a retention run): no sign-in to check."""
        with self.ctx.db.transaction() as session:
            yield RequestWork(self.ctx, session, actor, self.clock)
