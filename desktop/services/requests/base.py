"""What every right's fulfilment shares: the clock, the request's view, letters on completion,
Art. 19 notices, the person's records and restriction."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from desktop.audit.log import utcnow
from desktop.domain.deadlines import (
    days_left,
    deadline_state,
)
from desktop.domain.requests import (
    OPEN_STATES,
    Action,
    Channel,
    IdentityState,
    RequestState,
    RequestType,
    allowed_actions,
)
from desktop.domain.roles import Actor
from desktop.errors import InvalidInput, NotFound
from desktop.models import (
    RECORD_MODELS,
    Address,
    Customer,
    DsrRequest,
    MarketingConsent,
    MarketingSuppression,
    Order,
    OrderLine,
    RecipientNotification,
    RecordMixin,
    RectificationChange,
    RequestLetter,
    RestrictionRecord,
    StaffAccount,
)
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.letters import Letter, pick, render_letter
from desktop.services.registry import contact_hash, postal_contact_value, purposes_for
from desktop.services.requests.parsing import (
    split_list,
)
from desktop.services.requests.texts import (
    CHANGE_TEXT,
    NEVER_RESTRICTED,
    channel_names,
)
from desktop.services.requests.views import (
    ChangeView,
    EventView,
    LetterView,
    NotificationView,
    RequestView,
)
from desktop.services.unit_of_work import (
    DECIDED,
    RequestWork,
    UnitOfWork,
    person_language,
    reference,
    today_at_desk,
)


class RequestCore:
    """Use cases for data-subject requests; `clock` returns naive UTC, `roll_forward` is the setting."""

    def __init__(self, ctx: DeskContext, *, clock: Callable[[], datetime] = utcnow,
                 roll_forward: bool = False) -> None:
        self.ctx = ctx
        self.clock = clock
        self.roll_forward = roll_forward
        self.accounts = AccountService(ctx)
        self.uow = UnitOfWork(ctx, clock=clock)

    def today(self) -> date:
        """Today where the desk is: a request received late on the 31st was received on the 31st."""
        return today_at_desk(self.clock)

    @staticmethod
    def _require_type(req: DsrRequest, *types: RequestType) -> RequestType:
        rtype = RequestType(req.type)
        if rtype not in types:
            wanted = " or ".join(t.value for t in types)
            raise InvalidInput(
                f"Request {reference(req.id)} is of type {rtype.value}; this step is for {wanted}.",
                f"Henvendelse {reference(req.id)} er av typen {rtype.value}; dette steget gjelder {wanted}.",
            )
        return rtype

    def _complete(self, w: RequestWork, req: DsrRequest, customer: Customer | None, *,
                  summary: str, outcome: dict[str, str] | None = None, sent_via: str | None = None,
                  sent_on: date | None = None) -> None:
        """Close as done and write the completion letter; `outcome` is its text per language."""
        w.move(req, Action.COMPLETE, note=summary)
        req.completed_at = self.clock()
        req.completion_summary = summary
        req.completion_channel = sent_via
        req.completion_sent_on = sent_on
        lang = person_language(customer)
        text = pick(outcome, lang) if outcome else summary
        w.letter(req, customer, "completion", outcome=text, sent_on=sent_on, sent_via=sent_via)

    def _notify_recipients(self, s: Session, req: DsrRequest, customer: Customer, kind: str,
                           details: dict[str, dict[str, list[str]]]) -> list[RecipientNotification]:
        """One notice per recipient of the affected record kinds, each listing only what it received.

        `details` maps record kind -> language -> lines describing the change for that kind.
        """
        kinds = sorted(details)
        notices: list[RecipientNotification] = []
        if not kinds:
            return notices
        for recipient in self.ctx.policy.recipients_for(record_kinds=kinds):
            theirs = [k for k in kinds if k in recipient.record_kinds]
            if not theirs:
                continue
            texts: dict[str, Letter] = {}
            for lang in ("nb", "en"):
                lines = [line for k in theirs for line in details[k][lang]]
                texts[lang] = render_letter(
                    "recipient_notification", lang, policy=self.ctx.policy, recipient_name=recipient.name.get(lang),
                    reference=reference(req.id), person_name=customer.full_name,
                    customer_number=customer.customer_number, change=CHANGE_TEXT[kind][lang],
                    details="\n".join(f"- {line}" for line in lines),
                )
            notice = RecipientNotification(
                request_id=req.id, recipient_key=recipient.key, kind=kind, record_kinds=",".join(theirs),
                subject_nb=texts["nb"].subject, body_nb=texts["nb"].body, subject_en=texts["en"].subject,
                body_en=texts["en"].body, created_at=self.clock(),
            )
            s.add(notice)
            notices.append(notice)
        return notices

    def _record_kind_label(self, kind: str, lang: str) -> str:
        try:
            return self.ctx.policy.record_kind(kind).label.get(lang)
        except KeyError:
            return kind

    def _restriction_details(self, counts: Counter[str]) -> dict[str, dict[str, list[str]]]:
        return {
            kind: {lang: [f"{self._record_kind_label(kind, lang)}: {n}"] for lang in ("nb", "en")}
            for kind, n in sorted(counts.items())
        }

    def _recipient_names(self, notices: Sequence[RecipientNotification], lang: str) -> str:
        keys = list(dict.fromkeys(n.recipient_key for n in notices))
        return ", ".join(self.ctx.policy.recipient(k).name.get(lang) for k in keys)

    def _customer_records(self, s: Session, customer_id: int) -> Iterator[tuple[str, RecordMixin]]:
        for kind, model in RECORD_MODELS.items():
            m = cast(Any, model)
            stmt: Select[Any]
            if kind == "customer":
                stmt = select(Customer).where(Customer.id == customer_id)
            elif kind == "order_line":
                stmt = select(OrderLine).join(Order, Order.id == OrderLine.order_id).where(
                    Order.customer_id == customer_id)
            else:
                stmt = select(m).where(m.customer_id == customer_id)
            for record in s.execute(stmt.order_by(m.id)).scalars():
                yield kind, record

    def _validate_purposes(self, purposes: Iterable[str] | None, *, bases: frozenset[str] | None = None,
                           what_en: str = "", what_nb: str = "") -> frozenset[str] | None:
        if purposes is None:
            return None
        wanted = frozenset(p.strip() for p in purposes if p.strip())
        if not wanted:
            return None
        known = {p.key: p for p in self.ctx.policy.purposes}
        unknown = sorted(wanted - known.keys())
        if unknown:
            raise InvalidInput(
                f"Unknown purpose: {', '.join(unknown)}. The policy's purposes: {', '.join(known)}.",
                f"Ukjent formål: {', '.join(unknown)}. Formålene i personvernerklæringen: {', '.join(known)}.",
            )
        if bases is not None:
            wrong = sorted(p for p in wanted if not any(b in known[p].legal_basis for b in bases))
            if wrong:
                raise InvalidInput(
                    f"{', '.join(wrong)}: not processed on {what_en}.",
                    f"{', '.join(wrong)}: behandles ikke på grunnlag av {what_nb}.",
                )
        return wanted

    def _restrict(self, s: Session, req: DsrRequest, customer_id: int, purposes: frozenset[str] | None,
                  reason: str) -> tuple[Counter[str], int]:
        """Restrict the person's records in scope; returns counts per kind and records kept for other purposes."""
        counts: Counter[str] = Counter()
        kept = 0
        now = self.clock()
        mine = set(s.execute(
            select(RestrictionRecord.record_kind, RestrictionRecord.record_id).where(
                RestrictionRecord.request_id == req.id, RestrictionRecord.lifted_at.is_(None))
        ).all())
        for kind, record in self._customer_records(s, customer_id):
            if kind in NEVER_RESTRICTED:
                continue
            keys = set(record.purpose_keys())
            if purposes is not None and not (keys and keys <= purposes):
                if keys & purposes:
                    kept += 1
                continue
            record_id = cast(Any, record).id
            if (kind, record_id) in mine:
                continue
            record.restricted = True
            s.add(RestrictionRecord(request_id=req.id, record_kind=kind, record_id=record_id, reason=reason,
                                    restricted_at=now))
            counts[kind] += 1
        return counts, kept

    def _active_restrictions(self, s: Session, request_id: int) -> list[RestrictionRecord]:
        return list(s.execute(
            select(RestrictionRecord).where(RestrictionRecord.request_id == request_id,
                                            RestrictionRecord.lifted_at.is_(None)).order_by(RestrictionRecord.id)
        ).scalars())

    def _staff_name(self, s: Session, account_id: int | None) -> str:
        if account_id is None:
            return ""
        account = s.get(StaffAccount, account_id)
        return account.display_name if account is not None else ""

    def _view(self, s: Session, actor: Actor, req: DsrRequest) -> RequestView:
        s.flush()
        customer = s.get(Customer, req.customer_id) if req.customer_id is not None else None
        present = customer is not None and customer.erased_at is None
        state = RequestState(req.state)
        effective = req.extended_until or req.due_on
        today = self.today()
        open_ = state in OPEN_STATES
        policy = self.ctx.policy
        notices = s.execute(select(RecipientNotification).where(RecipientNotification.request_id == req.id)
                            .order_by(RecipientNotification.id)).scalars().all()
        changes = s.execute(select(RectificationChange).where(RectificationChange.request_id == req.id)
                            .order_by(RectificationChange.id)).scalars().all()
        letters = s.execute(select(RequestLetter).where(RequestLetter.request_id == req.id)
                            .order_by(RequestLetter.id)).scalars().all()
        active = s.execute(select(func.count()).select_from(RestrictionRecord).where(
            RestrictionRecord.request_id == req.id, RestrictionRecord.lifted_at.is_(None))).scalar_one()
        return RequestView(
            id=req.id, reference=reference(req.id), type=RequestType(req.type),
            article=RequestType(req.type).gdpr_article, customer_id=req.customer_id,
            customer_number=customer.customer_number if customer is not None else "",
            customer_name=customer.full_name if present and customer is not None else "",
            customer_language=customer.language if customer is not None else "nb",
            customer_restricted=bool(customer is not None and customer.restricted),
            channel=Channel(req.channel), received_on=req.received_on, received_at=req.received_at,
            filed_at=req.filed_at, filed_by=self._staff_name(s, req.filed_by_id),
            identity_state=IdentityState(req.identity_state), state=state,
            assigned_agent_id=req.assigned_agent_id, assigned_agent=self._staff_name(s, req.assigned_agent_id),
            notes=req.notes, due_on=req.due_on, extended_until=req.extended_until, effective_due=effective,
            extension_reason=req.extension_reason, refusal_reason=req.refusal_reason, decision=req.decision,
            decision_grounds=req.decision_grounds, decided_by=self._staff_name(s, req.decided_by_id),
            decided_at=req.decided_at, marketing_channel=req.marketing_channel,
            scope_purposes=split_list(req.scope_purposes), is_duplicate=req.is_duplicate,
            duplicate_of_id=req.duplicate_of_id, completed_at=req.completed_at,
            completion_summary=req.completion_summary, completion_channel=req.completion_channel,
            completion_sent_on=req.completion_sent_on, version=req.version,
            days_left=days_left(effective, today) if open_ else None,
            deadline_state=deadline_state(effective, today) if open_ else None,
            allowed_actions=allowed_actions(actor.role, state, request_type=req.type,
                                            approved=req.decision in DECIDED),
            active_restrictions=int(active),
            history=tuple(
                EventView(at=e.at, actor=e.actor, action=e.action,
                          from_state=RequestState(e.from_state) if e.from_state else None,
                          to_state=RequestState(e.to_state), note=e.note)
                for e in req.events
            ),
            notifications=tuple(
                NotificationView(
                    id=n.id, recipient_key=n.recipient_key,
                    recipient_name=policy.recipient(n.recipient_key).name.get("nb"),
                    recipient_name_en=policy.recipient(n.recipient_key).name.get("en"), kind=n.kind,
                    record_kinds=split_list(n.record_kinds), subject_nb=n.subject_nb, body_nb=n.body_nb,
                    subject_en=n.subject_en, body_en=n.body_en, created_at=n.created_at, sent_at=n.sent_at,
                )
                for n in notices
            ),
            changes=tuple(ChangeView(record_kind=c.record_kind, record_id=c.record_id, field=c.field,
                                     before_masked=c.before_masked, after_masked=c.after_masked, at=c.at)
                          for c in changes),
            letters=tuple(LetterView(id=letter.id, kind=letter.kind, lang=letter.lang, subject=letter.subject,
                                     body=letter.body, created_at=letter.created_at, sent_on=letter.sent_on,
                                     sent_via=letter.sent_via) for letter in letters),
        )

    def _agent_id(self, s: Session, agent: str | int | None) -> int | None:
        if agent is None:
            return None
        if isinstance(agent, int):
            return agent
        found = s.execute(select(StaffAccount.id).where(StaffAccount.username == agent.strip())).scalar_one_or_none()
        if found is None:
            raise NotFound(f"No user called {agent}.", f"Ingen bruker som heter {agent}.")
        return found

    def _active_staff(self, s: Session, account_id: int) -> StaffAccount:
        account = s.get(StaffAccount, account_id)
        if account is None or account.disabled:
            raise InvalidInput(f"Staff account {account_id} does not exist or is disabled.",
                               f"Ansattkonto {account_id} finnes ikke eller er deaktivert.")
        return account

    def _marketing_channels(self, value: str | Sequence[str] | None) -> list[str]:
        known = [c.key for c in self.ctx.policy.marketing_channels]
        if value is None or value == "all":
            return known
        wanted = [value] if isinstance(value, str) else list(value)
        if "all" in wanted:
            return known
        unknown = sorted(set(wanted) - set(known))
        if unknown:
            raise InvalidInput(f"Unknown marketing channel: {', '.join(unknown)}; use {', '.join(known)} or all.",
                               f"Ukjent markedsføringskanal: {', '.join(unknown)}; bruk {', '.join(known)} eller all.")
        return [c for c in known if c in wanted]

    def _contact_value(self, s: Session, customer: Customer, channel: str) -> str | None:
        """The address a channel reaches, in the one form its suppression hash is made from."""
        if channel == "email":
            return customer.email_norm
        if channel == "sms":
            return customer.phone_e164
        if channel == "post":
            home = s.execute(select(Address).where(Address.customer_id == customer.id)
                             .order_by((Address.kind != "home"), Address.id).limit(1)).scalar_one_or_none()
            if home is None:
                return None
            return postal_contact_value(home.street, home.postcode)
        return None

    def _apply_marketing_objection(self, w: RequestWork, req: DsrRequest, customer: Customer,
                                   channels: str | Sequence[str] | None) -> None:
        s = w.session
        chosen = self._marketing_channels(channels if channels is not None else req.marketing_channel)
        now = self.clock()
        w.ensure_started(req)
        for channel in chosen:
            consent = s.execute(select(MarketingConsent).where(
                MarketingConsent.customer_id == customer.id, MarketingConsent.channel == channel)).scalar_one_or_none()
            if consent is None:
                s.add(MarketingConsent(customer_id=customer.id, channel=channel, granted=False, changed_at=now,
                                       how="objection", purposes=purposes_for(self.ctx.policy, "marketing_consent"),
                                       collected_at=now, source="data_subject"))
            elif consent.granted:
                consent.granted = False
                consent.changed_at = now
                consent.how = "objection"
            value = self._contact_value(s, customer, channel)
            suppressed = s.execute(select(MarketingSuppression.id).where(
                MarketingSuppression.customer_id == customer.id, MarketingSuppression.channel == channel)).first()
            if suppressed is None:
                s.add(MarketingSuppression(
                    customer_id=customer.id, channel=channel,
                    contact_hash=contact_hash(self.ctx.keys, channel, value) if value else None,
                    suppressed_at=now, request_id=req.id,
                    purposes=purposes_for(self.ctx.policy, "marketing_suppression"), collected_at=now,
                    source="data_subject",
                ))
        req.marketing_channel = "all" if len(chosen) == len(self.ctx.policy.marketing_channels) else ",".join(chosen)
        w.event(req, "object_marketing", f"channels={','.join(chosen)}")
        names_nb = channel_names(chosen, "nb")
        names_en = channel_names(chosen, "en")
        names_sv = channel_names(chosen, "sv")
        outcome = {
            "nb": f"Vi har stanset direkte markedsføring til deg på {names_nb}, med virkning fra i dag. Vi beholder "
                  "bare en sperre slik at du ikke blir kontaktet igjen. Ordre- og leveringsbekreftelser er ikke "
                  "markedsføring og kommer fortsatt.",
            "en": f"We have stopped direct marketing to you by {names_en}, from today. We keep only a block so that "
                  "you are not contacted again. Order and delivery confirmations are not marketing and will still "
                  "be sent.",
            "sv": f"Vi har slutat med direktmarknadsföring till dig via {names_sv} från och med i dag. Vi sparar bara "
                  "en spärr så att du inte kontaktas igen. Order- och leveransbekräftelser är inte marknadsföring "
                  "och skickas som vanligt.",
        }
        self._complete(w, req, customer, summary=outcome["nb"], outcome=outcome)
        w.audit(req, "request_object_marketing", f"channels={','.join(chosen)}", data="marketing_consent")
