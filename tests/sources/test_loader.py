"""The systems file: the shipped example loads, and every mistake names the file, the system and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.policy import load_policy
from desktop.services.sync import default_sources_path, desk_field_types, load_systems
from desktop.sources.loader import SourcesError, load_sources, parse_sources

MINIMAL = """
format = 1
[[systems]]
name = "shop"
kind = "sql"
url = "postgresql+psycopg://reader@db/shop"
record_kinds = ["customer", "order"]
[[systems.tables]]
name = "people"
table = "users"
record_kind = "customer"
key = ["id"]
person = "self"
[systems.tables.columns.email]
field = "email"
identity = "email"
category = "contact"
[[systems.tables]]
name = "orders"
table = "orders"
record_kind = "order"
key = ["id"]
person = { via = "people", column = "user_id" }
[systems.tables.columns.number]
field = "order_number"
category = "purchase_information"

[[systems]]
name = "qliro"
kind = "manual"
recipient = "payment_solutions"
privacy_contact = "privacy@qliro.example"
languages = ["sv", "en"]
"""


def parse(text: str):  # type: ignore[no-untyped-def]
    fields = {k: set(v) for k, v in desk_field_types().items()}
    return parse_sources(text, "shop.toml", policy=load_policy(), desk_fields=fields)


def test_the_shipped_oscar_example_loads() -> None:
    systems = load_systems(default_sources_path(), load_policy())
    oscar = systems.system("django-oscar")
    assert oscar.kind == "sql" and oscar.password == "keyring"
    orders = oscar.table("orders")
    assert orders.completion is not None and orders.completion.complete == ("Complete",)
    assert dict(next(c for c in orders.columns if c.column == "status").values)["Complete"] == "completed"
    assert oscar.table("order_lines").person.via == "orders"


def test_a_minimal_file_with_a_manual_processor() -> None:
    systems = parse(MINIMAL)
    qliro = systems.system("qliro")
    assert (qliro.kind, qliro.recipient, qliro.privacy_contact, qliro.languages) == (
        "manual", "payment_solutions", "privacy@qliro.example", ("sv", "en"))
    assert systems.system("shop").table("people").identity_columns() == {"email": "email"}


@pytest.mark.parametrize(("change", "field", "words"), [
    (('category = "contact"', 'category = "kontakt"'), "systems[0].tables[0].columns.email.category",
     "'kontakt' is not a category of the policy"),
    (('field = "order_number"', 'field = "ordernumber"'), "systems[0].tables[1].columns.number.field",
     "no field 'ordernumber'"),
    (('person = { via = "people"', 'person = { via = "folk"'), "systems[0].tables[1].person.via",
     "'folk' is not an earlier table"),
    (('url = "postgresql+psycopg://reader@db/shop"', 'url = "postgresql+psycopg://reader:hemmelig@db/shop"'),
     "systems[0].url", "holds a password"),
    (('kind = "sql"', 'kind = "ftp"'), "systems[0].kind", "must be one of sql, file, manual"),
    (('recipient = "payment_solutions"', 'recipient = "bank"'), "systems[1].recipient",
     "'bank' is not a recipient"),
    (('privacy_contact = "privacy@qliro.example"', 'privacy_contact = "Qliro"'), "systems[1].privacy_contact",
     "e-mail address"),
    (('key = ["id"]\nperson = "self"', 'key = ["id"]\nperson = "self"\nkeys = ["id"]'), "systems[0].tables[0].keys",
     "unknown key"),
    (('record_kinds = ["customer", "order"]', 'record_kinds = ["customer"]'), "systems[0].tables[1].record_kind",
     "not among the system's record_kinds"),
])
def test_mistakes_name_file_system_and_field(change: tuple[str, str], field: str, words: str) -> None:
    assert change[0] in MINIMAL
    with pytest.raises(SourcesError) as err:
        parse(MINIMAL.replace(change[0], change[1], 1))
    message = str(err.value)
    assert message.startswith("shop.toml: system '")
    assert field in message and words in message
    assert err.value.text("nb").startswith("shop.toml: system '")


def test_broken_toml_and_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match=r"^shop.toml: is not valid TOML"):
        parse("[[systems]\nname=")
    with pytest.raises(SourcesError, match="the file does not exist"):
        load_sources(tmp_path / "nope.toml")


def test_password_must_live_in_the_keyring() -> None:
    with pytest.raises(SourcesError, match=r'systems\[0\].password: may only say "keyring"'):
        parse(MINIMAL.replace('kind = "sql"\n', 'kind = "sql"\npassword = "hemmelig"\n', 1))


def test_a_password_on_the_command_line_is_refused(desk, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.cli import main

    monkeypatch.setenv("GDPR_DESK_LANG", "en")
    db = f"sqlite:///{desk.db.sqlite_path}"
    assert main(["sources", "sync", "--db", db, "--source-url", "postgresql+psycopg://r:hemmelig@127.0.0.1/x"]) == 1
    err = capsys.readouterr().err
    assert "the URL holds a password; keep it in the OS keyring" in err and "Traceback" not in err
