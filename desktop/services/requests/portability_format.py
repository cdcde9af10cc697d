"""The data-portability export's format (Art. 20): tables, fields, schema and README."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

PORTABILITY_FORMAT = "gdpr-desk-portability"


PORTABILITY_VERSION = "1"


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string | integer | boolean | date | datetime | object
    en: str
    nb: str
    get: Callable[[Any], object]


@dataclass(frozen=True)
class Table:
    name: str
    record_kind: str
    en: str
    nb: str
    fields: tuple[Field, ...]


def _attr(name: str) -> Callable[[Any], object]:
    return lambda record: getattr(record, name)


def _settings(record: Any) -> object:
    try:
        return json.loads(record.profile_settings)
    except (TypeError, ValueError):
        return record.profile_settings


#: What the person gave, processed on consent or contract (Art. 20). Left out on purpose: fraud
#: signals, credit checks and IT-environment data (observed or derived, not given), payments and
#: deliveries (made by the payment and transport companies), the national identity number (used
#: only where secure identification needs it, RULEBOOK §4), password hashes, and addresses that
#: came from the public address register.
PORTABILITY_TABLES: tuple[Table, ...] = (
    Table("customer", "customer", "The person: name and contact details as given to the shop.",
           "Personen: navn og kontaktopplysninger slik de ble gitt til butikken.", (
               Field("customer_number", "string", "The shop's customer number.", "Butikkens kundenummer.",
                      _attr("customer_number")),
               Field("first_name", "string", "First name.", "Fornavn.", _attr("first_name")),
               Field("last_name", "string", "Last name.", "Etternavn.", _attr("last_name")),
               Field("email", "string", "E-mail address.", "E-postadresse.", _attr("email")),
               Field("phone", "string", "Telephone number as given.", "Telefonnummer slik det ble oppgitt.",
                      _attr("phone")),
               Field("language", "string", "Preferred language (ISO 639-1).", "Foretrukket språk (ISO 639-1).",
                      _attr("language")),
               Field("country", "string", "Country (ISO 3166-1 alpha-2).", "Land (ISO 3166-1 alpha-2).",
                      _attr("country")),
               Field("created_at", "datetime", "When the customer record was created.",
                      "Når kundeopplysningene ble registrert.", _attr("created_at")),
           )),
    Table("addresses", "address", "Addresses the person gave.", "Adresser personen har oppgitt.", (
        Field("kind", "string", "home, delivery or billing.", "home (hjem), delivery (levering) eller "
               "billing (faktura).", _attr("kind")),
        Field("street", "string", "Street and number.", "Gate og nummer.", _attr("street")),
        Field("postcode", "string", "Postcode.", "Postnummer.", _attr("postcode")),
        Field("city", "string", "Town.", "Poststed.", _attr("city")),
        Field("country", "string", "Country (ISO 3166-1 alpha-2).", "Land (ISO 3166-1 alpha-2).", _attr("country")),
    )),
    Table("orders", "order", "Orders the person placed.", "Bestillinger personen har gjort.", (
        Field("order_number", "string", "Order number.", "Ordrenummer.", _attr("order_number")),
        Field("ordered_at", "datetime", "When the order was placed.", "Når bestillingen ble gjort.",
               _attr("ordered_at")),
        Field("status", "string", "open, completed, cancelled or returned.",
               "open (åpen), completed (fullført), cancelled (kansellert) eller returned (returnert).",
               _attr("status")),
        Field("channel", "string", "web, store or phone.", "web (nett), store (butikk) eller phone (telefon).",
               _attr("channel")),
        Field("store", "string", "The store, for purchases in a store.", "Butikken, for kjøp i butikk.",
               _attr("store")),
        Field("total_minor", "integer", "Order total in minor units (øre/öre).", "Totalbeløp i øre.",
               _attr("total_minor")),
        Field("currency", "string", "Currency (ISO 4217).", "Valuta (ISO 4217).", _attr("currency")),
        Field("completed_at", "datetime", "When the purchase was completed (delivered and paid).",
               "Når kjøpet ble fullført (levert og betalt).", _attr("completed_at")),
    )),
    Table("order_lines", "order_line", "The products in each order.", "Produktene i hver bestilling.", (
        Field("order_number", "string", "The order the line belongs to.", "Bestillingen linjen hører til.",
               lambda line: line.order.order_number),
        Field("sku", "string", "Product number.", "Varenummer.", _attr("sku")),
        Field("product_name", "string", "Product name.", "Produktnavn.", _attr("product_name")),
        Field("quantity", "integer", "Quantity.", "Antall.", _attr("quantity")),
        Field("unit_price_minor", "integer", "Unit price in minor units (øre/öre).", "Enhetspris i øre.",
               _attr("unit_price_minor")),
    )),
    Table("membership", "membership", "The Mine Sider membership and the member's own settings.",
           "Medlemskapet på Mine sider og medlemmets egne innstillinger.", (
               Field("username", "string", "User name.", "Brukernavn.", _attr("username")),
               Field("joined_at", "datetime", "When the membership began.", "Når medlemskapet begynte.",
                      _attr("joined_at")),
               Field("ended_at", "datetime", "When the membership ended, if it has.",
                      "Når medlemskapet ble avsluttet, hvis det er avsluttet.", _attr("ended_at")),
               Field("profile_settings", "object", "The member's settings (a JSON object; JSON text in CSV).",
                      "Medlemmets innstillinger (et JSON-objekt; JSON-tekst i CSV).", _settings),
           )),
    Table("favourites", "favourite", "Products saved as favourites.", "Produkter lagret som favoritter.", (
        Field("sku", "string", "Product number.", "Varenummer.", _attr("sku")),
        Field("product_name", "string", "Product name.", "Produktnavn.", _attr("product_name")),
        Field("added_at", "datetime", "When it was saved.", "Når den ble lagret.", _attr("added_at")),
    )),
    Table("job_applications", "job_application", "Job applications the person sent.",
           "Jobbsøknader personen har sendt.", (
               Field("position", "string", "The position applied for.", "Stillingen det ble søkt på.",
                      _attr("position")),
               Field("submitted_at", "datetime", "When it was sent.", "Når den ble sendt.", _attr("submitted_at")),
               Field("cover_letter", "string", "The application text.", "Søknadsteksten.", _attr("cover_letter")),
           )),
    Table("contact_messages", "contact_message", "E-mails and contact-form messages the person sent.",
           "E-poster og meldinger via kontaktskjema personen har sendt.", (
               Field("channel", "string", "email or contact_form.", "email (e-post) eller contact_form "
                      "(kontaktskjema).", _attr("channel")),
               Field("received_at", "datetime", "When it arrived.", "Når den kom inn.", _attr("received_at")),
               Field("from_address", "string", "Sender address.", "Avsenderadresse.", _attr("from_address")),
               Field("subject", "string", "Subject.", "Emne.", _attr("subject")),
               Field("body", "string", "The message.", "Meldingen.", _attr("body")),
           )),
    Table("marketing_consents", "marketing_consent", "The person's marketing choices per channel.",
           "Personens valg om markedsføring per kanal.", (
               Field("channel", "string", "email, sms or post.", "email (e-post), sms eller post.",
                      _attr("channel")),
               Field("granted", "boolean", "Whether marketing on this channel is allowed.",
                      "Om markedsføring i denne kanalen er tillatt.", _attr("granted")),
               Field("changed_at", "datetime", "When the choice was last made.", "Når valget sist ble gjort.",
                      _attr("changed_at")),
               Field("how", "string", "Where the choice was made (checkout, mine_sider ...).",
                      "Hvor valget ble gjort (checkout, mine_sider ...).", _attr("how")),
           )),
)


RESTRICTED_FIELD = ("restricted", "boolean",
                     "True if processing of this record is restricted (GDPR Art. 18): kept, not used.",
                     "Sann hvis behandlingen av denne opplysningen er begrenset (artikkel 18): lagret, ikke brukt.")


PORTABLE_BASES = frozenset({"contract", "consent"})


def portability_schema() -> dict[str, Any]:
    """The export's documented format, as shipped in schema.json and docs/portability-schema.md."""
    name, type_, en, nb = RESTRICTED_FIELD
    return {
        "format": PORTABILITY_FORMAT,
        "version": PORTABILITY_VERSION,
        "description": {
            "en": "Personal data the person gave the shop, processed on consent or contract (GDPR Art. 20).",
            "nb": "Personopplysninger personen har gitt butikken, behandlet på grunnlag av samtykke eller avtale "
                  "(personvernforordningen artikkel 20).",
        },
        "encoding": "UTF-8",
        "files": {
            "data.json": "Every table in one JSON document: format, version, exported_at, reference, controller, "
                         "data_subject, and tables (table name -> list of records).",
            "{table}.csv": "One CSV file per table, named after it (RFC 4180: comma, double quotes, CRLF), "
                           "header row first.",
            "schema.json": "This description.",
            "README.txt": "A plain-language explanation in Norwegian and English.",
        },
        "types": {
            "string": "Text; empty in CSV and null in JSON when missing.",
            "integer": "Whole number; money in minor units (øre/öre).",
            "boolean": "true or false.",
            "date": "ISO 8601 date, YYYY-MM-DD.",
            "datetime": "ISO 8601 UTC time, YYYY-MM-DDTHH:MM:SSZ.",
            "object": "A JSON object in data.json; its JSON text in CSV.",
        },
        "tables": {
            t.name: {
                "record_kind": t.record_kind,
                "csv": f"{t.name}.csv",
                "description": {"en": t.en, "nb": t.nb},
                "fields": [
                    {"name": f.name, "type": f.type, "description": {"en": f.en, "nb": f.nb}} for f in t.fields
                ] + [{"name": name, "type": type_, "description": {"en": en, "nb": nb}}],
            }
            for t in PORTABILITY_TABLES
        },
    }


README_TEXT = """Dataportabilitet / Data portability
===================================

NORSK
Denne filen inneholder personopplysningene du selv har gitt {company}, og som vi behandler på
grunnlag av samtykke eller avtale med deg (personvernforordningen artikkel 20). Opplysningene er
i vanlige, maskinlesbare formater, slik at du kan ta dem med til en annen virksomhet.

- data.json: alt i ett JSON-dokument.
- En CSV-fil per tabell (komma som skilletegn, UTF-8).
- schema.json: beskrivelse av hvert felt.

Opplysninger som er begrenset (artikkel 18), er tatt med og merket restricted = true.
Ikke med: opplysninger vi selv har utledet eller fått fra andre (kredittvurderinger, signaler om
misbruk, tekniske data om nettleseren din, betalings- og leveringsdata fra betalings- og
transportselskaper), fødselsnummeret ditt og passordet ditt. Be om innsyn (artikkel 15) hvis du
vil se alt vi har om deg.

ENGLISH
This file holds the personal data you gave {company} that we process on your consent or on a
contract with you (GDPR Article 20), in common machine-readable formats, so that you can take it
to another company.

- data.json: everything in one JSON document.
- One CSV file per table (comma separated, UTF-8).
- schema.json: what every field means.

Restricted data (Article 18) is included and marked restricted = true.
Not included: data we derived or received from others (credit checks, misuse signals, technical
data about your browser, payment and delivery data from payment and transport companies), your
national identity number and your password. Ask for access (Article 15) to see everything we
hold about you.

Exported {exported}. Reference {reference}.
"""
