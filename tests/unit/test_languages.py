"""Swedish beside Bokmål and English below the interface: letters, outcome texts and service messages.

Swedish customers get Swedish letters; what has no Swedish yet falls back to English, never to a
crash or to a Norwegian paragraph in a Swedish letter.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.domain.requests import RequestState, state_label
from desktop.errors import AuthenticationFailed, DeskError, InvalidInput
from desktop.models import RequestLetter
from desktop.policy import load_policy
from desktop.services.erasure import ErasureService
from desktop.services.letters import (
    LETTER_KINDS,
    format_date,
    letter_language,
    pick,
    render_letter,
    templates_dir,
)
from desktop.services.requests import RequestService
from desktop.services.verification import label
from tests.helpers.desks import login

NOW = datetime(2026, 3, 2, 10, 0)
FIELDS: dict[str, Any] = {
    "name": "Åsa Lindström", "reference": "GDPR-000001", "right": "Rätt till tillgång", "article": "15",
    "received_date": date(2026, 1, 31), "due_date": date(2026, 2, 28), "extended_date": date(2026, 4, 28),
    "extension_reason": "Många poster", "refusal_reason": "Skäl $name {x}", "outcome": "Klart.",
    "lift_date": date(2026, 3, 1), "reason": "Kontrollerat.", "recipient_name": "Qliro", "person_name": "Åsa",
    "customer_number": "K1", "change": "Ändrat:", "details": "- E-post",
}


@pytest.mark.parametrize(("customer", "expected"), [
    ("nb", "nb"), ("nn", "nb"), ("no", "nb"), ("nb-NO", "nb"), (None, "nb"), ("", "nb"),
    ("sv", "sv"), ("sv-SE", "sv"), ("SV", "sv"), ("en", "en"), ("de", "en"), ("da", "en"),
])
def test_the_letter_language_follows_the_customer(customer: str | None, expected: str) -> None:
    assert letter_language(customer) == expected


@pytest.mark.parametrize("kind", LETTER_KINDS)
def test_every_letter_has_a_swedish_template_with_the_same_fields(kind: str) -> None:
    letter = render_letter(kind, "sv", policy=load_policy(), **FIELDS)
    assert letter.lang == "sv" and letter.subject and "$" not in letter.subject
    assert "$" not in letter.body.replace("Skäl $name", "")
    assert "Med vänliga hälsningar" in letter.body and "TP E-commerce Norway" in letter.body
    english = render_letter(kind, "en", policy=load_policy(), **FIELDS)
    # The supervisory authority is the policy's (Datatilsynet): the Swedish letter names the same one.
    assert ("Datatilsynet" in letter.body) == ("Datatilsynet" in english.body)
    if kind == "extension":
        assert "28 april 2026" in letter.body and "dataskyddsförordningen artikel 12.3" in letter.body
    for word in ("henvendelse", "vennlig", "personvernforordningen", "Dear"):  # no Norwegian or English left
        assert word not in letter.text


def test_a_missing_swedish_template_gives_the_english_letter(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    shutil.copytree(templates_dir(), folder, ignore=shutil.ignore_patterns("refusal.sv.txt"))
    letter = render_letter("refusal", "sv", policy=load_policy(), directory=folder, **FIELDS)
    assert letter.lang == "en" and letter.body.startswith("Dear ")
    assert render_letter("completion", "sv", policy=load_policy(), directory=folder, **FIELDS).lang == "sv"


def test_dates_in_letters() -> None:
    day = date(2026, 1, 31)
    assert (format_date(day, "nb"), format_date(day, "en"), format_date(day, "sv")) == \
        ("31.01.2026", "31 January 2026", "31 januari 2026")


def test_pick_falls_back_to_english_then_bokmal() -> None:
    assert pick({"nb": "hei", "en": "hello", "sv": "hej"}, "sv") == "hej"
    assert pick({"nb": "hei", "en": "hello"}, "sv") == "hello"
    assert pick({"nb": "hei"}, "sv") == "hei"
    assert pick({"nb": "hei", "en": "hello"}, "en") == "hello"


def test_desk_errors_speak_swedish_where_they_can_and_english_otherwise() -> None:
    assert AuthenticationFailed("Wrong user name or password.", "Feil brukernavn eller passord.").text("sv") \
        == "Fel användarnamn eller lösenord."
    locked = AuthenticationFailed("Too many failed attempts. Try again in 7 minutes.", "For mange ...")
    assert locked.text("sv") == "För många misslyckade försök. Försök igen om 7 minuter."
    given = DeskError("Saved.", "Lagret.", message_sv="Sparat.")
    assert (given.text("nb"), given.text("sv"), given.text("en"), given.text("de")) == \
        ("Lagret.", "Sparat.", "Saved.", "Saved.")
    plain = InvalidInput("The notes are too long.", "Notatene er for lange.")
    assert plain.text("sv") == "The notes are too long." and plain.text() == "Notatene er for lange."


def test_state_and_channel_labels_have_swedish() -> None:
    assert [state_label(s, "sv") for s in RequestState] == [
        "mottagen", "identitet bekräftad", "under arbete", "väntar på godkännande", "klar", "avslagen", "återkallad"]
    assert state_label(RequestState.DONE, "nb") == "ferdig" and state_label(RequestState.DONE, "en") == "done"
    assert (label("email", "sv"), label("email", "nb"), label("email", "en")) == ("E-post", "E-post", "E-mail")
    assert label("no-such-key", "sv") == "no-such-key"


def _letters(desk: Any, request_id: int) -> list[RequestLetter]:
    with desk.db.transaction() as s:
        return list(s.execute(select(RequestLetter).where(RequestLetter.request_id == request_id)
                              .order_by(RequestLetter.id)).scalars())


def test_a_swedish_customer_gets_swedish_letters_end_to_end(desk: Any, people: dict[str, int],
                                                            agent: Any) -> None:
    svc = RequestService(desk, clock=lambda: NOW)
    view = svc.file(agent, "rectification", people["Lindström"], channel="email", received_on=date(2026, 3, 2))
    ack = svc.acknowledgement(agent, view.id)
    assert ack.lang == "sv" and ack.subject.startswith("Vi har tagit emot din begäran")
    assert "Hej Åsa Lindström," in ack.body and "2 mars 2026" in ack.body
    assert "Rätt till rättelse" in ack.body  # the policy's own Swedish name of the right
    svc.verify_identity(agent, view.id, note="one-time code to the registered e-mail")
    svc.rectify(agent, view.id, {"city": "Malmö"})
    completion = [letter for letter in _letters(desk, view.id) if letter.kind == "completion"]
    assert len(completion) == 1 and completion[0].lang == "sv"
    assert "Vi har rättat följande uppgifter: ort." in completion[0].body
    assert "Datatilsynet" in completion[0].body and "opplysninger" not in completion[0].body


def test_a_stored_letter_records_the_language_it_was_written_in(desk: Any, people: dict[str, int], agent: Any,
                                                                tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a Swedish completion template the letter goes out in English, and the file says English."""
    folder = tmp_path / "templates"
    shutil.copytree(templates_dir(), folder, ignore=shutil.ignore_patterns("completion.sv.txt"))
    monkeypatch.setattr("desktop.services.letters.templates_dir", lambda: folder)
    svc = RequestService(desk, clock=lambda: NOW)
    view = svc.file(agent, "rectification", people["Lindström"], channel="email", received_on=date(2026, 3, 2))
    svc.verify_identity(agent, view.id, note="one-time code to the registered e-mail")
    svc.rectify(agent, view.id, {"city": "Malmö"})
    completion = [letter for letter in _letters(desk, view.id) if letter.kind == "completion"]
    assert len(completion) == 1 and completion[0].body.startswith("Dear ")
    assert completion[0].lang == "en"


def test_a_swedish_customer_erased_gets_a_whole_swedish_completion_letter(desk: Any, people: dict[str, int],
                                                                           agent: Any) -> None:
    """The erasure's outcome is written in Swedish too: the letter is Swedish throughout, not half English."""
    svc, erasure = RequestService(desk, clock=lambda: NOW), ErasureService(desk, clock=lambda: NOW)
    view = svc.file(agent, "erasure", people["Lindström"], channel="email")
    svc.verify_identity(agent, view.id, note="one-time code to the registered e-mail")
    plan = erasure.make_plan(agent, view.id)
    supervisor = login(desk, "supervisor")
    erasure.approve(supervisor, view.id, "demo", plan.fingerprint)
    erasure.execute(agent, view.id)
    completion = [letter for letter in _letters(desk, view.id) if letter.kind == "completion"]
    assert len(completion) == 1 and completion[0].lang == "sv"
    body = completion[0].body
    assert "Vi har raderat dina personuppgifter" in body and "Hej " in body
    assert "We have erased" not in body and "Vi har slettet" not in body
