"""Objections (Art. 21) and consent withdrawal (Art. 7(3)): marketing and legitimate interest."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from desktop.domain.requests import (
    Action,
    RequestState,
    RequestType,
)
from desktop.domain.roles import Actor
from desktop.errors import InvalidInput
from desktop.models import (
    Customer,
    MarketingConsent,
    MarketingSuppression,
)
from desktop.services.registry import contact_hash
from desktop.services.requests.base import RequestCore
from desktop.services.requests.parsing import (
    split_list,
)
from desktop.services.requests.texts import (
    channel_names,
)
from desktop.services.requests.views import (
    RequestView,
)


class ObjectionMixin(RequestCore):
    """Art. 21 and Art. 7(3): stop marketing, decide objections, withdraw consent."""

    def object_to_marketing(self, actor: Actor, request_id: int, channels: str | Sequence[str] | None = None, *,
                            version: int | None = None) -> RequestView:
        """Stop direct marketing per channel at once (Art. 21(2)-(3)); `file` already does this on filing."""
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id, version)
            self._require_type(req, RequestType.OBJECTION_DIRECT_MARKETING)
            customer = w.customer(req.customer_id)
            self._apply_marketing_objection(w, req, customer, channels)
            w.flush(req)
            return self._view(s, actor, req)

    def decide_objection(self, actor: Actor, request_id: int, upheld: bool, grounds: str, *,
                         purposes: Sequence[str] | None = None, version: int | None = None) -> RequestView:
        """A supervisor's Art. 21(1) decision: upheld stops the processing, not upheld records compelling grounds."""
        grounds = grounds.strip()
        if not grounds:
            raise InvalidInput(
                "Write the grounds for the decision; they are recorded and given to the person.",
                "Skriv begrunnelsen for avgjørelsen; den registreres og gis til personen.",
            )
        li_bases = frozenset({"legitimate_interest"})
        scope = self._validate_purposes(purposes, bases=li_bases, what_en="legitimate interest",
                                        what_nb="berettiget interesse")
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id, version)
            self._require_type(req, RequestType.OBJECTION_LEGITIMATE_INTEREST)
            customer = w.customer(req.customer_id)
            if req.state == RequestState.IN_PROGRESS:
                w.move(req, Action.SUBMIT_FOR_APPROVAL, note="decided directly by a supervisor")
            w.move(req, Action.APPROVE if upheld else Action.REJECT, reason=grounds)
            req.decision = "upheld" if upheld else "not_upheld"
            req.decision_grounds = grounds
            req.decided_by_id = actor.account_id
            req.decided_at = self.clock()
            w.event(req, "decide", f"{req.decision}: {grounds}")
            if upheld:
                if scope is None:
                    scope = self._validate_purposes(split_list(req.scope_purposes), bases=li_bases,
                                                    what_en="legitimate interest", what_nb="berettiget interesse")
                if scope is None:
                    scope = frozenset(p.key for p in self.ctx.policy.purposes if p.legal_basis == "legitimate_interest")
                req.scope_purposes = ",".join(sorted(scope))
                counts, kept = self._restrict(s, req, customer.id, scope, "objection_upheld")
                notices = self._notify_recipients(s, req, customer, "objection_upheld",
                                                  self._restriction_details(counts))
                titles = {lang: ", ".join(self.ctx.policy.purpose(p).title.get(lang) for p in sorted(scope))
                          for lang in ("nb", "en", "sv")}
                outcome = {
                    "nb": f"Vi har tatt innsigelsen din til følge og stanset behandlingen for: {titles['nb']}. "
                          f"Begrunnelse: {grounds}",
                    "en": f"We have upheld your objection and stopped the processing for: {titles['en']}. "
                          f"Reasons: {grounds}",
                    "sv": f"Vi har bifallit din invändning och stoppat behandlingen för: {titles['sv']}. "
                          f"Skäl: {grounds}",
                }
                detail = f"upheld; restricted={sum(counts.values())}; kept={kept}; notices={len(notices)}"
            else:
                outcome = {
                    "nb": "Vi har vurdert innsigelsen din, men har tvingende berettigede grunner for behandlingen "
                          f"som veier tyngre enn dine interesser: {grounds}",
                    "en": "We have considered your objection, but we have compelling legitimate grounds for the "
                          f"processing that override your interests: {grounds}",
                    "sv": "Vi har prövat din invändning, men vi har tvingande berättigade skäl för behandlingen "
                          f"som väger tyngre än dina intressen: {grounds}",
                }
                detail = "not_upheld; compelling grounds recorded"
            self._complete(w, req, customer, summary=outcome["nb"], outcome=outcome)
            w.flush(req)
            w.audit(req, "request_decide_objection", detail)
            return self._view(s, actor, req)

    def withdraw_consent(self, actor: Actor, request_id: int, *, purposes: Sequence[str] | None = None,
                         marketing_channels: str | Sequence[str] | None = None,
                         version: int | None = None) -> RequestView:
        """Stop consent-based processing: records of those purposes restricted, marketing consents withdrawn.

        Without `purposes` every consent-based purpose of the policy is withdrawn; without
        `marketing_channels`, the channel filed with the request, or all of them.
        """
        consent = frozenset({"consent"})
        scope = self._validate_purposes(purposes, bases=consent, what_en="consent", what_nb="samtykke")
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id, version)
            self._require_type(req, RequestType.WITHDRAW_CONSENT)
            customer = w.customer(req.customer_id)
            w.ensure_started(req)
            if scope is None:
                scope = self._validate_purposes(split_list(req.scope_purposes), bases=consent, what_en="consent",
                                                what_nb="samtykke")
            if scope is None:
                scope = frozenset(p.key for p in self.ctx.policy.purposes if p.legal_basis == "consent")
            req.scope_purposes = ",".join(sorted(scope))
            counts, kept = self._restrict(s, req, customer.id, scope, "consent_withdrawn")
            channels = self._marketing_channels(marketing_channels if marketing_channels is not None
                                                else req.marketing_channel)
            now = self.clock()
            withdrawn_channels = []
            for row in s.execute(select(MarketingConsent).where(MarketingConsent.customer_id == customer.id,
                                                                MarketingConsent.channel.in_(channels))).scalars():
                if row.granted:
                    row.granted = False
                    row.changed_at = now
                    row.how = "consent_withdrawn"
                    withdrawn_channels.append(row.channel)
            total = sum(counts.values())
            titles = {lang: ", ".join(self.ctx.policy.purpose(p).title.get(lang) for p in sorted(scope))
                      for lang in ("nb", "en", "sv")}
            ch_nb = channel_names(channels, "nb")
            ch_en = channel_names(channels, "en")
            ch_sv = channel_names(channels, "sv")
            outcome = {
                "nb": f"Samtykket ditt er trukket tilbake for: {titles['nb']}, og for markedsføring på {ch_nb}. "
                      f"Behandlingen som bygde på samtykket, er stanset: {total} registreringer brukes ikke lenger "
                      "og lagres bare til de slettes (du kan be om sletting, artikkel 17 nr. 1 bokstav b). "
                      "Behandlingen før tilbaketrekkingen var lovlig (artikkel 7 nr. 3).",
                "en": f"Your consent has been withdrawn for: {titles['en']}, and for marketing by {ch_en}. "
                      f"Processing that rested on the consent has stopped: {total} records are no longer used "
                      "and are only stored until they are erased (you may ask for erasure, Article 17(1)(b)). "
                      "Processing before the withdrawal remains lawful (Article 7(3)).",
                "sv": f"Ditt samtycke har återkallats för: {titles['sv']}, och för marknadsföring via {ch_sv}. "
                      f"Behandlingen som byggde på samtycket har upphört: {total} poster används inte längre "
                      "och lagras bara tills de raderas (du kan begära radering, artikel 17.1 b). "
                      "Behandlingen före återkallelsen var laglig (artikel 7.3).",
            }
            w.event(req, "withdraw_consent",
                        f"purposes={req.scope_purposes}; restricted={total}; kept={kept}; "
                        f"marketing withdrawn={','.join(withdrawn_channels) or 'none'}")
            self._complete(w, req, customer, summary=outcome["nb"], outcome=outcome)
            w.flush(req)
            w.audit(req, "request_withdraw_consent",
                        f"purposes={req.scope_purposes}; restricted={total}; channels={','.join(channels)}")
            return self._view(s, actor, req)

    def is_marketable(self, customer_id: int, channel: str) -> bool:
        """May this person get direct marketing on `channel`? Consent, no objection, nothing restricted.

        Answers yes/no only and shows no data, so it writes no access-log entry: mailing-list jobs
        call it per person. Any export to a third party must likewise leave restricted records out.
        """
        if channel not in {c.key for c in self.ctx.policy.marketing_channels}:
            raise InvalidInput(f"Unknown marketing channel '{channel}'.", f"Ukjent markedsføringskanal '{channel}'.")
        with self.ctx.db.transaction() as s:
            customer = s.get(Customer, customer_id)
            if customer is None or customer.erased_at is not None or customer.restricted:
                return False
            consent = s.execute(select(MarketingConsent).where(
                MarketingConsent.customer_id == customer_id, MarketingConsent.channel == channel)).scalar_one_or_none()
            if consent is None or not consent.granted or consent.restricted:
                return False
            value = self._contact_value(s, customer, channel)
            hashes = [contact_hash(self.ctx.keys, channel, value)] if value else []
            suppression = select(MarketingSuppression.id).where(MarketingSuppression.channel == channel)
            by_person = suppression.where(MarketingSuppression.customer_id == customer_id)
            if s.execute(by_person.limit(1)).first() is not None:
                return False
            by_address = suppression.where(MarketingSuppression.contact_hash.in_(hashes)).limit(1)
            return not (hashes and s.execute(by_address).first() is not None)
