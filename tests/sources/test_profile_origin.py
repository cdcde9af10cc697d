"""The profile (and so the register copy) names the system a mirrored record came from, and when."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desktop.services.profile import ProfileService
from desktop.services.sync import SyncService
from desktop.services.verification import FileSmsGateway, SmtpMailer, VerificationService
from tests.helpers.clock import Clock


def test_a_synced_order_says_where_it_came_from(desk, agent, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    people = tmp_path / "shop.csv"
    people.write_text("source_key,first_name,last_name,email\nS1,Kari,Ødegård,kari@example.no\n", encoding="utf-8")
    orders = tmp_path / "orders.csv"
    orders.write_text("source_key,person_key,order_number,ordered_at,status,total_minor\n"
                      "O1,S1,900001,2026-03-01T10:00:00,open,49900\n", encoding="utf-8")
    svc = SyncService(desk)
    assert svc.import_file(people, "customer", system="nettbutikk").loaded
    assert svc.import_file(orders, "order", system="nettbutikk").loaded
    from sqlalchemy import select

    from desktop.models import Customer

    with desk.db.transaction() as s:
        kari = s.execute(select(Customer.id).where(Customer.email_norm == "kari@example.no")).scalar_one()
    clock = Clock(datetime(2026, 4, 10, 12, 0))
    mailer = SmtpMailer("127.0.0.1", 9, starttls=False, ssl=False, username=None, password=None, sender="a@b.no")
    verifier = VerificationService(desk, mailer=mailer, sms=FileSmsGateway(tmp_path / "sms"), clock=clock)
    contact = verifier.start_contact(agent, kari, "phone")
    verifier.verify_electronic_id(agent, contact.contact_id, "BankID", "tx-0001234")
    group = ProfileService(desk, clock=clock, tz=UTC).open_group(agent, kari, "purchase", contact.contact_id)
    (order,) = {t.record_kind: t for t in group.tables}["order"].rows
    assert order.origin.startswith("nettbutikk, ")
    assert "(fra nettbutikk, " in order.source  # the source column and the register copy show it
