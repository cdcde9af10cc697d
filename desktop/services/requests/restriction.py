"""The right to restriction of processing (Art. 18), its lifting and its notices (Art. 19)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from desktop.domain.requests import (
    Channel,
    RequestType,
)
from desktop.domain.roles import Actor
from desktop.errors import InvalidInput
from desktop.models import (
    RECORD_MODELS,
    Customer,
    RequestLetter,
    RestrictionRecord,
)
from desktop.services.letters import Letter, format_date
from desktop.services.requests.base import RequestCore
from desktop.services.requests.parsing import (
    parse_channel,
    split_list,
)
from desktop.services.requests.views import (
    RequestView,
)


class RestrictionMixin(RequestCore):
    """Art. 18: restrict, tell beforehand, lift."""

    def restrict(self, actor: Actor, request_id: int, purposes: Sequence[str] | None = None, *,
                 version: int | None = None) -> RequestView:
        """Flag the person's records restricted (all, or those serving only the named purposes)."""
        scope = self._validate_purposes(purposes)
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id, version)
            self._require_type(req, RequestType.RESTRICTION)
            customer = w.customer(req.customer_id)
            w.ensure_started(req)
            if scope is None:
                scope = self._validate_purposes(split_list(req.scope_purposes))
            counts, kept = self._restrict(s, req, customer.id, scope, "restriction")
            if not counts:
                raise InvalidInput(
                    "No record of this customer serves only these purposes; nothing was restricted.",
                    "Ingen opplysninger om kunden brukes bare til disse formålene; ingenting ble begrenset.",
                )
            if scope is not None:
                req.scope_purposes = ",".join(sorted(scope))
            notices = self._notify_recipients(s, req, customer, "restriction", self._restriction_details(counts))
            total = sum(counts.values())
            what = ", ".join(f"{k}={n}" for k, n in sorted(counts.items()))
            w.event(req, "restrict", f"{total} records ({what}); {kept} kept for other purposes; "
                        f"purposes={req.scope_purposes or 'all'}")
            outcome = {
                "nb": f"Vi har begrenset behandlingen av opplysningene dine ({total} registreringer). De blir bare "
                      "lagret og brukes ikke til noe annet uten ditt samtykke eller for rettslige krav. Vi gir deg "
                      f"beskjed før begrensningen oppheves. Disse mottakerne er varslet: "
                      f"{self._recipient_names(notices, 'nb')}.",
                "en": f"We have restricted the processing of your data ({total} records). It is only stored and "
                      "not used for anything else without your consent or for legal claims. We will tell you before "
                      f"the restriction is lifted. These recipients have been notified: "
                      f"{self._recipient_names(notices, 'en')}.",
                "sv": f"Vi har begränsat behandlingen av dina uppgifter ({total} poster). De lagras bara och används "
                      "inte till något annat utan ditt samtycke eller för rättsliga anspråk. Vi meddelar dig innan "
                      "begränsningen hävs. Följande mottagare har underrättats: "
                      f"{self._recipient_names(notices, 'sv')}.",
            }
            self._complete(w, req, customer, summary=outcome["nb"], outcome=outcome)
            w.flush(req)
            w.audit(req, "request_restrict", f"records={total}; {what}; kept={kept}")
            return self._view(s, actor, req)

    def record_lift_notice(self, actor: Actor, request_id: int, *, reason: str, lift_on: date,
                           sent_on: date | None = None, sent_via: Channel | str | None = None,
                           version: int | None = None) -> Letter:
        """Tell the person before a restriction is lifted (Art. 18(3)); returns the notice to send."""
        reason = reason.strip()
        if not reason:
            raise InvalidInput("Write why the restriction is to be lifted; the person is told.",
                               "Skriv hvorfor begrensningen skal oppheves; personen får beskjed.")
        sent = sent_on or self.today()
        if sent > self.today():
            raise InvalidInput("The notice cannot have been sent in the future.",
                               "Varselet kan ikke være sendt i fremtiden.")
        if lift_on < sent:
            raise InvalidInput("The lift date must come after the notice.",
                               "Datoen for opphevelse må komme etter varselet.")
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id, version)
            self._require_type(req, RequestType.RESTRICTION)
            if not self._active_restrictions(s, req.id):
                raise InvalidInput("Nothing is restricted under this request.",
                                   "Ingenting er begrenset under denne henvendelsen.")
            customer = s.get(Customer, req.customer_id) if req.customer_id is not None else None
            via = parse_channel(sent_via).value if sent_via is not None else req.channel
            letter = w.letter(req, customer, "restriction_lift_notice", lift_date=lift_on, reason=reason,
                                  sent_on=sent, sent_via=via)
            w.event(req, "lift_notice", f"sent {sent.isoformat()} via {via}; lift on "
                        f"{lift_on.isoformat()}; {reason}")
            w.flush(req)
            w.audit(req, "request_lift_notice", f"sent_on={sent.isoformat()}; via={via}")
            return letter

    def lift_restriction(self, actor: Actor, request_id: int, notice_sent_on: date, *,
                         version: int | None = None) -> RequestView:
        """Lift a restriction, refused unless the person's notice (sent on `notice_sent_on`) is recorded."""
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id, version)
            self._require_type(req, RequestType.RESTRICTION)
            rows = self._active_restrictions(s, req.id)
            if not rows:
                raise InvalidInput("Nothing is restricted under this request.",
                                   "Ingenting er begrenset under denne henvendelsen.")
            notice = s.execute(select(RequestLetter).where(
                RequestLetter.request_id == req.id, RequestLetter.kind == "restriction_lift_notice",
                RequestLetter.sent_on == notice_sent_on)).scalars().first()
            if notice is None:
                raise InvalidInput(
                    f"No notice to the person sent on {notice_sent_on.isoformat()} is recorded. Tell the person "
                    "before the restriction is lifted (GDPR Art. 18(3)): record the notice first.",
                    f"Det er ikke registrert noe varsel til personen sendt {format_date(notice_sent_on, 'nb')}. "
                    "Personen skal ha beskjed før begrensningen oppheves (artikkel 18 nr. 3): registrer "
                    "varselet først.",
                )
            today, now = self.today(), self.clock()
            for row in rows:
                row.lifted_at = now
            s.flush()
            freed: Counter[str] = Counter()
            for row in rows:
                still = s.execute(select(RestrictionRecord.id).where(
                    RestrictionRecord.record_kind == row.record_kind, RestrictionRecord.record_id == row.record_id,
                    RestrictionRecord.lifted_at.is_(None)).limit(1)).first()
                record = s.get(RECORD_MODELS[row.record_kind], row.record_id)
                if still is not None or record is None:
                    continue
                if record.legal_hold_until is not None and record.legal_hold_until >= today:
                    continue
                record.restricted = False
                freed[row.record_kind] += 1
            customer = w.customer(req.customer_id)
            lifted = Counter(row.record_kind for row in rows)
            notices = self._notify_recipients(s, req, customer, "restriction_lifted",
                                              self._restriction_details(lifted))
            w.event(req, "lift_restriction",
                        f"notice sent {notice_sent_on.isoformat()}; {sum(freed.values())} of {len(rows)} records "
                        f"freed; {len(notices)} recipient notices")
            w.flush(req)
            w.audit(req, "request_lift_restriction",
                        f"lifted={len(rows)}; freed={sum(freed.values())}; notice={notice_sent_on.isoformat()}")
            return self._view(s, actor, req)
