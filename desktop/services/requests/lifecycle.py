"""Filing, the queue and moving a request through its states (Art. 12): what every right has."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from desktop.domain.deadlines import (
    DeadlineState,
    ExtensionRefused,
    ReceivedInFuture,
    check_extension,
    days_left,
    deadline_state,
    response_due,
    validate_received,
)
from desktop.domain.requests import (
    IDENTITY_NOT_NEEDED,
    OPEN_STATES,
    Action,
    Channel,
    IdentityState,
    RequestState,
    RequestType,
    TransitionRefused,
)
from desktop.domain.roles import Actor
from desktop.errors import InvalidInput, NotFound
from desktop.models import (
    Customer,
    DsrRequest,
    IdentityVerification,
    RecipientNotification,
    RequestLetter,
    StaffAccount,
)
from desktop.services.letters import Letter, format_date
from desktop.services.requests.base import RequestCore
from desktop.services.requests.errors import DuplicateRequest
from desktop.services.requests.parsing import (
    parse_channel,
    parse_request_type,
)
from desktop.services.requests.texts import (
    FULFILMENT_EVENT,
)
from desktop.services.requests.views import (
    ExtensionResult,
    QueueCounts,
    QueueRow,
    RecipientView,
    RequestView,
)
from desktop.services.unit_of_work import (
    reference,
)


class LifecycleMixin(RequestCore):
    """Filing, the queue, the state machine, completion and letters."""

    def file(
        self,
        actor: Actor,
        type: RequestType | str,
        customer_id: int,
        *,
        channel: Channel | str,
        received_on: date | None = None,
        notes: str = "",
        marketing_channel: str | None = None,
        purposes: Sequence[str] | None = None,
        allow_duplicate: bool = False,
        assign_to: int | None = None,
    ) -> RequestView:
        """Register a request and start its clock; a marketing objection takes effect here and now."""
        rtype = parse_request_type(type)
        ch = parse_channel(channel)
        today = self.today()
        received = received_on or today
        try:
            validate_received(received, today)
        except ReceivedInFuture as exc:
            raise InvalidInput(exc.message, exc.message_nb) from None
        channels = {c.key for c in self.ctx.policy.marketing_channels}
        if marketing_channel is not None:
            marketing_channel = marketing_channel.strip().lower()
            if rtype not in (RequestType.OBJECTION_DIRECT_MARKETING, RequestType.WITHDRAW_CONSENT):
                raise InvalidInput(
                    "A marketing channel belongs only to an objection to direct marketing or a consent withdrawal.",
                    "En markedsføringskanal hører bare til en innsigelse mot direkte markedsføring eller "
                    "tilbaketrekking av samtykke.",
                )
            if marketing_channel not in channels | {"all"}:
                raise InvalidInput(
                    f"Unknown marketing channel '{marketing_channel}': use {', '.join(sorted(channels))} or all.",
                    f"Ukjent markedsføringskanal '{marketing_channel}': bruk {', '.join(sorted(channels))} eller all.",
                )
        scope = self._validate_purposes(purposes)
        now = self.clock()
        with self.uow.begin(actor) as w:
            s = w.session
            customer = w.customer(customer_id)
            existing = s.execute(
                select(DsrRequest.id).where(
                    DsrRequest.customer_id == customer.id, DsrRequest.type == rtype.value,
                    DsrRequest.state.in_([st.value for st in OPEN_STATES]),
                ).order_by(DsrRequest.id).limit(1)
            ).scalar_one_or_none()
            if existing is not None and not allow_duplicate:
                raise DuplicateRequest(existing, rtype)
            assignee = assign_to if assign_to is not None else actor.account_id
            if assign_to is not None:
                self._active_staff(s, assign_to)
            due = response_due(received, roll_forward=self.roll_forward)
            req = DsrRequest(
                type=rtype.value, customer_id=customer.id, channel=ch.value, received_on=received,
                received_at=now if received == today else None, filed_at=now,
                identity_state=(IdentityState.NOT_REQUIRED if rtype in IDENTITY_NOT_NEEDED
                                else IdentityState.UNVERIFIED).value,
                state=RequestState.RECEIVED.value, assigned_agent_id=assignee, filed_by_id=actor.account_id,
                notes=notes.strip(), due_on=due, marketing_channel=marketing_channel,
                scope_purposes=",".join(sorted(scope or ())), is_duplicate=existing is not None,
                duplicate_of_id=existing,
            )
            s.add(req)
            s.flush()
            w.event(req, "file", f"channel={ch.value}; received={received.isoformat()}"
                        + (f"; duplicate of {reference(existing)}" if existing is not None else ""),
                        from_state=None, to_state=RequestState.RECEIVED)
            w.audit(req, "request_file",
                        f"channel={ch.value}; received={received.isoformat()}; due={due.isoformat()}"
                        + (f"; duplicate_of={existing}" if existing is not None else ""))
            if rtype is RequestType.OBJECTION_DIRECT_MARKETING:
                self._apply_marketing_objection(w, req, customer, None)
            return self._view(s, actor, req)

    def acknowledgement(self, actor: Actor, request_id: int, lang: str | None = None) -> Letter:
        """The receipt the person gets: reference, right and the date they will have an answer by."""
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id)
            customer = s.get(Customer, req.customer_id) if req.customer_id is not None else None
            letter = w.letter(req, customer, "acknowledgement", store=False, lang=lang)
            w.audit(req, "request_letter", "letter=acknowledgement")
            return letter

    def queue(
        self,
        actor: Actor,
        *,
        types: Iterable[RequestType | str] | None = None,
        states: Iterable[RequestState | str] | None = None,
        agent: str | int | None = None,
        mine: bool = False,
        overdue_only: bool = False,
        today: date | None = None,
        limit: int = 5000,
    ) -> list[QueueRow]:
        """Open requests (or the given states), soonest deadline first; one access-log entry per load."""
        today = today or self.today()
        state_values = [RequestState(x).value for x in states] if states is not None else [
            x.value for x in RequestState if x in OPEN_STATES]
        if overdue_only:
            state_values = [x for x in state_values if RequestState(x) in OPEN_STATES]
        type_values = [parse_request_type(t).value for t in types] if types is not None else None
        agent_alias = aliased(StaffAccount)
        effective = func.coalesce(DsrRequest.extended_until, DsrRequest.due_on)
        with self.uow.begin(actor) as w:
            s = w.session
            stmt = (
                select(DsrRequest, Customer.customer_number, Customer.first_name, Customer.last_name,
                       Customer.erased_at, agent_alias.display_name)
                .outerjoin(Customer, Customer.id == DsrRequest.customer_id)
                .outerjoin(agent_alias, agent_alias.id == DsrRequest.assigned_agent_id)
                .where(DsrRequest.state.in_(state_values))
            )
            if type_values is not None:
                stmt = stmt.where(DsrRequest.type.in_(type_values))
            agent_id = actor.account_id if mine else self._agent_id(s, agent)
            if mine or agent is not None:
                stmt = stmt.where(DsrRequest.assigned_agent_id == agent_id)
            if overdue_only:
                stmt = stmt.where(effective < today)
            rows = s.execute(stmt.order_by(effective, DsrRequest.id).limit(max(1, limit))).all()
            result = []
            for req, number, first, last, erased_at, agent_name in rows:
                state = RequestState(req.state)
                due = req.extended_until or req.due_on
                open_ = state in OPEN_STATES
                result.append(QueueRow(
                    request_id=req.id, reference=reference(req.id), type=RequestType(req.type), state=state,
                    customer_id=req.customer_id, customer_number=number or "",
                    customer_name=f"{first} {last}".strip() if first is not None and erased_at is None else "",
                    channel=Channel(req.channel), received_on=req.received_on, due_on=due,
                    extended=req.extended_until is not None,
                    days_left=days_left(due, today) if open_ else None,
                    deadline_state=deadline_state(due, today) if open_ else None,
                    assigned_agent_id=req.assigned_agent_id, assigned_agent=agent_name or "",
                    identity_state=IdentityState(req.identity_state), is_duplicate=req.is_duplicate,
                ))
            filters = [f"states={'+'.join(state_values)}"]
            if type_values is not None:
                filters.append(f"types={'+'.join(type_values)}")
            if agent_id is not None and (mine or agent is not None):
                filters.append(f"agent_id={agent_id}")
            if overdue_only:
                filters.append("overdue")
            self.ctx.audit.append(s, actor, action="queue", data="request_queue",
                                  detail=f"{'; '.join(filters)}; rows={len(result)}")
            return result

    def counts(
        self,
        actor: Actor,
        *,
        types: Iterable[RequestType | str] | None = None,
        agent: str | int | None = None,
        mine: bool = False,
        today: date | None = None,
    ) -> QueueCounts:
        """Per state (all requests) and per type (open ones), with overdue and due-soon totals."""
        today = today or self.today()
        type_values = [parse_request_type(t).value for t in types] if types is not None else None
        with self.uow.begin(actor) as w:
            s = w.session
            stmt = select(DsrRequest.type, DsrRequest.state, DsrRequest.due_on, DsrRequest.extended_until,
                          DsrRequest.assigned_agent_id)
            if type_values is not None:
                stmt = stmt.where(DsrRequest.type.in_(type_values))
            agent_id = actor.account_id if mine else self._agent_id(s, agent)
            if mine or agent is not None:
                stmt = stmt.where(DsrRequest.assigned_agent_id == agent_id)
            by_state: Counter[RequestState] = Counter()
            by_type: Counter[RequestType] = Counter()
            overdue = soon = mine_open = 0
            for rtype, state_value, due_on, extended, assigned in s.execute(stmt):
                state = RequestState(state_value)
                by_state[state] += 1
                if state not in OPEN_STATES:
                    continue
                by_type[RequestType(rtype)] += 1
                ds = deadline_state(extended or due_on, today)
                overdue += ds is DeadlineState.OVERDUE
                soon += ds is DeadlineState.DUE_SOON
                mine_open += assigned is not None and assigned == actor.account_id
            return QueueCounts(
                by_state={st: by_state.get(st, 0) for st in RequestState},
                open_by_type={t: by_type.get(t, 0) for t in RequestType},
                open_total=sum(by_type.values()), overdue=overdue, due_soon=soon, mine_open=mine_open,
            )

    def get(self, actor: Actor, request_id: int) -> RequestView:
        """Open a request with its history: a look at the person's data, logged as such."""
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id)
            w.audit(req, "open", f"state={req.state}")
            return self._view(s, actor, req)

    def verify_identity(self, actor: Actor, request_id: int, *, verification_id: int | None = None,
                        note: str = "", version: int | None = None) -> RequestView:
        """Record that the requester is the person: a passed identity check, or how it was established."""
        note = note.strip()
        if verification_id is None and not note:
            raise InvalidInput(
                "Say how the identity was verified, or choose a passed identity check.",
                "Skriv hvordan identiteten ble bekreftet, eller velg en godkjent identitetskontroll.",
            )
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id, version)
            if verification_id is not None:
                check = s.get(IdentityVerification, verification_id)
                if check is None or check.customer_id != req.customer_id or check.outcome != "verified":
                    raise InvalidInput(
                        f"Identity check {verification_id} is not a passed check of this customer.",
                        f"Identitetskontroll {verification_id} er ikke en godkjent kontroll av denne kunden.",
                    )
                if check.expires_at is not None and check.expires_at < self.clock():
                    raise InvalidInput(
                        f"Identity check {verification_id} has expired; verify the person again.",
                        f"Identitetskontroll {verification_id} er utløpt; bekreft identiteten på nytt.",
                    )
                req.identity_verification_id = verification_id
                note = f"identity check {verification_id} ({check.method})" + (f": {note}" if note else "")
            w.move(req, Action.VERIFY_IDENTITY, note=note)
            req.identity_state = IdentityState.VERIFIED.value
            w.flush(req)
            w.audit(req, "request_verify_identity",
                        f"verification_id={verification_id}" if verification_id is not None else "manual")
            return self._view(s, actor, req)

    def assign(self, actor: Actor, request_id: int, agent: str | int | None, *,
               version: int | None = None) -> RequestView:
        """Give the request to a colleague (or to nobody, None), so "mine" stays true."""
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id, version)
            if req.state not in {x.value for x in OPEN_STATES}:
                raise InvalidInput("A closed request cannot be reassigned.", "En avsluttet henvendelse kan ikke "
                                   "tildeles på nytt.")
            agent_id = self._agent_id(s, agent)
            if agent_id is not None:
                self._active_staff(s, agent_id)
            req.assigned_agent_id = agent_id
            w.event(req, "assign", f"agent_id={agent_id}")
            w.flush(req)
            w.audit(req, "request_assign", f"agent_id={agent_id}")
            return self._view(s, actor, req)

    def extend(self, actor: Actor, request_id: int, reason: str, *, version: int | None = None) -> ExtensionResult:
        """Extend by two months (Art. 12(3)), only within the first month; returns the person's notice."""
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id, version)
            if req.extended_until is not None:
                raise TransitionRefused(
                    f"The request was already extended to {req.extended_until.isoformat()}; "
                    "the law allows one extension of at most two months.",
                    f"Henvendelsen er allerede forlenget til {format_date(req.extended_until, 'nb')}; "
                    "loven tillater én forlengelse på høyst to måneder.",
                    code="already_extended",
                )
            w.move(req, Action.EXTEND, reason=reason)
            try:
                new_due = check_extension(req.received_on, self.today(), reason, roll_forward=self.roll_forward)
            except ExtensionRefused as exc:
                raise TransitionRefused(exc.message, exc.message_nb, code=exc.code) from None
            req.extended_until = new_due
            req.extension_reason = reason.strip()
            req.extended_at = self.clock()
            customer = s.get(Customer, req.customer_id) if req.customer_id is not None else None
            notice = w.letter(req, customer, "extension", extended_date=new_due,
                                  extension_reason=reason.strip())
            w.flush(req)
            w.audit(req, "request_extend", f"extended_until={new_due.isoformat()}")
            return ExtensionResult(request=self._view(s, actor, req), notice=notice)

    def refuse(self, actor: Actor, request_id: int, reason: str, *, version: int | None = None) -> RequestView:
        """Deny the request with a written reason; the letter names the right to complain to Datatilsynet."""
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id, version)
            before = req.refusal_reason
            req.refusal_reason = reason.strip()  # first: the database refuses a refusal without its reason
            try:
                w.move(req, Action.REFUSE, reason=reason)
            except TransitionRefused:
                req.refusal_reason = before
                raise
            req.completed_at = self.clock()
            customer = s.get(Customer, req.customer_id) if req.customer_id is not None else None
            w.letter(req, customer, "refusal", refusal_reason=reason.strip())
            w.flush(req)
            w.audit(req, "request_refuse", "refused with reason")
            return self._view(s, actor, req)

    def withdraw(self, actor: Actor, request_id: int, *, note: str = "", version: int | None = None) -> RequestView:
        """The person no longer wants the request answered."""
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id, version)
            w.move(req, Action.WITHDRAW, note=note.strip() or None)
            req.completed_at = self.clock()
            w.flush(req)
            w.audit(req, "request_withdraw", "withdrawn by the person")
            return self._view(s, actor, req)

    def complete(self, actor: Actor, request_id: int, summary: str, *, sent_via: Channel | str | None = None,
                 sent_on: date | None = None, version: int | None = None) -> RequestView:
        """Close a request whose answer has gone out: what was sent, how and when."""
        return self._complete_request(actor, request_id, summary, sent_via=sent_via, sent_on=sent_on,
                                      version=version, expect=None)

    def complete_access(self, actor: Actor, request_id: int, summary: str, *,
                        sent_via: Channel | str | None = None, sent_on: date | None = None,
                        version: int | None = None) -> RequestView:
        """Record that the register copy went out (the copy itself is produced elsewhere)."""
        return self._complete_request(actor, request_id, summary, sent_via=sent_via, sent_on=sent_on,
                                      version=version, expect=RequestType.ACCESS)

    def _complete_request(self, actor: Actor, request_id: int, summary: str, *, sent_via: Channel | str | None,
                          sent_on: date | None, version: int | None, expect: RequestType | None) -> RequestView:
        summary = summary.strip()
        if not summary:
            raise InvalidInput("Write what was sent to the person.", "Skriv hva som ble sendt til personen.")
        via = parse_channel(sent_via).value if sent_via is not None else None
        sent = sent_on or self.today()
        if sent > self.today():
            raise InvalidInput("The answer cannot have been sent in the future.",
                               "Svaret kan ikke være sendt i fremtiden.")
        if expect is None:
            with self.uow.begin(actor) as w:
                s = w.session
                is_erasure = w.load(request_id, version).type == RequestType.ERASURE.value
            if is_erasure:
                # Completing an erasure is carrying out its approved plan, in one transaction.
                from desktop.services.erasure import ErasureService

                ErasureService(self.ctx, clock=self.clock).execute(actor, request_id)
                return self.get(actor, request_id)
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id, version)
            rtype = self._require_type(req, expect) if expect is not None else RequestType(req.type)
            needed = FULFILMENT_EVENT.get(rtype)
            if needed is not None and not any(e.action == needed for e in req.events):
                raise TransitionRefused(
                    f"Carry out the request first ({needed}); then it can be completed.",
                    f"Gjennomfør henvendelsen først ({needed}); deretter kan den fullføres.",
                    code="not_fulfilled",
                )
            w.ensure_started(req)
            customer = s.get(Customer, req.customer_id) if req.customer_id is not None else None
            self._complete(w, req, customer, summary=summary, sent_via=via or req.channel, sent_on=sent)
            w.flush(req)
            w.audit(req, "request_complete", f"sent_via={via or req.channel}; sent_on={sent}")
            return self._view(s, actor, req)

    def mark_letter_sent(self, actor: Actor, letter_id: int, *, sent_on: date | None = None,
                         sent_via: Channel | str | None = None) -> RequestView:
        """Record that a letter to the person has gone out."""
        sent = sent_on or self.today()
        if sent > self.today():
            raise InvalidInput("A letter cannot have been sent in the future.", "Et brev kan ikke være sendt i "
                               "fremtiden.")
        with self.uow.begin(actor) as w:
            s = w.session
            letter = s.get(RequestLetter, letter_id)
            if letter is None:
                raise NotFound(f"Letter {letter_id} does not exist.", f"Brev {letter_id} finnes ikke.")
            req = w.load(letter.request_id)
            letter.sent_on = sent
            letter.sent_via = parse_channel(sent_via).value if sent_via is not None else req.channel
            w.event(req, "letter_sent", f"{letter.kind} on {sent.isoformat()} via {letter.sent_via}")
            w.audit(req, "request_letter_sent", f"letter={letter.id}; kind={letter.kind}")
            return self._view(s, actor, req)

    def recipients_for_request(self, request_id: int) -> list[RecipientView]:
        """Who was told about this request's changes, by name: what the person may ask to know.

        Reads only the notices and the policy, no personal data, so it needs no actor and no log.
        """
        with self.ctx.db.transaction() as s:
            notices = s.execute(select(RecipientNotification).where(RecipientNotification.request_id == request_id)
                                .order_by(RecipientNotification.id)).scalars().all()
            seen: dict[str, RecipientView] = {}
            for n in notices:
                prior = seen.get(n.recipient_key)
                recipient = self.ctx.policy.recipient(n.recipient_key)
                seen[n.recipient_key] = RecipientView(
                    key=recipient.key, name=recipient.name.get("nb"), name_en=recipient.name.get("en"),
                    kind=recipient.kind, named=recipient.named,
                    notified_at=prior.notified_at if prior else n.created_at,
                    sent=(prior.sent if prior else True) and n.sent_at is not None,
                )
            return list(seen.values())

    def mark_notification_sent(self, actor: Actor, notification_id: int, *,
                               sent_at: datetime | None = None) -> RequestView:
        """Record that an Art. 19 notice went to its recipient."""
        with self.uow.begin(actor) as w:
            s = w.session
            notice = s.get(RecipientNotification, notification_id)
            if notice is None:
                raise NotFound(f"Notice {notification_id} does not exist.", f"Varsel {notification_id} finnes ikke.")
            req = w.load(notice.request_id)
            notice.sent_at = sent_at or self.clock()
            notice.sent_by_id = actor.account_id
            w.event(req, "notice_sent", f"recipient={notice.recipient_key}")
            w.audit(req, "request_notice_sent", f"notice={notice.id}; recipient={notice.recipient_key}")
            return self._view(s, actor, req)
