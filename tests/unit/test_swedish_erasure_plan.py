"""The erasure plan in Swedish: titles, record kinds and reasons, without touching the fingerprint.

The approval binds to the plan's fingerprint, so a Swedish text in the view must never reach the
hash: a plan approved from an English or Bokmål screen has to be the same plan in Swedish.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from desktop.domain.erasure import KeepReason, PlanDecision, PlanItem, fingerprint, group_by_purpose
from desktop.domain.retention import bookkeeping_hold
from desktop.services.erasure import ErasureService, PlanView
from desktop.services.requests import RequestService
from tests.helpers.desks import login
from tests.helpers.records import add_history

from .test_erasure import NOW


def _planned(desk: Any, agent: Any, cid: int, now: datetime = NOW) -> tuple[int, PlanView]:
    requests, erasure = RequestService(desk, clock=lambda: now), ErasureService(desk, clock=lambda: now)
    rid = int(requests.file(agent, "erasure", cid, channel="email").id)
    requests.verify_identity(agent, rid, note="one-time code to the registered e-mail")
    erasure.make_plan(agent, rid)
    return rid, erasure.get_plan(agent, rid)


def test_the_plan_view_reads_in_swedish(desk: Any, people: dict[str, int], agent: Any) -> None:
    cid = people["Ødegård"]
    add_history(desk, cid)
    _, plan = _planned(desk, agent, cid)

    purchase = plan.sections[0]
    assert (purchase.number, purchase.title("sv")) == (1, "Beställning / köp")
    assert purchase.title("nb") == purchase.title("no-NO") == "Bestilling / kjøp"
    assert purchase.title("en") == purchase.title("de") == "Order / purchase"
    # Every section title is the policy's own Swedish one.
    for sec in plan.sections:
        assert sec.title("sv") == desk.policy.purpose(sec.purpose).title["sv"]

    order = next(ln for ln in purchase.restrict if ln.kind == "order")
    assert order.kind_label("sv") == "Beställning" and order.kind_label("en") == "Order"
    assert order.reason("sv").startswith("begränsas och sparas till 2030-12-31 på grund av Norska bokföringslagen")
    assert order.reason("en").startswith("restricted and kept until 2030-12-31")
    assert order.reason("nb").startswith("begrenses og lagres til 31.12.2030")

    lines = [ln for sec in plan.sections for ln in (*sec.erase, *sec.restrict, *sec.keep)]
    assert any(ln.decision is PlanDecision.ERASE and ln.reason("sv") == "raderas nu" for ln in lines)
    # Nothing in a Swedish plan falls back to English (all record kinds have Swedish labels).
    assert all(ln.reason("sv") != ln.reason("en") and ln.kind_label("sv") for ln in lines)
    assert {ln.kind_label("sv") for ln in lines} >= {"Beställning", "Orderrad"}

    text = plan.describe("sv")
    assert text.splitlines()[0] == (f"Raderingsplan {plan.reference} (kund {plan.customer_number}), "
                                    f"fingeravtryck {plan.fingerprint}")
    assert "§1 Beställning / köp" in text
    assert "  Begränsas: Beställning x1: begränsas och sparas till 2030-12-31 på grund av " in text
    assert "Restricted" not in text and "Slettes" not in text
    # Bokmål and English read as before.
    assert plan.describe("nb").splitlines()[0].startswith(f"Sletteplan {plan.reference} (kunde ")
    assert "  Begrenses: Bestilling x1: begrenses og lagres til 31.12.2030" in plan.describe("nb")


def test_one_plan_has_one_fingerprint_in_every_language(desk: Any, people: dict[str, int], agent: Any) -> None:
    cid = people["Ødegård"]
    add_history(desk, cid)
    rid, plan = _planned(desk, agent, cid)
    assert plan.stored_fingerprint == plan.fingerprint and not plan.stale
    heads = {lang: plan.describe(lang).splitlines()[0] for lang in ("nb", "en", "sv")}
    assert all(h.endswith(f" {plan.fingerprint}") for h in heads.values()), heads
    assert len(set(heads.values())) == 3  # three languages, one fingerprint

    # A supervisor approves with the fingerprint a Swedish screen showed: it is the stored plan's.
    boss = login(desk, "supervisor")
    approval = ErasureService(desk, clock=lambda: NOW).approve(boss, rid, "demo", plan.fingerprint)
    assert approval.decision == "approved" and approval.plan_fingerprint == plan.fingerprint


def test_the_fingerprint_hashes_decisions_and_data_never_texts() -> None:
    """Pinned against the hash the plan had before Swedish reasons existed: an approval made then
    still names the same plan."""
    hold = bookkeeping_hold(date(2025, 3, 1), "no-bokforingsloven")
    items = [
        PlanItem(kind="order", record_id=7, decision=PlanDecision.RESTRICT, purposes=("purchase",), holds=(hold,),
                 until=hold.until, content_hash="a" * 64),
        PlanItem(kind="service_case", record_id=3, decision=PlanDecision.ERASE, purposes=("customer_service",),
                 content_hash="b" * 64),
        PlanItem(kind="marketing_consent", record_id=9, decision=PlanDecision.KEEP, purposes=("marketing",),
                 keep_reason=KeepReason.NOT_DUE, due=date(2027, 1, 1), content_hash="c" * 64),
    ]
    assert fingerprint(items, None) == "2d0815f950c745203d7983a72de3c650faec706cf2339754421bc9e6067dc9f6"

    groups = {g.purpose: g for g in group_by_purpose(items)}
    (held,) = groups["purchase"].restrict
    assert held.reason_sv == items[0].reason("sv")
    assert held.reason_sv.startswith("begränsas och sparas till 2030-12-31 på grund av Norska bokföringslagen")
    assert groups["marketing"].keep[0].reason_sv == "behålls: lagringstiden enligt integritetspolicyn har inte " \
                                                    "löpt ut (till 2027-01-01)"
    assert groups["customer_service"].erase[0].reason_sv == "raderas nu"
    # Building the Swedish view changed nothing the hash covers.
    assert fingerprint(items, None) == "2d0815f950c745203d7983a72de3c650faec706cf2339754421bc9e6067dc9f6"
