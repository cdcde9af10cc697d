"""Writing people into the register the one right way: search tokens, protected identity numbers,
purposes from the policy. Demo data, tests and rectification all go through here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from desktop.domain.contact import normalize_email, normalize_phone
from desktop.domain.national_id import NationalId, mask, parse_national_id
from desktop.domain.sorting import name_sort_key
from desktop.domain.textfold import fold_words
from desktop.models import Address, Customer, SearchToken
from desktop.policy import Policy
from desktop.security.crypto import encrypt, keyed_hash
from desktop.security.keys import DeskKeys

MAX_TOKEN = 100


def search_tokens(first_name: str, last_name: str) -> set[str]:
    return {w[:MAX_TOKEN] for w in fold_words(f"{first_name} {last_name}") if w}


def name_key(first_name: str, last_name: str) -> str:
    """Every folded word of the name behind a space, so '% word%' matches a word's prefix."""
    return (" " + " ".join(w[:MAX_TOKEN] for w in fold_words(f"{first_name} {last_name}") if w))[:210]


def nid_hash(keys: DeskKeys, nid: NationalId) -> str:
    return keyed_hash(keys.nid_hash, f"{nid.country}:{nid.number}")


def postal_contact_value(street: str, postcode: str) -> str:
    """The one form a postal address takes in a suppression hash: the street alone would match
    every 'Storgata 1' in the country."""
    return f"{' '.join(street.casefold().split())}|{postcode.replace(' ', '')}"


def contact_hash(keys: DeskKeys, channel: str, value: str) -> str:
    """For suppressions that must outlive the person's erasure without keeping the address."""
    return keyed_hash(keys.nid_hash, f"contact:{channel}:{value}")


@dataclass(frozen=True)
class ProtectedNid:
    hash: str
    masked: str
    encrypted: bytes
    country: str
    birth_date: date


def protect_national_id(keys: DeskKeys, text: str, *, today: date, test_numbers: bool = False) -> ProtectedNid:
    """Validate as of ``today`` (the caller's clock) and keep only the hash, mask and ciphertext."""
    nid = parse_national_id(text, today, test_numbers=test_numbers)
    return ProtectedNid(
        hash=nid_hash(keys, nid), masked=mask(nid), encrypted=encrypt(keys.nid_enc, nid.number),
        country=nid.country, birth_date=nid.birth_date,
    )


def purposes_for(policy: Policy, record_kind: str) -> str:
    return ",".join(p.key for p in policy.purposes_for_record_kind(record_kind))


def add_customer(
    session: Session,
    keys: DeskKeys,
    policy: Policy,
    *,
    customer_number: str,
    first_name: str,
    last_name: str,
    created_at: datetime,
    email: str | None = None,
    phone: str | None = None,
    national_id: str | None = None,
    country: str = "NO",
    language: str = "nb",
    street: str | None = None,
    postcode: str | None = None,
    city: str | None = None,
    today: date | None = None,
    test_numbers: bool = False,
) -> Customer:
    """Write one person. The identity number is validated as of ``today`` (the calling service's
    clock), or as of the day the record is created when no clock is given: a number must have
    existed when it was recorded. ``test_numbers`` admits the desk's own Swedish test numbers."""
    checked_on = today or created_at.date()
    protected = (
        protect_national_id(keys, national_id, today=checked_on, test_numbers=test_numbers) if national_id else None
    )
    customer = Customer(
        customer_number=customer_number, first_name=first_name.strip(), last_name=last_name.strip(),
        sort_name=name_sort_key(first_name, last_name), email=email,
        email_norm=normalize_email(email) if email else None, phone=phone,
        phone_e164=normalize_phone(phone, country) if phone else None,
        nid_hash=protected.hash if protected else None,
        nid_masked=protected.masked if protected else None,
        nid_encrypted=protected.encrypted if protected else None,
        nid_country=protected.country if protected else None,
        birth_date=protected.birth_date if protected else None,
        language=language, country=country, created_at=created_at, collected_at=created_at,
        purposes=purposes_for(policy, "customer"), source="data_subject",
    )
    session.add(customer)
    if street and postcode and city:
        customer.addresses.append(
            Address(kind="home", street=street, postcode=postcode, city=city, country=country,
                    collected_at=created_at, purposes=purposes_for(policy, "address"), source="data_subject")
        )
    session.flush()
    reindex_customer(session, customer)
    return customer


def reindex_customer(session: Session, customer: Customer) -> None:
    """Rewrite the customer's search tokens after their name or sort key changed."""
    customer.sort_name = name_sort_key(customer.first_name, customer.last_name)
    session.execute(delete(SearchToken).where(SearchToken.customer_id == customer.id))
    key = name_key(customer.first_name, customer.last_name)
    session.add_all(
        SearchToken(token=t, sort_name=customer.sort_name, customer_id=customer.id, name_key=key)
        for t in search_tokens(customer.first_name, customer.last_name)
    )
    session.flush()
