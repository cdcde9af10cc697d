"""The right to rectification (Art. 16), with its notices to recipients (Art. 19)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.contact import normalize_email, normalize_phone
from desktop.domain.requests import (
    RequestType,
)
from desktop.domain.roles import Actor
from desktop.errors import InvalidInput, NotFound
from desktop.models import (
    Address,
    Customer,
    RectificationChange,
)
from desktop.services.registry import purposes_for, reindex_customer
from desktop.services.requests.base import RequestCore
from desktop.services.requests.parsing import (
    mask_field,
)
from desktop.services.requests.texts import (
    FIELD_LABELS,
    RECTIFIABLE_FIELDS,
)
from desktop.services.requests.views import (
    RequestView,
)


class RectificationMixin(RequestCore):
    """Art. 16: correct the person's data and tell those who received it."""

    def rectify(self, actor: Actor, request_id: int, changes: dict[str, str], *, address_id: int | None = None,
                complete: bool = True, version: int | None = None) -> RequestView:
        """Correct name, e-mail, phone or address; before/after kept masked; recipients notified."""
        unknown = sorted(set(changes) - RECTIFIABLE_FIELDS.keys())
        if unknown:
            raise InvalidInput(
                f"Cannot rectify {', '.join(unknown)}: the fields are {', '.join(RECTIFIABLE_FIELDS)}.",
                f"Kan ikke rette {', '.join(unknown)}: feltene er {', '.join(RECTIFIABLE_FIELDS)}.",
            )
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id, version)
            self._require_type(req, RequestType.RECTIFICATION)
            customer = w.customer(req.customer_id)
            w.ensure_started(req)
            address = self._address_for(s, customer, address_id, changes)
            if address is None and any(RECTIFIABLE_FIELDS[f] == "address" for f in changes):
                raise NotFound("The customer has no address to rectify.", "Kunden har ingen adresse å rette.")
            applied: list[tuple[str, int, str, str, str, str]] = []  # kind, id, field, before, after, new clear
            for field, raw in changes.items():
                new = self._clean_value(field, raw, customer.country)
                kind = RECTIFIABLE_FIELDS[field]
                target: Any = customer if kind == "customer" else address
                old = getattr(target, field)
                if field == "email" and normalize_email(old or "") == new:
                    continue
                if old == new:
                    continue
                setattr(target, field, new)
                if field == "email":
                    customer.email_norm = new
                if field == "phone":
                    customer.phone_e164 = normalize_phone(new, customer.country)
                if target.id is None:
                    s.flush()
                applied.append((kind, target.id, field, mask_field(field, old, customer.country),
                                mask_field(field, new, customer.country), new))
            if not applied:
                raise InvalidInput("Nothing to change: the new values equal the stored ones.",
                                   "Ingenting å endre: de nye verdiene er like de lagrede.")
            if any(f in ("first_name", "last_name") for _, _, f, *_ in applied):
                reindex_customer(s, customer)
            now = self.clock()
            for kind, record_id, field, before, after, _ in applied:
                s.add(RectificationChange(request_id=req.id, record_kind=kind, record_id=record_id, field=field,
                                          before_masked=before, after_masked=after, at=now,
                                          actor_id=actor.account_id))
            details: dict[str, dict[str, list[str]]] = {}
            for kind, _, field, _, _, new in applied:
                for lang in ("nb", "en"):
                    details.setdefault(kind, {"nb": [], "en": []})[lang].append(
                        f"{FIELD_LABELS[lang][field]}: {new}")
            notices = self._notify_recipients(s, req, customer, "rectification", details)
            fields = ", ".join(f for _, _, f, *_ in applied)
            masked = "; ".join(f"{f}: {b} -> {a}" for _, _, f, b, a, _ in applied)
            w.event(req, "rectify", f"{fields}; {len(notices)} recipient notices")
            if complete:
                labels = {lang: ", ".join(FIELD_LABELS[lang][f].lower() for _, _, f, *_ in applied)
                          for lang in ("nb", "en", "sv")}
                outcome = {
                    "nb": f"Vi har rettet disse opplysningene: {labels['nb']}. Mottakere som har fått "
                          f"opplysningene, er varslet: {self._recipient_names(notices, 'nb')}.",
                    "en": f"We have rectified: {labels['en']}. Recipients who received the data have been "
                          f"notified: {self._recipient_names(notices, 'en')}.",
                    "sv": f"Vi har rättat följande uppgifter: {labels['sv']}. Mottagare som har fått uppgifterna "
                          f"har underrättats: {self._recipient_names(notices, 'sv')}.",
                }
                self._complete(w, req, customer, summary=outcome["nb"], outcome=outcome)
            w.flush(req)
            w.audit(req, "request_rectify", masked, data="customer_contact")
            return self._view(s, actor, req)

    def _address_for(self, s: Session, customer: Customer, address_id: int | None,
                     changes: dict[str, str]) -> Address | None:
        wants = {f for f in changes if RECTIFIABLE_FIELDS.get(f) == "address"}
        if address_id is not None:
            address = s.get(Address, address_id)
            if address is None or address.customer_id != customer.id:
                raise NotFound(f"Address {address_id} is not one of this customer's.",
                               f"Adresse {address_id} tilhører ikke denne kunden.")
            return address
        existing = s.execute(select(Address).where(Address.customer_id == customer.id)
                             .order_by((Address.kind != "home"), Address.id).limit(1)).scalar_one_or_none()
        if existing is not None or not wants:
            return existing
        if wants != {"street", "postcode", "city"}:
            raise InvalidInput(
                "The customer has no address yet: give street, postcode and city to add one.",
                "Kunden har ingen adresse ennå: oppgi gate, postnummer og poststed for å legge den til.",
            )
        # Completing incomplete data is rectification too (Art. 16, second sentence).
        address = Address(customer_id=customer.id, kind="home", street="", postcode="", city="",
                          country=customer.country, purposes=purposes_for(self.ctx.policy, "address"),
                          source="data_subject", collected_at=self.clock())
        s.add(address)
        return address

    @staticmethod
    def _clean_value(field: str, raw: str, country: str) -> str:
        value = " ".join(str(raw).split())
        if not value:
            raise InvalidInput(f"The new value for {field} is empty.", f"Den nye verdien for {field} er tom.")
        limits = {"first_name": 100, "last_name": 100, "street": 200, "postcode": 10, "city": 100}
        if field == "email":
            email = normalize_email(value)
            if email is None:
                raise InvalidInput(f"'{value}' is not an e-mail address.", f"'{value}' er ikke en e-postadresse.")
            return email
        if field == "phone":
            if normalize_phone(value, country) is None:
                raise InvalidInput(f"'{value}' is not a valid phone number.", f"'{value}' er ikke et gyldig "
                                   "telefonnummer.")
            return value
        if len(value) > limits[field]:
            raise InvalidInput(f"{field} is longer than {limits[field]} characters.",
                               f"{field} er lenger enn {limits[field]} tegn.")
        return value
