"""Customer histories for tests: orders with deliveries, and a record of every kind the policy names."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.models import (
    CaseMessage,
    CompetitionEntry,
    ContactMessage,
    CreditCheck,
    Delivery,
    Favourite,
    FraudSignal,
    ItEnvironment,
    MarketingConsent,
    Membership,
    Order,
    OrderLine,
    Payment,
    ServiceCase,
)
from desktop.services.context import DeskContext
from desktop.services.registry import purposes_for


def add_orders(desk: DeskContext, customer_id: int, *, n: int = 3, street: str = "Storgata 1", postcode: str = "0150",
               city: str = "Oslo", total: int = 129900) -> list[str]:
    """Orders with deliveries, newest last; returns the order numbers."""
    numbers: list[str] = []
    with desk.db.transaction() as s:
        for i in range(n):
            at = datetime(2026, 1, 5, 10, 30) - timedelta(days=n - i)
            number = f"TP-{1000000 + customer_id * 1000 + i}"
            order = Order(customer_id=customer_id, order_number=number, ordered_at=at,
                          completed_at=at + timedelta(days=3), status="completed", channel="web",
                          total_minor=total + i * 100, currency="NOK", purposes=purposes_for(desk.policy, "order"),
                          collected_at=at, source="data_subject")
            s.add(order)
            s.flush()
            s.add(Delivery(order_id=order.id, customer_id=customer_id, carrier="Posten", tracking_number=f"70{i}",
                           recipient_name="X", street=street, postcode=postcode, city=city, country="NO",
                           shipped_at=at + timedelta(days=1), delivered_at=at + timedelta(days=2),
                           purposes=purposes_for(desk.policy, "delivery"), collected_at=at, source="data_subject"))
            numbers.append(number)
    return numbers


def add_history(desk: DeskContext, cid: int, *, held: bool = True) -> None:
    """Something of every kind; with `held`, a recent order that bookkeeping law keeps."""
    p = desk.policy

    def pur(kind: str) -> str:
        return purposes_for(p, kind)

    old = datetime(2015, 3, 1, 10, 0)
    recent = datetime(2025, 3, 1, 10, 0)
    with desk.db.transaction() as s:
        orders = []
        for number, at in (("TP-1", old), ("TP-2", recent)) if held else (("TP-1", old),):
            o = Order(customer_id=cid, order_number=f"{number}-{cid}", ordered_at=at, completed_at=at,
                      status="completed", total_minor=129900, purposes=pur("order"))
            s.add(o)
            s.flush()
            orders.append(o)
            s.add_all([
                OrderLine(order_id=o.id, sku="TP-200000", product_name="Kaffetrakter", quantity=1,
                          unit_price_minor=129900, purposes=pur("order_line"), collected_at=at),
                Delivery(order_id=o.id, customer_id=cid, carrier="Posten", recipient_name="Kari Ødegård",
                         street="Storgata 1", postcode="0150", city="Oslo", delivered_at=at, shipped_at=at,
                         purposes=pur("delivery"), collected_at=at),
                Payment(order_id=o.id, customer_id=cid, method="invoice", provider="Qliro", amount_minor=129900,
                        paid_at=at, purposes=pur("payment"), source="payment_provider", collected_at=at),
                CreditCheck(customer_id=cid, order_id=o.id, checked_at=at, outcome="approved",
                            requested_method="invoice", purposes=pur("credit_check"), source="credit_bureaus",
                            collected_at=at),
            ])
        case = ServiceCase(customer_id=cid, case_number=f"SC-{cid}", channel="phone", subject="Levering",
                           notes="Kari ringte om pakken", opened_at=old, closed_at=old, status="closed",
                           purposes=pur("service_case"), collected_at=old)
        s.add(case)
        s.flush()
        member = Membership(customer_id=cid, username=f"kari{cid}", password_hash="$argon2id$x", joined_at=old,
                            ended_at=old, profile_settings="{}", purposes=pur("membership"), collected_at=old)
        s.add(member)
        s.flush()
        s.add_all([
            CaseMessage(case_id=case.id, customer_id=cid, direction="in", sent_at=old, author="Kari Ødegård",
                        body="Hvor er pakken min?", purposes=pur("case_message"), collected_at=old),
            FraudSignal(customer_id=cid, detected_at=old, kind="address_mismatch", description="SECRET-FRAUD-NOTE",
                        severity="low", purposes=pur("fraud_signal"), collected_at=old),
            ItEnvironment(customer_id=cid, seen_at=old, ip_address="192.0.2.7", user_agent="Firefox",
                          purposes=pur("it_environment"), collected_at=old),
            ContactMessage(customer_id=cid, channel="email", received_at=old, closed_at=old,
                           from_address="kari.odegard@example.com", subject="Spørsmål", body="Når kommer pakken?",
                           purposes=pur("contact_message"), collected_at=old),
            CompetitionEntry(customer_id=cid, competition="Vinn en TV", kind="competition", entered_at=old,
                             ends_at=old, submission="Mitt bidrag", purposes=pur("competition_entry"),
                             collected_at=old),
            Favourite(membership_id=member.id, customer_id=cid, product_name="Espressomaskin", sku="TP-200113",
                      added_at=old, purposes=pur("favourite"), collected_at=old),
            MarketingConsent(customer_id=cid, channel="email", granted=True, changed_at=old, how="checkout",
                             purposes=pur("marketing_consent"), collected_at=old),
        ])
