"""One search box: names the way Norwegians type them, contact details, identity and order numbers."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.domain.roles import Actor, Permission, Role
from desktop.errors import AuthenticationFailed, PermissionDenied
from desktop.models import Order
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.registry import add_customer, purposes_for
from desktop.services.search import SearchPage, SearchService, mask_query
from tests.helpers.desks import login


def names(page: SearchPage) -> list[str]:
    return [h.name for h in page.hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("odegard", "Kari Ødegård"), ("ødegård", "Kari Ødegård"), ("ODEGAARD", "Kari Ødegård"),
        ("saether", "Per Sæther"), ("sæther", "Per Sæther"), ("bjorn", "Bjørn Åsen"),
        ("asen bjorn", "Bjørn Åsen"), ("nordmann ola", "Ola Nordmann"), ("ola nordm", "Ola Nordmann"),
        ("lindstrom", "Åsa Lindström"), ("Åsa", "Åsa Lindström"), ("kar ød", "Kari Ødegård"),
    ],
)
def test_names(desk: DeskContext, people: dict[str, int], agent: Actor, query: str, expected: str) -> None:
    assert expected in names(SearchService(desk).search(agent, query))


def test_words_must_all_match(desk: DeskContext, people: dict[str, int], agent: Actor) -> None:
    assert names(SearchService(desk).search(agent, "ola ødegård")) == []


@pytest.mark.parametrize("query", ["+47 912 34 567", "91234567", "912 34 567", "0047 91234567", "+4791234567"])
def test_phone_any_format(desk: DeskContext, people: dict[str, int], agent: Actor, query: str) -> None:
    assert names(SearchService(desk).search(agent, query)) == ["Kari Ødegård"]


@pytest.mark.parametrize("query", ["070-123 45 67", "+46 70 123 45 67", "0701234567"])
def test_swedish_phone(desk: DeskContext, people: dict[str, int], agent: Actor, query: str) -> None:
    assert names(SearchService(desk).search(agent, query)) == ["Åsa Lindström"]


def test_email(desk: DeskContext, people: dict[str, int], agent: Actor) -> None:
    assert names(SearchService(desk).search(agent, "  Per.Saether@Example.NET ")) == ["Per Sæther"]


def test_national_id_exact_through_keyed_hash(desk: DeskContext, people: dict[str, int], agent: Actor) -> None:
    from desktop.models import Customer
    from desktop.security.crypto import decrypt

    with desk.db.transaction() as s:
        c = s.get_one(Customer, people["Sæther"])
        assert c.nid_encrypted is not None
        number = decrypt(desk.keys.nid_enc, c.nid_encrypted)
    assert names(SearchService(desk).search(agent, number)) == ["Per Sæther"]
    spaced = f"{number[:6]} {number[6:]}"
    assert names(SearchService(desk).search(agent, spaced)) == ["Per Sæther"]


def test_invalid_national_id_says_which_rule_and_still_searches(desk: DeskContext, people: dict[str, int],
                                                                agent: Actor) -> None:
    page = SearchService(desk).search(agent, "15108695077")
    assert page.notes and "control" in page.notes[0].lower()
    assert "kontrollsiffer" in page.notes_nb[0].lower()
    page = SearchService(desk).search(agent, "31028012345")
    assert page.notes and page.hits == ()


def test_order_number(desk: DeskContext, people: dict[str, int], agent: Actor) -> None:
    with desk.db.transaction() as s:
        s.add(Order(customer_id=people["Åsen"], order_number="TP-1234567", ordered_at=datetime(2025, 1, 1),
                    status="completed", total_minor=100, purposes=purposes_for(desk.policy, "order"),
                    collected_at=datetime(2025, 1, 1)))
    for q in ("TP-1234567", "tp1234567", "1234567", " TP 1234567 "):
        assert names(SearchService(desk).search(agent, q)) == ["Bjørn Åsen"], q


@pytest.mark.parametrize("query", ["%", "_", "'", '"', "'; DROP TABLE customer; --", "a%b", "o_a", "1=1 OR"])
def test_sql_characters_are_plain_text(desk: DeskContext, people: dict[str, int], agent: Actor, query: str) -> None:
    page = SearchService(desk).search(agent, query)
    assert all(h.name in {"Ola Nordmann", "Kari Ødegård", "Per Sæther", "Bjørn Åsen", "Åsa Lindström"}
               for h in page.hits)
    assert names(SearchService(desk).search(agent, "nordmann")) == ["Ola Nordmann"]


def test_results_page_lazily_in_norwegian_order(desk: DeskContext, agent: Actor) -> None:
    firsts = ["Øystein", "Anne", "Åge", "Zara", "Ærle", "Bjørn"]
    with desk.db.transaction() as s:
        for i in range(120):
            add_customer(s, desk.keys, desk.policy, customer_number=f"K{2000000 + i}",
                         first_name=f"{firsts[i % len(firsts)]}", last_name="Hansen",
                         created_at=datetime(2024, 1, 1))
    svc = SearchService(desk)
    first = svc.search(agent, "hansen", limit=50)
    assert len(first.hits) == 50 and first.has_more and first.next_cursor
    second = svc.search(agent, "hansen", after=first.next_cursor, limit=50)
    third = svc.search(agent, "hansen", after=second.next_cursor, limit=50)
    assert len(third.hits) == 20 and not third.has_more
    all_ids = [h.customer_id for p in (first, second, third) for h in p.hits]
    assert len(set(all_ids)) == 120
    order = [h.name.split()[0] for p in (first, second, third) for h in p.hits]
    blocks = list(dict.fromkeys(order))
    assert blocks == ["Anne", "Bjørn", "Zara", "Ærle", "Øystein", "Åge"]


def test_query_mask() -> None:
    assert mask_query("Kari Ødegård") == "name:k*** o******"
    assert mask_query("kari@example.com").startswith("email:k***@")
    assert "567" in mask_query("+47 912 34 567") and "912" not in mask_query("+47 912 34 567")


def test_roles_and_disabled_accounts(desk: DeskContext, people: dict[str, int]) -> None:
    agent = login(desk, "agent")
    AccountService(desk).set_disabled("agent")
    with pytest.raises(AuthenticationFailed):
        SearchService(desk).search(agent, "nordmann")

    class NoSearch(Actor):
        def can(self, permission: Permission) -> bool:
            return False

    with pytest.raises(PermissionDenied):
        SearchService(desk).search(NoSearch(None, "x", Role.AGENT, "ws"), "nordmann")
