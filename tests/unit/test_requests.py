"""Requests end to end through the service: filing, deadlines, the queue and every fulfilment path."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from desktop.domain.deadlines import DeadlineState
from desktop.domain.requests import Action, IdentityState, RequestState, RequestType, TransitionRefused
from desktop.domain.roles import Actor
from desktop.errors import InvalidInput, NotFound, PermissionDenied
from desktop.models import (
    AccessLogEntry,
    Address,
    CompetitionEntry,
    ContactMessage,
    CreditCheck,
    Customer,
    Delivery,
    DsrRequest,
    Favourite,
    FraudSignal,
    ItEnvironment,
    JobApplication,
    MarketingConsent,
    MarketingSuppression,
    Membership,
    Order,
    OrderLine,
    Payment,
    RecipientNotification,
    RectificationChange,
    ServiceCase,
)
from desktop.policy import load_policy
from desktop.services.context import DeskContext
from desktop.services.customers import CustomerService
from desktop.services.letters import LETTER_KINDS, LetterTemplateError, render_letter
from desktop.services.registry import contact_hash, purposes_for
from desktop.services.requests import (
    ConcurrentChange,
    DuplicateRequest,
    RequestService,
    portability_schema,
)
from desktop.services.search import SearchService

NOW = datetime(2026, 2, 10, 12, 0)


def service(desk: DeskContext, now: datetime = NOW, **kw: Any) -> RequestService:
    return RequestService(desk, clock=lambda: now, **kw)


@pytest.fixture
def svc(desk: DeskContext) -> RequestService:
    return service(desk)


@pytest.fixture
def kari(desk: DeskContext, people: dict[str, int]) -> int:
    """Kari with a history in every record kind, one address from the public register, consents."""
    cid: int = people["Ødegård"]
    p = desk.policy
    at = datetime(2025, 3, 1, 10, 0)

    def pur(kind: str) -> str:
        return purposes_for(p, kind)

    with desk.db.transaction() as s:
        order = Order(customer_id=cid, order_number="TP-1000001", ordered_at=at, completed_at=at, status="completed",
                      total_minor=129900, currency="NOK", purposes=pur("order"))
        s.add(order)
        s.flush()
        s.add_all([
            OrderLine(order_id=order.id, sku="TP-200000", product_name="Kaffetrakter", quantity=1,
                      unit_price_minor=129900, purposes=pur("order_line")),
            Delivery(order_id=order.id, customer_id=cid, carrier="Posten", recipient_name="Kari Ødegård",
                     street="Storgata 1", postcode="0150", city="Oslo", purposes=pur("delivery")),
            Payment(order_id=order.id, customer_id=cid, method="invoice", provider="Qliro", amount_minor=129900,
                    purposes=pur("payment"), source="payment_provider"),
            CreditCheck(customer_id=cid, order_id=order.id, checked_at=at, outcome="approved",
                        requested_method="invoice", purposes=pur("credit_check"), source="credit_bureaus"),
            FraudSignal(customer_id=cid, detected_at=at, kind="address_mismatch", description="SECRET-FRAUD-NOTE",
                        severity="low", purposes=pur("fraud_signal")),
            ItEnvironment(customer_id=cid, seen_at=at, ip_address="192.0.2.7", user_agent="Firefox",
                          purposes=pur("it_environment")),
            JobApplication(customer_id=cid, position="Butikkmedarbeider", submitted_at=at, cover_letter="Hei!",
                           status="received", purposes=pur("job_application")),
            ContactMessage(customer_id=cid, channel="email", received_at=at, from_address="kari.odegard@example.com",
                           subject="Spørsmål", body="Når kommer pakken?", purposes=pur("contact_message")),
            ServiceCase(customer_id=cid, case_number="SC-1", channel="phone", subject="Levering", opened_at=at,
                        status="closed", purposes=pur("service_case")),
            CompetitionEntry(customer_id=cid, competition="Vinn en TV", kind="competition", entered_at=at,
                             purposes=pur("competition_entry")),
            Address(customer_id=cid, kind="delivery", street="Registerveien 9", postcode="0151", city="Oslo",
                    purposes=pur("address"), source="public_address_register"),
        ])
        member = Membership(customer_id=cid, username="kari", password_hash="$argon2id$SECRET-HASH",
                            joined_at=at, profile_settings='{"theme": "dark"}', purposes=pur("membership"))
        s.add(member)
        s.flush()
        s.add(Favourite(membership_id=member.id, customer_id=cid, product_name="Espressomaskin", sku="TP-200113",
                        added_at=at, purposes=pur("favourite")))
        for channel, granted in (("email", True), ("sms", True), ("post", False)):
            s.add(MarketingConsent(customer_id=cid, channel=channel, granted=granted, changed_at=at, how="checkout",
                                   purposes=pur("marketing_consent")))
    return cid


def started(svc: RequestService, actor: Actor, rtype: str, cid: int, **kw: Any) -> int:
    view = svc.file(actor, rtype, cid, channel="email", **kw)
    svc.verify_identity(actor, view.id, note="one-time code to the registered e-mail")
    return view.id


def count_requests(desk: DeskContext) -> int:
    with desk.db.transaction() as s:
        return int(s.execute(select(func.count()).select_from(DsrRequest)).scalar_one())


# --- filing and deadlines -----------------------------------------------------------------------


@pytest.mark.parametrize(("received", "due"), [
    (date(2026, 1, 31), date(2026, 2, 28)),
    (date(2026, 3, 31), date(2026, 4, 30)),
    (date(2026, 11, 25), date(2026, 12, 25)),
    (date(2028, 1, 31), date(2028, 2, 29)),
])
def test_rulebook_deadlines_through_file(desk: DeskContext, people: dict[str, int], agent: Actor, received: date,
                                         due: date) -> None:
    svc = service(desk, datetime(2028, 12, 1, 12))
    view = svc.file(agent, "access", people["Sæther"], channel="letter", received_on=received)
    assert view.due_on == due == view.effective_due
    assert view.state is RequestState.RECEIVED and view.identity_state is IdentityState.UNVERIFIED
    assert view.received_at is None  # back-dated letter: only the day is known
    assert view.assigned_agent == "Agent Test" and view.filed_by == "Agent Test"


def test_roll_forward_setting_moves_christmas(desk: DeskContext, people: dict[str, int], agent: Actor) -> None:
    svc = service(desk, datetime(2026, 11, 25, 12), roll_forward=True)
    view = svc.file(agent, "access", people["Sæther"], channel="web")
    assert view.due_on == date(2026, 12, 28)  # 25th and 26th are holidays, 27th a Sunday
    assert view.received_at == datetime(2026, 11, 25, 12)


def test_future_received_date_is_refused_and_nothing_filed(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                           svc: RequestService) -> None:
    with pytest.raises(InvalidInput) as exc:
        svc.file(agent, "access", people["Sæther"], channel="letter", received_on=date(2026, 2, 11))
    assert "future" in exc.value.message and "fremtiden" in exc.value.message_nb
    assert count_requests(desk) == 0


def test_unknown_customer(desk: DeskContext, people: dict[str, int], agent: Actor, svc: RequestService) -> None:
    with pytest.raises(NotFound) as exc:
        svc.file(agent, "access", 999_999, channel="phone")
    assert "999999" in exc.value.message and "finnes ikke" in exc.value.message_nb
    assert count_requests(desk) == 0


def test_unknown_type_and_channel_list_the_valid_ones(people: dict[str, int], agent: Actor,
                                                      svc: RequestService) -> None:
    with pytest.raises(InvalidInput) as exc:
        svc.file(agent, "delete_me", people["Sæther"], channel="phone")
    assert "access" in exc.value.message and "withdraw_consent" in exc.value.message
    with pytest.raises(InvalidInput) as exc:
        svc.file(agent, "access", people["Sæther"], channel="fax")
    assert "counter" in exc.value.message


def test_duplicate_is_refused_or_flagged(desk: DeskContext, people: dict[str, int], agent: Actor,
                                         svc: RequestService) -> None:
    first = svc.file(agent, "access", people["Sæther"], channel="phone")
    with pytest.raises(DuplicateRequest) as exc:
        svc.file(agent, "access", people["Sæther"], channel="email")
    assert exc.value.existing_id == first.id and first.reference in exc.value.message
    assert count_requests(desk) == 1
    second = svc.file(agent, "access", people["Sæther"], channel="email", allow_duplicate=True)
    assert second.is_duplicate and second.duplicate_of_id == first.id
    assert not svc.file(agent, "portability", people["Sæther"], channel="email").is_duplicate
    svc.withdraw(agent, first.id, note="the person called back")
    svc.withdraw(agent, second.id)
    assert not svc.file(agent, "access", people["Sæther"], channel="email").is_duplicate


# --- moving through the machine -------------------------------------------------------------------


def test_access_request_end_to_end(desk: DeskContext, people: dict[str, int], agent: Actor,
                                   svc: RequestService) -> None:
    view = svc.file(agent, "access", people["Åsen"], channel="email", notes="asked by e-mail")
    ack = svc.acknowledgement(agent, view.id)
    assert view.reference in ack.subject and "28.02.2026" not in ack.body and "10.03.2026" in ack.body
    with pytest.raises(TransitionRefused, match="Verify"):
        svc.transition(agent, view.id, Action.START)
    view = svc.transition(agent, view.id, Action.VERIFY_IDENTITY, reason="BankID at the counter")
    assert view.identity_state is IdentityState.VERIFIED
    view = svc.transition(agent, view.id, "start")
    assert view.state is RequestState.IN_PROGRESS and Action.COMPLETE in view.allowed_actions
    view = svc.complete_access(agent, view.id, "Register copy (PDF, 12 pages) sent encrypted by e-mail",
                               sent_on=date(2026, 2, 9))
    assert view.state is RequestState.DONE and view.completion_channel == "email"
    assert view.completion_sent_on == date(2026, 2, 9) and view.days_left is None
    assert [e.action for e in view.history] == ["file", "verify_identity", "start", "complete"]
    assert view.letters[-1].kind == "completion" and "Register copy" in view.letters[-1].body
    with pytest.raises(TransitionRefused) as exc:
        svc.refuse(agent, view.id, "too late")
    assert exc.value.code == "terminal"


def test_refusal_needs_a_reason_and_names_datatilsynet(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                       svc: RequestService) -> None:
    view = svc.file(agent, "erasure", people["Nordmann"], channel="letter")
    for blank in ("", "  "):
        with pytest.raises(TransitionRefused) as exc:
            svc.refuse(agent, view.id, blank)
        assert exc.value.code == "reason_missing"
    assert svc.get(agent, view.id).state is RequestState.RECEIVED
    view = svc.refuse(agent, view.id, "The identity could not be confirmed after two letters.")
    assert view.state is RequestState.REFUSED and view.refusal_reason
    letter = view.letters[-1]
    assert letter.kind == "refusal" and "Datatilsynet" in letter.body and "datatilsynet.no" in letter.body
    assert "two letters" in letter.body


def test_database_refuses_a_refusal_without_reason(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                   svc: RequestService) -> None:
    view = svc.file(agent, "access", people["Nordmann"], channel="letter")
    with pytest.raises(IntegrityError), desk.db.transaction() as s:
        s.execute(text("UPDATE dsr_request SET state = 'refused' WHERE id = :id"), {"id": view.id})
    with pytest.raises(IntegrityError), desk.db.transaction() as s:
        s.execute(text("UPDATE dsr_request SET state = 'awaiting_approval' WHERE id = :id"), {"id": view.id})


def test_extension_within_first_month_and_its_notice(desk: DeskContext, people: dict[str, int], agent: Actor) -> None:
    rid = service(desk, datetime(2026, 2, 10, 12)).file(agent, "access", people["Åsen"], channel="email",
                                                          received_on=date(2026, 1, 31)).id
    svc = service(desk, datetime(2026, 2, 27, 12))
    with pytest.raises(TransitionRefused) as exc:
        svc.extend(agent, rid, "  ")
    assert exc.value.code == "reason_missing"
    result = svc.extend(agent, rid, "Twelve years of orders across two shops must be collected.")
    assert result.request.extended_until == date(2026, 4, 28) == result.request.effective_due
    assert "28.04.2026" in result.notice.body and "Twelve years" in result.notice.body
    assert "artikkel 12 nr. 3" in result.notice.body
    with pytest.raises(TransitionRefused) as exc:
        svc.extend(agent, rid, "again")
    assert exc.value.code == "already_extended"


def test_extension_refused_once_the_first_month_has_passed(desk: DeskContext, people: dict[str, int],
                                                           agent: Actor) -> None:
    rid = service(desk).file(agent, "access", people["Åsen"], channel="email", received_on=date(2026, 1, 31)).id
    with pytest.raises(TransitionRefused) as exc:
        service(desk, datetime(2026, 3, 1, 12)).extend(agent, rid, "complex")
    assert exc.value.code == "too_late" and "first month" in exc.value.message
    assert "første måneden" in exc.value.message_nb
    view = service(desk, datetime(2026, 3, 1, 12)).get(agent, rid)
    assert view.extended_until is None and view.deadline_state is DeadlineState.OVERDUE and view.days_left == -1


def test_identity_from_a_passed_identity_check(desk: DeskContext, people: dict[str, int], agent: Actor,
                                               svc: RequestService) -> None:
    from desktop.models import Contact, IdentityVerification

    cid, other = people["Åsen"], people["Sæther"]
    with desk.db.transaction() as s:
        contact = Contact(customer_id=cid, agent_id=agent.account_id, channel="phone", started_at=NOW)
        s.add(contact)
        s.flush()
        checks = {}
        for name, customer, outcome, expires in (
            ("passed", cid, "verified", datetime(2026, 2, 10, 13)), ("failed", cid, "failed", None),
            ("other", other, "verified", None), ("expired", cid, "verified", datetime(2026, 2, 10, 11)),
        ):
            check = IdentityVerification(contact_id=contact.id, customer_id=customer, method="questions",
                                         evidence="order TP-...001 + postcode", outcome=outcome,
                                         agent_id=agent.account_id, at=NOW, expires_at=expires)
            s.add(check)
            s.flush()
            checks[name] = check.id
    rid = svc.file(agent, "access", cid, channel="phone").id
    with pytest.raises(InvalidInput):
        svc.verify_identity(agent, rid)
    for bad in ("failed", "other", "expired"):
        with pytest.raises(InvalidInput):
            svc.verify_identity(agent, rid, verification_id=checks[bad])
    view = svc.verify_identity(agent, rid, verification_id=checks["passed"])
    assert view.identity_state is IdentityState.VERIFIED and "questions" in (view.history[-1].note or "")


def test_assign_to_a_colleague(desk: DeskContext, people: dict[str, int], agent: Actor, supervisor: Actor,
                               svc: RequestService) -> None:
    from desktop.services.accounts import AccountService

    rid = svc.file(agent, "access", people["Åsen"], channel="phone").id
    view = svc.assign(agent, rid, "supervisor")
    assert view.assigned_agent == "Supervisor Test" and view.history[-1].action == "assign"
    assert [r.request_id for r in svc.queue(supervisor, mine=True)] == [rid]
    AccountService(desk).set_disabled("agent2")
    with pytest.raises(InvalidInput):
        svc.assign(agent, rid, "agent2")
    assert svc.assign(agent, rid, None).assigned_agent == ""


def test_stale_screen_gets_a_concurrent_change(people: dict[str, int], agent: Actor, svc: RequestService) -> None:
    view = svc.file(agent, "access", people["Åsen"], channel="email")
    svc.verify_identity(agent, view.id, note="known voice", version=view.version)
    with pytest.raises(ConcurrentChange):
        svc.withdraw(agent, view.id, version=view.version)


def test_erasure_waits_for_its_plan(people: dict[str, int], agent: Actor, supervisor: Actor,
                                    svc: RequestService) -> None:
    rid = started(svc, agent, "erasure", people["Nordmann"])
    svc.transition(agent, rid, Action.START)
    view = svc.transition(agent, rid, Action.SUBMIT_FOR_APPROVAL)
    assert view.state is RequestState.AWAITING_APPROVAL
    with pytest.raises(TransitionRefused) as exc:
        svc.transition(supervisor, rid, Action.APPROVE)
    assert exc.value.code == "erasure_plan"
    with pytest.raises(TransitionRefused):
        svc.complete(supervisor, rid, "erased")
    with pytest.raises(TransitionRefused) as exc:
        svc.refuse(agent, rid, "no")
    assert exc.value.code == "role"
    assert svc.refuse(supervisor, rid, "Bookkeeping law holds every record.").state is RequestState.REFUSED


# --- the queue -----------------------------------------------------------------------------------


def test_queue_filters_counts_and_logging(desk: DeskContext, people: dict[str, int], agent: Actor,
                                          supervisor: Actor) -> None:
    svc = service(desk)
    old = svc.file(agent, "access", people["Åsen"], channel="letter", received_on=date(2026, 1, 5))
    soon = svc.file(supervisor, "portability", people["Sæther"], channel="web", received_on=date(2026, 1, 12))
    fresh = svc.file(agent, "rectification", people["Nordmann"], channel="phone")
    done = svc.file(agent, "access", people["Lindström"], channel="phone")
    svc.withdraw(agent, done.id)

    rows = svc.queue(agent)
    assert [r.request_id for r in rows] == [old.id, soon.id, fresh.id]
    first = rows[0]
    assert first.customer_name == "Bjørn Åsen" and first.due_on == date(2026, 2, 5)
    assert first.days_left == -5 and first.deadline_state is DeadlineState.OVERDUE
    assert rows[1].deadline_state is DeadlineState.DUE_SOON and rows[1].days_left == 2
    assert rows[2].deadline_state is DeadlineState.OK and rows[2].assigned_agent == "Agent Test"
    assert [r.request_id for r in svc.queue(agent, overdue_only=True)] == [old.id]
    assert [r.request_id for r in svc.queue(agent, mine=True)] == [old.id, fresh.id]
    assert [r.request_id for r in svc.queue(agent, agent="supervisor")] == [soon.id]
    assert [r.request_id for r in svc.queue(agent, types=["rectification"])] == [fresh.id]
    closed = svc.queue(agent, states=[RequestState.WITHDRAWN])
    assert [r.request_id for r in closed] == [done.id] and closed[0].days_left is None
    assert [r.request_id for r in svc.queue(agent, today=date(2026, 2, 20), overdue_only=True)] == [old.id, soon.id]
    with pytest.raises(NotFound):
        svc.queue(agent, agent="nobody")

    counts = svc.counts(agent)
    assert counts.open_total == 3 and counts.overdue == 1 and counts.due_soon == 1 and counts.mine_open == 2
    assert counts.by_state[RequestState.RECEIVED] == 3 and counts.by_state[RequestState.WITHDRAWN] == 1
    assert counts.open_by_type[RequestType.ACCESS] == 1 and counts.open_by_type[RequestType.ERASURE] == 0
    with desk.db.transaction() as s:
        logged = s.execute(select(AccessLogEntry).where(AccessLogEntry.action == "queue")).scalars().all()
        assert len(logged) == 7 and all("Åsen" not in (e.detail or "") for e in logged)


def test_get_shows_history_and_is_logged(desk: DeskContext, people: dict[str, int], agent: Actor,
                                         svc: RequestService) -> None:
    rid = started(svc, agent, "access", people["Åsen"])
    view = svc.get(agent, rid)
    assert [e.action for e in view.history] == ["file", "verify_identity"]
    assert view.history[1].from_state is RequestState.RECEIVED and view.history[1].note
    with desk.db.transaction() as s:
        entry = s.execute(select(AccessLogEntry).where(AccessLogEntry.action == "open")).scalar_one()
        assert entry.request_id == rid and entry.customer_id == people["Åsen"] and entry.data == "request"
    with pytest.raises(NotFound):
        svc.get(agent, 12345)


# --- rectification ---------------------------------------------------------------------------------


def test_rectification_end_to_end(desk: DeskContext, people: dict[str, int], agent: Actor, svc: RequestService) -> None:
    cid = people["Ødegård"]
    rid = svc.file(agent, "rectification", cid, channel="email").id
    with pytest.raises(TransitionRefused):  # identity first: a false rectification is an account takeover
        svc.rectify(agent, rid, {"email": "evil@example.com"})
    svc.verify_identity(agent, rid, note="one-time code")
    with pytest.raises(InvalidInput):
        svc.rectify(agent, rid, {"email": "not-an-address"})
    with pytest.raises(InvalidInput):
        svc.rectify(agent, rid, {"national_id": "x"})
    view = svc.rectify(agent, rid, {"email": "kari.ny@example.com", "phone": "+47 987 65 432",
                                    "last_name": "Ødegård-Berg", "street": "Nygata 2"})
    assert view.state is RequestState.DONE
    assert {c.field for c in view.changes} == {"email", "phone", "last_name", "street"}
    by_field = {c.field: c for c in view.changes}
    assert by_field["email"].before_masked == "k***@e***.com" and by_field["email"].after_masked == "k***@e***.com"
    assert by_field["last_name"].after_masked == "Ø***"
    assert by_field["phone"].after_masked.endswith("432") and "987" not in by_field["phone"].after_masked
    with desk.db.transaction() as s:
        c = s.get(Customer, cid)
        assert c is not None and c.email_norm == "kari.ny@example.com" and c.phone_e164 == "+4798765432"
        assert c.last_name == "Ødegård-Berg"
        stored = " ".join(f"{x.before_masked} {x.after_masked}" for x in s.execute(select(RectificationChange))
                          .scalars())
        log = " ".join(e.detail or "" for e in s.execute(select(AccessLogEntry)).scalars())
    for clear in ("kari.ny", "kari.odegard", "987 65", "Nygata", "Storgata", "Ødegård-Berg", "Berg"):
        assert clear not in stored and clear not in log
    hits = SearchService(desk).search(agent, "berg kari").hits
    assert [h.customer_id for h in hits] == [cid]

    expected = [r.key for r in desk.policy.recipients_for(record_kinds=["customer", "address"])]
    assert [n.recipient_key for n in view.notifications] == expected
    qliro = next(n for n in view.notifications if n.recipient_key == "qliro")
    assert "kari.ny@example.com" in qliro.body_nb and "Nygata 2" in qliro.body_en and "artikkel 19" in qliro.subject_nb
    names = [r.name for r in svc.recipients_for_request(rid)]
    assert "Qliro" in names and "Transport / frakt" in names and len(names) == len(expected)
    assert not any(r.sent for r in svc.recipients_for_request(rid))
    svc.mark_notification_sent(agent, qliro.id)
    assert next(r for r in svc.recipients_for_request(rid) if r.key == "qliro").sent
    assert "e-postadresse" in view.letters[-1].body and "Qliro" in view.letters[-1].body


def test_rectification_without_changes_changes_nothing(desk: DeskContext, people: dict[str, int], agent: Actor,
                                                       svc: RequestService) -> None:
    rid = started(svc, agent, "rectification", people["Sæther"])
    with pytest.raises(InvalidInput, match="Nothing to change"):
        svc.rectify(agent, rid, {"email": "PER.SAETHER@example.net"})
    assert svc.get(agent, rid).state is RequestState.IDENTITY_VERIFIED


# --- restriction ---------------------------------------------------------------------------------


def test_restriction_lift_needs_a_notice_first(desk: DeskContext, kari: int, agent: Actor, svc: RequestService) -> None:
    rid = started(svc, agent, "restriction", kari)
    view = svc.restrict(agent, rid)
    assert view.state is RequestState.DONE and view.active_restrictions > 10 and view.customer_restricted
    assert CustomerService(desk).open_summary(agent, kari).restricted
    assert {n.kind for n in view.notifications} == {"restriction"}
    assert not svc.is_marketable(kari, "email")

    with pytest.raises(InvalidInput) as exc:
        svc.lift_restriction(agent, rid, date(2026, 2, 10))
    assert "Art. 18(3)" in exc.value.message and "varsel" in exc.value.message_nb
    letter = svc.record_lift_notice(agent, rid, reason="The accuracy check is finished.", lift_on=date(2026, 2, 24))
    assert "24.02.2026" in letter.body and "artikkel 18 nr. 3" in letter.body
    with pytest.raises(InvalidInput):
        svc.lift_restriction(agent, rid, date(2026, 2, 9))
    view = svc.lift_restriction(agent, rid, date(2026, 2, 10))
    assert view.active_restrictions == 0 and not view.customer_restricted
    assert "restriction_lifted" in {n.kind for n in view.notifications}
    assert svc.is_marketable(kari, "email")
    with desk.db.transaction() as s:
        assert s.execute(select(func.count()).select_from(FraudSignal).where(FraudSignal.restricted)).scalar() == 0


def test_restriction_per_purpose_notifies_only_its_recipients(desk: DeskContext, kari: int, agent: Actor,
                                                              svc: RequestService) -> None:
    rid = started(svc, agent, "restriction", kari, purposes=["job_application"])
    view = svc.restrict(agent, rid)
    assert view.active_restrictions == 1 and not view.customer_restricted  # the customer row serves 7 purposes
    assert [n.recipient_key for n in view.notifications] == ["it_services"]
    assert [r.name for r in svc.recipients_for_request(rid)] == ["IT-tjenester"]
    with desk.db.transaction() as s:
        assert s.execute(select(JobApplication.restricted)).scalar_one()
        assert not s.execute(select(ContactMessage.restricted)).scalar_one()
    other = started(svc, agent, "restriction", people_id := kari, purposes=["competitions"], allow_duplicate=True)
    assert svc.restrict(agent, other).active_restrictions == 1
    assert people_id == kari


def test_lifting_one_restriction_keeps_records_another_request_restricts(desk: DeskContext, kari: int, agent: Actor,
                                                                         svc: RequestService) -> None:
    restriction = started(svc, agent, "restriction", kari)
    svc.restrict(agent, restriction)
    consent = started(svc, agent, "withdraw_consent", kari)
    svc.withdraw_consent(agent, consent)
    svc.record_lift_notice(agent, restriction, reason="Accuracy confirmed.", lift_on=date(2026, 2, 20))
    svc.lift_restriction(agent, restriction, date(2026, 2, 10))
    with desk.db.transaction() as s:
        assert s.execute(select(JobApplication.restricted)).scalar_one()  # still under the consent withdrawal
        assert not s.execute(select(Order.restricted)).scalar_one()
        assert not s.execute(select(ContactMessage.restricted)).scalar_one()


# --- objections ------------------------------------------------------------------------------------


def test_marketing_objection_takes_effect_at_once(desk: DeskContext, kari: int, agent: Actor,
                                                  svc: RequestService) -> None:
    assert svc.is_marketable(kari, "email") and svc.is_marketable(kari, "sms")
    view = svc.file(agent, "objection_direct_marketing", kari, channel="phone", marketing_channel="email")
    assert view.state is RequestState.DONE and view.identity_state is IdentityState.NOT_REQUIRED
    assert [e.action for e in view.history] == ["file", "start", "object_marketing", "complete"]
    assert not svc.is_marketable(kari, "email") and svc.is_marketable(kari, "sms")
    with desk.db.transaction() as s:
        consent = s.execute(select(MarketingConsent).where(MarketingConsent.channel == "email")).scalar_one()
        assert not consent.granted and consent.how == "objection"
        suppression = s.execute(select(MarketingSuppression)).scalar_one()
        assert suppression.channel == "email" and suppression.request_id == view.id
        assert suppression.contact_hash == contact_hash(desk.keys, "email", "kari.odegard@example.com")
    assert "e-post" in view.letters[-1].body and "Ordre" in view.letters[-1].body
    everything = svc.file(agent, "objection_direct_marketing", kari, channel="web")
    assert everything.marketing_channel == "all"
    assert not svc.is_marketable(kari, "sms") and not svc.is_marketable(kari, "post")
    with desk.db.transaction() as s:
        assert s.execute(select(func.count()).select_from(MarketingSuppression)).scalar() == 3


def test_legitimate_interest_objection_upheld_by_a_supervisor(desk: DeskContext, kari: int, agent: Actor,
                                                              supervisor: Actor, svc: RequestService) -> None:
    rid = started(svc, agent, "objection_legitimate_interest", kari)
    svc.transition(agent, rid, Action.START)
    svc.transition(agent, rid, Action.SUBMIT_FOR_APPROVAL)
    with pytest.raises(PermissionDenied):
        svc.decide_objection(agent, rid, True, "I agree")
    with pytest.raises(InvalidInput):
        svc.decide_objection(supervisor, rid, True, " ")
    with pytest.raises(InvalidInput, match="legitimate interest"):
        svc.decide_objection(supervisor, rid, True, "ok", purposes=["purchase"])
    view = svc.decide_objection(supervisor, rid, True, "No overriding interest in keeping her case notes.")
    assert view.state is RequestState.DONE and view.decision == "upheld" and view.decided_by == "Supervisor Test"
    assert set(view.scope_purposes) == {"customer_service", "competitions"}
    with desk.db.transaction() as s:
        assert s.execute(select(ServiceCase.restricted)).scalar_one()
        assert s.execute(select(CompetitionEntry.restricted)).scalar_one()
        assert not s.execute(select(Customer.restricted).where(Customer.id == kari)).scalar_one()
    assert {n.kind for n in view.notifications} == {"objection_upheld"}
    assert "overriding" in view.letters[-1].body


def test_legitimate_interest_objection_not_upheld_records_grounds(desk: DeskContext, kari: int, agent: Actor,
                                                                  supervisor: Actor, svc: RequestService) -> None:
    rid = started(svc, agent, "objection_legitimate_interest", kari)
    svc.transition(agent, rid, Action.START)
    view = svc.transition(supervisor, rid, Action.REJECT, reason="Open warranty claim needs the case history.")
    assert view.state is RequestState.DONE and view.decision == "not_upheld"
    assert view.decision_grounds == "Open warranty claim needs the case history."
    assert "tvingende" in (view.completion_summary or "") and view.active_restrictions == 0
    with desk.db.transaction() as s:
        assert not s.execute(select(ServiceCase.restricted)).scalar_one()


# --- consent withdrawal --------------------------------------------------------------------------


def test_consent_withdrawal(desk: DeskContext, kari: int, agent: Actor, svc: RequestService) -> None:
    rid = started(svc, agent, "withdraw_consent", kari)
    with pytest.raises(InvalidInput, match="consent"):
        svc.withdraw_consent(agent, rid, purposes=["purchase"])
    view = svc.withdraw_consent(agent, rid)
    assert view.state is RequestState.DONE and set(view.scope_purposes) == {"job_application", "contact"}
    assert "artikkel 7 nr. 3" in (view.completion_summary or "")
    assert "kept=4" in (view.history[-2].note or "")  # customer, two addresses, the contact message
    with desk.db.transaction() as s:
        assert s.execute(select(JobApplication.restricted)).scalar_one()
        # The contact message also serves customer service (legitimate interest): kept for that.
        assert not s.execute(select(ContactMessage.restricted)).scalar_one()
        assert not s.execute(select(Order.restricted)).scalar_one()
        assert not any(s.execute(select(MarketingConsent.granted)).scalars())
    assert not svc.is_marketable(kari, "email")


# --- portability ---------------------------------------------------------------------------------


def test_portability_zip(desk: DeskContext, kari: int, agent: Actor, svc: RequestService) -> None:
    rid = started(svc, agent, "portability", kari)
    with pytest.raises(TransitionRefused) as exc:
        svc.complete(agent, rid, "sent")
    assert exc.value.code == "not_fulfilled"
    with desk.db.transaction() as s:  # a restricted record stays in the person's own copy, flagged
        s.execute(select(Favourite)).scalar_one().restricted = True
    data = svc.export_portability(agent, rid)
    archive = zipfile.ZipFile(io.BytesIO(data))
    schema = portability_schema()
    names = set(archive.namelist())
    assert {"README.txt", "schema.json", "data.json"} <= names
    assert {f"{t}.csv" for t in schema["tables"]} <= names
    assert json.loads(archive.read("schema.json")) == schema
    doc = json.loads(archive.read("data.json"))
    tables = doc["tables"]
    assert doc["format"] == "gdpr-desk-portability" and doc["data_subject"] == {"customer_number": "K1000000"}
    assert tables["customer"][0]["last_name"] == "Ødegård" and "nid" not in json.dumps(tables["customer"])
    assert [a["street"] for a in tables["addresses"]] == ["Storgata 1"]  # not the public-register one
    assert tables["orders"][0]["order_number"] == "TP-1000001" and tables["orders"][0]["ordered_at"].endswith("Z")
    assert tables["order_lines"][0]["order_number"] == "TP-1000001"
    assert tables["membership"][0]["profile_settings"] == {"theme": "dark"}
    assert "password_hash" not in tables["membership"][0]
    assert tables["favourites"][0]["restricted"] is True and tables["orders"][0]["restricted"] is False
    assert len(tables["job_applications"]) == 1 and len(tables["contact_messages"]) == 1
    assert len(tables["marketing_consents"]) == 3
    for table, spec in schema["tables"].items():
        rows = list(csv.DictReader(io.StringIO(archive.read(spec["csv"]).decode("utf-8"))))
        assert len(rows) == len(tables[table])
        assert list(rows[0].keys()) == [f["name"] for f in spec["fields"]]
    favourite = next(csv.DictReader(io.StringIO(archive.read("favourites.csv").decode())))
    assert favourite["restricted"] == "true"
    everything = b"".join(archive.read(n) for n in names)
    for absent in (b"SECRET-FRAUD-NOTE", b"SECRET-HASH", b"192.0.2.7", b"Registerveien", b"Qliro", b"Posten"):
        assert absent not in everything
    view = svc.complete(agent, rid, "Zip sent as an encrypted e-mail attachment", sent_via="email")
    assert view.state is RequestState.DONE and [e.action for e in view.history][-2:] == ["export", "complete"]


def test_schema_document_matches_the_export() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "portability-schema.md").read_text(encoding="utf-8")
    for table, spec in portability_schema()["tables"].items():
        assert f"### `{table}`" in doc
        for f in spec["fields"]:
            assert f"| `{f['name']}` | {f['type']} |" in doc


# --- letters -------------------------------------------------------------------------------------

LETTER_FIELDS: dict[str, Any] = {
    "name": "Kari Ødegård", "reference": "GDPR-000001", "right": "Rett til innsyn", "article": "15",
    "received_date": date(2026, 1, 31), "due_date": date(2026, 2, 28), "extended_date": date(2026, 4, 28),
    "extension_reason": "Many records", "refusal_reason": "Reason $name {x}", "outcome": "Done.",
    "lift_date": date(2026, 3, 1), "reason": "Checked.", "recipient_name": "Qliro", "person_name": "Kari",
    "customer_number": "K1", "change": "Changed:", "details": "- E-mail",
}


@pytest.mark.parametrize("kind", LETTER_KINDS)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_letter_renders_in_both_languages(kind: str, lang: str) -> None:
    letter = render_letter(kind, lang, policy=load_policy(), **LETTER_FIELDS)
    assert letter.subject and "$" not in letter.subject
    assert "$" not in letter.body.replace("Reason $name", "")
    assert "TP E-commerce Norway" in letter.body and "931502107" in letter.body
    if kind in ("refusal", "extension", "completion", "restriction_lift_notice"):
        assert "Datatilsynet" in letter.body
    if kind == "refusal":
        assert "Reason $name {x}" in letter.body
    if kind == "extension":
        assert ("28.04.2026" if lang == "nb" else "28 April 2026") in letter.body


def test_letter_with_a_missing_field_is_an_error() -> None:
    with pytest.raises(LetterTemplateError, match="refusal_reason"):
        render_letter("refusal", "nb", name="x", reference="r", right="r", received_date="d")
    with pytest.raises(LetterTemplateError):
        render_letter("refusal", "sv")


def test_access_log_still_verifies_and_holds_no_names(desk: DeskContext, kari: int, agent: Actor, supervisor: Actor,
                                                      svc: RequestService) -> None:
    rid = started(svc, agent, "rectification", kari)
    svc.rectify(agent, rid, {"first_name": "Katrine"})
    svc.file(agent, "objection_direct_marketing", kari, channel="email")
    restriction = started(svc, agent, "restriction", kari)
    svc.restrict(agent, restriction)
    with desk.db.transaction() as s:
        assert desk.audit.verify(s).ok
        details = " ".join(f"{e.detail} {e.reason}" for e in s.execute(select(AccessLogEntry)).scalars())
        notices = s.execute(select(func.count()).select_from(RecipientNotification)).scalar()
    assert notices and "Katrine" not in details and "Ødegård" not in details and "Kari" not in details
