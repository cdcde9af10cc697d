"""`gdpr-desk import`: CSV and JSON Lines exports, all or nothing, rejects with file/line/field, idempotent."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import func, select

from desktop.cli import main
from desktop.models import Customer, MarketingConsent, SearchToken, SourceConflict, SourceRecord
from desktop.services.sync import SyncService

CUSTOMERS = """source_key;first_name;last_name;email;phone;national_id;created_at
N-1001;Kari;Ødegård;Kari@Example.no;912 34 567;;2025-11-03T09:12:00
N-1002;Per;Sæther;per@example.net;;;2026-01-15T18:40:00
"""
CONSENTS = (
    '{"source_key": "C-1", "person_key": "N-1001", "channel": "email", "granted": true, '
    '"changed_at": "2025-11-03T09:12:00", "how": "newsletter_form"}\n'
    '{"source_key": "C-2", "person_key": "N-1002", "channel": "sms", "granted": "nei", '
    '"changed_at": "2026-01-15T18:40:00", "how": "newsletter_form"}\n'
)


def count(desk, model) -> int:  # type: ignore[no-untyped-def]
    with desk.db.transaction() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_customers_then_consents_and_again_changes_nothing(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    people = tmp_path / "customers.csv"
    people.write_text(CUSTOMERS, encoding="utf-8")
    consents = tmp_path / "consents.jsonl"
    consents.write_text(CONSENTS, encoding="utf-8")
    svc = SyncService(desk)
    first = svc.import_file(people, "customer", system="newsletter")
    assert first.loaded and first.written == 2
    assert svc.import_file(consents, "marketing_consent", system="newsletter").written == 2
    with desk.db.transaction() as s:
        kari = s.execute(select(Customer).where(Customer.email_norm == "kari@example.no")).scalar_one()
        assert kari.phone_e164 == "+4791234567" and kari.last_name == "Ødegård"
        assert s.execute(select(SearchToken.customer_id).where(SearchToken.token == "odegard")).scalar() == kari.id
        consent = s.execute(select(MarketingConsent).where(MarketingConsent.customer_id == kari.id)).scalar_one()
        assert consent.granted is True and consent.channel == "email"
        prov = s.execute(select(SourceRecord).where(SourceRecord.record_kind == "marketing_consent",
                                                    SourceRecord.source_key == "C-1")).scalar_one()
        assert (prov.system, prov.customer_id) == ("newsletter", kari.id)
    before = (count(desk, Customer), count(desk, MarketingConsent), count(desk, SourceRecord))
    again = svc.import_file(people, "customer", system="newsletter")
    assert again.loaded and again.written == 0
    assert svc.import_file(consents, "marketing_consent", system="newsletter").written == 0
    assert (count(desk, Customer), count(desk, MarketingConsent), count(desk, SourceRecord)) == before


def test_one_bad_row_loads_nothing_and_is_reported(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "customers.csv"
    bad.write_text(CUSTOMERS + "N-1003;Ola;Nordmann;ola@example.com;;01019912345;2026-13-01T00:00:00\n",
                   encoding="utf-8")
    report = SyncService(desk).import_file(bad, "customer", system="newsletter")
    assert not report.loaded and report.written == 0
    assert count(desk, Customer) == 0 and count(desk, SourceRecord) == 0
    assert report.reject_file == tmp_path / "customers.csv.rejects.csv"
    rows = list(csv.reader(report.reject_file.open(encoding="utf-8")))
    assert rows[0] == ["file", "line", "field", "reason"]
    assert rows[1][:3] == ["customers.csv", "4", "created_at"]
    assert "01019912345" not in report.reject_file.read_text(encoding="utf-8")
    # An invalid identity number is found at loading time, and also rejects the whole file.
    bad.write_text(CUSTOMERS + "N-1003;Ola;Nordmann;ola@example.com;;01019912345;2026-01-01T00:00:00\n",
                   encoding="utf-8")
    report = SyncService(desk).import_file(bad, "customer", system="newsletter")
    assert not report.loaded and count(desk, Customer) == 0
    (reject,) = report.rejects
    assert (reject.line, reject.field) == (4, "national_id") and "not a valid identity number" in reject.reason


def test_a_consent_for_an_unknown_person_and_an_unknown_column(desk, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GDPR_DESK_LANG", "en")
    consents = tmp_path / "consents.jsonl"
    consents.write_text(CONSENTS, encoding="utf-8")
    db = f"sqlite:///{desk.db.sqlite_path}"
    assert main(["import", str(consents), "--kind", "marketing_consent", "--system", "newsletter", "--db", db]) == 1
    err = capsys.readouterr().err
    assert "nothing loaded: 2 of 2 rows rejected" in err
    assert "consents.jsonl:1: person_key: its customer row N-1001 is not in the desk" in err
    assert count(desk, MarketingConsent) == 0
    odd = tmp_path / "odd.csv"
    odd.write_text("source_key,shoe_size\n1,44\n", encoding="utf-8")
    assert main(["import", str(odd), "--kind", "customer", "--db", db]) == 1
    assert "odd.csv:1: shoe_size: not a field of the desk's customer records" in capsys.readouterr().err


def test_the_same_email_in_two_files_is_one_person_but_two_claims_are_a_question(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    svc = SyncService(desk)
    shop = tmp_path / "shop.csv"
    shop.write_text("source_key,first_name,last_name,email\nS1,Kari,Ødegård,kari@example.no\n", encoding="utf-8")
    svc.import_file(shop, "customer", system="shop")
    jobs = tmp_path / "jobs.csv"
    jobs.write_text("source_key,first_name,last_name,email\nJ9,Kari,Ødegård,KARI@example.no\n", encoding="utf-8")
    svc.import_file(jobs, "customer", system="recruiting")
    assert count(desk, Customer) == 1  # one person across two systems, by the e-mail key
    twins = tmp_path / "twins.csv"
    twins.write_text("source_key,first_name,last_name,email\nS2,Kari A.,Ødegård,kari@example.no\n", encoding="utf-8")
    svc.import_file(twins, "customer", system="shop")
    assert count(desk, Customer) == 2  # a second shop account with the same e-mail: not merged
    with desk.db.transaction() as s:
        q = s.execute(select(SourceConflict)).scalar_one()
        assert (q.system, q.source_key, q.reason) == ("shop", "S2", "shared_key")


def test_an_agent_decides_a_question_and_the_decision_is_logged(desk, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.models import AccessLogEntry
    from desktop.services.accounts import AccountService
    from desktop.services.identity import IdentityService

    svc = SyncService(desk)
    first = tmp_path / "a.csv"
    first.write_text("source_key,first_name,last_name,email\nS1,Kari,Ødegård,kari@example.no\n", encoding="utf-8")
    svc.import_file(first, "customer", system="shop")
    twin = tmp_path / "b.csv"
    twin.write_text("source_key,first_name,last_name,email\nS2,Kari,Ødegård,kari@example.no\n", encoding="utf-8")
    svc.import_file(twin, "customer", system="shop")
    consent = tmp_path / "c.jsonl"
    consent.write_text('{"source_key": "C1", "person_key": "S2", "channel": "sms", "granted": true, '
                       '"changed_at": "2026-01-01T10:00:00", "how": "form"}\n', encoding="utf-8")
    svc.import_file(consent, "marketing_consent", system="shop")
    agent = AccountService(desk).login("agent", "demo")
    (q,) = IdentityService(desk).open_questions(agent)
    assert q.made is not None and [c.name for c in q.candidates] == ["Kari Ødegård"]
    keep = q.candidates[0].customer_id
    db = f"sqlite:///{desk.db.sqlite_path}"
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    assert main(["sources", "questions", "--agent", "agent", "--db", db]) == 0
    assert f"candidate {keep} " in capsys.readouterr().out
    assert main(["sources", "decide", str(q.id), "merge", "--into", str(keep), "--reason",
                 "same person: she confirmed both accounts on the phone", "--agent", "agent", "--db", db]) == 0
    with desk.db.transaction() as s:
        assert s.execute(select(func.count()).select_from(Customer)).scalar() == 1
        assert s.execute(select(MarketingConsent.customer_id)).scalar() == keep
        links = s.execute(select(SourceRecord.source_key).where(SourceRecord.record_kind == "customer",
                                                                SourceRecord.record_id == keep)).scalars().all()
        assert sorted(links) == ["S1", "S2"]
        entry = s.execute(select(AccessLogEntry).where(AccessLogEntry.action == "identity_decision")).scalar_one()
        assert entry.customer_id == keep and "merged person" in (entry.detail or "")
    assert IdentityService(desk).open_questions(agent) == []


def test_provenance_names_the_system_and_the_last_sync(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.provenance import last_sync_by_system, provenance_of

    people = tmp_path / "customers.csv"
    people.write_text(CUSTOMERS, encoding="utf-8")
    SyncService(desk).import_file(people, "customer", system="newsletter")
    with desk.db.transaction() as s:
        kari = s.execute(select(Customer.id).where(Customer.email_norm == "kari@example.no")).scalar_one()
        (p,) = provenance_of(s, "customer", [kari])[kari]
        assert (p.system, p.source_table, p.source_key) == ("newsletter", "customer", "N-1001")
        at, outcome = last_sync_by_system(s)["newsletter"]
        assert outcome == "done" and at is not None and at >= p.last_synced
