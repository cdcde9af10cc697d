"""One search box: name (any order, prefix, accent-folded), e-mail, phone, identity number, order.

Every page of results is a look at personal data and writes an access-log entry in the same
transaction; the query itself is stored masked. User text only ever reaches SQL as bound
parameters, so '%', '_', quotes and SQL words are plain text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache

from sqlalchemy import Select, bindparam, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from desktop.audit.log import utcnow
from desktop.domain.contact import looks_like_email, mask_email, mask_phone, normalize_email, phone_candidates
from desktop.domain.national_id import InvalidNationalId, looks_like_national_id, parse_national_id
from desktop.domain.roles import Actor, Permission
from desktop.domain.textfold import fold_words
from desktop.errors import PermissionDenied
from desktop.models import Address, Customer, Order, SearchToken
from desktop.services.access_log import shown_detail
from desktop.services.accounts import AccountService
from desktop.services.context import DeskContext
from desktop.services.registry import nid_hash

PAGE = 50
MAX_WORDS = 5
_ORDER_RE = re.compile(r"^\s*(?:tp)?[\s-]*(\d{7})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class SearchHit:
    customer_id: int
    customer_number: str
    name: str
    masked_email: str
    masked_phone: str
    city: str
    #: Opaque keyset cursor; pass back to fetch the page after this hit.
    cursor: tuple[str, str, int] | None = None


@dataclass(frozen=True)
class SearchPage:
    query: str
    kinds: tuple[str, ...]
    hits: tuple[SearchHit, ...]
    has_more: bool
    notes: tuple[str, ...] = ()
    notes_nb: tuple[str, ...] = ()
    next_cursor: tuple[str, str, int] | None = field(default=None)


def order_number_of(query: str) -> str | None:
    m = _ORDER_RE.match(query)
    return f"TP-{m.group(1)}" if m else None


@lru_cache(maxsize=256)
def _phone_candidates_cached(query: str) -> tuple[str, ...]:
    return tuple(phone_candidates(query))


def _phone_candidates(query: str) -> list[str]:
    """libphonenumber parses cost ~0.2 ms; a search and its log entry ask for the same query."""
    return list(_phone_candidates_cached(query))


def mask_query(query: str) -> str:
    """What the access log keeps of a query: enough to audit the kind of look, not the person."""
    q = query.strip()
    if looks_like_email(q):
        return "email:" + mask_email(q)
    phones = _phone_candidates(q)
    if phones:
        return "phone:" + mask_phone(phones[0])
    if looks_like_national_id(q):
        return "national_id:" + (q[:2] + "*" * max(0, len(q) - 2))
    if order_number_of(q):
        return "order:" + (order_number_of(q) or "")
    words = fold_words(q)[:MAX_WORDS]
    return "name:" + " ".join(w[0] + "*" * (len(w) - 1) for w in words)


def _ordered_words(words: list[str]) -> list[str]:
    # The longest word drives the index range scan (most selective); the others must be word
    # prefixes in the same row's name_key.
    return sorted(words, key=len, reverse=True)


def _name_params(
    words: list[str], after: tuple[str, str, int] | None, limit: int
) -> dict[str, object]:
    params: dict[str, object] = {"limit": limit}
    for i, word in enumerate(_ordered_words(words)):
        if i == 0:
            params["lo0"] = word
            params["hi0"] = word[:-1] + chr(ord(word[-1]) + 1)
        else:
            # Folded words are [a-z0-9] only, so they carry no LIKE wildcards to escape.
            params[f"pat{i}"] = f"% {word}%"
    if after is not None:
        params["a_token"], params["a_sort"], params["a_id"] = after
    return params


@lru_cache(maxsize=2 * MAX_WORDS)
def _name_query(n_words: int, paged: bool) -> Select[str, str, int]:
    """One statement per shape, built once: typing sends a search per keystroke."""
    t0 = aliased(SearchToken)
    stmt = select(t0.token, t0.sort_name, t0.customer_id).where(
        t0.token >= bindparam("lo0"), t0.token < bindparam("hi0")
    )
    for i in range(1, n_words):
        stmt = stmt.where(t0.name_key.like(bindparam(f"pat{i}")))
    if paged:
        stmt = stmt.where(
            tuple_(t0.token, t0.sort_name, t0.customer_id)
            > tuple_(bindparam("a_token"), bindparam("a_sort"), bindparam("a_id"))
        )
    return stmt.order_by(t0.token, t0.sort_name, t0.customer_id).limit(bindparam("limit"))


_C = Customer.__table__.c
_A = Address.__table__.c
# One prebuilt statement for a page of hits: the person and the town of their first home or
# billing address (a correlated lookup on the address index), no ORM objects.
_DESCRIBE = select(
    _C.id, _C.customer_number, _C.first_name, _C.last_name, _C.email, _C.phone_e164,
    select(_A.city)
    .where(_A.customer_id == _C.id, or_(_A.kind == "home", _A.kind == "billing"))
    .order_by(_A.id)
    .limit(1)
    .scalar_subquery()
    .label("city"),
).where(_C.id.in_(bindparam("ids", expanding=True)), _C.erased_at.is_(None))


class SearchService:
    """`clock` returns naive UTC; its local date decides which identity numbers exist yet."""

    def __init__(self, ctx: DeskContext, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.ctx = ctx
        self.accounts = AccountService(ctx)
        self.clock = clock

    def today(self) -> date:
        return self.clock().replace(tzinfo=UTC).astimezone().date()

    def search(
        self, actor: Actor, query: str, *, after: tuple[str, str, int] | None = None, limit: int = PAGE
    ) -> SearchPage:
        if not actor.can(Permission.SEARCH):
            raise PermissionDenied("Your role may not search.", "Rollen din kan ikke søke.")
        query = query.strip()[:200]
        limit = max(1, min(limit, 500))
        if not query:
            return SearchPage(query="", kinds=(), hits=(), has_more=False)
        # A search writes only its own log entry: safe to run again if the connection dropped.
        return self.ctx.db.retry_read(lambda: self._search_logged(actor, query, after, limit))

    def _search_logged(self, actor: Actor, query: str, after: tuple[str, str, int] | None, limit: int) -> SearchPage:
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            page = self._run(s, query, after, limit)
            self.ctx.audit.append(
                s, actor, action="search", data="search_results",
                detail=f"{mask_query(query)}; kinds={'+'.join(page.kinds)}; hits={len(page.hits)}"
                + ("; next_page" if after else "") + shown_detail(h.customer_id for h in page.hits),
            )
            return page

    def _run(self, s: Session, query: str, after: tuple[str, str, int] | None, limit: int) -> SearchPage:
        kinds: list[str] = []
        notes: list[str] = []
        notes_nb: list[str] = []
        exact_ids: list[int] = []

        if after is None:
            if looks_like_email(query):
                kinds.append("email")
                email = normalize_email(query)
                if email:
                    exact_ids += s.execute(
                        select(Customer.id).where(Customer.email_norm == email).limit(limit)
                    ).scalars().all()
            phones = _phone_candidates(query)
            if phones:
                kinds.append("phone")
                exact_ids += s.execute(
                    select(Customer.id).where(Customer.phone_e164.in_(phones)).limit(limit)
                ).scalars().all()
            if looks_like_national_id(query):
                kinds.append("national_id")
                try:
                    nid = parse_national_id(query, self.today(), test_numbers=self.ctx.demo)
                except InvalidNationalId as exc:
                    notes.append(f"Not a valid identity number: {exc}. Searched as text instead.")
                    notes_nb.append(f"Ikke et gyldig fødselsnummer: {exc.message_nb}. Søkte som fritekst i stedet.")
                else:
                    exact_ids += s.execute(
                        select(Customer.id).where(Customer.nid_hash == nid_hash(self.ctx.keys, nid))
                    ).scalars().all()
            order_no = order_number_of(query)
            if order_no:
                kinds.append("order")
                exact_ids += s.execute(
                    select(Order.customer_id).where(Order.order_number == order_no)
                ).scalars().all()

        words = [w for w in fold_words(query) if w][:MAX_WORDS]
        name_hits: list[tuple[int, tuple[str, str, int]]] = []
        has_more = False
        # Names are searched unless the query is plainly an e-mail or an order number; a query of
        # digits that matched nothing exact (a mistyped identity number) still runs as free text.
        wants_names = bool(words) and not looks_like_email(query) and order_number_of(query) is None and (
            any(ch.isalpha() for ch in query) or not exact_ids
        )
        if wants_names:
            kinds.append("name")
            rows = s.execute(_name_query(len(words), after is not None), _name_params(words, after, limit + 1)).all()
            has_more = len(rows) > limit
            seen: set[int] = set()
            for token, sort_name, cid in rows[:limit]:
                if cid not in seen:
                    seen.add(cid)
                    name_hits.append((cid, (token, sort_name, cid)))

        ordered: list[int] = []
        cursors: dict[int, tuple[str, str, int]] = {}
        for cid in exact_ids:
            if cid not in cursors and cid not in ordered:
                ordered.append(cid)
        for cid, cursor in name_hits:
            if cid not in ordered:
                ordered.append(cid)
                cursors[cid] = cursor
        hits = self._describe(s, ordered, cursors)
        next_cursor = name_hits[-1][1] if has_more and name_hits else None
        return SearchPage(query=query, kinds=tuple(kinds), hits=hits, has_more=has_more,
                          notes=tuple(notes), notes_nb=tuple(notes_nb), next_cursor=next_cursor)

    @staticmethod
    def _describe(
        s: Session, ids: list[int], cursors: dict[int, tuple[str, str, int]]
    ) -> tuple[SearchHit, ...]:
        if not ids:
            return ()
        rows = s.execute(_DESCRIBE, {"ids": ids}).all()
        by_id = {r.id: r for r in rows}
        hits = []
        for cid in ids:
            r = by_id.get(cid)
            if r is None:
                continue
            hits.append(SearchHit(
                customer_id=r.id, customer_number=r.customer_number, name=f"{r.first_name} {r.last_name}",
                masked_email=mask_email(r.email) if r.email else "",
                masked_phone=mask_phone(r.phone_e164) if r.phone_e164 else "",
                city=r.city or "", cursor=cursors.get(cid),
            ))
        return tuple(hits)
