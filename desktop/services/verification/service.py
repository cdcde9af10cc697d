"""The verification service: questions, one-time codes, ID documents, electronic ID; one transaction each."""

from __future__ import annotations

import hmac
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session

from desktop.adapters.mail import Mailer
from desktop.adapters.sms import SmsGateway
from desktop.audit.log import utcnow
from desktop.domain.contact import mask_email, mask_phone
from desktop.domain.national_id import looks_like_national_id
from desktop.domain.roles import Actor, Permission
from desktop.domain.textfold import fold
from desktop.errors import DeliveryFailed, DeskError, InvalidInput, NotFound, PermissionDenied
from desktop.models import (
    AccessReason,
    Contact,
    Customer,
    Delivery,
    IdentityVerification,
    OneTimeCode,
    Order,
    VerificationLockout,
)
from desktop.security.crypto import keyed_hash
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.verification.errors import CodeNotSent, VerificationFailed, VerificationLocked
from desktop.services.verification.labels import (
    CHANNELS,
    CODE_CHANNELS,
    ELECTRONIC_ID_PROVIDERS,
    ID_DOCUMENT_KINDS,
    QUESTION_KINDS,
    label,
)
from desktop.services.verification.parsing import (
    compact_postcode,
    mask_order_number,
    order_dates,
    parse_amount,
    parse_order_date,
)
from desktop.services.verification.state import (
    CODE_VALID_FOR,
    DEFAULT_VALID_FOR,
    FAILURE_WINDOW,
    LOCKOUT,
    MAX_FAILURES,
    ContactRef,
    SentCode,
    VerificationState,
    contact_state,
    load_contact,
    lock_state,
)

#: Date and amount questions are asked about the customer's latest orders: what a caller remembers.
RECENT_ORDERS = 10


#: A code for another contact is recognised for this long, so the agent hears why it failed.
_FOREIGN_CODE_WINDOW = timedelta(days=1)


_MAX_CODE_ATTEMPTS = 3


_MAX_REASON = 500


_CODE_TEXT: dict[str, tuple[str, str]] = {
    "nb": (
        "Engangskode fra {brand}",
        "Engangskoden din fra {brand} er {code}. Den gjelder i {minutes} minutter. "
        "Oppgi den bare til kundeservice i en samtale du selv har tatt.",
    ),
    "sv": (
        "Engångskod från {brand}",
        "Din engångskod från {brand} är {code}. Den gäller i {minutes} minuter. "
        "Lämna den bara till kundtjänst i ett samtal som du själv har tagit.",
    ),
    "en": (
        "One-time code from {brand}",
        "Your one-time code from {brand} is {code}. It is valid for {minutes} minutes. "
        "Give it only to customer service in a conversation you started yourself.",
    ),
}


@dataclass(frozen=True)
class _Outcome:
    """What a check found: stored as the verification row; `message*` explains a failure."""

    ok: bool
    method: str
    evidence: str
    message: str = ""
    message_nb: str = ""


class VerificationService:
    def __init__(
        self,
        ctx: DeskContext,
        *,
        mailer: Mailer,
        sms: SmsGateway,
        clock: Callable[[], datetime] = utcnow,
        valid_for: timedelta = DEFAULT_VALID_FOR,
    ) -> None:
        if valid_for <= timedelta(0):
            raise ValueError("a verification must last a positive time")
        self.ctx = ctx
        self.mailer = mailer
        self.sms = sms
        self.clock = clock
        self.valid_for = valid_for
        self.accounts = AccountService(ctx)

    # --- contacts --------------------------------------------------------------------------------

    def start_contact(self, actor: Actor, customer_id: int, channel: str) -> ContactRef:
        """Open a contact: the unit a verification and a recorded reason belong to."""
        _require(actor)
        if channel not in CHANNELS:
            raise InvalidInput(
                f"Unknown channel '{channel}': use {', '.join(CHANNELS)}.",
                f"Ukjent kanal '{channel}': bruk {', '.join(CHANNELS)}.",
            )
        now = self.clock()
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            customer = s.get(Customer, customer_id)
            if customer is None or customer.erased_at is not None:
                raise NotFound(f"Customer {customer_id} does not exist.", f"Kunde {customer_id} finnes ikke.")
            contact = Contact(customer_id=customer_id, agent_id=actor.account_id, channel=channel, started_at=now)
            s.add(contact)
            s.flush()
            self.ctx.audit.append(s, actor, action="contact_start", data="contact", customer_id=customer_id,
                                  detail=f"contact={contact.id}; channel={channel}")
            return ContactRef(contact.id, customer_id, channel, now)

    def end_contact(self, actor: Actor, contact_id: int) -> ContactRef:
        """Close the contact; its verification and reason end with it. Ending twice changes nothing."""
        _require(actor)
        now = self.clock()
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            contact = load_contact(s, contact_id)
            if contact.ended_at is None:
                contact.ended_at = now
                self.ctx.audit.append(s, actor, action="contact_end", data="contact",
                                      customer_id=contact.customer_id, detail=f"contact={contact.id}")
            return ContactRef(contact.id, contact.customer_id, contact.channel, contact.started_at, contact.ended_at)

    def is_verified(self, contact_id: int) -> VerificationState:
        """No personal data beyond masked evidence, so this read is not an access-log event."""
        with self.ctx.db.transaction() as s:
            return contact_state(s, load_contact(s, contact_id), self.clock())

    # --- a) questions from the record ------------------------------------------------------------

    def question_hints(self, actor: Actor, contact_id: int) -> list[str]:
        """Which question kinds this customer's record can answer (never the answers)."""
        _require(actor)
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            contact = load_contact(s, contact_id)
            cid = contact.customer_id
            has_orders = s.execute(select(exists().where(Order.customer_id == cid))).scalar_one()
            has_deliveries = s.execute(select(exists().where(Delivery.customer_id == cid))).scalar_one()
            hints = [k for k in QUESTION_KINDS
                     if (k == "delivery_address" and has_deliveries) or (k != "delivery_address" and has_orders)]
            self.ctx.audit.append(s, actor, action="verify_hints", data="verification_questions", customer_id=cid,
                                  detail=f"contact={contact.id}; kinds={'+'.join(hints) or 'none'}")
            return hints

    def verify_by_questions(self, actor: Actor, contact_id: int, answers: Mapping[str, str]) -> VerificationState:
        """At least two answers, and every answer given must match the record."""
        given = {k: v.strip() for k, v in answers.items() if v and v.strip()}
        unknown = sorted(set(given) - set(QUESTION_KINDS))
        if unknown:
            raise InvalidInput(f"Unknown question: {', '.join(unknown)}.", f"Ukjent spørsmål: {', '.join(unknown)}.")
        if len(given) < 2:
            raise InvalidInput(
                "Ask at least two of the questions: order number, delivery address, date or amount of a recent order.",
                "Still minst to av spørsmålene: ordrenummer, leveringsadresse, dato eller beløp for en nylig "
                "bestilling.",
            )
        order_date = parse_order_date(given["order_date"]) if "order_date" in given else None
        if "order_date" in given and order_date is None:
            raise InvalidInput("Write the order date as 31.12.2025 or 2025-12-31.",
                               "Skriv ordredatoen som 31.12.2025 eller 2025-12-31.")
        amount = parse_amount(given["order_amount"]) if "order_amount" in given else None
        if "order_amount" in given and amount is None:
            raise InvalidInput("Write the amount in kroner, e.g. 1 299,00.", "Skriv beløpet i kroner, f.eks. 1 299,00.")

        def check(s: Session, contact: Contact, now: datetime) -> _Outcome:
            cid = contact.customer_id
            parts: list[str] = []
            ok = True
            recent: list[tuple[datetime, int]] | None = None
            if order_date is not None or amount is not None:
                recent = [(r[0], r[1]) for r in s.execute(
                    select(Order.ordered_at, Order.total_minor).where(Order.customer_id == cid)
                    .order_by(Order.ordered_at.desc()).limit(RECENT_ORDERS)
                )]
            for kind in QUESTION_KINDS:
                if kind not in given:
                    continue
                if kind == "order_number":
                    found = self._match_order_number(s, cid, given[kind])
                    ok &= found is not None
                    parts.append(f"order {mask_order_number(found)}" if found else "order number")
                elif kind == "delivery_address":
                    part = self._match_delivery(s, cid, given[kind])
                    ok &= part is not None
                    parts.append(part or "delivery address")
                elif kind == "order_date":
                    ok &= any(order_date in order_dates(at) for at, _ in recent or [])
                    parts.append("order date")
                else:
                    assert amount is not None
                    minor, exact = amount
                    ok &= any(
                        total == minor if exact else minor // 100 in (total // 100, round(total / 100))
                        for _, total in recent or []
                    )
                    parts.append("order amount")
            evidence = " + ".join(parts)
            if ok:
                return _Outcome(True, "questions", evidence)
            # Which answer was wrong stays unsaid: telling the caller would help someone guessing.
            return _Outcome(
                False, "questions", f"questions asked: {', '.join(label(k, 'en').lower() for k in given)}",
                "The answers do not match the customer's record.", "Svarene stemmer ikke med kunderegisteret.",
            )

        return self._attempt(actor, contact_id, check)

    @staticmethod
    def _match_order_number(s: Session, customer_id: int, answer: str) -> str | None:
        compact = re.sub(r"\s", "", answer).upper()
        digits = re.sub(r"\D", "", answer)
        candidates = {compact, f"TP-{digits}"} if digits else {compact}
        return s.execute(
            select(Order.order_number).where(Order.customer_id == customer_id, Order.order_number.in_(candidates))
            .limit(1)
        ).scalar_one_or_none()

    @staticmethod
    def _match_delivery(s: Session, customer_id: int, answer: str) -> str | None:
        folded = fold(answer)
        code = compact_postcode(answer)
        rows = s.execute(
            select(Delivery.street, Delivery.postcode, Delivery.city).where(Delivery.customer_id == customer_id)
            .distinct()
        ).all()
        for street, postcode, city in rows:
            if folded and folded in (fold(street), fold(f"{street} {postcode}"), fold(f"{street} {postcode} {city}")):
                return "delivery street"
            if code.isdigit() and code == compact_postcode(postcode):
                return "delivery postcode"
        return None

    # --- b) one-time code ------------------------------------------------------------------------

    def send_code(self, actor: Actor, contact_id: int, channel: str) -> SentCode:
        """Send a 6-digit code to the registered e-mail or phone; only its keyed hash is stored.

        The message goes out before anything is written: if delivery fails, no code row exists
        (only the failed attempt is logged). If the database fails after delivery, the customer
        holds a code that matches nothing, which is harmless.
        """
        _require(actor)
        if channel not in CODE_CHANNELS:
            raise InvalidInput("Send the code by e-mail or SMS.", "Send koden på e-post eller SMS.")
        now = self.clock()
        refusal: DeskError | None = None
        destination = masked = ""
        language = "en"
        customer_id = 0
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            contact = _open_contact(s, contact_id)
            customer = s.get(Customer, contact.customer_id)
            if customer is None or customer.erased_at is not None:
                raise NotFound("The customer no longer exists.", "Kunden finnes ikke lenger.")
            locked_until, _ = lock_state(s, customer.id, now)
            if locked_until is not None:
                refusal = self._refuse_locked(s, actor, contact, locked_until, now)
            else:
                destination = (customer.email if channel == "email" else customer.phone_e164) or ""
                if not destination:
                    raise InvalidInput(
                        "No e-mail address is registered for this customer: choose another method."
                        if channel == "email" else "No mobile number is registered for this customer: choose "
                        "another method.",
                        "Kunden har ingen registrert e-postadresse: velg en annen metode."
                        if channel == "email" else "Kunden har ikke registrert mobilnummer: velg en annen metode.",
                    )
                masked = mask_email(destination) if channel == "email" else mask_phone(destination)
                language = customer.language if customer.language in _CODE_TEXT else "en"
                customer_id = customer.id
        if refusal is not None:
            raise refusal

        code = f"{secrets.randbelow(1_000_000):06d}"
        subject, body = (t.format(brand=self.ctx.policy.company.brand, code=code,
                                  minutes=int(CODE_VALID_FOR.total_seconds() // 60))
                         for t in _CODE_TEXT[language])
        try:
            if channel == "email":
                self.mailer.send_mail(destination, subject, body)
            else:
                self.sms.send_sms(destination, body)
        except DeliveryFailed as exc:
            with self.ctx.db.transaction() as s:
                self.ctx.audit.append(s, actor, action="code_not_sent", data="one_time_code", customer_id=customer_id,
                                      detail=f"contact={contact_id}; channel={channel}; to={masked}; {exc.message}")
            raise CodeNotSent(
                f"The code could not be sent: {exc.message}. Nothing was verified.",
                f"Koden kunne ikke sendes: {exc.message_nb}. Ingenting er verifisert.",
            ) from exc

        sent_at = self.clock()
        with self.ctx.db.transaction() as s:
            # A newer code replaces any unused one, so only the latest message counts.
            s.execute(
                update(OneTimeCode).where(
                    OneTimeCode.contact_id == contact_id, OneTimeCode.used_at.is_(None),
                    OneTimeCode.expires_at > sent_at,
                ).values(expires_at=sent_at)
            )
            row = OneTimeCode(customer_id=customer_id, contact_id=contact_id, channel=channel,
                              code_hash=self._code_hash(code), sent_to=masked, agent_id=actor.account_id,
                              created_at=sent_at, expires_at=sent_at + CODE_VALID_FOR, attempts=0)
            s.add(row)
            self.ctx.audit.append(s, actor, action="code_sent", data="one_time_code", customer_id=customer_id,
                                  detail=f"contact={contact_id}; channel={channel}; to={masked}")
        return SentCode(contact_id, channel, masked, row.expires_at)

    def verify_code(self, actor: Actor, contact_id: int, code: str) -> VerificationState:
        """Check the code the customer reads out against the latest one sent in this contact."""
        typed = re.sub(r"[\s-]", "", code)
        if not typed:
            raise InvalidInput("Type the code the customer reads out.", "Skriv inn koden kunden leser opp.")
        digest = self._code_hash(typed)

        def check(s: Session, contact: Contact, now: datetime) -> _Outcome:
            own = s.execute(
                select(OneTimeCode).where(OneTimeCode.contact_id == contact.id)
                .order_by(OneTimeCode.created_at.desc(), OneTimeCode.id.desc())
            ).scalars().all()
            match = next((c for c in own if hmac.compare_digest(c.code_hash, digest)), None)
            if match is not None:
                method = f"{match.channel}_code"
                where = f"one-time code by {'e-mail' if match.channel == 'email' else 'SMS'} to {match.sent_to}"
                if match.used_at is not None:
                    return _Outcome(False, method, f"{where}: already used",
                                    "This code has already been used. Send a new code.",
                                    "Denne koden er allerede brukt. Send en ny kode.")
                if match.expires_at <= now:
                    return _Outcome(False, method, f"{where}: expired",
                                    "The code has expired (a code lasts 10 minutes, and a newer code replaces it). "
                                    "Send a new code.",
                                    "Koden er utløpt (en kode gjelder i 10 minutter, og en nyere kode erstatter "
                                    "den). Send en ny kode.")
                match.used_at = now
                return _Outcome(True, method, where)
            foreign = s.execute(
                select(OneTimeCode).where(
                    OneTimeCode.code_hash == digest, OneTimeCode.contact_id != contact.id,
                    OneTimeCode.created_at > now - _FOREIGN_CODE_WINDOW,
                ).order_by(OneTimeCode.created_at.desc()).limit(1)
            ).scalar_one_or_none()
            if foreign is None and not own:
                raise InvalidInput("No code has been sent in this contact: send one first.",
                                   "Ingen kode er sendt i denne kontakten: send en først.")
            latest = own[0] if own else None
            method = f"{latest.channel}_code" if latest is not None else "code"
            if foreign is not None:
                whose = "another customer" if foreign.customer_id != contact.customer_id else "another contact"
                whose_nb = "en annen kunde" if foreign.customer_id != contact.customer_id else "en annen kontakt"
                return _Outcome(False, method, f"code issued for {whose}",
                                f"This code was issued for {whose}, not for this one. Nothing was verified.",
                                f"Denne koden ble sendt til {whose_nb}, ikke til denne. Ingenting er verifisert.")
            assert latest is not None
            if latest.used_at is None and latest.expires_at > now:
                latest.attempts += 1
                if latest.attempts >= _MAX_CODE_ATTEMPTS:
                    latest.expires_at = now  # guessed at too often: the code is spent
            return _Outcome(False, method, f"one-time code to {latest.sent_to}: wrong code",
                            "The code is wrong.", "Koden er feil.")

        return self._attempt(actor, contact_id, check)

    def _code_hash(self, code: str) -> str:
        # Keyed, so the 10^6 possible codes cannot be tried against a copied database.
        return keyed_hash(self.ctx.keys.nid_hash, f"otp:{code}")

    # --- c) ID document at the counter -----------------------------------------------------------

    def verify_id_document(
        self, actor: Actor, contact_id: int, kind: str, last_digits: str, *, matched: bool = True
    ) -> VerificationState:
        """Record that a document was seen in person: its kind and last 2-4 characters, never an image.

        `matched=False` records a document that did not fit the person (photo, name), as a failure.
        """
        if kind not in ID_DOCUMENT_KINDS:
            raise InvalidInput(f"Unknown document kind '{kind}'.", f"Ukjent legitimasjonstype '{kind}'.")
        digits = re.sub(r"\s", "", last_digits).upper()
        if not re.fullmatch(r"[0-9A-Z]{2,4}", digits):
            raise InvalidInput("Write the last 2 to 4 digits of the document number, nothing more.",
                               "Skriv bare de siste 2 til 4 sifrene i dokumentnummeret.")
        evidence = f"{label(kind, 'en').lower()}, last digits {digits}"

        def check(s: Session, contact: Contact, now: datetime) -> _Outcome:
            if contact.channel != "counter":
                raise InvalidInput("An ID document can only be checked in person, at the counter.",
                                   "Legitimasjon kan bare kontrolleres når kunden møter opp i skranken.")
            if matched:
                return _Outcome(True, "id_document", evidence)
            return _Outcome(False, "id_document", f"{evidence}: did not match the person",
                            "The document does not match the person.", "Legitimasjonen stemmer ikke med personen.")

        return self._attempt(actor, contact_id, check)

    # --- d) electronic ID ------------------------------------------------------------------------

    def verify_electronic_id(self, actor: Actor, contact_id: int, provider: str, reference: str) -> VerificationState:
        """Record a completed electronic-ID check by the provider's transaction reference (masked)."""
        if provider not in ELECTRONIC_ID_PROVIDERS:
            raise InvalidInput(f"Unknown electronic ID '{provider}'.", f"Ukjent elektronisk ID '{provider}'.")
        ref = reference.strip()
        if not 4 <= len(ref) <= 100 or any(not ch.isprintable() for ch in ref):
            raise InvalidInput(f"Enter the reference {provider} gave for the check (4-100 characters).",
                               f"Skriv inn referansen {provider} ga for kontrollen (4-100 tegn).")
        if looks_like_national_id(ref) or re.fullmatch(r"\d{10,12}", re.sub(r"[\s+-]", "", ref)):
            raise InvalidInput(f"Enter the transaction reference from {provider}, not the identity number.",
                               f"Skriv inn transaksjonsreferansen fra {provider}, ikke fødselsnummeret.")
        evidence = f"{provider} ref …{ref[-4:]}"
        return self._attempt(actor, contact_id, lambda s, contact, now: _Outcome(True, "electronic_id", evidence))

    # --- need to know without verification -------------------------------------------------------

    def record_access_reason(self, actor: Actor, contact_id: int, reason: str) -> VerificationState:
        """A reason to see more without verification (e.g. an internal fraud check), for this contact."""
        _require(actor)
        text = " ".join(reason.split())
        if not text:
            raise InvalidInput("Write why you need to see more without verifying the caller.",
                               "Skriv hvorfor du trenger å se mer uten å bekrefte identiteten.")
        if len(text) > _MAX_REASON:
            raise InvalidInput(f"Keep the reason under {_MAX_REASON} characters.",
                               f"Hold grunnen under {_MAX_REASON} tegn.")
        now = self.clock()
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            contact = _open_contact(s, contact_id)
            s.add(AccessReason(contact_id=contact.id, customer_id=contact.customer_id, agent_id=actor.account_id,
                               reason=text, at=now, expires_at=now + self.valid_for))
            s.flush()
            self.ctx.audit.append(s, actor, action="access_reason", data="need_to_know",
                                  customer_id=contact.customer_id, detail=f"contact={contact.id}", reason=text)
            return contact_state(s, contact, now)

    # --- the shared attempt ----------------------------------------------------------------------

    def _attempt(
        self, actor: Actor, contact_id: int, check: Callable[[Session, Contact, datetime], _Outcome]
    ) -> VerificationState:
        """Run one check under the lock rules; store and log its outcome before reporting it."""
        _require(actor)
        now = self.clock()
        error: DeskError | None = None
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            contact = _open_contact(s, contact_id)
            cid = contact.customer_id
            # Serialise attempts on one customer (PostgreSQL; SQLite's BEGIN IMMEDIATE already does).
            s.execute(select(Customer.id).where(Customer.id == cid).with_for_update())
            locked_until, failures = lock_state(s, cid, now)
            if locked_until is not None:
                error = self._refuse_locked(s, actor, contact, locked_until, now)
            else:
                outcome = check(s, contact, now)
                row = IdentityVerification(
                    contact_id=contact.id, customer_id=cid, method=outcome.method, evidence=outcome.evidence[:200],
                    outcome="verified" if outcome.ok else "failed", agent_id=actor.account_id, at=now,
                    expires_at=now + self.valid_for if outcome.ok else None,
                )
                s.add(row)
                s.flush()
                detail = f"contact={contact.id}; method={outcome.method}; evidence={row.evidence}"
                if outcome.ok:
                    self.ctx.audit.append(s, actor, action="verified", data="identity", customer_id=cid,
                                          detail=detail)
                    return contact_state(s, contact, now)
                failures += 1
                self.ctx.audit.append(s, actor, action="verify_failed", data="identity", customer_id=cid,
                                      detail=f"{detail}; failures={failures}/{MAX_FAILURES}")
                error = self._failure(s, actor, contact, outcome, failures=failures, now=now)
        assert error is not None
        raise error

    def _failure(
        self, s: Session, actor: Actor, contact: Contact, outcome: _Outcome, *, failures: int, now: datetime
    ) -> VerificationFailed:
        nothing = " Nothing was verified."
        nothing_nb = " Ingenting er verifisert."
        if failures >= MAX_FAILURES:
            until = now + LOCKOUT
            s.add(VerificationLockout(customer_id=contact.customer_id, contact_id=contact.id, failures=failures,
                                      locked_at=now, locked_until=until))
            minutes = int(LOCKOUT.total_seconds() // 60)
            self.ctx.audit.append(s, actor, action="verify_locked", data="identity", customer_id=contact.customer_id,
                                  detail=f"contact={contact.id}; {failures} failures within "
                                         f"{int(FAILURE_WINDOW.total_seconds() // 60)} minutes; "
                                         f"locked for {minutes} minutes")
            return VerificationFailed(
                f"{outcome.message}{nothing} After {failures} failed attempts, verification for this customer "
                f"is locked for {minutes} minutes.",
                f"{outcome.message_nb}{nothing_nb} Etter {failures} mislykkede forsøk er verifisering av denne "
                f"kunden låst i {minutes} minutter.",
                failures=failures, locked_until=until,
            )
        left = MAX_FAILURES - failures
        return VerificationFailed(
            f"{outcome.message}{nothing} {left} {'attempt' if left == 1 else 'attempts'} left before "
            "verification is locked.",
            f"{outcome.message_nb}{nothing_nb} {left} forsøk igjen før verifisering låses.",
            failures=failures, locked_until=None,
        )

    def _refuse_locked(
        self, s: Session, actor: Actor, contact: Contact, locked_until: datetime, now: datetime
    ) -> VerificationLocked:
        refusal = VerificationLocked(locked_until, now)
        self.ctx.audit.append(s, actor, action="verify_locked", data="identity", customer_id=contact.customer_id,
                              detail=f"contact={contact.id}; attempt refused: locked, "
                                     f"{refusal.minutes_left} minutes left")
        return refusal


def _require(actor: Actor) -> None:
    if not actor.can(Permission.OPEN_CUSTOMER):
        raise PermissionDenied("Your role may not serve customers.", "Rollen din kan ikke betjene kunder.")


def _open_contact(s: Session, contact_id: int) -> Contact:
    contact = load_contact(s, contact_id)
    if contact.ended_at is not None:
        raise InvalidInput("This contact has ended: start a new one.", "Denne kontakten er avsluttet: start en ny.")
    return contact
