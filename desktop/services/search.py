"""One search box: name (any order, prefix, accent-folded), e-mail, phone, identity number, order.

Every page of results is a look at personal data and writes an access-log entry in the same
transaction; the query itself is stored masked. User text only ever reaches SQL as bound
parameters, so '%', '_', quotes and SQL words are plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Select, and_, exists, or_, select, tuple_
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from desktop.domain.contact import looks_like_email, mask_email, mask_phone, normalize_email, phone_candidates
from desktop.domain.national_id import InvalidNationalId, looks_like_national_id, parse_national_id
from desktop.domain.roles import Actor, Permission
from desktop.domain.textfold import fold_words
from desktop.errors import PermissionDenied
from desktop.models import Address, Customer, Order, SearchToken
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


def mask_query(query: str) -> str:
    """What the access log keeps of a query: enough to audit the kind of look, not the person."""
    q = query.strip()
    if looks_like_email(q):
        return "email:" + mask_email(q)
    phones = phone_candidates(q)
    if phones:
        return "phone:" + mask_phone(phones[0])
    if looks_like_national_id(q):
        return "national_id:" + (q[:2] + "*" * max(0, len(q) - 2))
    if order_number_of(q):
        return "order:" + (order_number_of(q) or "")
    words = fold_words(q)[:MAX_WORDS]
    return "name:" + " ".join(w[0] + "*" * (len(w) - 1) for w in words)


def _prefix_range(column: InstrumentedAttribute[str], prefix: str) -> ColumnElement[bool]:
    # Folded tokens are ASCII, so the next code point after the last character closes the range;
    # binary collation on both databases makes this an index range scan.
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(column >= prefix, column < upper)


class SearchService:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx
        self.accounts = AccountService(ctx)

    def search(
        self, actor: Actor, query: str, *, after: tuple[str, str, int] | None = None, limit: int = PAGE
    ) -> SearchPage:
        if not actor.can(Permission.SEARCH):
            raise PermissionDenied("Your role may not search.", "Rollen din kan ikke søke.")
        query = query.strip()[:200]
        limit = max(1, min(limit, 500))
        if not query:
            return SearchPage(query="", kinds=(), hits=(), has_more=False)
        with self.ctx.db.transaction() as s:
            self.accounts.require_active(s, actor)
            page = self._run(s, query, after, limit)
            self.ctx.audit.append(
                s, actor, action="search", data="search_results",
                detail=f"{mask_query(query)}; kinds={'+'.join(page.kinds)}; hits={len(page.hits)}"
                + ("; next_page" if after else ""),
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
            phones = phone_candidates(query)
            if phones:
                kinds.append("phone")
                exact_ids += s.execute(
                    select(Customer.id).where(Customer.phone_e164.in_(phones)).limit(limit)
                ).scalars().all()
            if looks_like_national_id(query):
                kinds.append("national_id")
                try:
                    nid = parse_national_id(query)
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
        if words and (not exact_ids or any(ch.isalpha() for ch in query)):
            kinds.append("name")
            rows: list[tuple[str, str, int]] = [
                (r[0], r[1], r[2]) for r in s.execute(self._name_query(words, after, limit + 1))
            ]
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
    def _name_query(words: list[str], after: tuple[str, str, int] | None, limit: int) -> Select[str, str, int]:
        # The longest word drives the index range scan (most selective); the others must match
        # some other token of the same person, checked by an indexed EXISTS per candidate.
        ordered = sorted(words, key=len, reverse=True)
        driver, rest = ordered[0], ordered[1:]
        t0 = aliased(SearchToken)
        stmt = select(t0.token, t0.sort_name, t0.customer_id).where(_prefix_range(t0.token, driver))
        for word in rest:
            ti = aliased(SearchToken)
            stmt = stmt.where(
                exists().where(and_(ti.customer_id == t0.customer_id, _prefix_range(ti.token, word)))
            )
        if after is not None:
            stmt = stmt.where(tuple_(t0.token, t0.sort_name, t0.customer_id) > tuple_(*after))
        return stmt.order_by(t0.token, t0.sort_name, t0.customer_id).limit(limit)

    @staticmethod
    def _describe(
        s: Session, ids: list[int], cursors: dict[int, tuple[str, str, int]]
    ) -> tuple[SearchHit, ...]:
        if not ids:
            return ()
        rows = s.execute(
            select(Customer.id, Customer.customer_number, Customer.first_name, Customer.last_name,
                   Customer.email, Customer.phone_e164).where(Customer.id.in_(ids), Customer.erased_at.is_(None))
        ).all()
        cities = dict(
            s.execute(
                select(Address.customer_id, Address.city).where(
                    Address.customer_id.in_(ids), or_(Address.kind == "home", Address.kind == "billing")
                )
            ).all()
        )
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
                city=cities.get(cid, ""), cursor=cursors.get(cid),
            ))
        return tuple(hits)
