"""The four-eyes erasure service: plan, approve or reject, withdraw, execute, purge, status."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import (
    or_,
    select,
)
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from desktop.audit.log import utcnow
from desktop.domain.erasure import (
    PERSON_KIND,
    DueCalculator,
    ErasurePlan,
    GroupLine,
    KeepReason,
    PlanDecision,
    group_by_purpose,
    plan_erasure,
)
from desktop.domain.requests import OPEN_STATES, Action, RequestState, RequestType
from desktop.domain.roles import Actor, Permission, Role, system_actor
from desktop.errors import InvalidInput, NotFound, PermissionDenied
from desktop.models import (
    Customer,
    DsrRequest,
    ErasureApproval,
    ErasurePlanRecord,
    ErasureRun,
    RecipientNotification,
    StaffAccount,
)
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.erasure.apply import Applied, apply_items, chunks, erased_values, scrub_texts
from desktop.services.erasure.errors import ErasureForbidden, ErasureRefused, plan_changed
from desktop.services.erasure.facts import RECORD_TABLES, PeopleFacts, load_people, retention_rules
from desktop.services.erasure.residue import (
    CHECKPOINT_TIMEOUT_MS,
    ResidueScan,
    checkpoint_truncate,
    open_markers,
    scan_files,
    scan_markers,
    seal_markers,
    still_live,
)
from desktop.services.erasure.retention_batch import process_people
from desktop.services.erasure.views import (
    ApprovalQueueRow,
    ApprovalView,
    ErasureResult,
    ErasureStatus,
    PlanLineView,
    PlanView,
    PurposeSectionView,
)
from desktop.services.letters import render_letter
from desktop.services.profile import Labels
from desktop.services.unit_of_work import RequestWork, UnitOfWork, person_language, reference

#: The erasure completion letter's outcome, per letter language; {count} and {names} are filled in.
_COMPLETION: dict[str, dict[str, str]] = {
    "nb": {
        "erased": "Vi har slettet opplysningene dine ({count} registreringer).",
        "held": " Noen opplysninger må vi beholde fordi loven krever det. De er begrenset, brukes ikke til noe "
                "annet, og slettes automatisk når lagringsplikten opphører:",
        "suppressed": "\nVi beholder en reservasjon mot direkte markedsføring (bare en kontrollsum, ikke adressen), "
                      "så du ikke blir kontaktet igjen.",
        "notified": "\nDisse mottakerne er varslet: {names}.",
    },
    "en": {
        "erased": "We have erased your data ({count} records).",
        "held": " Some data must be kept because the law requires it. It is restricted, used for nothing else, "
                "and erased automatically when that obligation ends:",
        "suppressed": "\nWe keep a direct-marketing opt-out (a checksum only, not the address) so that you are not "
                      "contacted again.",
        "notified": "\nThese recipients have been notified: {names}.",
    },
    "sv": {
        "erased": "Vi har raderat dina personuppgifter ({count} poster).",
        "held": " Vissa uppgifter måste vi behålla eftersom lagen kräver det. De är begränsade, används inte till "
                "något annat och raderas automatiskt när lagringsskyldigheten upphör:",
        "suppressed": "\nVi behåller en spärr mot direktmarknadsföring (bara en kontrollsumma, inte adressen) så att "
                      "du inte kontaktas igen.",
        "notified": "\nFöljande mottagare har underrättats: {names}.",
    },
}


#: The steps an erasure passes, in order, named to `ErasureService.on_step`.
STEPS = ("erasure:planned", "erasure:applied", "erasure:before_commit", "erasure:committed",
         "erasure:checkpointed", "erasure:scanned")


def no_step_hook(step: str) -> None:
    """The default `on_step`: an erasure's steps need no one watching them."""


class ErasureService:
    """Plans, four-eyes decisions, execution and purge of erasure requests.

    `grace` is the time between an approval and the earliest execution, during which the approval
    can be withdrawn (default none). `clock` returns naive UTC. `on_step` is told each step of an
    erasure as it is passed (see STEPS): the seam where the reliability tests stop the process.
    """

    def __init__(self, ctx: DeskContext, *, clock: Callable[[], datetime] = utcnow,
                 grace: timedelta = timedelta(0), checkpoint_timeout_ms: int = CHECKPOINT_TIMEOUT_MS,
                 on_step: Callable[[str], None] = no_step_hook) -> None:
        self.ctx = ctx
        self.on_step = on_step
        self.clock = clock
        self.grace = grace
        self.checkpoint_timeout_ms = checkpoint_timeout_ms
        self.uow = UnitOfWork(ctx, clock=clock)
        self.accounts = AccountService(ctx)
        self.rules = retention_rules(ctx)

    # -- helpers --

    def today(self) -> date:
        return self.clock().replace(tzinfo=UTC).astimezone().date()

    @property
    def law(self) -> str:
        return self.ctx.policy.company.bookkeeping_law

    @staticmethod
    def _require_erasure(req: DsrRequest) -> None:
        if req.type != RequestType.ERASURE:
            raise ErasureRefused(
                f"Request {reference(req.id)} is not an erasure request.",
                f"Henvendelse {reference(req.id)} er ikke en slettehenvendelse.", code="not_erasure")

    @staticmethod
    def _refuse_closed(req: DsrRequest) -> None:
        state = RequestState(req.state)
        if state is RequestState.DONE:
            raise ErasureRefused(
                f"The erasure {reference(req.id)} has already been carried out.",
                f"Slettingen {reference(req.id)} er allerede gjennomført.", code="executed")
        if state not in OPEN_STATES:
            raise ErasureRefused(
                f"Request {reference(req.id)} is closed ({state.value}); file a new request instead.",
                f"Henvendelse {reference(req.id)} er avsluttet; registrer en ny henvendelse i stedet.", code="closed")

    @staticmethod
    def _decision(s: Session, request_id: int) -> ErasureApproval | None:
        return s.execute(select(ErasureApproval).where(
            ErasureApproval.request_id == request_id, ErasureApproval.withdrawn_at.is_(None))).scalar_one_or_none()

    @staticmethod
    def _latest_plan(s: Session, request_id: int) -> ErasurePlanRecord | None:
        return s.execute(select(ErasurePlanRecord).where(ErasurePlanRecord.request_id == request_id)
                         .order_by(ErasurePlanRecord.id.desc()).limit(1)).scalar_one_or_none()

    def _staff(self, s: Session, account_id: int | None) -> str:
        if account_id is None:
            return ""
        account = s.get(StaffAccount, account_id)
        return account.display_name if account is not None else ""

    def _compute(self, s: Session, customer_id: int, purpose: str | None) -> tuple[ErasurePlan, PeopleFacts]:
        people = load_people(s, lambda col: col == customer_id, content=True)
        plan = plan_erasure(people.facts.get(customer_id, []), today=self.today(), bookkeeping_law=self.law,
                            purpose=purpose, rules=self.rules)
        return plan, people

    def _purpose(self, req: DsrRequest, purpose: str | None) -> str | None:
        wanted = purpose.strip() if purpose else None
        if wanted is None:
            scope = [p for p in (req.scope_purposes or "").split(",") if p]
            wanted = scope[0] if len(scope) == 1 else None
        if wanted is not None and wanted not in {p.key for p in self.ctx.policy.purposes}:
            keys = ", ".join(p.key for p in self.ctx.policy.purposes)
            raise ErasureRefused(f"Unknown purpose: {wanted}. The policy's purposes: {keys}.",
                                 f"Ukjent formål: {wanted}. Formålene i personvernerklæringen: {keys}.",
                                 code="wrong_purpose")
        return wanted

    def _kind_label(self, kind: str, lang: str) -> str:
        try:
            return self.ctx.policy.record_kind(kind).label.get(lang)
        except KeyError:
            return kind

    def _view(self, s: Session, req: DsrRequest, plan: ErasurePlan, stored: ErasurePlanRecord | None) -> PlanView:
        customer = s.get(Customer, req.customer_id) if req.customer_id is not None else None
        order = [p.key for p in self.ctx.policy.purposes]
        sections: list[PurposeSectionView] = []
        for g in group_by_purpose(plan.items, order):
            try:
                pol = self.ctx.policy.purpose(g.purpose)
                number: int | None = pol.number
                titles: Labels = (pol.title.get("nb"), pol.title.get("en"), pol.title.get("sv"))
            except KeyError:
                number = None
                titles = (g.purpose or "(uten formål)", g.purpose or "(no purpose)", g.purpose or "(inget ändamål)")

            def lines(src: Iterable[GroupLine]) -> tuple[PlanLineView, ...]:
                return tuple(PlanLineView(
                    kind=ln.kind, kind_labels=(self._kind_label(ln.kind, "nb"), self._kind_label(ln.kind, "en"),
                                               self._kind_label(ln.kind, "sv")),
                    decision=ln.decision, count=ln.count, reasons=(ln.reason_nb, ln.reason_en, ln.reason_sv),
                    until=ln.until, laws=ln.laws) for ln in src)

            sections.append(PurposeSectionView(purpose=g.purpose, number=number, titles=titles,
                                               erase=lines(g.erase), restrict=lines(g.restrict), keep=lines(g.keep)))
        counts = plan.counts()
        parts = tuple(sorted({p for i in plan.items for p in i.erase_parts if i.decision is PlanDecision.RESTRICT}))
        return PlanView(
            request_id=req.id, reference=reference(req.id), customer_id=req.customer_id,
            customer_number=customer.customer_number if customer is not None else "",
            plan_id=stored.id if stored is not None else None, fingerprint=plan.fingerprint,
            stored_fingerprint=stored.fingerprint if stored is not None else None, purpose=plan.purpose,
            plan_date=plan.today, created_at=stored.created_at if stored is not None else None,
            created_by=self._staff(s, stored.created_by_id) if stored is not None else "",
            erase_count=counts[PlanDecision.ERASE], restrict_count=counts[PlanDecision.RESTRICT],
            keep_count=counts[PlanDecision.KEEP], erase_parts=parts, restrict_until=plan.restrict_until,
            nothing_erasable=plan.nothing_erasable, sections=tuple(sections),
        )

    def _approval_view(self, s: Session, a: ErasureApproval) -> ApprovalView:
        return ApprovalView(
            request_id=a.request_id, approval_id=a.id, decision=a.decision, approver=self._staff(s, a.approver_id),
            approver_id=a.approver_id, decided_at=a.decided_at, executes_after=a.executes_after,
            withdrawn_at=a.withdrawn_at, reason=a.reason, plan_fingerprint=a.plan_fingerprint)

    @staticmethod
    def _audit(w: RequestWork, req: DsrRequest, action: str, detail: str) -> None:
        w.audit(req, action, detail, data="erasure")

    @staticmethod
    def _all_held(view: PlanView) -> ErasureRefused:
        until = view.restrict_until
        laws = sorted({law for sec in view.sections for ln in sec.restrict for law in ln.laws})
        return ErasureRefused(
            "Nothing of this customer can be erased now: a legal hold covers every record "
            f"({', '.join(laws)}) until {until.isoformat() if until else '-'}. Refuse the request with that "
            "reason (GDPR Art. 17(3)); the plan lists each hold.",
            "Ingenting om denne kunden kan slettes nå: lagringsplikt gjelder alle opplysningene "
            f"({', '.join(laws)}) til {until.strftime('%d.%m.%Y') if until else '-'}. Avslå henvendelsen med "
            "denne begrunnelsen (personvernforordningen art. 17 nr. 3); planen viser hver lagringsplikt.",
            code="all_held", plan=view,
        )

    # === planning =================================================================================

    def preview_plan(self, actor: Actor, request_id: int, purpose: str | None = None) -> PlanView:
        """The plan as it would be made now, without storing it or moving the request (logged)."""
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id)
            self._require_erasure(req)
            customer = w.customer(req.customer_id)
            plan, _ = self._compute(s, customer.id, self._purpose(req, purpose))
            self._audit(w, req, "erasure_preview", f"fingerprint={plan.fingerprint[:12]}")
            return self._view(s, req, plan, self._latest_plan(s, req.id))

    def make_plan(self, actor: Actor, request_id: int, purpose: str | None = None) -> PlanView:
        """Compute, store and submit the plan; the request waits for a supervisor.

        Refused, with nothing changed (but the look logged), when no record can be erased: a legal
        hold on everything means the erasure is refused, not approved (the refusal carries the plan).
        """
        refused: PlanView | None = None
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id)
            self._require_erasure(req)
            self._refuse_closed(req)
            decision = self._decision(s, req.id)
            if decision is not None and decision.decision == "rejected":
                raise ErasureRefused(
                    f"The erasure plan was rejected by {self._staff(s, decision.approver_id)}: {decision.reason}. "
                    "Refuse the request with the reason, or file a new one.",
                    f"Sletteplanen ble avvist av {self._staff(s, decision.approver_id)}: {decision.reason}. "
                    "Avslå henvendelsen med begrunnelsen, eller registrer en ny.", code="rejected")
            if decision is not None:
                raise ErasureRefused(
                    "The erasure is already approved; withdraw the approval before making a new plan.",
                    "Slettingen er allerede godkjent; trekk godkjenningen tilbake før en ny plan lages.",
                    code="already_decided")
            state = RequestState(req.state)
            if state is RequestState.RECEIVED:
                raise ErasureRefused(
                    "Verify the person's identity before making the erasure plan.",
                    "Bekreft identiteten til personen før sletteplanen lages.", code="not_allowed")
            customer = w.customer(req.customer_id)
            purpose_key = self._purpose(req, purpose)
            plan, _ = self._compute(s, customer.id, purpose_key)
            if plan.nothing_erasable:
                refused = self._view(s, req, plan, None)
                self._audit(w, req, "erasure_plan_refused",
                            f"all held; restrict_until={plan.restrict_until}")
            else:
                row = ErasurePlanRecord(request_id=req.id, fingerprint=plan.fingerprint, purpose=purpose_key,
                                        plan_date=plan.today, created_at=self.clock(), created_by_id=actor.account_id,
                                        plan=plan.to_json())
                s.add(row)
                counts = plan.counts()
                note = (f"plan {plan.fingerprint[:12]}: erase {counts[PlanDecision.ERASE]}, restrict "
                        f"{counts[PlanDecision.RESTRICT]}, keep {counts[PlanDecision.KEEP]}"
                        + (f"; purpose={purpose_key}" if purpose_key else ""))
                if state is RequestState.IDENTITY_VERIFIED:
                    w.move(req, Action.START)
                if RequestState(req.state) is RequestState.IN_PROGRESS:
                    w.move(req, Action.SUBMIT_FOR_APPROVAL, note=note)
                else:
                    w.event(req, "erasure_replan", note)
                w.flush(req)
                self._audit(w, req, "erasure_plan", note)
                return self._view(s, req, plan, row)
        assert refused is not None
        raise self._all_held(refused)

    def get_plan(self, actor: Actor, request_id: int) -> PlanView:
        """The stored plan, recomputed from today's data; `stale` if the two no longer agree (logged)."""
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id)
            self._require_erasure(req)
            stored = self._latest_plan(s, req.id)
            if stored is None:
                raise ErasureRefused("No erasure plan has been made for this request yet.",
                                     "Det er ikke laget noen sletteplan for denne henvendelsen ennå.", code="no_plan")
            if req.customer_id is None:
                raise ErasureRefused("The customer of this request no longer exists.",
                                     "Kunden i denne henvendelsen finnes ikke lenger.", code="executed")
            plan, _ = self._compute(s, req.customer_id, stored.purpose)
            self._audit(w, req, "erasure_plan_open", f"fingerprint={stored.fingerprint[:12]}")
            return self._view(s, req, plan, stored)

    # === four eyes ================================================================================

    def _decider(self, s: Session, actor: Actor, req: DsrRequest) -> StaffAccount:
        """The approver as the database knows them now: active, allowed to approve, not the filer."""
        account = s.get(StaffAccount, actor.account_id) if actor.account_id is not None else None
        if account is None or account.disabled or Role(account.role) not in (Role.SUPERVISOR, Role.ADMIN):
            raise ErasureForbidden(
                "Only an active supervisor or administrator may approve or reject an erasure.",
                "Bare en aktiv leder eller administrator kan godkjenne eller avvise en sletting.", code="approver")
        if req.filed_by_id is not None and req.filed_by_id == account.id:
            raise ErasureForbidden(
                "You filed this request; another supervisor must approve or reject it (four eyes).",
                "Du registrerte denne henvendelsen; en annen leder må godkjenne eller avvise den (fire øyne).",
                code="self_approval")
        return account

    def _check_decidable(self, s: Session, req: DsrRequest) -> ErasurePlanRecord:
        self._require_erasure(req)
        self._refuse_closed(req)
        existing = self._decision(s, req.id)
        if existing is not None and existing.decision == "rejected":
            raise ErasureRefused(
                f"The erasure was rejected by {self._staff(s, existing.approver_id)}; it cannot be approved.",
                f"Slettingen ble avvist av {self._staff(s, existing.approver_id)}; den kan ikke godkjennes.",
                code="rejected")
        if existing is not None:
            raise ErasureRefused(
                f"The erasure was already approved by {self._staff(s, existing.approver_id)}.",
                f"Slettingen er allerede godkjent av {self._staff(s, existing.approver_id)}.", code="already_decided")
        if RequestState(req.state) is not RequestState.AWAITING_APPROVAL:
            raise ErasureRefused("The request is not waiting for approval.",
                                 "Henvendelsen venter ikke på godkjenning.", code="not_awaiting")
        plan = self._latest_plan(s, req.id)
        if plan is None:
            raise ErasureRefused("No erasure plan has been made for this request.",
                                 "Det er ikke laget noen sletteplan for denne henvendelsen.", code="no_plan")
        return plan

    def _insert_decision(self, s: Session, approval: ErasureApproval) -> None:
        s.add(approval)
        try:
            s.flush()
        except (IntegrityError, DBAPIError) as exc:
            text_ = str(getattr(exc, "orig", exc)).lower()
            if "four eyes" in text_ or "approver must" in text_ or "erasure decision refused" in text_:
                raise ErasureForbidden(
                    "The database refused the decision: the approver must be an active supervisor who did not "
                    "file the request.",
                    "Databasen avviste avgjørelsen: den som godkjenner, må være en aktiv leder som ikke "
                    "registrerte henvendelsen.", code="self_approval") from exc
            raise ErasureRefused(
                "Another supervisor decided this erasure at the same moment; reload to see the decision.",
                "En annen leder avgjorde denne slettingen i samme øyeblikk; last inn på nytt for å se avgjørelsen.",
                code="already_decided") from exc

    def approve(self, actor: Actor, request_id: int, password: str, fingerprint: str) -> ApprovalView:
        """Approve the plan with this fingerprint, after the password; refused if the data changed since."""
        if not actor.can(Permission.APPROVE_ERASURE):
            raise ErasureForbidden("Only a supervisor or an administrator may approve an erasure.",
                                   "Bare en leder eller en administrator kan godkjenne en sletting.", code="approver")
        self.accounts.reauthenticate(actor, password)
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id)
            account = self._decider(s, actor, req)
            stored = self._check_decidable(s, req)
            if fingerprint != stored.fingerprint:
                raise ErasureRefused(
                    "This is not the plan waiting for approval (it was made again); reload the plan.",
                    "Dette er ikke planen som venter på godkjenning (den er laget på nytt); last inn planen på nytt.",
                    code="stale_plan")
            if req.customer_id is None:
                raise plan_changed()
            current, _ = self._compute(s, req.customer_id, stored.purpose)
            if current.fingerprint != stored.fingerprint:
                raise plan_changed()
            now = self.clock()
            approval = ErasureApproval(request_id=req.id, plan_id=stored.id, plan_fingerprint=stored.fingerprint,
                                       approver_id=account.id, decision="approved", decided_at=now,
                                       executes_after=now + self.grace)
            self._insert_decision(s, approval)
            w.move(req, Action.APPROVE, note=f"plan {stored.fingerprint[:12]}")
            req.decision, req.decided_by_id, req.decided_at, req.decision_grounds = "approved", account.id, now, None
            w.flush(req)
            self._audit(w, req, "erasure_approve",
                        f"plan={stored.fingerprint[:12]}; executes_after={approval.executes_after}")
            return self._approval_view(s, approval)

    def reject(self, actor: Actor, request_id: int, password: str, reason: str) -> ApprovalView:
        """Reject the plan with a written reason; the request goes back to its agent to refuse or redo."""
        if not actor.can(Permission.APPROVE_ERASURE):
            raise ErasureForbidden("Only a supervisor or an administrator may reject an erasure.",
                                   "Bare en leder eller en administrator kan avvise en sletting.", code="approver")
        reason = (reason or "").strip()
        if not reason:
            raise ErasureRefused("Write why the erasure plan is rejected.",
                                 "Skriv hvorfor sletteplanen avvises.", code="reason_missing")
        self.accounts.reauthenticate(actor, password)
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id)
            account = self._decider(s, actor, req)
            stored = self._check_decidable(s, req)
            now = self.clock()
            approval = ErasureApproval(request_id=req.id, plan_id=stored.id, plan_fingerprint=stored.fingerprint,
                                       approver_id=account.id, decision="rejected", reason=reason, decided_at=now)
            self._insert_decision(s, approval)
            w.move(req, Action.REJECT, reason=reason)
            req.decision, req.decided_by_id, req.decided_at, req.decision_grounds = "rejected", account.id, now, reason
            w.flush(req)
            self._audit(w, req, "erasure_reject", f"plan={stored.fingerprint[:12]}")
            return self._approval_view(s, approval)

    def withdraw_approval(self, actor: Actor, request_id: int) -> ApprovalView:
        """Take an approval back before it runs: within the grace period, or when the data changed
        since (the plan can then never run). The request waits for approval again."""
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id)
            self._require_erasure(req)
            self._refuse_closed(req)
            approval = self._decision(s, req.id)
            if approval is None or approval.decision != "approved":
                raise ErasureRefused("There is no approval to withdraw.", "Det finnes ingen godkjenning å trekke "
                                     "tilbake.", code="not_approved")
            now = self.clock()
            in_grace = approval.executes_after is not None and now < approval.executes_after
            if not in_grace:
                current = (self._compute(s, req.customer_id, self._plan_purpose(s, approval))[0].fingerprint
                           if req.customer_id is not None else "")
                if current == approval.plan_fingerprint:
                    raise ErasureRefused(
                        "The grace period is over; the approved erasure may run at any moment.",
                        "Angrefristen er ute; den godkjente slettingen kan kjøres når som helst.", code="grace_over")
            approval.withdrawn_at, approval.withdrawn_by_id = now, actor.account_id
            s.flush()
            req.decision, req.decided_by_id, req.decided_at, req.decision_grounds = None, None, None, None
            w.move(req, Action.SUBMIT_FOR_APPROVAL, note="approval withdrawn")
            w.flush(req)
            self._audit(w, req, "erasure_withdraw", f"approval={approval.id}")
            return self._approval_view(s, approval)

    @staticmethod
    def _plan_purpose(s: Session, approval: ErasureApproval) -> str | None:
        plan = s.get(ErasurePlanRecord, approval.plan_id)
        return plan.purpose if plan is not None else None

    # === execution ================================================================================

    def execute(self, actor: Actor, request_id: int) -> ErasureResult:
        """Carry out the approved plan in one transaction, then purge and scan (SQLite)."""
        lang = "nb"
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id)
            self._require_erasure(req)
            self._refuse_closed(req)
            approval = self._decision(s, req.id)
            if approval is None or approval.decision != "approved" or req.decision != "approved":
                raise ErasureRefused(
                    "This erasure needs a supervisor's approval of its plan before it can be carried out.",
                    "Denne slettingen må ha en leders godkjenning av planen før den kan gjennomføres.",
                    code="needs_approval")
            now = self.clock()
            if approval.executes_after is not None and now < approval.executes_after:
                raise ErasureRefused(
                    f"The approval can be withdrawn until {approval.executes_after:%Y-%m-%d %H:%M} UTC; "
                    "the erasure runs after that.",
                    f"Godkjenningen kan trekkes tilbake til {approval.executes_after:%d.%m.%Y %H:%M} UTC; "
                    "slettingen kjøres etter det.", code="grace")
            customer = w.customer(req.customer_id)
            lang = person_language(customer)
            purpose = self._plan_purpose(s, approval)
            plan, people = self._compute(s, customer.id, purpose)
            if plan.fingerprint != approval.plan_fingerprint:
                raise ErasureRefused(
                    "The data changed since the plan was approved; withdraw the approval and make the plan again.",
                    "Opplysningene er endret siden planen ble godkjent; trekk godkjenningen tilbake og lag planen "
                    "på nytt.", code="plan_changed")
            self.on_step("erasure:planned")
            gone, stay = erased_values(people, plan.items)
            markers = scan_markers(gone, stay)
            request_ids = list(s.execute(select(DsrRequest.id).where(DsrRequest.customer_id == customer.id)).scalars())
            customer_number, full_name = customer.customer_number, customer.full_name
            s.expunge(customer)
            applied = apply_items(s, plan.items, people.order_links, now=now,
                                  drop_desk_rows=[customer.id] if purpose is None else [])
            self.on_step("erasure:applied")
            scrub_texts(s, request_ids, set(gone) - stay, lang)
            notices = self._notify(s, req, customer_number, full_name, plan)
            self._finish_request(w, req, plan=plan, applied=applied, notices=notices, lang=lang)
            sqlite = self.ctx.db.is_sqlite and self.ctx.db.sqlite_path is not None
            counts = applied.as_dict() | {"notifications": len(notices)}
            run = ErasureRun(
                request_id=req.id, approval_id=approval.id, plan_fingerprint=plan.fingerprint,
                state="pending" if sqlite else "done", started_at=now, finished_at=None if sqlite else now,
                counts=json.dumps(counts, sort_keys=True),
                residue=None if sqlite else ResidueScan(applicable=False).to_json(),
                purge_attempts=0, purge_markers=seal_markers(self.ctx, markers) if sqlite else None,
            )
            s.add(run)
            w.flush(req)
            self._audit(w, req, "erasure_execute",
                        f"plan={plan.fingerprint[:12]}; {applied.short()}; notices={len(notices)}; "
                        f"markers={len(markers)}")
            self.on_step("erasure:before_commit")
            run_id = run.id
        self.on_step("erasure:committed")
        if sqlite:
            self._purge(run_id, actor)
        return self.result(request_id)

    def _notify(self, s: Session, req: DsrRequest, customer_number: str, full_name: str,
                plan: ErasurePlan) -> list[RecipientNotification]:
        """Art. 19 notices: one per recipient of the kinds erased or restricted. The name is given only
        while a hold keeps it; otherwise the customer number alone identifies the person."""
        erased: Counter[str] = Counter()
        restricted: dict[str, Counter[date]] = defaultdict(Counter)
        for i in plan.items:
            if i.decision is PlanDecision.ERASE:
                erased[i.kind] += 1
            elif i.decision is PlanDecision.RESTRICT and i.until is not None:
                restricted[i.kind][i.until] += 1
        kinds = sorted(set(erased) | set(restricted))
        notices: list[RecipientNotification] = []
        if not kinds:
            return notices
        change = {
            "nb": "Opplysningene er slettet (personvernforordningen artikkel 17). Det loven krever at vi beholder, "
                  "er begrenset (artikkel 18) til lagringsplikten opphører, og slettes da. Dette gjelder:",
            "en": "The data has been erased (GDPR Article 17). What the law requires us to keep is restricted "
                  "(Article 18) until that obligation ends, and is erased then. This concerns:",
        }
        person = plan.item(PERSON_KIND, req.customer_id) if req.customer_id is not None else None
        name_kept = person is not None and person.decision is not PlanDecision.ERASE and \
            "identity" not in person.erase_parts
        erased_name = {"nb": full_name if name_kept else "[navnet er slettet]",
                       "en": full_name if name_kept else "[name erased]"}
        for recipient in self.ctx.policy.recipients_for(record_kinds=kinds):
            theirs = [k for k in kinds if k in recipient.record_kinds]
            if not theirs:
                continue
            texts = {}
            for lang in ("nb", "en"):
                lines: list[str] = []
                for k in theirs:
                    label = self._kind_label(k, lang)
                    if erased[k]:
                        lines.append(f"- {label}: {erased[k]} {'slettet' if lang == 'nb' else 'erased'}")
                    for until, n in sorted(restricted.get(k, Counter()).items()):
                        when = until.strftime("%d.%m.%Y") if lang == "nb" else until.isoformat()
                        lines.append(f"- {label}: {n} {'begrenset til' if lang == 'nb' else 'restricted until'} "
                                     f"{when}")
                texts[lang] = render_letter(
                    "recipient_notification", lang, policy=self.ctx.policy, recipient_name=recipient.name.get(lang),
                    reference=reference(req.id), person_name=erased_name[lang], customer_number=customer_number,
                    change=change[lang], details="\n".join(lines))
            notice = RecipientNotification(
                request_id=req.id, recipient_key=recipient.key, kind="erasure", record_kinds=",".join(theirs),
                subject_nb=texts["nb"].subject, body_nb=texts["nb"].body, subject_en=texts["en"].subject,
                body_en=texts["en"].body, created_at=self.clock())
            s.add(notice)
            notices.append(notice)
        return notices

    def _finish_request(self, w: RequestWork, req: DsrRequest, *, plan: ErasurePlan, applied: Applied,
                        notices: Sequence[RecipientNotification], lang: str) -> None:
        erased = sum(applied.erased.values())
        held = [i for i in plan.items if i.decision is PlanDecision.RESTRICT]
        suppressed = any(i.keep_reason is KeepReason.SUPPRESSION for i in plan.items)
        texts: dict[str, str] = {}
        for lg, words in _COMPLETION.items():
            names = ", ".join(dict.fromkeys(self.ctx.policy.recipient(n.recipient_key).name.get(lg)
                                            for n in notices)) or "-"
            text = words["erased"].format(count=erased)
            if held:
                reasons = sorted({f"{self._kind_label(i.kind, lg)}: {i.reason(lg)}" for i in held})
                text += words["held"] + "\n" + "\n".join(f"- {r}" for r in reasons)
            if suppressed:
                text += words["suppressed"]
            text += words["notified"].format(names=names)
            texts[lg] = text
        w.move(req, Action.COMPLETE, note=f"erased={erased}; restricted={len(held)}")
        req.completed_at = self.clock()
        req.completion_summary = texts["nb"]
        req.completion_channel = req.channel
        # `lang` is a letter language, and _COMPLETION has every one (tests/unit/test_swedish_texts.py).
        w.letter(req, None, "completion", lang=lang, outcome=texts[lang])

    # === the purge ================================================================================

    def _purge(self, run_id: int, actor: Actor | None = None) -> ResidueScan:
        """Checkpoint, scan, record; idempotent, so a crash or a busy reader only means "try again"."""
        who = actor if actor is not None else system_actor(self.ctx.workstation, "erasure-purge")
        with self.ctx.db.transaction() as s:
            run = s.get(ErasureRun, run_id)
            if run is None or run.state == "done":
                return ResidueScan.from_json(run.residue if run else None) or ResidueScan(applicable=False)
            markers = open_markers(self.ctx, run.purge_markers) if run.purge_markers else []
        path = self.ctx.db.sqlite_path
        if path is None:
            scan = ResidueScan(applicable=False)
        else:
            busy, wal_bytes = checkpoint_truncate(self.ctx, self.checkpoint_timeout_ms)
            self.on_step("erasure:checkpointed")
            files = [path, path.with_name(path.name + "-wal")]
            found, total = scan_files(files, [m for m, _ in markers])
            if found:
                with self.ctx.db.transaction() as s:
                    found = {i for i in found if not still_live(s, *markers[i])}
            scan = ResidueScan(applicable=True, checkpoint_busy=busy, wal_bytes=wal_bytes,
                               db_bytes=total, markers=len(markers), found=len(found))
        self.on_step("erasure:scanned")
        with self.uow.begin_system(who) as w:
            s = w.session
            run = s.get(ErasureRun, run_id)
            if run is None or run.state == "done":
                return scan
            run.purge_attempts += 1
            run.residue = scan.to_json()
            run.state = "done" if scan.clean else "purge_pending"
            if scan.clean:
                run.purge_markers = None
                run.finished_at = self.clock()
            req = s.get(DsrRequest, run.request_id)
            if req is not None:
                self._audit(w, req, "erasure_purge", f"run={run.id}; state={run.state}; "
                            f"busy={scan.checkpoint_busy}; wal={scan.wal_bytes}; markers={scan.markers}; "
                            f"found={scan.found}")
        if scan.clean and path is not None:
            # The markers' ciphertext just left the row; move that page out of the WAL as well.
            checkpoint_truncate(self.ctx, self.checkpoint_timeout_ms)
        return scan

    def complete_pending_purges(self, actor: Actor | None = None) -> list[ErasureResult]:
        """Finish every erasure whose purge is pending (a reader held the WAL, or a crash)."""
        with self.ctx.db.transaction() as s:
            runs = list(s.execute(select(ErasureRun.id, ErasureRun.request_id).where(
                ErasureRun.state.in_(("pending", "purge_pending"))).order_by(ErasureRun.id)).all())
        results: list[ErasureResult] = []
        for run_id, request_id in runs:
            self._purge(run_id, actor)
            results.append(self.result(request_id))
        return results

    def execute_due(self, actor: Actor) -> tuple[list[ErasureResult], list[tuple[int, str]]]:
        """Run every approved erasure whose grace period is over (the scheduled job's part).

        Returns the results and, for each one that could not run, its request id and the reason.
        """
        now = self.clock()
        with self.ctx.db.transaction() as s:
            due = list(s.execute(select(ErasureApproval.request_id).join(
                DsrRequest, DsrRequest.id == ErasureApproval.request_id).where(
                ErasureApproval.decision == "approved", ErasureApproval.withdrawn_at.is_(None),
                DsrRequest.state == RequestState.IN_PROGRESS.value,
                or_(ErasureApproval.executes_after.is_(None), ErasureApproval.executes_after <= now),
            ).order_by(ErasureApproval.request_id)).scalars())
        done: list[ErasureResult] = []
        failed: list[tuple[int, str]] = []
        for request_id in due:
            try:
                done.append(self.execute(actor, request_id))
            except (InvalidInput, NotFound, PermissionDenied) as exc:
                failed.append((request_id, exc.message))
        return done, failed

    def result(self, request_id: int) -> ErasureResult:
        """The latest execution of this request, as it stands now (no personal data: not logged)."""
        with self.ctx.db.transaction() as s:
            run = s.execute(select(ErasureRun).where(ErasureRun.request_id == request_id)
                            .order_by(ErasureRun.id.desc()).limit(1)).scalar_one_or_none()
            if run is None:
                raise NotFound(f"Request {reference(request_id)} has not been carried out.",
                               f"Henvendelse {reference(request_id)} er ikke gjennomført.")
            counts = json.loads(run.counts)
            restricted = counts.get("restricted", {})
            until = None
            if restricted:
                plan = s.execute(select(ErasurePlanRecord.plan).where(
                    ErasurePlanRecord.fingerprint == run.plan_fingerprint,
                    ErasurePlanRecord.request_id == request_id).limit(1)).scalar_one_or_none()
                if plan is not None:
                    dates = [i["u"] for i in json.loads(plan)["items"] if i["u"]]
                    until = date.fromisoformat(max(dates)) if dates else None
            return ErasureResult(
                request_id=request_id, reference=reference(request_id), run_id=run.id, run_state=run.state,
                erased=dict(counts.get("erased", {})), restricted=dict(restricted),
                blanked_parts=dict(counts.get("blanked", {})), notifications=int(counts.get("notifications", 0)),
                restrict_until=until, residue=ResidueScan.from_json(run.residue))

    # === holds ====================================================================================

    def release_expired_holds(self, today: date | None = None, *, actor: Actor | None = None) -> Applied:
        """Erase held records whose hold has ended (and whatever only they kept), for every person.

        The retention job's sweep does the same for everyone it visits; this finds the held records
        through their partial index and visits only their owners.
        """
        who = actor if actor is not None else system_actor(self.ctx.workstation, "hold-release")
        if not who.can(Permission.RUN_RETENTION):
            raise PermissionDenied("Only an administrator or the scheduled job may release legal holds.",
                                   "Bare en administrator eller den planlagte jobben kan frigi lagringsplikt.")
        day = today or self.today()
        total = Applied()
        with self.ctx.db.transaction() as s:
            owners: set[int] = set()
            for kind, t in RECORD_TABLES.items():
                cond = (t.c.legal_hold_until.is_not(None)) & (t.c.legal_hold_until < day)
                if kind == PERSON_KIND:
                    owners.update(s.execute(select(t.c.id).where(cond)).scalars())
                elif kind == "order_line":
                    o = RECORD_TABLES["order"]
                    owners.update(s.execute(select(o.c.customer_id).join(o, o.c.id == t.c.order_id)
                                            .where(cond)).scalars())
                elif kind != "marketing_suppression":
                    owners.update(x for x in s.execute(select(t.c.customer_id).where(cond)).scalars()
                                  if x is not None)
        for chunk in chunks(sorted(owners)):
            with self.ctx.db.transaction() as s:
                applied = process_people(self.ctx, s, chunk, today=day, calculator=DueCalculator(self.rules),
                                         now=self.clock(), dry_run=False, scope="held")
                if sum(applied.erased.values()) or sum(applied.blanked.values()):
                    self.ctx.audit.append(s, who, action="hold_release", data="retention",
                                          detail=f"people={len(chunk)}; {applied.short()}")
                total.add(applied)
        return total

    # === status and the approval queue ============================================================

    def status(self, actor: Actor, request_id: int) -> ErasureStatus:
        """Plan, decision and run of one request, for the request screen (ids and states only)."""
        with self.uow.begin(actor) as w:
            s = w.session
            req = s.get(DsrRequest, request_id)
            if req is None:
                raise NotFound(f"Request {reference(request_id)} does not exist.",
                               f"Henvendelse {reference(request_id)} finnes ikke.")
            plan = self._latest_plan(s, request_id)
            approval = s.execute(select(ErasureApproval).where(ErasureApproval.request_id == request_id)
                                 .order_by(ErasureApproval.id.desc()).limit(1)).scalar_one_or_none()
            run = s.execute(select(ErasureRun).where(ErasureRun.request_id == request_id)
                            .order_by(ErasureRun.id.desc()).limit(1)).scalar_one_or_none()
            now = self.clock()
            can_withdraw = (approval is not None and approval.decision == "approved" and approval.withdrawn_at is None
                            and req.state == RequestState.IN_PROGRESS.value and approval.executes_after is not None
                            and now < approval.executes_after)
            return ErasureStatus(
                request_id=request_id, state=RequestState(req.state),
                plan_fingerprint=plan.fingerprint if plan else None, plan_created_at=plan.created_at if plan else None,
                approval=self._approval_view(s, approval) if approval is not None else None,
                run_id=run.id if run else None, run_state=run.state if run else None,
                residue=ResidueScan.from_json(run.residue) if run else None, can_withdraw_approval=can_withdraw)

    def approval_queue(self, actor: Actor) -> list[ApprovalQueueRow]:
        """Erasures waiting for a decision, approved ones not yet run, and runs whose purge is pending;
        `can_decide` is False where the actor filed the request or may not approve (logged)."""
        with self.uow.begin(actor) as w:
            s = w.session
            rows = s.execute(
                select(DsrRequest, Customer.customer_number, Customer.first_name, Customer.last_name,
                       Customer.erased_at)
                .outerjoin(Customer, Customer.id == DsrRequest.customer_id)
                .where(DsrRequest.type == RequestType.ERASURE.value,
                       DsrRequest.state.in_((RequestState.AWAITING_APPROVAL.value, RequestState.IN_PROGRESS.value,
                                             RequestState.DONE.value)))
                .order_by(DsrRequest.due_on, DsrRequest.id)
            ).all()
            out: list[ApprovalQueueRow] = []
            for req, number, first, last, erased_at in rows:
                approval = self._decision(s, req.id)
                run = s.execute(select(ErasureRun.state).where(ErasureRun.request_id == req.id)
                                .order_by(ErasureRun.id.desc()).limit(1)).scalar_one_or_none()
                state = RequestState(req.state)
                if state is RequestState.DONE and run not in ("pending", "purge_pending"):
                    continue
                if state is RequestState.IN_PROGRESS and (approval is None or approval.decision != "approved"):
                    continue
                plan = self._latest_plan(s, req.id)
                counts: Counter[str] = Counter()
                until: date | None = None
                if plan is not None:
                    items = json.loads(plan.plan)["items"]
                    counts.update(i["d"] for i in items)
                    dates = [i["u"] for i in items if i["u"]]
                    until = date.fromisoformat(max(dates)) if dates else None
                out.append(ApprovalQueueRow(
                    request_id=req.id, reference=reference(req.id), state=state, customer_id=req.customer_id,
                    customer_number=number or "",
                    customer_name=f"{first} {last}".strip() if first is not None and erased_at is None else "",
                    filed_by=self._staff(s, req.filed_by_id), filed_by_id=req.filed_by_id, filed_at=req.filed_at,
                    due_on=req.extended_until or req.due_on, plan_fingerprint=plan.fingerprint if plan else None,
                    plan_created_at=plan.created_at if plan else None, erase_count=counts["erase"],
                    restrict_count=counts["restrict"], keep_count=counts["keep"], restrict_until=until,
                    approval=self._approval_view(s, approval) if approval is not None else None, run_state=run,
                    can_decide=(state is RequestState.AWAITING_APPROVAL and actor.can(Permission.APPROVE_ERASURE)
                                and actor.account_id is not None and actor.account_id != req.filed_by_id),
                ))
            self.ctx.audit.append(s, actor, action="queue", data="erasure_queue", detail=f"rows={len(out)}")
            return out
