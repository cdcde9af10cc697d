"""The register copy (Art. 15): what the PDF says, read back with pypdf, and how it leaves the house."""

from __future__ import annotations

import io
import os
import re
import stat
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError
from sqlalchemy import select

from desktop.cli import main
from desktop.domain.requests import RequestState
from desktop.errors import InvalidInput, NotFound
from desktop.models import (
    AccessLogEntry,
    CaseMessage,
    CompetitionEntry,
    ContactMessage,
    CreditCheck,
    Delivery,
    DsrRequest,
    FraudSignal,
    ItEnvironment,
    JobApplication,
    MarketingConsent,
    Membership,
    Order,
    OrderLine,
    Payment,
    ServiceCase,
    WarrantyCase,
)
from desktop.models.register_copy import RegisterCopyRedaction
from desktop.reports import i18n
from desktop.reports.register_copy import WINDOW, FontMissing, render_register_copy, wrap_text
from desktop.services.register_copy import (
    WORDS,
    RegisterCopyNotSent,
    RegisterCopyService,
    SmtpAttachmentMailer,
    generate_password,
    item_id,
)
from desktop.services.registry import add_customer, purposes_for
from desktop.services.requests import RequestService
from tests.helpers.smtp import Inbox, free_port

TODAY = date(2026, 11, 15)
NID = "15108695088"  # RULEBOOK §7: a valid fødselsnummer
AT = datetime(2025, 3, 1, 10, 0)
THIRD_PARTY_NOTE = ("Kunden ringte. Det var samboeren min, Jon Rasmussen, som bestilte; ring ham på 912 34 999 "
                    "eller skriv til jon.r@example.org.")
MARKUP_MESSAGE = "Hei! Dette gjelder <b>Ola & Kari</b> og <img src=x> & co."


# --- building people ---------------------------------------------------------------------------------


def add_person(desk: Any, *, orders: int = 60, first: str = "Øyvind", last: str = "Ærø-Åsen",
               number: str = "K7000001", street: str | None = "Bryggen 3", postcode: str | None = "5003",
               city: str | None = "Bergen", nid: str | None = NID) -> int:
    """A customer with records of every kind, more orders than one profile page, and free texts."""
    p = desk.policy

    def pur(kind: str) -> str:
        return purposes_for(p, kind)

    offset = (int(number[1:]) - 7000001) * 100_000  # order and case numbers are unique across people
    with desk.db.transaction() as s:
        c = add_customer(s, desk.keys, p, customer_number=number, first_name=first, last_name=last,
                         created_at=AT, email="oyvind.aero@example.com", phone="+47 912 34 567", national_id=nid,
                         street=street, postcode=postcode, city=city)
        cid = c.id
        for i in range(orders):
            at = AT + timedelta(days=i)
            order = Order(customer_id=cid, order_number=f"TP-{8000000 + offset + i}", ordered_at=at, completed_at=at,
                          status="completed", total_minor=129900 + i, currency="NOK", purposes=pur("order"))
            s.add(order)
            s.flush()
            s.add_all([
                OrderLine(order_id=order.id, sku=f"TP-2{i:05d}", product_name="Kaffetrakter", quantity=1,
                          unit_price_minor=129900 + i, purposes=pur("order_line")),
                Delivery(order_id=order.id, customer_id=cid, carrier="PostNord", recipient_name=f"{first} {last}",
                         street="Bryggen 3", postcode="5003", city="Bergen", purposes=pur("delivery")),
                Payment(order_id=order.id, customer_id=cid, method="invoice", provider="Qliro",
                        amount_minor=129900 + i, purposes=pur("payment"), source="data_subject"),
            ])
            if i == 0:
                s.add(CreditCheck(customer_id=cid, order_id=order.id, checked_at=at, outcome="approved",
                                  requested_method="invoice", bureau="Creditsafe", explanation="Automatisk vurdering",
                                  purposes=pur("credit_check"), source="credit_bureaus"))
                s.add(WarrantyCase(customer_id=cid, order_id=order.id, kind="warranty", product_name="Kaffetrakter",
                                   description="Lekker vann. Naboen Per Hansen så det også.", opened_at=at,
                                   status="open", purposes=pur("warranty_case")))
        case = ServiceCase(customer_id=cid, case_number=f"SC-{number}", channel="phone", subject="Levering",
                           notes=THIRD_PARTY_NOTE, opened_at=AT, status="open", purposes=pur("service_case"))
        s.add(case)
        s.flush()
        s.add_all([
            CaseMessage(case_id=case.id, customer_id=cid, direction="in", sent_at=AT, author=f"{first} {last}",
                        body=MARKUP_MESSAGE, purposes=pur("case_message")),
            FraudSignal(customer_id=cid, detected_at=AT, kind="address_mismatch", description="Adresse avviker",
                        severity="low", purposes=pur("fraud_signal")),
            ItEnvironment(customer_id=cid, seen_at=AT, ip_address="192.0.2.7", user_agent="Mozilla/5.0 (X11; Linux "
                          "x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
                          purposes=pur("it_environment")),
            JobApplication(customer_id=cid, position="Butikkmedarbeider", submitted_at=AT,
                           cover_letter="Jeg har jobbet med Kari Nordmann i Elkjøp.", status="received",
                           purposes=pur("job_application")),
            ContactMessage(customer_id=cid, channel="email", received_at=AT, from_address="oyvind.aero@example.com",
                           subject="Spørsmål", body="Når kommer pakken?", purposes=pur("contact_message")),
            CompetitionEntry(customer_id=cid, competition="Vinn en TV", kind="competition", entered_at=AT,
                             submission="Svar: 42 tommer", purposes=pur("competition_entry")),
            MarketingConsent(customer_id=cid, channel="email", granted=True, changed_at=AT, how="checkout",
                             purposes=pur("marketing_consent")),
        ])
        s.add(Membership(customer_id=cid, username=f"oyvind{offset}", password_hash="$argon2id$SECRET-HASH",
                         joined_at=AT, profile_settings='{"theme": "dark"}', purposes=pur("membership")))
    return cid


def access_request(desk: Any, actor: Any, cid: int, *, verified: bool = True) -> int:
    svc = RequestService(desk)
    view = svc.file(actor, "access", cid, channel="email")
    if verified:
        svc.verify_identity(actor, view.id, note="BankID")
    return view.id


def look_at(desk: Any, actor: Any, cid: int) -> None:
    """Looks an agent makes before the copy: they must reach the copy without the agent's name."""
    from desktop.services.profile import ProfileService
    from desktop.services.verification import ConsoleSmsGateway, VerificationService

    class NoMail:
        def send_mail(self, to: str, subject: str, body: str) -> None:
            raise AssertionError("no mail in this test")

    verification = VerificationService(desk, mailer=NoMail(), sms=ConsoleSmsGateway(io.StringIO()))
    contact = verification.start_contact(actor, cid, "phone")
    verification.record_access_reason(actor, contact.contact_id, "kunden ringte om en levering")
    profile = ProfileService(desk)
    profile.open_profile(actor, cid, contact.contact_id)
    profile.open_group(actor, cid, "purchase", contact.contact_id)


def pages(pdf: bytes, password: str | None = None) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    if password is not None:
        reader.decrypt(password)
    return [page.extract_text() or "" for page in reader.pages]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def person(desk: Any) -> int:
    return add_person(desk)


@pytest.fixture
def service(desk: Any) -> RegisterCopyService:
    return RegisterCopyService(desk)


@pytest.fixture
def copy_nb(desk: Any, agent: Any, person: int, service: RegisterCopyService) -> tuple[Any, bytes]:
    look_at(desk, agent, person)
    data = service.collect(agent, person, lang="nb", today=TODAY)
    return data, service.render(data, data.redactions)


# --- what the copy says --------------------------------------------------------------------------------


def test_every_required_section_reads_back(desk: Any, copy_nb: tuple[Any, bytes]) -> None:
    data, pdf = copy_nb
    text = flat("\n".join(pages(pdf)))
    policy = desk.policy
    for heading in ("h_confirmation", "h_purposes", "h_automated", "h_transfers", "h_rights", "h_lookups"):
        assert i18n.text(heading, "nb") in text, heading
    assert i18n.text("h_complaint", "nb", authority="Datatilsynet") in text
    assert "Vi bekrefter at vi behandler personopplysninger om deg" in text
    for purpose in policy.purposes:
        assert f"Formål {purpose.number}: {purpose.title.get('nb')}" in text
        assert flat(purpose.retention.text.get("nb")) in text
        basis = policy.legal_basis(purpose.legal_basis)
        assert f"{basis.label.get('nb')} (personvernforordningen art. {basis.gdpr_article})" in text
    for recipient in policy.recipients_for(purpose_keys=[p.key for p in policy.purposes]):
        assert recipient.name.get("nb") in text
    assert "Qliro (selvstendig behandlingsansvarlig)" in text
    assert "PostNord" in text and "Creditsafe" in text  # named in the person's own records
    for source in policy.sources:
        assert source.label.get("nb") in text
    decision = policy.automated_decision("credit_check")
    assert flat(decision.label.get("nb")) in text and flat(decision.logic.get("nb")) in text
    assert flat(decision.significance.get("nb")) in text
    assert "Vurderingene av deg (1 post)" in text and "godkjent" in text
    assert flat(policy.processing_location.text.get("nb")) in text and "Sverige" in text
    for right in policy.rights:
        assert right.label.get("nb") in text or right.key == "complaint"
    authority = policy.supervisory_authority
    assert "Datatilsynet, Postboks 458 Sentrum, 0105 Oslo" in text and authority.website in text
    assert "Ordrenummer" in text and "TP-8000000" in text and "TP-8000059" in text  # all 60, not one page
    assert "Bestilling (60 poster)" in text and "Ordrelinje (60 poster)" in text
    assert data.record_count == sum(len(t.rows) for p in data.purposes for t in p.tables)


def test_every_record_is_printed_once_and_referred_to_elsewhere(copy_nb: tuple[Any, bytes]) -> None:
    data, _ = copy_nb
    printed = [(t.record_kind, r.record_id) for p in data.purposes for t in p.tables for r in t.rows]
    assert len(printed) == len(set(printed))
    legal = next(p for p in data.purposes if p.number == 2)
    assert any(r.title == "Bestilling" and r.count == 60 and r.purpose_number == 1 for r in legal.references)


def test_page_numbers_on_every_page(copy_nb: tuple[Any, bytes]) -> None:
    _, pdf = copy_nb
    texts = pages(pdf)
    assert len(texts) > 3
    for number, page in enumerate(texts, start=1):
        assert f"Side {number} av {len(texts)}" in page


def test_lookups_have_dates_and_purposes_but_no_staff(copy_nb: tuple[Any, bytes]) -> None:
    data, pdf = copy_nb
    text = flat("\n".join(pages(pdf)))
    assert "Kundeprofilen ble åpnet" in text
    assert "Opplysninger for formålet «Bestilling / kjøp» ble vist" in text
    assert data.lookups and all(re.fullmatch(r"\d\d\.\d\d\.\d{4}", row.day) for row in data.lookups)
    for staff in ("Agent Test", "Supervisor Test", "test-ws", "kunden ringte om en levering"):
        assert staff not in text
    assert re.search(r"\bagent\b", text, re.IGNORECASE) is None


def test_markup_and_norwegian_letters_come_out_literally(desk: Any, agent: Any, service: RegisterCopyService,
                                                        copy_nb: tuple[Any, bytes]) -> None:
    _, pdf = copy_nb
    text = "\n".join(pages(pdf))
    assert "Øyvind Ærø-Åsen" in text.split("Side 1 av")[0]  # in the letter, addressed by name
    assert "<b>Ola & Kari</b>" in text and "<img src=x>" in text
    odd = add_person(desk, orders=1, first="<b>Ola & Kari</b>", last="<img src=x>", number="K7000002", nid=None)
    data = service.collect(agent, odd, lang="nb", today=TODAY)
    first_page = pages(service.render(data, ()))[0]
    assert "<b>Ola & Kari</b> <img src=x>" in first_page
    assert "Hei <b>Ola & Kari</b> <img src=x>," in first_page


def test_identity_number_never_in_full_and_page_one_holds_nothing_identity_like(
        desk: Any, copy_nb: tuple[Any, bytes]) -> None:
    _, pdf = copy_nb
    texts = pages(pdf)
    whole = "\n".join(texts)
    compact = re.sub(r"\s", "", whole)
    assert NID not in compact and "151086 95088" not in whole
    assert "151086 *****" in whole  # the masked form, later in the body
    first = texts[0]
    assert "151086" not in first and "15.10.1986" not in first and "*****" not in first
    assert re.search(r"\d{6}\s*\d{5}", first) is None
    assert i18n.text("h_confirmation", "nb") not in first


def test_address_block_sits_in_the_envelope_window(copy_nb: tuple[Any, bytes]) -> None:
    """RULEBOOK §9: about 45 mm from the top, 15-20 mm from the left; the block ends with postcode and city."""
    _, pdf = copy_nb
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    height = float(page.mediabox.height)
    found: dict[str, tuple[float, float]] = {}

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            found.setdefault(text.strip(), (x, y))

    page.extract_text(visitor_text=visit)
    mm = 72 / 25.4
    left, top, width, window_height = (v / mm for v in WINDOW)
    lines = ["Øyvind Ærø-Åsen", "Bryggen 3", "5003 Bergen"]
    for line in lines:
        x, y = found[line]
        from_top = (height - y) / mm
        assert 15 <= x / mm <= 25 and x / mm + 1 < left + width, line
        assert top < from_top < top + window_height, line
    assert [found[line][1] for line in lines] == sorted((found[line][1] for line in lines), reverse=True)


def test_metadata_names_the_document_and_the_shop_never_the_person(copy_nb: tuple[Any, bytes]) -> None:
    _, pdf = copy_nb
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    assert meta.title == "Registerutskrift" and meta.author == "TP E-commerce Norway"
    values = " ".join(str(v) for v in meta.values())
    for personal in ("Øyvind", "Ærø", "K7000001", "oyvind", "Bergen", "151086"):
        assert personal not in values
    assert str(meta["/CreationDate"]).startswith("D:20261115")


def test_same_input_and_date_give_the_same_bytes(agent: Any, person: int, service: RegisterCopyService) -> None:
    first = service.collect(agent, person, lang="nb", today=TODAY)
    second = service.collect(agent, person, lang="nb", today=TODAY)
    assert first == second
    assert service.render(first, ()) == service.render(second, ()) == render_register_copy(first)


def test_english_and_swedish(desk: Any, agent: Any, people: dict[str, int], person: int,
                             service: RegisterCopyService) -> None:
    en = pages(service.render(service.collect(agent, person, lang="en", today=TODAY), ()))
    assert all(f"Page {i} of {len(en)}" in p for i, p in enumerate(en, start=1))
    assert "Dear Øyvind Ærø-Åsen," in en[0] and "15 November 2026" in en[0]
    assert "Purpose 1: Order / purchase" in flat("\n".join(en))
    data = service.collect(agent, people["Lindström"], lang="sv", today=TODAY)
    assert data.addressee.lines == ("Drottninggatan 7", "114 55 Stockholm", "SVERIGE")
    sv = pages(service.render(data, ()))
    assert all(f"Sida {i} av {len(sv)}" in p for i, p in enumerate(sv, start=1))
    assert "Hej Åsa Lindström," in sv[0] and "114 55 Stockholm" in sv[0] and "15 november 2026" in sv[0]
    swedish = flat("\n".join(pages(service.render(service.collect(agent, person, lang="sv", today=TODAY), ()))))
    assert "Ändamål 1: Beställning / köp" in swedish and "Ordernummer" in swedish and "godkänd" in swedish
    assert "Källa: Dig själv." in swedish and "Yourself" not in swedish and "Sources" not in swedish


def test_unknown_language_is_refused(agent: Any, person: int, service: RegisterCopyService) -> None:
    with pytest.raises(InvalidInput):
        service.collect(agent, person, lang="de")


def test_labels_exist_in_every_language_with_the_same_placeholders() -> None:
    for key, texts in i18n.LABELS.items():
        assert set(texts) == {"nb", "en", "sv"}, key
        shapes = {tuple(sorted(re.findall(r"\{(\w+)\}", t))) for t in texts.values()}
        assert len(shapes) == 1, key
    assert all(set(v) == {"nb", "en", "sv"} for v in i18n.PENDING.values())


def test_collect_is_one_logged_read(desk: Any, agent: Any, person: int, service: RegisterCopyService) -> None:
    rid = access_request(desk, agent, person)
    service.collect(agent, person, request_id=rid, today=TODAY)
    with desk.db.transaction() as s:
        entries = list(s.execute(select(AccessLogEntry).where(AccessLogEntry.action == "register_copy_collect"))
                       .scalars())
    assert len(entries) == 1
    assert entries[0].customer_id == person and entries[0].request_id == rid
    assert "Øyvind" not in (entries[0].detail or "")


def test_collect_refuses_an_unverified_or_foreign_request(desk: Any, agent: Any, people: dict[str, int],
                                                         person: int, service: RegisterCopyService) -> None:
    unverified = access_request(desk, agent, person, verified=False)
    with pytest.raises(InvalidInput, match="Verify"):
        service.collect(agent, person, request_id=unverified)
    other = access_request(desk, agent, people["Sæther"])
    with pytest.raises(InvalidInput, match="another customer"):
        service.collect(agent, person, request_id=other)
    with pytest.raises(NotFound):
        service.collect(agent, 999_999)


def test_long_words_are_cut_to_fit() -> None:
    from desktop.reports.register_copy import register_fonts

    register_fonts()
    lines = wrap_text("x" * 400 + " kort", 100)
    assert len(lines) > 3 and lines[-1].endswith("kort")
    assert wrap_text("Linje en\nLinje to", 500) == ["Linje en", "Linje to"]


# --- no postal address, no font ------------------------------------------------------------------------


def test_email_only_customer_gets_a_letter_without_address_block(desk: Any, agent: Any, capsys: Any,
                                                                 service: RegisterCopyService,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    cid = add_person(desk, orders=1, number="K7000003", street=None, postcode=None, city=None, nid=None)
    data = service.collect(agent, cid, today=TODAY)
    assert not data.addressee.postal
    first = flat(pages(service.render(data, ()))[0])
    assert "Ingen postadresse registrert – sendes elektronisk" in first
    assert "Vi har ingen postadresse registrert for deg" in first
    rid = access_request(desk, agent, cid)
    with pytest.raises(InvalidInput, match="window envelope"):
        service.mark_posted(agent, rid, date.today())
    assert RequestService(desk).get(agent, rid).state is RequestState.IDENTITY_VERIFIED
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    out = tmp_path / "copy.pdf"
    rc = main(["--db", str(desk.db.sqlite_path), "register-copy", str(cid), "--out", str(out), "--agent", "agent"])
    err = capsys.readouterr().err
    assert rc == 0 and out.exists() and "no postal address" in err


def test_missing_font_is_a_clear_error(desk: Any, agent: Any, person: int, tmp_path: Path) -> None:
    service = RegisterCopyService(desk, font_dir=tmp_path)
    data = service.collect(agent, person, today=TODAY)
    with pytest.raises(FontMissing) as exc:
        service.render(data, ())
    assert "DejaVuSans.ttf" in exc.value.message and "mangler" in exc.value.message_nb


def test_fonts_ship_with_their_licence() -> None:
    from desktop.reports.register_copy import FONT_FILES, fonts_dir

    folder = fonts_dir()
    assert all((folder / name).is_file() for name in FONT_FILES.values())
    assert "Bitstream" in (folder / "LICENSE").read_text(encoding="utf-8")


# --- encryption ---------------------------------------------------------------------------------------


def test_encrypted_copy_opens_with_its_password_and_not_without(copy_nb: tuple[Any, bytes],
                                                                service: RegisterCopyService) -> None:
    _, pdf = copy_nb
    locked, password = service.encrypt(pdf)
    reader = PdfReader(io.BytesIO(locked))
    assert reader.is_encrypted
    encrypt: Any = reader.trailer["/Encrypt"].get_object()
    assert encrypt["/V"] == 5 and encrypt["/R"] == 6  # AES-256
    assert reader.decrypt("wrong-password") == 0
    with pytest.raises(FileNotDecryptedError):
        PdfReader(io.BytesIO(locked)).pages[0].extract_text()
    assert "Side 1 av" in pages(locked, password)[0]
    other_locked, other = service.encrypt(pdf)
    assert other != password and other_locked != locked


def test_passwords_are_words_and_digits() -> None:
    password = generate_password()
    *words, digits = password.split("-")
    assert len(words) == 5 and all(w in WORDS for w in words) and re.fullmatch(r"\d{4}", digits)
    assert len(set(WORDS)) == len(WORDS) >= 300 and all(w.isascii() and w.isalpha() for w in WORDS)


# --- redaction (Art. 15(4)) ---------------------------------------------------------------------------


def test_review_flags_other_peoples_data_not_the_persons_own(agent: Any, person: int,
                                                             service: RegisterCopyService) -> None:
    data = service.collect(agent, person, today=TODAY)
    items = {i.item_id: i for i in service.review_items(data)}
    with_note = next(i for i in items.values() if i.record_kind == "service_case" and i.field == "notes")
    flagged = {with_note.text[f.start:f.end]: f.kind for f in with_note.flags}
    assert flagged == {"Jon Rasmussen": "name", "912 34 999": "phone", "jon.r@example.org": "email"}
    letter = next(i for i in items.values() if i.record_kind == "job_application")
    assert {letter.text[f.start:f.end] for f in letter.flags} >= {"Kari Nordmann"}
    message = next(i for i in items.values() if i.record_kind == "case_message")
    assert all("Øyvind" not in message.text[f.start:f.end] for f in message.flags)
    assert next(iter(items.values())).flags  # flagged texts come first


def test_redaction_is_recorded_and_applied(desk: Any, agent: Any, person: int, service: RegisterCopyService) -> None:
    rid = access_request(desk, agent, person)
    data = service.collect(agent, person, request_id=rid, today=TODAY)
    item = next(i for i in service.review_items(data) if i.record_kind == "service_case")
    name = item.text.index("Jon Rasmussen")
    phone = item.text.index("912 34 999")
    made = service.redact(agent, rid, item.item_id, [(name, name + 13), (phone, phone + 10)],
                          "samboerens navn og nummer")
    assert [(r.start, r.end) for r in made] == [(name, name + 13), (phone, phone + 10)]
    with desk.db.transaction() as s:
        rows = list(s.execute(select(RegisterCopyRedaction)).scalars())
        log = list(s.execute(select(AccessLogEntry).where(AccessLogEntry.action == "register_copy_redact")).scalars())
    assert len(rows) == 2 and rows[0].reason == "samboerens navn og nummer" and rows[0].actor == "agent"
    assert all("Jon" not in str(getattr(r, c.key)) for r in rows for c in RegisterCopyRedaction.__table__.columns)
    assert len(log) == 1 and log[0].request_id == rid
    assert "redact" in [e.action for e in RequestService(desk).get(agent, rid).history]

    again = service.collect(agent, person, request_id=rid, today=TODAY)
    assert len(again.redactions) == 2
    text = flat("\n".join(pages(service.render(again, again.redactions))))
    assert "Jon Rasmussen" not in text and "912 34 999" not in text
    assert "samboeren min, [sladdet], som bestilte; ring ham på [sladdet] eller" in text
    assert "sladdet på 2 steder" in text
    reviewed = next(i for i in service.review_items(again) if i.item_id == item.item_id)
    assert reviewed.redacted == ((name, name + 13), (phone, phone + 10))


def test_a_text_changed_after_redaction_is_withheld_whole(desk: Any, agent: Any, person: int,
                                                         service: RegisterCopyService) -> None:
    rid = access_request(desk, agent, person)
    data = service.collect(agent, person, request_id=rid, today=TODAY)
    item = next(i for i in service.review_items(data) if i.record_kind == "service_case")
    service.redact(agent, rid, item.item_id, [(0, 6)], "navn")
    with desk.db.transaction() as s:
        case = s.execute(select(ServiceCase).where(ServiceCase.customer_id == person)).scalar_one()
        case.notes = "Ny tekst om Jon Rasmussen."
    again = service.collect(agent, person, request_id=rid, today=TODAY)
    assert next(i for i in service.review_items(again) if i.item_id == item.item_id).changed_since_redaction
    text = flat("\n".join(pages(service.render(again, again.redactions))))
    assert "Jon Rasmussen" not in text and "[sladdet]" in text


def test_redaction_input_is_checked(desk: Any, agent: Any, person: int, people: dict[str, int],
                                    service: RegisterCopyService) -> None:
    rid = access_request(desk, agent, person)
    data = service.collect(agent, person, request_id=rid, today=TODAY)
    item = next(i for i in service.review_items(data) if i.record_kind == "service_case")
    with pytest.raises(InvalidInput):
        service.redact(agent, rid, item.item_id, [(0, 5)], "   ")
    with pytest.raises(InvalidInput):
        service.redact(agent, rid, item.item_id, [(0, len(item.text) + 1)], "navn")
    with pytest.raises(InvalidInput):
        service.redact(agent, rid, "customer:1:name", [(0, 1)], "navn")
    other = access_request(desk, agent, people["Sæther"])
    with pytest.raises(NotFound):
        service.redact(agent, other, item.item_id, [(0, 5)], "navn")
    with desk.db.transaction() as s:
        assert s.execute(select(RegisterCopyRedaction)).first() is None
    assert item.item_id == item_id("service_case", item.record_id, "notes")


# --- sending: a real SMTP server, and one that is down --------------------------------------------------


def _mailer(port: int) -> SmtpAttachmentMailer:
    return SmtpAttachmentMailer("127.0.0.1", port, starttls=False, ssl=False, username=None, password=None,
                                sender="kundservice@teknikproffset.se", timeout=5)


def test_emailed_copy_reaches_a_real_smtp_server_and_completes_the_request(
        desk: Any, agent: Any, person: int, service: RegisterCopyService,
        smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    rid = access_request(desk, agent, person)
    data = service.collect(agent, person, request_id=rid, today=TODAY)
    locked, password = service.encrypt(service.render(data, data.redactions))
    view = service.email(agent, rid, locked, "sms", _mailer(port))
    assert view.state is RequestState.DONE and view.completion_channel == "email"
    assert view.completion_sent_on == date.today() and view.completed_at is not None
    assert "kryptert PDF-vedlegg" in (view.completion_summary or "") and "o***" in (view.completion_summary or "")
    assert inbox.recipients == [["oyvind.aero@example.com"]]
    message = inbox.messages[0]
    parts = [p for p in message.walk() if p.get_filename()]
    assert [p.get_filename() for p in parts] == [f"registerutskrift-{view.reference}.pdf"]
    attached = parts[0].get_payload(decode=True)
    assert attached == locked
    assert PdfReader(io.BytesIO(attached)).is_encrypted
    assert "Side 1 av" in pages(attached, password)[0]
    plain = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    payload: Any = plain.get_payload(decode=True)
    body = payload.decode(plain.get_content_charset() or "utf-8")
    assert password not in body and password not in str(message) and "SMS" in body


def test_smtp_down_marks_nothing_sent(desk: Any, agent: Any, person: int, service: RegisterCopyService) -> None:
    rid = access_request(desk, agent, person)
    data = service.collect(agent, person, request_id=rid, today=TODAY)
    locked, _ = service.encrypt(service.render(data, ()))
    with pytest.raises(RegisterCopyNotSent) as exc:
        service.email(agent, rid, locked, "phone", _mailer(free_port()))
    assert "not sent" in exc.value.message and "Nothing has been marked as sent" in exc.value.message
    assert "ikke sendt" in exc.value.message_nb
    view = RequestService(desk).get(agent, rid)
    assert view.state is RequestState.IDENTITY_VERIFIED and view.completed_at is None
    with desk.db.transaction() as s:
        failed = list(s.execute(select(AccessLogEntry).where(AccessLogEntry.action == "register_copy_email_failed"))
                      .scalars())
    assert len(failed) == 1 and "oyvind.aero@example.com" not in (failed[0].detail or "")


def test_email_refuses_an_unencrypted_copy_or_an_unverified_request(desk: Any, agent: Any, person: int,
                                                                   service: RegisterCopyService) -> None:
    data = service.collect(agent, person, today=TODAY)
    pdf = service.render(data, ())
    rid = access_request(desk, agent, person, verified=False)
    with pytest.raises(InvalidInput, match="Encrypt"):
        service.email(agent, rid, pdf, "sms", _mailer(1))
    locked, _ = service.encrypt(pdf)
    with pytest.raises(InvalidInput, match="cannot be answered"):
        service.email(agent, rid, locked, "sms", _mailer(1))
    with pytest.raises(InvalidInput, match="password"):
        service.email(agent, rid, locked, "email", _mailer(1))


# --- posting and saving ---------------------------------------------------------------------------------


def test_mark_posted_completes_the_request(desk: Any, agent: Any, person: int, service: RegisterCopyService) -> None:
    rid = access_request(desk, agent, person)
    posted = date.today() - timedelta(days=1)
    view = service.mark_posted(agent, rid, posted)
    assert view.state is RequestState.DONE and view.completion_channel == "letter"
    assert view.completion_sent_on == posted and "sendt i posten" in (view.completion_summary or "")
    with pytest.raises(InvalidInput):
        service.mark_posted(agent, rid, posted)  # answered once


def test_save_writes_a_private_file_and_logs_it(desk: Any, agent: Any, person: int, service: RegisterCopyService,
                                                tmp_path: Path) -> None:
    rid = access_request(desk, agent, person)
    data = service.collect(agent, person, request_id=rid, today=TODAY)
    target = service.save(agent, rid, service.render(data, ()), tmp_path / "copy.pdf")
    assert target.read_bytes().startswith(b"%PDF")
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with desk.db.transaction() as s:
        saved = s.execute(select(AccessLogEntry).where(AccessLogEntry.action == "register_copy_save")).scalar_one()
    assert saved.request_id == rid and saved.customer_id == person and "encrypted=no" in (saved.detail or "")
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".register-copy-")]  # no temporary left


def test_cli_writes_the_copy(desk: Any, agent: Any, person: int, capsys: Any, monkeypatch: pytest.MonkeyPatch,
                             tmp_path: Path) -> None:
    monkeypatch.setenv("GDPR_DESK_PASSWORD", "demo")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    rid = access_request(desk, agent, person)
    out = tmp_path / "out.pdf"
    rc = main(["--db", str(desk.db.sqlite_path), "register-copy", str(person), "--out", str(out), "--lang", "en",
               "--agent", "agent", "--request", str(rid), "--encrypt"])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    password = re.search(r"^password: (\S+)$", captured.out, re.MULTILINE)
    assert password is not None and captured.err == ""
    assert "Page 1 of" in pages(out.read_bytes(), password.group(1))[0]
    with pytest.raises(SystemExit):
        main(["--db", str(desk.db.sqlite_path), "register-copy", str(person), "--out", str(out), "--lang", "de",
              "--agent", "agent"])
    with desk.db.transaction() as s:
        assert s.get(DsrRequest, rid) is not None
