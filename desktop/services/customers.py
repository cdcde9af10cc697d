"""Opening a customer: the summary an agent sees first (name, masked contact, masked identity)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.domain.contact import format_phone, mask_email, mask_phone
from desktop.domain.roles import Actor, Permission
from desktop.errors import NotFound, PermissionDenied
from desktop.models import Address, Customer
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext


@dataclass(frozen=True)
class CustomerSummary:
    customer_id: int
    customer_number: str
    name: str
    masked_email: str
    masked_phone: str
    masked_national_id: str
    city: str
    country: str
    language: str
    restricted: bool

    @property
    def phone_display(self) -> str:
        return self.masked_phone


class CustomerService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx
        self.accounts = AccountService(ctx)

    def open_summary(self, actor: Actor, customer_id: int, *, reason: str | None = None,
                     request_id: int | None = None) -> CustomerSummary:
        if not actor.can(Permission.OPEN_CUSTOMER):
            raise PermissionDenied("Your role may not open customers.", "Rollen din kan ikke åpne kunder.")
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            c = s.get(Customer, customer_id)
            if c is None or c.erased_at is not None:
                raise NotFound(f"Customer {customer_id} does not exist.", f"Kunde {customer_id} finnes ikke.")
            city = s.execute(
                select(Address.city).where(Address.customer_id == c.id).order_by(Address.id).limit(1)
            ).scalar_one_or_none() or ""
            summary = CustomerSummary(
                customer_id=c.id, customer_number=c.customer_number, name=c.full_name,
                masked_email=mask_email(c.email) if c.email else "",
                masked_phone=mask_phone(c.phone_e164) if c.phone_e164 else "",
                masked_national_id=c.nid_masked or "", city=city, country=c.country, language=c.language,
                restricted=c.restricted,
            )
            self.ctx.audit.append(s, actor, action="open", data="summary", customer_id=c.id,
                                  reason=reason, request_id=request_id)
            return summary


__all__ = ["CustomerService", "CustomerSummary", "format_phone"]
